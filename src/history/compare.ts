import { diffRecords, historyCandidates, isProblem, mergeDiffs, restrictToAccounts, type ScanDiff } from './diff.js';
import type { FindingWords } from './render-diff.js';
import { msg, say, type Lang } from '../i18n/index.js';
import type { ScanRecord } from '../record/record.js';
import { render } from '../record/render.js';
import type { ScanChanges, Store } from '../store/store.js';

// Comparing scans over a store, for `lockdown diff`, `history`, `scan --fail-on-new` and the
// dashboard: each account's own previous stored scan as the baseline, the finding history for
// findings that come back, and the words of the findings a diff lists.

/** One side of a diff or a baseline: a record, and where its words come from. */
export interface Side {
  record: ScanRecord;
  /** Words written in a JSON result file; null: render the record in the asked language. */
  words: Map<string, FindingWords> | null;
  /** The file it was read from; null for a stored scan. */
  path: string | null;
}

/** The words of the findings a diff lists, in one language. */
export function sideWords(side: Side, ids: ReadonlySet<string>, lang: Lang): Map<string, FindingWords> {
  if (side.words) return side.words;
  // Only the findings the diff shows are put into words: a 50,000-finding scan renders a handful.
  const listed = { ...side.record, findings: side.record.findings.filter((f) => ids.has(f.id)) };
  return new Map(render(listed, lang).findings.map((f) => [f.id, { title: f.title, message: f.message }]));
}

/** Finding ids seen in a stored scan of their account that started before `before` (the finding history). */
async function seenBefore(store: Store, before: ScanRecord, after: ScanRecord): Promise<Set<string>> {
  const seen = new Set<string>();
  for (const id of historyCandidates(before, after)) {
    const history = await store.findingHistory(id);
    if (history?.timeline.some((entry) => entry.from.startedAt < before.scan.startedAt)) seen.add(id);
  }
  return seen;
}

/** A diff of B against a given A, with the store's finding history when there is a store. */
export async function diffSides(store: Store | null, before: ScanRecord, after: ScanRecord): Promise<ScanDiff> {
  return diffRecords(before, after, store ? { seenBefore: await seenBefore(store, before, after) } : {});
}

/**
 * B against each account's own previous stored scan: an assessed account against its newest
 * earlier assessed scan, a not-assessed one against the newest earlier scan that covers it at all
 * (a suspended account stays "not assessed in either", not a new loss every day). Accounts with no
 * earlier scan are compared with nothing (every finding new). `stored` says whether B is already in
 * the store (then it is skipped as its own predecessor, and the diff is built from the findings that
 * changed: storedChanges).
 */
export async function diffWithPrevious(store: Store, after: ScanRecord, stored: boolean): Promise<{ diff: ScanDiff; firstScan: string[] }> {
  if (stored) {
    const { diff, firstScan } = await storedChanges(store, after.scan.id, { record: after });
    return { diff, firstScan };
  }
  const groups = new Map<string | null, Set<string>>();
  const add = (prev: string | null, account: string) => groups.set(prev, (groups.get(prev) ?? new Set()).add(account));
  for (const account of after.accounts) add(await store.previousScanOf(account.id, stored ? after.scan.id : undefined), account.id);
  for (const account of after.notAssessed) add(await store.previousScanOf(account.id, undefined, { covering: true }), account.id);
  const diffs: ScanDiff[] = [];
  const firstScan: string[] = [];
  for (const [prev, accounts] of groups) {
    const now = restrictToAccounts(after, accounts);
    if (prev === null) {
      firstScan.push(...accounts);
      diffs.push(diffRecords(null, now));
      continue;
    }
    const before = restrictToAccounts(await store.loadScan(prev), accounts);
    diffs.push(await diffSides(store, before, now));
  }
  if (diffs.length === 0) return { diff: diffRecords(null, after), firstScan: [] };
  return { diff: mergeDiffs(diffs), firstScan: firstScan.sort() };
}

/** What a stored scan changed against each account's previous scan: the diff, and what it was built from. */
export interface StoredChanges {
  diff: ScanDiff;
  /** Accounts of the scan with no earlier stored scan (their findings are compared with nothing). */
  firstScan: string[];
  /** The scan itself, partial: its accounts whole, of its findings only those that changed. */
  after: ScanRecord;
  /** Assessed account → its previous stored scan (null: its first). */
  previous: Map<string, string | null>;
}

/**
 * A stored scan B against each account's own previous stored scan, the same diff as
 * diffWithPrevious, built from the store's spans (changesSince): only the findings that changed are
 * read from either scan, so a 50,000-finding scan where 20 findings moved costs 20 findings (an
 * account where most findings changed, or seen for the first time, is read whole: one query).
 * `accounts` limits it to some of B's accounts; `findingHistory` (default true) asks the finding
 * history whether a finding absent from A was seen before (regressed, not new); `skipFirstScans`
 * leaves accounts without an earlier scan out of the diff (`history` shows them as a first scan).
 * `record` is B when the caller holds it already (a scan just stored), else B is read (partially).
 */
