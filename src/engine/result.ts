import type { Evidence } from '../evidence/schema.js';
import { accountRecord, buildRecord, type ScanSource } from '../record/record.js';
import { render } from '../record/render.js';
import type { ScanResult } from '../record/result.js';
import type { Check } from './check.js';
import type { MutelistReport } from './mutelist.js';
import type { Finding, Lang, Status } from './types.js';

export type { CheckSummary, RenderedFinding, ScanResult } from '../record/result.js';

export interface ResultOptions {
  lang: Lang;
  source: ScanSource;
  startedAt: Date;
  checks: ReadonlyMap<string, Check>;
  mutelist?: MutelistReport | null;
  /** Only these statuses are listed; the summary still counts every finding. */
  statusFilter?: Status[] | null;
}

/** One account's findings as a record, put into words in one language (SPEC §6). */
export function buildResult(evidence: Evidence, findings: Finding[], options: ResultOptions): ScanResult {
  const checks = [...options.checks.values()];
  const record = buildRecord([{ account: accountRecord(evidence), findings, mutelist: options.mutelist ?? null }], { source: options.source, startedAt: options.startedAt, checks });
  return render(record, options.lang, { statusFilter: options.statusFilter ?? null, checks });
}
