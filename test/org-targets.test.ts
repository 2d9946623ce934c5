import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { ScanResult } from '../src/record/result.js';
import { ACCOUNTS, memberAccountScenario, orgScenario } from './fake-aws/org-scenarios.js';
import { startFakeOrg, type FakeOrg } from './fake-aws/org-server.js';
import type { OrgScenario } from './fake-aws/org-scenario.js';
import { daysAgo, doc } from './fake-aws/scenarios.js';
import { liveEnv } from './live-env.js';
import { runMain } from './run-main.js';

// The MSP / auditor / insurer case: a scanner account outside both organisations reaches
// customers' accounts through read-only roles with external ids (--targets), one hop into an
// organisation's management account and on into its members (a role chain), and --role-arn.

const SCANNER = '999900001111';
const SCANNER_KEY = 'AKIASCANNERFAKE00001';
const EXT_A = 'customer-a-7f3a9c';
const EXT_B = 'customer-b-52aa01';
const B = (id: string) => `9100${id.slice(4)}`;
const audit = (account: string) => `arn:aws:iam::${account}:role/LockdownAudit`;

const { home, env } = liveEnv('org-targets', {
  credentials: `[scanner]\naws_access_key_id = ${SCANNER_KEY}\naws_secret_access_key = fake\n`,
  config: '[profile scanner]\nregion = eu-west-1\n',
});
const lockdown = (args: string[]) => runMain(args, { PATH: process.env.PATH ?? '', HOME: home, ...env });
const dir = mkdtempSync(join(tmpdir(), 'org-targets-'));

let fake: FakeOrg;
before(async () => {
  const a = orgScenario({ auditRole: { trustedAccountId: SCANNER, externalId: EXT_A } });
  const b = orgScenario({ id: 'o-b2c3d4e5f6', accountIdPrefix: '9100', auditRole: { trustedAccountId: SCANNER, externalId: EXT_B } });
  addHubRole(a);
  const scannerIam = memberAccountScenario({ accountId: SCANNER, root: { created: daysAgo(400), passwordPresent: true, passwordLastUsed: daysAgo(300), mfa: 'hardware' }, email: 'scanner@auditor.example', orgAccessFrom: null });
  fake = await startFakeOrg([a, b], {
    standalone: [{ Id: SCANNER, iam: scannerIam }],
    keys: { [SCANNER_KEY]: { accountId: SCANNER, arn: `arn:aws:iam::${SCANNER}:user/scanner`, userId: 'AIDASCANNERUSER00001' } },
  });
});
after(() => fake.close());

