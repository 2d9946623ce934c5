import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parse as parseYaml } from 'yaml';
import type { ScanResult } from '../src/record/result.js';
import { SCAN_ACTIONS } from '../src/evidence/least-privilege.js';
import { orgScenario } from './fake-aws/org-scenarios.js';
import { BASE_ACCESS_KEY_ID, startFakeOrg, type FakeOrg } from './fake-aws/org-server.js';
import { liveEnv } from './live-env.js';
import { runMain } from './run-main.js';

// What a many-account scan may do is exactly what `lockdown policy --org` allows: a recorded full
// --org scan holds every call the scanning role made against the printed policy, and sts:AssumeRoot
// only ever with the audit task policy. `lockdown policy --cloudformation` is a template a
// StackSet can roll out: the role, its trust and exactly the scan policy.

const { home, env } = liveEnv('org-policy', {
  credentials: `[mgmt]\naws_access_key_id = ${BASE_ACCESS_KEY_ID}\naws_secret_access_key = fake\n`,
  config: '[profile mgmt]\nregion = eu-west-1\n',
});
const lockdown = (args: string[]) => runMain(args, { PATH: process.env.PATH ?? '', HOME: home, ...env });
const AUDIT = 'arn:aws:iam::aws:policy/root-task/IAMAuditRootUserCredentials';

type Statement = { Sid: string; Effect: string; Action: string | string[]; Resource: string; Condition?: Record<string, Record<string, string[]>> };
const actionsOf = (s: Statement) => (Array.isArray(s.Action) ? s.Action : [s.Action]);

let fake: FakeOrg;
before(async () => {
  fake = await startFakeOrg(orgScenario());
});
after(() => fake.close());

describe('lockdown policy and an organisation scan', () => {
  it('every call of a recorded full --org scan is in `lockdown policy --org`; AssumeRoot only with the audit task policy', async () => {
    const policy = JSON.parse((await lockdown(['policy', '--org'])).stdout) as { Statement: Statement[] };
    const allowed = new Set(policy.Statement.filter((s) => !s.Condition).flatMap(actionsOf));
    const rootStatement = policy.Statement.find((s) => actionsOf(s).includes('sts:AssumeRoot'));
    assert.deepEqual(actionsOf(rootStatement as Statement), ['sts:AssumeRoot']);
    assert.ok(rootStatement?.Condition?.StringEquals?.['sts:TaskPolicyArn']?.every((arn) => /^arn:aws(-us-gov|-cn)?:iam::aws:policy\/root-task\/IAMAuditRootUserCredentials$/.test(arn)));
    assert.ok(!allowed.has('sts:AssumeRoot'), 'AssumeRoot is never allowed without the condition');
    for (const action of allowed) assert.ok(!action.includes('*'), action);

    const before = fake.calls.length;
    const run = await lockdown(['scan', '--profile', 'mgmt', '--endpoint-url', fake.url, '--org', '--format', 'json']);
    const result = JSON.parse(run.stdout) as ScanResult;
    assert.equal(result.coverage.inScope, 7);
    const calls = fake.calls.slice(before);
    // The root sessions' own reads are allowed by the task policy, not by the scanning role.
    const byRole = calls.filter((c) => c.sessionKind !== 'root');
    const outside = [...new Set(byRole.map((c) => c.action).filter((a) => a !== 'sts:AssumeRoot' && !allowed.has(a)))];
    assert.deepEqual(outside, []);
    const rootReads = new Set(calls.filter((c) => c.sessionKind === 'root').map((c) => c.action));
    assert.deepEqual([...rootReads].sort(), ['iam:GetLoginProfile', 'iam:ListAccessKeys', 'iam:ListMFADevices', 'iam:ListSigningCertificates']);
    // Nothing a scan does writes: every action is a read (Describe/Get/List/Generate a report) or an assume.
    for (const action of new Set(byRole.map((c) => c.action))) assert.match(action, /^[a-z-]+:(Describe|Get|List|GenerateCredentialReport|AssumeRole$|AssumeRoot$)/, action);
    const roots = calls.filter((c) => c.action === 'sts:AssumeRoot');
    assert.ok(roots.length >= 3);
    // AssumeRoot speaks the Query protocol: the structure arrives flattened.
    for (const call of roots) assert.equal(call.params['TaskPolicyArn.arn'], AUDIT, JSON.stringify(call.params));
    for (const call of fake.assumeRootCalls) assert.equal(call.taskPolicyArn, AUDIT);
  });

  it('`lockdown policy` without --org is the member role\'s policy: no listing, no AssumeRole, no AssumeRoot', async () => {
    const policy = JSON.parse((await lockdown(['policy'])).stdout) as { Statement: Statement[] };
    const actions = policy.Statement.flatMap(actionsOf);
    assert.deepEqual(actions, [...SCAN_ACTIONS]);
    for (const a of ['sts:AssumeRole', 'sts:AssumeRoot', 'organizations:ListAccounts']) assert.ok(!actions.includes(a), a);
  });

  it('--cloudformation prints a template (JSON, so also YAML) for a read-only role trusting the scanner account with the external id', async () => {
    const run = await lockdown(['policy', '--cloudformation', '--trust-account', '999900001111', '--external-id', 'customer-a-7f3a9c']);
    assert.equal(run.code, 0, run.stderr);
    const template = JSON.parse(run.stdout) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    assert.deepEqual(parseYaml(run.stdout), template);
    assert.equal(template.AWSTemplateFormatVersion, '2010-09-09');
    assert.equal(template.Parameters.ScannerAccountId.Default, '999900001111');
    assert.equal(template.Parameters.ExternalId.Default, 'customer-a-7f3a9c');
    assert.equal(template.Parameters.RoleName.Default, 'LockdownAudit');
    const role = template.Resources.LockdownScanRole;
    assert.equal(role.Type, 'AWS::IAM::Role');
    const trust = role.Properties.AssumeRolePolicyDocument.Statement[0];
    assert.equal(trust.Action, 'sts:AssumeRole');
    assert.deepEqual(trust.Principal.AWS, { 'Fn::Sub': 'arn:${AWS::Partition}:iam::${ScannerAccountId}:root' });
    assert.deepEqual(trust.Condition['Fn::If'][1], { StringEquals: { 'sts:ExternalId': { Ref: 'ExternalId' } } });
    const [inline] = role.Properties.Policies;
    assert.deepEqual(inline.PolicyDocument.Statement.flatMap(actionsOf), [...SCAN_ACTIONS]);
    // Every resource and output refers to something that exists.
    const refs = JSON.stringify(template).match(/"Ref":"([^"]+)"/g)?.map((r) => r.slice(7, -1)) ?? [];
    for (const ref of refs) assert.ok(ref in template.Parameters || ref.startsWith('AWS::'), ref);
  });

  it('--cloudformation input errors are exit 2 naming the flag', async () => {
    const cases: [string[], RegExp][] = [
      [['policy', '--cloudformation'], /^lockdown: --cloudformation needs --trust-account\n$/],
      [['policy', '--cloudformation', '--trust-account', '1234'], /--trust-account: '1234' is not an AWS account id/],
      [['policy', '--cloudformation', '--trust-account', '999900001111', '--external-id', 'x'], /--external-id: an external id is 2 to 1224 characters/],
      [['policy', '--trust-account', '999900001111'], /--trust-account only applies together with --cloudformation/],
    ];
    for (const [args, expected] of cases) {
      const run = await lockdown(args);
      assert.equal(run.code, 2, args.join(' '));
      assert.match(run.stderr, expected);
    }
  });
});
