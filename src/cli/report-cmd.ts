import { InputError } from '../errors.js';
import { PARTITION_REGIONS } from '../evidence/partitions.js';
import { FRAMEWORKS } from '../frameworks/index.js';
import { msg } from '../i18n/index.js';
import { render } from '../record/render.js';
import { frameworkById } from '../report/compliance.js';
import { FORMATS, REPORTERS, type Format } from '../report/index.js';
import { withStore } from './history-common.js';
import { parseLang, parseStatuses } from './options.js';
import { writeFiles } from './output.js';
import type { Io } from './scan.js';

export interface ReportFlags {
  db?: string;
  account?: string;
  format?: string;
  output?: string;
  lang?: string;
  compliance?: string;
  status?: string;
}

/**
 * `lockdown report SCAN`: a stored scan rendered again, in any format and language, by the same
 * reporters as `scan` (the record keeps message ids and parameters, no words). Today's catalogue
 * words it; a check this version no longer has still renders, and says so (render.ts).
 */
export async function runReport(ref: string, flags: ReportFlags, io: Io): Promise<number> {
  const lang = parseLang(flags.lang, io.env);
  const format = (flags.format ?? (io.stdout.isTTY && !flags.output ? 'table' : 'json')) as Format;
  if (!FORMATS.includes(format)) throw new InputError(msg('notOneOf', { flag: '--format', value: format, allowed: FORMATS.join(', ') }));
  if (flags.compliance !== undefined && !frameworkById(flags.compliance)) {
    throw new InputError(msg('notOneOf', { flag: '--compliance', value: flags.compliance, allowed: FRAMEWORKS.map((f) => f.id).join(', ') }));
  }
  const statusFilter = flags.status === undefined ? null : parseStatuses('--status', flags.status);
  const record = await withStore(flags.db, io, async (store) => store.loadScan(await store.resolveScanRef(ref, flags.account === undefined ? {} : { account: flags.account })));
  const result = render(record, lang, { statusFilter });
  const partition = record.accounts[0]?.partition ?? 'aws';
  const region = io.env.AWS_REGION ?? PARTITION_REGIONS[partition] ?? 'us-east-1';
  const color = format === 'table' && !flags.output && Boolean(io.stdout.isTTY) && !('NO_COLOR' in io.env && io.env.NO_COLOR !== '');
  const text = REPORTERS[format].render(result, { color, compliance: flags.compliance, region, record });
  if (flags.output) await writeFiles([{ flag: '--output', path: flags.output, content: text }]);
  else io.stdout.write(text);
  return 0;
}
