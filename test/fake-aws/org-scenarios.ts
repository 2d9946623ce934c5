// Ready-made organisations for startFakeOrg (org-server.ts); types in org-scenario.ts.
//
//   orgScenario()            the example organisation below: every case the org scan must handle
//   orgScenario({ id, auditRole: { trustedAccountId, externalId } })   a second, unrelated one (MSP case)
//   bigOrgScenario({ accounts: 1000, usersPerAccount: 50 })            deterministic, for bench/org-scan
//   memberAccountScenario({ accountId, root, ... })                   one member's IAM state
//
// The example organisation (o-a1b2c3d4e5, root r-ab12, management 111122223333):
//   Root
//   ├─ 111122223333 Management                (hardenedScenario; root keeps password + hardware MFA)
//   ├─ Security   ou-ab12-secu0001            DenyRootUser SCP
//   │  └─ 222200000001 Security Tooling       root credentials removed; delegated admin for IAM and Account
//   ├─ Workloads  ou-ab12-wkld0001            DenyRootUser SCP (inherited below)
//   │  ├─ Prod    ou-ab12-prod0001
//   │  │  ├─ 333344445555 Workloads Prod      root credentials removed (memberRootRemovedScenario)
//   │  │  └─ 777788889999 Data Lake           PENDING_CLOSURE
//   │  └─ Dev     ou-ab12-dev00001
//   │     └─ 444455556666 Workloads Dev       root still has a password, an active access key, virtual MFA and a signing certificate
//   ├─ Sandbox    ou-ab12-sbox0001            no DenyRootUser SCP
//   │  └─ 666677778888 Sandbox Legacy         OrganizationAccountAccessRole deleted: AssumeRole is denied
//   └─ Suspended  ou-ab12-susp0001
//      └─ 555566667777 Sandbox (closed)       SUSPENDED
// SCPs: FullAWSAccess on the root, every OU and every account (as AWS attaches it); DenyRootUser
// (Deny * when aws:PrincipalArn is like arn:aws:iam::*:root) on Security and Workloads; DenyLeaveOrg
// on the root. Centralized root access: RootCredentialsManagement and RootSessions on; trusted
// access for iam.amazonaws.com and account.amazonaws.com.
// Every member has OrganizationAccountAccessRole (AdministratorAccess, trusting the management
// account) except Sandbox Legacy, and — when `auditRole` is given — every account, the management
// account included, has a read-only role (SecurityAudit, MaxSessionDuration 7200) trusting that
// account, with an ExternalId condition when `externalId` is given.
import type { KeySpec } from './credential-report.js';
import type { OrgAccount, OrgPolicy, OrgScenario, OrgUnit } from './org-scenario.js';
import type { PolicyDocument, Scenario } from './scenario.js';
import {
  DEFAULT_REGIONS, ORG_ID, ORG_MANAGEMENT_ACCOUNT, STRONG_PASSWORD_POLICY, analyzersIn, assemble, contact, daysAgo, doc, hardenedScenario, iamId, memberRootRemovedScenario,
  prng, trustAccount, trustService, type PersonSpec, type RootSpec,
} from './scenarios.js';

export const ORG_ROOT_ID = 'r-ab12';
export const OU = {
  security: 'ou-ab12-secu0001', workloads: 'ou-ab12-wkld0001', prod: 'ou-ab12-prod0001', dev: 'ou-ab12-dev00001', sandbox: 'ou-ab12-sbox0001', suspended: 'ou-ab12-susp0001',
} as const;
/** The example organisation's accounts by role in the story. */
export const ACCOUNTS = {
  management: ORG_MANAGEMENT_ACCOUNT,
  security: '222200000001',
  prod: '333344445555',
  dev: '444455556666',
  suspended: '555566667777',
  legacy: '666677778888',
  closing: '777788889999',
} as const;
export const AUDIT_TASK_POLICY = 'arn:aws:iam::aws:policy/root-task/IAMAuditRootUserCredentials';
export const ORG_ACCESS_ROLE = 'OrganizationAccountAccessRole';

