import { GetAlternateContactCommand } from '@aws-sdk/client-account';
import { NO_ALTERNATE_CONTACT } from '../evidence/aws-errors.js';
import { fromAlternateContact } from '../evidence/normalise.js';
import type { PartName } from '../evidence/schema.js';
import { errorCode, failed, ok, type Collector, type PartJson } from './collector.js';

const ACTION = 'account:GetAlternateContact';
const TYPES = [
  ['SECURITY', 'alternateContactSecurity'],
  ['BILLING', 'alternateContactBilling'],
  ['OPERATIONS', 'alternateContactOperations'],
] as const satisfies readonly (readonly [string, PartName])[];

export const alternateContactsCollector: Collector = {
  name: 'account alternate contacts',
  parts: ['alternateContactSecurity', 'alternateContactBilling', 'alternateContactOperations'],
  actions: [ACTION],
  async collect(ctx) {
    const entries = await Promise.all(
      TYPES.map(async ([type, part]): Promise<[PartName, PartJson]> => {
        try {
          const out = await ctx.send(() => ctx.clients.account.send(new GetAlternateContactCommand({ AlternateContactType: type })));
          return [part, ok(ACTION, fromAlternateContact(out))];
        } catch (error) {
          // ResourceNotFoundException: no contact of this type is set.
          return [part, NO_ALTERNATE_CONTACT.has(errorCode(error)) ? ok(ACTION, null) : failed(ACTION, error)];
        }
      }),
    );
    return { parts: Object.fromEntries(entries) };
  },
};
