import { diffRecords, historyCandidates, mergeDiffs, restrictToAccounts, type ScanDiff } from './diff.js';
import type { FindingWords } from './render-diff.js';
import { msg, say, type Lang } from '../i18n/index.js';
import type { ScanRecord } from '../record/record.js';
import { render } from '../record/render.js';
import type { Store } from '../store/store.js';

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
 * the store (then it is skipped as its own predecessor).
 */
export async function diffWithPrevious(store: Store, after: ScanRecord, stored: boolean): Promise<{ diff: ScanDiff; firstScan: string[] }> {
  const groups = new Map<string | null, Set<string>>();
  const add = (prev: string | null, account: string) => groups.set(prev, (groups.get(prev) ?? new Set()).add(account));
  for (const account of after.accounts) add(await store.previousScanOf(account.id, stored ? after.scan.id : undefined), account.id);
  for (const account of after.notAssessed) {
    const scans = await store.listScans({ account: account.id, limit: 2 });
    add(scans.find((s) => s.id !== after.scan.id && s.startedAt <= after.scan.startedAt)?.id ?? null, account.id);
  }
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

