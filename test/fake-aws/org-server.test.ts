// Drives the organisation fake (org-server.ts) with the real, unmodified SDK v3 clients: routing by
// access key, AssumeRole/AssumeRoot, Organizations, per-account IAM state and per-account faults.
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { AccessDeniedException as AccountAccessDenied, AccountClient, GetAlternateContactCommand, GetPrimaryEmailCommand, ResourceNotFoundException } from '@aws-sdk/client-account';
import {
  GetAccessKeyLastUsedCommand, GetAccountAuthorizationDetailsCommand, GetAccountSummaryCommand, GetLoginProfileCommand, GetUserCommand, IAMClient, ListAccessKeysCommand,
  ListMFADevicesCommand, ListOrganizationsFeaturesCommand, ListSigningCertificatesCommand, ListUsersCommand,
} from '@aws-sdk/client-iam';
import {
  AccessDeniedException as OrgAccessDenied, AWSOrganizationsNotInUseException, ChildNotFoundException, DescribeAccountCommand, DescribeOrganizationCommand,
  DescribeOrganizationalUnitCommand, DescribePolicyCommand, InvalidInputException, ListAccountsCommand, ListAccountsForParentCommand, ListChildrenCommand,
  ListDelegatedAdministratorsCommand, ListOrganizationalUnitsForParentCommand, ListParentsCommand, ListPoliciesCommand, ListPoliciesForTargetCommand, ListRootsCommand,
  ListTargetsForPolicyCommand, OrganizationsClient, paginateListAccounts,
} from '@aws-sdk/client-organizations';
import { AssumeRoleCommand, AssumeRootCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { ACCOUNTS, AUDIT_TASK_POLICY, OU, ORG_ACCESS_ROLE, ORG_ROOT_ID, bigOrgScenario, memberAccountScenario, orgScenario } from './org-scenarios.js';
import type { OrgScenario } from './org-scenario.js';
import { startFakeOrg, type FakeOrg } from './org-server.js';
import { daysAgo } from './scenarios.js';

const sandbox = mkdtempSync(join(tmpdir(), 'fake-org-test-'));
process.env.AWS_EC2_METADATA_DISABLED = 'true';
process.env.AWS_CONFIG_FILE = join(sandbox, 'config');
process.env.AWS_SHARED_CREDENTIALS_FILE = join(sandbox, 'credentials');

const SCANNER = '999900001111';
const SCANNER_KEY = 'AKIASCANNERFAKE00001';
const EXTERNAL_ID = 'ext-7f3a9c';
const OTHER_EXTERNAL_ID = 'ext-other-org';
const role = (account: string, name = ORG_ACCESS_ROLE) => `arn:aws:iam::${account}:role/${name}`;

type Creds = { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
type Failure = Error & { name: string; message: string; $metadata: { httpStatusCode?: number } };

async function rejection(p: Promise<unknown>): Promise<Failure> {
  try {
    await p;
  } catch (err) {
    return err as Failure;
  }
  assert.fail('expected the call to fail');
}

let fake: FakeOrg;
let org: OrgScenario;
let other: OrgScenario;
const cfg = (credentials: Creds, extra: Record<string, unknown> = {}) => ({ endpoint: fake.url, region: 'eu-west-1', credentials, maxAttempts: 1, ...extra });
const sts = (c: Creds) => new STSClient(cfg(c));
const iam = (c: Creds) => new IAMClient(cfg(c));
const orgs = (c: Creds) => new OrganizationsClient(cfg(c));
const base = () => fake.baseCredentials;
const scanner: Creds = { accessKeyId: SCANNER_KEY, secretAccessKey: 'x' };

async function assume(from: Creds, roleArn: string, extra: Record<string, unknown> = {}): Promise<Creds> {
  const out = await sts(from).send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'lockdown', ...extra }));
  const c = out.Credentials;
  assert.ok(c?.AccessKeyId && c.SecretAccessKey && c.SessionToken);
  return { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, sessionToken: c.SessionToken };
}
async function assumeRoot(from: Creds, target: string, taskPolicy = AUDIT_TASK_POLICY, extra: Record<string, unknown> = {}): Promise<Creds> {
  const out = await sts(from).send(new AssumeRootCommand({ TargetPrincipal: target, TaskPolicyArn: { arn: taskPolicy }, ...extra }));
  const c = out.Credentials;
  assert.ok(c?.AccessKeyId && c.SecretAccessKey && c.SessionToken);
  return { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, sessionToken: c.SessionToken };
}

