import { msg } from '../i18n/index.js';
import { at, type Problem } from './consistency-problem.js';
import type { Evidence } from './schema.js';

// Values the schema accepts by type but AWS never returns. A check reading one would judge a
// fact that does not exist (`AccountMFAEnabled: -1` is neither "MFA on" nor "MFA off").

/** GetAccountSummary's yes/no entries (IAM API Reference, GetAccountSummary: 0 or 1). */
const SUMMARY_FLAGS = ['AccountMFAEnabled', 'AccountPasswordPresent', 'AccountAccessKeysPresent', 'AccountSigningCertificatesPresent'];

/**
 * The only cells where the credential report writes `not_supported`: root's password columns
 * (IAM User Guide, "Getting credential reports": IAM cannot tell whether root has a password or
 * when it changed). Its password_last_used is a date, `no_information` or `N/A`.
 */
const NOT_SUPPORTED_ON_ROOT = ['passwordEnabled', 'passwordLastChanged', 'passwordNextRotation'] as const;
const NEVER_NOT_SUPPORTED = ['userCreationTime', 'passwordLastUsed'] as const;

export function possibleValues(ev: Evidence): Problem[] {
  const problems: Problem[] = [];
  const impossible = (part: string, field: string, value: unknown, allowed: string) =>
    problems.push({ part, code: 'ImpossibleValue', detail: msg('impossibleValue', { field, value: JSON.stringify(value), allowed }) });

  const { accountSummary, credentialReport } = ev.parts;
  if (accountSummary.ok) {
    for (const [key, value] of Object.entries(accountSummary.data)) {
      if (SUMMARY_FLAGS.includes(key) ? value !== 0 && value !== 1 : value < 0) impossible('accountSummary', key, value, SUMMARY_FLAGS.includes(key) ? '0, 1' : '0…');
    }
  }
  if (credentialReport.ok) {
    const rows = credentialReport.data.rows;
    // A report lists the root user first, except in GovCloud and China, where root has no row
    // and an account without IAM users gives a report without rows.
    if (rows.length === 0 && ev.account.partition === 'aws') impossible('credentialReport', 'rows', [], '<root_account>, …');
    rows.forEach((r, i) => {
      const isRoot = r.user === '<root_account>';
      const fields = isRoot ? NEVER_NOT_SUPPORTED : ([...NOT_SUPPORTED_ON_ROOT, ...NEVER_NOT_SUPPORTED] as const);
      for (const f of fields) if (r[f] === 'not_supported') impossible('credentialReport', `${at('rows', i)}.${f}`, r[f], f === 'passwordEnabled' ? 'true, false' : 'a date, N/A, no_information');
      r.accessKeys.forEach((k, n) => {
        if (k.lastRotated === 'not_supported') impossible('credentialReport', `${at('rows', i)}.accessKeys[${n}].lastRotated`, k.lastRotated, 'a date, N/A');
        if (k.lastUsed === 'not_supported') impossible('credentialReport', `${at('rows', i)}.accessKeys[${n}].lastUsed`, k.lastUsed, 'a date, N/A');
      });
      r.certificates.forEach((c, n) => {
        if (c.lastRotated === 'not_supported') impossible('credentialReport', `${at('rows', i)}.certificates[${n}].lastRotated`, c.lastRotated, 'a date, N/A');
      });
    });
  }
  return problems;
}
