import { GetAlternateContactCommand } from '@aws-sdk/client-account';
import { alternateContactBillingPart, alternateContactOperationsPart, alternateContactSecurityPart, fromAlternateContact } from '../evidence/parts/alternate-contacts.js';
import type { PartName } from '../evidence/schema.js';
import { failedOrFact, ok, type Collector, type PartJson } from './collector.js';

const TYPES = [
  ['SECURITY', 'alternateContactSecurity', alternateContactSecurityPart],
  ['BILLING', 'alternateContactBilling', alternateContactBillingPart],
  ['OPERATIONS', 'alternateContactOperations', alternateContactOperationsPart],
] as const satisfies readonly (readonly [string, PartName, unknown])[];

export const alternateContactsCollector: Collector = {
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
          // ResourceNotFoundException: no contact of this type is set (a fact, see the part module).
          return [name, failedOrFact(part, action, error)];
        }
      }),
    );
    return { parts: Object.fromEntries(entries) };
  },
};
