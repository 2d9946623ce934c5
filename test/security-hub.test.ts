import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { BatchImportFindingsCommand, SecurityHubClient, type AwsSecurityFinding } from '@aws-sdk/client-securityhub';
import { main } from '../src/cli/main.js';
import { SCAN_ACTIONS } from '../src/evidence/least-privilege.js';
import { importFailure, importSummary, importToSecurityHub } from '../src/publish/security-hub.js';
import { SECURITY_HUB_ACTION } from '../src/publish/security-hub-action.js';
import type { ScanResult } from '../src/engine/result.js';
import { ScanUnavailableError } from '../src/errors.js';
import { say } from '../src/i18n/index.js';
import { asffFindings, type AsffFinding } from '../src/report/asff.js';
import type { Faults, Scenario } from './fake-aws/scenario.js';
import { hardenedScenario, scaledScenario } from './fake-aws/scenarios.js';
import { startFakeAws, type FakeAws } from './fake-aws/server.js';
import { liveEnv } from './live-env.js';
import { fixedResult } from './report-fixture.js';

// `scan --security-hub` against the fake Security Hub: the built CLI for what a user runs, the
// import function in-process for the failure paths. Nothing leaves loopback.

const { home, lockdown } = liveEnv('securityhub', {
  credentials: '[audit]\naws_access_key_id = AKIDAUDIT\naws_secret_access_key = fake\n\n[default]\naws_access_key_id = AKIDFAKE\naws_secret_access_key = fake\n',
  config: '[profile audit]\nregion = eu-west-1\n',
});

async function withFake<T>(scenario: Scenario, faults: Faults, run: (fake: FakeAws) => Promise<T>): Promise<T> {
  const fake = await startFakeAws(scenario, faults);
  try {
    return await run(fake);
  } finally {
    await fake.close();
  }
}

const hubCalls = (fake: FakeAws) => fake.calls.filter((c) => c.service === 'securityhub');
/** The fixture result is about account 123456789012 (the demo account). */
const demoAccount = (overrides: Partial<Scenario> = {}) => hardenedScenario({ accountId: '123456789012', ...overrides });