/** Deny every action of a member's root user (the SCP org-root-user-scp looks for). */
export const DENY_ROOT_USER_SCP: PolicyDocument = doc({
  Sid: 'DenyRootUser', Effect: 'Deny', Action: '*', Resource: '*', Condition: { StringLike: { 'aws:PrincipalArn': ['arn:aws:iam::*:root'] } },
});
export const FULL_AWS_ACCESS: PolicyDocument = doc({ Effect: 'Allow', Action: '*', Resource: '*' });
// Written the short way AWS accepts: Statement as one object, not a list.
const DENY_LEAVE_ORG: PolicyDocument = { Version: '2012-10-17', Statement: { Sid: 'DenyLeaveOrg', Effect: 'Deny', Action: 'organizations:LeaveOrganization', Resource: '*' } };

/** The read-only scanning role a member may carry (what `lockdown policy --cloudformation` creates). */
export interface AuditRoleSpec {
  /** The account allowed to assume it (the scanner's). */
  trustedAccountId: string;
  /** Required as sts:ExternalId when given. */
  externalId?: string;
  /** Default `LockdownAudit`. */
  name?: string;
}

function auditTrust(spec: AuditRoleSpec): PolicyDocument {
  return doc({
    Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${spec.trustedAccountId}:root` }, Action: 'sts:AssumeRole',
    ...(spec.externalId ? { Condition: { StringEquals: { 'sts:ExternalId': spec.externalId } } } : {}),
  });
}

export interface MemberSpec {
  accountId: string;
  /** Partition-free: members of the commercial partition. */
  root: RootSpec;
  people?: PersonSpec[];
  /** The management account whose OrganizationAccountAccessRole trusts it; null: the role was deleted. */
  orgAccessFrom?: string | null;
  auditRole?: AuditRoleSpec;
  email: string;
  organization?: Scenario['organization'];
  /** The role whose session the account's own credentials are (GetCallerIdentity); default OrganizationAccountAccessRole. */
  callerRole?: string;
}

/** One member account's IAM state: its people (in group Staff), the org access role, an optional audit role. */
export function memberAccountScenario(spec: MemberSpec): Scenario {
  const { accountId } = spec;
  const people = spec.people ?? [];
  const needsStaff = people.some((p) => p.groups?.includes('Staff'));
  return assemble({
    accountId,
    callerArn: `arn:aws:sts::${accountId}:assumed-role/${spec.callerRole ?? ORG_ACCESS_ROLE}/lockdown`,
    callerUserId: `${iamId('AROA', `${accountId}/role/${spec.callerRole ?? ORG_ACCESS_ROLE}`)}:lockdown`,
    root: spec.root,
    people,
    groups: needsStaff ? [{ name: 'Staff', managed: ['ReadOnlyAccess', 'IAMUserChangePassword'] }] : [],
    roles: [
      ...(spec.orgAccessFrom === null ? [] : [{ name: ORG_ACCESS_ROLE, trust: trustAccount('aws', spec.orgAccessFrom ?? ORG_MANAGEMENT_ACCOUNT), managed: ['AdministratorAccess'] }]),
      ...(spec.auditRole ? [{ name: spec.auditRole.name ?? 'LockdownAudit', trust: auditTrust(spec.auditRole), managed: ['SecurityAudit'], maxSessionDuration: 7200 }] : []),
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
      },
      primaryEmail: spec.email,
      organization: spec.organization ?? null,
      organizationAccounts: [],
      organizationsFeatures: { error: 'AccountNotManagementOrDelegatedAdministratorException' },
      regions: [...DEFAULT_REGIONS],
      analyzers: analyzersIn([...DEFAULT_REGIONS], accountId, 'ACCOUNT', 'account-analyzer'),
      identityCenterInstances: {},
    },
  });
}

/** The organisation as a single-account Scenario describes it (for the per-account `organization` field). */
function orgField(id: string, mgmt: string, mgmtEmail: string): NonNullable<Scenario['organization']> {
  return {
    Id: id, Arn: `arn:aws:organizations::${mgmt}:organization/${id}`, FeatureSet: 'ALL',
    MasterAccountArn: `arn:aws:organizations::${mgmt}:account/${id}/${mgmt}`, MasterAccountId: mgmt, MasterAccountEmail: mgmtEmail,
  };
}

function account(id: string, name: string, email: string, parentId: string, iam: Scenario, extra: Partial<OrgAccount> = {}): OrgAccount {
  return { Id: id, Name: name, Email: email, State: 'ACTIVE', JoinedMethod: 'CREATED', JoinedTimestamp: daysAgo(600), parentId, iam, ...extra };
}

/** FullAWSAccess on every target, as AWS attaches it to the root and each new OU and account. */
function fullAwsAccess(rootId: string, ous: OrgUnit[], accounts: OrgAccount[]): OrgPolicy {
  return {
    Id: 'p-FullAWSAccess', Name: 'FullAWSAccess', Description: 'Allows access to every operation', AwsManaged: true, Content: FULL_AWS_ACCESS,
    targetIds: [rootId, ...ous.map((o) => o.Id), ...accounts.map((a) => a.Id)],
  };
}

export interface OrgScenarioOptions {
  /** Organisation id (default o-a1b2c3d4e5); account ids stay the same unless `accountIdPrefix` is given. */
  id?: string;
  /** Replace the first 4 digits of every account id (e.g. '9100'), for a second organisation in the same fake. */
  accountIdPrefix?: string;
  auditRole?: AuditRoleSpec;
}

/** The example organisation (see the header). */
export function orgScenario(options: OrgScenarioOptions = {}): OrgScenario {
  const orgId = options.id ?? ORG_ID;
  const re = (id: string) => (options.accountIdPrefix ? options.accountIdPrefix + id.slice(options.accountIdPrefix.length) : id);
  const mgmt = re(ACCOUNTS.management);
  const mgmtEmail = options.accountIdPrefix ? `aws-root+${options.accountIdPrefix}@example.com` : 'aws-root@example.com';
  const organization = orgField(orgId, mgmt, mgmtEmail);
  const member = (key: keyof typeof ACCOUNTS, email: string, root: RootSpec, extra: Partial<MemberSpec> = {}) => memberAccountScenario({
    accountId: re(ACCOUNTS[key]), root, email, orgAccessFrom: mgmt, organization, ...(options.auditRole ? { auditRole: options.auditRole } : {}), ...extra,
  });
  const removed: RootSpec = { created: daysAgo(600), passwordPresent: false, passwordLastUsed: 'N/A' };

  // The management account is hardenedScenario() unless the organisation is renumbered or carries an audit role.
  const managementIam: Scenario = options.accountIdPrefix || options.auditRole
    ? memberAccountScenario({
      accountId: mgmt, root: { created: daysAgo(900), passwordPresent: true, passwordLastUsed: daysAgo(200), mfa: 'hardware' }, email: mgmtEmail, orgAccessFrom: null, organization, callerRole: 'SecurityAudit',
      ...(options.auditRole ? { auditRole: options.auditRole } : {}),
    })
    : hardenedScenario();
  const prodIam = options.accountIdPrefix || options.auditRole
    ? member('prod', 'aws-prod@example.com', removed)
    : memberRootRemovedScenario({ organization });

  const ous: OrgUnit[] = [
    { Id: OU.security, Name: 'Security', parentId: ORG_ROOT_ID },
    { Id: OU.workloads, Name: 'Workloads', parentId: ORG_ROOT_ID },
    { Id: OU.prod, Name: 'Prod', parentId: OU.workloads },
    { Id: OU.dev, Name: 'Dev', parentId: OU.workloads },
    { Id: OU.sandbox, Name: 'Sandbox', parentId: ORG_ROOT_ID },
    { Id: OU.suspended, Name: 'Suspended', parentId: ORG_ROOT_ID },
  ];
  const devKey: KeySpec = { active: true, lastRotated: daysAgo(700), lastUsed: { date: daysAgo(40), region: 'eu-west-1', service: 's3' } };
  const accounts: OrgAccount[] = [
    account(mgmt, 'Management', mgmtEmail, ORG_ROOT_ID, managementIam, { JoinedMethod: 'INVITED', JoinedTimestamp: daysAgo(900) }),
    account(re(ACCOUNTS.security), 'Security Tooling', 'aws-security@example.com', OU.security, member('security', 'aws-security@example.com', removed)),
    account(re(ACCOUNTS.prod), 'Workloads Prod', 'aws-prod@example.com', OU.prod, prodIam),
    account(re(ACCOUNTS.closing), 'Data Lake', 'aws-data@example.com', OU.prod, member('closing', 'aws-data@example.com', removed), { State: 'PENDING_CLOSURE' }),
    account(re(ACCOUNTS.dev), 'Workloads Dev', 'aws-dev@example.com', OU.dev, member('dev', 'aws-dev@example.com', {
      created: daysAgo(590), passwordPresent: true, passwordLastUsed: daysAgo(100), mfa: 'virtual', keys: [devKey], certs: [{ active: true, lastRotated: daysAgo(500) }],
    }, { people: [{ name: 'dev.one', created: daysAgo(300), groups: ['Staff'], password: { lastChanged: daysAgo(20), lastUsed: daysAgo(1) }, mfa: 'virtual' }] }), { JoinedTimestamp: daysAgo(590) }),
    account(re(ACCOUNTS.legacy), 'Sandbox Legacy', 'legacy-sandbox@example.net', OU.sandbox, member('legacy', 'legacy-sandbox@example.net', {
      created: daysAgo(1200), passwordPresent: true, passwordLastUsed: 'no_information',
    }, { orgAccessFrom: null }), { JoinedMethod: 'INVITED', JoinedTimestamp: daysAgo(1000) }),
    account(re(ACCOUNTS.suspended), 'Sandbox (closed)', 'old-sandbox@example.net', OU.suspended, member('suspended', 'old-sandbox@example.net', removed), { State: 'SUSPENDED', JoinedMethod: 'INVITED', JoinedTimestamp: daysAgo(800) }),
  ];
  const policies: OrgPolicy[] = [
    fullAwsAccess(ORG_ROOT_ID, ous, accounts),
    { Id: 'p-denyroot1', Name: 'DenyRootUser', Description: 'Members\' root users may do nothing', AwsManaged: false, Content: DENY_ROOT_USER_SCP, targetIds: [OU.security, OU.workloads] },
    { Id: 'p-denyleave', Name: 'DenyLeaveOrg', Description: '', AwsManaged: false, Content: DENY_LEAVE_ORG, targetIds: [ORG_ROOT_ID] },
  ];
  return {
    Id: orgId, rootId: ORG_ROOT_ID, managementAccountId: mgmt, FeatureSet: 'ALL', accounts, ous, policies,
    centralizedRootAccess: { RootCredentialsManagement: true, RootSessions: true },
    trustedAccess: ['iam.amazonaws.com', 'account.amazonaws.com', 'access-analyzer.amazonaws.com', 'sso.amazonaws.com'],
    delegatedAdministrators: [
      { accountId: re(ACCOUNTS.security), servicePrincipal: 'iam.amazonaws.com', DelegationEnabledDate: daysAgo(100) },
      { accountId: re(ACCOUNTS.security), servicePrincipal: 'access-analyzer.amazonaws.com', DelegationEnabledDate: daysAgo(300) },
    ],
  };
}

export interface BigOrgOptions {
  /** Accounts including the management account. */
  accounts: number;
  usersPerAccount: number;
  seed?: number;
  auditRole?: AuditRoleSpec;
  /**
   * How many built accounts stay in memory (least recently used are dropped and rebuilt, identical,
   * when used again), so the fake's own memory stays flat in a 1,000-account benchmark. Default 64.
   */
  cacheSize?: number;
}

/**
 * A large deterministic organisation for benchmarks: management 100000000000 and members
 * 100000000001…, in 8 top-level OUs × 4 sub-OUs (ou-zz99-t0…); DenyRootUser on the first 7
 * top-level OUs; every 97th member SUSPENDED, every 89th PENDING_CLOSURE; ~1 in 10 members' roots
 * keep an access key, ~1 in 7 a password. Each account's IAM state is built on use (a lazy `iam`
 * getter with a small LRU cache), so a 1,000-account organisation costs little until it is scanned
 * and the fake's memory stays flat while it is.
 */
export function bigOrgScenario(options: BigOrgOptions): OrgScenario {
  const orgId = 'o-zz99bench01';
  const rootId = 'r-zz99';
  const mgmt = '100000000000';
  const organization = orgField(orgId, mgmt, 'aws-root@bench.example');
  const ous: OrgUnit[] = [];
  for (let t = 0; t < 8; t++) {
    ous.push({ Id: `ou-zz99-t${t}000000`, Name: `Division ${t}`, parentId: rootId });
    for (let c = 0; c < 4; c++) ous.push({ Id: `ou-zz99-t${t}c${c}0000`, Name: `Division ${t} team ${c}`, parentId: `ou-zz99-t${t}000000` });
  }
  const leaves = ous.filter((o) => o.parentId !== rootId);
  const seed = options.seed ?? 20261201;
  const accounts: OrgAccount[] = [];
  const cache = new Map<string, Scenario>();
  const cacheSize = options.cacheSize ?? 64;
  for (let i = 0; i < options.accounts; i++) {
    const id = String(100000000000 + i);
    const isMgmt = i === 0;
    const state: OrgAccount['State'] = !isMgmt && i % 97 === 0 ? 'SUSPENDED' : !isMgmt && i % 89 === 0 ? 'PENDING_CLOSURE' : 'ACTIVE';
    const root: RootSpec = isMgmt
      ? { created: daysAgo(2000), passwordPresent: true, passwordLastUsed: daysAgo(300), mfa: 'hardware' }
      : {
        created: daysAgo(100 + (i % 900)), passwordPresent: i % 7 === 0, passwordLastUsed: i % 7 === 0 ? 'no_information' : 'N/A',
        ...(i % 10 === 0 ? { keys: [{ active: true, lastRotated: daysAgo(400 + (i % 300)) }] } : {}),
      };
    const email = isMgmt ? 'aws-root@bench.example' : `aws-${id}@bench.example`;
    const build = () => memberAccountScenario({
      accountId: id, root, email, orgAccessFrom: isMgmt ? null : mgmt, organization, people: benchPeople(options.usersPerAccount, seed + i), ...(isMgmt ? { callerRole: 'SecurityAudit' } : {}),
      ...(options.auditRole ? { auditRole: options.auditRole } : {}),
    });
    const acct: OrgAccount = {
      Id: id, Name: isMgmt ? 'Management' : `Account ${String(i).padStart(4, '0')}`, Email: email, State: state,
      JoinedMethod: isMgmt || i % 3 === 0 ? 'INVITED' : 'CREATED', JoinedTimestamp: daysAgo(50 + (i % 1000)),
      parentId: isMgmt ? rootId : (leaves[i % leaves.length] as OrgUnit).Id,
      get iam() {
        let built = cache.get(id);
        if (built) {
          cache.delete(id);
        } else {
          built = build();
          if (cache.size >= cacheSize) cache.delete(cache.keys().next().value as string);
        }
        cache.set(id, built);
        return built;
      },
    };
    accounts.push(acct);
  }
  return {
    Id: orgId, rootId, managementAccountId: mgmt, FeatureSet: 'ALL', accounts, ous,
    policies: [
      fullAwsAccess(rootId, ous, accounts),
      { Id: 'p-denyroot1', Name: 'DenyRootUser', Description: 'Members\' root users may do nothing', AwsManaged: false, Content: DENY_ROOT_USER_SCP, targetIds: ous.filter((o) => o.parentId === rootId).slice(0, 7).map((o) => o.Id) },
    ],
    centralizedRootAccess: { RootCredentialsManagement: true, RootSessions: true },
    trustedAccess: ['iam.amazonaws.com', 'account.amazonaws.com'],
    delegatedAdministrators: [],
  };
}

/** `count` users, deterministic for `seed`: ~80 % console users with MFA mostly, ~40 % with keys. */
function benchPeople(count: number, seed: number): PersonSpec[] {
  const rnd = prng(seed);
  return Array.from({ length: count }, (_, i): PersonSpec => {
    const created = daysAgo(30 + Math.floor(rnd() * 1500));
    const person: PersonSpec = { name: `user-${String(i).padStart(4, '0')}`, created, groups: ['Staff'] };
    if (rnd() < 0.8) {
      person.password = { lastChanged: daysAgo(Math.floor(rnd() * 200)), lastUsed: daysAgo(Math.floor(rnd() * 120)) };
      if (rnd() < 0.85) person.mfa = 'virtual';
    }
    if (rnd() < 0.4) {
      person.keys = [{ active: rnd() < 0.9, lastRotated: daysAgo(Math.floor(rnd() * 500)), ...(rnd() < 0.8 ? { lastUsed: { date: daysAgo(Math.floor(rnd() * 100)), region: 'eu-west-1', service: 's3' } } : {}) }];
    }
    return person;
  });
}