export async function storedChanges(
  store: Store,
  scanId: string,
  options: { accounts?: ReadonlySet<string>; findingHistory?: boolean; skipFirstScans?: boolean; record?: ScanRecord } = {},
): Promise<StoredChanges> {
  // A record cut down to some accounts (the dashboard's diff of one account) limits the diff to them.
  const held = options.record ? new Set([...options.record.accounts, ...options.record.notAssessed].map((a) => a.id)) : undefined;
  const only = options.accounts ?? held;
  const changes: ScanChanges = await store.changesSince(scanId, { ...(only === undefined ? {} : { accounts: only }), ...(options.skipFirstScans ? { skipFirstScans: true } : {}) });
  const previous = new Map<string, string | null>();
  const firstScan: string[] = [];
  const perAccount = changes.accounts.filter((a) => {
    previous.set(a.accountId, a.previousScanId);
    if (a.previousScanId === null && options.skipFirstScans) firstScan.push(a.accountId);
    return a.previousScanId !== null || !options.skipFirstScans;
  });
  // Accounts read whole: a first scan (every finding is a change), or most findings changed.
  const whole = new Set(perAccount.filter((a) => a.previousScanId === null || a.changes.length > a.unchanged).map((a) => a.accountId));
  const afterIds = new Set<string>();
  for (const a of perAccount) if (!whole.has(a.accountId)) for (const c of a.changes) if (c.after) afterIds.add(c.findingId);
  let after: ScanRecord;
  const inDiff = new Set([...perAccount.map((a) => a.accountId), ...(only === undefined ? [] : [...only].filter((id) => !previous.has(id)))]);
  const scope = only === undefined && firstScan.length === 0 ? undefined : inDiff;
  if (options.record) {
    const r = options.record;
    after = { ...r, findings: r.findings.filter((f) => afterIds.has(f.id) || whole.has(f.accountId)) };
    if (scope !== undefined) after = restrictToAccounts(after, scope);
  } else {
    after = await store.loadScan(scanId, { ...(scope === undefined ? {} : { accounts: scope }), findings: afterIds, wholeAccounts: whole });
  }
  const groups = new Map<string | null, { accounts: Set<string>; before: Set<string>; whole: Set<string>; unchanged: number }>();
  for (const a of perAccount) {
    const g = groups.get(a.previousScanId) ?? { accounts: new Set<string>(), before: new Set<string>(), whole: new Set<string>(), unchanged: 0 };
    g.accounts.add(a.accountId);
    if (whole.has(a.accountId)) g.whole.add(a.accountId);
    else {
      // Read whole, the unchanged findings are counted by the diff itself.
      g.unchanged += a.unchanged;
      for (const c of a.changes) if (c.before) g.before.add(c.findingId);
    }
    groups.set(a.previousScanId, g);
  }
  // Accounts B could not assess: against the newest earlier scan that covers them at all (few; read whole).
  const notAssessed = new Map<string | null, Set<string>>();
  for (const account of after.notAssessed) {
    const prev = await store.previousScanOf(account.id, scanId, { covering: true });
    notAssessed.set(prev, (notAssessed.get(prev) ?? new Set()).add(account.id));
  }
  const diffs: ScanDiff[] = [];
  for (const [prev, g] of groups) {
    const now = restrictToAccounts(after, g.accounts);
    if (prev === null) {
      firstScan.push(...g.accounts);
      diffs.push(diffRecords(null, now));
      continue;
    }
    const before = await store.loadScan(prev, { accounts: g.accounts, findings: g.before, wholeAccounts: g.whole });
    const diff = options.findingHistory === false ? diffRecords(before, now) : await diffSides(store, before, now);
    diff.counts.unchanged += g.unchanged;
    diffs.push(diff);
  }
  for (const [prev, ids] of notAssessed) {
    const now = restrictToAccounts(after, ids);
    if (prev === null) {
      firstScan.push(...ids);
      diffs.push(diffRecords(null, now));
    } else diffs.push(diffRecords(await store.loadScan(prev, { accounts: ids }), now));
  }
  const diff = diffs.length === 0 ? diffRecords(null, after) : mergeDiffs(diffs);
  return { diff, firstScan: firstScan.sort(), after, previous };
}

/**
 * Stored scan A against stored scan B (`diff A B`), read from the spans: of the accounts assessed in
 * both, only the findings that differ; accounts assessed in one of them whole (they are counted,
 * not compared). The same diff as diffSides over the whole records. `accounts` limits it.
 */
