import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import type { ScanResult } from '../src/engine/result.js';
import type { Faults, Scenario } from './fake-aws/scenario.js';
import { hardenedScenario, insecureScenario, memberRootRemovedScenario } from './fake-aws/scenarios.js';
import { startFakeAws } from './fake-aws/server.js';
import { liveEnv } from './live-env.js';
import { runMain } from './run-main.js';

// The CLI against the fake AWS endpoint (--endpoint-url), with credentials from a profile in a
// temporary credentials file: what a user runs, minus AWS. It runs in this process (main(argv, io),
// test/run-main.ts; liveEnv has put the credential files into process.env, where the SDK reads
// them); one test runs the built CLI in its own process, with the AWS settings only in its env.

const { home, env, lockdown: spawnLockdown } = liveEnv('cli-live', {
  credentials: '[audit]\naws_access_key_id = AKIDAUDIT\naws_secret_access_key = fake\n\n[stale]\naws_access_key_id = AKIDEXPIRED\naws_secret_access_key = fake\n',
  config: '[profile audit]\nregion = eu-west-1\n\n[profile stale]\nregion = eu-west-1\n',
});
const lockdown = (args: string[]) => runMain(args, { PATH: process.env.PATH ?? '', HOME: home, ...env });

async function liveScan(scenario: Scenario, args: string[] = [], faults: Faults = {}) {
  const fake = await startFakeAws(scenario, faults);
  try {
    const run = await lockdown(['scan', '--profile', 'audit', '--endpoint-url', fake.url, '--format', 'json', ...args]);
    return { run, calls: [...fake.calls], result: run.stdout ? (JSON.parse(run.stdout) as ScanResult) : undefined };
  } finally {
    await fake.close();
  }
}

type Expect = [checkId: string, resourceName: string, status: string, messageId?: string];
function assertFindings(result: ScanResult | undefined, expected: Expect[]) {
  assert.ok(result);
  for (const [checkId, resource, status, messageId] of expected) {
    const found: ScanResult['findings'] = result.findings.filter((f) => f.checkId === checkId && f.resource.name === resource);
    assert.equal(found.length, 1, `${checkId} on ${resource}: ${found.length} findings (${result.findings.filter((f) => f.checkId === checkId).map((f) => f.resource.name).join(', ')})`);
    const f = found[0];
    assert.equal(f?.status, status, `${checkId} on ${resource}: ${f?.status} ${f?.messageId} ${f?.message}`);
    if (messageId) assert.equal(f?.messageId, messageId, `${checkId} on ${resource}`);
  }
}

