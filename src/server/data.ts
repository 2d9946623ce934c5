import { CHECKS } from '../checks/registry.js';
import { SEVERITIES, STATUSES, type Finding, type Lang } from '../engine/types.js';
import { FRAMEWORKS } from '../frameworks/index.js';
import { checkSet, RECORD_SCHEMA, type ScanRecord } from '../record/record.js';
import { render } from '../record/render.js';
import type { RenderedFinding, ScanResult } from '../record/result.js';
import { complianceView, frameworkById, type ComplianceView } from '../report/compliance.js';
import type { AccountOverview, FindingHistory, FindingsPage, FindingsPageQuery, ScanSummary, Store, StoredSummary } from '../store/store.js';
import { VERSION } from '../version.js';
import { CATEGORIES, diffRecords, type ScanDiff } from '../history/diff.js';
import { accountLines, diffData, extras, notes as diffNotes, type DiffView, type FindingWords } from '../history/render-diff.js';
import { diffSides, diffWithPrevious, sideWords, type Side } from '../history/compare.js';

// What the pages and the JSON API show, read from the store and put into words. The pages and
// /api/ call the same functions, so the API gives exactly what a page shows. Nothing here writes.

/** A finding as pages and the API show it: the stored facts plus its title and message in words. */
export interface ShownFinding extends RenderedFinding {
  accountName: string | null;
  ouPath: string | null;
}

/** Findings put into words: a record of just these findings, rendered (titles, messages, fixes). */
export function inWords(rows: readonly { finding: Finding; account: { name: string | null; ouPath: string | null } }[], lang: Lang): ShownFinding[] {
  const record: ScanRecord = {
    schema: RECORD_SCHEMA,
    tool: { name: 'aws-lockdown', version: VERSION },
    checkSet: checkSet(CHECKS),
    scan: { id: 'view', startedAt: new Date(0).toISOString(), finishedAt: new Date(0).toISOString(), source: 'evidence' },
    accounts: [],
    notAssessed: [],
    findings: rows.map((r) => r.finding),
    mutelist: null,
  };
  return render(record, lang).findings.map((f, i) => ({ ...f, accountName: rows[i]?.account.name ?? null, ouPath: rows[i]?.account.ouPath ?? null }));
}

export interface Overview {
  accounts: AccountOverview[];
  /** Open findings of all accounts per stored scan, oldest first. */
  trend: { scanId: string; startedAt: string; fail: number; error: number }[];
  /** The most severe unmuted FAILs of every account's latest scan. */
  worst: ShownFinding[];
  coverage: { assessed: number; inScope: number };
}

const TREND_LENGTH = 30;
const WORST = 10;

export async function overview(store: Store, lang: Lang): Promise<Overview> {
  const accounts = await store.accountsOverview({ trendLength: TREND_LENGTH });
  const byScan = new Map<string, { scanId: string; startedAt: string; fail: number; error: number }>();
  for (const account of accounts) {
    for (const point of account.trend) {
      const entry = byScan.get(point.scanId) ?? { scanId: point.scanId, startedAt: point.startedAt, fail: 0, error: 0 };
      entry.fail += SEVERITIES.reduce((sum, s) => sum + point.summary.bySeverity[s], 0);
      entry.error += point.summary.byStatus.ERROR;
      byScan.set(point.scanId, entry);
    }
  }
  const trend = [...byScan.values()].sort((a, b) => (a.startedAt < b.startedAt ? -1 : a.startedAt > b.startedAt ? 1 : 0)).slice(-TREND_LENGTH);
  const latestScans = [...new Set(accounts.filter((a) => a.latest.assessed).map((a) => a.latest.scanId))];
  const rows = (
    await Promise.all(latestScans.map((scanId) => store.findingsPage({ scanId, filters: { status: ['FAIL'], muted: false }, sort: 'severity', limit: WORST })))
  ).flatMap((p) => p.rows);
  // Only the accounts whose latest scan this is: an older scan of several accounts may hold others' findings.
  const latestOf = new Map(accounts.map((a) => [a.accountId, a.latest.scanId]));
  const current = rows.filter((r) => latestScans.includes(latestOf.get(r.account.id) ?? ''));
  current.sort((a, b) => SEVERITIES.indexOf(a.finding.severity) - SEVERITIES.indexOf(b.finding.severity));
  const assessed = accounts.filter((a) => a.latest.assessed).length;
  return { accounts, trend, worst: inWords(current.slice(0, WORST), lang), coverage: { assessed, inScope: accounts.length } };
}

export interface ScanFindings {
  scan: ScanSummary;
  page: Omit<FindingsPage, 'rows'> & { rows: ShownFinding[]; /** 1-based. */ page: number; /** The asked page was past the last: this is the last. */ pastEnd: boolean };
}

