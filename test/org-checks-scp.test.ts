import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { orgRootUserScp } from '../src/checks/org-root-user-scp.js';
import { collectServiceControlPolicies, memberServiceControlPolicies, type OrganizationScpsRead } from '../src/collect/service-control-policies.js';
import { sessionFrom, type AwsSession } from '../src/collect/session.js';
import { evaluate } from '../src/engine/evaluate.js';
import { ORGANIZATION_ACTIONS, SCAN_ACTIONS } from '../src/evidence/least-privilege.js';
import { COLLECTED_AT, evidence } from './builders/evidence.js';
import type { OrgScenario } from './fake-aws/org-scenario.js';
import { ACCOUNTS, OU, bigOrgScenario, orgScenario } from './fake-aws/org-scenarios.js';
import { startFakeOrg, type FakeOrg } from './fake-aws/org-server.js';

// org-root-user-scp against the fake organisation with the real SDK: every SCP read once for the
// organisation, each member's part derived from it and its OU path, then judged.

process.env.AWS_EC2_METADATA_DISABLED = 'true';
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
for (const key of ['AWS_ENDPOINT_URL', 'AWS_ENDPOINT_URL_ORGANIZATIONS', 'AWS_PROFILE']) delete process.env[key];

function session(fake: FakeOrg, managementAccountId: string, onCommand?: (a: string) => void): AwsSession {
  return sessionFrom(fake.baseCredentials, {
    region: 'eu-west-1',
    endpoint: fake.url,
    account: { id: managementAccountId, partition: 'aws', callerArn: `arn:aws:iam::${managementAccountId}:user/auditor` },
    maxAttempts: 2,
    ...(onCommand ? { onCommand } : {}),
  });
}

/** The account's OU path (root excluded), as the organisation scan derives it from ListParents. */
function ouPath(org: OrgScenario, accountId: string): { id: string; name: string }[] {
  const path: { id: string; name: string }[] = [];
  let parent = org.accounts.find((a) => a.Id === accountId)?.parentId;
  while (parent && parent !== org.rootId) {
    const ou = org.ous.find((o) => o.Id === parent);
    if (!ou) break;
    path.unshift({ id: ou.Id, name: ou.Name });
    parent = ou.parentId;
  }
  return path;
}

function judge(read: OrganizationScpsRead, org: OrgScenario, accountId: string) {
  const name = org.accounts.find((a) => a.Id === accountId)?.Name ?? null;
  const part = memberServiceControlPolicies(read, { accountId, accountName: name, ouPath: ouPath(org, accountId), managementAccountId: org.managementAccountId });
  // Judged inside the builder's evidence, which was collected at a fixed time in the past.
  const placed = 'data' in part ? { ...part, observedAt: COLLECTED_AT } : part;
  return evaluate(evidence({ parts: { serviceControlPolicies: placed } }), [orgRootUserScp])[0];
}

