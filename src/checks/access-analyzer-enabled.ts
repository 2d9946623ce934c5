import { defineCheck } from '../engine/check.js';
import { list } from '../i18n/index.js';
import { text } from './access-analyzer-enabled.text.js';

// Only these analyzer types report external access (CIS 1.20 / 5.0 1.19); unused-access and
// internal-access analyzers answer other questions.
const EXTERNAL_ACCESS = new Set(['ACCOUNT', 'ORGANIZATION']);

export const accessAnalyzerEnabled = defineCheck({
  id: 'access-analyzer-enabled',
  severity: 'low',
  resourceType: 'AwsAccessAnalyzerRegion',
  text,
  evaluate(ev, ctx) {
    const regions = ctx.need(ev.parts.regions);
    return regions.map((region) => {
      const resource = ctx.resources.analyzerRegion(region);
      const part = ev.accessAnalyzers[region];
      if (!part) return ctx.error(resource, 'regionNotCollected');
      // Checked before need(), which would throw: one unreadable region must not hide the others' verdicts.
      if (!part.ok) {
        return ctx.error(resource, 'regionUnreadable', { code: part.error.code, action: part.error.action ?? 'access-analyzer:ListAnalyzers' });
      }
      const analyzers = ctx.need(part); // cannot throw now; records the part as evidence used

      const external = analyzers.filter((a) => EXTERNAL_ACCESS.has(a.type));
      const active = external.find((a) => a.status === 'ACTIVE');
      if (active) return ctx.pass(resource, 'active', { name: active.name });
      const inactive = external[0];
      if (inactive) return ctx.fail(resource, 'notActive', { name: inactive.name, status: inactive.status });
      const others = analyzers.filter((a) => a.status === 'ACTIVE');
      if (others.length > 0) return ctx.fail(resource, 'onlyUnusedAccess', { types: list([...new Set(others.map((a) => a.type))]) });
      return ctx.fail(resource, 'none');
    });
  },
});
