import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Finding, Severity, Status } from '../src/engine/types.js';
import { diffRecords, failingChanges, headline, historyCandidates, mergeDiffs, restrictToAccounts, type Category, type ScanDiff } from '../src/history/diff.js';
import { RECORD_SCHEMA, type AccountRecord, type NotAssessedAccount, type ScanRecord } from '../src/record/record.js';
import { msg } from '../src/i18n/index.js';

// Hand-built scan pairs, one per category and edge (issue 9: new, regressed, resolved, changed,
// unchanged; muted findings; a check added or removed; an account in only one scan).

const ACCOUNT = '111111111111';
const OTHER = '222222222222';

interface F {
  id: string;
  check?: string;
  status: Status;
  severity?: Severity;
  account?: string;
  muted?: boolean;
  name?: string;
}

function finding(f: F): Finding {
  const account = f.account ?? ACCOUNT;
  const name = f.name ?? f.id;
  return {
    id: f.id,
    checkId: f.check ?? 'user-console-mfa',
    status: f.status,
    severity: f.severity ?? 'medium',
    accountId: account,
    partition: 'aws',
    region: 'global',
    resource: { type: 'AwsIamUser', arn: `arn:aws:iam::${account}:user/${name}`, name },
    messageId: f.status === 'FAIL' ? 'noMfa' : 'hasMfa',
    params: {},
    evidence: [],
    compliance: {},
    muted: f.muted ?? false,
    muteReason: f.muted ? 'accepted' : null,
  };
}

function account(id: string): AccountRecord {
  return { id, partition: 'aws', name: `acct-${id.slice(0, 3)}`, email: null, ouPath: null, via: null, collectedAt: '2026-11-01T00:00:00Z', collector: 'test', credentialReportGeneratedAt: null, credentialReportTimeSource: null, evidence: {} };
}

function notAssessed(id: string, code = 'AccessDenied'): NotAssessedAccount {
  return { id, partition: 'aws', name: `acct-${id.slice(0, 3)}`, email: null, ouPath: null, via: null, code, reason: msg('commanderSays', { detail: code }) };
}

interface R {
  id: string;
  day: number;
  findings: F[];
  checks?: Record<string, number | { version: number; key: string }>;
  accounts?: string[];
  notAssessed?: string[];
}

function record(r: R): ScanRecord {
  const checks = r.checks ?? { 'user-console-mfa': 1, 'root-mfa': 1 };
  return {
    schema: RECORD_SCHEMA,
    tool: { name: 'aws-lockdown', version: '0.1.0' },
    checkSet: {
      fingerprint: 'f'.repeat(16),
      checks: Object.fromEntries(Object.entries(checks).map(([id, c]) => [id, typeof c === 'number' ? { version: c, key: id } : c])),
    },
    scan: { id: r.id, startedAt: `2026-11-${String(r.day).padStart(2, '0')}T10:00:00.000Z`, finishedAt: `2026-11-${String(r.day).padStart(2, '0')}T10:00:01.000Z`, source: 'evidence' },
    accounts: (r.accounts ?? [ACCOUNT]).map(account),
    notAssessed: (r.notAssessed ?? []).map((id) => notAssessed(id)),
    findings: r.findings.map(finding),
    mutelist: null,
  };
}

const ids = (diff: ScanDiff, category: Category) => diff.entries[category].map((e) => e.id);

