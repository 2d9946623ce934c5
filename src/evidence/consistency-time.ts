import { msg } from '../i18n/index.js';
import { at, type Problem } from './consistency-problem.js';
import type { Evidence, Part, ReportTime } from './schema.js';

/**
 * How far a date that records something already done may lie after `collectedAt`: the time a
 * live collection runs after its start (the credential report is generated, parts are read,
 * later) plus clock skew between this machine and AWS (SigV4 tolerates 15 minutes). Within it an
 * age is at most one day short, as it is for any scan; beyond it the collection time or the date
 * is wrong, and no age computed from them can be trusted (docs/decisions.md, "Evidence").
 */
export const COLLECTION_GRACE_MS = 60 * 60 * 1000;

// Checks judge ages as `collectedAt − date`. A date after the collection time is not "0 days
// old": either collectedAt is too early (every age is too young, an old key looks fresh) or the
// date is wrong. Moving collectedAt forward could turn "used recently" into "not used recently",
// so neither time is preferred: the part holding the date cannot be judged.
export function timesMakeSense(ev: Evidence): Problem[] {
  const limit = ev.collectedAt.getTime() + COLLECTION_GRACE_MS;
  const problems: Problem[] = [];
  const past = (part: string, field: string, t: ReportTime | Date | undefined): void => {
    if (t instanceof Date && t.getTime() > limit) {
      problems.push({ part, code: 'FutureDate', detail: msg('afterCollection', { field, value: t.toISOString(), collectedAt: ev.collectedAt.toISOString() }) });
    }
  };
  const observed = (name: string, part: Part<unknown>) => {
    if (part.ok) past(name, 'observedAt', part.observedAt);
  };

  for (const [name, part] of Object.entries(ev.parts)) observed(name, part);
  for (const [region, part] of Object.entries(ev.accessAnalyzers)) observed(`accessAnalyzers.${region}`, part);

  const { credentialReport, virtualMfaDevices, serverCertificates } = ev.parts;
  if (credentialReport.ok) {
    past('credentialReport', 'generatedTime', credentialReport.data.generatedTime);
    credentialReport.data.rows.forEach((r, i) => {
      const row = at('rows', i);
      // passwordNextRotation is the one date in a row that lies ahead by design.
      past('credentialReport', `${row}.userCreationTime`, r.userCreationTime);
      past('credentialReport', `${row}.passwordLastUsed`, r.passwordLastUsed);
      past('credentialReport', `${row}.passwordLastChanged`, r.passwordLastChanged);
      r.accessKeys.forEach((k, n) => {
        past('credentialReport', `${row}.accessKeys[${n}].lastRotated`, k.lastRotated);
        past('credentialReport', `${row}.accessKeys[${n}].lastUsed`, k.lastUsed);
      });
      r.certificates.forEach((c, n) => past('credentialReport', `${row}.certificates[${n}].lastRotated`, c.lastRotated));
    });
  }
  if (virtualMfaDevices.ok) virtualMfaDevices.data.forEach((d, i) => past('virtualMfaDevices', `${at('data', i)}.enableDate`, d.enableDate));
  // A certificate's expiration lies ahead by design; its upload does not.
  if (serverCertificates.ok) serverCertificates.data.forEach((c, i) => past('serverCertificates', `${at('data', i)}.uploadDate`, c.uploadDate));
  return problems;
}