before(async () => {
  org = orgScenario({ auditRole: { trustedAccountId: SCANNER, externalId: EXTERNAL_ID } });
  other = orgScenario({ id: 'o-b2c3d4e5f6', accountIdPrefix: '9100', auditRole: { trustedAccountId: SCANNER, externalId: OTHER_EXTERNAL_ID } });
  const scannerIam = memberAccountScenario({ accountId: SCANNER, root: { created: daysAgo(400), passwordPresent: true, passwordLastUsed: daysAgo(300), mfa: 'hardware' }, email: 'scanner@auditor.example', orgAccessFrom: null });
  fake = await startFakeOrg([org, other], {
    standalone: [{ Id: SCANNER, iam: scannerIam }],
    keys: { [SCANNER_KEY]: { accountId: SCANNER, arn: `arn:aws:iam::${SCANNER}:user/scanner`, userId: 'AIDASCANNERUSER00001' } },
  });
});
after(() => fake.close());

describe('fake org: routing by credentials', () => {
  it('the base credentials are the management account; an assumed role answers as its member with its own IAM state', async () => {
    const me = await sts(base()).send(new GetCallerIdentityCommand({}));
    assert.equal(me.Account, ACCOUNTS.management);

    const out = await sts(base()).send(new AssumeRoleCommand({ RoleArn: role(ACCOUNTS.dev), RoleSessionName: 'lockdown' }));
    assert.match(out.Credentials?.AccessKeyId ?? '', /^ASIA[A-Z2-7]{16}$/);
    assert.ok(out.Credentials?.Expiration instanceof Date);
    const lifetime = (out.Credentials?.Expiration?.getTime() ?? 0) - Date.now();
    assert.ok(lifetime > 3590_000 && lifetime <= 3600_000, `default 1 hour, got ${lifetime}`);
    assert.equal(out.AssumedRoleUser?.Arn, `arn:aws:sts::${ACCOUNTS.dev}:assumed-role/${ORG_ACCESS_ROLE}/lockdown`);
    assert.match(out.AssumedRoleUser?.AssumedRoleId ?? '', /^AROA[A-Z2-7]{17}:lockdown$/);

    const dev = { accessKeyId: out.Credentials?.AccessKeyId ?? '', secretAccessKey: out.Credentials?.SecretAccessKey ?? '', sessionToken: out.Credentials?.SessionToken ?? '' };
    const who = await sts(dev).send(new GetCallerIdentityCommand({}));
    assert.deepEqual([who.Account, who.Arn], [ACCOUNTS.dev, out.AssumedRoleUser?.Arn]);

    const prod = await assume(base(), role(ACCOUNTS.prod));
    const devSummary = (await iam(dev).send(new GetAccountSummaryCommand({}))).SummaryMap;
    const prodSummary = (await iam(prod).send(new GetAccountSummaryCommand({}))).SummaryMap;
    assert.equal(devSummary?.AccountAccessKeysPresent, 1);
    assert.equal(prodSummary?.AccountAccessKeysPresent, 0);
    const devUsers = (await iam(dev).send(new GetAccountAuthorizationDetailsCommand({ Filter: ['User'] }))).UserDetailList?.map((u) => u.UserName);
    const prodUsers = (await iam(prod).send(new GetAccountAuthorizationDetailsCommand({ Filter: ['User'] }))).UserDetailList?.map((u) => u.UserName);
    assert.deepEqual(devUsers, ['dev.one']);
    assert.deepEqual(prodUsers, []);

    const logged = fake.calls.filter((c) => c.action === 'iam:GetAccountSummary').map((c) => c.accountId);
    assert.deepEqual(logged, [ACCOUNTS.dev, ACCOUNTS.prod]);
  });

  it('an access key the fake never issued (ASIA…) is InvalidClientTokenId', async () => {
    const err = await rejection(sts({ accessKeyId: 'ASIANEVERISSUED00001', secretAccessKey: 'x', sessionToken: 't' }).send(new GetCallerIdentityCommand({})));
    assert.equal(err.name, 'InvalidClientTokenId');
    assert.equal(err.$metadata.httpStatusCode, 403);
  });
});

