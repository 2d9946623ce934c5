import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { CHECKS } from '../src/checks/registry.js';
import { runScan } from '../src/cli/scan.js';
import { collectEvidence, openSession, type CollectOptions, type SessionOptions } from '../src/collect/live.js';
import { SCAN_ACTIONS } from '../src/evidence/least-privilege.js';
import { evaluate } from '../src/engine/evaluate.js';
import type { Finding } from '../src/engine/types.js';
import { ScanUnavailableError } from '../src/errors.js';
import { parseEvidence } from '../src/evidence/parse.js';
import { ORGANIZATION_PART_NAMES, type Evidence } from '../src/evidence/schema.js';
import { serializeEvidence } from '../src/evidence/serialize.js';
import type { Faults, Scenario } from './fake-aws/scenario.js';
import { hardenedScenario, insecureScenario, memberRootRemovedScenario, scaledScenario } from './fake-aws/scenarios.js';
import { startFakeAws } from './fake-aws/server.js';
import { liveEnv } from './live-env.js';
import { scratchStore } from './run-main.js';

// Collectors against the wire-level fake: the real SDK clients, unmodified. Nothing leaves loopback.
liveEnv('live', { credentials: '[default]\naws_access_key_id = AKIDFAKE\naws_secret_access_key = fake\n' });

interface LiveRun {
  evidence: Evidence;
  recorded: string[];
  wire: { service: string; action: string; status: number }[];
}

type LiveScanOptions = Omit<SessionOptions, 'env'> & CollectOptions;

async function scan(scenario: Scenario, faults: Faults = {}, options: Partial<LiveScanOptions> = {}): Promise<LiveRun> {
  const fake = await startFakeAws(scenario, faults);
  const recorded: string[] = [];
  try {
    const { profile, region, endpoint, onCommand, maxAttempts, requestTimeoutMs, callTimeoutMs, ...collect } = {
      endpoint: fake.url,
      region: 'us-east-1',
      onCommand: (action: string) => recorded.push(action),
      sleep: async () => undefined,
      ...options,
    };
    const session = await openSession({ profile, region, endpoint, onCommand, maxAttempts, requestTimeoutMs, callTimeoutMs, env: process.env });
    const evidence = await collectEvidence(session, collect);
    return { evidence, recorded, wire: [...fake.calls] };
  } finally {
    await fake.close();
  }
}

const statuses = (findings: Finding[]) => findings.map((f) => `${f.checkId} ${f.resource.arn} ${f.status} ${f.messageId}`).sort();
const data = <T>(part: { ok: true; data: T } | { ok: false }): T => {
  assert.ok(part.ok, 'part was read');
  return (part as { data: T }).data;
};

