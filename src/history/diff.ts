import { SEVERITIES, type Finding, type Resource, type Severity, type Status } from '../engine/types.js';
import type { ScanRecord, ScanSource } from '../record/record.js';

// What changed between two scans, by stable finding id (SPEC §1.4). Pure: records in, a diff out;
// the CLI, the dashboard and `scan --fail-on-new` put it into words or an exit code.
//
// The categories, for a finding id whose account was assessed in both scans and whose check ran in
// both (a "problem" is FAIL or ERROR; "clean" is PASS or NOT_APPLICABLE; MANUAL is neither):
// - new: a problem in B, absent from A, and never seen in an earlier scan of its account;
// - regressed: a problem in B that was not a problem in A (PASS, NOT_APPLICABLE or MANUAL), or that
//   was absent from A after having been seen in an earlier scan (`seenBefore`, from the store's
//   finding history: it was resolved or its resource gone, and it fails again);
// - resolved: a problem in A that is clean in B, or whose resource is gone from B (a deleted user's
//   findings are fixed with it). A problem that turns MANUAL is not resolved: it is "changed";
// - changed: in both, with another status (FAIL ↔ ERROR, anything ↔ MANUAL, PASS ↔ N/A), severity
//   or mute, and not one of the above;
// - unchanged: in both with the same status, severity and mute (counted, not listed).
// A clean finding that appears or goes (a new user who passes) is counted, not listed.
//
// What is not compared, and why:
// - a check that ran in only one scan (matched by its permanent key, so a renamed check is the same
//   check): a removed check's findings are not "resolved" (nothing was fixed, the check is gone)
//   and an added check's findings are not "new" (nothing in the account changed; a new check
//   finding an old weakness is not a regression). Both are listed per check with their counts;
//   `scan --fail-on-new` ignores them, `--fail-on` still sees every finding;
// - an account assessed in only one scan: it is listed (added, removed, not assessed now or
//   before), its findings are neither new nor resolved. An account assessed before and not
//   assessed now is a coverage regression, which --fail-on-new counts (never a silent pass).

export type Category = 'new' | 'regressed' | 'resolved' | 'changed';
export const CATEGORIES = ['new', 'regressed', 'resolved', 'changed'] as const satisfies readonly Category[];

/** What a finding was in one scan: the facts a diff compares and shows. */
export interface FindingState {
  status: Status;
  severity: Severity;
  muted: boolean;
  muteReason: string | null;
  messageId: string;
  params: Finding['params'];
  /** The version of the check that judged it. */
  checkVersion: number | null;
}

/**
 * Why an entry is in its category: new `firstSeen`; regressed `worse` (in A, not a problem) or
 * `cameBack` (absent from A, seen before it); resolved `fixed` or `gone`; changed: what differs.
 */
export type Why = 'firstSeen' | 'worse' | 'cameBack' | 'fixed' | 'gone' | 'status' | 'severity' | 'muted' | 'checkVersion';

export interface DiffEntry {
  id: string;
  category: Category;
  checkId: string;
  accountId: string;
  resource: Resource;
  before: FindingState | null;
  after: FindingState | null;
  why: Why[];
}

export interface DiffScan {
  id: string;
  startedAt: string;
  source: ScanSource | string;
}

/** A check that ran in only one of the two scans, with its findings there. */
export interface CheckChange {
  checkId: string;
  findings: number;
  /** FAIL or ERROR findings among them (muted ones included). */
  problems: number;
}

export type AccountChangeKind =
  /** Assessed in B, in neither list of A (its findings are not new). */
  | 'added'
  /** Assessed in A, in neither list of B (out of scope now; its findings are not resolved). */
  | 'removed'
  /** Assessed in A, not assessed in B: a coverage regression. */
  | 'notAssessedNow'
  /** Not assessed in A, assessed in B: no baseline to compare with. */
  | 'assessedAgain'
  /** Not assessed in either. */
  | 'notAssessedBoth'
  /** Not assessed in B and absent from A. */
  | 'addedNotAssessed'
  /** Not assessed in A and absent from B. */
  | 'removedNotAssessed'
  /** B is the first scan of the account: every finding is compared with nothing (diffRecords(null, …)). */
  | 'firstScan';

export interface AccountChange {
  accountId: string;
  name: string | null;
  change: AccountChangeKind;
  /** The not-assessed code (account state or AWS error) of the scan where it was not assessed. */
  code: string | null;
  /** Findings of the account in the scan where it was assessed (B when both or neither). */
  findings: number;
  problems: number;
}

export interface DiffCounts {
  new: number;
  regressed: number;
  resolved: number;
  changed: number;
  unchanged: number;
  /** Clean findings only in B, or only in A (a new or deleted resource that passes). */
  appearedClean: number;
  goneClean: number;
}

