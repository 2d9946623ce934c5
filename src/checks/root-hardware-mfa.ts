import { defineCheck } from '../engine/check.js';
import { onRoot, rootCredentials } from './lib/root.js';
import { text } from './root-hardware-mfa.text.js';

export const rootHardwareMfa = defineCheck({
  id: 'root-hardware-mfa',
  severity: 'high',
  ...onRoot,
  text,
  evaluate(ev, ctx) {
    const root = ctx.resources.root();
    const creds = rootCredentials(ev, ctx);
    if (!creds.exists) return [ctx.notApplicable(root, creds.proof)];
    // No MFA at all fails whatever the device list says, so it is not needed for this verdict.
    if (creds.mfaActive === false) return [ctx.fail(root, 'noMfa')];

    const devices = ctx.need(ev.parts.virtualMfaDevices);
    // The root user's own ARN, exactly: a device named "root-…" or an IAM user called "root"
    // (arn:…:user/root) is somebody else's.
    const rootArn = `arn:${ctx.account.partition}:iam::${ctx.account.id}:root`;
    const virtual = devices.find((d) => d.userArn === rootArn);
    if (virtual) return [ctx.fail(root, 'virtualMfa', { serialNumber: virtual.serialNumber })];
    if (creds.mfaActive === undefined) return [ctx.error(root, 'mfaUnknown')];
    // IAM lists virtual devices only; a passkey looks exactly like a FIDO security key through the API.
    return [ctx.pass(root, 'hardwareMfa')];
  },
});
