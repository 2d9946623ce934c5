import { defineCheck } from '../engine/check.js';
import { list } from '../i18n/index.js';
import { adminAnalysis } from './lib/admin.js';
import { userRows } from './lib/report.js';
import { text } from './user-admin-mfa.text.js';

export const userAdminMfa = defineCheck({
  id: 'user-admin-mfa',
  severity: 'high',
  resourceType: 'AwsIamUser',
  text,
  evaluate(ev, ctx) {
    const report = ctx.need(ev.parts.credentialReport);
    const auth = ctx.need(ev.parts.authorizationDetails);
    const analysis = adminAnalysis(auth);
    const rows = new Map(userRows(report).map((r) => [r.user, r]));
    // Rights come from the authorization details, so its users are the ones judged. A user only in
    // the (up to 4 hours old) report was most likely deleted since the report was generated.
    return auth.users.map((u) => {
      const user = ctx.resources.user(u.name, u.arn);
      const verdict = analysis.user(u);
      if (!verdict.admin && verdict.unknownPolicies.length === 0) return ctx.notApplicable(user, 'notAdmin');
      const row = rows.get(u.name);
      // Created after the cached report was generated: its MFA state is unknown.
      if (!row) return ctx.error(user, 'notInReport');
      if (verdict.admin) {
        const via = list(verdict.via);
        if (row.mfaActive) return ctx.pass(user, 'adminWithMfa', { via });
        return ctx.fail(user, 'adminWithoutMfa', { via, console: row.passwordEnabled === false ? 'keys-only' : 'console' });
      }
      // A policy we could not read may grant *:*; with MFA the user passes either way.
      const policies = list(verdict.unknownPolicies);
      return row.mfaActive ? ctx.pass(user, 'mfaRightsUnknown', { policies }) : ctx.error(user, 'policyUnknown', { policies });
    });
  },
});