describe('fake org: sts:AssumeRole', () => {
  it('is denied, in AWS words, for a deleted role, a suspended account and an account denied by fault', async () => {
    const caller = (await sts(base()).send(new GetCallerIdentityCommand({}))).Arn;
    for (const account of [ACCOUNTS.legacy, ACCOUNTS.suspended]) {
      const err = await rejection(assume(base(), role(account)));
      assert.equal(err.name, 'AccessDenied');
      assert.equal(err.$metadata.httpStatusCode, 403);
      assert.equal(err.message, `User: ${caller} is not authorized to perform: sts:AssumeRole on resource: ${role(account)}`);
    }
    fake.setFaults({ assumeRoleDenied: [ACCOUNTS.prod] });
    try {
      assert.equal((await rejection(assume(base(), role(ACCOUNTS.prod)))).name, 'AccessDenied');
      await assume(base(), role(ACCOUNTS.dev));
    } finally {
      fake.setFaults({});
    }
  });

  it('checks the external id the role requires: right one in, missing or wrong one AccessDenied, another organisation\'s id refused', async () => {
    const audit = role(ACCOUNTS.prod, 'LockdownAudit');
    const ok = await assume(scanner, audit, { ExternalId: EXTERNAL_ID });
    assert.equal((await sts(ok).send(new GetCallerIdentityCommand({}))).Account, ACCOUNTS.prod);
    for (const extra of [{}, { ExternalId: 'wrong' }, { ExternalId: OTHER_EXTERNAL_ID }]) {
      const err = await rejection(assume(scanner, audit, extra));
      assert.equal(err.name, 'AccessDenied');
      assert.equal(err.message, `User: arn:aws:iam::${SCANNER}:user/scanner is not authorized to perform: sts:AssumeRole on resource: ${audit}`);
    }
    // The scanner is not trusted by OrganizationAccountAccessRole.
    assert.equal((await rejection(assume(scanner, role(ACCOUNTS.prod)))).name, 'AccessDenied');
  });

  it('chains: into another organisation\'s management account, then into its members, at most one hour', async () => {
    const mgmt2 = other.managementAccountId;
    const hop = await assume(scanner, role(mgmt2, 'LockdownAudit'), { ExternalId: OTHER_EXTERNAL_ID, DurationSeconds: 7200 });
    const accounts = (await orgs(hop).send(new ListAccountsCommand({}))).Accounts ?? [];
    assert.equal(accounts.length, other.accounts.length);
    assert.ok(accounts.every((a) => a.Id?.startsWith('9100')));
    const member = other.accounts.find((a) => a.Name === 'Workloads Dev')?.Id ?? '';
    const inner = await assume(hop, role(member), { DurationSeconds: 3600 });
    assert.equal((await sts(inner).send(new GetCallerIdentityCommand({}))).Account, member);
    const tooLong = await rejection(assume(hop, role(member), { DurationSeconds: 3601 }));
    assert.equal(tooLong.name, 'ValidationError');
    assert.equal(tooLong.message, 'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.');
    const overMax = await rejection(assume(scanner, role(mgmt2, 'LockdownAudit'), { ExternalId: OTHER_EXTERNAL_ID, DurationSeconds: 7201 }));
    assert.equal(overMax.message, 'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.');
    assert.equal((await rejection(assume(scanner, role(mgmt2, 'LockdownAudit'), { ExternalId: OTHER_EXTERNAL_ID, DurationSeconds: 899 }))).name, 'ValidationError');
  });

  it('a session used after its Expiration is ExpiredToken (Query) / ExpiredTokenException (JSON)', async () => {
    const s = await assume(base(), role(ACCOUNTS.dev), { DurationSeconds: 900 });
    await sts(s).send(new GetCallerIdentityCommand({}));
    fake.advanceTime(901_000);
    try {
      const q = await rejection(iam(s).send(new GetAccountSummaryCommand({})));
      assert.equal(q.name, 'ExpiredToken');
      assert.equal(q.message, 'The security token included in the request is expired');
      assert.equal(q.$metadata.httpStatusCode, 403);
      const hop = await assume(base(), role(ACCOUNTS.security));
      await iam(hop).send(new GetAccountSummaryCommand({}));
      fake.advanceTime(3600_000);
      const j = await rejection(orgs(hop).send(new ListAccountsCommand({})));
      assert.equal(j.name, 'ExpiredTokenException');
    } finally {
      fake.advanceTime(-4501_000);
    }
  });
});

