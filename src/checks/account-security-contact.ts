import { defineCheck } from '../engine/check.js';
import { text } from './account-security-contact.text.js';

export const accountSecurityContact = defineCheck({
  id: 'account-security-contact',
  severity: 'medium',
  resourceType: 'AwsAccountContact',
  resource: (r) => r.contact('SECURITY'),
  text,
  evaluate(ev, ctx) {
    const resource = ctx.resources.contact('SECURITY');
    // null: GetAlternateContact answered ResourceNotFoundException, no security contact is set.
    const contact = ctx.need(ev.parts.alternateContactSecurity);
    // The name only: findings travel to reports and tickets, the e-mail address need not.
    return [contact ? ctx.pass(resource, 'present', { name: contact.name }) : ctx.fail(resource, 'missing')];
  },
});
