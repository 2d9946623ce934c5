import type { CredentialReport, CredentialRow, ReportTime } from '../../evidence/schema.js';

export const ROOT_USER = '<root_account>';
const DAY_MS = 86_400_000;

export function isDate(t: ReportTime): t is Date {
  return t instanceof Date;
}

/**
 * A credential the report shows no use of. The IAM User Guide ("Getting credential reports"):
 * `password_last_used` is `no_information` for a password never used (or not since 2014-10-20)
 * and `N/A` for a user without one; `access_key_N_last_used_date` is `N/A` for a key never used
 * (or not since 2015-04-22) as well as for an absent key. Callers ask only about a password that
 * is enabled or a key that is active, where both states can only mean "no recorded use".
 * `not_supported` (root's password columns) says nothing about use.
 */
export function noRecordedUse(t: ReportTime): boolean {
  return t === 'no_information' || t === 'N/A';
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
