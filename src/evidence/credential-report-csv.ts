import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { isoDate } from './parts/define.js';
import { InputError, ShapeError } from '../errors.js';
import { toIso } from './timestamps.js';
import { msg, type Message } from '../i18n/index.js';

// Columns of the IAM credential report (AWS docs, "Getting credential reports").
const COLUMNS = [
  'user', 'arn', 'user_creation_time', 'password_enabled', 'password_last_used', 'password_last_changed',
  'password_next_rotation', 'mfa_active',
  'access_key_1_active', 'access_key_1_last_rotated', 'access_key_1_last_used_date', 'access_key_1_last_used_region', 'access_key_1_last_used_service',
  'access_key_2_active', 'access_key_2_last_rotated', 'access_key_2_last_used_date', 'access_key_2_last_used_region', 'access_key_2_last_used_service',
  'cert_1_active', 'cert_1_last_rotated', 'cert_2_active', 'cert_2_last_rotated',
] as const;
type Column = (typeof COLUMNS)[number];

// Credential report cells that are not dates (AWS docs, "Getting credential reports").
export const REPORT_STATES = ['N/A', 'no_information', 'not_supported'] as const;
export type ReportState = (typeof REPORT_STATES)[number];

const STATES = new Map<string, ReportState>(REPORT_STATES.map((s) => [s.toLowerCase(), s]));

// A report row as the evidence keeps it.
const reportTime = z.union([z.enum(REPORT_STATES), isoDate]);
export type ReportTime = Date | (typeof REPORT_STATES)[number];

const accessKeyState = z.strictObject({
  active: z.boolean(),
  lastRotated: reportTime,
  lastUsed: reportTime,
  lastUsedRegion: z.string(),
  lastUsedService: z.string(),
});

const certificateState = z.strictObject({
  active: z.boolean(),
  lastRotated: reportTime,
});

export const credentialRow = z.strictObject({
  user: z.string().min(1),
  arn: z.string().min(1),
  userCreationTime: reportTime,
  passwordEnabled: z.union([z.boolean(), z.literal('not_supported')]),
  passwordLastUsed: reportTime,
  passwordLastChanged: reportTime,
  passwordNextRotation: reportTime,
  mfaActive: z.boolean(),
  accessKeys: z.tuple([accessKeyState, accessKeyState]),
  certificates: z.tuple([certificateState, certificateState]),
});
export type CredentialRow = z.output<typeof credentialRow>;
export type CredentialRowJson = z.input<typeof credentialRow>;

/** Parses the report CSV (as downloaded from the console, or decoded API content) into rows. */
type Info = { record: string[]; info: { lines: number } };

export function parseCredentialReportCsv(csv: string, label: string): CredentialRowJson[] {
  let records: Info[];
  try {
    // `info` gives each record its line in the file, so that an error names the line a user sees.
    records = parse(csv.replace(/^\uFEFF/, ''), { skip_empty_lines: true, relax_column_count: false, trim: true, info: true }) as unknown as Info[];
  } catch (error) {
    throw new InputError(msg('notCsv', { path: label, detail: (error as Error).message }));
  }
  const header = (records[0]?.record ?? []).map((h) => h.toLowerCase());
  const missing = COLUMNS.filter((c) => !header.includes(c));
  if (missing.length > 0) throw new InputError(msg('notCredentialReport', { path: label, column: missing[0] ?? '' }));
  const index = Object.fromEntries(COLUMNS.map((c) => [c, header.indexOf(c)])) as Record<Column, number>;

  const rows = records.slice(1).map(({ record, info }): CredentialRowJson & { line: number } => {
    const line = info.lines;
    const cell = (c: Column): string => record[index[c]] ?? '';
    const fail = (c: Column, expected: Message): never => {
      throw new InputError(msg('csvCell', { path: label, line, column: c, expected, value: JSON.stringify(cell(c)) }));
    };
    const bool = (c: Column): boolean => {
      const v = cell(c).toLowerCase();
      return v === 'true' ? true : v === 'false' ? false : fail(c, msg('csvExpectBoolean'));
    };
    const time = (c: Column): string => {
      const v = cell(c);
      const state = STATES.get(v.toLowerCase());
      if (state) return state;
      try {
        return toIso(v, c);
      } catch (error) {
        return fail(c, msg(error instanceof ShapeError && error.said.id === 'impossibleDate' ? 'csvExpectRealDate' : 'csvExpectTime'));
      }
    };
    const text = (c: Column) => cell(c);
    const passwordCell = cell('password_enabled').toLowerCase();
    const key = (n: 1 | 2) => ({
      active: bool(`access_key_${n}_active`),
      lastRotated: time(`access_key_${n}_last_rotated`),
      lastUsed: time(`access_key_${n}_last_used_date`),
      lastUsedRegion: text(`access_key_${n}_last_used_region`),
      lastUsedService: text(`access_key_${n}_last_used_service`),
    });
    const cert = (n: 1 | 2) => ({ active: bool(`cert_${n}_active`), lastRotated: time(`cert_${n}_last_rotated`) });
    if (!cell('user')) fail('user', msg('csvExpectUser'));
    return {
      user: cell('user'),
      arn: cell('arn'),
      userCreationTime: time('user_creation_time'),
      // Root's password_enabled is always not_supported: the report cannot tell.
      passwordEnabled: passwordCell === 'not_supported' ? 'not_supported' : bool('password_enabled'),
      passwordLastUsed: time('password_last_used'),
      passwordLastChanged: time('password_last_changed'),
      passwordNextRotation: time('password_next_rotation'),
      mfaActive: bool('mfa_active'),
      accessKeys: [key(1), key(2)],
      certificates: [cert(1), cert(2)],
      line,
    };
  });
  refuseTwice(rows, label);
  return rows.map(({ line: _line, ...row }) => row);
}

/**
 * A user (root included) on two rows is refused, never judged: which row is true cannot be told,
 * and picking one could hide a root access key behind a harmless-looking first row (docs/decisions.md).
 */
function refuseTwice(rows: { user: string; line: number }[], label: string): void {
  const seen = new Map<string, number>();
  for (const { user, line } of rows) {
    const first = seen.get(user);
    if (first !== undefined) throw new InputError(msg('reportUserTwice', { path: label, user, first, second: line }));
    seen.set(user, line);
  }
}

/** Account id and partition from the report's ARNs, for a CSV that comes on its own. */
export function accountFromRows(rows: CredentialRowJson[], label: string): { id: string; partition: string } {
  for (const row of rows) {
    const match = /^arn:(aws|aws-us-gov|aws-cn):iam::(\d{12}):/.exec(row.arn);
    if (match) return { partition: match[1] as string, id: match[2] as string };
  }
  throw new InputError(msg('noAccountInReport', { path: label }));
}
