import { parseEvidence } from '../../src/evidence/parse.js';
import type { CredentialRowJson, Evidence, EvidenceJson, Partition, PartName } from '../../src/evidence/schema.js';

// Test evidence as small deltas over a realistic, hardened account (STYLE.md §8): the base passes
// every check, so a fail case names exactly the one thing that is wrong.

export const ACCOUNT_ID = '123456789012';
export const COLLECTED_AT = '2026-11-20T10:00:00.000Z';
const NOW = Date.parse(COLLECTED_AT);

/** An ISO timestamp `n` days before the base evidence was collected. */
export function daysAgo(n: number): string {
  return new Date(NOW - n * 86_400_000).toISOString();
}

export type PartJson =
  | { error: { code: string; message: string; action?: string } }
  | { source: 'api' | 'credential-report' | 'config'; action?: string; observedAt: string; data: unknown };
type State = 'N/A' | 'no_information' | 'not_supported';

/** A part that failed to collect, as a collector records it. */
export function failed(code = 'AccessDenied', action = 'iam:Get'): PartJson {
  return { error: { code, message: `User is not authorized to perform: ${action}`, action } };
}

export function ok(data: unknown, source: 'api' | 'credential-report' | 'config' = 'api', action?: string): PartJson {
  return { source, observedAt: COLLECTED_AT, ...(action ? { action } : {}), data };
}

export interface KeySpec {
  active?: boolean;
  lastRotated?: string | State;
  lastUsed?: string | State;
}
export interface CertSpec {
  active?: boolean;
  lastRotated?: string | State;
}

export interface RowSpec {
  created?: string | State;
  password?: boolean | 'not_supported';
  passwordLastUsed?: string | State;
  passwordLastChanged?: string | State;
  mfa?: boolean;
  key1?: KeySpec;
  key2?: KeySpec;
  cert1?: CertSpec;
  cert2?: CertSpec;
}

export interface UserSpec extends RowSpec {
  name: string;
  path?: string;
  groups?: string[];
  /** Managed policy ARNs attached to the user directly. */
  attached?: string[];
  inline?: { name: string; document: PolicyJson }[];
  /** false: in the authorization details but not (yet) in the credential report. */
  inReport?: boolean;
  /** false: in the report but not in the authorization details. */
  inAuthorization?: boolean;
}

export type PolicyJson = { statements: { effect: 'Allow' | 'Deny'; actions?: string[]; notActions?: string[]; resources?: string[]; notResources?: string[]; hasCondition?: boolean }[] };

const noKey = (): Required<KeySpec> => ({ active: false, lastRotated: 'N/A', lastUsed: 'N/A' });
const noCert = (): Required<CertSpec> => ({ active: false, lastRotated: 'N/A' });

function key(spec: KeySpec | undefined) {
  const k = { ...noKey(), ...spec };
  const isUsed = k.lastUsed !== 'N/A';
  return { active: k.active, lastRotated: k.lastRotated, lastUsed: k.lastUsed, lastUsedRegion: isUsed ? 'eu-west-1' : 'N/A', lastUsedService: isUsed ? 'sts' : 'N/A' };
}

export function row(user: string, arn: string, spec: RowSpec): CredentialRowJson {
  return {
    user,
    arn,
    userCreationTime: spec.created ?? daysAgo(400),
    passwordEnabled: spec.password ?? false,
    passwordLastUsed: spec.passwordLastUsed ?? 'N/A',
    passwordLastChanged: spec.passwordLastChanged ?? 'N/A',
    passwordNextRotation: 'N/A',
    mfaActive: spec.mfa ?? false,
    accessKeys: [key(spec.key1), key(spec.key2)],
    certificates: [{ ...noCert(), ...spec.cert1 }, { ...noCert(), ...spec.cert2 }],
  };
}

export const allowAll = (): PolicyJson => ({ statements: [{ effect: 'Allow', actions: ['*'], resources: ['*'] }] });
export const readOnly = (): PolicyJson => ({ statements: [{ effect: 'Allow', actions: ['iam:Get*', 'iam:List*', 's3:GetObject'], resources: ['*'] }] });

export function awsPolicy(name: string, partition: Partition = 'aws'): string {
  return `arn:${partition}:iam::aws:policy/${name}`;
}

export interface EvidenceOverrides {
  partition?: Partition;
  /** Merged into the base GetAccountSummary map; undefined removes a key. */
  summary?: Record<string, number | undefined>;
  /** Merged into the base root row; null removes the root row (GovCloud/China reports). */
  root?: RowSpec | null;
  /** Replaces the base users. */
  users?: UserSpec[];
  passwordPolicy?: Record<string, unknown> | null;
  virtualMfaDevices?: { serialNumber: string; userArn?: string }[];
  groups?: { name: string; attached?: string[]; inline?: { name: string; document: PolicyJson }[] }[];
  roles?: { name: string; attached?: string[]; inline?: { name: string; document: PolicyJson }[] }[];
  /** Customer-managed and attached AWS-managed policies, beside the base ones. */
  policies?: { name: string; arn?: string; document: PolicyJson; attachmentCount?: number }[];
  accessAnalyzers?: Record<string, PartJson>;
  /** Raw part replacements, e.g. `{ accountSummary: failed('AccessDenied') }`; undefined deletes. */
  parts?: Partial<Record<PartName, PartJson | undefined>>;
}