describe('live collection against the fake AWS endpoint', () => {
  let hardened: LiveRun;
  before(async () => {
    hardened = await scan(hardenedScenario());
  });

  it('reads every evidence part of a hardened account', () => {
    const { evidence } = hardened;
    assert.equal(evidence.collector, 'aws-sdk');
    assert.equal(evidence.account.partition, 'aws');
    for (const [name, part] of Object.entries(evidence.parts)) {
      // A one-account scan leaves the organisation-only parts out, as what they are.
      if ((ORGANIZATION_PART_NAMES as string[]).includes(name)) assert.ok(!part.ok && part.error.code === 'NotOrganizationScan', name);
      else assert.ok(part.ok, `${name}: ${JSON.stringify(!part.ok && part.error)}`);
    }
    assert.ok(Object.keys(evidence.accessAnalyzers).length > 0);
    for (const [region, part] of Object.entries(evidence.accessAnalyzers)) assert.ok(part.ok, region);
    assert.deepEqual(Object.keys(evidence.accessAnalyzers).sort(), data(evidence.parts.regions));
  });

  it('finds nothing to fail in the hardened account', () => {
    const bad = evaluate(hardened.evidence, CHECKS).filter((f) => f.status === 'FAIL' || f.status === 'ERROR');
    assert.deepEqual(bad.map((f) => `${f.checkId} ${f.resource.name} ${f.messageId}`), []);
  });

  it('calls only the actions of the published least-privilege policy (recorded through SDK middleware)', () => {
    const allowed = new Set(SCAN_ACTIONS);
    assert.ok(hardened.recorded.length > 10);
    for (const action of hardened.recorded) assert.ok(allowed.has(action), `${action} is not in the policy`);
    for (const call of hardened.wire) assert.ok(allowed.has(call.action), `${call.action} reached the wire but is not in the policy`);
    assert.ok(SCAN_ACTIONS.every((a) => !a.includes('*')), 'no wildcard actions');
  });

  it('saved evidence gives the same findings as the live scan', () => {
    const saved = parseEvidence(JSON.parse(serializeEvidence(hardened.evidence)), 'saved');
    assert.deepEqual(statuses(evaluate(saved, CHECKS)), statuses(evaluate(hardened.evidence, CHECKS)));
  });

  it('turns facts that AWS reports as errors into data: no password policy, no contact, no organisation', async () => {
    const { evidence, wire } = await scan({ ...insecureScenario(), passwordPolicy: null });
    assert.equal(data(evidence.parts.passwordPolicy), null, 'NoSuchEntity: the AWS default applies');
    assert.equal(data(evidence.parts.alternateContactSecurity), null, 'ResourceNotFoundException: no SECURITY contact');
    assert.equal(data(evidence.parts.alternateContactBilling)?.emailAddress, 'founder@gmail.com');
    assert.equal(data(evidence.parts.organization), null, 'AWSOrganizationsNotInUseException: standalone');
    assert.equal(data(evidence.parts.accountEmail), null, 'no read API tells a standalone root address');
    assert.deepEqual(data(evidence.parts.organizationsFeatures), { state: 'organizationNotFound' });
    assert.ok(wire.some((c) => c.action === 'iam:GetAccountPasswordPolicy' && c.status === 404));
  });

  it('maps the four ListOrganizationsFeatures errors to their states', async () => {
    const states = {
      AccountNotManagementOrDelegatedAdministratorException: 'notManagementOrDelegatedAdmin',
      OrganizationNotFoundException: 'organizationNotFound',
      OrganizationNotInAllFeaturesModeException: 'notAllFeaturesMode',
      ServiceAccessNotEnabledException: 'trustedAccessNotEnabled',
    } as const;
    for (const [code, state] of Object.entries(states)) {
      const scenario = { ...hardenedScenario(), organizationsFeatures: { error: code as keyof typeof states } };
      const { evidence } = await scan(scenario);
      assert.deepEqual(data(evidence.parts.organizationsFeatures), { state }, code);
    }
  });

  it('reads regional services in ENABLED and ENABLED_BY_DEFAULT regions only (account:ListRegions)', async () => {
    const scenario = hardenedScenario({ regions: ['us-east-1', 'eu-west-1', 'eu-south-1'], regionOptStatus: { 'ap-east-1': 'ENABLING', 'eu-west-1': 'DISABLING' } });
    const { evidence, wire } = await scan(scenario);
    assert.deepEqual(data(evidence.parts.regions), ['eu-south-1', 'us-east-1']);
    assert.deepEqual(Object.keys(evidence.accessAnalyzers).sort(), ['eu-south-1', 'us-east-1']);
    assert.deepEqual(wire.filter((c) => c.action === 'account:ListRegions').map((c) => c.status), [200]);
  });

  it('follows pagination over several pages (2,500 users)', async () => {
    const scenario = scaledScenario(2500);
    const { evidence, wire } = await scan(scenario);
    const auth = data(evidence.parts.authorizationDetails);
    assert.equal(auth.users.length, 2500);
    assert.equal(auth.groups.length, scenario.groups.length);
    assert.equal(auth.roles.length, scenario.roles.length);
    assert.ok(wire.filter((c) => c.action === 'iam:GetAccountAuthorizationDetails').length >= 3, 'several pages');
    const assigned = scenario.virtualMfaDevices.filter((d) => d.User).length;
    assert.equal(data(evidence.parts.virtualMfaDevices).length, assigned);
    assert.equal(data(evidence.parts.credentialReport).rows.length, 2501);
  });

  it('waits for a credential report that needs several polls', async () => {
    const scenario = hardenedScenario();
    scenario.credentialReport.pollsInProgress = 3;
    const { evidence, wire } = await scan(scenario);
    assert.ok(evidence.parts.credentialReport.ok);
    assert.equal(wire.filter((c) => c.action === 'iam:GenerateCredentialReport').length, 1, 'asked once (STARTED)');
    assert.equal(wire.filter((c) => c.action === 'iam:GetCredentialReport').length, 4, '3 × ReportInProgress, then the report');
  });

  it('finds the partition of GovCloud credentials when no region is configured', async () => {
    const scenario = hardenedScenario({ partition: 'aws-us-gov', callerArn: 'arn:aws-us-gov:sts::111122223333:assumed-role/SecurityAudit/lockdown' });
    const { evidence, wire } = await scan(scenario, { keyPartitions: { AKIDFAKE: 'aws-us-gov' } }, { region: undefined });
    assert.equal(evidence.account.partition, 'aws-us-gov');
    assert.ok(evidence.parts.credentialReport.ok, 'the scan went on in GovCloud');
    const identity = wire.filter((c) => c.action === 'sts:GetCallerIdentity').map((c) => c.status);
    assert.deepEqual(identity, [403, 200], 'refused in us-east-1, answered in us-gov-west-1');
  });

  it('reuses a report IAM still holds: one GenerateCredentialReport (COMPLETE) and one download', async () => {
    const scenario = hardenedScenario();
    scenario.credentialReport.initialState = 'complete';
    const { evidence, wire } = await scan(scenario);
    assert.ok(evidence.parts.credentialReport.ok);
    assert.deepEqual(wire.filter((c) => c.action.includes('CredentialReport')).map((c) => `${c.action} ${c.status}`), ['iam:GenerateCredentialReport 200', 'iam:GetCredentialReport 200']);
  });

  it('starts a new report when the old one expired, and waits out LimitExceeded', async () => {
    const scenario = hardenedScenario();
    scenario.credentialReport.initialState = 'expired';
    scenario.credentialReport.limitExceededFirst = 2;
    const { evidence, wire } = await scan(scenario);
    assert.ok(evidence.parts.credentialReport.ok);
    assert.deepEqual(
      wire.filter((c) => c.action === 'iam:GenerateCredentialReport').map((c) => c.status),
      [409, 409, 200],
    );
  });

  it('gives up on a report that never completes, within the bound, with a clear error', async () => {
    const scenario = hardenedScenario();
    scenario.credentialReport.pollsInProgress = Number.POSITIVE_INFINITY;
    const { evidence, wire } = await scan(scenario, {}, { reportTimeoutMs: 10_000 });
    const part = evidence.parts.credentialReport;
    assert.ok(!part.ok);
    assert.equal(part.error.code, 'ReportTimeout');
    assert.match(part.error.message, /within 10 s/);
    // Waits of 0.2, 0.4, 0.8, 1.6, 2, 2 and 2 s fit in 10 s: the first poll and seven more, then it stops.
    assert.equal(wire.filter((c) => c.action === 'iam:GetCredentialReport').length, 8);
    assert.equal(wire.filter((c) => c.action === 'iam:GenerateCredentialReport').length, 1);
    const findings = evaluate(evidence, CHECKS);
    const consoleMfa = findings.filter((f) => f.checkId === 'user-console-mfa');
    assert.deepEqual(consoleMfa.map((f) => [f.status, f.params.code]), [['ERROR', 'ReportTimeout']]);
  });
});

