// Drives the fake AWS endpoint with the real, unmodified SDK v3 clients.
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { AccessAnalyzerClient, ListAnalyzersCommand } from '@aws-sdk/client-accessanalyzer';
import {
  AccessDeniedException as AccountAccessDenied, AccountClient, GetAlternateContactCommand, GetPrimaryEmailCommand, ListRegionsCommand, ResourceNotFoundException, ValidationException,
  paginateListRegions,
} from '@aws-sdk/client-account';
import {
  AccountNotManagementOrDelegatedAdministratorException, CredentialReportExpiredException, CredentialReportNotPresentException, CredentialReportNotReadyException,
  GenerateCredentialReportCommand, GetAccountAuthorizationDetailsCommand, GetAccountPasswordPolicyCommand, GetAccountSummaryCommand, GetCredentialReportCommand,
  IAMClient, IAMServiceException, ListOrganizationsFeaturesCommand, ListServerCertificatesCommand, ListUsersCommand, ListVirtualMFADevicesCommand,
  NoSuchEntityException, OrganizationNotFoundException, ServiceFailureException, paginateGetAccountAuthorizationDetails, paginateListVirtualMFADevices,
} from '@aws-sdk/client-iam';
import {
  AccessDeniedException as OrgAccessDenied, AWSOrganizationsNotInUseException, DescribeAccountCommand, DescribeOrganizationCommand, ListAccountsCommand,
  OrganizationsClient, TooManyRequestsException, paginateListAccounts,
} from '@aws-sdk/client-organizations';
import { ListInstancesCommand, SSOAdminClient } from '@aws-sdk/client-sso-admin';
import { GetCallerIdentityCommand, STSClient, STSServiceException } from '@aws-sdk/client-sts';
import { REPORT_COLUMNS } from './credential-report.js';
import { DEFAULT_REGIONS, NOW, daysAgo, hardenedScenario, insecureScenario, memberRootRemovedScenario, scaledScenario } from './scenarios.js';
import { startFakeAws, type FakeAws } from './server.js';
import { toXml } from './xml.js';

/** A credential report timestamp: 2026-11-20T10:00:00+00:00. */
const reportTime = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, '+00:00');

// Nothing may leave loopback: no instance metadata, no real config or credentials files.
const sandbox = mkdtempSync(join(tmpdir(), 'fake-aws-test-'));
process.env.AWS_EC2_METADATA_DISABLED = 'true';
process.env.AWS_CONFIG_FILE = join(sandbox, 'config');
process.env.AWS_SHARED_CREDENTIALS_FILE = join(sandbox, 'credentials');

const credentials = { accessKeyId: 'AKIDFAKE', secretAccessKey: 'x' };
const cfg = (fake: FakeAws, region = 'us-east-1', extra: Record<string, unknown> = {}) =>
  ({ endpoint: fake.url, region, credentials, maxAttempts: 1, ...extra });

/** The error a promise rejects with (fails when it resolves). */
async function rejection(p: Promise<unknown>): Promise<Error & { name: string; $metadata: { httpStatusCode?: number } }> {
  try {
    await p;
  } catch (err) {
    return err as Error & { name: string; $metadata: { httpStatusCode?: number } };
  }
  assert.fail('expected the call to fail');
}

const decodePolicy = (doc: string | undefined) => JSON.parse(decodeURIComponent(doc ?? '')) as Record<string, unknown>;

describe('fake AWS: the XML writer', () => {
  it('escapes text, writes maps as entries, dates without milliseconds, empty lists as empty elements', () => {
    const xml = toXml('R', { A: 'x & <y> "z" \'q\'', M: new Map([['k', 1]]), D: new Date('2026-11-20T10:00:00.123Z'), L: [], N: undefined, T: true });
    assert.equal(xml, '<R><A>x &amp; &lt;y&gt; &quot;z&quot; &apos;q&apos;</A><M><entry><key>k</key><value>1</value></entry></M><D>2026-11-20T10:00:00Z</D><L/><T>true</T></R>');
    assert.equal(toXml('L', ['a', 'b'], 'item'), '<L><item>a</item><item>b</item></L>');
  });
});

