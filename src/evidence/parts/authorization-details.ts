import { z } from 'zod';
import { ShapeError } from '../../errors.js';
import { msg } from '../../i18n/index.js';
import { normalisePolicyDocument, policyDocument } from '../policy-document.js';
import { arr, obj } from './aws-shape.js';
import { definePart, stringList } from './define.js';

export { policyDocument, type PolicyDocument, type PolicyDocumentJson, type PolicyStatement } from '../policy-document.js';

const attachedPolicy = z.strictObject({ name: z.string(), arn: z.string() });
const inlinePolicy = z.strictObject({ name: z.string(), document: policyDocument });

const iamUser = z.strictObject({
  name: z.string(),
  arn: z.string(),
  groups: stringList,
  attachedPolicies: z.array(attachedPolicy),
  inlinePolicies: z.array(inlinePolicy),
});
const iamGroup = z.strictObject({
  name: z.string(),
  arn: z.string(),
  attachedPolicies: z.array(attachedPolicy),
  inlinePolicies: z.array(inlinePolicy),
});
const iamRole = iamGroup;
const managedPolicy = z.strictObject({
  name: z.string(),
  arn: z.string(),
  attachmentCount: z.number().int().nonnegative(),
  defaultVersionId: z.string(),
  // Only the default version decides what a policy grants (IAM evaluates nothing else).
  defaultDocument: policyDocument,
});
const authorizationDetails = z.strictObject({
  users: z.array(iamUser),
  groups: z.array(iamGroup),
  roles: z.array(iamRole),
  policies: z.array(managedPolicy),
});
export type AuthorizationDetails = z.output<typeof authorizationDetails>;
export type IamUser = z.output<typeof iamUser>;
export type IamGroup = z.output<typeof iamGroup>;
export type ManagedPolicy = z.output<typeof managedPolicy>;

const attached = (v: unknown, field: string) => arr(v, field).map((p) => ({ name: p.PolicyName, arn: p.PolicyArn }));
const inline = (v: unknown, field: string) =>
  arr(v, field).map((p, i) => ({ name: p.PolicyName, document: normalisePolicyDocument(p.PolicyDocument, `${field}[${i}].PolicyDocument`) }));

export function fromAuthorizationDetails(raw: unknown) {
  const r = obj(raw, 'GetAccountAuthorizationDetails');
  return {
    users: arr(r.UserDetailList, 'UserDetailList').map((u, i) => ({
      name: u.UserName,
      arn: u.Arn,
      groups: (u.GroupList as unknown[] | undefined) ?? [],
      attachedPolicies: attached(u.AttachedManagedPolicies, `UserDetailList[${i}].AttachedManagedPolicies`),
      inlinePolicies: inline(u.UserPolicyList, `UserDetailList[${i}].UserPolicyList`),
    })),
    groups: arr(r.GroupDetailList, 'GroupDetailList').map((g, i) => ({
      name: g.GroupName,
      arn: g.Arn,
      attachedPolicies: attached(g.AttachedManagedPolicies, `GroupDetailList[${i}].AttachedManagedPolicies`),
      inlinePolicies: inline(g.GroupPolicyList, `GroupDetailList[${i}].GroupPolicyList`),
    })),
    roles: arr(r.RoleDetailList, 'RoleDetailList').map((g, i) => ({
      name: g.RoleName,
      arn: g.Arn,
      attachedPolicies: attached(g.AttachedManagedPolicies, `RoleDetailList[${i}].AttachedManagedPolicies`),
      inlinePolicies: inline(g.RolePolicyList, `RoleDetailList[${i}].RolePolicyList`),
    })),
    policies: arr(r.Policies, 'Policies').map((p, i) => {
      const versions = arr(p.PolicyVersionList, `Policies[${i}].PolicyVersionList`);
      const version = versions.find((v) => v.IsDefaultVersion === true) ?? versions.find((v) => v.VersionId === p.DefaultVersionId);
      if (!version) throw new ShapeError(msg('noDefaultVersion', { field: `Policies[${i}]`, name: String(p.PolicyName) }));
      return {
        name: p.PolicyName,
        arn: p.Arn,
        attachmentCount: p.AttachmentCount ?? 0,
        defaultVersionId: p.DefaultVersionId ?? version.VersionId,
        defaultDocument: normalisePolicyDocument(version.Document, `Policies[${i}].PolicyVersionList[${versions.indexOf(version)}].Document`),
      };
    }),
  };
}

export const authorizationDetailsPart = definePart({
  data: authorizationDetails,
  actions: ['iam:GetAccountAuthorizationDetails'],
  exports: [
    { file: 'iam-get-account-authorization-details', args: ['iam', 'get-account-authorization-details'], action: 'iam:GetAccountAuthorizationDetails', normalise: fromAuthorizationDetails },
  ],
});
