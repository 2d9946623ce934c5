import { defineCheck } from '../engine/check.js';
import { list } from '../i18n/index.js';
import { userRows } from './lib/report.js';
import { credentialUse } from './lib/user-credentials.js';
import { text } from './user-unused-credentials.text.js';

export const userUnusedCredentials = defineCheck({
  id: 'user-unused-credentials',
  severity: 'medium',
  resourceType: 'AwsIamUser',
  text,
  evaluate(ev, ctx) {
    const report = ctx.need(ev.parts.credentialReport);
    const max = ctx.config.thresholds.unusedCredentialsDays;
    return userRows(report).map((row) => {
      const user = ctx.resources.user(row.user, row.arn);
      const uses = credentialUse(row, ctx.now);
      if (uses.length === 0) return ctx.notApplicable(user, 'noCredentials');
      const unused = uses.filter((u) => u.idleDays !== null && u.idleDays >= max);
      if (unused.length > 0) {
        const days = Math.max(...unused.map((u) => u.idleDays ?? 0));
        return ctx.fail(user, 'unused', { credentials: list(unused.map((u) => u.label)), details: list(unused.map((u) => u.detail)), days, max });
      }
      const unknown = uses.filter((u) => u.idleDays === null);
      if (unknown.length > 0) return ctx.error(user, 'usageUnknown', { credentials: list(unknown.map((u) => u.label)) });
      return ctx.pass(user, 'used', { days: Math.max(...uses.map((u) => u.idleDays ?? 0)), max, details: list(uses.map((u) => u.detail)) });
    });
  },
});