describe('fake org: sts:AssumeRoot', () => {
  it('audits a member root: what exists, as the root user, only within the task policy; every call recorded', async () => {
    const before = fake.assumeRootCalls.length;
    const out = await sts(base()).send(new AssumeRootCommand({ TargetPrincipal: ACCOUNTS.dev, TaskPolicyArn: { arn: AUDIT_TASK_POLICY }, DurationSeconds: 900 }));
    assert.match(out.Credentials?.AccessKeyId ?? '', /^ASIA/);
    const lifetime = (out.Credentials?.Expiration?.getTime() ?? 0) - Date.now();
    assert.ok(lifetime <= 900_000 && lifetime > 890_000);
    const root = { accessKeyId: out.Credentials?.AccessKeyId ?? '', secretAccessKey: out.Credentials?.SecretAccessKey ?? '', sessionToken: out.Credentials?.SessionToken ?? '' };
    const who = await sts(root).send(new GetCallerIdentityCommand({}));
    assert.deepEqual([who.Account, who.Arn, who.UserId], [ACCOUNTS.dev, `arn:aws:iam::${ACCOUNTS.dev}:root`, ACCOUNTS.dev]);

    const c = iam(root);
    assert.ok((await c.send(new GetLoginProfileCommand({}))).LoginProfile?.CreateDate instanceof Date);
    const keys = (await c.send(new ListAccessKeysCommand({}))).AccessKeyMetadata ?? [];
    assert.equal(keys.length, 1);
    assert.equal(keys[0]?.Status, 'Active');
    const used = await c.send(new GetAccessKeyLastUsedCommand({ AccessKeyId: keys[0]?.AccessKeyId }));
    assert.equal(used.AccessKeyLastUsed?.ServiceName, 's3');
    assert.match((await c.send(new ListMFADevicesCommand({}))).MFADevices?.[0]?.SerialNumber ?? '', /:mfa\/root-account-mfa-device$/);
    assert.equal((await c.send(new ListSigningCertificatesCommand({}))).Certificates?.length, 1);
    assert.equal((await c.send(new GetUserCommand({}))).User?.Arn, `arn:aws:iam::${ACCOUNTS.dev}:root`);
    const outside = await rejection(c.send(new ListUsersCommand({})));
    assert.equal(outside.name, 'AccessDenied');
    assert.match(outside.message, /not authorized to perform: iam:ListUsers .*because no session policy allows the iam:ListUsers action$/);

    const clean = iam(await assumeRoot(base(), ACCOUNTS.prod));
    const none = await rejection(clean.send(new GetLoginProfileCommand({})));
    assert.equal(none.name, 'NoSuchEntityException');
    assert.equal(none.$metadata.httpStatusCode, 404);
    assert.deepEqual((await clean.send(new ListAccessKeysCommand({}))).AccessKeyMetadata, []);
    assert.deepEqual((await clean.send(new ListMFADevicesCommand({}))).MFADevices, []);
    assert.deepEqual((await clean.send(new ListSigningCertificatesCommand({}))).Certificates, []);

    const recorded = fake.assumeRootCalls.slice(before);
    assert.deepEqual(recorded.map((r) => [r.targetPrincipal, r.taskPolicyArn, r.outcome, r.region]), [
      [ACCOUNTS.dev, AUDIT_TASK_POLICY, 'issued', 'eu-west-1'], [ACCOUNTS.prod, AUDIT_TASK_POLICY, 'issued', 'eu-west-1'],
    ]);
    const params = fake.calls.filter((x) => x.action === 'sts:AssumeRoot').at(-1)?.params;
    assert.equal(params?.['TaskPolicyArn.arn'], AUDIT_TASK_POLICY);
  });

  it('is refused for another policy, the management account, a non-admin caller, over 900 s, or when root sessions are off', async () => {
    const denied = async (p: Promise<unknown>) => {
      const err = await rejection(p);
      assert.equal(err.name, 'AccessDenied', err.message);
      assert.equal(err.$metadata.httpStatusCode, 403);
      return err;
    };
    const err = await denied(assumeRoot(base(), ACCOUNTS.dev, 'arn:aws:iam::aws:policy/AdministratorAccess'));
    assert.match(err.message, new RegExp(`is not authorized to perform: sts:AssumeRoot on resource: arn:aws:iam::${ACCOUNTS.dev}:root$`));
    await denied(assumeRoot(base(), ACCOUNTS.management));
    await denied(assumeRoot(await assume(base(), role(ACCOUNTS.prod)), ACCOUNTS.dev));
    await denied(assumeRoot(scanner, ACCOUNTS.dev));
    await denied(assumeRoot(base(), other.accounts[1]?.Id ?? ''));
    const long = await rejection(assumeRoot(base(), ACCOUNTS.dev, AUDIT_TASK_POLICY, { DurationSeconds: 901 }));
    assert.equal(long.name, 'ValidationError');
    // Another task policy gets a session, but only its own actions.
    const s3 = iam(await assumeRoot(base(), ACCOUNTS.dev, 'arn:aws:iam::aws:policy/root-task/S3UnlockBucketPolicy'));
    await denied(s3.send(new ListAccessKeysCommand({})));
    // The delegated administrator for IAM may; nobody may once RootSessions is off.
    const security = await assume(base(), role(ACCOUNTS.security));
    await assumeRoot(security, ACCOUNTS.dev);
    org.centralizedRootAccess.RootSessions = false;
    try {
      await denied(assumeRoot(base(), ACCOUNTS.dev));
    } finally {
      org.centralizedRootAccess.RootSessions = true;
    }
    const outcomes = fake.assumeRootCalls.map((r) => r.outcome);
    assert.ok(outcomes.includes('AccessDenied') && outcomes.includes('ValidationError'));
  });
});

