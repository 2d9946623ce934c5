import { ALIASES, CHECKS, CHECKS_BY_ID } from '../checks/registry.js';
import { loadConfig } from '../config/config.js';
import { loadMutelist } from '../config/mutelist.js';
import { InputError } from '../errors.js';
import { PARTITION_REGIONS } from '../evidence/partitions.js';
import { headline, type ScanDiff } from '../history/diff.js';
import { day, msg, type Lang } from '../i18n/index.js';
import { buildRecord, type AccountScan, type ScanRecord } from '../record/record.js';
import { render } from '../record/render.js';
import { FORMATS, REPORTERS, type Format } from '../report/index.js';
import { assessEvidence } from '../scan/scan-account.js';
import { EvidenceSpool } from '../store/evidence-spool.js';
import { diffSides } from '../history/compare.js';
import { withStore } from './history-common.js';
import { parseLang } from './options.js';
import { writeFiles } from './output.js';
import type { Io } from './scan.js';
import { tell } from './tell.js';

export interface RescanFlags {
  db?: string;
  account?: string;
  format?: string;
  output?: string;
  lang?: string;
  config?: string;
  mutelist?: string;
  /** commander's --no-store: false when given. */
  store?: boolean;
  quiet?: boolean;
}

/**
 * `lockdown rescan SCAN`: today's checks judge the evidence stored with SCAN again; the result is a
 * new stored scan (same source, `rescanOf` naming SCAN), so a new check version can be compared on
 * old evidence with `lockdown diff SCAN last`. The config and the mutelist are not part of a
 * record: give them again (--config, --mutelist), else the defaults apply. A table starts with the
 * change against SCAN as it was judged then.
 */
export async function runRescan(ref: string, flags: RescanFlags, io: Io, cliLang: Lang): Promise<number> {
  const lang = parseLang(flags.lang, io.env);
  const format = (flags.format ?? (io.stdout.isTTY && !flags.output ? 'table' : 'json')) as Format;
  if (!FORMATS.includes(format)) throw new InputError(msg('notOneOf', { flag: '--format', value: format, allowed: FORMATS.join(', ') }));
  const config = loadConfig(flags.config);
  const mutelist = flags.mutelist === undefined ? undefined : loadMutelist(flags.mutelist, new Set([...CHECKS_BY_ID.keys(), ...[...ALIASES.values()].flat()]));
  const startedAt = new Date();
  return withStore(flags.db, io, async (store) => {
    const id = await store.resolveScanRef(ref, flags.account === undefined ? {} : { account: flags.account });
    const original = await store.loadScan(id);
    if (original.accounts.length === 0) throw new InputError(msg('rescanNoAccount', { id }));
    const scans: AccountScan[] = [];
    // Each account's evidence is judged, spooled (compressed, on disk) for the new scan and
    // dropped: the rescan of an organisation scan holds one account's evidence at a time.
    const spool = new EvidenceSpool();
    let record: ScanRecord;
    let diff: ScanDiff;
    try {
      for (const account of original.accounts) {
        const stored = await store.loadEvidence(id, account.id);
        if (!stored) throw new InputError(msg('rescanNoEvidence', { id, account: account.id }));
        const { name, email, ouPath, via } = account;
        const { evidence: _judged, ...scan } = assessEvidence(stored, { checks: CHECKS, config, mutelist, aliases: ALIASES, now: startedAt, place: { name, email, ouPath, via } });
        scans.push(scan);
        if (flags.store !== false) spool.add(stored);
      }
      record = buildRecord(scans, { source: original.scan.source, startedAt, checks: CHECKS, notAssessed: original.notAssessed });
      record.scan.rescanOf = id;
      diff = await diffSides(store, original, record);
      if (flags.store !== false) {
        const newId = await store.saveScan(record, spool.entries());
        if (!flags.quiet) io.stderr.write(`${tell(cliLang, msg('rescanStored', { of: id, version: record.tool.version, id: newId }))}\n`);
      }
    } finally {
      spool.dispose();
    }
    const result = render(record, lang);
    const partition = record.accounts[0]?.partition ?? 'aws';
    const region = io.env.AWS_REGION ?? PARTITION_REGIONS[partition] ?? 'us-east-1';
    const color = format === 'table' && !flags.output && Boolean(io.stdout.isTTY) && !('NO_COLOR' in io.env && io.env.NO_COLOR !== '');
    let text = REPORTERS[format].render(result, { color, region, record });
    if (format === 'table') {
      const { new: added, regressed, resolved } = headline(diff);
      text = `${tell(lang, msg('rescanAgainst', { id: id.slice(0, 8), date: day(new Date(original.scan.startedAt)), new: added, regressed, resolved, changed: diff.counts.changed }))}\n${text}`;
    }
    if (flags.output) await writeFiles([{ flag: '--output', path: flags.output, content: text }]);
    else io.stdout.write(text);
    return 0;
  });
}