export async function storedPairDiff(store: Store, beforeId: string, afterId: string, accounts?: ReadonlySet<string>): Promise<{ diff: ScanDiff; before: ScanRecord; after: ScanRecord }> {
  const wanted = (id: string) => accounts === undefined || accounts.has(id);
  const changes = await store.changesBetween(beforeId, afterId);
  const compared = changes.accounts.filter((a) => wanted(a.accountId));
  const both = new Set(compared.map((a) => a.accountId));
  const ids = { before: new Set<string>(), after: new Set<string>() };
  let unchanged = 0;
  for (const a of compared) {
    unchanged += a.unchanged;
    for (const c of a.changes) {
      if (c.before) ids.before.add(c.findingId);
      if (c.after) ids.after.add(c.findingId);
    }
  }
  const load = async (id: string, findings: Set<string>) => {
    const summary = await store.scanSummary(id);
    const whole = summary.accounts.filter((a) => a.assessed && wanted(a.accountId) && !both.has(a.accountId)).map((a) => a.accountId);
    return store.loadScan(id, { ...(accounts === undefined ? {} : { accounts }), findings, wholeAccounts: whole });
  };
  const before = await load(beforeId, ids.before);
  const after = await load(afterId, ids.after);
  const diff = await diffSides(store, before, after);
  diff.counts.unchanged += unchanged;
  return { diff, before, after };
}

/** Unmuted new, regressed and resolved findings of one account since its previous stored scan. */
export interface ChangeCounts {
  previousScanId: string | null;
  new: number;
  regressed: number;
  resolved: number;
}

/**
 * `history`'s change column: per assessed account of a stored scan, the headline of the diff
 * against its previous scan (without the finding history), counted from the store's changes
 * alone: no finding is read. Counts as diffRecords does: a finding of a check that ran in only one
 * of the two scans is neither new nor resolved; muted findings are not counted. `checkSets` caches
 * the check sets by scan id across calls.
 */
export async function changeCounts(store: Store, scanId: string, accounts: ReadonlySet<string>, checkSets = new Map<string, Promise<ScanRecord['checkSet']>>()): Promise<Map<string, ChangeCounts>> {
  const checkSetOf = (id: string) => {
    let c = checkSets.get(id);
    if (!c) checkSets.set(id, (c = store.loadScan(id, { accounts: [], findings: [] }).then((r) => r.checkSet)));
    return c;
  };
  const keys = (set: ScanRecord['checkSet']) => new Map(Object.entries(set.checks).map(([id, c]) => [id, c.key]));
  const changes = await store.changesSince(scanId, { accounts, skipFirstScans: true });
  const out = new Map<string, ChangeCounts>();
  const keyB = changes.accounts.some((a) => a.previousScanId !== null) ? keys(await checkSetOf(scanId)) : new Map<string, string>();
  const keysB = new Set(keyB.values());
  for (const a of changes.accounts) {
    const counts: ChangeCounts = { previousScanId: a.previousScanId, new: 0, regressed: 0, resolved: 0 };
    out.set(a.accountId, counts);
    if (a.previousScanId === null) continue;
    const keyA = keys(await checkSetOf(a.previousScanId));
    const keysA = new Set(keyA.values());
    for (const c of a.changes) {
      if ((c.after ?? c.before)?.muted) continue;
      const { before, after } = c;
      if (after && before) {
        if (before.status === after.status && before.severity === after.severity && before.muted === after.muted) continue;
        if (isProblem(after.status) && !isProblem(before.status)) counts.regressed++;
        else if (isProblem(before.status) && (after.status === 'PASS' || after.status === 'NOT_APPLICABLE')) counts.resolved++;
      } else if (after) {
        if (keysA.has(keyB.get(c.checkId) ?? c.checkId) && isProblem(after.status)) counts.new++;
      } else if (before) {
        if (keysB.has(keyA.get(c.checkId) ?? c.checkId) && isProblem(before.status)) counts.resolved++;
      }
    }
  }
  return out;
}

export const timeText = (iso: string) => `${iso.slice(0, 16).replace('T', ' ')} UTC`;

/** How a side is named in a diff's heading. */
export function sideLabel(side: Side, lang: Lang): string {
  const { scan } = side.record;
  return side.path
    ? say(lang, msg('diffFile', { path: side.path, id: scan.id.slice(0, 8), time: timeText(scan.startedAt) }))
    : say(lang, msg('diffScan', { id: scan.id.slice(0, 8), time: timeText(scan.startedAt), source: scan.source }));
}

export function baselineLabel(diff: ScanDiff, lang: Lang): string {
  if (diff.before.length === 0) return say(lang, msg('diffNoEarlier'));
  return diff.before.map((s) => say(lang, msg('diffScan', { id: s.id.slice(0, 8), time: timeText(s.startedAt), source: s.source }))).join(', ');
}