describe('lockdown scan --security-hub (the built CLI)', () => {
  it('250 findings: three calls of at most 100, and Security Hub holds exactly the ASFF output', async () => {
    await withFake(scaledScenario(250), {}, async (fake) => {
      const run = await lockdown(['scan', '--profile', 'audit', '--endpoint-url', fake.url, '--region', 'eu-central-1', '--checks', 'user-console-mfa', '--format', 'asff', '--security-hub']);
      assert.equal(run.code, 0, run.stderr);
      const printed = JSON.parse(run.stdout) as AsffFinding[];
      assert.equal(printed.length, 250);
      const calls = hubCalls(fake);
      assert.deepEqual(calls.map((c) => [c.action, c.status]), [[SECURITY_HUB_ACTION, 200], [SECURITY_HUB_ACTION, 200], [SECURITY_HUB_ACTION, 200]]);
      // The fake answers 400 to more than 100 findings in a call, so three 200s are batches of ≤ 100.
      assert.deepEqual(fake.securityHubFindings, printed);
      assert.ok(printed.every((f) => f.ProductArn === 'arn:aws:securityhub:eu-central-1:999988887777:product/999988887777/default'));
      assert.equal(run.stderr, 'imported 250 findings into Security Hub (eu-central-1)\n');
    });
  });

  it('without the flag a scan never calls Security Hub, --format asff included', async () => {
    await withFake(scaledScenario(20), {}, async (fake) => {
      const plain = await lockdown(['scan', '--profile', 'audit', '--endpoint-url', fake.url, '--format', 'json']);
      assert.equal(plain.code, 0, plain.stderr);
      const asff = await lockdown(['scan', '--profile', 'audit', '--endpoint-url', fake.url, '--format', 'asff']);
      assert.equal(asff.code, 0, asff.stderr);
      assert.ok(JSON.parse(asff.stdout).length > 20);
      assert.ok(fake.calls.length > 20, 'both scans went to the fake');
      assert.deepEqual(hubCalls(fake), []);
      assert.ok(fake.calls.every((c) => SCAN_ACTIONS.includes(c.action)), 'only the read-only actions');
      assert.deepEqual(fake.securityHubFindings, []);
      assert.equal(plain.stderr, '');
    });
  });

  it('ProductArn and the import follow the profile region without --region, and AWS_ENDPOINT_URL', async () => {
    await withFake(hardenedScenario(), {}, async (fake) => {
      const run = await lockdown(['scan', '--profile', 'audit', '--checks', 'root-mfa,user-*', '--format', 'asff', '--compliance', 'aws-securityhub', '--security-hub'], { AWS_ENDPOINT_URL: fake.url });
      assert.equal(run.code, 0, run.stderr);
      const printed = JSON.parse(run.stdout) as AsffFinding[];
      assert.ok(printed.length > 0 && printed.every((f) => f.ProductArn === 'arn:aws:securityhub:eu-west-1:111122223333:product/111122223333/default'));
      assert.deepEqual(fake.securityHubFindings, printed);
      assert.equal(printed.find((f) => f.GeneratorId === 'aws-lockdown/root-mfa')?.Compliance.RelatedRequirements?.[0], 'AWS Security Hub/IAM.9', '--compliance reaches the import too');
      assert.match(run.stderr, /^imported \d+ findings into Security Hub \(eu-west-1\)\n$/);
    });
  });

  it('FailedFindings: exit 3, the count and the first error on stderr, the report still written', async () => {
    await withFake(hardenedScenario({ securityHub: { enabledRegions: ['us-east-1'] } }), {}, async (fake) => {
      const run = await lockdown(['scan', '--profile', 'audit', '--endpoint-url', fake.url, '--region', 'eu-west-1', '--format', 'json', '--security-hub']);
      assert.equal(run.code, 3);
      const result = JSON.parse(run.stdout) as ScanResult;
      const n = result.findings.length;
      const lines = run.stderr.trimEnd().split('\n');
      assert.equal(lines[0], 'imported 0 findings into Security Hub (eu-west-1)');
      assert.match(lines[1] ?? '', new RegExp(`^lockdown: Security Hub rejected ${n} of ${n} findings; first: aws-lockdown/[0-9a-f]{16}: InvalidAccess: Account 111122223333 is not subscribed to AWS Security Hub in eu-west-1; is Security Hub enabled in eu-west-1\\?`));
      assert.equal(lines.length, 2);
      assert.equal(fake.securityHubFindings.length, 0);
    });
  });

  it('AccessDenied on securityhub:BatchImportFindings: exit 3 naming the action', async () => {
    await withFake(hardenedScenario(), { accessDenied: [SECURITY_HUB_ACTION] }, async (fake) => {
      const run = await lockdown(['scan', '--profile', 'audit', '--endpoint-url', fake.url, '--format', 'json', '--security-hub', '--quiet']);
      assert.equal(run.code, 3);
      assert.ok(JSON.parse(run.stdout).findings.length > 0, 'the scan result is out before the import');
      assert.match(run.stderr, /^lockdown: Security Hub import into eu-west-1: securityhub:BatchImportFindings was denied \(AccessDeniedException\): User: .* is not authorized to perform: securityhub:BatchImportFindings/);
      assert.match(run.stderr, /lockdown policy --security-hub/);
      assert.equal(run.stderr.trimEnd().split('\n').length, 1);
      assert.deepEqual(hubCalls(fake).map((c) => c.status), [403], 'stops at the first denied call, no retries');
    });
  });

  it('--evidence with --security-hub imports what was scanned, with --profile and --endpoint-url', async () => {
    await withFake(hardenedScenario(), {}, async (fake) => {
      const saved = join(home, 'hardened.evidence.json');
      const live = await lockdown(['scan', '--profile', 'audit', '--endpoint-url', fake.url, '--format', 'json', '--save-evidence', saved]);
      assert.equal(live.code, 0, live.stderr);
      const before = fake.calls.length;
      const offline = await lockdown(['scan', '--evidence', saved, '--profile', 'audit', '--endpoint-url', fake.url, '--region', 'eu-west-1', '--format', 'asff', '--security-hub']);
      assert.equal(offline.code, 0, offline.stderr);
      assert.deepEqual(fake.securityHubFindings, JSON.parse(offline.stdout));
      assert.equal(JSON.parse(readFileSync(saved, 'utf8')).account.id, '111122223333');
      // The offline import first checks whose credentials these are (a read), then imports.
      const batches = Math.ceil(fake.securityHubFindings.length / 100);
      assert.deepEqual(fake.calls.slice(before).map((c) => c.action), ['sts:GetCallerIdentity', ...Array.from({ length: batches }, () => SECURITY_HUB_ACTION)]);
    });
  });

  it('--demo with --security-hub and credentials of another account: exit 3, nothing imported', async () => {
    await withFake(hardenedScenario(), {}, async (fake) => {
      const run = await lockdown(['scan', '--demo', '--profile', 'audit', '--endpoint-url', fake.url, '--format', 'json', '--security-hub']);
      assert.equal(run.code, 3);
      assert.match(run.stderr, /^lockdown: Security Hub import into eu-west-1: the findings are about account 123456789012, the credentials are of account 111122223333/);
      assert.deepEqual(hubCalls(fake), []);
    });
  });

  it('--demo --security-hub without credentials: exit 3, one line, after the report', async () => {
    const run = await lockdown(['scan', '--demo', '--format', 'json', '--security-hub'], { AWS_SHARED_CREDENTIALS_FILE: join(home, 'none'), AWS_CONFIG_FILE: join(home, 'none') });
    assert.equal(run.code, 3);
    assert.ok(JSON.parse(run.stdout).findings.length > 0);
    assert.match(run.stderr, /^lockdown: Security Hub import into us-east-1: no AWS credentials found/);
    assert.equal(run.stderr.trimEnd().split('\n').length, 1);
  });

  it('--profile with --demo still needs --security-hub (exit 2)', async () => {
    const run = await lockdown(['scan', '--demo', '--profile', 'audit']);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /--profile applies to a live scan/);
  });
});

