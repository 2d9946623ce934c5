// Ready-made accounts for the fake AWS endpoint. Everything is derived from one description per
// account (users with their password/MFA/keys, groups, roles, policies, root), so that the
// credential report, GetAccountSummary, virtual MFA devices and attachment counts agree.
// All dates are relative to NOW; builders are otherwise deterministic.
import { createHash } from 'node:crypto';
import { credentialReportCsv, rootRow, userRow, type CertSpec, type KeySpec } from './credential-report.js';
import type {
  AttachedPolicy, Contact, InlinePolicy, PolicyDocument, RootCredentials, Scenario, ScenarioGroup, ScenarioPolicy, ScenarioRole, ScenarioUser,
} from './scenario.js';
import { DEFAULT_REGIONS } from './services/others.js';

export { DEFAULT_REGIONS, OPT_IN_REGIONS } from './services/others.js';

// A live scan judges ages at the real clock, so the fake account ages with it: every date here is
// relative to the minute the tests start, and a hardened account stays hardened next year.
export const NOW = new Date(Math.floor(Date.now() / 60_000) * 60_000);
const DAY = 86_400_000;
export const daysAgo = (days: number): Date => new Date(NOW.getTime() - days * DAY);
export const daysFromNow = (days: number): Date => new Date(NOW.getTime() + days * DAY);

const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
/** A stable IAM unique id (AIDA… users, AGPA… groups, AROA… roles, ANPA… policies). */
export function iamId(prefix: string, seed: string): string {
  const h = createHash('sha256').update(seed).digest();
  let id = prefix;
  for (let i = 0; i < 17; i++) id += ID_ALPHABET[(h[i] ?? 0) % 32];
  return id;
}

// ---------- policy documents ----------

export const ALLOW_ALL: PolicyDocument = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] };
export const doc = (...statements: Record<string, unknown>[]): PolicyDocument => ({ Version: '2012-10-17', Statement: statements });
export const trustAccount = (partition: string, accountId: string): PolicyDocument =>
  doc({ Effect: 'Allow', Principal: { AWS: `arn:${partition}:iam::${accountId}:root` }, Action: 'sts:AssumeRole' });
