import type { ScanResult } from '../engine/result.js';
import { asffChunks, renderAsff } from './asff.js';
import { csvChunks, renderCsv } from './csv.js';
import { renderHtml } from './html.js';
import { jsonChunks, renderJson } from './json.js';
import { junitChunks, renderJunit } from './junit.js';
import { renderMarkdown } from './markdown.js';
import { ocsfChunks, renderOcsf } from './ocsf.js';
import type { ReportOptions } from './options.js';
import { renderSarif } from './sarif.js';
import { renderTable } from './table.js';

import type { Format } from './formats.js';

export { FORMATS, type Format } from './formats.js';

export interface Reporter {
  /** File name ending for --output-dir: `aws-lockdown.<extension>`. */
  extension: string;
  render(result: ScanResult, options: ReportOptions): string;
  /**
   * The same text as render, in pieces, for a reporter whose output for a large account is big
   * enough to be written piece by piece (JSON: tens of MB at 40,000 findings).
   */
  chunks?(result: ScanResult, options: ReportOptions): Iterable<string>;
}

export const REPORTERS = {
  table: { extension: 'txt', render: renderTable },
  json: { extension: 'json', render: renderJson, chunks: jsonChunks },
  csv: { extension: 'csv', render: renderCsv, chunks: csvChunks },
  html: { extension: 'html', render: renderHtml },
  sarif: { extension: 'sarif', render: renderSarif },
  ocsf: { extension: 'ocsf.json', render: renderOcsf, chunks: ocsfChunks },
  asff: { extension: 'asff.json', render: renderAsff, chunks: asffChunks },
  junit: { extension: 'junit.xml', render: renderJunit, chunks: junitChunks },
  markdown: { extension: 'md', render: renderMarkdown },
} as const satisfies Record<Format, Reporter>;

/**
 * A report as pieces of text to write one after another (their concatenation is `render`'s text):
 * produced while it is written, so a large JSON report never sits in memory as one string.
 */
export function reportChunks(format: Format, result: ScanResult, options: ReportOptions): Iterable<string> {
  const reporter: Reporter = REPORTERS[format];
  return reporter.chunks ? reporter.chunks(result, options) : [reporter.render(result, options)];
}
