import { GetAlternateContactCommand } from '@aws-sdk/client-account';
import { alternateContactBillingPart, alternateContactOperationsPart, alternateContactSecurityPart, fromAlternateContact } from '../evidence/parts/alternate-contacts.js';
import type { PartName } from '../evidence/schema.js';
import { errorCode, failedOrFact, ok, type Collector, type PartJson } from './collector.js';

const TYPES = [
  ['SECURITY', 'alternateContactSecurity', alternateContactSecurityPart],
  ['BILLING', 'alternateContactBilling', alternateContactBillingPart],
  ['OPERATIONS', 'alternateContactOperations', alternateContactOperationsPart],
] as const satisfies readonly (readonly [string, PartName, unknown])[];

export type ContactType = (typeof TYPES)[number][0];
type ContactPart = (typeof TYPES)[number][2];

/**
 * Reads a contact the account's own credentials were refused (AccessDenied) from elsewhere: in an
 * organisation scan, from the management account with `AccountId` (src/org/member-contacts.ts).
 * Resolves to the part, read or failed, never throws; a failed part names both causes.
 */
export type ContactFallback = (type: ContactType, part: ContactPart, denied: unknown) => Promise<PartJson>;

const DENIED = new Set(['AccessDeniedException', 'AccessDenied']);

/** The alternate contacts, read in the account itself; `fallback` is asked for a contact the account may not read. */
export function alternateContactsReader(fallback?: ContactFallback): Collector {
  return {
    name: 'account alternate contacts',
    parts: TYPES.map(([, part]) => part),
    async collect(ctx) {
      const entries = await Promise.all(
        TYPES.map(async ([type, name, part]): Promise<[PartName, PartJson]> => {
          const action = part.actions[0];
          try {
            const out = await ctx.send(() => ctx.clients.account.send(new GetAlternateContactCommand({ AlternateContactType: type })));
            return [name, ok(action, fromAlternateContact(out))];
          } catch (error) {
            if (fallback && DENIED.has(errorCode(error))) return [name, await fallback(type, part, error)];
            // ResourceNotFoundException: no contact of this type is set (a fact, see the part module).
            return [name, failedOrFact(part, action, error)];
          }
        }),
      );
      return { parts: Object.fromEntries(entries) };
    },
  };
}

export const alternateContactsCollector: Collector = alternateContactsReader();