describe('fail closed', () => {
  it('30% of calls throttled: the same findings as without', async () => {
    const calm = await scan(insecureScenario());
    const stormy = await scan(insecureScenario(), { throttleRate: 0.3 });
    // Each service throttles in its own way: 400 (Query, Organizations), 429 (REST-JSON), 503 (EC2).
    const throttled = stormy.wire.length - calm.wire.length;
    assert.ok(throttled >= Math.floor(stormy.wire.length * 0.25), `the fake throttled ${throttled} of ${stormy.wire.length} calls`);
    assert.deepEqual(statuses(evaluate(stormy.evidence, CHECKS)), statuses(evaluate(calm.evidence, CHECKS)));
  });

  it('AccessDenied on GetAccountSummary: only the checks that need it become ERROR', async () => {
    const normal = evaluate((await scan(insecureScenario())).evidence, CHECKS);
    const denied = await scan(insecureScenario(), { accessDenied: ['iam:GetAccountSummary'] });
    const part = denied.evidence.parts.accountSummary;
    assert.ok(!part.ok);
    assert.equal(part.error.action, 'iam:GetAccountSummary');
    const findings = evaluate(denied.evidence, CHECKS);
    const changed = findings.filter((f) => {
      const before = normal.find((n) => n.id === f.id);
      return !before || before.status !== f.status || before.messageId !== f.messageId;
    });
    // Root checks read the summary, but the credential report stands in for most of it; whatever
    // changed must now be an ERROR quoting the summary, or a verdict the report alone supports.
    for (const f of changed) assert.ok(f.status === 'ERROR' || f.checkId.startsWith('root-'), `${f.checkId} changed to ${f.status}`);
    const unrelated = findings.filter((f) => !f.checkId.startsWith('root-'));
    for (const f of unrelated) assert.notEqual(f.params.part, 'accountSummary', `${f.checkId} should not depend on the summary`);
    assert.ok(findings.length === normal.length);
  });

  it('a member account whose root credentials were removed: root checks are NOT_APPLICABLE', async () => {
    const { evidence } = await scan(memberRootRemovedScenario());
    const root = evaluate(evidence, CHECKS).filter((f) => ['root-mfa', 'root-access-keys', 'root-hardware-mfa', 'root-signing-certificates'].includes(f.checkId));
    assert.equal(root.length, 4);
    for (const f of root) assert.equal(f.status, 'NOT_APPLICABLE', `${f.checkId}: ${f.messageId}`);
  });

  it('throttling that outlasts the retries fails only its part, naming the action', async () => {
    const { evidence } = await scan(hardenedScenario(), { alwaysThrottle: ['iam:GetAccountPasswordPolicy'] }, { maxAttempts: 2 });
    const part = evidence.parts.passwordPolicy;
    assert.ok(!part.ok);
    assert.deepEqual([part.error.code, part.error.action], ['Throttling', 'iam:GetAccountPasswordPolicy']);
    const policy = evaluate(evidence, CHECKS).filter((f) => f.checkId.startsWith('password-policy-'));
    assert.ok(policy.length === 9 && policy.every((f) => f.status === 'ERROR' && f.params.code === 'Throttling'));
    assert.ok(evidence.parts.accountSummary.ok);
  });

  it('a call that times out fails only its part, naming the action', async () => {
    const { evidence } = await scan(hardenedScenario(), { latencyByAction: { 'iam:ListServerCertificates': 3_000 } }, { maxAttempts: 1, requestTimeoutMs: 500 });
    const part = evidence.parts.serverCertificates;
    assert.ok(!part.ok);
    assert.deepEqual([part.error.code, part.error.action], ['Timeout', 'iam:ListServerCertificates']);
    assert.ok(evidence.parts.authorizationDetails.ok);
  });

  it('a failing service (5xx) fails only its parts', async () => {
    const { evidence } = await scan(hardenedScenario(), { serverError: ['account:ListRegions'] }, { maxAttempts: 2 });
    assert.ok(!evidence.parts.regions.ok);
    assert.ok(evidence.parts.accountSummary.ok);
    const analyzer = evaluate(evidence, CHECKS).filter((f) => f.checkId === 'access-analyzer-enabled');
    assert.deepEqual(analyzer.map((f) => f.status), ['ERROR']);
  });
});

