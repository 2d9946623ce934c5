import { defineCheck } from '../engine/check.js';
import { findRootRow } from './lib/report.js';
import { onRoot, rootCredentials } from './lib/root.js';
import { text } from './root-signing-certificates.text.js';

export const rootSigningCertificates = defineCheck({
  id: 'root-signing-certificates',
  severity: 'medium',
  ...onRoot,
  text,
  evaluate(ev, ctx) {
    const root = ctx.resources.root();
    const creds = rootCredentials(ev, ctx);
    if (!creds.exists) return [ctx.notApplicable(root, creds.proof)];

    // rootCredentials counts no certificates when neither source mentions them; that is not proof.
    const summary = ctx.get(ev.parts.accountSummary);
    const report = ctx.get(ev.parts.credentialReport);
    const row = report ? findRootRow(report) : undefined;
    if (!row && !(summary && 'AccountSigningCertificatesPresent' in summary)) {
      ctx.need(ev.parts.credentialReport);
      return [ctx.error(root, 'certificatesUnknown')];
    }

    const reportedActive = row ? row.certificates.filter((c) => c.active).length : 0;
    if (creds.activeCertificates > reportedActive) return [ctx.fail(root, 'certificatesInSummary')];
    if (creds.activeCertificates > 0) return [ctx.fail(root, 'activeCertificates', { count: creds.activeCertificates })];
    // An inactive certificate can be reactivated by anyone holding root: delete it.
    if (creds.inactiveCertificates > 0) return [ctx.pass(root, 'inactiveCertificates', { count: creds.inactiveCertificates })];
    return [ctx.pass(root, 'noCertificates')];
  },
});