export const trustService = (service: string): PolicyDocument => doc({ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' });
const trustSso = (partition: string, accountId: string): PolicyDocument => doc({
  Effect: 'Allow',
  Principal: { Federated: `arn:${partition}:iam::${accountId}:saml-provider/AWSSSO_0a1b2c3d4e5f6a7b_DO_NOT_DELETE` },
  Action: ['sts:AssumeRoleWithSAML', 'sts:TagSession'],
  Condition: { StringEquals: { 'SAML:aud': 'https://signin.aws.amazon.com/saml' } },
});

/** AWS-managed policies the scenarios attach (documents abridged to what checks look at). */
const AWS_MANAGED: Record<string, { path: string; document: PolicyDocument }> = {
  AdministratorAccess: { path: '/', document: ALLOW_ALL },
  PowerUserAccess: { path: '/', document: doc({ Effect: 'Allow', NotAction: ['iam:*', 'organizations:*', 'account:*'], Resource: '*' }, { Effect: 'Allow', Action: ['iam:CreateServiceLinkedRole', 'iam:DeleteServiceLinkedRole', 'iam:ListRoles', 'organizations:DescribeOrganization', 'account:ListRegions'], Resource: '*' }) },
  ReadOnlyAccess: { path: '/', document: doc({ Effect: 'Allow', Action: ['ec2:Describe*', 'iam:Get*', 'iam:List*', 's3:Get*', 's3:List*'], Resource: '*' }) },
  SecurityAudit: { path: '/', document: doc({ Effect: 'Allow', Action: ['access-analyzer:List*', 'account:GetAlternateContact', 'iam:GenerateCredentialReport', 'iam:Get*', 'iam:List*', 'organizations:Describe*', 'organizations:List*', 'sso:ListInstances'], Resource: '*' }) },
  IAMUserChangePassword: { path: '/', document: doc({ Effect: 'Allow', Action: ['iam:ChangePassword'], Resource: ['arn:aws:iam::*:user/${aws:username}'] }, { Effect: 'Allow', Action: ['iam:GetAccountPasswordPolicy'], Resource: '*' }) },
  IAMFullAccess: { path: '/', document: doc({ Effect: 'Allow', Action: ['iam:*', 'organizations:DescribeAccount', 'organizations:DescribeOrganization', 'organizations:ListAccounts'], Resource: '*' }) },
  AWSSupportAccess: { path: '/', document: doc({ Effect: 'Allow', Action: ['support:*'], Resource: '*' }) },
  AWSSupportServiceRolePolicy: { path: '/aws-service-role/', document: doc({ Effect: 'Allow', Action: ['iam:Get*', 'iam:List*', 'ec2:Describe*'], Resource: '*' }) },
  AccessAnalyzerServiceRolePolicy: { path: '/aws-service-role/', document: doc({ Effect: 'Allow', Action: ['iam:GetRole', 'iam:ListRoles', 's3:GetBucketPolicy', 'organizations:ListAccounts'], Resource: '*' }) },
};

// ---------- the account description ----------

export interface PersonSpec {
  name: string;
  path?: string;
  created: Date;
  groups?: string[];
  /** AWS-managed policy names or customer policy names. */
  managed?: string[];
  inline?: InlinePolicy[];
  /** Absent: no console password. `lastUsed` absent: never signed in. */
  password?: { lastChanged: Date; lastUsed?: Date };
  mfa?: 'virtual' | 'hardware';
  keys?: KeySpec[];
}

export interface RootSpec {
  created: Date;
  /** false: the root password was removed (centralised root access). */
  passwordPresent: boolean;
  passwordLastUsed: Date | 'no_information' | 'N/A';
  mfa?: 'virtual' | 'hardware';
  keys?: KeySpec[];
  /** X.509 signing certificates of the root user (rare, but what centralized root access removes too). */
  certs?: CertSpec[];
}

export interface AccountSpec {
  accountId: string;
  partition?: Scenario['partition'];
  callerArn: string;
  callerUserId: string;
  root: RootSpec;
  people: PersonSpec[];
  groups: { name: string; path?: string; managed?: string[]; inline?: InlinePolicy[]; created?: Date }[];
  roles: { name: string; path?: string; trust: PolicyDocument; managed?: string[]; inline?: InlinePolicy[]; created?: Date; maxSessionDuration?: number }[];
  customerPolicies: { name: string; path?: string; versions: PolicyDocument[]; created?: Date }[];
  unassignedMfaDevices?: number;
  pollsInProgress?: number;
  rest: Omit<Scenario, 'accountId' | 'partition' | 'callerArn' | 'callerUserId' | 'credentialReport' | 'accountSummary' | 'virtualMfaDevices' | 'users' | 'groups' | 'roles' | 'policies'>;
}

function iamArn(partition: string, accountId: string, kind: string, path: string, name: string): string {
  return `arn:${partition}:iam::${accountId}:${kind}${path}${name}`;
}

/** The root user's credentials a root session reads, derived from the same description as the report. */
function rootCredentialsOf(accountId: string, partition: string, root: RootSpec): RootCredentials {
  return {
    loginProfile: root.passwordPresent ? { CreateDate: root.created } : null,
    accessKeys: (root.keys ?? []).map((k, i) => ({
      AccessKeyId: iamId('AKIA', `${accountId}/root/key/${i}`).slice(0, 20),
      Status: k.active ? 'Active' as const : 'Inactive' as const,
      CreateDate: k.lastRotated,
      ...(k.lastUsed ? { lastUsed: { LastUsedDate: k.lastUsed.date, ServiceName: k.lastUsed.service, Region: k.lastUsed.region } } : {}),
    })),
    mfaDevices: root.mfa === 'virtual'
      ? [{ SerialNumber: `arn:${partition}:iam::${accountId}:mfa/root-account-mfa-device`, EnableDate: new Date(root.created.getTime() + DAY) }]
      : root.mfa === 'hardware' ? [{ SerialNumber: `GAHT${accountId.slice(-8)}`, EnableDate: new Date(root.created.getTime() + DAY) }] : [],
    signingCertificates: (root.certs ?? []).map((c, i) => ({
      CertificateId: createHash('sha256').update(`${accountId}/root/cert/${i}`).digest('hex').slice(0, 32).toUpperCase(),
      CertificateBody: '-----BEGIN CERTIFICATE-----\nMIIBfake\n-----END CERTIFICATE-----\n',
      Status: c.active ? 'Active' as const : 'Inactive' as const,
      UploadDate: c.lastRotated,
    })),
  };
}

/** One account's Scenario from its description (users, groups, roles, policies, root): everything agrees. */
export function assemble(spec: AccountSpec): Scenario {
  const partition = spec.partition ?? 'aws';
  const { accountId } = spec;
  const customerArn = (name: string) => {
    const p = spec.customerPolicies.find((c) => c.name === name);
    return p ? iamArn(partition, accountId, 'policy', p.path ?? '/', name) : undefined;
  };
  const attachments = new Map<string, number>();
  const attach = (names: string[] | undefined): AttachedPolicy[] => (names ?? []).map((name) => {
    const arn = customerArn(name) ?? (AWS_MANAGED[name] ? `arn:${partition}:iam::aws:policy${AWS_MANAGED[name].path}${name}` : undefined);
    if (!arn) throw new Error(`scenario: unknown policy ${name}`);
    attachments.set(arn, (attachments.get(arn) ?? 0) + 1);
    return { PolicyName: name, PolicyArn: arn };
  });

  const users: ScenarioUser[] = spec.people.map((p) => ({
    UserName: p.name,
    UserId: iamId('AIDA', `${accountId}/user/${p.name}`),
    Arn: iamArn(partition, accountId, 'user', p.path ?? '/', p.name),
    Path: p.path ?? '/',
    CreateDate: p.created,
    GroupList: p.groups ?? [],
    AttachedManagedPolicies: attach(p.managed),
    UserPolicyList: p.inline ?? [],
  }));
  const groups: ScenarioGroup[] = spec.groups.map((g) => ({
    GroupName: g.name,
    GroupId: iamId('AGPA', `${accountId}/group/${g.name}`),
    Arn: iamArn(partition, accountId, 'group', g.path ?? '/', g.name),
    Path: g.path ?? '/',
    CreateDate: g.created ?? daysAgo(800),
    AttachedManagedPolicies: attach(g.managed),
    GroupPolicyList: g.inline ?? [],
  }));
  const roles: ScenarioRole[] = spec.roles.map((r) => ({
    RoleName: r.name,
    RoleId: iamId('AROA', `${accountId}/role/${r.name}`),
    Arn: iamArn(partition, accountId, 'role', r.path ?? '/', r.name),
    Path: r.path ?? '/',
    CreateDate: r.created ?? daysAgo(700),
    AssumeRolePolicyDocument: r.trust,
    AttachedManagedPolicies: attach(r.managed),
    RolePolicyList: r.inline ?? [],
    ...(r.maxSessionDuration ? { MaxSessionDuration: r.maxSessionDuration } : {}),
  }));
  for (const u of users) {
    for (const g of u.GroupList) if (!groups.some((x) => x.GroupName === g)) throw new Error(`scenario: user ${u.UserName} in unknown group ${g}`);
  }

  const customer: ScenarioPolicy[] = spec.customerPolicies.map((c) => {
    const arn = iamArn(partition, accountId, 'policy', c.path ?? '/', c.name);
    const created = c.created ?? daysAgo(600);
    return {
      PolicyName: c.name,
      PolicyId: iamId('ANPA', arn),
      Arn: arn,
      Path: c.path ?? '/',
      DefaultVersionId: `v${c.versions.length}`,
      AttachmentCount: attachments.get(arn) ?? 0,
      IsAttachable: true,
      CreateDate: created,
      UpdateDate: new Date(created.getTime() + (c.versions.length - 1) * 30 * DAY),
      PolicyVersionList: c.versions.map((d, i) => ({
        Document: d, VersionId: `v${i + 1}`, IsDefaultVersion: i === c.versions.length - 1, CreateDate: new Date(created.getTime() + i * 30 * DAY),
      })),
    };
  });
  const awsManaged: ScenarioPolicy[] = Object.entries(AWS_MANAGED)
    .map(([name, p]) => ({ name, p, arn: `arn:${partition}:iam::aws:policy${p.path}${name}` }))
    .filter(({ arn }) => attachments.has(arn))
    .map(({ name, p, arn }) => ({
      PolicyName: name, PolicyId: iamId('ANPA', arn), Arn: arn, Path: p.path, DefaultVersionId: 'v1', AttachmentCount: attachments.get(arn) ?? 0,
      IsAttachable: !p.path.startsWith('/aws-service-role/'), CreateDate: new Date('2015-02-06T18:39:46Z'), UpdateDate: new Date('2015-02-06T18:39:46Z'),
      PolicyVersionList: [{ Document: p.document, VersionId: 'v1', IsDefaultVersion: true, CreateDate: new Date('2015-02-06T18:39:46Z') }],
    }));

  // Virtual MFA devices: root's and the users' virtual ones, plus unassigned leftovers.
  const rootArn = `arn:${partition}:iam::${accountId}:root`;
  const virtualMfaDevices: Scenario['virtualMfaDevices'] = [];
  if (spec.root.mfa === 'virtual') {
    // Root's device: IAM reports the root ARN and the account id as its user; the name is empty.
    virtualMfaDevices.push({
      SerialNumber: `arn:${partition}:iam::${accountId}:mfa/root-account-mfa-device`,
      User: { UserName: '', UserId: accountId, Arn: rootArn, Path: '/', CreateDate: spec.root.created },
      EnableDate: new Date(spec.root.created.getTime() + DAY),
    });
  }
  spec.people.forEach((p, i) => {
    const u = users[i];
    if (p.mfa !== 'virtual' || !u) return;
    virtualMfaDevices.push({
      SerialNumber: `arn:${partition}:iam::${accountId}:mfa/${p.name}`,
      User: { UserName: u.UserName, UserId: u.UserId, Arn: u.Arn, Path: u.Path, CreateDate: u.CreateDate },
      EnableDate: new Date(u.CreateDate.getTime() + DAY),
    });
  });
  for (let i = 0; i < (spec.unassignedMfaDevices ?? 0); i++) {
    virtualMfaDevices.push({ SerialNumber: `arn:${partition}:iam::${accountId}:mfa/unassigned-device-${i + 1}` });
  }

  const maxAge = spec.rest.passwordPolicy?.ExpirePasswords ? Number(spec.rest.passwordPolicy.MaxPasswordAge ?? 0) : 0;
  const csv = credentialReportCsv([
    rootRow({ accountId, partition, created: spec.root.created, passwordLastUsed: spec.root.passwordLastUsed, mfa: !!spec.root.mfa, keys: spec.root.keys ?? [], certs: spec.root.certs ?? [] }),
    ...spec.people.map((p, i) => userRow({
      userName: p.name, arn: users[i]?.Arn ?? '', created: p.created, mfa: !!p.mfa, keys: p.keys ?? [],
      ...(p.password ? { password: { ...p.password, ...(maxAge > 0 ? { nextRotation: new Date(p.password.lastChanged.getTime() + maxAge * DAY) } : {}) } } : {}),
    })),
  ]);

  const hardwareUsers = spec.people.filter((p) => p.mfa === 'hardware').length + (spec.root.mfa === 'hardware' ? 1 : 0);
  const assigned = virtualMfaDevices.filter((d) => d.User).length + hardwareUsers;
  const accountSummary: Record<string, number> = {
    Users: users.length, UsersQuota: 5000, Groups: groups.length, GroupsQuota: 300,
    ServerCertificates: spec.rest.serverCertificates.length, ServerCertificatesQuota: 20,
    UserPolicySizeQuota: 2048, GroupPolicySizeQuota: 5120, GroupsPerUserQuota: 10, SigningCertificatesPerUserQuota: 2, AccessKeysPerUserQuota: 2,
    MFADevices: virtualMfaDevices.length + hardwareUsers, MFADevicesInUse: assigned,
    AccountMFAEnabled: spec.root.mfa ? 1 : 0,
    AccountAccessKeysPresent: (spec.root.keys ?? []).length > 0 ? 1 : 0,
    AccountPasswordPresent: spec.root.passwordPresent ? 1 : 0,
    AccountSigningCertificatesPresent: (spec.root.certs ?? []).length > 0 ? 1 : 0,
    AttachedPoliciesPerGroupQuota: 10, AttachedPoliciesPerRoleQuota: 10, AttachedPoliciesPerUserQuota: 10,
    Policies: customer.length, PoliciesQuota: 1500, PolicySizeQuota: 6144,
    PolicyVersionsInUse: [...attachments.values()].reduce((a, b) => a + b, 0), PolicyVersionsInUseQuota: 10000, VersionsPerPolicyQuota: 5,
    GlobalEndpointTokenVersion: 1,
    Roles: roles.length, RolesQuota: 1000, RolePolicySizeQuota: 10240,
    InstanceProfiles: 0, InstanceProfilesQuota: 1000, Providers: 1, AssumeRolePolicySizeQuota: 2048,
  };

  return {
    accountId, partition, callerArn: spec.callerArn, callerUserId: spec.callerUserId,
    credentialReport: { csv, generatedTime: NOW, pollsInProgress: spec.pollsInProgress ?? 1 },
    accountSummary, virtualMfaDevices, users, groups, roles, policies: [...customer, ...awsManaged],
    rootCredentials: rootCredentialsOf(accountId, partition, spec.root),
    ...spec.rest,
  };
}

// ---------- shared pieces ----------

export const contact = (name: string, title: string, email: string, phone: string): Contact => ({ Name: name, Title: title, EmailAddress: email, PhoneNumber: phone });

/** CIS-style: 14+ characters of every class, 24 remembered, expiry after 90 days. */
export const STRONG_PASSWORD_POLICY = {
  MinimumPasswordLength: 14, RequireSymbols: true, RequireNumbers: true, RequireUppercaseCharacters: true, RequireLowercaseCharacters: true,
  AllowUsersToChangePassword: true, ExpirePasswords: true, MaxPasswordAge: 90, PasswordReusePrevention: 24, HardExpiry: false,
};

export const ORG_MANAGEMENT_ACCOUNT = '111122223333';
export const ORG_ID = 'o-a1b2c3d4e5';
const ORGANIZATION: NonNullable<Scenario['organization']> = {
  Id: ORG_ID,
  Arn: `arn:aws:organizations::${ORG_MANAGEMENT_ACCOUNT}:organization/${ORG_ID}`,
  FeatureSet: 'ALL',
  MasterAccountArn: `arn:aws:organizations::${ORG_MANAGEMENT_ACCOUNT}:account/${ORG_ID}/${ORG_MANAGEMENT_ACCOUNT}`,
  MasterAccountId: ORG_MANAGEMENT_ACCOUNT,
  MasterAccountEmail: 'aws-root@example.com',
};
const orgAccount = (id: string, email: string, name: string, joined: Date, method: 'INVITED' | 'CREATED' = 'CREATED', status: 'ACTIVE' | 'SUSPENDED' = 'ACTIVE') =>
  ({ Id: id, Arn: `arn:aws:organizations::${ORG_MANAGEMENT_ACCOUNT}:account/${ORG_ID}/${id}`, Email: email, Name: name, Status: status, JoinedMethod: method, JoinedTimestamp: joined });
const ORG_ACCOUNTS: Scenario['organizationAccounts'] = [
  orgAccount(ORG_MANAGEMENT_ACCOUNT, 'aws-root@example.com', 'Management', daysAgo(900), 'INVITED'),
  orgAccount('333344445555', 'aws-prod@example.com', 'Workloads Prod', daysAgo(600)),
  orgAccount('444455556666', 'aws-dev@example.com', 'Workloads Dev', daysAgo(590)),
  orgAccount('555566667777', 'old-sandbox@example.net', 'Sandbox (closed)', daysAgo(800), 'INVITED', 'SUSPENDED'),
];

export function analyzersIn(regions: string[], accountId: string, type: 'ACCOUNT' | 'ORGANIZATION', name: string): Scenario['analyzers'] {
  return Object.fromEntries(regions.map((r) => [r, [{
    arn: `arn:aws:access-analyzer:${r}:${accountId}:analyzer/${name}`, name, type, status: 'ACTIVE' as const, createdAt: daysAgo(500),
  }]]));
}

function withOverrides(build: (regions: string[]) => Scenario, overrides: Partial<Scenario>): Scenario {
  return { ...build(overrides.regions ?? [...DEFAULT_REGIONS]), ...overrides };
}

// ---------- the scenarios ----------

/** A well-run management account: root with hardware MFA and no keys, strong policy, all contacts. */
export function hardenedScenario(overrides: Partial<Scenario> = {}): Scenario {
  const accountId = ORG_MANAGEMENT_ACCOUNT;
  // A partition override reaches every ARN the account has, as one account's evidence must.
  const partition = overrides.partition ?? 'aws';
  return withOverrides((regions) => assemble({
    accountId,
    partition,
    callerArn: `arn:${partition}:sts::${accountId}:assumed-role/SecurityAudit/lockdown`,
    callerUserId: `${iamId('AROA', `${accountId}/role/SecurityAudit`)}:lockdown`,
    root: { created: daysAgo(900), passwordPresent: true, passwordLastUsed: daysAgo(200), mfa: 'hardware' },
    people: [
      { name: 'alice.admin', created: daysAgo(700), groups: ['Admins'], password: { lastChanged: daysAgo(40), lastUsed: daysAgo(1) }, mfa: 'virtual' },
      { name: 'bob.dev', created: daysAgo(400), groups: ['Developers'], password: { lastChanged: daysAgo(60), lastUsed: daysAgo(2) }, mfa: 'hardware' },
      { name: 'carol.audit', created: daysAgo(300), groups: ['Auditors'], password: { lastChanged: daysAgo(30), lastUsed: daysAgo(10) }, mfa: 'virtual' },
      // Tested every month: signed in and rotated 30 days ago.
      { name: 'break-glass', created: daysAgo(800), groups: ['Admins'], password: { lastChanged: daysAgo(30), lastUsed: daysAgo(30) }, mfa: 'hardware' },
      {
        name: 'ci-deploy', path: '/automation/', created: daysAgo(500), groups: ['Deployers'],
        keys: [{ active: true, lastRotated: daysAgo(20), lastUsed: { date: daysAgo(1), region: 'eu-west-1', service: 'cloudformation' } }],
      },
    ],
    groups: [
      // No *:* anywhere: administrators hold PowerUserAccess + IAMFullAccess.
      { name: 'Admins', managed: ['PowerUserAccess', 'IAMFullAccess'] },
      { name: 'Deployers', path: '/automation/', managed: ['DeployPipeline'] },
      { name: 'Developers', managed: ['PowerUserAccess', 'IAMUserChangePassword'], inline: [{ PolicyName: 'DenyOrgChanges', PolicyDocument: doc({ Effect: 'Deny', Action: 'organizations:*', Resource: '*' }) }] },
      { name: 'Auditors', managed: ['SecurityAudit', 'ReadOnlyAccess'] },
    ],
    roles: [
      { name: 'SecurityAudit', trust: trustAccount('aws', accountId), managed: ['SecurityAudit'] },
      { name: 'SupportRole', trust: trustAccount('aws', accountId), managed: ['AWSSupportAccess'] },
      { name: 'AWSReservedSSO_PowerUserAccess_0a1b2c3d4e5f6a7b', path: '/aws-reserved/sso.amazonaws.com/eu-west-1/', trust: trustSso('aws', accountId), managed: ['PowerUserAccess'] },
      { name: 'AWSServiceRoleForSupport', path: '/aws-service-role/support.amazonaws.com/', trust: trustService('support.amazonaws.com'), managed: ['AWSSupportServiceRolePolicy'] },
      { name: 'AWSServiceRoleForAccessAnalyzer', path: '/aws-service-role/access-analyzer.amazonaws.com/', trust: trustService('access-analyzer.amazonaws.com'), managed: ['AccessAnalyzerServiceRolePolicy'] },
      { name: 'app-server', trust: trustService('ec2.amazonaws.com'), inline: [{ PolicyName: 'ReadAppBucket', PolicyDocument: doc({ Effect: 'Allow', Action: ['s3:GetObject'], Resource: 'arn:aws:s3:::example-app/*' }) }] },
    ],
    customerPolicies: [{
      name: 'DeployPipeline',
      versions: [
        doc({ Effect: 'Allow', Action: ['cloudformation:*', 's3:*'], Resource: '*' }),
        doc({ Effect: 'Allow', Action: ['cloudformation:CreateStack', 'cloudformation:UpdateStack', 'cloudformation:Describe*'], Resource: '*' }, { Effect: 'Allow', Action: ['s3:PutObject'], Resource: 'arn:aws:s3:::example-artifacts/*' }),
      ],
    }],
    pollsInProgress: 1,
    rest: {
      passwordPolicy: STRONG_PASSWORD_POLICY,
      serverCertificates: [{
        ServerCertificateName: 'www-example-com-2026', ServerCertificateId: 'ASCA2QWERTYUIOPASDFGH', Arn: `arn:aws:iam::${accountId}:server-certificate/www-example-com-2026`,
        Path: '/', UploadDate: daysAgo(165), Expiration: daysFromNow(200),
      }],
      alternateContacts: {
        SECURITY: contact('Security Team', 'CISO', 'security@example.com', '+31 20 123 4567'),
        BILLING: contact('Finance', 'Controller', 'billing@example.com', '+31 20 123 4568'),
        OPERATIONS: contact('Platform Team', 'Head of Platform', 'ops@example.com', '+31 20 123 4569'),
      },
      primaryEmail: 'aws-root@example.com',
      organization: ORGANIZATION,
      organizationAccounts: ORG_ACCOUNTS,
      organizationsFeatures: { EnabledFeatures: ['RootCredentialsManagement', 'RootSessions'] },
      regions,
      analyzers: analyzersIn(regions, accountId, 'ORGANIZATION', 'org-analyzer'),
      identityCenterInstances: {
        'eu-west-1': [{ InstanceArn: 'arn:aws:sso:::instance/ssoins-6804a1b2c3d4e5f6', IdentityStoreId: 'd-9367a1b2c3', OwnerAccountId: accountId, Name: 'example-sso', Status: 'ACTIVE' }],
      },
    },
  }), overrides);
}

/**
 * A neglected standalone account scanned as root: root signs in with a password, has an active
 * key and no MFA; weak password policy; admins without MFA; stale and unused keys; a user name
 * with a comma; no SECURITY contact; no analyzers; an expired server certificate.
 */
export function insecureScenario(overrides: Partial<Scenario> = {}): Scenario {
  const accountId = '222233334444';
  return withOverrides((regions) => assemble({
    accountId,
    callerArn: `arn:aws:iam::${accountId}:root`,
    callerUserId: accountId,
    root: {
      created: daysAgo(1500), passwordPresent: true, passwordLastUsed: daysAgo(2),
      keys: [{ active: true, lastRotated: daysAgo(700), lastUsed: { date: daysAgo(3), region: 'us-east-1', service: 's3' } }],
    },
    people: [
      {
        name: 'admin', created: daysAgo(1400), managed: ['AdministratorAccess'], password: { lastChanged: daysAgo(900), lastUsed: daysAgo(5) },
        keys: [{ active: true, lastRotated: daysAgo(500), lastUsed: { date: daysAgo(1), region: 'us-east-1', service: 'iam' } }],
      },
      { name: 'jane', created: daysAgo(600), groups: ['Administrators'], password: { lastChanged: daysAgo(600), lastUsed: daysAgo(30) } },
      {
        name: 'deploy-bot', created: daysAgo(450), groups: ['Deployers'],
        keys: [
          { active: true, lastRotated: daysAgo(400), lastUsed: { date: daysAgo(200), region: 'eu-west-1', service: 'ec2' } },
          { active: true, lastRotated: daysAgo(380) },
        ],
      },
      { name: 'old.contractor', created: daysAgo(150), groups: ['Deployers'], password: { lastChanged: daysAgo(150) }, keys: [{ active: false, lastRotated: daysAgo(140) }] },
      {
        name: 'svc,legacy', created: daysAgo(1300), inline: [{ PolicyName: 'everything', PolicyDocument: ALLOW_ALL }],
        keys: [{ active: true, lastRotated: daysAgo(1200) }],
      },
      { name: 'mfa.user', created: daysAgo(200), groups: ['Deployers'], password: { lastChanged: daysAgo(20), lastUsed: daysAgo(3) }, mfa: 'virtual' },
    ],
    groups: [
      { name: 'Administrators', managed: ['AdministratorAccess'] },
      { name: 'Deployers', managed: ['PowerUserAccess'] },
    ],
    roles: [
      { name: 'ec2-admin', trust: trustService('ec2.amazonaws.com'), managed: ['AdministratorAccess'] },
      { name: 'partner-access', trust: doc({ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'sts:AssumeRole' }), managed: ['ReadOnlyAccess'] },
    ],
    customerPolicies: [{ name: 'LegacyFullS3', versions: [doc({ Effect: 'Allow', Action: 's3:*', Resource: '*' })] }],
    unassignedMfaDevices: 2,
    pollsInProgress: 0,
    rest: {
      passwordPolicy: {
        MinimumPasswordLength: 8, RequireSymbols: false, RequireNumbers: false, RequireUppercaseCharacters: false, RequireLowercaseCharacters: false,
        AllowUsersToChangePassword: true, ExpirePasswords: false, HardExpiry: false,
      },
      serverCertificates: [
        { ServerCertificateName: 'legacy-elb', ServerCertificateId: 'ASCAZXCVBNMASDFGHJKL', Arn: `arn:aws:iam::${accountId}:server-certificate/legacy-elb`, Path: '/', UploadDate: daysAgo(425), Expiration: daysAgo(30) },
        { ServerCertificateName: 'www-2026', ServerCertificateId: 'ASCAQWERTZUIOPLKJHGF', Arn: `arn:aws:iam::${accountId}:server-certificate/www-2026`, Path: '/', UploadDate: daysAgo(325), Expiration: daysFromNow(40) },
      ],
      alternateContacts: {
        BILLING: contact('Founder', 'CEO', 'founder@gmail.com', '+1 555 0100'),
        OPERATIONS: contact('Founder', 'CEO', 'founder@gmail.com', '+1 555 0100'),
      },
      primaryEmail: 'founder@gmail.com',
      organization: null,
      organizationAccounts: [],
      organizationsFeatures: { error: 'OrganizationNotFoundException' },
      regions,
      analyzers: {},
      identityCenterInstances: {},
    },
  }), overrides);
}

/** A member account of the hardened organisation whose root credentials were removed centrally. */
export function memberRootRemovedScenario(overrides: Partial<Scenario> = {}): Scenario {
  const accountId = '333344445555';
  return withOverrides((regions) => assemble({
    accountId,
    callerArn: `arn:aws:sts::${accountId}:assumed-role/OrganizationAccountAccessRole/lockdown`,
    callerUserId: `${iamId('AROA', `${accountId}/role/OrganizationAccountAccessRole`)}:lockdown`,
    root: { created: daysAgo(600), passwordPresent: false, passwordLastUsed: 'N/A' },
    people: [],
    groups: [],
    roles: [
      { name: 'OrganizationAccountAccessRole', trust: trustAccount('aws', ORG_MANAGEMENT_ACCOUNT), managed: ['AdministratorAccess'] },
      { name: 'AWSReservedSSO_ReadOnly_1b2c3d4e5f6a7b8c', path: '/aws-reserved/sso.amazonaws.com/eu-west-1/', trust: trustSso('aws', accountId), managed: ['ReadOnlyAccess'] },
      { name: 'SupportRole', trust: trustAccount('aws', accountId), managed: ['AWSSupportAccess'] },
      { name: 'AWSServiceRoleForSupport', path: '/aws-service-role/support.amazonaws.com/', trust: trustService('support.amazonaws.com'), managed: ['AWSSupportServiceRolePolicy'] },
    ],
    customerPolicies: [],
    pollsInProgress: 0,
    rest: {
      passwordPolicy: STRONG_PASSWORD_POLICY,
      serverCertificates: [],
      alternateContacts: {
        SECURITY: contact('Security Team', 'CISO', 'security@example.com', '+31 20 123 4567'),
        BILLING: contact('Finance', 'Controller', 'billing@example.com', '+31 20 123 4568'),
        OPERATIONS: contact('Platform Team', 'Head of Platform', 'ops@example.com', '+31 20 123 4569'),
      },
      primaryEmail: 'aws-prod@example.com',
      organization: ORGANIZATION,
      organizationAccounts: ORG_ACCOUNTS,
      organizationsFeatures: { error: 'AccountNotManagementOrDelegatedAdministratorException' },
      regions,
      analyzers: analyzersIn(regions, accountId, 'ACCOUNT', 'account-analyzer'),
      identityCenterInstances: {},
    },
  }), overrides);
}

/** Deterministic PRNG (mulberry32). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A large management account for benchmarks: `users` users in 1–3 of 60 groups, 300 roles, 200
 * customer policies; ~75 % console users of whom ~85 % have MFA (mostly virtual), ~40 % with
 * access keys, a share of them stale or unused. Deterministic for a given `users`.
 */
export function scaledScenario(users: number, overrides: Partial<Scenario> = {}): Scenario {
  const accountId = '999988887777';
  const rnd = prng(20261120 + users);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;
  const awsNames = ['ReadOnlyAccess', 'PowerUserAccess', 'SecurityAudit', 'IAMUserChangePassword', 'AdministratorAccess'];
  const policyNames = Array.from({ length: 200 }, (_, i) => `team-policy-${String(i).padStart(3, '0')}`);
  const groupNames = Array.from({ length: 60 }, (_, i) => `group-${String(i).padStart(2, '0')}`);
  const regionsUsed = ['us-east-1', 'eu-west-1', 'eu-central-1', 'us-west-2'];
  const services = ['s3', 'ec2', 'sts', 'lambda', 'dynamodb'];

  const people: PersonSpec[] = Array.from({ length: users }, (_, i) => {
    const created = daysAgo(30 + Math.floor(rnd() * 1500));
    const groups = [...new Set(Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => pick(groupNames)))];
    const person: PersonSpec = { name: `user-${String(i).padStart(5, '0')}`, path: rnd() < 0.3 ? '/staff/' : '/', created, groups };
    if (rnd() < 0.1) person.managed = [pick(awsNames)];
    if (rnd() < 0.05) person.inline = [{ PolicyName: 'personal', PolicyDocument: doc({ Effect: 'Allow', Action: ['s3:GetObject'], Resource: `arn:aws:s3:::personal-${i}/*` }) }];
    if (rnd() < 0.75) {
      const neverUsed = rnd() < 0.1;
      person.password = neverUsed ? { lastChanged: created } : { lastChanged: daysAgo(Math.floor(rnd() * 200)), lastUsed: daysAgo(Math.floor(rnd() * 120)) };
      if (rnd() < 0.85) person.mfa = rnd() < 0.9 ? 'virtual' : 'hardware';
    }
    if (rnd() < 0.4) {
      const keyCount = rnd() < 0.15 ? 2 : 1;
      person.keys = Array.from({ length: keyCount }, (): KeySpec => {
        const lastRotated = daysAgo(Math.floor(rnd() * 500));
        const used = rnd() < 0.8;
        return {
          active: rnd() < 0.9, lastRotated,
          ...(used ? { lastUsed: { date: daysAgo(Math.floor(rnd() * 100)), region: pick(regionsUsed), service: pick(services) } } : {}),
        };
      });
    }
    return person;
  });

  return withOverrides((regions) => assemble({
    accountId,
    callerArn: `arn:aws:sts::${accountId}:assumed-role/SecurityAudit/lockdown`,
    callerUserId: `${iamId('AROA', `${accountId}/role/SecurityAudit`)}:lockdown`,
    root: { created: daysAgo(2000), passwordPresent: true, passwordLastUsed: daysAgo(400), mfa: 'hardware' },
    people,
    groups: groupNames.map((name, i) => ({
      name,
      managed: [policyNames[i * 3] ?? 'team-policy-000', ...(i % 4 === 0 ? [pick(awsNames)] : [])],
      ...(i % 10 === 0 ? { inline: [{ PolicyName: 'extra', PolicyDocument: doc({ Effect: 'Allow', Action: ['logs:Get*'], Resource: '*' }) }] } : {}),
    })),
    roles: [
      { name: 'SecurityAudit', trust: trustAccount('aws', accountId), managed: ['SecurityAudit'] },
      ...Array.from({ length: 299 }, (_, i) => ({
        name: `app-role-${String(i).padStart(3, '0')}`,
        path: i % 5 === 0 ? '/service/' : '/',
        trust: i % 3 === 0 ? trustAccount('aws', accountId) : trustService(pick(['ec2.amazonaws.com', 'lambda.amazonaws.com', 'ecs-tasks.amazonaws.com'])),
        managed: [pick(policyNames), ...(i % 7 === 0 ? [pick(awsNames)] : [])],
        ...(i % 4 === 0 ? { inline: [{ PolicyName: 'inline', PolicyDocument: doc({ Effect: 'Allow', Action: ['sqs:SendMessage'], Resource: `arn:aws:sqs:eu-west-1:${accountId}:queue-${i}` }) }] } : {}),
      })),
    ],
    customerPolicies: policyNames.map((name, i) => ({
      name,
      versions: Array.from({ length: 1 + (i % 3) }, (_, v) => doc({ Effect: 'Allow', Action: [`s3:GetObject`, `dynamodb:Query`], Resource: `arn:aws:s3:::bucket-${i}-v${v}/*` })),
    })),
    unassignedMfaDevices: Math.floor(users / 100),
    pollsInProgress: 2,
    rest: {
      passwordPolicy: STRONG_PASSWORD_POLICY,
      serverCertificates: [],
      alternateContacts: {
        SECURITY: contact('Security Team', 'CISO', 'security@example.org', '+1 555 0101'),
        BILLING: contact('Finance', 'Controller', 'billing@example.org', '+1 555 0102'),
        OPERATIONS: contact('Platform Team', 'Head of Platform', 'ops@example.org', '+1 555 0103'),
      },
      primaryEmail: 'aws-root@example.org',
      organization: null,
      organizationAccounts: [],
      organizationsFeatures: { error: 'OrganizationNotFoundException' },
      regions,
      analyzers: analyzersIn(regions, accountId, 'ACCOUNT', 'account-analyzer'),
      identityCenterInstances: {},
    },
  }), overrides);
}
