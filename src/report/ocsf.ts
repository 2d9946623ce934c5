import type { ScanResult } from '../engine/result.js';
import type { ReportOptions } from './options.js';

// Placeholder until the ocsf reporter lands (issue 4).
export function renderOcsf(_result: ScanResult, _options: ReportOptions): string {
  throw new Error('the ocsf format is not built yet');
}
