import type { ScanResult } from '../engine/result.js';
import type { ReportOptions } from './options.js';

/** Above this many findings the JSON is compact: a 40,000-finding result is then a third smaller and faster to write. */
const INDENT_LIMIT = 1000;

/** The canonical output (SPEC §6). */
export function renderJson(result: ScanResult, _options?: ReportOptions): string {
  return `${JSON.stringify(result, null, result.findings.length > INDENT_LIMIT ? undefined : 2)}\n`;
}
