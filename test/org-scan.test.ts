import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ScanResult } from '../src/record/result.js';
import { ACCOUNTS, OU, orgScenario } from './fake-aws/org-scenarios.js';
import { BASE_ACCESS_KEY_ID, startFakeOrg, type FakeOrg } from './fake-aws/org-server.js';
import { main } from '../src/cli/main.js';
import { liveEnv } from './live-env.js';
import { runMain } from './run-main.js';

// `lockdown scan --org` end to end against the fake organisation (test/fake-aws/org-scenarios.ts):
// the real CLI in this process, the real SDK clients, one loopback endpoint routing each request
// to the account whose session signed it.

const { home, env } = liveEnv('org-scan', {
  credentials: `[mgmt]\naws_access_key_id = ${BASE_ACCESS_KEY_ID}\naws_secret_access_key = fake\n\n[member]\naws_access_key_id = AKIAFAKEMEMBERKEY001\naws_secret_access_key = fake\n`,
  config: '[profile mgmt]\nregion = eu-west-1\n\n[profile member]\nregion = eu-west-1\n',
});
const lockdown = (args: string[]) => runMain(args, { PATH: process.env.PATH ?? '', HOME: home, ...env });

let fake: FakeOrg;
before(async () => {
  fake = await startFakeOrg(orgScenario(), {
    keys: { AKIAFAKEMEMBERKEY001: { accountId: ACCOUNTS.dev, arn: `arn:aws:iam::${ACCOUNTS.dev}:user/dev.one` } },
  });
});
after(() => fake.close());

async function orgScan(args: string[]) {
  const run = await lockdown(['scan', '--profile', 'mgmt', '--endpoint-url', fake.url, '--format', 'json', ...args]);
  return { run, result: run.stdout ? (JSON.parse(run.stdout) as ScanResult) : undefined };
}

const statusOf = (result: ScanResult, account: string, checkId: string) => result.findings.filter((f) => f.accountId === account && f.checkId === checkId).map((f) => f.status);

