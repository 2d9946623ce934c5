import type { CredentialReport, CredentialRow, ReportTime } from '../../evidence/schema.js';

export const ROOT_USER = '<root_account>';
const DAY_MS = 86_400_000;

export function isDate(t: ReportTime): t is Date {
  return t instanceof Date;
}

/** Whole days from `then` to `now` (0 for the same day or the future). */
export function daysSince(then: Date, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - then.getTime()) / DAY_MS));
}

export function findRootRow(report: CredentialReport): CredentialRow | undefined {
  return report.rows.find((r) => r.user === ROOT_USER);
}

/** IAM users only: root has checks of its own. */
export function userRows(report: CredentialReport): CredentialRow[] {
  return report.rows.filter((r) => r.user !== ROOT_USER);
}

/** A key slot holds a key when it is active or has a rotation date (an inactive key keeps its date). */
export function keyExists(key: CredentialRow['accessKeys'][number]): boolean {
  return key.active || isDate(key.lastRotated);
}

export function activeKeys(row: CredentialRow): { slot: 1 | 2; key: CredentialRow['accessKeys'][number] }[] {
  return row.accessKeys.flatMap((key, i) => (key.active ? [{ slot: (i + 1) as 1 | 2, key }] : []));
}
