import { z } from 'zod';
import { answerField, compact, obj, optional } from './aws-shape.js';
import { definePart } from './define.js';

const alternateContact = z
  .strictObject({
    name: z.string(),
    title: z.string().optional(),
    emailAddress: z.string(),
    phoneNumber: z.string().optional(),
  })
  .nullable(); // null: ResourceNotFoundException, no contact of that type is set
export type AlternateContact = NonNullable<z.output<typeof alternateContact>>;

export function fromAlternateContact(raw: unknown) {
  const c = obj(obj(raw, 'GetAlternateContact').AlternateContact, 'AlternateContact');
  return compact({ name: c.Name, title: optional(c.Title), emailAddress: c.EmailAddress, phoneNumber: optional(c.PhoneNumber) });
}

export const CONTACT_TYPES = ['SECURITY', 'BILLING', 'OPERATIONS'] as const;

/** One part per contact type, each read by its own GetAlternateContact call. */
const contactPart = (type: (typeof CONTACT_TYPES)[number]) =>
  definePart({
    data: alternateContact,
    actions: ['account:GetAlternateContact'],
    exports: [
      {
        file: `account-get-alternate-contact-${type}`,
        args: ['account', 'get-alternate-contact', '--alternate-contact-type', type],
        action: 'account:GetAlternateContact',
        normalise: fromAlternateContact,
        identify: (raw) => [{ field: 'AlternateContact.AlternateContactType', found: answerField(raw, 'AlternateContact', 'AlternateContactType'), expected: type }],
      },
    ],
    facts: { ResourceNotFoundException: null },
  });

export const alternateContactSecurityPart = contactPart('SECURITY');
export const alternateContactBillingPart = contactPart('BILLING');
export const alternateContactOperationsPart = contactPart('OPERATIONS');
