import { readFileSync } from 'node:fs';
import Table from 'cli-table3';
import { InputError } from '../errors.js';
import { msg, say, type Lang } from '../i18n/index.js';
import { parseJsonText } from '../evidence/json-text.js';
import { readJsonInput } from '../evidence/read-input.js';
import { STATUS_LABELS } from '../report/labels.js';
import { safeText } from '../report/safe-text.js';
import type { ScanSummary, Store } from '../store/store.js';
import { changeCounts, timeText } from '../history/compare.js';
import type { ScanRecord } from '../record/record.js';
import { storeExists, wholeNumber, withStore } from './history-common.js';
import { parseLang } from './options.js';
import { writeFiles } from './output.js';
import type { Io } from './scan.js';
import { tell } from './tell.js';

export interface HistoryFlags {
  db?: string;
  account?: string;
  limit?: string;
  json?: boolean;
  lang?: string;
}

/** The change of one account since its previous stored scan (new, regressed, resolved; unmuted). */
export interface SincePrevious {
  previousScanId: string | null;
  new: number;
  regressed: number;
  resolved: number;
}

/** Default number of scans `history` lists. */
const DEFAULT_LIMIT = 20;

/**
 * `lockdown history`: stored scans, newest first, with their time, accounts, source, counts and the
 * change since each account's previous scan. The change is the same diff as `lockdown diff`
 * (without the finding history), built from the findings that changed only (storedChanges).
 */
export async function runHistory(flags: HistoryFlags, io: Io): Promise<number> {
  const lang = parseLang(flags.lang, io.env);
  const limit = flags.limit === undefined ? DEFAULT_LIMIT : wholeNumber('--limit', flags.limit, 1);
  if (!(await storeExists(flags.db, io))) {
    const { storeLocation } = await import('../store/store.js');
    const location = storeLocation(flags.db, io.env);
    if (flags.json) io.stdout.write(`${JSON.stringify({ store: location.kind === 'sqlite' ? location.path : '', scans: [] }, null, 2)}\n`);
    else io.stdout.write(`${tell(lang, msg('historyNone', { store: location.kind === 'sqlite' ? location.path : '', account: flags.account ?? 'all' }))}\n`);
    return 0;
  }
  return withStore(flags.db, io, async (store) => {
    const scans = await store.listScans({ ...(flags.account === undefined ? {} : { account: flags.account }), limit });
    const { since, rescanOf } = await changes(store, scans, flags.account);
    if (flags.json) {
      const listed = scans.map((s) => ({ ...s, rescanOf: rescanOf.get(s.id) ?? null, sincePrevious: Object.fromEntries(since.get(s.id) ?? []) }));
      io.stdout.write(`${JSON.stringify({ store: store.label, scans: listed }, null, 2)}\n`);
      return 0;
    }
    if (scans.length === 0) {
      io.stdout.write(`${tell(lang, msg('historyNone', { store: store.label, account: flags.account ?? 'all' }))}\n`);
      return 0;
    }
    io.stdout.write(historyTable(scans, since, rescanOf, lang));
    return 0;
  });
}

interface Changes {
  since: Map<string, Map<string, SincePrevious>>;
  /** Scan id → the scan it rescans (the record says; the summary does not). */
  rescanOf: Map<string, string>;
}

async function changes(store: Store, scans: readonly ScanSummary[], only: string | undefined): Promise<Changes> {
  const out = new Map<string, Map<string, SincePrevious>>();
  const rescanOf = new Map<string, string>();
  const checkSets = new Map<string, Promise<ScanRecord['checkSet']>>();
  for (const scan of scans) {
    // From the summary when the store lists it (stores of this version do), else from the record.
    const of = scan.rescanOf !== undefined ? scan.rescanOf : (await store.loadScan(scan.id, { findings: [] })).scan.rescanOf;
    if (of) rescanOf.set(scan.id, of);
    const assessed = new Set(scan.accounts.filter((a) => a.assessed && (only === undefined || a.accountId === only)).map((a) => a.accountId));
    // Counted from the store's changes alone (no finding is read): changeCounts.
    const perAccount: Map<string, SincePrevious> = assessed.size > 0 ? await changeCounts(store, scan.id, assessed, checkSets) : new Map();
    out.set(scan.id, perAccount);
  }
  return { since: out, rescanOf };
}