export interface ScanDiff {
  /** The scans compared against (one, or one per account group for a composed baseline; none for a first scan). */
  before: DiffScan[];
  after: DiffScan;
  entries: Record<Category, DiffEntry[]>;
  counts: DiffCounts;
  checks: {
    added: CheckChange[];
    removed: CheckChange[];
    /** Checks whose version changed: same findings, judged by another version. */
    updated: { checkId: string; before: number; after: number }[];
  };
  accounts: AccountChange[];
}

export interface DiffOptions {
  /**
   * Ids of findings seen in a scan of their account older than A (any status): absent from A and a
   * problem in B, they are regressed (`cameBack`), not new. From the store's finding history; when
   * not given, the two scans alone decide.
   */
  seenBefore?: ReadonlySet<string> | ((id: string) => boolean);
}

const CLEAN = new Set<Status>(['PASS', 'NOT_APPLICABLE']);
export const isProblem = (s: Status): boolean => s === 'FAIL' || s === 'ERROR';

/** The finding ids whose category the finding history can change: absent from A, a problem in B. */
export function historyCandidates(before: ScanRecord, after: ScanRecord): string[] {
  const inBefore = new Set(before.findings.map((f) => f.id));
  return after.findings.filter((f) => isProblem(f.status) && !inBefore.has(f.id)).map((f) => f.id);
}

/** Compares scan B (`after`) with scan A (`before`); A null means B is the account's first scan. */
export function diffRecords(before: ScanRecord | null, after: ScanRecord, options: DiffOptions = {}): ScanDiff {
  const seen = options.seenBefore;
  const seenBefore = typeof seen === 'function' ? seen : (id: string) => seen?.has(id) ?? false;
  const a = before ?? emptyLike(after);
  const keyA = checkKeys(a);
  const keyB = checkKeys(after);
  const keysA = new Set(keyA.values());
  const keysB = new Set(keyB.values());
  // With no scan before, every check of B counts as present before: its problems are new.
  const checkInA = (key: string) => before === null || keysA.has(key);

  const assessedA = new Set(a.accounts.map((x) => x.id));
  const assessedB = new Set(after.accounts.map((x) => x.id));
  const compared = (accountId: string) => (before === null ? assessedB.has(accountId) : assessedA.has(accountId) && assessedB.has(accountId));

  const entries: Record<Category, DiffEntry[]> = { new: [], regressed: [], resolved: [], changed: [] };
  const counts: DiffCounts = { new: 0, regressed: 0, resolved: 0, changed: 0, unchanged: 0, appearedClean: 0, goneClean: 0 };
  const added = new Map<string, CheckChange>();
  const removed = new Map<string, CheckChange>();
  const tally = (map: Map<string, CheckChange>, f: Finding) => {
    const c = map.get(f.checkId) ?? { checkId: f.checkId, findings: 0, problems: 0 };
    c.findings++;
    if (isProblem(f.status)) c.problems++;
    map.set(f.checkId, c);
  };
  const push = (category: Category, f: Finding, beforeState: FindingState | null, afterState: FindingState | null, why: Why[]) => {
    entries[category].push({ id: f.id, category, checkId: f.checkId, accountId: f.accountId, resource: f.resource, before: beforeState, after: afterState, why });
    counts[category]++;
  };

  const byIdA = new Map<string, Finding>();
  for (const f of a.findings) byIdA.set(f.id, f);
  const keyOfA = (f: Finding) => keyA.get(f.checkId) ?? f.checkId;
  const keyOfB = (f: Finding) => keyB.get(f.checkId) ?? f.checkId;

  // Unchanged findings (nearly all of them, day to day) cost two map operations and no allocation.
  for (const f of after.findings) {
    if (!compared(f.accountId)) continue;
    const key = keyOfB(f);
    if (!checkInA(key)) {
      tally(added, f);
      continue;
    }
    const old = byIdA.get(f.id);
    if (!old) {
      if (!isProblem(f.status)) counts.appearedClean++;
      else if (seenBefore(f.id)) push('regressed', f, null, state(f, after), ['cameBack']);
      else push('new', f, null, state(f, after), ['firstSeen']);
      continue;
    }
    // What is left in byIdA afterwards is in A only.
    byIdA.delete(f.id);
    if (old.status === f.status && old.severity === f.severity && old.muted === f.muted) {
      counts.unchanged++;
      continue;
    }
    const was = state(old, a);
    const now = state(f, after);
    if (isProblem(f.status) && !isProblem(old.status)) push('regressed', f, was, now, ['worse']);
    else if (isProblem(old.status) && CLEAN.has(f.status)) push('resolved', f, was, now, ['fixed']);
    else {
      const why: Why[] = [];
      if (was.status !== now.status) why.push('status');
      if (was.severity !== now.severity) why.push('severity');
      if (was.muted !== now.muted) why.push('muted');
      if (was.checkVersion !== null && now.checkVersion !== null && was.checkVersion !== now.checkVersion) why.push('checkVersion');
      push('changed', f, was, now, why);
    }
  }
  if (before !== null) {
    for (const f of byIdA.values()) {
      if (!compared(f.accountId)) continue;
      if (!keysB.has(keyOfA(f))) {
        tally(removed, f);
        continue;
      }
      if (isProblem(f.status)) push('resolved', f, state(f, a), null, ['gone']);
      else counts.goneClean++;
    }
  }
  for (const list of Object.values(entries)) list.sort(entryOrder);

  const updated: ScanDiff['checks']['updated'] = [];
  if (before !== null) {
    const versionA = new Map(Object.values(a.checkSet.checks).map((c) => [c.key, c.version]));
    for (const [checkId, c] of Object.entries(after.checkSet.checks)) {
      const old = versionA.get(c.key);
      // Version 0 is unknown (a saved JSON result does not say): never a change.
      if (old !== undefined && old > 0 && c.version > 0 && old !== c.version) updated.push({ checkId, before: old, after: c.version });
    }
  }

  return {
    before: before === null ? [] : [scanOf(before)],
    after: scanOf(after),
    entries,
    counts,
    checks: { added: sortedChecks(added), removed: sortedChecks(removed), updated: updated.sort((x, y) => x.checkId.localeCompare(y.checkId)) },
    accounts: accountChanges(before, after),
  };
}

