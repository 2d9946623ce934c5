import type { ScanResult } from '../engine/result.js';
import type { ReportOptions } from './options.js';

// Placeholder until the csv reporter lands (issue 4).
export function renderCsv(_result: ScanResult, _options: ReportOptions): string {
  throw new Error('the csv format is not built yet');
}