describe('fake AWS: hardened management account', () => {
  let fake: FakeAws;
  before(async () => { fake = await startFakeAws(hardenedScenario()); });
  after(() => fake.close());

  it('STS GetCallerIdentity', async () => {
    const out = await new STSClient(cfg(fake)).send(new GetCallerIdentityCommand({}));
    assert.equal(out.Account, '111122223333');
    assert.equal(out.Arn, 'arn:aws:sts::111122223333:assumed-role/SecurityAudit/lockdown');
    assert.match(out.UserId ?? '', /^AROA[A-Z2-7]{17}:lockdown$/);
    assert.equal(out.$metadata.httpStatusCode, 200);
    assert.ok(out.$metadata.requestId);
  });

  it('IAM GetAccountSummary, GetAccountPasswordPolicy, ListServerCertificates, ListOrganizationsFeatures', async () => {
    const iam = new IAMClient(cfg(fake));
    const summary = await iam.send(new GetAccountSummaryCommand({}));
    assert.equal(summary.SummaryMap?.AccountMFAEnabled, 1);
    assert.equal(summary.SummaryMap?.AccountAccessKeysPresent, 0);
    assert.equal(summary.SummaryMap?.Users, 5);
    const policy = await iam.send(new GetAccountPasswordPolicyCommand({}));
    assert.equal(policy.PasswordPolicy?.MinimumPasswordLength, 14);
    assert.equal(policy.PasswordPolicy?.RequireSymbols, true);
    assert.equal(policy.PasswordPolicy?.ExpirePasswords, true);
    assert.equal(policy.PasswordPolicy?.MaxPasswordAge, 90);
    const certs = await iam.send(new ListServerCertificatesCommand({}));
    assert.equal(certs.ServerCertificateMetadataList?.length, 1);
    assert.ok(certs.ServerCertificateMetadataList?.[0]?.Expiration instanceof Date);
    assert.equal(certs.IsTruncated, false);
    const features = await iam.send(new ListOrganizationsFeaturesCommand({}));
    assert.equal(features.OrganizationId, 'o-a1b2c3d4e5');
    assert.deepEqual(features.EnabledFeatures, ['RootCredentialsManagement', 'RootSessions']);
  });

  it('IAM ListVirtualMFADevices filters on AssignmentStatus', async () => {
    const iam = new IAMClient(cfg(fake));
    const assigned = await iam.send(new ListVirtualMFADevicesCommand({ AssignmentStatus: 'Assigned' }));
    assert.deepEqual(assigned.VirtualMFADevices?.map((d) => d.User?.UserName), ['alice.admin', 'carol.audit']);
    assert.ok(assigned.VirtualMFADevices?.[0]?.EnableDate instanceof Date);
    assert.ok(assigned.VirtualMFADevices?.[0]?.User?.CreateDate instanceof Date);
    const unassigned = await iam.send(new ListVirtualMFADevicesCommand({ AssignmentStatus: 'Unassigned' }));
    assert.deepEqual(unassigned.VirtualMFADevices, []);
  });

  it('IAM GetAccountAuthorizationDetails: URL-encoded documents, all entity kinds, Filter', async () => {
    const iam = new IAMClient(cfg(fake));
    const out = await iam.send(new GetAccountAuthorizationDetailsCommand({}));
    assert.equal(out.IsTruncated, false);
    assert.equal(out.UserDetailList?.length, 5);
    const alice = out.UserDetailList?.find((u) => u.UserName === 'alice.admin');
    assert.deepEqual(alice?.GroupList, ['Admins']);
    assert.deepEqual(alice?.AttachedManagedPolicies, []);
    assert.equal(alice?.UserPolicyList, undefined, 'IAM omits an empty UserPolicyList');
    assert.ok(alice?.CreateDate instanceof Date);
    const ci = out.UserDetailList?.find((u) => u.UserName === 'ci-deploy');
    assert.equal(ci?.Arn, 'arn:aws:iam::111122223333:user/automation/ci-deploy');
    const deployers = out.GroupDetailList?.find((g) => g.GroupName === 'Deployers');
    assert.equal(deployers?.Arn, 'arn:aws:iam::111122223333:group/automation/Deployers');
    assert.equal(deployers?.AttachedManagedPolicies?.[0]?.PolicyArn, 'arn:aws:iam::111122223333:policy/DeployPipeline');
    const dev = out.GroupDetailList?.find((g) => g.GroupName === 'Developers');
    assert.match(dev?.GroupPolicyList?.[0]?.PolicyDocument ?? '', /^%7B%22Version%22/);
    assert.equal((decodePolicy(dev?.GroupPolicyList?.[0]?.PolicyDocument).Statement as { Effect: string }[])[0]?.Effect, 'Deny');
    const role = out.RoleDetailList?.find((r) => r.RoleName === 'SupportRole');
    assert.deepEqual(decodePolicy(role?.AssumeRolePolicyDocument).Statement, [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'sts:AssumeRole' }]);
    assert.deepEqual(role?.InstanceProfileList, []);
    assert.deepEqual(role?.RolePolicyList, []);
    assert.equal(out.Policies?.find((p) => p.PolicyName === 'AdministratorAccess'), undefined, 'nothing attaches AdministratorAccess');
    const power = out.Policies?.find((p) => p.PolicyName === 'PowerUserAccess');
    assert.equal(power?.Arn, 'arn:aws:iam::aws:policy/PowerUserAccess');
    assert.equal(power?.AttachmentCount, 3);
    assert.deepEqual((decodePolicy(power?.PolicyVersionList?.[0]?.Document).Statement as { NotAction?: string[] }[])[0]?.NotAction, ['iam:*', 'organizations:*', 'account:*']);
    const deploy = out.Policies?.find((p) => p.PolicyName === 'DeployPipeline');
    assert.equal(deploy?.DefaultVersionId, 'v2');
    assert.deepEqual(deploy?.PolicyVersionList?.map((v) => v.IsDefaultVersion), [false, true]);

    const roles = await iam.send(new GetAccountAuthorizationDetailsCommand({ Filter: ['Role'] }));
    assert.deepEqual([roles.UserDetailList?.length, roles.GroupDetailList?.length, roles.RoleDetailList?.length, roles.Policies?.length], [0, 0, 6, 0]);
    const local = await iam.send(new GetAccountAuthorizationDetailsCommand({ Filter: ['LocalManagedPolicy'] }));
    assert.deepEqual(local.Policies?.map((p) => p.PolicyName), ['DeployPipeline']);
  });

  it('Account ListRegions: opt statuses, RegionOptStatusContains, pages of MaxResults', async () => {
    const account = new AccountClient(cfg(fake));
    const enabled = await account.send(new ListRegionsCommand({ RegionOptStatusContains: ['ENABLED', 'ENABLED_BY_DEFAULT'], MaxResults: 50 }));
    assert.deepEqual(enabled.Regions?.map((r) => r.RegionName), [...DEFAULT_REGIONS].sort());
    assert.equal(enabled.Regions?.find((r) => r.RegionName === 'us-east-1')?.RegionOptStatus, 'ENABLED_BY_DEFAULT');
    assert.equal(enabled.NextToken, undefined);
    const all = await account.send(new ListRegionsCommand({ MaxResults: 50 }));
    assert.equal(all.Regions?.length, 32);
    assert.equal(all.Regions?.find((r) => r.RegionName === 'af-south-1')?.RegionOptStatus, 'DISABLED');
    const pages: number[] = [];
    for await (const page of paginateListRegions({ client: account, pageSize: 5 }, {})) pages.push(page.Regions?.length ?? 0);
    assert.deepEqual(pages, [5, 5, 5, 5, 5, 5, 2]);
    const bad = await rejection(account.send(new ListRegionsCommand({ RegionOptStatusContains: ['OPTED_IN' as 'ENABLED'] })));
    assert.ok(bad instanceof ValidationException);
  });

  it('Account GetAlternateContact and GetPrimaryEmail', async () => {
    const account = new AccountClient(cfg(fake));
    const out = await account.send(new GetAlternateContactCommand({ AlternateContactType: 'SECURITY' }));
    assert.deepEqual(out.AlternateContact, { AlternateContactType: 'SECURITY', EmailAddress: 'security@example.com', Name: 'Security Team', PhoneNumber: '+31 20 123 4567', Title: 'CISO' });
    const email = await account.send(new GetPrimaryEmailCommand({ AccountId: '111122223333' }));
    assert.equal(email.PrimaryEmail, 'aws-root@example.com');
  });

  it('Organizations DescribeOrganization, DescribeAccount, ListAccounts with NextToken', async () => {
    const orgs = new OrganizationsClient(cfg(fake));
    const org = await orgs.send(new DescribeOrganizationCommand({}));
    assert.equal(org.Organization?.MasterAccountId, '111122223333');
    assert.equal(org.Organization?.FeatureSet, 'ALL');
    const acct = await orgs.send(new DescribeAccountCommand({ AccountId: '333344445555' }));
    assert.equal(acct.Account?.Email, 'aws-prod@example.com');
    assert.ok(acct.Account?.JoinedTimestamp instanceof Date);
    assert.equal(acct.Account?.JoinedTimestamp?.getTime(), NOW.getTime() - 600 * 86_400_000);
    const first = await orgs.send(new ListAccountsCommand({ MaxResults: 3 }));
    assert.equal(first.Accounts?.length, 3);
    assert.ok(first.NextToken);
    const ids: string[] = [];
    for await (const page of paginateListAccounts({ client: orgs, pageSize: 1 }, {})) ids.push(...(page.Accounts ?? []).map((a) => a.Id ?? ''));
    assert.deepEqual(ids, ['111122223333', '333344445555', '444455556666', '555566667777']);
  });

  it('Access Analyzer ListAnalyzers answers for the signed region', async () => {
    const out = await new AccessAnalyzerClient(cfg(fake, 'eu-west-1')).send(new ListAnalyzersCommand({}));
    assert.equal(out.analyzers?.length, 1);
    assert.equal(out.analyzers?.[0]?.arn, 'arn:aws:access-analyzer:eu-west-1:111122223333:analyzer/org-analyzer');
    assert.ok(out.analyzers?.[0]?.createdAt instanceof Date);
    const account = await new AccessAnalyzerClient(cfg(fake, 'eu-west-1')).send(new ListAnalyzersCommand({ type: 'ACCOUNT' }));
    assert.deepEqual(account.analyzers, []);
    const optIn = await new AccessAnalyzerClient(cfg(fake, 'af-south-1')).send(new ListAnalyzersCommand({}));
    assert.deepEqual(optIn.analyzers, []);
  });

  it('SSO Admin ListInstances answers for the signed region', async () => {
    const home = await new SSOAdminClient(cfg(fake, 'eu-west-1')).send(new ListInstancesCommand({}));
    assert.equal(home.Instances?.[0]?.IdentityStoreId, 'd-9367a1b2c3');
    const elsewhere = await new SSOAdminClient(cfg(fake, 'us-east-1')).send(new ListInstancesCommand({}));
    assert.deepEqual(elsewhere.Instances, []);
  });

  it('records every call with its IAM-style action and status', () => {
    const actions = new Set(fake.calls.map((c) => c.action));
    for (const a of ['sts:GetCallerIdentity', 'iam:GetAccountSummary', 'account:ListRegions', 'account:GetAlternateContact', 'organizations:ListAccounts', 'access-analyzer:ListAnalyzers', 'sso:ListInstances']) {
      assert.ok(actions.has(a), a);
    }
    assert.deepEqual(fake.calls.find((c) => c.action === 'sso:ListInstances'), { service: 'sso', action: 'sso:ListInstances', status: 200 });
  });
});

