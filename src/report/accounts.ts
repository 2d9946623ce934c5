import type { OuStep } from '../record/record.js';
import type { ScanResult } from '../record/result.js';
import { interpolate } from '../engine/text.js';
import type { Lang } from '../engine/types.js';
import { ACCOUNT_TEXT } from './labels.js';

// What every reporter needs to show a many-account scan (issue 8): whether the result is one,
// the accounts worst first, their names and OU paths, and the coverage figure.

export type AssessedAccount = ScanResult['accounts'][number];
export type NotAssessed = ScanResult['notAssessed'][number];

/**
 * A scan of several accounts, or of accounts reached through Organizations or roles: anything but
 * the plain one-account scan, whose outputs stay as they were before many-account scans existed.
 */
export function isManyAccounts(result: ScanResult): boolean {
  if (result.accounts.length !== 1 || result.notAssessed.length > 0) return true;
  const [only] = result.accounts;
  return only !== undefined && (only.name !== null || only.ouPath !== null);
}

/** `Production / Web`; `Root` directly under the organisation root; '' outside an organisation scan. */
export function ouPathText(path: readonly OuStep[] | null, lang: Lang): string {
  if (path === null) return '';
  return path.length === 0 ? ACCOUNT_TEXT[lang].orgRoot : path.map((ou) => ou.name).join(' / ');
}

/** `workload-1 (210987654321)`, or the id alone when the account has no name. */
export const accountLabel = (a: { id: string; name: string | null }) => (a.name ? `${a.name} (${a.id})` : a.id);

/** `12 of 14 accounts assessed (86%)`, rounded down so that a missing account never shows as 100%. */
export function coverageText(result: ScanResult): string {
  const { assessed, inScope } = result.coverage;
  const percent = inScope === 0 ? '100%' : `${Math.floor((assessed / inScope) * 100)}%`;
  return interpolate(ACCOUNT_TEXT[result.scan.lang].coverage, { assessed, inScope, percent });
}

/** The worst-first key: unmuted critical FAILs, then high FAILs, then ERRORs, then every unmuted FAIL. */
const weights = (a: AssessedAccount) => {
  const s = a.summary;
  return [s.bySeverity.critical, s.bySeverity.high, s.byStatus.ERROR, s.bySeverity.critical + s.bySeverity.high + s.bySeverity.medium + s.bySeverity.low + s.bySeverity.info];
};

/** The assessed accounts worst first (ties keep scope order). */
export function worstFirst(result: ScanResult): AssessedAccount[] {
  const keyed = result.accounts.map((a, i) => ({ a, i, w: weights(a) }));
  keyed.sort((x, y) => {
    for (let k = 0; k < x.w.length; k++) if ((y.w[k] as number) !== (x.w[k] as number)) return (y.w[k] as number) - (x.w[k] as number);
    return x.i - y.i;
  });
  return keyed.map((k) => k.a);
}

/** Unmuted FAIL findings of an account, all severities. */
export const failCount = (a: AssessedAccount) => weights(a)[3] as number;

/** Account id → the account (assessed ones), for labelling findings. */
export function accountIndex(result: ScanResult): Map<string, AssessedAccount> {
  return new Map(result.accounts.map((a) => [a.id, a]));
}
