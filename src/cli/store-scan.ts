import type { Severity } from '../engine/types.js';
import { InputError, ScanUnavailableError } from '../errors.js';
import type { Evidence } from '../evidence/schema.js';
import { diffRecords, failingChanges, mergeDiffs, restrictToAccounts, type ScanDiff } from '../history/diff.js';
import { sinceLine } from '../history/render-diff.js';
import { msg, type Lang } from '../i18n/index.js';
import type { ScanRecord } from '../record/record.js';
import type { Store } from '../store/store.js';
import { diffSides, diffWithPrevious, storedChanges } from '../history/compare.js';
import { EvidenceSpool } from '../store/evidence-spool.js';
import type { CompressedEvidence } from '../store/types.js';
import { accountsList, isFileRef, loadSide, openUserStore, storeExists } from './history-common.js';
import { parseLang, parseSeverity } from './options.js';
import { tell } from './tell.js';

// Every scan is stored (issue 9) unless --no-store; `--demo` is not stored unless --store is given
// (a try-out must not become the first entry of someone's history). Storing happens after the
// record is built and before the report is written, so the table can start with the one line
// "since the last scan (date): N new, N regressed, N resolved". A store that cannot be opened or
// written does not cost the report: it is written, the store's error is said on stderr, and the
// scan exits 2 (bad store) or 3 (unreachable) instead of 0 — the scan was asked to be kept.

/** The flags of `scan` this module reads, beside ScanFlags (main.ts adds --db from the program). */
export interface StoreFlags {
  store?: boolean;
  db?: string;
  failOnNew?: string;
  baseline?: string;
  demo?: boolean;
  format?: string;
  output?: string;
  outputDir?: string;
  quiet?: boolean;
  lang?: string;
}

/** scan.ts's Io, restated: scan.ts imports this module, so this one must not import scan.ts. */
interface Io {
  stdout: { write(s: string): unknown; isTTY?: boolean };
  stderr: { write(s: string): unknown; isTTY?: boolean };
  env: NodeJS.ProcessEnv;
}

/** Exit codes decided here, by the flags object of the scan they belong to. */
const decided = new WeakMap<object, number>();

/** The evidence spools of many-account scans being stored, by the flags object of their scan. */
const spools = new WeakMap<object, EvidenceSpool>();

/**
 * Where a many-account scan puts each account's evidence as it is judged, so the store keeps it
 * (for `rescan`) while the scan holds none of it; null when the scan is not stored.
 */
export function evidenceSpoolFor(scanFlags: object): ((evidence: Evidence) => void) | null {
  const flags = scanFlags as StoreFlags;
  if (!(flags.store ?? !flags.demo)) return null;
  let spool = spools.get(flags);
  if (!spool) spools.set(flags, (spool = new EvidenceSpool()));
  const into = spool;
  return (evidence) => into.add(evidence);
}

/** Checks the history flags of `scan` before anything is read (SPEC §5). */
export function checkStoreFlags(flags: StoreFlags): void {
  if (flags.failOnNew !== undefined) parseSeverity('--fail-on-new', flags.failOnNew);
  if (flags.baseline !== undefined && flags.baseline.trim() === '') throw new InputError(msg('emptyValue', { flag: '--baseline' }));
}

/** The scan's exit code with what storing and --fail-on-new decided (the higher wins: 3 > 2 > 1 > 0). */
export function scanExit(flags: StoreFlags, code: number): number {
  return Math.max(code, decided.get(flags) ?? 0);
}

/** Stores the scan (with its evidence, for `rescan`), draws the "since" line, applies --fail-on-new. */
export async function storeScan(record: ScanRecord, evidence: readonly Evidence[] | ReadonlyMap<string, Evidence>, scanFlags: object, io: Io, cliLang: Lang): Promise<void> {
  const flags = scanFlags as StoreFlags;
  const spool = spools.get(flags);
  spools.delete(flags);
  try {
    await storeWith(record, evidence, spool, flags, io, cliLang);
  } finally {
    spool?.dispose();
  }
}

