// The IAM credential report as IAM writes it: 22 columns, TRUE/FALSE, N/A, no_information,
// not_supported, timestamps like 2026-11-20T10:00:00+00:00, root as the row <root_account>.

export const REPORT_COLUMNS = [
  'user', 'arn', 'user_creation_time', 'password_enabled', 'password_last_used', 'password_last_changed', 'password_next_rotation', 'mfa_active',
  'access_key_1_active', 'access_key_1_last_rotated', 'access_key_1_last_used_date', 'access_key_1_last_used_region', 'access_key_1_last_used_service',
  'access_key_2_active', 'access_key_2_last_rotated', 'access_key_2_last_used_date', 'access_key_2_last_used_region', 'access_key_2_last_used_service',
  'cert_1_active', 'cert_1_last_rotated', 'cert_2_active', 'cert_2_last_rotated',
] as const;
export type ReportColumn = (typeof REPORT_COLUMNS)[number];
export type ReportRow = Record<ReportColumn, string>;

export function reportTime(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, '+00:00');
}

const bool = (b: boolean) => (b ? 'TRUE' : 'FALSE');

export interface KeySpec {
  active: boolean;
  lastRotated: Date;
  /** Absent: never used (date, region and service N/A). */
  lastUsed?: { date: Date; region: string; service: string };
}
export interface CertSpec {
  active: boolean;
  lastRotated: Date;
}

function keyColumns(n: 1 | 2, key: KeySpec | undefined): Partial<ReportRow> {
  const p = `access_key_${n}` as const;
  return {
    [`${p}_active`]: bool(!!key?.active),
    [`${p}_last_rotated`]: key ? reportTime(key.lastRotated) : 'N/A',
    [`${p}_last_used_date`]: key?.lastUsed ? reportTime(key.lastUsed.date) : 'N/A',
    [`${p}_last_used_region`]: key?.lastUsed ? key.lastUsed.region : 'N/A',
    [`${p}_last_used_service`]: key?.lastUsed ? key.lastUsed.service : 'N/A',
  };
}

function certColumns(certs: CertSpec[]): Partial<ReportRow> {
  return {
    cert_1_active: bool(!!certs[0]?.active), cert_1_last_rotated: certs[0] ? reportTime(certs[0].lastRotated) : 'N/A',
    cert_2_active: bool(!!certs[1]?.active), cert_2_last_rotated: certs[1] ? reportTime(certs[1].lastRotated) : 'N/A',
  };
}

export interface RootRowSpec {
  accountId: string;
  partition?: string;
  created: Date;
  /** Last console sign-in; 'no_information' when never used since IAM tracks it, 'N/A' when root has no password. */
  passwordLastUsed: Date | 'no_information' | 'N/A';
  mfa: boolean;
  keys?: KeySpec[];
  certs?: CertSpec[];
}

export function rootRow(spec: RootRowSpec): ReportRow {
  return {
    user: '<root_account>',
    arn: `arn:${spec.partition ?? 'aws'}:iam::${spec.accountId}:root`,
    user_creation_time: reportTime(spec.created),
    password_enabled: 'not_supported',
    password_last_used: spec.passwordLastUsed instanceof Date ? reportTime(spec.passwordLastUsed) : spec.passwordLastUsed,
    password_last_changed: 'not_supported',
    password_next_rotation: 'not_supported',
    mfa_active: bool(spec.mfa),
    ...keyColumns(1, spec.keys?.[0]),
    ...keyColumns(2, spec.keys?.[1]),
    ...certColumns(spec.certs ?? []),
  } as ReportRow;
}

export interface UserRowSpec {
  userName: string;
  arn: string;
  created: Date;
  /** Absent: no console password. `lastUsed` absent: never signed in (no_information). */
  password?: { lastChanged: Date; lastUsed?: Date; nextRotation?: Date };
  mfa: boolean;
  keys?: KeySpec[];
  certs?: CertSpec[];
}

export function userRow(spec: UserRowSpec): ReportRow {
  const pw = spec.password;
  return {
    user: spec.userName,
    arn: spec.arn,
    user_creation_time: reportTime(spec.created),
    password_enabled: bool(!!pw),
    password_last_used: !pw ? 'N/A' : pw.lastUsed ? reportTime(pw.lastUsed) : 'no_information',
    password_last_changed: pw ? reportTime(pw.lastChanged) : 'N/A',
    password_next_rotation: pw?.nextRotation ? reportTime(pw.nextRotation) : 'N/A',
    mfa_active: bool(spec.mfa),
    ...keyColumns(1, spec.keys?.[0]),
    ...keyColumns(2, spec.keys?.[1]),
    ...certColumns(spec.certs ?? []),
  } as ReportRow;
}

/** RFC 4180 quoting: IAM user names may contain commas. */
function csvField(v: string): string {
  return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

export function credentialReportCsv(rows: ReportRow[]): string {
  return [REPORT_COLUMNS.join(','), ...rows.map((r) => REPORT_COLUMNS.map((c) => csvField(r[c])).join(','))].join('\n');
}
