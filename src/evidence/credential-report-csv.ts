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

/**
 * `z.array(credentialRow)`, with the same answers, issues and output, but ~10× faster on rows that
 * are plainly valid (all of them, in any report a scan reads): zod validated a 5,000-user report's
 * 60,000 cells one union at a time, ~100 ms of a scan (issue 7). Each row is checked by hand
 * against exactly what credentialRow accepts; at the first doubt zod parses the whole array
 * itself, so every error is zod's own. test/credential-report-csv.test.ts compares the two.
 */
export const credentialRows = z.array(credentialRow);
{
  // zod's own date pattern (what isoDate tests), so the two cannot disagree on what a date is.
  const pattern = (isoDate.in as unknown as { _zod?: { pattern?: unknown } })._zod?.pattern;
  const internals = (credentialRows as unknown as { _zod?: { parse?: unknown; run?: unknown } })._zod;
  if (pattern instanceof RegExp && internals && typeof internals.parse === 'function') {
    type Payload = { value: unknown; issues: unknown[] };
    const zodParse = internals.parse as (payload: Payload, ctx: { direction?: string } | undefined) => Payload;
    const parse = (payload: Payload, ctx: { direction?: string } | undefined) => {
      const rows = ctx?.direction === 'backward' ? undefined : plainRows(payload.value, pattern);
      if (rows === undefined) return zodParse(payload, ctx);
      payload.value = rows;
      return payload;
    };
    // A schema without checks runs its parse function directly (zod keeps it as `run`).
    if (internals.run === zodParse) internals.run = parse;
    internals.parse = parse;
  }
}

const ROW_KEYS = ['user', 'arn', 'userCreationTime', 'passwordEnabled', 'passwordLastUsed', 'passwordLastChanged', 'passwordNextRotation', 'mfaActive', 'accessKeys', 'certificates'];
const KEY_KEYS = ['active', 'lastRotated', 'lastUsed', 'lastUsedRegion', 'lastUsedService'];
const CERT_KEYS = ['active', 'lastRotated'];

/** credentialRow's output for every row, or undefined when any row is not plainly valid. */
export function plainRows(input: unknown, datePattern: RegExp): CredentialRow[] | undefined {
  if (!Array.isArray(input)) return undefined;
  const out: CredentialRow[] = new Array(input.length);
  const time = (v: unknown): ReportTime | undefined => {
    if (typeof v !== 'string') return undefined;
    if (v === 'N/A' || v === 'no_information' || v === 'not_supported') return v;
    datePattern.lastIndex = 0;
    return datePattern.test(v) ? new Date(v) : undefined;
  };
  const exactly = (o: unknown, keys: string[]): o is Record<string, unknown> => {
    if (typeof o !== 'object' || o === null || Array.isArray(o) || Object.getPrototypeOf(o) !== Object.prototype) return false;
    const own = Object.keys(o);
    return own.length === keys.length && keys.every((k) => Object.hasOwn(o, k));
  };
  const pair = (v: unknown): v is [unknown, unknown] => Array.isArray(v) && v.length === 2;
  for (let i = 0; i < input.length; i++) {
    const r: unknown = input[i];
    if (!exactly(r, ROW_KEYS) || !pair(r.accessKeys) || !pair(r.certificates)) return undefined;
    const { user, arn, passwordEnabled, mfaActive } = r;
    if (typeof user !== 'string' || user.length < 1 || typeof arn !== 'string' || arn.length < 1) return undefined;
    if (typeof passwordEnabled !== 'boolean' && passwordEnabled !== 'not_supported') return undefined;
    if (typeof mfaActive !== 'boolean') return undefined;
    const userCreationTime = time(r.userCreationTime);
    const passwordLastUsed = time(r.passwordLastUsed);
    const passwordLastChanged = time(r.passwordLastChanged);
    const passwordNextRotation = time(r.passwordNextRotation);
    if (userCreationTime === undefined || passwordLastUsed === undefined || passwordLastChanged === undefined || passwordNextRotation === undefined) return undefined;
    const keys: CredentialRow['accessKeys'][number][] = [];
    for (const k of r.accessKeys) {
      if (!exactly(k, KEY_KEYS) || typeof k.active !== 'boolean' || typeof k.lastUsedRegion !== 'string' || typeof k.lastUsedService !== 'string') return undefined;
      const lastRotated = time(k.lastRotated);
      const lastUsed = time(k.lastUsed);
      if (lastRotated === undefined || lastUsed === undefined) return undefined;
      keys.push({ active: k.active, lastRotated, lastUsed, lastUsedRegion: k.lastUsedRegion, lastUsedService: k.lastUsedService });
    }
    const certs: CredentialRow['certificates'][number][] = [];
    for (const c of r.certificates) {
      if (!exactly(c, CERT_KEYS) || typeof c.active !== 'boolean') return undefined;
      const lastRotated = time(c.lastRotated);
      if (lastRotated === undefined) return undefined;
      certs.push({ active: c.active, lastRotated });
    }
    // In credentialRow's key order, as zod builds its output.
    out[i] = {
      user,
      arn,
      userCreationTime,
      passwordEnabled,
      passwordLastUsed,
      passwordLastChanged,
      passwordNextRotation,
      mfaActive,
      accessKeys: keys as CredentialRow['accessKeys'],
      certificates: certs as CredentialRow['certificates'],
    };
  }
  return out;
}

