import { defineCheck } from '../engine/check.js';
import { list } from '../i18n/index.js';
import { activeKeys, noRecordedUse, userRows } from './lib/report.js';
import { hasConsolePassword } from './lib/user-credentials.js';
import { text } from './user-setup-access-key.text.js';

export const userSetupAccessKey = defineCheck({
  id: 'user-setup-access-key',
  severity: 'low',
  resourceType: 'AwsIamUser',
  text,
  evaluate(ev, ctx) {
    const report = ctx.need(ev.parts.credentialReport);
    return userRows(report).map((row) => {
      const user = ctx.resources.user(row.user, row.arn);
      if (!hasConsolePassword(row)) return ctx.notApplicable(user, 'noPassword');
      // CIS 1.11: a key handed out with the console password and never used since.
      const unused = activeKeys(row).filter(({ key }) => noRecordedUse(key.lastUsed));
      if (unused.length > 0) return ctx.fail(user, 'unusedSetupKey', { key: list(unused.map(({ slot }) => String(slot))), count: unused.length });
      return ctx.pass(user, 'noUnusedKey');
    });
  },
});