function historyTable(scans: readonly ScanSummary[], since: Map<string, Map<string, SincePrevious>>, rescans: Map<string, string>, lang: Lang): string {
  const t = (id: Parameters<typeof msg>[0], params: Parameters<typeof msg>[1] = {}) => say(lang, msg(id, params));
  const table = new Table({
    head: [t('colScan'), t('colStarted'), t('colSource'), t('colAccounts'), STATUS_LABELS[lang].FAIL, STATUS_LABELS[lang].ERROR, t('colMuted'), t('colSince')],
    style: { head: [], border: [] },
  });
  for (const s of scans) {
    const accounts = s.accounts.length === 1 ? accountName(s.accounts[0] as ScanSummary['accounts'][number]) : t('historyAccounts', { count: s.accounts.length });
    const per = [...(since.get(s.id)?.values() ?? [])];
    const compared = per.filter((p) => p.previousScanId !== null);
    const sum = (k: 'new' | 'regressed' | 'resolved') => compared.reduce((n, p) => n + p[k], 0);
    const change = compared.length === 0 ? t('historyFirst') : t('historySince', { new: sum('new'), regressed: sum('regressed'), resolved: sum('resolved') });
    const rescanOf = rescans.get(s.id);
    const source = rescanOf ? t('historyRescan', { source: s.source, id: rescanOf.slice(0, 8) }) : s.source;
    table.push([s.id.slice(0, 8), timeText(s.startedAt).replace(' UTC', ''), source, accounts, s.summary.byStatus.FAIL, s.summary.byStatus.ERROR, s.summary.muted, change]);
  }
  return `${safeText(table.toString())}\n`;
}

const accountName = (a: ScanSummary['accounts'][number]) => (a.name ? `${a.accountId} (${a.name})` : a.accountId);

export interface PruneFlags {
  db?: string;
  keep?: string;
  olderThan?: string;
}

/** `lockdown history prune --keep N | --older-than DAYS`. */
export async function runPrune(flags: PruneFlags, io: Io, cliLang: Lang): Promise<number> {
  if ((flags.keep === undefined) === (flags.olderThan === undefined)) throw new InputError(msg('pruneOneOf'));
  const options = flags.keep !== undefined ? { keep: wholeNumber('--keep', flags.keep, 1) } : { olderThanDays: wholeNumber('--older-than', flags.olderThan as string, 0) };
  return withStore(flags.db, io, async (store) => {
    const pruned = await store.prune(options);
    io.stdout.write(`${tell(cliLang, msg('pruned', { count: pruned.scansDeleted.length, store: store.label }))}\n`);
    return 0;
  });
}

/** `lockdown history export SCAN [--output FILE]`: one scan (record and evidence) as a file. */
export async function runExport(ref: string, flags: { db?: string; output?: string; account?: string }, io: Io, cliLang: Lang): Promise<number> {
  return withStore(flags.db, io, async (store) => {
    const id = await store.resolveScanRef(ref, flags.account === undefined ? {} : { account: flags.account });
    const content = await store.exportScan(id);
    if (flags.output) {
      await writeFiles([{ flag: '--output', path: flags.output, content }]);
      io.stderr.write(`${tell(cliLang, msg('exported', { id, path: flags.output }))}\n`);
    } else io.stdout.write(content);
    return 0;
  });
}

/** `lockdown history import FILE`: a file written by `history export`, into this store. */
export async function runImport(file: string, flags: { db?: string }, io: Io, cliLang: Lang): Promise<number> {
  // Read before the store is opened: a missing file is the user's input error, not the store's.
  // Through the JSON input reader: size limit, encodings, line and column of a syntax error, and
  // a key given twice refused (a scan export must not silently keep one of two answers).
  const content = { parsed: file === '-' ? parseJsonText(readFileSync(0, 'utf8'), 'stdin') : readJsonInput(file, 'history import') };
  return withStore(
    flags.db,
    io,
    async (store) => {
      const id = await store.importScan(content, file);
      io.stdout.write(`${tell(cliLang, msg('imported', { id, store: store.label }))}\n`);
      return 0;
    },
    true,
  );
}
