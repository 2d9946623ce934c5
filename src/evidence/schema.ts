import { z } from 'zod';
import { messageRef, msg } from '../i18n/index.js';

// The evidence document (SPEC §4). The JSON form is what files hold; parsing it gives the domain
// form that checks read: dates become Date, report states stay explicit strings, every part is
// tagged `ok` so a check can never mistake an error for data.

export const EVIDENCE_SCHEMA = 'aws-lockdown/evidence@1';

export const PARTITIONS = ['aws', 'aws-us-gov', 'aws-cn'] as const;
export type Partition = (typeof PARTITIONS)[number];

const isoDate = z.iso.datetime({ offset: true }).transform((s) => new Date(s));

// Credential report cells that are not dates (AWS docs, "Getting credential reports").
export const REPORT_STATES = ['N/A', 'no_information', 'not_supported'] as const;
export type ReportState = (typeof REPORT_STATES)[number];
const reportTime = z.union([z.enum(REPORT_STATES), isoDate]);
export type ReportTime = Date | ReportState;

const accessKeyState = z.strictObject({
  active: z.boolean(),
  lastRotated: reportTime,
  lastUsed: reportTime,
  lastUsedRegion: z.string(),
  lastUsedService: z.string(),
});

const certificateState = z.strictObject({
  active: z.boolean(),
  lastRotated: reportTime,
});

export const credentialRow = z.strictObject({
  user: z.string().min(1),
  arn: z.string().min(1),
  userCreationTime: reportTime,
  passwordEnabled: z.union([z.boolean(), z.literal('not_supported')]),
  passwordLastUsed: reportTime,
  passwordLastChanged: reportTime,
  passwordNextRotation: reportTime,
  mfaActive: z.boolean(),
  accessKeys: z.tuple([accessKeyState, accessKeyState]),
  certificates: z.tuple([certificateState, certificateState]),
});
export type CredentialRow = z.output<typeof credentialRow>;
export type CredentialRowJson = z.input<typeof credentialRow>;

const credentialReport = z.strictObject({
  generatedTime: isoDate,
  rows: z.array(credentialRow),
});

// Keys of GetAccountSummary's SummaryMap; only integers, unknown keys kept as AWS adds them.
const accountSummary = z.record(z.string(), z.number().int());

const passwordPolicy = z.strictObject({
  minimumPasswordLength: z.number().int().optional(),
  requireSymbols: z.boolean(),
  requireNumbers: z.boolean(),
  requireUppercaseCharacters: z.boolean(),
  requireLowercaseCharacters: z.boolean(),
  allowUsersToChangePassword: z.boolean(),
  expirePasswords: z.boolean(),
  maxPasswordAge: z.number().int().optional(),
  passwordReusePrevention: z.number().int().optional(),
  hardExpiry: z.boolean().optional(),
});
export type PasswordPolicy = z.output<typeof passwordPolicy>;

const virtualMfaDevice = z.strictObject({
  serialNumber: z.string(),
  userArn: z.string().optional(),
  enableDate: isoDate.optional(),
});
export type VirtualMfaDevice = z.output<typeof virtualMfaDevice>;

const stringList = z.array(z.string());
const statement = z.strictObject({
  sid: z.string().optional(),
  effect: z.enum(['Allow', 'Deny']),
  actions: stringList.optional(),
  notActions: stringList.optional(),
  resources: stringList.optional(),
  notResources: stringList.optional(),
  hasCondition: z.boolean(),
});
export const policyDocument = z.strictObject({ statements: z.array(statement) });
export type PolicyDocument = z.output<typeof policyDocument>;
export type PolicyStatement = z.output<typeof statement>;

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

const serverCertificate = z.strictObject({
  name: z.string(),
  arn: z.string(),
  expiration: isoDate,
  uploadDate: isoDate.optional(),
});
export type ServerCertificate = z.output<typeof serverCertificate>;

const alternateContact = z
  .strictObject({
    name: z.string(),
    title: z.string().optional(),
    emailAddress: z.string(),
    phoneNumber: z.string().optional(),
  })
  .nullable(); // null: ResourceNotFoundException, no contact of that type is set
export type AlternateContact = NonNullable<z.output<typeof alternateContact>>;

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

const accountEmail = z
  .strictObject({ email: z.string(), via: z.string() })
  .nullable(); // null: no API that was allowed tells the root e-mail

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

const analyzer = z.strictObject({
  name: z.string(),
  arn: z.string(),
  type: z.string(),
  status: z.string(),
});
export type Analyzer = z.output<typeof analyzer>;