describe('fake AWS: credential report generation', () => {
  it('ReportNotPresent → STARTED → ReportInProgress → COMPLETE → the CSV', async () => {
    const fake = await startFakeAws(hardenedScenario());
    try {
      const iam = new IAMClient(cfg(fake));
      const notPresent = await rejection(iam.send(new GetCredentialReportCommand({})));
      assert.ok(notPresent instanceof CredentialReportNotPresentException);
      assert.equal(notPresent.$metadata.httpStatusCode, 410);
      assert.equal((await iam.send(new GenerateCredentialReportCommand({}))).State, 'STARTED');
      const inProgress = await rejection(iam.send(new GetCredentialReportCommand({})));
      assert.ok(inProgress instanceof CredentialReportNotReadyException);
      assert.equal(inProgress.$metadata.httpStatusCode, 404);
      assert.equal((await iam.send(new GenerateCredentialReportCommand({}))).State, 'COMPLETE');
      const report = await iam.send(new GetCredentialReportCommand({}));
      assert.equal(report.ReportFormat, 'text/csv');
      assert.ok(report.Content instanceof Uint8Array);
      assert.equal(report.GeneratedTime?.toISOString(), NOW.toISOString());
      const lines = Buffer.from(report.Content).toString('utf8').split('\n');
      assert.equal(lines[0], REPORT_COLUMNS.join(','));
      assert.equal(REPORT_COLUMNS.length, 22);
      const root = (lines[1] ?? '').split(',');
      assert.deepEqual(root.slice(0, 2), ['<root_account>', 'arn:aws:iam::111122223333:root']);
      assert.deepEqual(root.slice(3, 10), ['not_supported', reportTime(daysAgo(200)), 'not_supported', 'not_supported', 'TRUE', 'FALSE', 'N/A']);
      assert.deepEqual(fake.calls.map((c) => c.status), [410, 200, 404, 200, 200]);
    } finally {
      await fake.close();
    }
  });

  it('polling only GetCredentialReport also completes; an expired report answers ReportExpired', async () => {
    const base = insecureScenario();
    const fake = await startFakeAws({ ...base, credentialReport: { ...base.credentialReport, pollsInProgress: 2, initialState: 'expired' } });
    try {
      const iam = new IAMClient(cfg(fake));
      const expired = await rejection(iam.send(new GetCredentialReportCommand({})));
      assert.ok(expired instanceof CredentialReportExpiredException);
      assert.equal(expired.$metadata.httpStatusCode, 410);
      assert.equal((await iam.send(new GenerateCredentialReportCommand({}))).State, 'STARTED');
      await rejection(iam.send(new GetCredentialReportCommand({})));
      await rejection(iam.send(new GetCredentialReportCommand({})));
      const csv = Buffer.from((await iam.send(new GetCredentialReportCommand({}))).Content ?? []).toString('utf8');
      assert.match(csv, /\n"svc,legacy","arn:aws:iam::222233334444:user\/svc,legacy",/);
      assert.match(csv, /\nold\.contractor,[^\n]*,TRUE,no_information,/);
    } finally {
      await fake.close();
    }
  });
});

