import { defineCheck } from '../engine/check.js';
import type { AlternateContact } from '../evidence/schema.js';
import { list, term } from '../i18n/index.js';
import { text } from './account-billing-operations-contacts.text.js';

/** Groups of contact types that share one e-mail address (trimmed, case-insensitive). */
function sharedAddresses(contacts: Record<string, AlternateContact | null | undefined>): string[][] {
  const typesByAddress = new Map<string, string[]>();
  for (const [type, contact] of Object.entries(contacts)) {
    if (!contact) continue;
    const address = contact.emailAddress.trim().toLowerCase();
    typesByAddress.set(address, [...(typesByAddress.get(address) ?? []), type]);
  }
  return [...typesByAddress.values()].filter((types) => types.length > 1);
}

const contactTypes = (types: string[]) => list(types.map((type) => term('contact', { type })));

export const accountBillingOperationsContacts = defineCheck({
  id: 'account-billing-operations-contacts',
  severity: 'low',
  resourceType: 'AwsAccountContact',
  resource: (r) => r.contact('BILLING+OPERATIONS'),
  text,
  evaluate(ev, ctx) {
    const resource = ctx.resources.contact('BILLING+OPERATIONS');
    const contacts = { BILLING: ctx.need(ev.parts.alternateContactBilling), OPERATIONS: ctx.need(ev.parts.alternateContactOperations) };
    const missing = Object.entries(contacts).flatMap(([type, contact]) => (contact ? [] : [type]));
    if (missing.length > 0) return [ctx.fail(resource, 'missing', { types: contactTypes(missing) })];
    // The security contact only sharpens the duplicate test; account-security-contact judges it.
    // Three contacts can share at most one address between them: one group is all there is to name.
    const [shared] = sharedAddresses({ ...contacts, SECURITY: ctx.get(ev.parts.alternateContactSecurity) });
    if (shared) return [ctx.fail(resource, 'duplicate', { types: contactTypes(shared) })];
    return [ctx.pass(resource, 'distinct')];
  },
});
