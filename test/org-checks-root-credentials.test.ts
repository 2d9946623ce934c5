import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { orgMemberRootCredentials } from '../src/checks/org-member-root-credentials.js';
import { assumeRootClient, collectMemberRootCredentials } from '../src/collect/member-root-credentials.js';
import { collectEvidence } from '../src/collect/collect.js';
import { sessionFrom, type AwsSession } from '../src/collect/session.js';
import { evaluate } from '../src/engine/evaluate.js';
import { policyStatements } from '../src/evidence/least-privilege.js';
import { auditTaskPolicyArn, ROOT_SESSION_ACTIONS } from '../src/evidence/parts/member-root-credentials.js';
import { COLLECTED_AT, evidence } from './builders/evidence.js';
import { ACCOUNTS, AUDIT_TASK_POLICY, orgScenario } from './fake-aws/org-scenarios.js';
import { ROOT_TASK_ACTIONS, startFakeOrg, type FakeOrg } from './fake-aws/org-server.js';

// org-member-root-credentials against the fake organisation with the real SDK: sts:AssumeRoot
// from the management account into each member, then the root session's four reads. Whatever
// is asked of the collector, AWS only ever sees the audit task policy, a session of at most
// 900 s, on the regional STS endpoint.

process.env.AWS_EC2_METADATA_DISABLED = 'true';
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
for (const key of ['AWS_ENDPOINT_URL', 'AWS_ENDPOINT_URL_STS', 'AWS_ENDPOINT_URL_IAM', 'AWS_PROFILE', 'AWS_STS_REGIONAL_ENDPOINTS']) delete process.env[key];

const MGMT = ACCOUNTS.management;

function session(fake: FakeOrg, overrides: Partial<AwsSession> = {}): AwsSession {
  return sessionFrom(fake.baseCredentials, {
    region: 'eu-west-1',
    endpoint: fake.url,
    account: { id: MGMT, partition: 'aws', callerArn: `arn:aws:iam::${MGMT}:user/auditor` },
    maxAttempts: 2,
    ...overrides,
  });
}

// Judged inside the builder's evidence, which was collected at a fixed time in the past.
const judge = (part: Awaited<ReturnType<typeof collectMemberRootCredentials>>) =>
  evaluate(evidence({ parts: { memberRootCredentials: 'data' in part ? { ...part, observedAt: COLLECTED_AT } : part } }), [orgMemberRootCredentials])[0];

describe('org-member-root-credentials against the fake organisation', () => {
  let fake: FakeOrg;
  before(async () => {
    fake = await startFakeOrg(orgScenario());
  });
  after(() => fake.close());

  it('finds every root credential a member still has: FAIL naming them', async () => {
    const part = await collectMemberRootCredentials(session(fake), { accountId: ACCOUNTS.dev, managementAccountId: MGMT });
    assert.ok('data' in part, JSON.stringify(part));
    const data = part.data as { state: string; loginProfile: unknown; accessKeys: { status: string }[]; mfaDevices: unknown[]; signingCertificates: unknown[] };
    assert.equal(data.state, 'audited');
    assert.notEqual(data.loginProfile, null);
    assert.deepEqual(data.accessKeys.map((k) => k.status), ['Active']);
    assert.equal(data.mfaDevices.length, 1);
    assert.equal(data.signingCertificates.length, 1);
    const finding = judge(part);
    assert.equal(finding?.status, 'FAIL');
    assert.equal(finding?.messageId, 'credentialsExist');
    assert.equal(finding?.params.activeKeys, 1);
  });

  it('passes a member whose root credentials were removed', async () => {
    const part = await collectMemberRootCredentials(session(fake), { accountId: ACCOUNTS.prod, managementAccountId: MGMT });
    assert.deepEqual('data' in part && part.data, { state: 'audited', taskPolicyArn: AUDIT_TASK_POLICY, loginProfile: null, accessKeys: [], mfaDevices: [], signingCertificates: [] });
    assert.equal(judge(part)?.status, 'PASS');
  });

  it('does not call AssumeRoot for the management account: NOT_APPLICABLE', async () => {
    const before = fake.assumeRootCalls.length;
    const part = await collectMemberRootCredentials(session(fake), { accountId: MGMT, managementAccountId: MGMT });
    assert.equal(fake.assumeRootCalls.length, before);
    assert.equal(judge(part)?.status, 'NOT_APPLICABLE');
  });

  it('a refused AssumeRoot (suspended member) is ERROR naming the code and sts:AssumeRoot', async () => {
    const part = await collectMemberRootCredentials(session(fake), { accountId: ACCOUNTS.suspended, managementAccountId: MGMT });
    assert.ok('error' in part);
    assert.equal(part.error.code, 'AccessDenied');
    assert.equal(part.error.action, 'sts:AssumeRoot');
    const finding = judge(part);
    assert.equal(finding?.status, 'ERROR');
    assert.equal(finding?.params.action, 'sts:AssumeRoot');
  });

  it('the root session reads only what the audit task policy allows, and the scanning role records only sts:AssumeRoot', async () => {
    const recorded: string[] = [];
    const start = fake.calls.length;
    await collectMemberRootCredentials(session(fake, { onCommand: (a) => recorded.push(a) }), { accountId: ACCOUNTS.security, managementAccountId: MGMT });
    assert.deepEqual(recorded, ['sts:AssumeRoot']);
    const rootCalls = fake.calls.slice(start).filter((c) => c.sessionKind === 'root');
    assert.deepEqual(rootCalls.map((c) => c.action).sort(), [...ROOT_SESSION_ACTIONS].sort());
    for (const c of rootCalls) {
      assert.ok(ROOT_TASK_ACTIONS.IAMAuditRootUserCredentials.includes(c.action), c.action);
      assert.equal(c.params.UserName, undefined, 'root-session reads name no user');
      // A root user without a password: GetLoginProfile answers NoSuchEntity, a fact, not a refusal.
      assert.ok(c.status === 200 || (c.action === 'iam:GetLoginProfile' && c.error === 'NoSuchEntity'), `${c.action} ${c.status} ${c.error}`);
    }
  });

  it('a one-account scan never calls AssumeRoot', async () => {
    const before = fake.assumeRootCalls.length;
    await collectEvidence(session(fake), { sleep: async () => undefined, reportTimeoutMs: 1_000 });
    assert.equal(fake.assumeRootCalls.length, before);
  });

  it('no other task policy is ever requested, sessions last at most 900 s, always in the scan region', async () => {
    // Every member at once, and callers trying to slip in another task policy or a longer session.
    const tricks = [{}, { taskPolicyArn: 'arn:aws:iam::aws:policy/root-task/IAMDeleteRootUserCredentials' }, { TaskPolicyArn: { arn: 'x' }, DurationSeconds: 3600 }];
    await Promise.all(
      Object.values(ACCOUNTS).flatMap((accountId) =>
        tricks.map((trick) => collectMemberRootCredentials(session(fake), { accountId, managementAccountId: MGMT, ...trick } as never)),
      ),
    );
    assert.ok(fake.assumeRootCalls.length >= 3 * (Object.keys(ACCOUNTS).length - 1));
    for (const call of fake.assumeRootCalls) {
      assert.equal(call.taskPolicyArn, AUDIT_TASK_POLICY);
      assert.ok(call.durationSeconds !== undefined && call.durationSeconds <= 900, `DurationSeconds ${call.durationSeconds}`);
      assert.equal(call.region, 'eu-west-1');
      assert.notEqual(call.targetPrincipal, MGMT);
    }
  });
});

