import { defineCheck } from '../engine/check.js';
import { onRoot, rootCredentials } from './lib/root.js';
import { text } from './root-mfa.text.js';

export const rootMfa = defineCheck({
  id: 'root-mfa',
  severity: 'critical',
  ...onRoot,
  text,
  evaluate(ev, ctx) {
    const root = ctx.resources.root();
    const creds = rootCredentials(ev, ctx);
    if (!creds.exists) return [ctx.notApplicable(root, creds.proof)];
    if (creds.mfaActive === true) return [ctx.pass(root, 'mfa')];
    // The summary lacks AccountMFAEnabled and the report has no root row: nothing says either way.
    if (creds.mfaActive === undefined) return [ctx.error(root, 'mfaUnknown')];
    // An unknown password counts as a password (SPEC §1.2): the console sign-in is the usual way in.
    if (creds.password !== false) return [ctx.fail(root, 'noMfa')];
    return [
      ctx.fail(root, 'noMfaKeysOnly', {
        // A key the summary counts but the cached report does not list yet is still a key.
        keys: Math.max(creds.activeKeys + creds.inactiveKeys, creds.unreportedKeys ? 1 : 0),
        certificates: creds.activeCertificates + creds.inactiveCertificates,
      }),
    ];
  },
});
