import { defineCheck } from '../engine/check.js';
import { day } from '../i18n/index.js';
import { daysSince, findRootRow } from './lib/report.js';
import { onRoot, rootCredentials } from './lib/root.js';
import { lastRootUse } from './lib/root-usage.js';
import { text } from './root-recent-use.text.js';

export const rootRecentUse = defineCheck({
  id: 'root-recent-use',
  severity: 'high',
  ...onRoot,
  text,
  evaluate(ev, ctx) {
    const root = ctx.resources.root();
    const creds = rootCredentials(ev, ctx);
    if (!creds.exists) return [ctx.notApplicable(root, creds.proof)];
    const row = findRootRow(ctx.need(ev.parts.credentialReport));
    // The commercial partition always has a root row; without it the report cannot date root use.
    if (!row) return [ctx.error(root, 'noRootRow')];

    const threshold = ctx.config.thresholds.rootRecentUseDays;
    const last = lastRootUse(row);
    if (!last) return [ctx.pass(root, 'neverUsed')];
    const params = { days: daysSince(last.at, ctx.now), date: day(last.at), credential: last.credential, threshold };
    return [params.days <= threshold ? ctx.fail(root, 'usedRecently', params) : ctx.pass(root, 'notUsedRecently', params)];
  },
});