describe('fake org: Organizations', () => {
  it('ListAccounts pages at most 20, with states, e-mails and the deprecated Status', async () => {
    const c = orgs(base());
    const bad = await rejection(c.send(new ListAccountsCommand({ MaxResults: 21 })));
    assert.ok(bad instanceof InvalidInputException);
    const pages: number[] = [];
    const all = [];
    for await (const p of paginateListAccounts({ client: c, pageSize: 3 }, {})) {
      pages.push(p.Accounts?.length ?? 0);
      all.push(...(p.Accounts ?? []));
    }
    assert.deepEqual(pages, [3, 3, 1]);
    const byId = new Map(all.map((a) => [a.Id, a]));
    assert.equal(byId.get(ACCOUNTS.suspended)?.State, 'SUSPENDED');
    assert.equal(byId.get(ACCOUNTS.suspended)?.Status, 'SUSPENDED');
    assert.equal(byId.get(ACCOUNTS.closing)?.State, 'PENDING_CLOSURE');
    assert.equal(byId.get(ACCOUNTS.dev)?.Email, 'aws-dev@example.com');
    assert.equal(byId.get(ACCOUNTS.dev)?.Arn, `arn:aws:organizations::${ACCOUNTS.management}:account/${org.Id}/${ACCOUNTS.dev}`);
    assert.ok(byId.get(ACCOUNTS.dev)?.JoinedTimestamp instanceof Date);
    org.statusRetired = true;
    try {
      const retired = (await c.send(new DescribeAccountCommand({ AccountId: ACCOUNTS.suspended }))).Account;
      assert.deepEqual([retired?.State, retired?.Status], ['SUSPENDED', undefined]);
    } finally {
      org.statusRetired = false;
    }
  });

  it('answers the organisation tree: roots, parents, children, OUs, accounts per parent', async () => {
    const c = orgs(base());
    const roots = (await c.send(new ListRootsCommand({}))).Roots ?? [];
    assert.deepEqual(roots.map((r) => [r.Id, r.Name, r.PolicyTypes?.[0]?.Type]), [[ORG_ROOT_ID, 'Root', 'SERVICE_CONTROL_POLICY']]);
    assert.deepEqual((await c.send(new ListParentsCommand({ ChildId: ACCOUNTS.prod }))).Parents, [{ Id: OU.prod, Type: 'ORGANIZATIONAL_UNIT' }]);
    assert.deepEqual((await c.send(new ListParentsCommand({ ChildId: OU.prod }))).Parents, [{ Id: OU.workloads, Type: 'ORGANIZATIONAL_UNIT' }]);
    assert.deepEqual((await c.send(new ListParentsCommand({ ChildId: OU.workloads }))).Parents, [{ Id: ORG_ROOT_ID, Type: 'ROOT' }]);
    assert.ok((await rejection(c.send(new ListParentsCommand({ ChildId: '123456789012' })))) instanceof ChildNotFoundException);
    const ous = (await c.send(new ListOrganizationalUnitsForParentCommand({ ParentId: OU.workloads }))).OrganizationalUnits ?? [];
    assert.deepEqual(ous.map((o) => o.Name), ['Prod', 'Dev']);
    assert.equal(ous[0]?.Arn, `arn:aws:organizations::${ACCOUNTS.management}:ou/${org.Id}/${OU.prod}`);
    const children = (await c.send(new ListChildrenCommand({ ParentId: ORG_ROOT_ID, ChildType: 'ACCOUNT' }))).Children;
    assert.deepEqual(children, [{ Id: ACCOUNTS.management, Type: 'ACCOUNT' }]);
    assert.deepEqual((await c.send(new ListAccountsForParentCommand({ ParentId: OU.prod }))).Accounts?.map((a) => a.Name), ['Workloads Prod', 'Data Lake']);
    assert.equal((await c.send(new DescribeOrganizationalUnitCommand({ OrganizationalUnitId: OU.sandbox }))).OrganizationalUnit?.Name, 'Sandbox');
    assert.equal((await c.send(new DescribeAccountCommand({ AccountId: ACCOUNTS.legacy }))).Account?.Name, 'Sandbox Legacy');
    const o = (await c.send(new DescribeOrganizationCommand({}))).Organization;
    assert.deepEqual([o?.Id, o?.MasterAccountId, o?.FeatureSet], [org.Id, ACCOUNTS.management, 'ALL']);
    const admins = (await c.send(new ListDelegatedAdministratorsCommand({ ServicePrincipal: 'iam.amazonaws.com' }))).DelegatedAdministrators ?? [];
    assert.deepEqual(admins.map((a) => a.Id), [ACCOUNTS.security]);
    assert.ok(admins[0]?.DelegationEnabledDate instanceof Date);
  });

  it('service control policies: list, describe (Content as a JSON string), targets, policies per target', async () => {
    const c = orgs(base());
    const list = (await c.send(new ListPoliciesCommand({ Filter: 'SERVICE_CONTROL_POLICY' }))).Policies ?? [];
    assert.deepEqual(list.map((p) => [p.Id, p.AwsManaged]), [['p-FullAWSAccess', true], ['p-denyroot1', false], ['p-denyleave', false]]);
    assert.equal(list[0]?.Arn, 'arn:aws:organizations::aws:policy/service_control_policy/p-FullAWSAccess');
    const policy = (await c.send(new DescribePolicyCommand({ PolicyId: 'p-denyroot1' }))).Policy;
    assert.equal(typeof policy?.Content, 'string');
    const content = JSON.parse(policy?.Content ?? '') as { Statement: { Effect: string; Condition: Record<string, Record<string, string[]>> }[] };
    assert.deepEqual(content.Statement[0]?.Condition.StringLike?.['aws:PrincipalArn'], ['arn:aws:iam::*:root']);
    const targets = (await c.send(new ListTargetsForPolicyCommand({ PolicyId: 'p-denyroot1' }))).Targets ?? [];
    assert.deepEqual(targets.map((t) => [t.TargetId, t.Type, t.Name]), [[OU.security, 'ORGANIZATIONAL_UNIT', 'Security'], [OU.workloads, 'ORGANIZATIONAL_UNIT', 'Workloads']]);
    const sandbox = (await c.send(new ListPoliciesForTargetCommand({ TargetId: OU.sandbox, Filter: 'SERVICE_CONTROL_POLICY' }))).Policies ?? [];
    assert.deepEqual(sandbox.map((p) => p.Name), ['FullAWSAccess']);
    const rootPolicies = (await c.send(new ListPoliciesForTargetCommand({ TargetId: ORG_ROOT_ID, Filter: 'SERVICE_CONTROL_POLICY' }))).Policies ?? [];
    assert.deepEqual(rootPolicies.map((p) => p.Name), ['FullAWSAccess', 'DenyLeaveOrg']);
  });

  it('a member is AccessDeniedException, an account outside any organisation AWSOrganizationsNotInUseException; the delegated admin may list', async () => {
    const prod = orgs(await assume(base(), role(ACCOUNTS.prod)));
    const err = await rejection(prod.send(new ListAccountsCommand({})));
    assert.ok(err instanceof OrgAccessDenied);
    assert.equal(err.message, 'You don\'t have permissions to access this resource.');
    assert.equal((await prod.send(new DescribeOrganizationCommand({}))).Organization?.Id, org.Id);
    const outside = await rejection(orgs(scanner).send(new ListAccountsCommand({})));
    assert.ok(outside instanceof AWSOrganizationsNotInUseException);
    assert.equal(outside.message, 'Your account is not a member of an organization.');
    const security = orgs(await assume(base(), role(ACCOUNTS.security)));
    assert.equal((await security.send(new ListAccountsCommand({}))).Accounts?.length, org.accounts.length);
    assert.ok((await rejection(security.send(new ListDelegatedAdministratorsCommand({})))) instanceof OrgAccessDenied);
  });
});