/** Organisation A's management account gets a role the scanner may assume (with A's external id): the hop of a role chain. */
function addHubRole(org: OrgScenario): void {
  const mgmt = org.accounts.find((x) => x.Id === org.managementAccountId);
  assert.ok(mgmt);
  mgmt.iam.roles.push({
    RoleName: 'LockdownHub', RoleId: 'AROAHUBROLEFAKE000001', Arn: `arn:aws:iam::${mgmt.Id}:role/LockdownHub`, Path: '/', CreateDate: daysAgo(30),
    AssumeRolePolicyDocument: doc({ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${SCANNER}:root` }, Action: 'sts:AssumeRole', Condition: { StringEquals: { 'sts:ExternalId': EXT_A } } }),
    AttachedManagedPolicies: [], RolePolicyList: [],
  });
}

function targetsFile(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

async function scan(args: string[]) {
  const run = await lockdown(['scan', '--profile', 'scanner', '--endpoint-url', fake.url, '--format', 'json', ...args]);
  return { run, result: run.stdout ? (JSON.parse(run.stdout) as ScanResult) : undefined };
}

describe('lockdown scan --targets', () => {
  it('scans accounts of two unrelated organisations with their external ids; a wrong external id is denied and reported', async () => {
    const path = targetsFile('targets.yaml', [
      'version: 1',
      'targets:',
      `  - { name: Customer A prod, roleArn: "${audit(ACCOUNTS.prod)}", externalId: ${EXT_A} }`,
      `  - { name: Customer A dev, roleArn: "${audit(ACCOUNTS.dev)}", externalId: ${EXT_A} }`,
      `  - { name: Customer B dev, roleArn: "${audit(B(ACCOUNTS.dev))}", externalId: ${EXT_B} }`,
      `  - { name: Customer B prod, roleArn: "${audit(B(ACCOUNTS.prod))}", externalId: ${EXT_A} }   # B's role wants EXT_B`,
      '',
    ].join('\n'));
    const { run, result } = await scan(['--targets', path, '--fail-on', 'critical']);
    assert.ok(result, run.stderr);
    assert.equal(run.code, 1);
    assert.deepEqual(result.accounts.map((a) => [a.id, a.name, a.via]), [
      [ACCOUNTS.prod, 'Customer A prod', audit(ACCOUNTS.prod)],
      [ACCOUNTS.dev, 'Customer A dev', audit(ACCOUNTS.dev)],
      [B(ACCOUNTS.dev), 'Customer B dev', audit(B(ACCOUNTS.dev))],
    ]);
    assert.equal(result.notAssessed.length, 1);
    const denied = result.notAssessed[0];
    assert.equal(denied?.id, B(ACCOUNTS.prod));
    assert.equal(denied?.name, 'Customer B prod');
    assert.equal(denied?.reason.code, 'AccessDenied');
    assert.match(denied?.reason.message ?? '', new RegExp(`^AccessDenied on sts:AssumeRole for ${audit(B(ACCOUNTS.prod)).replace(/[/]/g, '\\/')}`));
    assert.deepEqual(result.coverage, { assessed: 3, inScope: 4 });
    // Each account is judged on its own state: B's dev root has an access key, A's prod root has nothing left.
    const status = (id: string, check: string) => result.findings.filter((f) => f.accountId === id && f.checkId === check).map((f) => f.status);
    assert.deepEqual(status(B(ACCOUNTS.dev), 'root-access-keys'), ['FAIL']);
    assert.deepEqual(status(ACCOUNTS.prod, 'root-access-keys'), ['NOT_APPLICABLE']);
    // The external id went with every AssumeRole; none was made without one.
    const assumed = fake.calls.filter((c) => c.action === 'sts:AssumeRole' && c.accountId === SCANNER);
    assert.ok(assumed.length >= 4);
    for (const call of assumed) assert.ok(typeof call.params.ExternalId === 'string', JSON.stringify(call.params));
  });

  it('a role chain: one hop into the management account, then its members (an organisation behind a hop, and one member by ARN)', async () => {
    const hub = `arn:aws:iam::${ACCOUNTS.management}:role/LockdownHub`;
    const path = targetsFile('chain.yaml', [
      'targets:',
      '  - name: Customer A organisation',
      '    organization:',
      `      roleArn: ${hub}`,
      `      externalId: ${EXT_A}`,
      '      ous: [ou-ab12-wkld0001]',
      '  - name: Customer A security, by ARN behind the hop',
      `    via: [{ roleArn: "${hub}", externalId: ${EXT_A} }]`,
      `    roleArn: arn:aws:iam::${ACCOUNTS.security}:role/OrganizationAccountAccessRole`,
      '',
    ].join('\n'));
    const { run, result } = await scan(['--targets', path]);
    assert.ok(result, run.stderr);
    assert.equal(run.code, 0);
    assert.deepEqual(result.accounts.map((a) => a.id).sort(), [ACCOUNTS.prod, ACCOUNTS.dev, ACCOUNTS.security].sort());
    assert.deepEqual(result.notAssessed.map((a) => [a.id, a.reason.code]), [[ACCOUNTS.closing, 'PENDING_CLOSURE']]);
    const dev = result.accounts.find((a) => a.id === ACCOUNTS.dev);
    assert.deepEqual(dev?.ouPath?.map((s) => s.name), ['Workloads', 'Dev']);
    assert.equal(dev?.via, `arn:aws:iam::${ACCOUNTS.dev}:role/OrganizationAccountAccessRole`);
    // The hop was assumed once and shared by every member behind it.
    const hops = fake.calls.filter((c) => c.action === 'sts:AssumeRole' && c.params.RoleArn === hub);
    assert.equal(hops.length, 1);
  });

  it('an organisation behind a hop that may not list it loses only that organisation: its hop account is not assessed, the rest is scanned', async () => {
    const path = targetsFile('not-admin.yaml', [
      'targets:',
      '  - name: Customer B, wrongly as an organisation',
      `    organization: { roleArn: "${audit(B(ACCOUNTS.dev))}", externalId: ${EXT_B}, roleName: LockdownAudit }`,
      `  - { name: Customer A prod, roleArn: "${audit(ACCOUNTS.prod)}", externalId: ${EXT_A} }`,
      '',
    ].join('\n'));
    const { run, result } = await scan(['--targets', path]);
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(result?.accounts.map((a) => a.id), [ACCOUNTS.prod]);
    assert.deepEqual(result?.notAssessed.map((a) => [a.id, a.name, a.reason.code]), [[B(ACCOUNTS.dev), 'Customer B, wrongly as an organisation', 'AccessDeniedException']]);
    assert.match(result?.notAssessed[0]?.reason.message ?? '', /is neither the management account .* nor a delegated administrator/);
  });

  it('--role-arn with --external-id scans one account; a wrong one is not assessed', async () => {
    const good = await scan(['--role-arn', audit(B(ACCOUNTS.dev)), '--external-id', EXT_B]);
    assert.deepEqual(good.result?.accounts.map((a) => a.id), [B(ACCOUNTS.dev)]);
    assert.deepEqual(good.result?.coverage, { assessed: 1, inScope: 1 });
    const bad = await scan(['--role-arn', audit(B(ACCOUNTS.dev)), '--external-id', 'not-the-one', '--fail-on', 'low']);
    assert.equal(bad.run.code, 1);
    assert.deepEqual(bad.result?.coverage, { assessed: 0, inScope: 1 });
    assert.equal(bad.result?.notAssessed[0]?.reason.code, 'AccessDenied');
  });

  it('a malformed or unknown-key targets file is exit 2 with one line naming the file, line and field', async () => {
    const cases: [string, string, RegExp][] = [
      ['unknown-key.yaml', `targets:\n  - roleArn: ${audit(ACCOUNTS.dev)}\n    externalID: x1\n`, /^lockdown: targets file .*unknown-key\.yaml:3: .*unknown key 'externalID'\n$/],
      ['bad-arn.yaml', 'targets:\n  - name: x\n    roleArn: arn:aws:iam::12345:role/x\n', /^lockdown: targets file .*bad-arn\.yaml:3: .*expected an IAM role ARN like arn:aws:iam::123456789012:role\/name\n$/],
      ['syntax.yaml', 'targets:\n  - roleArn: [unclosed\n', /^lockdown: targets file .*syntax\.yaml:\d+: /],
      ['empty.json', '{"targets": []}', /^lockdown: targets file .*empty\.json:1: .*lists no target\n$/],
      ['bad-ou.yaml', `targets:\n  - organization:\n      roleArn: ${audit(ACCOUNTS.management)}\n      ous: [workloads]\n`, /^lockdown: targets file .*bad-ou\.yaml:4: .*expected an OU id/],
    ];
    for (const [name, text, expected] of cases) {
      const { run } = await scan(['--targets', targetsFile(name, text)]);
      assert.equal(run.code, 2, `${name}: ${run.stderr}`);
      assert.match(run.stderr, expected, name);
      assert.equal(run.stdout, '');
    }
  });
});
