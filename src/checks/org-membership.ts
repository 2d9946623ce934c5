import { defineCheck } from '../engine/check.js';
import { text } from './org-membership.text.js';

export const orgMembership = defineCheck({
  id: 'org-membership',
  severity: 'low',
  resourceType: 'AwsAccount',
  resource: (r) => r.account(),
  text,
  evaluate(ev, ctx) {
    const account = ctx.resources.account();
    const org = ctx.need(ev.parts.organization);
    if (org === null) return [ctx.fail(account, 'standalone')];
    const params = { organizationId: org.id, managementAccountId: org.masterAccountId };
    if (org.masterAccountId === ctx.account.id) return [ctx.pass(account, 'managementAccount', params)];
    return [ctx.pass(account, 'member', params)];
  },
});