/**
 * Runs the built CLI with a module hook that notes every @aws-sdk package it loads: the Security
 * Hub SDK belongs to the import alone, and printing the policy needs no SDK at all.
 */
async function sdkPackagesLoaded(args: string[]): Promise<{ code: number | null; stderr: string; packages: string[] }> {
  const dir = join(home, 'sdk-watch');
  mkdirSync(dir, { recursive: true });
  const log = join(dir, 'loaded.txt');
  rmSync(log, { force: true });
  writeFileSync(join(dir, 'hooks.mjs'), `import { appendFileSync } from 'node:fs';
export async function load(url, context, next) {
  const name = /\\/node_modules\\/(@aws-sdk\\/[^/]+)\\//.exec(url)?.[1];
  if (name) appendFileSync(${JSON.stringify(log)}, name + '\\n');
  return next(url, context);
}
`);
  writeFileSync(join(dir, 'register.mjs'), "import { register } from 'node:module';\nregister('./hooks.mjs', import.meta.url);\n");
  const run = await lockdown(args, { NODE_OPTIONS: `--import=${join(dir, 'register.mjs')}` });
  let lines: string[] = [];
  try {
    lines = readFileSync(log, 'utf8').split('\n').filter(Boolean);
  } catch {
    // No file: nothing was loaded.
  }
  return { code: run.code, stderr: run.stderr, packages: [...new Set(lines)].sort() };
}

describe('the Security Hub SDK is loaded by the import alone', () => {
  it('policy --security-hub loads no AWS SDK package', async () => {
    const run = await sdkPackagesLoaded(['policy', '--security-hub']);
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(run.packages, []);
  });

  it('scan --demo without --security-hub does not load it; with --security-hub it does', async () => {
    const plain = await sdkPackagesLoaded(['scan', '--demo', '--format', 'json']);
    assert.equal(plain.code, 0, plain.stderr);
    assert.ok(!plain.packages.includes('@aws-sdk/client-securityhub'), plain.packages.join(', '));
    await withFake(demoAccount(), {}, async (fake) => {
      const run = await sdkPackagesLoaded(['scan', '--demo', '--profile', 'audit', '--endpoint-url', fake.url, '--format', 'json', '--security-hub', '--quiet']);
      assert.equal(run.code, 0, run.stderr);
      assert.ok(run.packages.includes('@aws-sdk/client-securityhub'), run.packages.join(', '));
      assert.ok(hubCalls(fake).length > 0);
    });
  });
});