describe('lockdown scan --org', () => {
  it('scans every ACTIVE account, lists the suspended, closing and unreachable ones as not assessed, and exits 1 with --fail-on', async () => {
    const { run, result } = await orgScan(['--org', '--fail-on', 'critical']);
    assert.equal(run.stderr, '');
    assert.ok(result);
    assert.equal(run.code, 1);
    const assessed = result.accounts.map((a) => a.id).sort();
    assert.deepEqual(assessed, [ACCOUNTS.management, ACCOUNTS.security, ACCOUNTS.prod, ACCOUNTS.dev].sort());
    const notAssessed = Object.fromEntries(result.notAssessed.map((a) => [a.id, a.reason.code]));
    assert.deepEqual(notAssessed, { [ACCOUNTS.suspended]: 'SUSPENDED', [ACCOUNTS.closing]: 'PENDING_CLOSURE', [ACCOUNTS.legacy]: 'AccessDenied' });
    const legacy = result.notAssessed.find((a) => a.id === ACCOUNTS.legacy);
    assert.match(legacy?.reason.message ?? '', new RegExp(`^AccessDenied on sts:AssumeRole for arn:aws:iam::${ACCOUNTS.legacy}:role/OrganizationAccountAccessRole`));
    assert.equal(legacy?.name, 'Sandbox Legacy');
    assert.deepEqual(legacy?.ouPath, [{ id: OU.sandbox, name: 'Sandbox' }]);
    assert.deepEqual(result.coverage, { assessed: 4, inScope: 7 });
    // No finding of any kind for an account that was not assessed: never a PASS.
    for (const id of [ACCOUNTS.suspended, ACCOUNTS.closing, ACCOUNTS.legacy]) assert.equal(result.findings.filter((f) => f.accountId === id).length, 0);

    const dev = result.accounts.find((a) => a.id === ACCOUNTS.dev);
    assert.equal(dev?.name, 'Workloads Dev');
    assert.equal(dev?.email, 'aws-dev@example.com');
    assert.deepEqual(dev?.ouPath, [{ id: OU.workloads, name: 'Workloads' }, { id: OU.dev, name: 'Dev' }]);
    assert.equal(dev?.via, `arn:aws:iam::${ACCOUNTS.dev}:role/OrganizationAccountAccessRole`);
    const mgmt = result.accounts.find((a) => a.id === ACCOUNTS.management);
    assert.equal(mgmt?.via, null);
    assert.deepEqual(mgmt?.ouPath, []);

    // The member with a root password, key and certificate (read through its credential report).
    assert.deepEqual(statusOf(result, ACCOUNTS.dev, 'root-access-keys'), ['FAIL']);
    // Root credentials removed: the three-state root checks say so instead of judging a root that has nothing.
    assert.deepEqual(statusOf(result, ACCOUNTS.prod, 'root-access-keys'), ['NOT_APPLICABLE']);
    assert.deepEqual(statusOf(result, ACCOUNTS.security, 'root-mfa'), ['NOT_APPLICABLE']);
    // Every assessed account is judged by every check (one finding at least per check and account).
    const checkIds = new Set<string>(result.findings.map((f) => f.checkId));
    for (const id of assessed) {
      const own: Set<string> = new Set(result.findings.filter((f) => f.accountId === id).map((f) => f.checkId));
      const missing: string[] = [...checkIds].filter((c: string): boolean => !own.has(c));
      assert.deepEqual(missing, [], `account ${id}`);
    }
    // The per-account summaries add up to the whole.
    const total = result.accounts.reduce((n, a) => n + Object.values(a.summary.byStatus).reduce((x, y) => x + y, 0), 0);
    assert.equal(total, result.findings.length);
    // root-email-domain judges each member's e-mail from ListAccounts.
    assert.deepEqual(statusOf(result, ACCOUNTS.dev, 'root-email-domain'), ['PASS']);
    assert.equal(result.findings.find((f) => f.accountId === ACCOUNTS.dev && f.checkId === 'root-email-domain')?.evidence.source, 'api');

    // Member root credentials, read in a root session (AssumeRoot with the audit task policy):
    // FAIL for the member whose root still has a password, key, MFA and certificate; PASS where
    // they were removed; NOT_APPLICABLE for the management account (AssumeRoot cannot target it).
    assert.deepEqual(statusOf(result, ACCOUNTS.dev, 'org-member-root-credentials'), ['FAIL']);
    assert.deepEqual(statusOf(result, ACCOUNTS.prod, 'org-member-root-credentials'), ['PASS']);
    assert.deepEqual(statusOf(result, ACCOUNTS.security, 'org-member-root-credentials'), ['PASS']);
    assert.deepEqual(statusOf(result, ACCOUNTS.management, 'org-member-root-credentials'), ['NOT_APPLICABLE']);
    // The root-denying SCP is attached to Security and Workloads (inherited by Prod and Dev).
    for (const id of [ACCOUNTS.dev, ACCOUNTS.prod, ACCOUNTS.security]) assert.deepEqual(statusOf(result, id, 'org-root-user-scp'), ['PASS'], id);
    assert.deepEqual(statusOf(result, ACCOUNTS.management, 'org-root-user-scp'), ['NOT_APPLICABLE']);
    // Only ever the audit task policy, and never for the management account.
    assert.ok(fake.assumeRootCalls.length >= 3);
    for (const call of fake.assumeRootCalls) {
      assert.equal(call.taskPolicyArn, 'arn:aws:iam::aws:policy/root-task/IAMAuditRootUserCredentials');
      assert.notEqual(call.targetPrincipal, ACCOUNTS.management);
    }
  });

  it('an OU without the root-denying SCP: its members FAIL org-root-user-scp, naming the OU path', async () => {
    const org = orgScenario();
    const deny = org.policies.find((p) => p.Name === 'DenyRootUser');
    assert.ok(deny);
    deny.targetIds = [OU.security];
    const other = await startFakeOrg(org);
    try {
      const run = await lockdown(['scan', '--profile', 'mgmt', '--endpoint-url', other.url, '--format', 'json', '--org', '--ous', OU.workloads]);
      const result = JSON.parse(run.stdout) as ScanResult;
      for (const id of [ACCOUNTS.dev, ACCOUNTS.prod]) {
        const finding = result.findings.find((f) => f.accountId === id && f.checkId === 'org-root-user-scp');
        assert.equal(finding?.status, 'FAIL', id);
        assert.match(finding?.message ?? '', /Workloads/);
      }
    } finally {
      await other.close();
    }
  });

  it('--fail-on counts a not-assessed account even when every finding is below the threshold', async () => {
    const { run, result } = await orgScan(['--org', '--ous', OU.sandbox, '--fail-on', 'critical']);
    assert.ok(result);
    assert.equal(result.accounts.length, 0);
    assert.deepEqual(result.coverage, { assessed: 0, inScope: 1 });
    assert.equal(run.code, 1);
  });

  it('--ous includes sub-OUs; --accounts and --exclude-accounts narrow the scope', async () => {
    const { result } = await orgScan(['--org', '--ous', OU.workloads, '--exclude-accounts', ACCOUNTS.closing]);
    assert.ok(result);
    assert.deepEqual(result.accounts.map((a) => a.id).sort(), [ACCOUNTS.prod, ACCOUNTS.dev].sort());
    assert.deepEqual(result.notAssessed, []);
    assert.deepEqual(result.coverage, { assessed: 2, inScope: 2 });
    const only = await orgScan(['--org', '--accounts', ACCOUNTS.prod]);
    assert.deepEqual(only.result?.accounts.map((a) => a.id), [ACCOUNTS.prod]);
  });

  it('--ous naming an unknown OU is exit 2 with one line naming it', async () => {
    const { run } = await orgScan(['--org', '--ous', 'ou-ab12-nothere1']);
    assert.equal(run.code, 2);
    assert.equal(run.stderr, 'lockdown: --ous: ou-ab12-nothere1 is not an OU of organization o-a1b2c3d4e5\n');
    assert.equal(run.stdout, '');
  });

  it('--org from a member that is no delegated administrator is exit 3 with one line', async () => {
    const run = await lockdown(['scan', '--profile', 'member', '--endpoint-url', fake.url, '--org', '--format', 'json']);
    assert.equal(run.code, 3);
    assert.equal(run.stderr.split('\n').length, 2, run.stderr);
    assert.match(run.stderr, new RegExp(`^lockdown: --org: account ${ACCOUNTS.dev} is neither the management account \\(${ACCOUNTS.management}\\) of organization o-a1b2c3d4e5 nor a delegated administrator`));
  });

  it('on a terminal, progress says accounts done of in scope, not assessed so far and time left (en and nl)', async () => {
    for (const [lang, started, done] of [
      ['en', /^Scanning 7 accounts, 16 at a time$/m, /^7 of 7 accounts done, 3 not assessed$/m],
      ['nl', /^7 accounts scannen, 16 tegelijk$/m, /^7 van 7 accounts klaar, 3 niet beoordeeld$/m],
    ] as const) {
      let stderr = '';
      const code = await main(['scan', '--profile', 'mgmt', '--endpoint-url', fake.url, '--org', '--format', 'json', '--lang', lang], {
        stdout: { write: () => true },
        stderr: { write: (s: string) => (stderr += s), isTTY: true },
        env: { PATH: process.env.PATH ?? '', HOME: home, ...env },
      });
      assert.equal(code, 0);
      assert.match(stderr, started);
      assert.match(stderr, done);
      assert.match(stderr, lang === 'en' ? /^\d of 7 accounts done, .*about \d+ s left$/m : /^\d van 7 accounts klaar.*, nog ongeveer \d+ s$/m);
      // Per-account collector chatter stays out of a many-account scan's progress.
      assert.doesNotMatch(stderr, /credential report|credential report/i);
    }
  });

  it('bad flags are exit 2 naming the flag', async () => {
    const cases: [string[], RegExp][] = [
      [['--ous', OU.dev], /^lockdown: --ous only applies together with --org\n$/],
      [['--org', '--role-arn', `arn:aws:iam::${ACCOUNTS.dev}:role/x`], /--org and --role-arn cannot be used together/],
      [['--role-arn', 'arn:aws:iam::12:role/x'], /--role-arn: 'arn:aws:iam::12:role\/x' is not an IAM role ARN/],
      [['--org', '--concurrency', '0'], /--concurrency: 0 is not a whole number from 1 to 256/],
      [['--org', '--accounts', '12345'], /--accounts: '12345' is not an AWS account id/],
      [['--org', '--accounts', '123456789000'], /--accounts: account 123456789000 is not in organization o-a1b2c3d4e5/],
      [['--org', '--security-hub'], /^lockdown: --org and --security-hub cannot be used together\n$/],
      [['--targets', '/nonexistent/targets.yaml'], /^lockdown: targets file \/nonexistent\/targets\.yaml/],
    ];
    for (const [args, expected] of cases) {
      const { run } = await orgScan(args);
      assert.equal(run.code, 2, `${args.join(' ')}: ${run.stderr}`);
      assert.match(run.stderr, expected);
    }
  });
});