describe('fake AWS: service errors parse into the SDK exception classes', () => {
  let insecure: FakeAws;
  let member: FakeAws;
  before(async () => {
    insecure = await startFakeAws(insecureScenario({ passwordPolicy: null }));
    member = await startFakeAws(memberRootRemovedScenario());
  });
  after(async () => {
    await insecure.close();
    await member.close();
  });

  it('NoSuchEntity (no password policy) → NoSuchEntityException 404', async () => {
    const err = await rejection(new IAMClient(cfg(insecure)).send(new GetAccountPasswordPolicyCommand({})));
    assert.ok(err instanceof NoSuchEntityException);
    assert.equal(err.$metadata.httpStatusCode, 404);
    assert.match(err.message, /Password Policy/);
  });

  it('missing SECURITY contact → ResourceNotFoundException 404', async () => {
    const err = await rejection(new AccountClient(cfg(insecure)).send(new GetAlternateContactCommand({ AlternateContactType: 'SECURITY' })));
    assert.ok(err instanceof ResourceNotFoundException);
    assert.equal(err.$metadata.httpStatusCode, 404);
  });

  it('standalone account → AWSOrganizationsNotInUseException, OrganizationNotFoundException', async () => {
    const err = await rejection(new OrganizationsClient(cfg(insecure)).send(new DescribeOrganizationCommand({})));
    assert.ok(err instanceof AWSOrganizationsNotInUseException);
    assert.equal(err.$metadata.httpStatusCode, 400);
    const features = await rejection(new IAMClient(cfg(insecure)).send(new ListOrganizationsFeaturesCommand({})));
    assert.ok(features instanceof OrganizationNotFoundException);
  });

  it('member account with root credentials removed', async () => {
    const iam = new IAMClient(cfg(member));
    const summary = await iam.send(new GetAccountSummaryCommand({}));
    assert.deepEqual([summary.SummaryMap?.AccountPasswordPresent, summary.SummaryMap?.AccountMFAEnabled, summary.SummaryMap?.AccountAccessKeysPresent], [0, 0, 0]);
    assert.deepEqual((await iam.send(new ListServerCertificatesCommand({}))).ServerCertificateMetadataList, []);
    const features = await rejection(iam.send(new ListOrganizationsFeaturesCommand({})));
    assert.ok(features instanceof AccountNotManagementOrDelegatedAdministratorException);
    assert.equal(features.$metadata.httpStatusCode, 400);
    const orgs = new OrganizationsClient(cfg(member));
    assert.equal((await orgs.send(new DescribeOrganizationCommand({}))).Organization?.MasterAccountId, '111122223333');
    const denied = await rejection(orgs.send(new ListAccountsCommand({})));
    assert.ok(denied instanceof OrgAccessDenied);
    assert.equal(denied.$metadata.httpStatusCode, 403);
    await iam.send(new GenerateCredentialReportCommand({}));
    const csv = Buffer.from((await iam.send(new GetCredentialReportCommand({}))).Content ?? []).toString('utf8');
    assert.equal(csv.split('\n')[1], `<root_account>,arn:aws:iam::333344445555:root,${reportTime(daysAgo(600))},not_supported,N/A,not_supported,not_supported,FALSE,FALSE,N/A,N/A,N/A,N/A,FALSE,N/A,N/A,N/A,N/A,FALSE,N/A,FALSE,N/A`);
  });

  it('an unknown operation answers an error naming it', async () => {
    const err = await rejection(new IAMClient(cfg(insecure)).send(new ListUsersCommand({})));
    assert.equal(err.name, 'InvalidAction');
    assert.match(err.message, /ListUsers/);
    assert.equal(err.$metadata.httpStatusCode, 400);
    const raw = await fetch(`${insecure.url}/nowhere`, { method: 'POST', body: '{}' });
    assert.equal(raw.status, 404);
    assert.match(await raw.text(), /POST \/nowhere/);
    assert.deepEqual(insecure.calls.at(-1), { service: 'unknown', action: 'unknown:POST /nowhere', status: 404 });
  });
});