describe('centralized root access switched off', () => {
  let fake: FakeOrg;
  before(async () => {
    const org = orgScenario();
    org.centralizedRootAccess = { RootCredentialsManagement: true, RootSessions: false };
    fake = await startFakeOrg(org);
  });
  after(() => fake.close());

  it('without the features at hand: AWS refuses AssumeRoot, ERROR with its code', async () => {
    const part = await collectMemberRootCredentials(session(fake), { accountId: ACCOUNTS.dev, managementAccountId: MGMT });
    assert.ok('error' in part);
    assert.deepEqual([part.error.code, part.error.action], ['AccessDenied', 'sts:AssumeRoot']);
  });

  it('with the management account\'s features: ERROR naming RootSessions, and no AssumeRoot call', async () => {
    const before = fake.assumeRootCalls.length;
    const features = { state: 'enabled' as const, organizationId: 'o-a1b2c3d4e5', enabledFeatures: ['RootCredentialsManagement'] };
    const part = await collectMemberRootCredentials(session(fake), { accountId: ACCOUNTS.dev, managementAccountId: MGMT, features });
    assert.equal(fake.assumeRootCalls.length, before);
    const finding = judge(part);
    assert.equal(finding?.status, 'ERROR');
    assert.equal(finding?.messageId, 'rootSessionUnavailable');
    assert.equal(finding?.params.reason, 'rootSessionsDisabled');
  });
});

describe('the scan policy and the collector agree', () => {
  it('lockdown policy --org allows sts:AssumeRoot only under sts:TaskPolicyArn = the policy the collector asks for, in every partition', () => {
    const statements = policyStatements({ organization: true });
    const withAssumeRoot = statements.filter((s) => JSON.stringify(s.Action).includes('sts:AssumeRoot'));
    assert.equal(withAssumeRoot.length, 1);
    const [statement] = withAssumeRoot as [Record<string, unknown>];
    assert.equal(statement.Action, 'sts:AssumeRoot');
    const condition = statement.Condition as Record<string, Record<string, string[]>>;
    assert.deepEqual(Object.keys(condition), ['StringEquals']);
    assert.deepEqual(condition.StringEquals, { 'sts:TaskPolicyArn': ['aws', 'aws-us-gov', 'aws-cn'].map(auditTaskPolicyArn) });
    // The root session's reads are the task policy's business, never the scanning role's.
    for (const s of statements) for (const action of ROOT_SESSION_ACTIONS) assert.ok(!JSON.stringify(s.Action).includes(action), action);
  });
});

describe('the AssumeRoot client', () => {
  it('sends to the regional STS endpoint, also in us-east-1 where the SDK could pick the global one', async () => {
    for (const region of ['us-east-1', 'eu-west-1']) {
      const client = assumeRootClient({
        credentials: { accessKeyId: 'AKIAFAKE', secretAccessKey: 'fake' },
        region,
        account: { id: MGMT, partition: 'aws', callerArn: `arn:aws:iam::${MGMT}:user/auditor` },
        maxAttempts: 1,
      });
      let host = '';
      // Stop the request before it leaves: only the host it would go to matters.
      client.middlewareStack.add(
        (_next, _context) => async (args) => {
          host = (args.request as { hostname: string }).hostname;
          throw new Error('stopped');
        },
        { step: 'finalizeRequest', name: 'captureHost' },
      );
      const { AssumeRootCommand } = await import('@aws-sdk/client-sts');
      await assert.rejects(client.send(new AssumeRootCommand({ TargetPrincipal: ACCOUNTS.dev, TaskPolicyArn: { arn: AUDIT_TASK_POLICY } })), /stopped/);
      client.destroy();
      assert.equal(host, `sts.${region}.amazonaws.com`);
    }
  });
});
