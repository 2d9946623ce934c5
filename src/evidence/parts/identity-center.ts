import { z } from 'zod';
import { arr, compact, obj, optional } from './aws-shape.js';
import { definePart } from './define.js';

const identityCenterInstance = z.strictObject({
  instanceArn: z.string(),
  identityStoreId: z.string(),
  ownerAccountId: z.string().optional(),
});

export function fromIdentityCenterInstances(raw: unknown) {
  return arr(obj(raw, 'ListInstances').Instances, 'Instances').map((i) => compact({
    instanceArn: i.InstanceArn,
    identityStoreId: i.IdentityStoreId,
    ownerAccountId: optional(i.OwnerAccountId),
  }));
}

/**
 * Identity Center answers ListInstances only in its home region: every candidate region is asked
 * and the instances merged. Any unreadable region makes the part an error: it could hide the instance.
 */
export const identityCenterInstancesPart = definePart({
  data: z.array(identityCenterInstance),
  actions: ['sso:ListInstances'],
  exports: [{ file: 'sso-admin-list-instances-{region}', args: ['sso-admin', 'list-instances'], action: 'sso:ListInstances', normalise: fromIdentityCenterInstances }],
  regional: 'merged',
});
