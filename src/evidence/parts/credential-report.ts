import { z } from 'zod';
import { ShapeError } from '../../errors.js';
import { msg } from '../../i18n/index.js';
import { credentialRows, parseCredentialReportCsv } from '../credential-report-csv.js';
import { toIso } from '../timestamps.js';
import { obj } from './aws-shape.js';
import { definePart, isoDate } from './define.js';

export { REPORT_STATES, type ReportState } from '../credential-report-csv.js';

export { credentialRow, type CredentialRow, type CredentialRowJson, type ReportTime } from '../credential-report-csv.js';

/**
 * Where `generatedTime` comes from when IAM did not say (a console CSV carries no generation
 * time): the file's modification time, or the newest date in the report when the file time is
 * older than that (a copied file). Absent: IAM's own GeneratedTime.
 */
export const REPORT_TIME_SOURCES = ['fileModified', 'newestEntry'] as const;

const credentialReport = z.strictObject({
  generatedTime: isoDate,
  generatedTimeFrom: z.enum(REPORT_TIME_SOURCES).optional(),
  rows: credentialRows,
});
export type CredentialReport = z.output<typeof credentialReport>;

/**
 * Content is base64 text from the AWS CLI, bytes (already decoded) from the SDK, and plain CSV
 * text from boto3-based tools that saved the decoded answer. Anything else is refused without
 * quoting it: decoded garbage helps nobody.
 */
export function fromCredentialReport(raw: unknown, label: string) {
  const r = obj(raw, 'GetCredentialReport');
  const rows = parseCredentialReportCsv(reportCsv(r.Content), label);
  return { generatedTime: toIso(r.GeneratedTime, 'GeneratedTime'), rows };
}

const CSV_START = /^\uFEFF?user,arn,/i;
const BASE64 = /^[A-Za-z0-9+/\s]*={0,2}\s*$/;

function reportCsv(content: unknown): string {
  if (content instanceof Uint8Array) return Buffer.from(content).toString('utf8');
  if (typeof content === 'string') {
    if (CSV_START.test(content)) return content;
    const decoded = BASE64.test(content) ? Buffer.from(content, 'base64').toString('utf8') : '';
    if (CSV_START.test(decoded)) return decoded;
  }
  throw new ShapeError(msg('expectedReport'));
}

export const credentialReportPart = definePart({
  data: credentialReport,
  actions: ['iam:GetCredentialReport', 'iam:GenerateCredentialReport'],
  exports: [{ file: 'iam-get-credential-report', args: ['iam', 'get-credential-report'], action: 'iam:GetCredentialReport', normalise: fromCredentialReport }],
  source: 'credential-report',
  observedAt: (data) => data.generatedTime as string,
});
