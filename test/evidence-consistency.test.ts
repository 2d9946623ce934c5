import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { CHECKS } from '../src/checks/registry.js';
import { evaluate } from '../src/engine/evaluate.js';
import type { Finding } from '../src/engine/types.js';
import { InputError } from '../src/errors.js';
import { loadEvidence } from '../src/evidence/load.js';
import { parseEvidence } from '../src/evidence/parse.js';
import type { Evidence, EvidenceJson } from '../src/evidence/schema.js';
import { say, type Message } from '../src/i18n/index.js';
import { runMain } from './run-main.js';
import { ACCOUNT_ID, COLLECTED_AT, daysAgo, evidenceJson, row, user, BASE_USERS, type EvidenceOverrides } from './builders/evidence.js';

// Evidence must be consistent before it is judged (issue 11, items 1–4): offline input that
// contradicts itself or AWS is refused naming the input, the part, the field and the value; live
// evidence (no file to fix) gets an error part, so only the checks that need it give ERROR.

const FOREIGN = '999999999999';
const tmp = mkdtempSync(join(tmpdir(), 'lockdown-consistency-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

type Doc = EvidenceJson;
const doc = (o: EvidenceOverrides = {}): Doc => evidenceJson(o);
const data = <T>(d: Doc, part: 'credentialReport' | 'authorizationDetails'): T => (d.parts[part] as unknown as { data: T }).data;
const reportRows = (d: Doc) => data<{ rows: ReturnType<typeof row>[] }>(d, 'credentialReport').rows;

/** The refusal of offline input: its message and the detail inside the part it names. */
function refused(fn: () => unknown): { said: Message; part: string; detail: Message; text: string } {
  try {
    fn();
  } catch (error) {
    assert.ok(error instanceof InputError, `an InputError (exit 2), not ${String(error)}`);
    const said = error.said;
    assert.equal(said.id, 'atFile');
    const inPart = said.params.detail as Message;
    assert.equal(inPart.id, 'inPart');
    return { said, part: inPart.params.part as string, detail: inPart.params.detail as Message, text: say('en', said) };
  }
  assert.fail('the evidence was accepted');
}

const live = (json: unknown): Evidence => parseEvidence(json, 'live evidence', { onInconsistent: 'error' });
const judge = (ev: Evidence): Finding[] => evaluate(ev, CHECKS);
const checksOf = (findings: Finding[], part: string) => findings.filter((f) => f.evidence.some((e) => e.part === part));

/** Live: the part is an error part with `code`, and no check that reads it passes. */
function assertLiveError(json: unknown, part: 'credentialReport' | 'accountSummary' | 'authorizationDetails' | 'virtualMfaDevices' | 'regions', code: string, someNeedIt = true) {
  const ev = live(json);
  const p = ev.parts[part];
  assert.ok(!p.ok, `${part} is an error part`);
  assert.equal(p.error.code, code);
  const findings = judge(ev);
  assert.equal(findings.filter((f) => f.messageId === 'engine.judgedTwice').length, 0, 'the engine never sees a thing twice');
  const needing = findings.filter((f) => f.messageId === 'engine.evidenceUnavailable' && f.params.part === part);
  if (someNeedIt) assert.ok(needing.length > 0, `some checks ERROR on ${part}`);
  assert.ok(needing.every((f) => f.status === 'ERROR'));
  assert.deepEqual(checksOf(findings, part), [], `no finding rests on the inconsistent ${part}`);
  return { ev, findings, message: p.error.message };
}

describe('consistent evidence passes unchanged', () => {
  it('the base evidence, GovCloud evidence and a GovCloud report without rows', () => {
    assert.ok(parseEvidence(doc(), 'base').parts.credentialReport.ok);
    assert.ok(parseEvidence(doc({ partition: 'aws-us-gov', virtualMfaDevices: [] }), 'gov').parts.authorizationDetails.ok);
    // GovCloud and China reports have no root row: without IAM users they have no rows at all.
    assert.ok(parseEvidence(doc({ partition: 'aws-us-gov', root: null, users: [], virtualMfaDevices: [] }), 'gov').parts.credentialReport.ok);
  });
});

describe('1. contradictions and duplicates are never resolved silently', () => {
  const secondRootFirst = () => {
    const d = doc({ root: { mfa: false, key1: { active: true, lastRotated: daysAgo(900), lastUsed: daysAgo(3) } }, summary: { AccountMFAEnabled: 0, AccountAccessKeysPresent: 1 } });
    const rows = reportRows(d);
    // A harmless-looking root row (MFA on, no keys), placed before the real one.
    rows.unshift(row('<root_account>', `arn:aws:iam::${ACCOUNT_ID}:root`, { password: 'not_supported', mfa: true, created: daysAgo(3000) }));
    return d;
  };

  it('a second root row placed first: refused, naming the part, both rows and the value', () => {
    const r = refused(() => parseEvidence(secondRootFirst(), 'evidence.json'));
    assert.equal(r.said.params.path, 'evidence.json');
    assert.equal(r.part, 'credentialReport');
    assert.equal(r.detail.id, 'entryTwice');
    assert.deepEqual(r.detail.params, { field: 'rows', value: '"<root_account>"', first: 'rows[0]', second: 'rows[1]' });
  });

  it('a second root row, live: the report is an ERROR part and the root checks do not pass', () => {
    const { findings } = assertLiveError(secondRootFirst(), 'credentialReport', 'DuplicateEntry');
    for (const id of ['root-mfa', 'root-access-keys', 'root-recent-use', 'root-hardware-mfa']) {
      const f = findings.filter((x) => x.checkId === id);
      assert.ok(f.length > 0 && f.every((x) => x.status !== 'PASS'), `${id}: ${f.map((x) => x.status).join()}`);
    }
  });

  it('a user listed twice in the report, by name: refused; live: never judged twice', () => {
    const d = doc();
    const rows = reportRows(d);
    rows.push({ ...(rows[1] as ReturnType<typeof row>), mfaActive: false });
    assert.equal(refused(() => parseEvidence(d, 'e.json')).detail.params.value, '"alice"');
    assertLiveError(d, 'credentialReport', 'DuplicateEntry');
  });

  it('a user listed twice in the authorization details (by name, by ARN): refused; live: no engine.judgedTwice', () => {
    const twice = doc({ users: [...BASE_USERS, { ...user('alice'), inReport: false }] });
    const r = refused(() => parseEvidence(twice, 'e.json'));
    assert.equal(r.part, 'authorizationDetails');
    assert.deepEqual(r.detail.params, { field: 'users', value: '"alice"', first: 'users[0]', second: 'users[2]' });
    assertLiveError(twice, 'authorizationDetails', 'DuplicateEntry');

    const byArn = doc();
    const users = data<{ users: { name: string; arn: string }[] }>(byArn, 'authorizationDetails').users;
    users.push({ ...(users[0] as { name: string; arn: string }), name: 'alice2' });
    assert.equal(refused(() => parseEvidence(byArn, 'e.json')).detail.params.value, `"arn:aws:iam::${ACCOUNT_ID}:user/alice"`);
  });

  it('a region listed twice: refused', () => {
    const d = doc({ parts: { regions: { source: 'api', observedAt: COLLECTED_AT, data: ['eu-west-1', 'us-east-1', 'eu-west-1'] } } });
    const r = refused(() => parseEvidence(d, 'e.json'));
    assert.equal(r.part, 'regions');
    assert.deepEqual(r.detail.params, { field: 'data', value: '"eu-west-1"', first: 'data[0]', second: 'data[2]' });
    assertLiveError(d, 'regions', 'DuplicateEntry');
  });
});

describe('2. one account and partition per evidence', () => {
  it("a root row of another account: refused, naming the part and both accounts", () => {
    const d = doc();
    const rows = reportRows(d);
    rows.unshift(row('<root_account>', `arn:aws:iam::${FOREIGN}:root`, { password: 'not_supported', mfa: true }));
    const r = refused(() => parseEvidence(d, 'e.json'));
    assert.equal(r.part, 'credentialReport');
    assert.equal(r.detail.id, 'foreignAccount');
    assert.deepEqual(r.detail.params, { field: 'rows[0].arn', value: `"arn:aws:iam::${FOREIGN}:root"`, account: FOREIGN, partition: 'aws', ownAccount: ACCOUNT_ID, ownPartition: 'aws' });
    assertLiveError(d, 'credentialReport', 'ForeignAccount');
  });

  it('an export folder whose identity file is account B and whose data is account A: refused naming both accounts', () => {
    const dir = join(tmp, 'mixed-export');
    cpSync('test/fixtures/cli-export/v2', dir, { recursive: true });
    writeFileSync(join(dir, 'sts-get-caller-identity.json'), JSON.stringify({ UserId: 'AROAX:s', Account: FOREIGN, Arn: `arn:aws:sts::${FOREIGN}:assumed-role/SecurityAudit/s` }));
    // Whichever file is read first may tell (the importer checks files that name their account);
    // the data itself is caught here, at the file it came from.
    rmSync(join(dir, 'organizations-describe-account.json'));
    writeFileSync(join(dir, 'organizations-describe-account.error.txt'), 'An error occurred (AccessDenied) when calling the DescribeAccount operation: denied');
    const r = refused(() => loadEvidence(dir));
    assert.equal(r.detail.id, 'foreignAccount');
    assert.match(String(r.said.params.path), /iam-get-credential-report\.json$/);
    assert.equal(r.detail.params.account, ACCOUNT_ID);
    assert.equal(r.detail.params.ownAccount, FOREIGN);
    assert.ok(r.text.includes(ACCOUNT_ID) && r.text.includes(FOREIGN), r.text);
  });

  it('a caller of another account, another partition, a commercial policy ARN in GovCloud: refused', () => {
    const d = doc();
    d.account.callerArn = `arn:aws:sts::${FOREIGN}:assumed-role/x/y`;
    assert.equal(refused(() => parseEvidence(d, 'e.json')).part, 'account');
    // Even live: the document's own identity is wrong, there is no part to set aside.
    assert.throws(() => live(d), InputError);

    const gov = doc({ partition: 'aws-us-gov', virtualMfaDevices: [] });
    reportRows(gov).push(row('bob', `arn:aws:iam::${ACCOUNT_ID}:user/bob`, {}));
    assert.deepEqual(refused(() => parseEvidence(gov, 'e.json')).detail.params.partition, 'aws');
  });

  it('AWS-managed policy ARNs (account "aws") are this account\'s policies', () => {
    assert.ok(parseEvidence(doc({ users: [user('x', { attached: ['arn:aws:iam::aws:policy/AdministratorAccess'] })] }), 'e').parts.authorizationDetails.ok);
  });
});

describe('3. no date after the collection time', () => {
  it('a collectedAt in the past relative to the dates inside: refused, naming the field and both times', () => {
    const d = doc();
    d.collectedAt = daysAgo(30);
    const r = refused(() => parseEvidence(d, 'e.json'));
    assert.equal(r.detail.id, 'afterCollection');
    assert.equal(r.detail.params.collectedAt, daysAgo(30));
  });

  it('a user created in the future, live: the report is an ERROR part, ages are never judged', () => {
    const d = doc({ users: [...BASE_USERS, user('future', { created: daysAgo(-5), password: true, mfa: true, passwordLastUsed: daysAgo(-4) })] });
    const r = refused(() => parseEvidence(d, 'e.json'));
    assert.deepEqual(r.detail.params, { field: 'rows[3].userCreationTime', value: daysAgo(-5), collectedAt: COLLECTED_AT });
    assertLiveError(d, 'credentialReport', 'FutureDate');
  });

  it('a report generated after the collection: refused; within the collection grace: accepted', () => {
    const late = doc();
    data<{ generatedTime: string }>(late, 'credentialReport').generatedTime = daysAgo(-1);
    assert.equal(refused(() => parseEvidence(late, 'e.json')).detail.params.field, 'generatedTime');
    // Clock skew and the collection's own duration: minutes after collectedAt are real.
    const skew = doc();
    const report = skew.parts.credentialReport as { observedAt: string; data: { generatedTime: string } };
    report.observedAt = daysAgo(-0.01);
    report.data.generatedTime = daysAgo(-0.01);
    assert.ok(parseEvidence(skew, 'e.json').parts.credentialReport.ok);
  });
});

describe('4. impossible values are errors, not facts', () => {
  it('AccountMFAEnabled: -1: refused; live: no verdict rests on the summary', () => {
    const d = doc({ summary: { AccountMFAEnabled: -1 } });
    const r = refused(() => parseEvidence(d, 'e.json'));
    assert.equal(r.part, 'accountSummary');
    assert.deepEqual(r.detail.params, { field: 'AccountMFAEnabled', value: '-1', allowed: '0, 1' });
    // Checks read the summary where they can and fall back to the report: none needs it alone.
    const { findings } = assertLiveError(d, 'accountSummary', 'ImpossibleValue', false);
    // root-mfa is judged on the report's root row alone, as when the summary is denied.
    const rootMfa = findings.find((f) => f.checkId === 'root-mfa');
    assert.deepEqual(rootMfa?.evidence.map((e) => e.part), ['credentialReport']);
  });

  it("not_supported in a user's password column: refused; root's password columns may say it", () => {
    const d = doc({ users: [user('dave', { password: 'not_supported', mfa: true })] });
    const r = refused(() => parseEvidence(d, 'e.json'));
    assert.deepEqual(r.detail.params, { field: 'rows[1].passwordEnabled', value: '"not_supported"', allowed: 'true, false' });
    const lastUsed = doc({ users: [user('dave', { password: true, passwordLastUsed: 'not_supported' })] });
    assert.equal(refused(() => parseEvidence(lastUsed, 'e.json')).detail.params.field, 'rows[1].passwordLastUsed');
    assertLiveError(lastUsed, 'credentialReport', 'ImpossibleValue');
    assert.ok(parseEvidence(doc({ root: { passwordLastChanged: 'not_supported' } }), 'e').parts.credentialReport.ok);
  });

  it('an empty credential report in the aws partition: refused', () => {
    const d = doc({ root: null, users: [], virtualMfaDevices: [] });
    const r = refused(() => parseEvidence(d, 'e.json'));
    assert.equal(r.detail.id, 'impossibleValue');
    assert.equal(r.detail.params.field, 'rows');
    assertLiveError(d, 'credentialReport', 'ImpossibleValue');
  });

  it('a root MFA serial that is not an ARN: refused; live: root-hardware-mfa cannot pass', () => {
    const d = doc({ virtualMfaDevices: [{ serialNumber: 'GAHT12345678', userArn: `arn:aws:iam::${ACCOUNT_ID}:root` }] });
    const r = refused(() => parseEvidence(d, 'e.json'));
    assert.equal(r.part, 'virtualMfaDevices');
    assert.equal(r.detail.id, 'notThisArn');
    assert.equal(r.detail.params.field, 'data[0].serialNumber');
    const { findings } = assertLiveError(d, 'virtualMfaDevices', 'ImpossibleValue');
    assert.ok(findings.filter((f) => f.checkId === 'root-hardware-mfa').every((f) => f.status === 'ERROR'));
  });
});

describe('the CLI', () => {
  it('exits 2 with one line naming the file, the part and both accounts', async () => {
    const d = doc();
    reportRows(d).unshift(row('<root_account>', `arn:aws:iam::${FOREIGN}:root`, { password: 'not_supported', mfa: true }));
    const file = join(tmp, 'mixed.json');
    writeFileSync(file, JSON.stringify(d));
    const run = await runMain(['scan', '--evidence', file, '--format', 'json'], { PATH: '', HOME: tmp });
    assert.equal(run.code, 2, run.stderr);
    assert.equal(run.stdout, '');
    const lines = run.stderr.trim().split('\n');
    assert.equal(lines.length, 1, run.stderr);
    assert.ok(lines[0]?.includes(file) && lines[0].includes('credentialReport') && lines[0].includes(FOREIGN) && lines[0].includes(ACCOUNT_ID), run.stderr);
  });
});