const identityCenterInstance = z.strictObject({
  instanceArn: z.string(),
  identityStoreId: z.string(),
  ownerAccountId: z.string().optional(),
});

export const SOURCES = ['credential-report', 'api', 'config'] as const;
export type EvidenceSource = (typeof SOURCES)[number];

const partError = z.strictObject({
  code: z.string().min(1),
  message: z.string(),
  action: z.string().optional(),
});
export type PartError = z.output<typeof partError>;

function part<T extends z.ZodType>(data: T) {
  const ok = z
    .strictObject({ source: z.enum(SOURCES), action: z.string().optional(), observedAt: isoDate, data })
    .transform((p) => ({ ok: true as const, ...p }));
  const failed = z.strictObject({ error: partError }).transform((p) => ({ ok: false as const, ...p }));
  return z.union([failed, ok]);
}

export type Part<T> =
  | { ok: true; source: EvidenceSource; action?: string | undefined; observedAt: Date; data: T }
  | { ok: false; error: PartError };

// Every part a collector can produce. A part absent from a document is filled in as a
// `NotCollected` error by the loader, so that its checks report ERROR rather than PASS.
export const partSchemas = {
  credentialReport: part(credentialReport),
  accountSummary: part(accountSummary),
  passwordPolicy: part(passwordPolicy.nullable()), // null: NoSuchEntity, the AWS default applies
  virtualMfaDevices: part(z.array(virtualMfaDevice)),
  authorizationDetails: part(authorizationDetails),
  serverCertificates: part(z.array(serverCertificate)),
  alternateContactSecurity: part(alternateContact),
  alternateContactBilling: part(alternateContact),
  alternateContactOperations: part(alternateContact),
  organization: part(organization),
  accountEmail: part(accountEmail),
  organizationsFeatures: part(organizationsFeatures),
  regions: part(stringList),
  identityCenterInstances: part(z.array(identityCenterInstance)),
};
export type PartName = keyof typeof partSchemas;
export const PART_NAMES = Object.keys(partSchemas) as PartName[];

// The IAM action behind each part, quoted in ERROR findings and in NotCollected errors.
export const PART_ACTIONS: Record<PartName, string> = {
  credentialReport: 'iam:GetCredentialReport',
  accountSummary: 'iam:GetAccountSummary',
  passwordPolicy: 'iam:GetAccountPasswordPolicy',
  virtualMfaDevices: 'iam:ListVirtualMFADevices',
  authorizationDetails: 'iam:GetAccountAuthorizationDetails',
  serverCertificates: 'iam:ListServerCertificates',
  alternateContactSecurity: 'account:GetAlternateContact',
  alternateContactBilling: 'account:GetAlternateContact',
  alternateContactOperations: 'account:GetAlternateContact',
  organization: 'organizations:DescribeOrganization',
  accountEmail: 'organizations:DescribeAccount',
  organizationsFeatures: 'iam:ListOrganizationsFeatures',
  regions: 'ec2:DescribeRegions',
  identityCenterInstances: 'sso:ListInstances',
};

export const analyzerPart = part(z.array(analyzer));

const partsShape = Object.fromEntries(PART_NAMES.map((n) => [n, partSchemas[n].optional()])) as {
  [K in PartName]: z.ZodOptional<(typeof partSchemas)[K]>;
};

export const evidenceDocument = z.strictObject({
  schema: z.literal(EVIDENCE_SCHEMA),
  account: z.strictObject({
    id: z.string().regex(/^\d{12}$/, { error: () => messageRef(msg('accountId12')) }),
    partition: z.enum(PARTITIONS),
    callerArn: z.string().optional(),
  }),
  collectedAt: isoDate,
  collector: z.enum(['aws-sdk', 'aws-cli-export', 'console-csv', 'evidence-file', 'demo', 'test']),
  parts: z.strictObject(partsShape),
  // Access Analyzer is regional: one part per enabled region.
  accessAnalyzers: z.record(z.string(), analyzerPart).optional(),
});
export type EvidenceJson = z.input<typeof evidenceDocument>;
type ParsedDocument = z.output<typeof evidenceDocument>;

export type Parts = { [K in PartName]: Part<Extract<z.output<(typeof partSchemas)[K]>, { ok: true }>['data']> };

export interface Evidence extends Omit<ParsedDocument, 'parts' | 'accessAnalyzers'> {
  parts: Parts;
  accessAnalyzers: Record<string, Part<Analyzer[]>>;
}

export type AccountSummary = z.output<typeof accountSummary>;
export type CredentialReport = z.output<typeof credentialReport>;