describe('lockdown scan against the fake AWS endpoint', () => {
  it('hardened account: nothing fails, exit 0 even with --fail-on low', async () => {
    const { run, result } = await liveScan(hardenedScenario(), ['--fail-on', 'low']);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(result?.scan.source, 'aws');
    assert.equal(result?.accounts[0]?.id, '111122223333');
    assert.equal(result?.accounts[0]?.collector, 'aws-sdk');
    assert.deepEqual(result?.findings.filter((f) => f.status === 'FAIL' || f.status === 'ERROR').map((f) => `${f.checkId} ${f.resource.name}`), []);
    assertFindings(result, [
      ['root-mfa', '<root_account>', 'PASS'],
      ['root-hardware-mfa', '<root_account>', 'PASS', 'hardwareMfa'],
      ['root-access-keys', '<root_account>', 'PASS', 'noKeys'],
      ['password-policy-min-length', 'account password policy', 'PASS'],
      ['account-security-contact', 'SECURITY', 'PASS'],
      ['org-membership', '111122223333', 'PASS'],
      ['org-centralized-root-access', 'organization', 'PASS'],
      ['access-analyzer-enabled', 'eu-west-1', 'PASS'],
      ['root-password-rotation', '<root_account>', 'MANUAL'],
    ]);
  });

  it('insecure account: the failures a person must fix, exit 1 with --fail-on critical', async () => {
    const { run, result } = await liveScan(insecureScenario(), ['--fail-on', 'critical']);
    assert.equal(run.code, 1, run.stderr);
    assertFindings(result, [
      ['root-mfa', '<root_account>', 'FAIL'],
      ['root-access-keys', '<root_account>', 'FAIL', 'activeKeys'],
      ['root-recent-use', '<root_account>', 'FAIL', 'usedRecently'],
      ['root-email-domain', '<root_account>', 'MANUAL', 'emailUnknown'],
      ['password-policy-min-length', 'account password policy', 'FAIL'],
      ['password-policy-reuse-prevention', 'account password policy', 'FAIL'],
      ['user-console-mfa', 'admin', 'FAIL', 'noMfa'],
      ['user-console-mfa', 'mfa.user', 'PASS', 'mfa'],
      ['user-console-mfa', 'deploy-bot', 'NOT_APPLICABLE', 'noPassword'],
      ['user-admin-mfa', 'admin', 'FAIL'],
      ['user-admin-mfa', 'jane', 'FAIL'],
      ['user-admin-mfa', 'svc,legacy', 'FAIL'],
      ['user-single-active-key', 'deploy-bot', 'FAIL', 'twoActiveKeys'],
      ['user-access-key-rotation', 'deploy-bot', 'FAIL'],
      ['user-direct-policies', 'admin', 'FAIL'],
      ['user-in-group', 'svc,legacy', 'FAIL'],
      ['policy-full-admin', 'AdministratorAccess', 'FAIL', 'attached'],
      ['server-certificates-expired', 'legacy-elb', 'FAIL', 'expired'],
      ['server-certificates-expired', 'www-2026', 'PASS'],
      ['account-security-contact', 'SECURITY', 'FAIL', 'missing'],
      ['account-billing-operations-contacts', 'BILLING+OPERATIONS', 'FAIL', 'duplicate'],
      ['org-membership', '222233334444', 'FAIL', 'standalone'],
      ['access-analyzer-enabled', 'us-east-1', 'FAIL', 'none'],
      ['support-role', '222233334444', 'FAIL'],
      ['identity-center-in-use', '222233334444', 'FAIL', 'notInUse'],
    ]);
  });

  it('member account whose root credentials were removed: root checks are NOT_APPLICABLE with the proof', async () => {
    const { run, result } = await liveScan(memberRootRemovedScenario());
    assert.equal(run.code, 0, run.stderr);
    assertFindings(result, [
      ['root-mfa', '<root_account>', 'NOT_APPLICABLE', 'summaryAllZero'],
      ['root-hardware-mfa', '<root_account>', 'NOT_APPLICABLE', 'summaryAllZero'],
      ['root-access-keys', '<root_account>', 'NOT_APPLICABLE', 'summaryAllZero'],
      ['root-recent-use', '<root_account>', 'NOT_APPLICABLE', 'summaryAllZero'],
      ['root-password-rotation', '<root_account>', 'NOT_APPLICABLE', 'summaryAllZero'],
      ['org-membership', '333344445555', 'PASS'],
      ['org-centralized-root-access', 'organization', 'NOT_APPLICABLE', 'memberAccount'],
    ]);
  });

  it('a saved live scan scans offline to the same findings', async () => {
    const saved = join(home, 'live-evidence.json');
    const live = await liveScan(insecureScenario(), ['--save-evidence', saved]);
    assert.equal(live.run.code, 0, live.run.stderr);
    const offline = await lockdown(['scan', '--evidence', saved, '--format', 'json']);
    assert.equal(offline.code, 0, offline.stderr);
    const key = (r: ScanResult) => r.findings.map((f) => `${f.id} ${f.status} ${f.messageId} ${f.message}`).sort();
    assert.deepEqual(key(JSON.parse(offline.stdout) as ScanResult), key(live.result as ScanResult));
    assert.equal((JSON.parse(readFileSync(saved, 'utf8')) as { collector: string }).collector, 'aws-sdk');
  });

  it('AccessDenied on GetAccountSummary: the scan completes, the denied action is named, exit per --fail-on', async () => {
    const { run, result } = await liveScan(memberRootRemovedScenario(), ['--fail-on', 'critical'], { accessDenied: ['iam:GetAccountSummary'] });
    // Without the summary root's password cannot be proven absent: root is treated as having one,
    // so root-mfa fails (critical) instead of passing silently.
    assert.equal(run.code, 1, run.stderr);
    assert.equal(result?.accounts[0]?.evidence.accountSummary && 'error' in result.accounts[0].evidence.accountSummary ? result.accounts[0].evidence.accountSummary.error.action : null, 'iam:GetAccountSummary');
    // root-mfa is that critical FAIL: the exit code alone could come from any check.
    assertFindings(result, [['root-mfa', '<root_account>', 'FAIL']]);
    assert.ok(result?.findings.some((f) => f.checkId === 'password-policy-min-length' && f.status === 'PASS'), 'unrelated checks unaffected');
  });

  it('honours AWS_ENDPOINT_URL and AWS_PROFILE without flags', async () => {
    const fake = await startFakeAws(hardenedScenario());
    try {
      // Its own process: the SDK reads these from process.env, which the other tests leave alone.
      const run = await spawnLockdown(['scan', '--format', 'json', '--checks', 'root-mfa'], { AWS_ENDPOINT_URL: fake.url, AWS_PROFILE: 'audit' });
      assert.equal(run.code, 0, run.stderr);
      assert.equal((JSON.parse(run.stdout) as ScanResult).findings[0]?.status, 'PASS');
      assert.ok(fake.calls.length > 10, 'the scan went to the fake');
    } finally {
      await fake.close();
    }
  });

  it('progress goes to stderr only on a terminal: piped, stderr stays empty', async () => {
    const { run } = await liveScan(hardenedScenario());
    assert.equal(run.stderr, '');
  });
});

describe('lockdown scan cannot run: exit 3 with one line', () => {
  let closedPort = 0;
  before(async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    closedPort = (server.address() as { port: number }).port;
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('endpoint down', async () => {
    const run = await lockdown(['scan', '--profile', 'audit', '--endpoint-url', `http://127.0.0.1:${closedPort}`]);
    assert.equal(run.code, 3);
    assert.match(run.stderr, new RegExp(`^lockdown: cannot reach http://127\\.0\\.0\\.1:${closedPort} \\(ECONNREFUSED\\)\\n$`));
  });

  it('expired credentials name the profile', async () => {
    const fake = await startFakeAws(hardenedScenario(), { badCredentials: { AKIDEXPIRED: 'ExpiredToken' } });
    try {
      const run = await lockdown(['scan', '--profile', 'stale', '--endpoint-url', fake.url]);
      assert.equal(run.code, 3);
      assert.match(run.stderr, /^lockdown: the credentials from profile 'stale' were rejected \(ExpiredToken\)/);
      assert.equal(run.stderr.trimEnd().split('\n').length, 1);
    } finally {
      await fake.close();
    }
  });

  it('an unknown profile', async () => {
    const run = await lockdown(['scan', '--profile', 'nope', '--endpoint-url', `http://127.0.0.1:${closedPort}`]);
    assert.equal(run.code, 3);
    assert.equal(run.stderr.trimEnd().split('\n').length, 1, run.stderr);
  });
});