type Info = { record: string[]; info: { lines: number } };

/** Parses the report CSV (as downloaded from the console, or decoded API content) into rows. */
export function parseCredentialReportCsv(csv: string, label: string): CredentialRowJson[] {
  const text = csv.replace(/^\uFEFF/, '');
  let records = simpleCsv(text);
  if (!records) {
    try {
      // `info` gives each record its line in the file, so that an error names the line a user sees.
      records = parse(text, CSV_OPTIONS) as unknown as Info[];
    } catch (error) {
      throw new InputError(msg('notCsv', { path: label, detail: (error as Error).message }));
    }
  }
  const header = (records[0]?.record ?? []).map((h) => h.toLowerCase());
  const missing = COLUMNS.filter((c) => !header.includes(c));
  if (missing.length > 0) throw new InputError(msg('notCredentialReport', { path: label, column: missing[0] ?? '' }));
  const index = Object.fromEntries(COLUMNS.map((c) => [c, header.indexOf(c)])) as Record<Column, number>;

  const lines: number[] = [];
  const rows = records.slice(1).map(({ record, info }): CredentialRowJson => {
    const line = info.lines;
    lines.push(line);
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
        return reportIso(v) ?? toIso(v, c);
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
    };
  });
  refuseTwice(rows, lines, label);
  return rows;
}

/**
 * A user (root included) on two rows is refused, never judged: which row is true cannot be told,
 * and picking one could hide a root access key behind a harmless-looking first row (docs/decisions.md).
 */
function refuseTwice(rows: { user: string }[], lines: number[], label: string): void {
  const seen = new Map<string, number>();
  rows.forEach(({ user }, i) => {
    const line = lines[i] as number;
    const first = seen.get(user);
    if (first !== undefined) throw new InputError(msg('reportUserTwice', { path: label, user, first, second: line }));
    seen.set(user, line);
  });
}

const CSV_OPTIONS = { skip_empty_lines: true, relax_column_count: false, trim: true, info: true } as const;

/**
 * The records of a CSV in the plain form IAM writes (fields quoted only where they hold a comma or
 * a quote, one line each, one kind of line end), exactly as csv-parse with CSV_OPTIONS gives them,
 * in a tenth of its time (5,000 rows: ~10 ms instead of ~100). Anything else — a field csv-parse
 * would trim, a quote out of place, a line break inside quotes, rows of different widths, mixed or
 * bare CR line ends, a lone surrogate — gives undefined, and csv-parse reads the text (and words
 * any error). test/credential-report-csv.test.ts compares the two on generated text.
 */
