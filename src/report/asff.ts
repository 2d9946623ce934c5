import type { ScanResult } from '../engine/result.js';
import type { ReportOptions } from './options.js';

// Placeholder until the asff reporter lands (issue 4).
export function renderAsff(_result: ScanResult, _options: ReportOptions): string {
  throw new Error('the asff format is not built yet');
}