/** The headline of a diff: new, regressed and resolved findings that are not muted. */
export function headline(diff: ScanDiff): { new: number; regressed: number; resolved: number } {
  const unmuted = (e: DiffEntry) => !(e.after ?? e.before)?.muted;
  return {
    new: diff.entries.new.filter(unmuted).length,
    regressed: diff.entries.regressed.filter(unmuted).length,
    resolved: diff.entries.resolved.filter(unmuted).length,
  };
}

/** What `scan --fail-on-new SEVERITY` fails on: new or regressed unmuted FAIL/ERROR at or above it, and accounts lost from coverage. */
export function failingChanges(diff: ScanDiff, threshold: Severity): { findings: DiffEntry[]; accounts: AccountChange[] } {
  const limit = SEVERITIES.indexOf(threshold);
  const findings = [...diff.entries.new, ...diff.entries.regressed].filter((e) => e.after !== null && !e.after.muted && isProblem(e.after.status) && SEVERITIES.indexOf(e.after.severity) <= limit);
  const accounts = diff.accounts.filter((x) => x.change === 'notAssessedNow' || x.change === 'addedNotAssessed');
  return { findings, accounts };
}

/** One record cut down to some accounts (for a baseline composed of each account's own previous scan). */
export function restrictToAccounts(record: ScanRecord, accountIds: ReadonlySet<string>): ScanRecord {
  return {
    ...record,
    accounts: record.accounts.filter((x) => accountIds.has(x.id)),
    notAssessed: record.notAssessed.filter((x) => accountIds.has(x.id)),
    findings: record.findings.filter((f) => accountIds.has(f.accountId)),
  };
}

/** Diffs of disjoint account groups against the same B, as one diff. */
export function mergeDiffs(diffs: readonly ScanDiff[]): ScanDiff {
  const [first, ...rest] = diffs;
  if (!first) throw new Error('mergeDiffs needs at least one diff');
  if (rest.length === 0) return first;
  const entries: Record<Category, DiffEntry[]> = { new: [], regressed: [], resolved: [], changed: [] };
  const counts: DiffCounts = { new: 0, regressed: 0, resolved: 0, changed: 0, unchanged: 0, appearedClean: 0, goneClean: 0 };
  const added = new Map<string, CheckChange>();
  const removed = new Map<string, CheckChange>();
  const updated = new Map<string, ScanDiff['checks']['updated'][number]>();
  const merge = (map: Map<string, CheckChange>, c: CheckChange) => {
    const old = map.get(c.checkId);
    map.set(c.checkId, old ? { checkId: c.checkId, findings: old.findings + c.findings, problems: old.problems + c.problems } : { ...c });
  };
  const before = new Map<string, DiffScan>();
  for (const d of diffs) {
    for (const category of CATEGORIES) entries[category].push(...d.entries[category]);
    for (const k of Object.keys(counts) as (keyof DiffCounts)[]) counts[k] += d.counts[k];
    for (const c of d.checks.added) merge(added, c);
    for (const c of d.checks.removed) merge(removed, c);
    for (const u of d.checks.updated) updated.set(u.checkId, u);
    for (const s of d.before) before.set(s.id, s);
  }
  for (const list of Object.values(entries)) list.sort(entryOrder);
  return {
    before: [...before.values()].sort((x, y) => x.startedAt.localeCompare(y.startedAt)),
    after: first.after,
    entries,
    counts,
    checks: { added: sortedChecks(added), removed: sortedChecks(removed), updated: [...updated.values()].sort((x, y) => x.checkId.localeCompare(y.checkId)) },
    accounts: diffs.flatMap((d) => d.accounts).sort((x, y) => x.accountId.localeCompare(y.accountId)),
  };
}