async function storeWith(record: ScanRecord, evidence: readonly Evidence[] | ReadonlyMap<string, Evidence>, spool: EvidenceSpool | undefined, flags: StoreFlags, io: Io, cliLang: Lang): Promise<void> {
  const keep = flags.store ?? !flags.demo;
  const threshold: Severity | undefined = flags.failOnNew === undefined ? undefined : parseSeverity('--fail-on-new', flags.failOnNew);
  if (!keep && threshold === undefined && flags.baseline === undefined) return;
  const lang = parseLang(flags.lang, io.env);
  const say = (line: string) => io.stderr.write(`${line}\n`);
  let store: Store | null = null;
  try {
    const fileBaseline = flags.baseline !== undefined && isFileRef(flags.baseline);
    // --no-store reads the store only if there is one: no store is no earlier scan, not a new file.
    if (keep || (!fileBaseline && (flags.baseline !== undefined || (await storeExists(flags.db, io))))) store = await openUserStore(flags.db, io, keep);
    let diff: ScanDiff;
    let firstScan: string[] = [];
    let stored = false;
    const save = async () => {
      const byAccount = new Map<string, Evidence | CompressedEvidence>(spool?.entries());
      for (const [id, ev] of evidence instanceof Map ? (evidence as ReadonlyMap<string, Evidence>) : (evidence as readonly Evidence[]).map((e) => [e.account.id, e] as const)) byAccount.set(id, ev);
      const id = await (store as Store).saveScan(record, byAccount);
      stored = true;
      if (!flags.quiet && io.stderr.isTTY) say(tell(cliLang, msg('storedAs', { id, store: (store as Store).label })));
    };
    if (flags.baseline !== undefined) {
      const side = await loadSide(flags.baseline, store, '--baseline');
      const ids = new Set([...record.accounts, ...record.notAssessed].map((a) => a.id));
      const covered = new Set([...side.record.accounts, ...side.record.notAssessed].map((a) => a.id).filter((id) => ids.has(id)));
      if (covered.size === 0) throw new InputError(msg('baselineNoAccount', { ref: flags.baseline, accounts: accountsList([...ids]) }));
      // Accounts the baseline does not cover are compared with nothing: their problems are new.
      const missing = new Set([...ids].filter((id) => !covered.has(id)));
      diff = await diffSides(side.path ? null : store, restrictToAccounts(side.record, covered), restrictToAccounts(record, covered));
      if (missing.size) {
        diff = mergeDiffs([diff, diffRecords(null, restrictToAccounts(record, missing))]);
        firstScan = [...missing].sort();
      }
    } else if (store && keep) {
      // Stored first, then compared through the store's spans: only the findings that changed are read.
      await save();
      ({ diff, firstScan } = await storedChanges(store, record.scan.id, { record }));
    } else if (store) {
      ({ diff, firstScan } = await diffWithPrevious(store, record, false));
    } else {
      diff = diffRecords(null, record);
      firstScan = [...record.accounts, ...record.notAssessed].map((a) => a.id).sort();
    }
    if (keep && store && !stored) await save();
    if (tableToStdout(flags, io)) io.stdout.write(`${sinceLine(diff, lang)}\n`);
    if (threshold !== undefined) {
      if (firstScan.length) say(`lockdown: ${tell(cliLang, msg('noBaseline', { accounts: accountsList(firstScan), store: store?.label ?? flags.baseline ?? (await import('../store/store.js')).storeLabel((await import('../store/store.js')).storeLocation(flags.db, io.env)) }))}`);
      const failing = failingChanges(diff, threshold);
      if (failing.findings.length) {
        const findings = failing.findings.map((e) => `${e.checkId} (${e.resource.name})`);
        say(`lockdown: ${tell(cliLang, msg('failOnNew', { severity: threshold, count: findings.length, findings: accountsList(findings) }))}`);
      }
      if (failing.accounts.length) say(`lockdown: ${tell(cliLang, msg('failOnNewAccounts', { count: failing.accounts.length, accounts: accountsList(failing.accounts.map((a) => a.accountId)) }))}`);
      if (failing.findings.length || failing.accounts.length) decided.set(flags, 1);
    }
  } catch (error) {
    if (error instanceof InputError || error instanceof ScanUnavailableError) {
      say(`lockdown: ${tell(cliLang, error.said)}`);
      decided.set(flags, error instanceof InputError ? 2 : 3);
      return;
    }
    throw error;
  } finally {
    await store?.close();
  }
}

/** The report goes to stdout as a table: the same choice scan.ts makes for its first format. */
function tableToStdout(flags: StoreFlags, io: Io): boolean {
  if (flags.output || flags.outputDir) return false;
  const first = (flags.format ?? (io.stdout.isTTY ? 'table' : 'json')).split(',')[0]?.trim();
  return first === 'table';
}