describe('pagination cannot loop, a hung call is bounded (issue 11 items 8 and 9)', () => {
  const callsOf = (run: LiveRun, action: string) => run.wire.filter((c) => c.action === action).length;

  it('a marker that comes back again stops the call: PaginationLoop on its part only', async () => {
    const run = await scan(hardenedScenario(), { repeatToken: ['iam:ListVirtualMFADevices', 'iam:GetAccountAuthorizationDetails', 'account:ListRegions'] });
    for (const [part, action] of [['virtualMfaDevices', 'iam:ListVirtualMFADevices'], ['authorizationDetails', 'iam:GetAccountAuthorizationDetails'], ['regions', 'account:ListRegions']] as const) {
      const read = run.evidence.parts[part];
      assert.ok(!read.ok, part);
      assert.deepEqual([read.error.code, read.error.action], ['PaginationLoop', action]);
      assert.equal(callsOf(run, action), 2, `${action}: the first page and the one that repeated its token`);
    }
    assert.ok(run.evidence.parts.accountSummary.ok && run.evidence.parts.credentialReport.ok);
    const mfa = evaluate(run.evidence, CHECKS).filter((f) => f.checkId === 'root-hardware-mfa');
    assert.deepEqual(mfa.map((f) => [f.status, f.params.code]), [['ERROR', 'PaginationLoop']]);
  });

  it('new tokens without end stop at the page cap: TooManyPages', async () => {
    const run = await scan(hardenedScenario(), { endlessPages: ['account:ListRegions', 'iam:ListServerCertificates'] });
    const regions = run.evidence.parts.regions;
    assert.ok(!regions.ok && regions.error.code === 'TooManyPages');
    assert.equal(callsOf(run, 'account:ListRegions'), 20);
    const certificates = run.evidence.parts.serverCertificates;
    assert.ok(!certificates.ok && certificates.error.code === 'TooManyPages');
    assert.equal(callsOf(run, 'iam:ListServerCertificates'), 100);
  });

  it('a call accepted and never answered costs at most its deadline, retries included: Timeout on its part', async () => {
    const started = Date.now();
    // Each attempt gives up after 300 ms and is retried (8 attempts); the deadline of 1.5 s ends them all.
    const run = await scan(hardenedScenario(), { hang: ['iam:GetAccountSummary'] }, { requestTimeoutMs: 300, callTimeoutMs: 1_500 });
    const elapsed = Date.now() - started;
    const summary = run.evidence.parts.accountSummary;
    assert.ok(!summary.ok);
    assert.deepEqual([summary.error.code, summary.error.action], ['Timeout', 'iam:GetAccountSummary']);
    assert.match(summary.error.message, /no answer within 1\.5 s/);
    assert.ok(elapsed < 4_000, `took ${elapsed} ms`);
    assert.ok(callsOf(run, 'iam:GetAccountSummary') >= 2, 'attempts were retried within the deadline');
    assert.ok(run.evidence.parts.authorizationDetails.ok);
  });

  it('a hung call without attempt timeouts is still cut at the deadline', async () => {
    const started = Date.now();
    const run = await scan(hardenedScenario(), { hang: ['iam:GetAccountPasswordPolicy'] }, { requestTimeoutMs: 60_000, callTimeoutMs: 1_000 });
    const policy = run.evidence.parts.passwordPolicy;
    assert.ok(!policy.ok && policy.error.code === 'Timeout');
    assert.equal(callsOf(run, 'iam:GetAccountPasswordPolicy'), 1, 'an aborted call is not retried');
    assert.ok(Date.now() - started < 4_000);
  });
});

