import type { ScanResult } from '../engine/result.js';

/** The canonical output (SPEC §6). */
export function renderJson(result: ScanResult): string {
  return `${JSON.stringify(result, null, 2)}\n`;
}