describe('fake AWS: pagination at scale', () => {
  const scenario = scaledScenario(5000);
  let fake: FakeAws;
  before(async () => { fake = await startFakeAws(scenario); });
  after(() => fake.close());

  it('ListVirtualMFADevices pages with MaxItems/Marker/IsTruncated', async () => {
    const iam = new IAMClient(cfg(fake));
    const serials: string[] = [];
    let marker: string | undefined;
    let pages = 0;
    do {
      const out = await iam.send(new ListVirtualMFADevicesCommand({ MaxItems: 1000, ...(marker ? { Marker: marker } : {}) }));
      pages++;
      assert.ok((out.VirtualMFADevices?.length ?? 0) <= 1000);
      serials.push(...(out.VirtualMFADevices ?? []).map((d) => d.SerialNumber ?? ''));
      assert.equal(out.IsTruncated, out.Marker !== undefined);
      marker = out.Marker;
    } while (marker);
    assert.ok(pages >= 3, `pages: ${pages}`);
    assert.equal(serials.length, scenario.virtualMfaDevices.length);
    assert.equal(new Set(serials).size, serials.length);

    let viaPaginator = 0;
    for await (const page of paginateListVirtualMFADevices({ client: iam, pageSize: 1000 }, { AssignmentStatus: 'Unassigned' })) viaPaginator += page.VirtualMFADevices?.length ?? 0;
    assert.equal(viaPaginator, 50);
  });

  it('paginateGetAccountAuthorizationDetails walks every entity', async () => {
    const iam = new IAMClient(cfg(fake));
    const counts = { users: 0, groups: 0, roles: 0, policies: 0, pages: 0 };
    for await (const page of paginateGetAccountAuthorizationDetails({ client: iam, pageSize: 1000 }, {})) {
      counts.pages++;
      counts.users += page.UserDetailList?.length ?? 0;
      counts.groups += page.GroupDetailList?.length ?? 0;
      counts.roles += page.RoleDetailList?.length ?? 0;
      counts.policies += page.Policies?.length ?? 0;
    }
    assert.deepEqual(counts, { users: 5000, groups: 60, roles: 300, policies: scenario.policies.length, pages: Math.ceil((5000 + 60 + 300 + scenario.policies.length) / 1000) });
  });

  it('MaxItems above 1000 is a ValidationError, as in IAM', async () => {
    const err = await rejection(new IAMClient(cfg(fake)).send(new ListVirtualMFADevicesCommand({ MaxItems: 5000 })));
    assert.equal(err.name, 'ValidationError');
    assert.equal(err.$metadata.httpStatusCode, 400);
  });

  it('the scaled scenario is deterministic and internally consistent', () => {
    const again = scaledScenario(5000);
    assert.equal(again.credentialReport.csv, scenario.credentialReport.csv);
    const rows = scenario.credentialReport.csv.split('\n');
    assert.equal(rows.length, 5002);
    const mfaRows = rows.filter((r) => r.split(',')[7] === 'TRUE').length;
    assert.equal(scenario.accountSummary.MFADevicesInUse, mfaRows);
    assert.equal(scenario.accountSummary.Users, 5000);
  });
});