describe('fake org: centralized root access and alternate contacts', () => {
  it('ListOrganizationsFeatures answers per organisation and caller', async () => {
    const out = await iam(base()).send(new ListOrganizationsFeaturesCommand({}));
    assert.deepEqual([out.OrganizationId, out.EnabledFeatures], [org.Id, ['RootCredentialsManagement', 'RootSessions']]);
    const member = await rejection(iam(await assume(base(), role(ACCOUNTS.prod))).send(new ListOrganizationsFeaturesCommand({})));
    assert.equal(member.name, 'AccountNotManagementOrDelegatedAdministratorException');
    assert.equal((await rejection(iam(scanner).send(new ListOrganizationsFeaturesCommand({})))).name, 'OrganizationNotFoundException');
    org.centralizedRootAccess.RootSessions = false;
    try {
      assert.deepEqual((await iam(base()).send(new ListOrganizationsFeaturesCommand({}))).EnabledFeatures, ['RootCredentialsManagement']);
    } finally {
      org.centralizedRootAccess.RootSessions = true;
    }
  });

  it('GetAlternateContact/GetPrimaryEmail with AccountId from the management account (trusted access), inside a member for its own', async () => {
    const mgmt = new AccountClient(cfg(base()));
    const sec = await mgmt.send(new GetAlternateContactCommand({ AccountId: ACCOUNTS.dev, AlternateContactType: 'SECURITY' }));
    assert.equal(sec.AlternateContact?.EmailAddress, 'security@example.com');
    assert.ok((await rejection(mgmt.send(new GetAlternateContactCommand({ AccountId: ACCOUNTS.dev, AlternateContactType: 'OPERATIONS' })))) instanceof ResourceNotFoundException);
    const member = new AccountClient(cfg(await assume(base(), role(ACCOUNTS.prod))));
    assert.equal((await member.send(new GetAlternateContactCommand({ AlternateContactType: 'BILLING' }))).AlternateContact?.Name, 'Finance');
    assert.ok((await rejection(member.send(new GetAlternateContactCommand({ AccountId: ACCOUNTS.dev, AlternateContactType: 'BILLING' })))) instanceof AccountAccessDenied);
    const self = await rejection(mgmt.send(new GetAlternateContactCommand({ AccountId: ACCOUNTS.management, AlternateContactType: 'SECURITY' })));
    assert.ok(self instanceof AccountAccessDenied);
    assert.equal(self.message, 'The management account can only be managed using the standalone context from the management account.');
    assert.equal((await mgmt.send(new GetAlternateContactCommand({ AlternateContactType: 'SECURITY' }))).AlternateContact?.EmailAddress, 'security@example.com');
    assert.ok((await rejection(member.send(new GetAlternateContactCommand({ AccountId: ACCOUNTS.prod, AlternateContactType: 'BILLING' })))) instanceof AccountAccessDenied);
    assert.equal((await mgmt.send(new GetPrimaryEmailCommand({ AccountId: ACCOUNTS.dev }))).PrimaryEmail, 'aws-dev@example.com');
    assert.ok((await rejection(member.send(new GetPrimaryEmailCommand({ AccountId: ACCOUNTS.prod })))) instanceof AccountAccessDenied);
    const saved = org.trustedAccess;
    org.trustedAccess = saved.filter((s) => s !== 'account.amazonaws.com');
    try {
      assert.ok((await rejection(mgmt.send(new GetAlternateContactCommand({ AccountId: ACCOUNTS.dev, AlternateContactType: 'SECURITY' })))) instanceof AccountAccessDenied);
    } finally {
      org.trustedAccess = saved;
    }
  });
});

