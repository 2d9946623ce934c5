import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it, mock } from 'node:test';
import { GetAccountSummaryCommand } from '@aws-sdk/client-iam';
import { CHECKS } from '../src/checks/registry.js';
import { makeClients } from '../src/collect/clients.js';
import { openSession } from '../src/collect/session.js';
import { loadConfig } from '../src/config/config.js';
import { msg } from '../src/i18n/index.js';
import { NotAssessedError, RoleSessions } from '../src/org/assume-role.js';
import { planTargets } from '../src/org/live-scan.js';
import { rateLimiter } from '../src/org/rate-limit.js';
import { scanMany, type AccountJob, type ManyEvent } from '../src/org/scan-many.js';
import { NO_PLACE } from '../src/record/record.js';
import { ACCOUNTS, orgScenario } from './fake-aws/org-scenarios.js';
import { BASE_ACCESS_KEY_ID, startFakeOrg, type FakeOrg } from './fake-aws/org-server.js';

// The parts of a many-account scan on their own: sessions renewed before AWS's one-hour limit
// on chained roles, the shared rate limit, the pool's isolation (one account's failure, hang or
// throttling never stops, slows or passes for another) and its progress events.

const sandbox = mkdtempSync(join(tmpdir(), 'org-sessions-'));
Object.assign(process.env, {
  AWS_EC2_METADATA_DISABLED: 'true', AWS_CONFIG_FILE: join(sandbox, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(sandbox, 'credentials'),
  AWS_ACCESS_KEY_ID: BASE_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY: 'fake', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
});
delete process.env.AWS_PROFILE;

let fake: FakeOrg;
before(async () => {
  fake = await startFakeOrg(orgScenario());
});
after(() => fake.close());

const base = () => openSession({ region: 'eu-west-1', endpoint: fake.url, env: process.env });
const orgRole = (account: string) => `arn:aws:iam::${account}:role/OrganizationAccountAccessRole`;
const scanOptions = { checks: CHECKS, config: loadConfig(undefined) };

describe('per-account sessions', () => {
  it('asks for one hour, and assumes the role again when less than 10 minutes are left, so a long account scan goes on', async () => {
    mock.timers.enable({ apis: ['Date'], now: Date.now() });
    try {
      const sessions = new RoleSessions({ base: await base() });
      const session = await sessions.session([{ roleArn: orgRole(ACCOUNTS.dev) }]);
      const clients = makeClients(session);
      const assumes = () => fake.calls.filter((c) => c.action === 'sts:AssumeRole' && c.params.RoleArn === orgRole(ACCOUNTS.dev));
      await clients.iam.send(new GetAccountSummaryCommand({}));
      assert.equal(assumes().length, 1);
      assert.equal(assumes()[0]?.params.DurationSeconds, '3600');
      // 55 minutes into the account's scan (the fake's clock is Date too): the SDK asks for fresh credentials, and gets them.
      mock.timers.tick(55 * 60_000);
      await clients.iam.send(new GetAccountSummaryCommand({}));
      assert.equal(assumes().length, 2);
      mock.timers.tick(58 * 60_000);
      await clients.iam.send(new GetAccountSummaryCommand({}));
      assert.equal(assumes().length, 3);
      const expired = fake.calls.filter((c) => c.error === 'ExpiredToken');
      assert.deepEqual(expired, []);
      clients.destroy();
      sessions.destroy();
    } finally {
      mock.timers.reset();
    }
  });

  it('a denied AssumeRole names the code, the action and the role', async () => {
    const sessions = new RoleSessions({ base: await base() });
    await assert.rejects(sessions.session([{ roleArn: orgRole(ACCOUNTS.legacy) }]), (error: unknown) => {
      assert.ok(error instanceof NotAssessedError);
      assert.equal(error.code, 'AccessDenied');
      assert.deepEqual(error.reason.params.action, 'sts:AssumeRole');
      assert.deepEqual(error.reason.params.target, orgRole(ACCOUNTS.legacy));
      return true;
    });
    sessions.destroy();
  });
});

describe('the shared rate limit', () => {
  it('lets one second of calls through at once, then spaces them 1/rate apart, per family', async () => {
    let now = 0;
    const slept: number[] = [];
    const limit = rateLimiter({ sts: 10 }, { now: () => now, sleep: async (ms) => void slept.push(ms) });
    for (let i = 0; i < 10; i++) await limit('sts:AssumeRole');
    assert.deepEqual(slept, []);
    await limit('sts:AssumeRole');
    await limit('sts:AssumeRoot');
    assert.deepEqual(slept.map(Math.round), [100, 200]);
    // Another family, and families without a rate, do not wait.
    await limit('iam:GetAccountSummary');
    await limit('organizations:ListParents');
    assert.equal(slept.length, 2);
    now = 10_000;
    await limit('sts:AssumeRole');
    assert.equal(slept.length, 2);
    assert.deepEqual(limit.waited, { sts: 2 });
  });
});

describe('many accounts at once', () => {
  const job = (id: string, run: AccountJob['run']): AccountJob => ({ id, partition: 'aws', place: async () => ({ ...NO_PLACE, name: `name-${id}` }), run });

  it('any failure makes that account not assessed with its reason; the others are scanned, at most N at a time, in scope order', async () => {
    let active = 0;
    let most = 0;
    const ok = (id: string) => job(id, async (place) => {
      active++;
      most = Math.max(most, active);
      await new Promise((resolve) => setTimeout(resolve, 5));
      active--;
      return { account: { id, partition: 'aws', ...place } as never, findings: [], mutelist: null, evidence: {} as never };
    });
    const jobs = [
      ok('111111111111'),
      job('222222222222', async () => { throw new NotAssessedError('AccessDenied', msg('notAssessedCall', { code: 'AccessDenied', action: 'sts:AssumeRole', target: 'arn:aws:iam::222222222222:role/x', detail: 'no' })); }),
      job('333333333333', async () => { throw new TypeError('a bug'); }),
      ...['444444444444', '555555555555', '666666666666', '777777777777'].map(ok),
    ];
    const events: ManyEvent[] = [];
    const known = [{ ...NO_PLACE, id: '999999999999', partition: 'aws', code: 'SUSPENDED', reason: msg('notAssessedState', { state: 'SUSPENDED' }) }];
    const result = await scanMany(jobs, known, { concurrency: 2, onEvent: (e) => events.push(e) });
    assert.ok(most <= 2);
    assert.deepEqual(result.scans.map((s) => s.account.id), ['111111111111', '444444444444', '555555555555', '666666666666', '777777777777']);
    assert.deepEqual(result.notAssessed.map((a) => [a.id, a.code, a.name]), [['999999999999', 'SUSPENDED', null], ['222222222222', 'AccessDenied', 'name-222222222222'], ['333333333333', 'TypeError', 'name-333333333333']]);
    assert.equal(result.notAssessed[2]?.reason.id, 'notAssessedFailed');
    // The evidence never leaves the pool.
    for (const scan of result.scans) assert.ok(!('evidence' in scan));
    const last = events.at(-1);
    assert.deepEqual(last && last.type === 'account-done' ? [last.done, last.inScope, last.failed, last.etaMs] : [], [8, 8, 3, 0]);
    assert.deepEqual(events[0], { type: 'accounts-started', inScope: 8, concurrency: 2 });
  });

  it('collects garbage every 32 accounts of a large scan, never in a small one', async () => {
    const quick = (n: number) => Array.from({ length: n }, (_, i) => job(String(100000000000 + i), async (place) => ({ account: { id: String(100000000000 + i), partition: 'aws', ...place } as never, findings: [], mutelist: null, evidence: {} as never })));
    let collections = 0;
    await scanMany(quick(70), [], { concurrency: 4, collectGarbage: () => collections++ });
    assert.equal(collections, 2);
    collections = 0;
    await scanMany(quick(32), [], { concurrency: 4, collectGarbage: () => collections++ });
    assert.equal(collections, 0);
  });

  it('an account reached whose every call is refused is not assessed, naming the first refusal', async () => {
    fake.setFaults({ accounts: { [ACCOUNTS.dev]: { accessDenied: ['*'] } } });
    try {
      const plan = await planTargets([{ kind: 'organization', via: [], roleName: 'OrganizationAccountAccessRole', filters: { accounts: [ACCOUNTS.dev, ACCOUNTS.prod] } }], { base: await base(), scan: scanOptions, flags: { ous: '--ous', accounts: '--accounts' } });
      const result = await scanMany(plan.jobs, plan.notAssessed, { concurrency: 2 });
      plan.sessions.destroy();
      assert.deepEqual(result.scans.map((s) => s.account.id), [ACCOUNTS.prod]);
      assert.equal(result.notAssessed.length, 1);
      assert.equal(result.notAssessed[0]?.id, ACCOUNTS.dev);
      assert.equal(result.notAssessed[0]?.reason.id, 'notAssessedNothingRead');
      assert.match(result.notAssessed[0]?.code ?? '', /AccessDenied/);
    } finally {
      fake.setFaults({});
    }
  });

  it('an account whose calls hang or are throttled without end is judged ERROR where it could not read, and does not hold up the others', async () => {
    fake.setFaults({ accounts: { [ACCOUNTS.dev]: { hang: ['iam:GetAccountAuthorizationDetails'] }, [ACCOUNTS.prod]: { alwaysThrottle: ['iam:*'] } } });
    try {
      const session = { ...(await base()), callTimeoutMs: 1_500, maxAttempts: 2 };
      const plan = await planTargets([{ kind: 'organization', via: [], roleName: 'OrganizationAccountAccessRole', filters: {} }], { base: session, scan: scanOptions, flags: { ous: '--ous', accounts: '--accounts' } });
      const started = Date.now();
      const result = await scanMany(plan.jobs, plan.notAssessed, { concurrency: 4 });
      plan.sessions.destroy();
      assert.ok(Date.now() - started < 30_000);
      const of = (id: string, check: string) => result.scans.find((s) => s.account.id === id)?.findings.filter((f) => f.checkId === check).map((f) => f.status);
      assert.deepEqual(of(ACCOUNTS.dev, 'policy-full-admin'), ['ERROR']);
      const details = result.scans.find((s) => s.account.id === ACCOUNTS.dev)?.account.evidence.authorizationDetails;
      assert.ok(details && 'error' in details);
      assert.deepEqual([details.error.code, details.error.action], ['Timeout', 'iam:GetAccountAuthorizationDetails']);
      assert.ok(of(ACCOUNTS.prod, 'root-access-keys')?.every((s) => s === 'ERROR'));
      assert.ok(!result.scans.find((s) => s.account.id === ACCOUNTS.prod)?.findings.some((f) => f.status === 'PASS' && f.checkId.startsWith('password-policy')));
      // The healthy members are judged as always.
      assert.deepEqual(of(ACCOUNTS.security, 'root-access-keys'), ['NOT_APPLICABLE']);
    } finally {
      fake.setFaults({});
    }
  });
});
