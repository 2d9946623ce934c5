import type { ScanResult } from '../engine/result.js';
import type { ReportOptions } from './options.js';

// Placeholder until the html reporter lands (issue 4).
export function renderHtml(_result: ScanResult, _options: ReportOptions): string {
  throw new Error('the html format is not built yet');
}