describe('fake AWS: fault injection', () => {
  it('Throttling twice, then success: adaptive retries recover', async () => {
    const fake = await startFakeAws(hardenedScenario(), { throttleFirst: { 'iam:GetAccountSummary': 2 } });
    try {
      const iam = new IAMClient(cfg(fake, 'us-east-1', { retryMode: 'adaptive', maxAttempts: 5 }));
      const out = await iam.send(new GetAccountSummaryCommand({}));
      assert.equal(out.SummaryMap?.Users, 5);
      assert.equal(out.$metadata.attempts, 3);
      assert.deepEqual(fake.calls, [
        { service: 'iam', action: 'iam:GetAccountSummary', status: 400 },
        { service: 'iam', action: 'iam:GetAccountSummary', status: 400 },
        { service: 'iam', action: 'iam:GetAccountSummary', status: 200 },
      ]);
    } finally {
      await fake.close();
    }
  });

  it('alwaysThrottle: the SDK gives up with Throttling 400 / TooManyRequestsException', async () => {
    const fake = await startFakeAws(hardenedScenario(), { alwaysThrottle: ['iam:GetAccountSummary', 'organizations:*', 'access-analyzer:ListAnalyzers'] });
    try {
      const err = await rejection(new IAMClient(cfg(fake)).send(new GetAccountSummaryCommand({})));
      assert.equal(err.name, 'Throttling');
      assert.equal(err.$metadata.httpStatusCode, 400);
      const orgErr = await rejection(new OrganizationsClient(cfg(fake)).send(new DescribeOrganizationCommand({})));
      assert.ok(orgErr instanceof TooManyRequestsException);
      const analyzerErr = await rejection(new AccessAnalyzerClient(cfg(fake)).send(new ListAnalyzersCommand({})));
      assert.equal(analyzerErr.name, 'ThrottlingException');
      const summaryOk = await new STSClient(cfg(fake)).send(new GetCallerIdentityCommand({}));
      assert.equal(summaryOk.Account, '111122223333');
    } finally {
      await fake.close();
    }
  });

  it('throttleRate throttles an exact, evenly spread fraction of calls', async () => {
    const run = async () => {
      const fake = await startFakeAws(hardenedScenario(), { throttleRate: 0.3 });
      try {
        const sts = new STSClient(cfg(fake));
        for (let i = 0; i < 100; i++) await sts.send(new GetCallerIdentityCommand({})).catch(() => undefined);
        return fake.calls.map((c) => c.status);
      } finally {
        await fake.close();
      }
    };
    const first = await run();
    assert.equal(first.filter((s) => s === 400).length, 30);
    assert.deepEqual(first.slice(0, 10), [200, 200, 200, 400, 200, 200, 400, 200, 200, 400]);
    assert.deepEqual(await run(), first);
  });

  it('latency injection delays responses', async () => {
    const fake = await startFakeAws(hardenedScenario(), { latencyMs: 250 });
    try {
      const sts = new STSClient(cfg(fake));
      const t0 = performance.now();
      await sts.send(new GetCallerIdentityCommand({}));
      assert.ok(performance.now() - t0 >= 240);
      fake.setFaults({ latencyByAction: { 'sts:GetCallerIdentity': 0 } });
      const t1 = performance.now();
      await sts.send(new GetCallerIdentityCommand({}));
      assert.ok(performance.now() - t1 < 200);
    } finally {
      await fake.close();
    }
  });

  it('AccessDenied for listed actions (Query: AccessDenied 403; JSON: AccessDeniedException 403)', async () => {
    const fake = await startFakeAws(hardenedScenario(), { accessDenied: ['iam:GetAccountAuthorizationDetails', 'account:GetAlternateContact', 'account:ListRegions'] });
    try {
      const iam = new IAMClient(cfg(fake));
      const err = await rejection(iam.send(new GetAccountAuthorizationDetailsCommand({})));
      assert.ok(err instanceof IAMServiceException);
      assert.equal(err.name, 'AccessDenied');
      assert.equal(err.$metadata.httpStatusCode, 403);
      assert.match(err.message, /not authorized to perform: iam:GetAccountAuthorizationDetails/);
      await iam.send(new GetAccountSummaryCommand({}));
      const accountErr = await rejection(new AccountClient(cfg(fake)).send(new GetAlternateContactCommand({ AlternateContactType: 'BILLING' })));
      assert.ok(accountErr instanceof AccountAccessDenied);
      assert.equal(accountErr.$metadata.httpStatusCode, 403);
      const regionsErr = await rejection(new AccountClient(cfg(fake)).send(new ListRegionsCommand({})));
      assert.ok(regionsErr instanceof AccountAccessDenied);
      assert.equal(regionsErr.$metadata.httpStatusCode, 403);
      assert.deepEqual(fake.calls.map((c) => `${c.action} ${c.status}`), ['iam:GetAccountAuthorizationDetails 403', 'iam:GetAccountSummary 200', 'account:GetAlternateContact 403', 'account:ListRegions 403']);
    } finally {
      await fake.close();
    }
  });

  it('bad credentials: ExpiredToken 403 on STS for that access key only', async () => {
    const fake = await startFakeAws(hardenedScenario(), { badCredentials: { AKIDEXPIRED: 'ExpiredToken', AKIDUNKNOWN: 'InvalidClientTokenId' } });
    try {
      const expired = new STSClient({ ...cfg(fake), credentials: { accessKeyId: 'AKIDEXPIRED', secretAccessKey: 'x', sessionToken: 'old' } });
      const err = await rejection(expired.send(new GetCallerIdentityCommand({})));
      assert.ok(err instanceof STSServiceException);
      assert.equal(err.name, 'ExpiredToken');
      assert.equal(err.$metadata.httpStatusCode, 403);
      assert.equal((await new STSClient(cfg(fake)).send(new GetCallerIdentityCommand({}))).Account, '111122223333');
      const unknown = { ...cfg(fake), credentials: { accessKeyId: 'AKIDUNKNOWN', secretAccessKey: 'x' } };
      const iamErr = await rejection(new IAMClient(unknown).send(new GetAccountSummaryCommand({})));
      assert.deepEqual([iamErr.name, iamErr.$metadata.httpStatusCode], ['InvalidClientTokenId', 403]);
      const orgErr = await rejection(new OrganizationsClient(unknown).send(new DescribeOrganizationCommand({})));
      assert.deepEqual([orgErr.name, orgErr.$metadata.httpStatusCode], ['UnrecognizedClientException', 403]);
    } finally {
      await fake.close();
    }
  });

  it('serverError answers 500 with the service\'s code; the SDK retries it', async () => {
    const fake = await startFakeAws(hardenedScenario(), { serverError: ['iam:GetAccountSummary'] });
    try {
      const err = await rejection(new IAMClient(cfg(fake, 'us-east-1', { maxAttempts: 2, retryMode: 'standard' })).send(new GetAccountSummaryCommand({})));
      assert.ok(err instanceof ServiceFailureException);
      assert.equal(err.$metadata.httpStatusCode, 500);
      assert.equal(fake.calls.length, 2);
    } finally {
      await fake.close();
    }
  });
});