describe('importToSecurityHub (in-process)', () => {
  it('batches of 100 in order, a summary line, nothing rejected', async () => {
    await withFake(demoAccount(), {}, async (fake) => {
      const result = fixedResult('en');
      const outcome = await importToSecurityHub(result, { region: 'eu-west-1', endpoint: fake.url, env: {} });
      assert.deepEqual(outcome, { region: 'eu-west-1', total: result.findings.length, imported: result.findings.length, calls: Math.ceil(result.findings.length / 100), failed: [] });
      assert.deepEqual(fake.securityHubFindings, asffFindings(result, { region: 'eu-west-1' }));
      assert.equal(say('en', importSummary(outcome)), `imported ${result.findings.length} findings into Security Hub (eu-west-1)`);
      assert.equal(importFailure(outcome), null);
    });
  });

  it('a second scan updates rather than duplicates: the same Ids, later UpdatedAt', async () => {
    await withFake(demoAccount(), {}, async (fake) => {
      await importToSecurityHub(fixedResult('en'), { region: 'eu-west-1', endpoint: fake.url, env: {} });
      await new Promise((resolve) => setTimeout(resolve, 5));
      await importToSecurityHub(fixedResult('nl'), { region: 'eu-west-1', endpoint: fake.url, env: {} });
      const half = fake.securityHubFindings.length / 2;
      const first = fake.securityHubFindings.slice(0, half) as unknown as AsffFinding[];
      const second = fake.securityHubFindings.slice(half) as unknown as AsffFinding[];
      assert.deepEqual(second.map((f) => f.Id), first.map((f) => f.Id));
      assert.ok(second.every((f, i) => f.UpdatedAt > (first[i] as AsffFinding).UpdatedAt));
    });
  });

  it('ProductArn region follows the region option; the fake accepts it only when signed for that region', async () => {
    await withFake(demoAccount(), {}, async (fake) => {
      await importToSecurityHub(fixedResult('en'), { region: 'ap-southeast-2', endpoint: fake.url, env: {} });
      assert.ok(fake.securityHubFindings.length > 0);
      assert.ok(fake.securityHubFindings.every((f) => (f as unknown as AsffFinding).ProductArn.startsWith('arn:aws:securityhub:ap-southeast-2:123456789012:')));
      // A ProductArn of another region than the request is denied as a whole, as AWS does.
      const client = new SecurityHubClient({ region: 'eu-west-1', endpoint: fake.url, credentials: { accessKeyId: 'AKIDFAKE', secretAccessKey: 'fake' } });
      const wrongRegion = asffFindings(fixedResult('en'), { region: 'ap-southeast-2' }).slice(0, 1) as AwsSecurityFinding[];
      await assert.rejects(client.send(new BatchImportFindingsCommand({ Findings: wrongRegion })), (e: Error) => e.name === 'AccessDeniedException' && /on resource: arn:aws:securityhub:ap-southeast-2:/.test(e.message));
      client.destroy();
    });
  });

  it('AccessDenied stops the import with a ScanUnavailableError naming the action', async () => {
    await withFake(demoAccount(), { accessDenied: ['securityhub:*'] }, async (fake) => {
      await assert.rejects(
        importToSecurityHub(fixedResult('en'), { region: 'eu-west-1', endpoint: fake.url, env: {} }),
        (e: Error) => e instanceof ScanUnavailableError && e.message.includes('securityhub:BatchImportFindings was denied (AccessDeniedException)'),
      );
    });
  });

  it('throttling is retried (adaptive mode) and the import completes', async () => {
    await withFake(demoAccount(), { throttleFirst: { [SECURITY_HUB_ACTION]: 1 } }, async (fake) => {
      const outcome = await importToSecurityHub(fixedResult('en'), { region: 'eu-west-1', endpoint: fake.url, env: {} });
      assert.equal(outcome.failed.length, 0);
      assert.equal(outcome.imported, outcome.total);
      // The throttled first batch is sent again, then every other batch of 100 once.
      assert.deepEqual(hubCalls(fake).map((c) => c.status), [429, ...Array<number>(Math.ceil(outcome.total / 100)).fill(200)]);
    });
  });

  it('an endpoint that does not answer is exit-3 material, not a crash (live result: Security Hub; offline: the account check)', async () => {
    const fake = await startFakeAws(demoAccount());
    const url = fake.url;
    await fake.close();
    const demo = fixedResult('en');
    const live: ScanResult = { ...demo, scan: { ...demo.scan, source: 'aws' } };
    for (const result of [live, demo]) {
      await assert.rejects(
        importToSecurityHub(result, { region: 'eu-west-1', endpoint: url, env: {}, maxAttempts: 1 }),
        (e: Error) => e instanceof ScanUnavailableError && e.message.startsWith(`Security Hub import into eu-west-1: cannot reach ${url} (ECONNREFUSED)`),
        result.scan.source,
      );
    }
  });
});

