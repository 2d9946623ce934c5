import type { CredentialRow, ReportTime } from '../../evidence/schema.js';
import { term, type Term } from '../../i18n/index.js';
import { activeKeys, daysSince, isDate } from './report.js';

// `no_information` means "not used since IAM began tracking": 20 October 2014 for passwords,
// 22 April 2015 for access keys (IAM User Guide, "Getting credential reports").
const PASSWORD_TRACKING_START = new Date('2014-10-20T00:00:00Z');
const KEY_TRACKING_START = new Date('2015-04-22T00:00:00Z');

/** A console password the report says is enabled; `not_supported` only appears on the root row. */
export function hasConsolePassword(row: CredentialRow): boolean {
  return row.passwordEnabled === true;
}

export interface CredentialUse {
  /** "password", "access key 1", "access key 2", in either language. */
  label: Term;
  /** Whole days the credential has gone unused; null when the report cannot tell. */
  idleDays: number | null;
}

/**
 * The enabled password and the active access keys of a user, each with how long it has gone
 * unused. A credential that was never used (`N/A`) counts from when it was set up, the CIS
 * fallback: `password_last_changed` / `access_key_N_last_rotated`, else the user's creation time.
 */
export function credentialUse(row: CredentialRow, now: Date): CredentialUse[] {
  const uses: CredentialUse[] = [];
  if (hasConsolePassword(row)) {
    uses.push({
      label: term('password'),
      idleDays: idleDays(row.passwordLastUsed, [row.passwordLastChanged, row.userCreationTime], PASSWORD_TRACKING_START, now),
    });
  }
  for (const { slot, key } of activeKeys(row)) {
    uses.push({
      label: term('accessKey', { n: slot }),
      idleDays: idleDays(key.lastUsed, [key.lastRotated, row.userCreationTime], KEY_TRACKING_START, now),
    });
  }
  return uses;
}

function idleDays(lastUsed: ReportTime, setUp: ReportTime[], trackingStart: Date, now: Date): number | null {
  if (isDate(lastUsed)) return daysSince(lastUsed, now);
  if (lastUsed === 'no_information') return daysSince(trackingStart, now);
  if (lastUsed === 'N/A') {
    const since = setUp.find(isDate);
    return since ? daysSince(since, now) : null;
  }
  return null;
}
