import { z } from 'zod';
import { ShapeError } from '../../errors.js';
import { msg } from '../../i18n/index.js';
import { credentialRow, parseCredentialReportCsv } from '../credential-report-csv.js';
import { toIso } from '../timestamps.js';
import { obj } from './aws-shape.js';
import { definePart, isoDate } from './define.js';

export { REPORT_STATES, type ReportState } from '../credential-report-csv.js';

export { credentialRow, type CredentialRow, type CredentialRowJson, type ReportTime } from '../credential-report-csv.js';

const credentialReport = z.strictObject({
  generatedTime: isoDate,
  rows: z.array(credentialRow),
});
export type CredentialReport = z.output<typeof credentialReport>;

/** Content is base64 text from the CLI, bytes (already decoded) from the SDK. */
export function fromCredentialReport(raw: unknown, label: string) {
  const r = obj(raw, 'GetCredentialReport');
  const content = r.Content;
  let csv: string;
  if (content instanceof Uint8Array) csv = Buffer.from(content).toString('utf8');
  else if (typeof content === 'string') csv = Buffer.from(content, 'base64').toString('utf8');
  else throw new ShapeError(msg('expectedReport'));
  const rows = parseCredentialReportCsv(csv, label);
  return { generatedTime: toIso(r.GeneratedTime, 'GeneratedTime'), rows };
}

export const credentialReportPart = definePart({
  data: credentialReport,
  actions: ['iam:GetCredentialReport', 'iam:GenerateCredentialReport'],
  exports: [{ file: 'iam-get-credential-report', args: ['iam', 'get-credential-report'], action: 'iam:GetCredentialReport', normalise: fromCredentialReport }],
  source: 'credential-report',
  observedAt: (data) => data.generatedTime as string,
});