describe('the fake Security Hub validates like the real one', () => {
  const client = (fake: FakeAws) => new SecurityHubClient({ region: 'eu-west-1', endpoint: fake.url, credentials: { accessKeyId: 'AKIDFAKE', secretAccessKey: 'fake' }, maxAttempts: 1 });
  const valid = () => asffFindings(fixedResult('en'), { region: 'eu-west-1' }) as AwsSecurityFinding[];

  it('more than 100 findings in a call: InvalidInputException (400)', async () => {
    await withFake(demoAccount(), {}, async (fake) => {
      const many = valid();
      assert.ok(many.length > 100);
      await assert.rejects(client(fake).send(new BatchImportFindingsCommand({ Findings: many })), (e: Error & { $metadata?: { httpStatusCode?: number } }) => e.name === 'InvalidInputException' && e.$metadata?.httpStatusCode === 400);
      assert.equal(fake.securityHubFindings.length, 0);
    });
  });

  it('findings that break the format are rejected one by one in FailedFindings', async () => {
    await withFake(demoAccount(), {}, async (fake) => {
      const [a, b, c, d, e, ok] = valid().slice(0, 6) as AwsSecurityFinding[];
      const broken = [
        { ...a, Title: 'x'.repeat(257) },
        { ...b, Description: 'x'.repeat(1025) },
        { ...c, Types: ['Best Practices/IAM'] },
        { ...d, Severity: undefined },
        { ...e, Remediation: { Recommendation: { Text: 'x'.repeat(513) } } },
      ] as AwsSecurityFinding[];
      const out = await client(fake).send(new BatchImportFindingsCommand({ Findings: [...broken, ok as AwsSecurityFinding] }));
      assert.equal(out.SuccessCount, 1);
      assert.equal(out.FailedCount, 5);
      assert.deepEqual(out.FailedFindings?.map((f) => [f.Id, f.ErrorCode]), broken.map((f) => [f.Id, 'InvalidInput']));
      assert.deepEqual(out.FailedFindings?.map((f) => f.ErrorMessage?.replace('Finding does not adhere to Amazon Finding Format. ', '').replace(/ ".*"/, '')), [
        'data.Title should NOT be longer than 256 characters.',
        'data.Description should NOT be longer than 1024 characters.',
        'data.Types[0] should match pattern.',
        "data should have required property 'Severity'.",
        'data.Remediation.Recommendation.Text should NOT be longer than 512 characters.',
      ]);
      assert.deepEqual(fake.securityHubFindings, [ok]);
    });
  });

  it('a finding of another account is denied as a whole (AccessDeniedException, 403)', async () => {
    await withFake(hardenedScenario(), {}, async (fake) => {
      await assert.rejects(client(fake).send(new BatchImportFindingsCommand({ Findings: valid().slice(0, 1) })), (e: Error) => e.name === 'AccessDeniedException');
      assert.equal(fake.securityHubFindings.length, 0);
    });
  });
});

describe('lockdown policy', () => {
  const policy = async (args: string[]) => {
    let out = '';
    const code = await main(['policy', ...args], { stdout: { write: (s: string) => (out += s) }, stderr: { write: () => true }, env: {} });
    assert.equal(code, 0);
    return JSON.parse(out) as { Statement: { Sid: string; Action: string[]; Resource: string }[] };
  };

  it('plain: read-only, no securityhub:BatchImportFindings', async () => {
    const plain = await policy([]);
    assert.equal(plain.Statement.length, 1);
    assert.ok(!JSON.stringify(plain).includes('securityhub'));
    assert.ok(!SCAN_ACTIONS.includes(SECURITY_HUB_ACTION));
  });

  it('--security-hub: the read-only statement unchanged plus one statement for the import', async () => {
    const plain = await policy([]);
    const withHub = await policy(['--security-hub']);
    assert.deepEqual(withHub.Statement[0], plain.Statement[0]);
    assert.deepEqual(withHub.Statement[1], { Sid: 'AwsLockdownSecurityHubImport', Effect: 'Allow', Action: [SECURITY_HUB_ACTION], Resource: 'arn:*:securityhub:*:*:product/*/default' });
    assert.equal(withHub.Statement.length, 2);
  });
});
