import { defineCheck } from '../engine/check.js';
import { day } from '../i18n/index.js';
import { daysSince, findRootRow, isDate } from './lib/report.js';
import { onRoot, rootCredentials } from './lib/root.js';
import { text } from './root-password-rotation.text.js';

export const rootPasswordRotation = defineCheck({
  id: 'root-password-rotation',
  severity: 'low',
  ...onRoot,
  text,
  evaluate(ev, ctx) {
    const root = ctx.resources.root();
    const creds = rootCredentials(ev, ctx);
    if (!creds.exists) return [ctx.notApplicable(root, creds.proof)];
    if (creds.password === false) return [ctx.notApplicable(root, 'noPassword')];

    // IAM reports the root password_last_changed as not_supported (AWS docs, "Getting credential
    // reports"), so this is a MANUAL reminder unless the evidence ever carries a real date.
    const report = ctx.get(ev.parts.credentialReport);
    const row = report ? findRootRow(report) : undefined;
    const changed = row?.passwordLastChanged;
    if (changed !== undefined && isDate(changed)) {
      const threshold = ctx.config.thresholds.passwordMaxAgeDays;
      const params = { days: daysSince(changed, ctx.now), date: day(changed), threshold };
      return [params.days > threshold ? ctx.fail(root, 'oldPassword', params) : ctx.pass(root, 'recentlyChanged', params)];
    }
    // Say what the report really showed: not every reason is a not_supported cell.
    const said = !report ? 'unread' : !row ? 'noRootRow' : changed === 'not_supported' ? 'notSupported' : 'noDate';
    return [ctx.manual(root, 'manualCheck', { report: said })];
  },
});