describe('org-root-user-scp against the fake organisation', () => {
  const org = orgScenario();
  let fake: FakeOrg;
  let read: OrganizationScpsRead;
  const recorded: string[] = [];
  before(async () => {
    fake = await startFakeOrg(org);
    read = await collectServiceControlPolicies(session(fake, org.managementAccountId, (a) => recorded.push(a)));
  });
  after(() => fake.close());

  it('reads every SCP with its document and targets', () => {
    assert.ok(read.ok, JSON.stringify(read));
    const { scps } = read;
    assert.equal(scps.rootId, org.rootId);
    assert.equal(scps.organizationId, org.Id);
    assert.equal(scps.enabled, true);
    assert.deepEqual(Object.keys(scps.policies).sort(), org.policies.map((p) => p.Id).sort());
    for (const p of org.policies) {
      assert.deepEqual(JSON.parse((scps.policies[p.Id] as { content: string }).content), p.Content);
      for (const target of p.targetIds) assert.ok(scps.attachments[target]?.includes(p.Id), `${p.Id} on ${target}`);
    }
  });

  it('asks only for actions in the organisation scan policy, and no more calls than policies', () => {
    for (const action of recorded) assert.ok(ORGANIZATION_ACTIONS.includes(action) || SCAN_ACTIONS.includes(action), action);
    const describes = recorded.filter((a) => a === 'organizations:DescribePolicy').length;
    assert.equal(describes, org.policies.length);
    assert.equal(recorded.filter((a) => a === 'organizations:ListTargetsForPolicy').length, org.policies.length);
  });

  it('passes members under an OU with the DenyRootUser SCP, also through inheritance', () => {
    for (const [accountId, target] of [
      [ACCOUNTS.security, 'Security'],
      [ACCOUNTS.prod, 'Workloads'],
      [ACCOUNTS.dev, 'Workloads'],
    ] as const) {
      const f = judge(read, org, accountId);
      assert.equal(f?.status, 'PASS', accountId);
      assert.equal(f?.messageId, 'denied');
      assert.equal(f?.params.target, target);
      assert.equal(f?.params.policyName, 'DenyRootUser');
    }
  });

  it('fails a member whose path lacks it, naming the path', () => {
    const f = judge(read, org, ACCOUNTS.legacy);
    assert.equal(f?.status, 'FAIL');
    assert.equal(f?.messageId, 'notDenied');
    assert.equal(f?.params.path, 'Root / Sandbox / Sandbox Legacy');
    assert.ok(ouPath(org, ACCOUNTS.legacy).some((o) => o.id === OU.sandbox));
  });

  it('the management account is NOT_APPLICABLE: SCPs do not apply to it', () => {
    assert.equal(judge(read, org, org.managementAccountId)?.status, 'NOT_APPLICABLE');
  });
});

describe('org-root-user-scp when the reads fail', () => {
  it('a denied DescribePolicy fails the whole read: every member ERROR naming the action', async () => {
    const org = orgScenario();
    const fake = await startFakeOrg(org, { faults: { all: { accessDenied: ['organizations:DescribePolicy'] } } });
    try {
      const read = await collectServiceControlPolicies(session(fake, org.managementAccountId));
      assert.ok(!read.ok);
      assert.equal(read.error.action, 'organizations:DescribePolicy');
      const f = judge(read, org, ACCOUNTS.dev);
      assert.equal(f?.status, 'ERROR');
      assert.equal(f?.params.action, 'organizations:DescribePolicy');
    } finally {
      await fake.close();
    }
  });

  it('a ListTargetsForPolicy that repeats its token stops with PaginationLoop', async () => {
    const org = orgScenario();
    const fake = await startFakeOrg(org, { faults: { all: { repeatToken: ['organizations:ListTargetsForPolicy'] } } });
    try {
      const read = await collectServiceControlPolicies(session(fake, org.managementAccountId));
      assert.ok(!read.ok);
      assert.deepEqual([read.error.code, read.error.action], ['PaginationLoop', 'organizations:ListTargetsForPolicy']);
    } finally {
      await fake.close();
    }
  });
});

describe('org-root-user-scp in a larger organisation', () => {
  it('pages through targets; calls grow with policies, not accounts', async () => {
    const org = bigOrgScenario({ accounts: 120, usersPerAccount: 0 });
    const fake = await startFakeOrg(org);
    try {
      const recorded: string[] = [];
      const read = await collectServiceControlPolicies(session(fake, org.managementAccountId, (a) => recorded.push(a)));
      assert.ok(read.ok);
      // FullAWSAccess sits on the root, 40 OUs and 120 accounts: 161 targets, 9 pages of 20.
      assert.equal(Object.keys(read.scps.attachments).length, 1 + org.ous.length + org.accounts.length);
      assert.ok(recorded.length < 20, `${recorded.length} calls`);
      const statuses = org.accounts.slice(1, 40).map((a) => judge(read, org, a.Id)?.status);
      assert.ok(statuses.includes('PASS') && statuses.includes('FAIL'), statuses.join(','));
    } finally {
      await fake.close();
    }
  });
});