describe('diffRecords', () => {
  it('sorts each finding into new, regressed, resolved, changed or unchanged by its stable id', () => {
    const a = record({
      id: 'scan-a',
      day: 1,
      findings: [
        { id: 'same-fail', status: 'FAIL' },
        { id: 'same-pass', status: 'PASS' },
        { id: 'pass-to-fail', status: 'PASS', severity: 'high' },
        { id: 'na-to-error', status: 'NOT_APPLICABLE' },
        { id: 'manual-to-fail', status: 'MANUAL' },
        { id: 'fail-to-pass', status: 'FAIL' },
        { id: 'error-to-na', status: 'ERROR' },
        { id: 'fail-gone', status: 'FAIL' },
        { id: 'pass-gone', status: 'PASS' },
        { id: 'fail-to-error', status: 'FAIL' },
        { id: 'fail-to-manual', status: 'FAIL' },
        { id: 'severity-up', status: 'FAIL', severity: 'low' },
        { id: 'pass-to-na', status: 'PASS' },
      ],
    });
    const b = record({
      id: 'scan-b',
      day: 2,
      findings: [
        { id: 'same-fail', status: 'FAIL' },
        { id: 'same-pass', status: 'PASS' },
        { id: 'pass-to-fail', status: 'FAIL', severity: 'high' },
        { id: 'na-to-error', status: 'ERROR' },
        { id: 'manual-to-fail', status: 'FAIL' },
        { id: 'fail-to-pass', status: 'PASS' },
        { id: 'error-to-na', status: 'NOT_APPLICABLE' },
        { id: 'fail-to-error', status: 'ERROR' },
        { id: 'fail-to-manual', status: 'MANUAL' },
        { id: 'severity-up', status: 'FAIL', severity: 'high' },
        { id: 'pass-to-na', status: 'NOT_APPLICABLE' },
        { id: 'brand-new-fail', status: 'FAIL', severity: 'critical' },
        { id: 'brand-new-pass', status: 'PASS' },
      ],
    });
    const diff = diffRecords(a, b);
    assert.deepEqual(ids(diff, 'new'), ['brand-new-fail']);
    assert.deepEqual(ids(diff, 'regressed'), ['pass-to-fail', 'manual-to-fail', 'na-to-error']);
    assert.deepEqual(ids(diff, 'resolved').sort(), ['error-to-na', 'fail-gone', 'fail-to-pass']);
    assert.deepEqual(ids(diff, 'changed').sort(), ['fail-to-error', 'fail-to-manual', 'pass-to-na', 'severity-up']);
    assert.equal(diff.counts.unchanged, 2);
    assert.equal(diff.counts.appearedClean, 1, 'a new passing resource is counted, not listed');
    assert.equal(diff.counts.goneClean, 1);
    assert.deepEqual(diff.entries.new[0]?.why, ['firstSeen']);
    assert.equal(diff.entries.new[0]?.before, null);
    assert.deepEqual(diff.entries.regressed.find((e) => e.id === 'pass-to-fail')?.why, ['worse']);
    assert.deepEqual(diff.entries.resolved.find((e) => e.id === 'fail-gone')?.why, ['gone']);
    assert.equal(diff.entries.resolved.find((e) => e.id === 'fail-gone')?.after, null);
    assert.deepEqual(diff.entries.resolved.find((e) => e.id === 'fail-to-pass')?.why, ['fixed']);
    assert.deepEqual(diff.entries.changed.find((e) => e.id === 'severity-up')?.why, ['severity']);
    assert.deepEqual(diff.entries.changed.find((e) => e.id === 'fail-to-manual')?.why, ['status'], 'a FAIL that turns MANUAL is not resolved');
    assert.deepEqual(diff.before.map((s) => s.id), ['scan-a']);
    assert.equal(diff.after.id, 'scan-b');
    assert.deepEqual(headline(diff), { new: 1, regressed: 3, resolved: 3 });
    // Worst first: the critical new finding leads; within regressed, high before medium, FAIL before ERROR.
    assert.equal(diff.entries.regressed[0]?.id, 'pass-to-fail');
  });

  it('counts a finding that was seen in an earlier scan, absent from A and failing in B as regressed (came back)', () => {
    const a = record({ id: 'a', day: 2, findings: [] });
    const b = record({ id: 'b', day: 3, findings: [{ id: 'key-again', status: 'FAIL', check: 'root-mfa', severity: 'critical' }, { id: 'first-time', status: 'FAIL' }] });
    assert.deepEqual(historyCandidates(a, b), ['key-again', 'first-time']);
    const withoutHistory = diffRecords(a, b);
    assert.deepEqual(ids(withoutHistory, 'new'), ['key-again', 'first-time'], 'two scans alone: absent before is new');
    const withHistory = diffRecords(a, b, { seenBefore: new Set(['key-again']) });
    assert.deepEqual(ids(withHistory, 'new'), ['first-time']);
    assert.deepEqual(ids(withHistory, 'regressed'), ['key-again']);
    assert.deepEqual(withHistory.entries.regressed[0]?.why, ['cameBack']);
    assert.deepEqual(diffRecords(a, b, { seenBefore: (id) => id === 'first-time' }).entries.regressed.map((e) => e.id), ['first-time'], 'a function works too');
  });

  it('keeps muted findings in their category, flagged, and leaves them out of the headline and --fail-on-new', () => {
    const a = record({ id: 'a', day: 1, findings: [{ id: 'muted-pass', status: 'PASS' }, { id: 'muted-fixed', status: 'FAIL', muted: true }, { id: 'mute-expired', status: 'FAIL', muted: true }] });
    const b = record({
      id: 'b',
      day: 2,
      findings: [
        { id: 'muted-pass', status: 'FAIL', muted: true, severity: 'critical' },
        { id: 'muted-new', status: 'FAIL', muted: true, severity: 'critical' },
        { id: 'muted-fixed', status: 'PASS', muted: true },
        { id: 'mute-expired', status: 'FAIL' },
      ],
    });
    const diff = diffRecords(a, b);
    assert.deepEqual(ids(diff, 'new'), ['muted-new']);
    assert.deepEqual(ids(diff, 'regressed'), ['muted-pass']);
    assert.deepEqual(ids(diff, 'resolved'), ['muted-fixed']);
    assert.deepEqual(ids(diff, 'changed'), ['mute-expired']);
    assert.deepEqual(diff.entries.changed[0]?.why, ['muted'], 'an expired mute shows as a change');
    assert.equal(diff.entries.new[0]?.after?.muted, true);
    assert.deepEqual(headline(diff), { new: 0, regressed: 0, resolved: 0 });
    assert.deepEqual(failingChanges(diff, 'info').findings, []);
  });

  it('does not call a removed check resolved, nor an added check new, and matches a renamed check by its key', () => {
    const a = record({
      id: 'a',
      day: 1,
      checks: { 'root-mfa': 1, 'retired-check': 1, 'old-name': { version: 1, key: 'kept-key' } },
      findings: [
        { id: 'root', check: 'root-mfa', status: 'PASS' },
        { id: 'retired-1', check: 'retired-check', status: 'FAIL' },
        { id: 'retired-2', check: 'retired-check', status: 'PASS' },
        { id: 'renamed', check: 'old-name', status: 'PASS' },
      ],
    });
    const b = record({
      id: 'b',
      day: 2,
      checks: { 'root-mfa': 2, 'brand-new-check': 1, 'new-name': { version: 1, key: 'kept-key' } },
      findings: [
        { id: 'root', check: 'root-mfa', status: 'PASS' },
        { id: 'added-1', check: 'brand-new-check', status: 'FAIL', severity: 'critical' },
        { id: 'added-2', check: 'brand-new-check', status: 'ERROR' },
        { id: 'renamed', check: 'new-name', status: 'FAIL' },
      ],
    });
    const diff = diffRecords(a, b);
    assert.deepEqual(ids(diff, 'new'), []);
    assert.deepEqual(ids(diff, 'resolved'), []);
    assert.deepEqual(ids(diff, 'regressed'), ['renamed'], 'a renamed check is the same check');
    assert.deepEqual(diff.checks.added, [{ checkId: 'brand-new-check', findings: 2, problems: 2 }]);
    assert.deepEqual(diff.checks.removed, [{ checkId: 'retired-check', findings: 2, problems: 1 }]);
    assert.deepEqual(diff.checks.updated, [{ checkId: 'root-mfa', before: 1, after: 2 }]);
    assert.equal(diff.counts.unchanged, 1);
    assert.deepEqual(failingChanges(diff, 'info').findings.map((e) => e.id), ['renamed'], '--fail-on-new ignores an added check');
  });

  it('notes a new check version on a changed finding (a rescan of old evidence)', () => {
    const a = record({ id: 'a', day: 1, findings: [{ id: 'x', status: 'FAIL', severity: 'low' }] });
    const b = record({ id: 'b', day: 2, checks: { 'user-console-mfa': 2, 'root-mfa': 1 }, findings: [{ id: 'x', status: 'ERROR', severity: 'low' }] });
    const diff = diffRecords(a, b);
    assert.deepEqual(diff.entries.changed[0]?.why, ['status', 'checkVersion']);
    assert.equal(diff.entries.changed[0]?.before?.checkVersion, 1);
    assert.equal(diff.entries.changed[0]?.after?.checkVersion, 2);
  });

  it('compares only accounts assessed in both scans, and lists the others', () => {
    const THIRD = '333333333333';
    const FOURTH = '444444444444';
    const FIFTH = '555555555555';
    const a = record({
      id: 'a',
      day: 1,
      accounts: [ACCOUNT, OTHER, THIRD],
      notAssessed: [FOURTH, FIFTH],
      findings: [
        { id: 'kept', status: 'FAIL' },
        { id: 'other-fail', status: 'FAIL', account: OTHER },
        { id: 'third-fail', status: 'FAIL', account: THIRD },
      ],
    });
    const b = record({
      id: 'b',
      day: 2,
      accounts: [ACCOUNT, FOURTH, '666666666666'],
      notAssessed: [THIRD, FIFTH, '777777777777'],
      findings: [
        { id: 'kept', status: 'FAIL' },
        { id: 'fourth-fail', status: 'FAIL', account: FOURTH, severity: 'critical' },
        { id: 'sixth-fail', status: 'FAIL', account: '666666666666', severity: 'critical' },
      ],
    });
    const diff = diffRecords(a, b);
    assert.deepEqual(ids(diff, 'new'), [], 'accounts without a baseline add nothing new');
    assert.deepEqual(ids(diff, 'resolved'), [], 'an account out of scope or not assessed resolves nothing');
    assert.equal(diff.counts.unchanged, 1);
    assert.deepEqual(
      diff.accounts.map((x) => [x.accountId, x.change, x.code, x.problems]),
      [
        [OTHER, 'removed', null, 1],
        [THIRD, 'notAssessedNow', 'AccessDenied', 1],
        [FOURTH, 'assessedAgain', 'AccessDenied', 1],
        [FIFTH, 'notAssessedBoth', 'AccessDenied', 0],
        ['666666666666', 'added', null, 1],
        ['777777777777', 'addedNotAssessed', 'AccessDenied', 0],
      ],
    );
    assert.deepEqual(failingChanges(diff, 'critical').accounts.map((x) => x.accountId), [THIRD, '777777777777'], 'losing an account fails --fail-on-new');
  });

  it('treats a first scan (no baseline) as all new, so --fail-on-new cannot pass silently', () => {
    const b = record({ id: 'b', day: 2, findings: [{ id: 'f', status: 'FAIL', severity: 'high' }, { id: 'p', status: 'PASS' }, { id: 'm', status: 'FAIL', muted: true }] });
    const diff = diffRecords(null, b);
    assert.deepEqual(ids(diff, 'new'), ['f', 'm']);
    assert.equal(diff.counts.appearedClean, 1);
    assert.deepEqual(diff.before, []);
    assert.deepEqual(diff.accounts.map((x) => x.change), ['firstScan']);
    assert.deepEqual(failingChanges(diff, 'high').findings.map((e) => e.id), ['f']);
    assert.deepEqual(failingChanges(diff, 'critical').findings, [], 'below the threshold does not count');
  });

  it('composes a baseline from each account’s own previous scan', () => {
    const b = record({
      id: 'b',
      day: 5,
      accounts: [ACCOUNT, OTHER],
      findings: [
        { id: 'one', status: 'FAIL' },
        { id: 'two', status: 'FAIL', account: OTHER },
      ],
    });
    const a1 = record({ id: 'a1', day: 4, accounts: [ACCOUNT], findings: [{ id: 'one', status: 'PASS' }] });
    const a2 = record({ id: 'a2', day: 3, accounts: [ACCOUNT, OTHER], findings: [{ id: 'one', status: 'FAIL' }, { id: 'two', status: 'FAIL', account: OTHER }] });
    const diff = mergeDiffs([diffRecords(a1, restrictToAccounts(b, new Set([ACCOUNT]))), diffRecords(restrictToAccounts(a2, new Set([OTHER])), restrictToAccounts(b, new Set([OTHER])))]);
    assert.deepEqual(ids(diff, 'regressed'), ['one']);
    assert.equal(diff.counts.unchanged, 1);
    assert.deepEqual(diff.before.map((s) => s.id), ['a2', 'a1'], 'oldest first');
    assert.deepEqual(diff.accounts, []);
  });
});
