import { z } from 'zod';
import { compact, obj, optional } from './aws-shape.js';
import { definePart } from './define.js';

const organization = z
  .strictObject({
    id: z.string(),
    arn: z.string(),
    masterAccountId: z.string(),
    masterAccountEmail: z.string().optional(),
    featureSet: z.enum(['ALL', 'CONSOLIDATED_BILLING']),
  })
  .nullable(); // null: AWSOrganizationsNotInUseException, the account is in no organization
export type Organization = NonNullable<z.output<typeof organization>>;

export function fromOrganization(raw: unknown) {
  const o = obj(obj(raw, 'DescribeOrganization').Organization, 'Organization');
  return compact({ id: o.Id, arn: o.Arn, masterAccountId: o.MasterAccountId, masterAccountEmail: optional(o.MasterAccountEmail), featureSet: o.FeatureSet });
}

export const NOT_IN_ORGANIZATION = 'AWSOrganizationsNotInUseException';

export const organizationPart = definePart({
  data: organization,
  actions: ['organizations:DescribeOrganization'],
  exports: [{ file: 'organizations-describe-organization', args: ['organizations', 'describe-organization'], action: 'organizations:DescribeOrganization', normalise: fromOrganization }],
  facts: { [NOT_IN_ORGANIZATION]: null },
});