describe('a profile that does not exist', () => {
  it('says the profile is missing, naming it and the files looked in, not that there are no credentials', async () => {
    const fake = await startFakeAws(hardenedScenario());
    try {
      await assert.rejects(openSession({ profile: 'nope', region: 'us-east-1', endpoint: fake.url, env: process.env }), (error: ScanUnavailableError) => {
        assert.equal(error.name, 'ScanUnavailableError');
        assert.equal(error.said.id, 'profileMissing');
        assert.equal(error.said.params.profile, 'nope');
        assert.match(error.message, /^profile 'nope' is not in .*config or .*credentials/);
        return true;
      });
      assert.equal(fake.calls.length, 0);
    } finally {
      await fake.close();
    }
  });

  it('a profile that exists without credentials is no credentials, not a missing profile', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lockdown-profile-'));
    const saved = process.env.AWS_CONFIG_FILE;
    process.env.AWS_CONFIG_FILE = join(dir, 'config');
    writeFileSync(process.env.AWS_CONFIG_FILE, '[profile regiononly]\nregion = eu-west-1\n');
    try {
      await assert.rejects(openSession({ profile: 'regiononly', region: 'us-east-1', endpoint: 'http://127.0.0.1:9', env: process.env }), (error: ScanUnavailableError) => {
        assert.equal(error.said.id, 'noCredentials');
        return true;
      });
    } finally {
      process.env.AWS_CONFIG_FILE = saved;
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('answers a collector cannot use fail only their parts', () => {
  const byPart = (findings: Finding[], part: string) => findings.filter((f) => f.status === 'ERROR' && f.params?.part === part);

  it('a collector that throws on an answer it cannot read: CollectorFailed on its parts, other checks judged', async () => {
    // A managed policy with no default version: the normaliser throws outside the collector's own error handling.
    const odd = { Policies: [{ PolicyName: 'Odd', Arn: 'arn:aws:iam::123456789012:policy/Odd', DefaultVersionId: 'v9', PolicyVersionList: [] }], IsTruncated: false };
    const { evidence } = await scan(hardenedScenario(), { answers: { 'iam:GetAccountAuthorizationDetails': odd } });
    const part = evidence.parts.authorizationDetails;
    assert.ok(!part.ok);
    assert.equal(part.error.code, 'CollectorFailed');
    assert.equal(part.error.action, 'iam:GetAccountAuthorizationDetails');
    assert.match(part.error.message, /Odd/);
    const findings = evaluate(evidence, CHECKS);
    const errors = byPart(findings, 'authorizationDetails');
    assert.ok(errors.length > 0, 'checks on users, groups and policies report ERROR');
    for (const f of errors) assert.equal(f.params?.code, 'CollectorFailed', f.checkId);
    assert.deepEqual(findings.filter((f) => f.checkId === 'root-mfa').map((f) => f.status), ['PASS']);
    assert.ok(evidence.parts.credentialReport.ok && evidence.parts.passwordPolicy.ok);
  });

  it('an answer that does not fit the evidence schema: InvalidResponse on its parts, naming the field', async () => {
    const { evidence } = await scan(hardenedScenario(), { answers: { 'account:GetAlternateContact': { AlternateContact: { AlternateContactType: 'SECURITY', Name: 'No Address' } } } });
    const part = evidence.parts.alternateContactSecurity;
    assert.ok(!part.ok);
    assert.equal(part.error.code, 'InvalidResponse');
    assert.equal(part.error.action, 'account:GetAlternateContact');
    assert.match(part.error.message, /emailAddress/);
    const findings = evaluate(evidence, CHECKS);
    const errors = byPart(findings, 'alternateContactSecurity');
    assert.ok(errors.length > 0);
    for (const f of errors) assert.equal(f.params?.code, 'InvalidResponse', f.checkId);
    assert.deepEqual(findings.filter((f) => f.checkId === 'root-mfa').map((f) => f.status), ['PASS']);
    assert.ok(evidence.parts.authorizationDetails.ok);
  });
});

describe('progress', () => {
  const io = (isTTY: boolean) => {
    const out = { stdout: '', stderr: '' };
    return {
      out,
      // Its scans go to the test process's throwaway store, never the user's data folder.
      io: { stdout: { write: (s: string) => (out.stdout += s), isTTY: false }, stderr: { write: (s: string) => (out.stderr += s), isTTY }, env: { ...process.env, LOCKDOWN_DB: scratchStore() } },
    };
  };

  it('says on a terminal what is being read and that the report is awaited; nothing with --quiet', async () => {
    const scenario = hardenedScenario();
    scenario.credentialReport.pollsInProgress = 1;
    const fake = await startFakeAws(scenario);
    try {
      const terminal = io(true);
      assert.equal(await runScan({ endpointUrl: fake.url, region: 'us-east-1', format: 'json' }, terminal.io), 0);
      assert.match(terminal.out.stderr, /Identifying the account/);
      assert.match(terminal.out.stderr, /Reading IAM users, groups, roles and policies/);
      assert.match(terminal.out.stderr, /Waiting for IAM to generate the credential report/);
      assert.ok(JSON.parse(terminal.out.stdout));
      const quiet = io(true);
      await runScan({ endpointUrl: fake.url, region: 'us-east-1', format: 'json', quiet: true }, quiet.io);
      assert.equal(quiet.out.stderr, '');
    } finally {
      await fake.close();
    }
  });
});