describe('fake org: per-account faults and the call log', () => {
  it('latency, throttling and AccessDenied apply to the account that calls, per API family', async () => {
    const dev = await assume(base(), role(ACCOUNTS.dev));
    const prod = await assume(base(), role(ACCOUNTS.prod));
    fake.setFaults({
      all: { latencyMs: 0 },
      accounts: {
        [ACCOUNTS.dev]: { latencyByService: { iam: 120 }, alwaysThrottle: ['iam:GetAccountAuthorizationDetails'] },
        [ACCOUNTS.prod]: { accessDenied: ['iam:GetAccountSummary'] },
      },
    });
    try {
      let t = performance.now();
      await iam(dev).send(new GetAccountSummaryCommand({}));
      assert.ok(performance.now() - t >= 110);
      t = performance.now();
      await sts(dev).send(new GetCallerIdentityCommand({}));
      assert.ok(performance.now() - t < 100);
      const throttled = await rejection(iam(dev).send(new GetAccountAuthorizationDetailsCommand({})));
      assert.equal(throttled.name, 'Throttling');
      await iam(prod).send(new GetAccountAuthorizationDetailsCommand({}));
      const deniedErr = await rejection(iam(prod).send(new GetAccountSummaryCommand({})));
      assert.equal(deniedErr.name, 'AccessDenied');
      assert.match(deniedErr.message, new RegExp(`^User: arn:aws:sts::${ACCOUNTS.prod}:assumed-role/`));
      await iam(dev).send(new GetAccountSummaryCommand({}));
    } finally {
      fake.setFaults({});
    }
  });

  it('a rate limit per API family throttles one account beyond its budget and leaves the others alone', async () => {
    const dev = await assume(base(), role(ACCOUNTS.dev));
    fake.setFaults({ accounts: { [ACCOUNTS.management]: { rateLimit: { organizations: 3 } } } });
    try {
      const c = orgs(base());
      const results = await Promise.allSettled(Array.from({ length: 6 }, () => c.send(new DescribeOrganizationCommand({}))));
      const codes = results.map((r) => (r.status === 'fulfilled' ? 'ok' : (r.reason as Error).name));
      assert.equal(codes.filter((x) => x === 'ok').length, 3, codes.join());
      assert.equal(codes.filter((x) => x === 'TooManyRequestsException').length, 3);
      await Promise.all(Array.from({ length: 6 }, () => orgs(dev).send(new DescribeOrganizationCommand({}))));
    } finally {
      fake.setFaults({});
    }
  });

  it('AssumeRole into one account can be slow, throttled or never answered, whoever calls', async () => {
    fake.setFaults({ assumeRoleInto: { [ACCOUNTS.dev]: { latencyMs: 150 }, [ACCOUNTS.prod]: { throttle: 2 }, [ACCOUNTS.security]: { hang: true } } });
    try {
      let t = performance.now();
      await assume(base(), role(ACCOUNTS.dev));
      assert.ok(performance.now() - t >= 140);
      t = performance.now();
      await assume(scanner, role(ACCOUNTS.legacy, 'LockdownAudit'), { ExternalId: EXTERNAL_ID });
      assert.ok(performance.now() - t < 100);
      assert.equal((await rejection(assume(base(), role(ACCOUNTS.prod)))).name, 'Throttling');
      assert.equal((await rejection(assume(base(), role(ACCOUNTS.prod)))).name, 'Throttling');
      await assume(base(), role(ACCOUNTS.prod));
      const err = await rejection(sts(base()).send(new AssumeRoleCommand({ RoleArn: role(ACCOUNTS.security), RoleSessionName: 'lockdown' }), { abortSignal: AbortSignal.timeout(200) }));
      assert.match(err.name, /Abort|Timeout/i);
      assert.equal(fake.calls.filter((c) => c.action === 'sts:AssumeRole').at(-1)?.status, 0);
    } finally {
      fake.setFaults({});
    }
  });

  it('logs account, principal, service, action and params; counts calls per account', async () => {
    await orgs(base()).send(new ListAccountsCommand({ MaxResults: 5 }));
    const last = fake.calls.filter((c) => c.action === 'organizations:ListAccounts').at(-1);
    assert.equal(last?.accountId, ACCOUNTS.management);
    assert.equal(last?.service, 'organizations');
    assert.deepEqual(last?.params, { MaxResults: 5 });
    assert.equal(last?.status, 200);
    const assumeCall = fake.calls.find((c) => c.action === 'sts:AssumeRole' && c.params.ExternalId === EXTERNAL_ID);
    assert.equal(assumeCall?.accountId, SCANNER);
    const counts = fake.callCounts();
    assert.ok((counts.get(ACCOUNTS.management) ?? 0) > 10);
    assert.ok((counts.get(ACCOUNTS.dev) ?? 0) > 3);
  });
});

