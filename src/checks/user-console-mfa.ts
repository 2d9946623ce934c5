import { defineCheck } from '../engine/check.js';
import { userRows } from './lib/report.js';
import { text } from './user-console-mfa.text.js';

export const userConsoleMfa = defineCheck({
  id: 'user-console-mfa',
  severity: 'medium',
  resourceType: 'AwsIamUser',
  text,
  evaluate(ev, ctx) {
    const report = ctx.need(ev.parts.credentialReport);
    return userRows(report).map((row) => {
      const user = ctx.resources.user(row.user, row.arn);
      if (row.passwordEnabled !== true) return ctx.notApplicable(user, 'noPassword');
      return row.mfaActive ? ctx.pass(user, 'mfa') : ctx.fail(user, 'noMfa');
    });
  },
});
