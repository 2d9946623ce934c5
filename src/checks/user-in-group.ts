import { defineCheck } from '../engine/check.js';
import { names } from './lib/policies.js';
import { text } from './user-in-group.text.js';

export const userInGroup = defineCheck({
  id: 'user-in-group',
  severity: 'low',
  resourceType: 'AwsIamUser',
  text,
  evaluate(ev, ctx) {
    const auth = ctx.need(ev.parts.authorizationDetails);
    return auth.users.map((u) => {
      const user = ctx.resources.user(u.name, u.arn);
      if (u.groups.length === 0) return ctx.fail(user, 'noGroup');
      return ctx.pass(user, 'inGroup', { groups: names(u.groups) });
    });
  },
});