export async function scanFindings(store: Store, query: FindingsPageQuery, lang: Lang): Promise<ScanFindings> {
  const [scan, first] = await Promise.all([store.scanSummary(query.scanId), store.findingsPage(query)]);
  let page = first;
  // A page past the last (an old link, a hand-typed ?page=999999): the last page, said so.
  const pastEnd = page.total > 0 && page.rows.length === 0 && (query.offset ?? 0) > 0;
  if (pastEnd) page = await store.findingsPage({ ...query, offset: Math.floor((page.total - 1) / page.limit) * page.limit });
  return { scan, page: { ...page, rows: inWords(page.rows, lang), page: Math.floor(page.offset / page.limit) + 1, pastEnd } };
}

export interface RollUpRow {
  /** An account id, or an OU path ('' is the organisation root). */
  key: string;
  name: string | null;
  ouPath: string | null;
  summary: StoredSummary;
}

/**
 * Per account (worst first) and per OU (sub-OUs counted in their parents, by path) of one scan's
 * assessed accounts; both empty for a scan of one account. The scan page and /api/scans/SCAN show it.
 */
export function rollUps(scan: ScanSummary): { accounts: RollUpRow[]; ous: RollUpRow[] } {
  if (scan.accounts.length < 2) return { accounts: [], ous: [] };
  const assessed = scan.accounts.filter((a) => a.assessed);
  const worst = (x: StoredSummary, y: StoredSummary) => SEVERITIES.reduce((d, s) => d || y.bySeverity[s] - x.bySeverity[s], 0) || y.byStatus.ERROR - x.byStatus.ERROR;
  const ous = new Map<string, StoredSummary>();
  for (const account of assessed) {
    const names = account.ouPath === null || account.ouPath === '' ? [] : account.ouPath.split('/');
    for (let depth = 0; depth <= names.length; depth++) {
      const key = names.slice(0, depth).join('/');
      const sum = ous.get(key) ?? { byStatus: { PASS: 0, FAIL: 0, ERROR: 0, MANUAL: 0, NOT_APPLICABLE: 0 }, bySeverity: { critical: 0, high: 0, medium: 0, low: 0, info: 0 }, muted: 0, total: 0 };
      for (const s of SEVERITIES) sum.bySeverity[s] += account.summary.bySeverity[s];
      for (const s of STATUSES) sum.byStatus[s] += account.summary.byStatus[s];
      sum.muted += account.summary.muted;
      sum.total += account.summary.total;
      ous.set(key, sum);
    }
  }
  return {
    accounts: [...assessed].sort((x, y) => worst(x.summary, y.summary)).map((a) => ({ key: a.accountId, name: a.name, ouPath: a.ouPath, summary: a.summary })),
    ous: ous.size > 1 ? [...ous.entries()].sort(([x], [y]) => x.localeCompare(y)).map(([key, summary]) => ({ key, name: null, ouPath: key, summary })) : [],
  };
}

export interface FindingView {
  history: FindingHistory;
  /** The latest state in words, with the fix when there is something to do. */
  shown: ShownFinding;
  risk: string | null;
}

export async function findingView(store: Store, id: string, lang: Lang): Promise<FindingView | null> {
  const history = await store.findingHistory(id);
  if (!history) return null;
  const [shown] = inWords([{ finding: history.latest, account: { name: null, ouPath: null } }], lang);
  const check = CHECKS.find((c) => c.id === history.checkId || c.aliases?.includes(history.checkId));
  return { history, shown: shown as ShownFinding, risk: check ? check.text[lang].risk : null };
}

/**
 * Whole scans rendered, kept for a few requests: stored scans never change, and the compliance
 * view and the diff need every finding of a scan. Keyed by scan id and language.
 */
export class RenderedScans {
  private readonly cache = new Map<string, Promise<ScanResult>>();
  private readonly records = new Map<string, Promise<ScanRecord>>();
  private readonly parts = new Map<string, Promise<ScanRecord>>();
  constructor(private readonly store: Store, private readonly size = 4) {}

  record(id: string): Promise<ScanRecord> {
    return remember(this.records, id, this.size, () => this.store.loadScan(id));
  }

  /** One account's part of a scan (its findings only). */
  accountRecord(id: string, account: string): Promise<ScanRecord> {
    return remember(this.parts, `${id}|${account}`, this.size * 4, () => this.store.loadScan(id, { accounts: new Set([account]) }));
  }

  result(id: string, lang: Lang): Promise<ScanResult> {
    return remember(this.cache, `${id}|${lang}`, this.size, async () => render(await this.record(id), lang));
  }
}

function remember<T>(cache: Map<string, Promise<T>>, key: string, size: number, make: () => Promise<T>): Promise<T> {
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const value = make();
  // A failed load is not kept: the next request tries again.
  value.catch(() => cache.delete(key));
  cache.set(key, value);
  while (cache.size > size) cache.delete(cache.keys().next().value as string);
  return value;
}

