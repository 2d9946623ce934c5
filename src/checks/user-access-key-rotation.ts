import { defineCheck } from '../engine/check.js';
import { list } from '../i18n/index.js';
import { activeKeys, daysSince, isDate, userRows } from './lib/report.js';
import { text } from './user-access-key-rotation.text.js';

export const userAccessKeyRotation = defineCheck({
  id: 'user-access-key-rotation',
  severity: 'medium',
  resourceType: 'AwsIamUser',
  text,
  evaluate(ev, ctx) {
    const report = ctx.need(ev.parts.credentialReport);
    const max = ctx.config.thresholds.accessKeyMaxAgeDays;
    return userRows(report).map((row) => {
      const user = ctx.resources.user(row.user, row.arn);
      const keys = activeKeys(row);
      if (keys.length === 0) return ctx.notApplicable(user, 'noActiveKeys');
      const ages = keys.map(({ slot, key }) => ({ key: String(slot), days: isDate(key.lastRotated) ? daysSince(key.lastRotated, ctx.now) : null }));
      const dated = ages.flatMap((a) => (a.days === null ? [] : [{ key: a.key, days: a.days }])).sort((a, b) => b.days - a.days);
      const tooOld = dated.filter((a) => a.days > max);
      const oldest = dated[0];
      // One key too old decides the verdict even when the other key's age is unknown.
      if (tooOld.length > 0 && oldest) return ctx.fail(user, 'keyTooOld', { key: oldest.key, days: oldest.days, max, count: tooOld.length });
      const unknown = ages.filter((a) => a.days === null);
      if (unknown.length > 0) return ctx.error(user, 'rotationUnknown', { key: list(unknown.map((a) => a.key)), count: unknown.length });
      return ctx.pass(user, 'keysFresh', { days: oldest?.days ?? 0, max });
    });
  },
});
