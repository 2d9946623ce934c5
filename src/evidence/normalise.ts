import { ShapeError } from '../errors.js';
import { parseCredentialReportCsv } from './credential-report-csv.js';
import { normalisePolicyDocument } from './policy-document.js';
import { toIso } from './timestamps.js';
import { msg } from '../i18n/index.js';

// AWS API response shapes (as the AWS CLI prints them and the SDK v3 returns them: PascalCase,
// timestamps as strings or Dates) → the evidence's part data. Collectors and importers both use
// these, so a live scan and an offline one build the same document. Wrong types surface when the
// part is validated against the evidence schema, with the file or call named.

type Obj = Record<string, unknown>;
const obj = (v: unknown, field: string): Obj => {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new ShapeError(msg('expectedObject', { field }));
  return v as Obj;
};
const arr = (v: unknown, field: string): Obj[] => {
  if (v === undefined) return [];
  if (!Array.isArray(v)) throw new ShapeError(msg('expectedList', { field }));
  return v.map((x, i) => obj(x, `${field}[${i}]`));
};
const optional = <T>(v: T | undefined | null) => (v === undefined || v === null ? undefined : v);
// Absent fields are left out rather than set to undefined: a saved evidence file (JSON drops
// undefined) must read back deep-equal to the evidence that was saved.
const compact = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

export function fromCallerIdentity(raw: unknown) {
  const r = obj(raw, 'GetCallerIdentity');
  const arn = String(r.Arn ?? '');
  const match = /^arn:(aws|aws-us-gov|aws-cn):[a-z]+::(\d{12}):/.exec(arn);
  if (!match) throw new ShapeError(msg('expectedCallerArn', { value: JSON.stringify(r.Arn) }));
  return { id: String(r.Account ?? match[2]), partition: match[1] as string, callerArn: arn };
}

/** Content is base64 text from the CLI, bytes (already decoded) from the SDK. */
export function fromCredentialReport(raw: unknown, label: string) {
  const r = obj(raw, 'GetCredentialReport');
  const content = r.Content;
  let csv: string;
  if (content instanceof Uint8Array) csv = Buffer.from(content).toString('utf8');
  else if (typeof content === 'string') csv = Buffer.from(content, 'base64').toString('utf8');
  else throw new ShapeError(msg('expectedReport'));
  const rows = parseCredentialReportCsv(csv, label);
  return { generatedTime: toIso(r.GeneratedTime, 'GeneratedTime'), rows };
}

export function fromAccountSummary(raw: unknown) {
  return obj(obj(raw, 'GetAccountSummary').SummaryMap, 'SummaryMap');
}

export function fromPasswordPolicy(raw: unknown) {
  const p = obj(obj(raw, 'GetAccountPasswordPolicy').PasswordPolicy, 'PasswordPolicy');
  return compact({
    minimumPasswordLength: optional(p.MinimumPasswordLength),
    requireSymbols: p.RequireSymbols ?? false,
    requireNumbers: p.RequireNumbers ?? false,
    requireUppercaseCharacters: p.RequireUppercaseCharacters ?? false,
    requireLowercaseCharacters: p.RequireLowercaseCharacters ?? false,
    allowUsersToChangePassword: p.AllowUsersToChangePassword ?? false,
    expirePasswords: p.ExpirePasswords ?? false,
    maxPasswordAge: optional(p.MaxPasswordAge),
    passwordReusePrevention: optional(p.PasswordReusePrevention),
    hardExpiry: optional(p.HardExpiry),
  });
}

export function fromVirtualMfaDevices(raw: unknown) {
  return arr(obj(raw, 'ListVirtualMFADevices').VirtualMFADevices, 'VirtualMFADevices').map((d, i) => {
    const user = d.User === undefined ? undefined : obj(d.User, `VirtualMFADevices[${i}].User`);
    return compact({
      serialNumber: d.SerialNumber,
      userArn: optional(user?.Arn),
      enableDate: d.EnableDate === undefined ? undefined : toIso(d.EnableDate, `VirtualMFADevices[${i}].EnableDate`),
    });
  });
}

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

export function fromServerCertificates(raw: unknown) {
  return arr(obj(raw, 'ListServerCertificates').ServerCertificateMetadataList, 'ServerCertificateMetadataList').map((c, i) => compact({
    name: c.ServerCertificateName,
    arn: c.Arn,
    expiration: toIso(c.Expiration, `ServerCertificateMetadataList[${i}].Expiration`),
    uploadDate: c.UploadDate === undefined ? undefined : toIso(c.UploadDate, `ServerCertificateMetadataList[${i}].UploadDate`),
  }));
}

export function fromAlternateContact(raw: unknown) {
  const c = obj(obj(raw, 'GetAlternateContact').AlternateContact, 'AlternateContact');
  return compact({ name: c.Name, title: optional(c.Title), emailAddress: c.EmailAddress, phoneNumber: optional(c.PhoneNumber) });
}

export function fromOrganization(raw: unknown) {
  const o = obj(obj(raw, 'DescribeOrganization').Organization, 'Organization');
  return compact({ id: o.Id, arn: o.Arn, masterAccountId: o.MasterAccountId, masterAccountEmail: optional(o.MasterAccountEmail), featureSet: o.FeatureSet });
}

export function fromDescribeAccount(raw: unknown) {
  const a = obj(obj(raw, 'DescribeAccount').Account, 'Account');
  return { email: a.Email, via: 'organizations:DescribeAccount' };
}

export function fromPrimaryEmail(raw: unknown) {
  return { email: obj(raw, 'GetPrimaryEmail').PrimaryEmail, via: 'account:GetPrimaryEmail' };
}

export function fromOrganizationsFeatures(raw: unknown) {
  const r = obj(raw, 'ListOrganizationsFeatures');
  return { state: 'enabled' as const, organizationId: r.OrganizationId, enabledFeatures: r.EnabledFeatures ?? [] };
}

/** DescribeRegions without --all-regions lists the regions enabled for the account. */
export function fromRegions(raw: unknown) {
  return arr(obj(raw, 'DescribeRegions').Regions, 'Regions')
    .filter((r) => r.OptInStatus === undefined || r.OptInStatus !== 'not-opted-in')
    .map((r) => r.RegionName)
    .sort();
}

export function fromAnalyzers(raw: unknown) {
  return arr(obj(raw, 'ListAnalyzers').analyzers, 'analyzers').map((a) => ({ name: a.name, arn: a.arn, type: a.type, status: a.status }));
}

export function fromIdentityCenterInstances(raw: unknown) {
  return arr(obj(raw, 'ListInstances').Instances, 'Instances').map((i) => compact({
    instanceArn: i.InstanceArn,
    identityStoreId: i.IdentityStoreId,
    ownerAccountId: optional(i.OwnerAccountId),
  }));
}