export async function compliance(scans: RenderedScans, scanId: string, frameworkId: string, lang: Lang): Promise<ComplianceView | null> {
  const framework = frameworkById(frameworkId);
  if (!framework) return null;
  return complianceView(await scans.result(scanId, lang), framework);
}

export interface CatalogueEntry {
  id: string;
  title: string;
  severity: string;
  resourceType: string;
  risk: string;
  fixSummary: string;
  compliance: Record<string, string[]>;
}

export function catalogue(lang: Lang): { checks: CatalogueEntry[]; frameworks: { id: string; name: string; version: string }[] } {
  const mappings = new Map<string, Record<string, string[]>>();
  for (const framework of FRAMEWORKS) {
    for (const requirement of framework.requirements) {
      for (const checkId of requirement.checks) {
        const entry = mappings.get(checkId) ?? {};
        (entry[framework.id] ??= []).push(requirement.id);
        mappings.set(checkId, entry);
      }
    }
  }
  return {
    checks: CHECKS.map((c) => ({
      id: c.id,
      title: c.text[lang].title,
      severity: c.severity,
      resourceType: c.resourceType,
      risk: c.text[lang].risk,
      fixSummary: c.text[lang].fixSummary,
      compliance: mappings.get(c.id) ?? {},
    })),
    frameworks: FRAMEWORKS.map((f) => ({ id: f.id, name: f.name, version: f.version })),
  };
}

export interface DiffQuery {
  /** The newer scan (default: the newest scan of the account, or the newest at all). */
  b?: string;
  /** The older scan (default: each account's own previous stored scan). */
  a?: string;
  /** Only this account's findings. */
  account?: string;
}

/** A diff as the dashboard and /api/diff show it: the same data as `lockdown diff --format json`. */
/** A scan the diff page offers to compare: the account's stored scans, newest first. */
export interface DiffChoice {
  id: string;
  startedAt: string;
  source: string;
}

export type DiffResult = ReturnType<typeof diffData> & {
  firstScan: string[];
  /** In words: checks only in one scan, accounts not compared (as `lockdown diff` prints them). */
  remarks: string[];
  /** Per finding id, what changed in words ("was PASS", "severity low → high"). */
  notes: Record<string, string[]>;
  /** The scans of the account (or all scans) to pick the two sides from, newest first. */
  choices: DiffChoice[];
};

const DIFF_CHOICES = 200;

export async function diffView(store: Store, scans: RenderedScans, query: DiffQuery, lang: Lang): Promise<DiffResult> {
  const bId = await store.resolveScanRef(query.b ?? 'last', query.account ? { account: query.account } : {});
  let diff: ScanDiff;
  let firstScan: string[] = [];
  let after: Side;
  const befores = new Map<string, ScanRecord>();
  if (query.account !== undefined) {
    // One account: only its part of each scan is read (a 50,000-finding scan of 100 accounts costs
    // one account's findings), against A or its own previous scan as `lockdown diff` picks it.
    const account = query.account;
    after = { record: await scans.accountRecord(bId, account), words: null, path: null };
    const assessed = after.record.accounts.some((a) => a.id === account);
    const aId = query.a !== undefined ? await store.resolveScanRef(query.a) : await store.previousScanOf(account, bId, assessed ? {} : { covering: true });
    if (aId === null) {
      diff = diffRecords(null, after.record);
      firstScan = [account];
    } else {
      const before = await scans.accountRecord(aId, account);
      befores.set(aId, before);
      diff = await diffSides(store, before, after.record);
    }
  } else {
    after = { record: await scans.record(bId), words: null, path: null };
    if (query.a !== undefined) diff = await diffSides(store, await scans.record(await store.resolveScanRef(query.a)), after.record);
    else ({ diff, firstScan } = await diffWithPrevious(store, after.record, true));
  }
  const ids = new Set(CATEGORIES.flatMap((c) => diff.entries[c].map((e) => e.id)));
  const beforeWords = new Map<string, FindingWords>();
  for (const scan of diff.before) {
    const record = befores.get(scan.id) ?? (await scans.record(scan.id));
    for (const [id, words] of sideWords({ record, words: null, path: null }, ids, lang)) beforeWords.set(id, words);
  }
  const view: DiffView = { diff, lang, sides: { before: diff.before.map((s) => s.id).join(', '), after: bId }, words: { before: beforeWords, after: sideWords(after, ids, lang) } };
  const account = query.account ?? (after.record.accounts.length === 1 ? after.record.accounts[0]?.id : undefined);
  const choices = (await store.listScans({ account, limit: DIFF_CHOICES })).map((s) => ({ id: s.id, startedAt: s.startedAt, source: s.source }));
  const notes: Record<string, string[]> = {};
  for (const c of CATEGORIES) for (const e of diff.entries[c]) notes[e.id] = diffNotes(e, lang);
  return { ...diffData(view), firstScan, remarks: [...extras(view), ...accountLines(view)], notes, choices };
}
