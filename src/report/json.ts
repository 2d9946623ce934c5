import type { ScanResult } from '../engine/result.js';

/** Above this many findings the JSON is compact: a 40,000-finding result is then a third smaller and faster to write. */
const INDENT_LIMIT = 1000;

/** The canonical output (SPEC §6). */
export function renderJson(result: ScanResult): string {
  return `${JSON.stringify(result, null, result.findings.length > INDENT_LIMIT ? undefined : 2)}\n`;
}
