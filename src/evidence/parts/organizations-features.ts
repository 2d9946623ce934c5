import { z } from 'zod';
import { obj } from './aws-shape.js';
import { definePart, stringList } from './define.js';

// ListOrganizationsFeatures answers with one of four errors that each mean a different
// situation; they are facts about the organisation, not collection failures.
const organizationsFeatures = z.discriminatedUnion('state', [
  z.strictObject({ state: z.literal('enabled'), organizationId: z.string(), enabledFeatures: stringList }),
  z.strictObject({ state: z.literal('notManagementOrDelegatedAdmin') }),
  z.strictObject({ state: z.literal('organizationNotFound') }),
  z.strictObject({ state: z.literal('notAllFeaturesMode') }),
  z.strictObject({ state: z.literal('trustedAccessNotEnabled') }),
]);
export type OrganizationsFeatures = z.output<typeof organizationsFeatures>;

export function fromOrganizationsFeatures(raw: unknown) {
  const r = obj(raw, 'ListOrganizationsFeatures');
  return { state: 'enabled' as const, organizationId: r.OrganizationId, enabledFeatures: r.EnabledFeatures ?? [] };
}

export const organizationsFeaturesPart = definePart({
  data: organizationsFeatures,
  actions: ['iam:ListOrganizationsFeatures'],
  exports: [{ file: 'iam-list-organizations-features', args: ['iam', 'list-organizations-features'], action: 'iam:ListOrganizationsFeatures', normalise: fromOrganizationsFeatures }],
  facts: {
    AccountNotManagementOrDelegatedAdministratorException: { state: 'notManagementOrDelegatedAdmin' },
    OrganizationNotFoundException: { state: 'organizationNotFound' },
    OrganizationNotInAllFeaturesModeException: { state: 'notAllFeaturesMode' },
    ServiceAccessNotEnabledException: { state: 'trustedAccessNotEnabled' },
  },
});
