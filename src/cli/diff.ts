import { InputError } from '../errors.js';
import { CATEGORIES, type ScanDiff } from '../history/diff.js';
import { DIFF_FORMATS, renderDiff, type DiffFormat } from '../history/render-diff.js';
import { msg, type Lang } from '../i18n/index.js';
import type { Store } from '../store/store.js';
import { baselineLabel, diffSides, diffWithPrevious, sideLabel, sideWords, storedChanges, storedPairDiff, type Side } from '../history/compare.js';
import { isFileRef, loadSide, withStore } from './history-common.js';
import { parseLang } from './options.js';
import { writeFiles } from './output.js';
import type { Io } from './scan.js';

export interface DiffFlags {
  db?: string;
  account?: string;
  format?: string;
  output?: string;
  lang?: string;
}

/**
 * `lockdown diff [A] [B]`: B defaults to the newest scan (of --account), A to each of B's accounts'
 * own previous scan. A and B are scan ids, unique prefixes, last, last~N, or files (a JSON result,
 * a scan export). Two files need no store at all.
 */
export async function runDiff(refs: string[], flags: DiffFlags, io: Io): Promise<number> {
  const lang = parseLang(flags.lang, io.env);
  const format = parseDiffFormat(flags.format, io);
  const [a, b] = refs;
  const needsStore = refs.length < 2 || refs.some((r) => !isFileRef(r));
  const run = async (store: Store | null) => {
    if (a !== undefined && b !== undefined) {
      if (!isFileRef(a) && !isFileRef(b)) {
        // Two stored scans: only the findings that differ are read (of --account only, when given).
        const s = store as Store;
        const scope = flags.account === undefined ? {} : { account: flags.account };
        const [aId, bId] = [await s.resolveScanRef(a, scope), await s.resolveScanRef(b, scope)];
        const pair = await storedPairDiff(s, aId, bId, flags.account === undefined ? undefined : new Set([flags.account]));
        const before: Side = { record: pair.before, words: null, path: null };
        return show(pair.diff, before, { record: pair.after, words: null, path: null }, sideLabel(before, lang), lang, format);
      }
      const before = await loadSide(a, store, 'A', flags.account);
      const after = await loadSide(b, store, 'B', flags.account);
      const diff = await diffSides(before.path || after.path ? null : store, before.record, after.record);
      return show(diff, before, after, sideLabel(before, lang), lang, format);
    }
    const ref = a ?? 'last';
    let after: Side;
    let diff: ScanDiff;
    if (isFileRef(ref)) {
      after = await loadSide(ref, store, 'B', flags.account);
      ({ diff } = await diffWithPrevious(store as Store, after.record, false));
    } else {
      // A stored B: only the findings that changed since each account's previous scan are read
      // (of --account only, when given).
      const id = await (store as Store).resolveScanRef(ref, flags.account === undefined ? {} : { account: flags.account });
      const changed = await storedChanges(store as Store, id, flags.account === undefined ? {} : { accounts: new Set([flags.account]) });
      after = { record: changed.after, words: null, path: null };
      diff = changed.diff;
    }
    if (diff.before.length === 0) {
      const account = flags.account ?? after.record.accounts.map((x) => x.id).join(', ');
      const count = (await (store as Store).listScans(flags.account ? { account: flags.account, limit: 2 } : { limit: 2 })).length;
      throw new InputError(msg('diffNeedsTwo', { count: Math.min(count, 1), account, store: (store as Store).label }));
    }
    // The previous scans' words: each one rendered for the findings the diff lists (only those read).
    const ids = listedIds(diff);
    const befores: Side[] = await Promise.all(diff.before.map(async (s) => ({ record: await (store as Store).loadScan(s.id, { findings: ids }), words: null, path: null })));
    return show(diff, befores, after, baselineLabel(diff, lang), lang, format);
  };
  const text = needsStore ? await withStore(flags.db, io, run) : await run(null);
  if (flags.output) await writeFiles([{ flag: '--output', path: flags.output, content: text }]);
  else io.stdout.write(text);
  return 0;
}

const listedIds = (diff: ScanDiff) => new Set(CATEGORIES.flatMap((k) => diff.entries[k].map((e) => e.id)));

function show(diff: ScanDiff, before: Side | Side[], after: Side, beforeLabel: string, lang: Lang, format: DiffFormat): string {
  const ids = listedIds(diff);
  const beforeWords = new Map([...(Array.isArray(before) ? before : [before])].flatMap((side) => [...sideWords(side, ids, lang)]));
  return renderDiff({ diff, lang, sides: { before: beforeLabel, after: sideLabel(after, lang) }, words: { before: beforeWords, after: sideWords(after, ids, lang) } }, format);
}

function parseDiffFormat(value: string | undefined, io: Io): DiffFormat {
  const format = value ?? (io.stdout.isTTY ? 'table' : 'json');
  if (!(DIFF_FORMATS as readonly string[]).includes(format)) throw new InputError(msg('notOneOf', { flag: '--format', value: format, allowed: DIFF_FORMATS.join(', ') }));
  return format as DiffFormat;
}
