import type { ScanResult } from '../engine/result.js';
import type { ReportOptions } from './options.js';

// Placeholder until the markdown reporter lands (issue 4).
export function renderMarkdown(_result: ScanResult, _options: ReportOptions): string {
  throw new Error('the markdown format is not built yet');
}
