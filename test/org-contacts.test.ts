import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CHECKS } from '../src/checks/registry.js';
import { openSession } from '../src/collect/session.js';
import { loadConfig } from '../src/config/config.js';
import { ORGANIZATION_ACTIONS, SCAN_ACTIONS } from '../src/evidence/least-privilege.js';
import { planTargets } from '../src/org/live-scan.js';
import { MANAGEMENT_ACCOUNT_API } from '../src/org/rate-limit.js';
import { scanMany } from '../src/org/scan-many.js';
import { ACCOUNTS, orgScenario } from './fake-aws/org-scenarios.js';
import { BASE_ACCESS_KEY_ID, startFakeOrg, type FakeOrg } from './fake-aws/org-server.js';

// Issue 8 item 5: a member's alternate contacts are read inside the member (its own Account API
// quota); a contact its role is refused is read from the management account with AccountId when
// trusted access for AWS Account Management is on, and is ERROR naming both causes when it is
// not. Real SDK clients against the fake organisation; every call held against `lockdown policy --org`.

const sandbox = mkdtempSync(join(tmpdir(), 'org-contacts-'));
Object.assign(process.env, {
  AWS_EC2_METADATA_DISABLED: 'true', AWS_CONFIG_FILE: join(sandbox, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(sandbox, 'credentials'),
  AWS_ACCESS_KEY_ID: BASE_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY: 'fake', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
});
delete process.env.AWS_PROFILE;

const org = orgScenario();
let fake: FakeOrg;
before(async () => {
  fake = await startFakeOrg(org);
});
after(() => fake.close());

const CONTACT_CHECKS = ['account-security-contact', 'account-billing-operations-contacts'];
const DENY_CONTACTS = { accessDenied: ['account:GetAlternateContact'] };
const ALLOWED = new Set([...SCAN_ACTIONS, ...ORGANIZATION_ACTIONS, 'sts:AssumeRoot']);

/** An organisation scan of dev and prod as the CLI makes it, recording every action and every rate-limit wait. */
async function scan() {
  const recorded: string[] = [];
  const limited: string[] = [];
  const base = { ...(await openSession({ region: 'eu-west-1', endpoint: fake.url, env: process.env, onCommand: (a) => recorded.push(a) })), rateLimit: async (a: string) => void limited.push(a) };
  const from = fake.calls.length;
  const plan = await planTargets([{ kind: 'organization', via: [], roleName: 'OrganizationAccountAccessRole', filters: { accounts: [ACCOUNTS.dev, ACCOUNTS.prod] } }], {
    base, scan: { checks: CHECKS.filter((c) => CONTACT_CHECKS.includes(c.id)), config: loadConfig(undefined) }, flags: { ous: '--ous', accounts: '--accounts' },
  });
  const result = await scanMany(plan.jobs, plan.notAssessed, { concurrency: 2 });
  plan.sessions.destroy();
  const calls = fake.calls.slice(from);
  const account = (id: string) => {
    const s = result.scans.find((x) => x.account.id === id);
    assert.ok(s, `${id} assessed`);
    return { findings: Object.fromEntries(s.findings.map((f) => [f.checkId, f])), evidence: s.account.evidence };
  };
  return { result, calls, recorded, limited, account };
}

/** Every call the scanning role made is in `lockdown policy --org` (root sessions' reads are the task policy's). */
function withinPolicy(run: Awaited<ReturnType<typeof scan>>) {
  for (const action of run.recorded) assert.ok(ALLOWED.has(action), `${action} is not in lockdown policy --org`);
  for (const call of run.calls.filter((c) => c.sessionKind !== 'root')) assert.ok(ALLOWED.has(call.action), `${call.action} reached the wire but is not in lockdown policy --org`);
}

const crossAccount = (run: Awaited<ReturnType<typeof scan>>) => run.calls.filter((c) => c.action === 'account:GetAlternateContact' && c.params.AccountId !== undefined);
const trustedAccessCalls = (run: Awaited<ReturnType<typeof scan>>) => run.calls.filter((c) => c.action === 'organizations:ListAWSServiceAccessForOrganization');

describe('alternate contacts of members', () => {
  it('are read inside each member: no AccountId call and no trusted-access lookup when the member may read them', async () => {
    fake.setFaults({});
    const run = await scan();
    assert.deepEqual(crossAccount(run), []);
    assert.deepEqual(trustedAccessCalls(run), []);
    const dev = run.account(ACCOUNTS.dev);
    assert.equal(dev.findings['account-security-contact']?.status, 'PASS');
    assert.deepEqual(dev.evidence.alternateContactSecurity, { source: 'api', observedAt: (dev.evidence.alternateContactSecurity as { observedAt: string }).observedAt, action: 'account:GetAlternateContact' });
    const inside = run.calls.filter((c) => c.action === 'account:GetAlternateContact');
    assert.deepEqual([...new Set(inside.map((c) => c.accountId))].sort(), [ACCOUNTS.prod, ACCOUNTS.dev].sort());
    withinPolicy(run);
  });

  it('a member whose role is denied GetAlternateContact gets them from the management account when trusted access is on', async () => {
    fake.setFaults({ accounts: { [ACCOUNTS.dev]: DENY_CONTACTS } });
    try {
      const run = await scan();
      const dev = run.account(ACCOUNTS.dev);
      // dev has a SECURITY and a BILLING contact, no OPERATIONS contact (a fact, also when read with AccountId).
      assert.equal(dev.findings['account-security-contact']?.status, 'PASS');
      assert.equal(dev.findings['account-billing-operations-contacts']?.status, 'FAIL');
      const part = dev.evidence.alternateContactSecurity as { source: string; action: string; observedAt: string };
      assert.equal(part.source, 'api');
      assert.equal(part.action, `account:GetAlternateContact with AccountId ${ACCOUNTS.dev}, from the management account ${ACCOUNTS.management}`);
      assert.ok(Date.now() - Date.parse(part.observedAt) < 60_000);
      assert.deepEqual(dev.findings['account-security-contact']?.evidence.map((e) => e.action), [part.action]);
      // The three reads from the management account, each naming the member; prod read its own.
      const cross = crossAccount(run);
      const byType = cross.map((c) => [c.params.AlternateContactType, c.accountId, c.params.AccountId, c.status]).sort((a, b) => String(a[0]).localeCompare(String(b[0])));
      assert.deepEqual(byType, [
        ['BILLING', ACCOUNTS.management, ACCOUNTS.dev, 200],
        ['OPERATIONS', ACCOUNTS.management, ACCOUNTS.dev, 404],
        ['SECURITY', ACCOUNTS.management, ACCOUNTS.dev, 200],
      ]);
      assert.equal((dev.evidence.alternateContactOperations as { action?: string }).action, part.action);
      assert.equal(run.account(ACCOUNTS.prod).findings['account-security-contact']?.status, 'PASS');
      // Trusted access is learned once per organisation, from the management account.
      assert.deepEqual(trustedAccessCalls(run).map((c) => c.accountId), [ACCOUNTS.management]);
      // Through the shared rate limit, in the management account's own family; the members' own reads are not in it.
      assert.equal(run.limited.filter((a) => a === `${MANAGEMENT_ACCOUNT_API}:GetAlternateContact`).length, 3);
      assert.equal(run.limited.filter((a) => a === 'account:GetAlternateContact').length, 6);
      withinPolicy(run);
    } finally {
      fake.setFaults({});
    }
  });

  it('is ERROR naming both causes when trusted access for AWS Account Management is off (and nothing is asked with AccountId)', async () => {
    fake.setFaults({ accounts: { [ACCOUNTS.dev]: DENY_CONTACTS } });
    const saved = org.trustedAccess;
    org.trustedAccess = saved.filter((p) => p !== 'account.amazonaws.com');
    try {
      const run = await scan();
      const dev = run.account(ACCOUNTS.dev);
      for (const check of CONTACT_CHECKS) {
        const finding = dev.findings[check];
        assert.equal(finding?.status, 'ERROR', check);
        assert.equal(finding?.params.code, 'AccessDeniedException');
        assert.match(String(finding?.params.errorMessage), /^read in the account: AccessDeniedException \(User: arn:aws:sts::444455556666:assumed-role\/OrganizationAccountAccessRole\/aws-lockdown is not authorized to perform: account:GetAlternateContact/);
        assert.match(String(finding?.params.errorMessage), /not read from the management account 111122223333 with AccountId instead, because trusted access for AWS Account Management \(account\.amazonaws\.com\) is not enabled in organization o-a1b2c3d4e5$/);
      }
      assert.deepEqual(crossAccount(run), []);
      assert.equal(trustedAccessCalls(run).length, 1);
      assert.equal(run.account(ACCOUNTS.prod).findings['account-security-contact']?.status, 'PASS');
      withinPolicy(run);
    } finally {
      org.trustedAccess = saved;
      fake.setFaults({});
    }
  });

  it('is ERROR naming both refusals when the management account is refused too', async () => {
    fake.setFaults({ accounts: { [ACCOUNTS.dev]: DENY_CONTACTS, [ACCOUNTS.management]: DENY_CONTACTS } });
    try {
      const run = await scan();
      const finding = run.account(ACCOUNTS.dev).findings['account-security-contact'];
      assert.equal(finding?.status, 'ERROR');
      assert.match(String(finding?.params.errorMessage), /^read in the account: AccessDeniedException .*; read from the management account 111122223333 with AccountId 444455556666: AccessDeniedException \(/);
      assert.equal(crossAccount(run).length, 3);
    } finally {
      fake.setFaults({});
    }
  });

  it('is ERROR naming both causes when whether trusted access is on cannot be read', async () => {
    fake.setFaults({ accounts: { [ACCOUNTS.dev]: DENY_CONTACTS, [ACCOUNTS.management]: { accessDenied: ['organizations:ListAWSServiceAccessForOrganization'] } } });
    try {
      const run = await scan();
      const finding = run.account(ACCOUNTS.dev).findings['account-security-contact'];
      assert.equal(finding?.status, 'ERROR');
      assert.match(String(finding?.params.errorMessage), /could not be read: AccessDeniedException on organizations:ListAWSServiceAccessForOrganization/);
      assert.deepEqual(crossAccount(run), []);
    } finally {
      fake.setFaults({});
    }
  });

  it('a member whose role may read nothing stays not assessed: contacts read for it elsewhere are not its own reads', async () => {
    fake.setFaults({ accounts: { [ACCOUNTS.dev]: { accessDenied: ['*'] } } });
    try {
      const run = await scan();
      assert.deepEqual(run.result.notAssessed.map((a) => [a.id, a.reason.id]), [[ACCOUNTS.dev, 'notAssessedNothingRead']]);
    } finally {
      fake.setFaults({});
    }
  });
});