export function simpleCsv(text: string): Info[] | undefined {
  // csv-parse works on UTF-8 bytes, where a lone surrogate becomes U+FFFD: left to it.
  if (SURROGATE.test(text)) return undefined;
  const crlf = text.includes('\r');
  const lines = text.split('\n');
  const out: Info[] = [];
  let width = -1;
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i] as string;
    if (crlf && i < lines.length - 1) {
      if (!line.endsWith('\r')) return undefined;
      line = line.slice(0, -1);
    }
    if (crlf && line.includes('\r')) return undefined;
    if (line === '') continue;
    const record = line.includes('"') ? quotedLine(line) : plainFields(line.split(','));
    if (!record) return undefined;
    if (width === -1) width = record.length;
    else if (record.length !== width) return undefined;
    out.push({ record, info: { lines: i + 1 } });
  }
  return out;
}

const SURROGATE = /[\uD800-\uDFFF]/;

/** Unquoted fields, unless one begins or ends with a character csv-parse's trim would remove. */
function plainFields(fields: string[]): string[] | undefined {
  for (const field of fields) if (field !== '' && (trimmable(field.charCodeAt(0)) || trimmable(field.charCodeAt(field.length - 1)))) return undefined;
  return fields;
}

// Every character csv-parse trims is one of these (a few more are refused than it trims: harmless).
const trimmable = (code: number) => code <= 0x20 || code === 0x85 || code === 0xa0 || (code >= 0x1680 && /\s/.test(String.fromCharCode(code)));

function quotedLine(line: string): string[] | undefined {
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    if (line.charCodeAt(i) === 0x22) {
      let value = '';
      let from = i + 1;
      for (;;) {
        const quote = line.indexOf('"', from);
        if (quote === -1) return undefined;
        value += line.slice(from, quote);
        if (line.charCodeAt(quote + 1) === 0x22) {
          value += '"';
          from = quote + 2;
          continue;
        }
        i = quote + 1;
        break;
      }
      fields.push(value);
      if (i === line.length) return fields;
      if (line.charCodeAt(i) !== 0x2c) return undefined;
      i++;
    } else {
      const comma = line.indexOf(',', i);
      const field = line.slice(i, comma === -1 ? line.length : comma);
      if (field.includes('"') || !plainFields([field])) return undefined;
      fields.push(field);
      if (comma === -1) return fields;
      i = comma + 1;
    }
  }
}

const REPORT_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\+00:00|(\.\d{3})?Z)$/;

/**
 * toIso's answer for the form IAM writes every report time in (`2026-11-21T10:00:00+00:00`), and
 * for UTC ISO times from tools that rewrote the report (`…Z`, `….123Z`), without building a Date
 * per cell; undefined for anything else, which toIso then judges.
 */
export function reportIso(value: string): string | undefined {
  const m = REPORT_TIME.exec(value);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, ms = '.000'] = m as unknown as [string, string, string, string, string, string, string, string | undefined];
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  // Before 1900 toIso's calendar check reads a year below 100 as 19xx: left to it.
  if (year < 1900 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month) || Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return undefined;
  return `${y}-${mo}-${d}T${h}:${mi}:${s}${ms}Z`;
}

const daysIn = (year: number, month: number) => (month === 2 ? (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31);

/** Account id and partition from the report's ARNs, for a CSV that comes on its own. */
export function accountFromRows(rows: CredentialRowJson[], label: string): { id: string; partition: string } {
  for (const row of rows) {
    const match = /^arn:(aws|aws-us-gov|aws-cn):iam::(\d{12}):/.exec(row.arn);
    if (match) return { partition: match[1] as string, id: match[2] as string };
  }
  throw new InputError(msg('noAccountInReport', { path: label }));
}
