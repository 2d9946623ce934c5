import type { ScanResult } from '../engine/result.js';
import { renderAsff } from './asff.js';
import { renderCsv } from './csv.js';
import { renderHtml } from './html.js';
import { renderJson } from './json.js';
import { renderJunit } from './junit.js';
import { renderMarkdown } from './markdown.js';
import { renderOcsf } from './ocsf.js';
import type { ReportOptions } from './options.js';
import { renderSarif } from './sarif.js';
import { renderTable } from './table.js';

import type { Format } from './formats.js';

export { FORMATS, type Format } from './formats.js';

export interface Reporter {
  /** File name ending for --output-dir: `aws-lockdown.<extension>`. */
  extension: string;
  render(result: ScanResult, options: ReportOptions): string;
}

export const REPORTERS = {
  table: { extension: 'txt', render: renderTable },
  json: { extension: 'json', render: renderJson },
  csv: { extension: 'csv', render: renderCsv },
  html: { extension: 'html', render: renderHtml },
  sarif: { extension: 'sarif', render: renderSarif },
  ocsf: { extension: 'ocsf.json', render: renderOcsf },
  asff: { extension: 'asff.json', render: renderAsff },
  junit: { extension: 'junit.xml', render: renderJunit },
  markdown: { extension: 'md', render: renderMarkdown },
} as const satisfies Record<Format, Reporter>;
