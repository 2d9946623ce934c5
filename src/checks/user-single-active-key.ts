import { defineCheck } from '../engine/check.js';
import { activeKeys, userRows } from './lib/report.js';
import { text } from './user-single-active-key.text.js';

export const userSingleActiveKey = defineCheck({
  id: 'user-single-active-key',
  severity: 'medium',
  resourceType: 'AwsIamUser',
  text,
  evaluate(ev, ctx) {
    const report = ctx.need(ev.parts.credentialReport);
    return userRows(report).map((row) => {
      const user = ctx.resources.user(row.user, row.arn);
      const active = activeKeys(row).length;
      if (active === 0) return ctx.notApplicable(user, 'noActiveKeys');
      return active === 1 ? ctx.pass(user, 'oneActiveKey') : ctx.fail(user, 'twoActiveKeys');
    });
  },
});
