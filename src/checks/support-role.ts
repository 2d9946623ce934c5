import { defineCheck } from '../engine/check.js';
import { awsManagedArn, names, principals } from './lib/policies.js';
import { text } from './support-role.text.js';

export const supportRole = defineCheck({
  id: 'support-role',
  severity: 'low',
  resourceType: 'AwsAccount',
  resource: (r) => r.account(),
  text,
  evaluate(ev, ctx) {
    const account = ctx.resources.account();
    const auth = ctx.need(ev.parts.authorizationDetails);
    // Exact ARN of this partition: a customer policy that happens to be called AWSSupportAccess does not count.
    const support = awsManagedArn(ctx.account.partition, 'AWSSupportAccess');
    const holders = principals(auth).filter((p) => p.attachedPolicies.some((a) => a.arn === support));
    const roles = holders.filter((p) => p.kind === 'role');
    if (roles.length > 0) return [ctx.pass(account, 'supportRole', { roles: names(roles.map((r) => r.name)), count: roles.length })];
    // CIS asks for a role, so that support access is assumed, logged and shareable, not tied to one person.
    if (holders.length > 0) return [ctx.fail(account, 'notOnRole', { holders: names(holders.map((h) => h.label)) })];
    return [ctx.fail(account, 'noSupportRole')];
  },
});
