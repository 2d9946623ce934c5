import type { ScanResult } from '../engine/result.js';
import type { ReportOptions } from './options.js';

// Placeholder until the junit reporter lands (issue 4).
export function renderJunit(_result: ScanResult, _options: ReportOptions): string {
  throw new Error('the junit format is not built yet');
}
