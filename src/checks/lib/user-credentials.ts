import type { CredentialRow, ReportTime } from '../../evidence/schema.js';
import { term, type Term } from '../../i18n/index.js';
import { activeKeys, daysSince, isDate, noRecordedUse } from './report.js';

// IAM began recording password use on 20 October 2014 and access-key use on 22 April 2015
// (IAM User Guide, "Getting credential reports"): "no recorded use" of an older credential may
// mean a use before that day, so its idle time is counted from that day at most.
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
  /** The credential with how long it has been idle: "password (never used, set 3 days ago)". */
  detail: Term;
}

/**
 * The enabled password and the active access keys of a user, each with how long it has gone
 * unused. A credential never used (password `no_information`, key `N/A`) counts from when it was
 * set, the CIS rule: `password_last_changed` / `access_key_N_last_rotated`, else the user's
 * creation time (whichever is later: a credential is never older than its user) — never from the day IAM began tracking, which would make a user invited
 * yesterday look idle for ten years.
 */
export function credentialUse(row: CredentialRow, now: Date): CredentialUse[] {
  const uses: CredentialUse[] = [];
  if (hasConsolePassword(row)) {
    uses.push(use({ credential: 'password', n: 0 }, row.passwordLastUsed, [row.passwordLastChanged, row.userCreationTime], PASSWORD_TRACKING_START, now));
  }
  for (const { slot, key } of activeKeys(row)) {
    uses.push(use({ credential: 'accessKey', n: slot }, key.lastUsed, [key.lastRotated, row.userCreationTime], KEY_TRACKING_START, now));
  }
  return uses;
}

type Which = { credential: 'password' | 'accessKey'; n: number };

function use(which: Which, lastUsed: ReportTime, setUp: ReportTime[], trackingStart: Date, now: Date): CredentialUse {
  const label = which.credential === 'password' ? term('password') : term('accessKey', { n: which.n });
  if (isDate(lastUsed)) {
    const days = daysSince(lastUsed, now);
    return { label, idleDays: days, detail: term('credentialIdle', { ...which, never: 'no', days }) };
  }
  // A credential cannot predate its user: the later date wins when a row says otherwise.
  const set = setUp.filter(isDate).sort((a, b) => b.getTime() - a.getTime())[0];
  if (!noRecordedUse(lastUsed) || !set) return { label, idleDays: null, detail: label };
  const setDays = daysSince(set, now);
  const idleDays = Math.min(setDays, daysSince(trackingStart, now));
  return { label, idleDays, detail: term('credentialIdle', { ...which, never: 'yes', days: setDays }) };
}
