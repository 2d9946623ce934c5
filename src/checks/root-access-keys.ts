import { defineCheck } from '../engine/check.js';
import { onRoot, rootCredentials } from './lib/root.js';
import { text } from './root-access-keys.text.js';

export const rootAccessKeys = defineCheck({
  id: 'root-access-keys',
  severity: 'critical',
  ...onRoot,
  text,
  evaluate(ev, ctx) {
    const root = ctx.resources.root();
    const creds = rootCredentials(ev, ctx);
    if (!creds.exists) return [ctx.notApplicable(root, creds.proof)];
    // Both counts: an inactive key beside an active one must be deleted too.
    if (creds.activeKeys > 0) return [ctx.fail(root, 'activeKeys', { count: creds.activeKeys, inactive: creds.inactiveKeys })];
    // An inactive key can be switched back on by anyone holding root: delete, not deactivate.
    if (creds.inactiveKeys > 0) return [ctx.fail(root, 'inactiveKeys', { count: creds.inactiveKeys })];
    if (creds.unreportedKeys) return [ctx.fail(root, 'keysInSummary')];
    if (!creds.keysKnown) {
      ctx.need(ev.parts.credentialReport);
      return [ctx.error(root, 'keysUnknown')];
    }
    return [ctx.pass(root, 'noKeys')];
  },
});
