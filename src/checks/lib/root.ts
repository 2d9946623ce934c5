import type { Evidence } from '../../evidence/schema.js';
import type { CheckContext, ResourceFactory } from '../../engine/types.js';
import { findRootRow, isDate, keyExists } from './report.js';

/** The fields every root check shares: root is its one resource, and only root can fix it. */
export const onRoot = {
  resourceType: 'AwsAccountRoot',
  rootOnly: true,
  resource: (r: ResourceFactory) => r.root(),
} as const;

export type RootCredentials =
  | { exists: false; proof: 'summaryAllZero' | 'noRootRowInReport' }
  | {
      exists: true;
      /** 'unknown' is treated as a password by every check (SPEC §1.2). */
      password: boolean | 'unknown';
      activeKeys: number;
      inactiveKeys: number;
      /** The summary counts keys that the (up to 4 hours old) report does not show yet. */
      unreportedKeys: boolean;
      /** false when neither the report's root row nor the summary's key count was read. */
      keysKnown: boolean;
      activeCertificates: number;
      inactiveCertificates: number;
      /** undefined when neither the summary nor the report says. */
      mfaActive: boolean | undefined;
    };

/**
 * Three-state root (SPEC §1.2): decides from credentials that actually exist, read from
 * GetAccountSummary and the credential report together. Absence must be proven: a summary with
 * AccountPasswordPresent = 0 and no keys and no certificates, or a GovCloud/China report that has
 * no root row. Throws EvidenceUnavailable (through `need`) when neither source was read.
 */
export function rootCredentials(ev: Evidence, ctx: CheckContext<string>): RootCredentials {
  const summary = ctx.get(ev.parts.accountSummary);
  const report = ctx.get(ev.parts.credentialReport);
  if (!summary && !report) ctx.need(ev.parts.accountSummary);
  const row = report ? findRootRow(report) : undefined;
  if (report && !row && ctx.account.partition !== 'aws') return { exists: false, proof: 'noRootRowInReport' };

  const flag = (key: string): boolean | undefined => (summary && key in summary ? summary[key] !== 0 : undefined);

  const passwordFromSummary = flag('AccountPasswordPresent');
  const reportPassword = row?.passwordEnabled;
  const password: boolean | 'unknown' =
    passwordFromSummary ?? (typeof reportPassword === 'boolean' ? reportPassword : 'unknown');

  const keys = row ? row.accessKeys.filter(keyExists) : [];
  const activeKeys = keys.filter((k) => k.active).length;
  const inactiveKeys = keys.length - activeKeys;
  const unreportedKeys = flag('AccountAccessKeysPresent') === true && keys.length === 0;

  const certs = row ? row.certificates.filter((c) => c.active || isDate(c.lastRotated)) : [];
  let activeCertificates = certs.filter((c) => c.active).length;
  const inactiveCertificates = certs.length - activeCertificates;
  if (flag('AccountSigningCertificatesPresent') && certs.length === 0) activeCertificates = 1;

  const keysKnownAbsent = keys.length === 0 && flag('AccountAccessKeysPresent') === false;
  const certsKnownAbsent = certs.length === 0 && flag('AccountSigningCertificatesPresent') === false;
  if (password === false && keysKnownAbsent && certsKnownAbsent) return { exists: false, proof: 'summaryAllZero' };

  return {
    exists: true,
    password,
    activeKeys,
    inactiveKeys,
    unreportedKeys,
    keysKnown: row !== undefined || flag('AccountAccessKeysPresent') !== undefined,
    activeCertificates,
    inactiveCertificates,
    mfaActive: flag('AccountMFAEnabled') ?? row?.mfaActive,
  };
}