describe('fake AWS: faults that make clients loop or wait', () => {
  it('repeatToken: every answer says "more" with the same token (IAM Marker and JSON NextToken)', async () => {
    const fake = await startFakeAws(hardenedScenario(), { repeatToken: ['iam:ListVirtualMFADevices', 'account:ListRegions'] });
    try {
      const iam = new IAMClient(cfg(fake));
      const first = await iam.send(new ListVirtualMFADevicesCommand({}));
      assert.equal(first.IsTruncated, true);
      const again = await iam.send(new ListVirtualMFADevicesCommand({ Marker: first.Marker }));
      assert.deepEqual([again.IsTruncated, again.Marker], [true, first.Marker]);
      assert.deepEqual(again.VirtualMFADevices, first.VirtualMFADevices, 'the first page again');
      const account = new AccountClient(cfg(fake));
      const regions = await account.send(new ListRegionsCommand({}));
      assert.ok(regions.NextToken);
      assert.equal((await account.send(new ListRegionsCommand({ NextToken: regions.NextToken }))).NextToken, regions.NextToken);
    } finally {
      await fake.close();
    }
  });

  it('endlessPages: every answer says "more" with a token not seen before', async () => {
    const fake = await startFakeAws(hardenedScenario(), { endlessPages: ['access-analyzer:ListAnalyzers'] });
    try {
      const client = new AccessAnalyzerClient(cfg(fake));
      const tokens = new Set<string>();
      let token: string | undefined;
      for (let i = 0; i < 5; i++) {
        token = (await client.send(new ListAnalyzersCommand({ nextToken: token }))).nextToken;
        assert.ok(token && !tokens.has(token));
        tokens.add(token);
      }
    } finally {
      await fake.close();
    }
  });

  it('hang: the request is accepted and never answered; other actions still answer', async () => {
    const fake = await startFakeAws(hardenedScenario(), { hang: ['iam:GetAccountSummary'] });
    try {
      const iam = new IAMClient(cfg(fake));
      const err = await rejection(iam.send(new GetAccountSummaryCommand({}), { abortSignal: AbortSignal.timeout(300) }));
      assert.equal(err.name, 'AbortError');
      assert.deepEqual(fake.calls.map((c) => `${c.action} ${c.status}`), ['iam:GetAccountSummary 0']);
      assert.ok(await iam.send(new ListServerCertificatesCommand({})));
    } finally {
      await fake.close();
    }
  });
});
