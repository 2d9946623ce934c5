import { defineCheck } from '../engine/check.js';
import { term } from '../i18n/index.js';
import { names } from './lib/policies.js';
import { text } from './user-direct-policies.text.js';

export const userDirectPolicies = defineCheck({
  id: 'user-direct-policies',
  severity: 'low',
  resourceType: 'AwsIamUser',
  text,
  evaluate(ev, ctx) {
    const auth = ctx.need(ev.parts.authorizationDetails);
    return auth.users.map((u) => {
      const user = ctx.resources.user(u.name, u.arn);
      const policies = [...u.attachedPolicies.map((p) => p.name), ...u.inlinePolicies.map((p) => term('policy', { name: p.name, inline: 'yes' }))];
      if (policies.length === 0) return ctx.pass(user, 'noDirectPolicies');
      return ctx.fail(user, 'directPolicies', { count: policies.length, names: names(policies) });
    });
  },
});
