import type { ScanResult } from '../engine/result.js';
import type { ReportOptions } from './options.js';

// Placeholder until the sarif reporter lands (issue 4).
export function renderSarif(_result: ScanResult, _options: ReportOptions): string {
  throw new Error('the sarif format is not built yet');
}