describe('fake org: bigOrgScenario', () => {
  it('is deterministic, builds accounts lazily and serves 1,000 accounts × 50 users', async () => {
    const t = performance.now();
    const big = bigOrgScenario({ accounts: 1000, usersPerAccount: 50 });
    assert.ok(performance.now() - t < 500, 'building the organisation must not build 1,000 accounts');
    const again = bigOrgScenario({ accounts: 1000, usersPerAccount: 50 });
    assert.deepEqual(big.accounts.map((a) => [a.Id, a.Email, a.State, a.parentId]), again.accounts.map((a) => [a.Id, a.Email, a.State, a.parentId]));
    assert.ok(big.accounts.some((a) => a.State === 'SUSPENDED') && big.accounts.some((a) => a.State === 'PENDING_CLOSURE'));
    assert.ok(big.accounts.every((a) => /^\d{12}$/.test(a.Id)));
    // A small cache: accounts are dropped and rebuilt identical.
    const small = bigOrgScenario({ accounts: 10, usersPerAccount: 5, cacheSize: 2 });
    const first = small.accounts[1]?.iam;
    void small.accounts[2]?.iam;
    void small.accounts[3]?.iam;
    const rebuilt = small.accounts[1]?.iam;
    assert.notEqual(rebuilt, first);
    assert.deepEqual(rebuilt, first);
    const server = await startFakeOrg(big);
    try {
      const c = new OrganizationsClient({ endpoint: server.url, region: 'us-east-1', credentials: server.baseCredentials, maxAttempts: 1 });
      let n = 0;
      for await (const p of paginateListAccounts({ client: c }, {})) n += p.Accounts?.length ?? 0;
      assert.equal(n, 1000);
      const member = big.accounts[5]?.Id ?? '';
      const s = new STSClient({ endpoint: server.url, region: 'us-east-1', credentials: server.baseCredentials, maxAttempts: 1 });
      const out = await s.send(new AssumeRoleCommand({ RoleArn: role(member), RoleSessionName: 'bench' }));
      const creds = { accessKeyId: out.Credentials?.AccessKeyId ?? '', secretAccessKey: out.Credentials?.SecretAccessKey ?? '', sessionToken: out.Credentials?.SessionToken ?? '' };
      const summary = await new IAMClient({ endpoint: server.url, region: 'us-east-1', credentials: creds, maxAttempts: 1 }).send(new GetAccountSummaryCommand({}));
      assert.equal(summary.SummaryMap?.Users, 50);
    } finally {
      await server.close();
    }
  });
});
