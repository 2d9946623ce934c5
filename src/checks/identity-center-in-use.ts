import { defineCheck } from '../engine/check.js';
import { userRows } from './lib/report.js';
import { text } from './identity-center-in-use.text.js';

export const identityCenterInUse = defineCheck({
  id: 'identity-center-in-use',
  severity: 'low',
  resourceType: 'AwsAccount',
  resource: (r) => r.account(),
  text,
  evaluate(ev, ctx) {
    const account = ctx.resources.account();
    const report = ctx.need(ev.parts.credentialReport);
    const consoleUsers = userRows(report).filter((row) => row.passwordEnabled === true).length;
    // Without people signing in as IAM users there is nothing to move, whatever ListInstances says.
    if (consoleUsers === 0) return [ctx.pass(account, 'noConsoleUsers')];
    const instances = ctx.need(ev.parts.identityCenterInstances);
    if (instances.length > 0) return [ctx.pass(account, 'inUse', { count: consoleUsers })];
    // A member account does not see the organisation's instance, but the roles Identity Center
    // provisions into it (AWSReservedSSO_*, path /aws-reserved/sso.amazonaws.com/) show it is used.
    const reserved = ctx.get(ev.parts.authorizationDetails)?.roles.filter((r) => r.arn.includes(':role/aws-reserved/sso.amazonaws.com/')) ?? [];
    if (reserved.length > 0) return [ctx.pass(account, 'inUseViaRoles', { count: consoleUsers, roles: reserved.length })];
    return [ctx.fail(account, 'notInUse', { count: consoleUsers })];
  },
});