function state(f: Finding, record: ScanRecord): FindingState {
  return {
    status: f.status,
    severity: f.severity,
    muted: f.muted,
    muteReason: f.muteReason,
    messageId: f.messageId,
    params: f.params,
    checkVersion: record.checkSet.checks[f.checkId]?.version || null,
  };
}

/** Check id (and every id a record may name it by) → its permanent key. */
function checkKeys(record: ScanRecord): Map<string, string> {
  return new Map(Object.entries(record.checkSet.checks).map(([id, c]) => [id, c.key]));
}

function emptyLike(record: ScanRecord): ScanRecord {
  return { ...record, accounts: [], notAssessed: [], findings: [], mutelist: null };
}

const scanOf = (r: ScanRecord): DiffScan => ({ id: r.scan.id, startedAt: r.scan.startedAt, source: r.scan.source });

function sortedChecks(map: Map<string, CheckChange>): CheckChange[] {
  return [...map.values()].sort((x, y) => y.problems - x.problems || x.checkId.localeCompare(y.checkId));
}

const rank = (e: DiffEntry) => SEVERITIES.indexOf((e.after ?? e.before)?.severity ?? 'info');
const statusRank = (e: DiffEntry) => ((e.after ?? e.before)?.status === 'FAIL' ? 0 : 1);

/** Worst first: severity, FAIL before ERROR, then check, account and resource. */
function entryOrder(x: DiffEntry, y: DiffEntry): number {
  return (
    rank(x) - rank(y) ||
    statusRank(x) - statusRank(y) ||
    x.checkId.localeCompare(y.checkId) ||
    x.accountId.localeCompare(y.accountId) ||
    x.resource.name.localeCompare(y.resource.name) ||
    x.id.localeCompare(y.id)
  );
}

function accountChanges(before: ScanRecord | null, after: ScanRecord): AccountChange[] {
  const count = (record: ScanRecord, id: string) => {
    let findings = 0;
    let problems = 0;
    for (const f of record.findings) {
      if (f.accountId !== id) continue;
      findings++;
      if (isProblem(f.status)) problems++;
    }
    return { findings, problems };
  };
  const out: AccountChange[] = [];
  if (before === null) {
    for (const x of after.accounts) out.push({ accountId: x.id, name: x.name, change: 'firstScan', code: null, ...count(after, x.id) });
    for (const x of after.notAssessed) out.push({ accountId: x.id, name: x.name, change: 'addedNotAssessed', code: x.code, findings: 0, problems: 0 });
    return out.sort((x, y) => x.accountId.localeCompare(y.accountId));
  }
  const assessedA = new Map(before.accounts.map((x) => [x.id, x]));
  const notA = new Map(before.notAssessed.map((x) => [x.id, x]));
  const assessedB = new Map(after.accounts.map((x) => [x.id, x]));
  const notB = new Map(after.notAssessed.map((x) => [x.id, x]));
  for (const [id, x] of assessedB) {
    if (assessedA.has(id)) continue;
    const was = notA.get(id);
    out.push({ accountId: id, name: x.name ?? was?.name ?? null, change: was ? 'assessedAgain' : 'added', code: was?.code ?? null, ...count(after, id) });
  }
  for (const [id, x] of notB) {
    const was = assessedA.get(id);
    if (was) out.push({ accountId: id, name: x.name ?? was.name, change: 'notAssessedNow', code: x.code, ...count(before, id) });
    else out.push({ accountId: id, name: x.name, change: notA.has(id) ? 'notAssessedBoth' : 'addedNotAssessed', code: x.code, findings: 0, problems: 0 });
  }
  for (const [id, x] of assessedA) {
    if (!assessedB.has(id) && !notB.has(id)) out.push({ accountId: id, name: x.name, change: 'removed', code: null, ...count(before, id) });
  }
  for (const [id, x] of notA) {
    if (!assessedB.has(id) && !notB.has(id)) out.push({ accountId: id, name: x.name, change: 'removedNotAssessed', code: x.code, findings: 0, problems: 0 });
  }
  return out.sort((x, y) => x.accountId.localeCompare(y.accountId));
}