export const BASE_USERS: UserSpec[] = [
  {
    name: 'alice',
    password: true,
    mfa: true,
    passwordLastUsed: daysAgo(1),
    passwordLastChanged: daysAgo(60),
    groups: ['developers'],
  },
  {
    name: 'deploy-bot',
    key1: { active: true, lastRotated: daysAgo(20), lastUsed: daysAgo(0) },
    groups: ['ci'],
  },
];

const BASE_POLICIES = [
  { name: 'DeveloperAccess', document: readOnly(), attachmentCount: 1 },
  { name: 'CiDeploy', document: { statements: [{ effect: 'Allow' as const, actions: ['s3:PutObject', 'cloudformation:*'], resources: ['*'] }] }, attachmentCount: 1 },
];

export function evidenceJson(o: EvidenceOverrides = {}): EvidenceJson {
  const partition = o.partition ?? 'aws';
  const arnBase = `arn:${partition}:iam::${ACCOUNT_ID}`;
  const users = o.users ?? BASE_USERS;
  const policyArn = (p: { name: string; arn?: string }) => p.arn ?? `${arnBase}:policy/${p.name}`;
  const customerArn = (name: string) => `${arnBase}:policy/${name}`;

  const rootSpec: RowSpec = { password: 'not_supported', passwordLastUsed: daysAgo(200), mfa: true, created: daysAgo(3000), ...o.root };
  const rows: CredentialRowJson[] = [];
  if (o.root !== null) rows.push(row('<root_account>', `${arnBase}:root`, rootSpec));
  for (const u of users) if (u.inReport !== false) rows.push(row(u.name, `${arnBase}:user${u.path ?? '/'}${u.name}`, u));

  const groups = o.groups ?? [
    { name: 'developers', attached: [customerArn('DeveloperAccess')] },
    { name: 'ci', attached: [customerArn('CiDeploy')] },
  ];
  const roles = o.roles ?? [
    { name: 'AWSSupportRole', attached: [awsPolicy('AWSSupportAccess', partition)] },
    { name: 'OrganizationAccountAccessRole', attached: [] },
  ];
  // GetAccountAuthorizationDetails lists the attached AWS-managed policies with their documents.
  const supportAccess = { name: 'AWSSupportAccess', arn: awsPolicy('AWSSupportAccess', partition), document: { statements: [{ effect: 'Allow' as const, actions: ['support:*'], resources: ['*'] }] }, attachmentCount: 1 };
  const policies = [...BASE_POLICIES, ...(o.roles ? [] : [supportAccess]), ...(o.policies ?? [])];
  const attachment = (arns: string[] | undefined) => (arns ?? []).map((arn) => ({ name: arn.split('/').pop() as string, arn }));
  const inline = (list: { name: string; document: PolicyJson }[] | undefined) =>
    (list ?? []).map((p) => ({ name: p.name, document: normalisePolicy(p.document) }));

  const parts: Partial<Record<PartName, PartJson>> = {
    credentialReport: { source: 'credential-report', action: 'iam:GetCredentialReport', observedAt: daysAgo(0.05), data: { generatedTime: daysAgo(0.05), rows } },
    accountSummary: ok(
      withoutUndefined({
        AccountMFAEnabled: 1,
        AccountPasswordPresent: 1,
        AccountAccessKeysPresent: 0,
        AccountSigningCertificatesPresent: 0,
        Users: users.length,
        Groups: groups.length,
        Roles: roles.length,
        Policies: policies.length,
        MFADevices: 1,
        MFADevicesInUse: 1,
        ...o.summary,
      }),
      'api',
      'iam:GetAccountSummary',
    ),
    passwordPolicy: ok(
      o.passwordPolicy === null
        ? null
        : {
            minimumPasswordLength: 16,
            requireSymbols: true,
            requireNumbers: true,
            requireUppercaseCharacters: true,
            requireLowercaseCharacters: true,
            allowUsersToChangePassword: true,
            expirePasswords: true,
            maxPasswordAge: 90,
            passwordReusePrevention: 24,
            hardExpiry: false,
            ...o.passwordPolicy,
          },
    ),
    virtualMfaDevices: ok(o.virtualMfaDevices ?? [{ serialNumber: `${arnBase}:mfa/alice-phone`, userArn: `${arnBase}:user/alice` }]),
    authorizationDetails: ok({
      users: users
        .filter((u) => u.inAuthorization !== false)
        .map((u) => ({
          name: u.name,
          arn: `${arnBase}:user${u.path ?? '/'}${u.name}`,
          groups: u.groups ?? [],
          attachedPolicies: attachment(u.attached),
          inlinePolicies: inline(u.inline),
        })),
      groups: groups.map((g) => ({ name: g.name, arn: `${arnBase}:group/${g.name}`, attachedPolicies: attachment(g.attached), inlinePolicies: inline(g.inline) })),
      roles: roles.map((r) => ({ name: r.name, arn: `${arnBase}:role/${r.name}`, attachedPolicies: attachment(r.attached), inlinePolicies: inline(r.inline) })),
      policies: policies.map((p) => ({
        name: p.name,
        arn: policyArn(p),
        attachmentCount: p.attachmentCount ?? 1,
        defaultVersionId: 'v1',
        defaultDocument: normalisePolicy(p.document),
      })),
    }),
    serverCertificates: ok([{ name: 'www-example-com', arn: `${arnBase}:server-certificate/www-example-com`, expiration: '2027-06-01T00:00:00Z', uploadDate: daysAgo(100) }]),
    alternateContactSecurity: ok({ name: 'Security Team', title: 'CISO office', emailAddress: 'security@example.com', phoneNumber: '+31201234567' }),
    alternateContactBilling: ok({ name: 'Finance', title: 'Accounts payable', emailAddress: 'billing@example.com', phoneNumber: '+31201234568' }),
    alternateContactOperations: ok({ name: 'Platform Team', title: 'Operations', emailAddress: 'ops@example.com', phoneNumber: '+31201234569' }),
    organization: ok({ id: 'o-a1b2c3d4e5', arn: `arn:${partition}:organizations::${ACCOUNT_ID}:organization/o-a1b2c3d4e5`, masterAccountId: ACCOUNT_ID, masterAccountEmail: 'aws-root@example.com', featureSet: 'ALL' }),
    accountEmail: ok({ email: 'aws-root@example.com', via: 'organizations:DescribeAccount' }),
    organizationsFeatures: ok({ state: 'enabled', organizationId: 'o-a1b2c3d4e5', enabledFeatures: ['RootCredentialsManagement', 'RootSessions'] }),
    regions: ok(['eu-west-1', 'us-east-1']),
    identityCenterInstances: ok([{ instanceArn: 'arn:aws:sso:::instance/ssoins-1234567890abcdef', identityStoreId: 'd-1234567890', ownerAccountId: ACCOUNT_ID }]),
  };
  for (const [name, value] of Object.entries(o.parts ?? {})) {
    if (value === undefined) delete parts[name as PartName];
    else parts[name as PartName] = value;
  }
  // The account manages its organisation, so DescribeOrganization names the same root address as
  // accountEmail (evidence where they differ is refused): an address given alone is given to both.
  const address = (o.parts?.accountEmail as { data?: { email?: string } | null } | undefined)?.data?.email;
  const org = parts.organization as { data?: object | null } | undefined;
  if (address !== undefined && !(o.parts && 'organization' in o.parts) && org?.data) parts.organization = { ...org, data: { ...org.data, masterAccountEmail: address } } as typeof parts.organization;

  const analyzer = (region: string) =>
    ok([{ name: 'ExternalAccess', arn: `arn:${partition}:access-analyzer:${region}:${ACCOUNT_ID}:analyzer/ExternalAccess`, type: 'ACCOUNT', status: 'ACTIVE' }]);
  return {
    schema: 'aws-lockdown/evidence@1',
    account: { id: ACCOUNT_ID, partition, callerArn: `${arnBase}:user/auditor` },
    collectedAt: COLLECTED_AT,
    collector: 'test',
    parts: parts as EvidenceJson['parts'],
    accessAnalyzers: (o.accessAnalyzers ?? { 'eu-west-1': analyzer('eu-west-1'), 'us-east-1': analyzer('us-east-1') }) as EvidenceJson['accessAnalyzers'],
  };
}

function withoutUndefined(map: Record<string, number | undefined>): Record<string, number> {
  return Object.fromEntries(Object.entries(map).filter((e): e is [string, number] => e[1] !== undefined));
}

function normalisePolicy(doc: PolicyJson) {
  return { statements: doc.statements.map((s) => ({ ...s, hasCondition: s.hasCondition ?? false })) };
}

/** The parsed (domain) evidence, through the same validation a file goes through. */
export function evidence(o: EvidenceOverrides = {}): Evidence {
  return parseEvidence(evidenceJson(o), 'test evidence');
}

/** A user with sensible defaults: console user with MFA in the developers group. */
export function user(name: string, spec: Omit<UserSpec, 'name'> = {}): UserSpec {
  return { name, groups: ['developers'], ...spec };
}
