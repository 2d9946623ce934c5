import { inputError } from './builders/input-error.js';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { loadEvidence } from '../src/evidence/load.js';
import type { Part, PartError, PartName } from '../src/evidence/schema.js';
import { serializeEvidence } from '../src/evidence/serialize.js';

// The offline importers (SPEC §4): an AWS CLI export folder (v1 and v2 output), a credential
// report CSV from the IAM console, the CLI's get-credential-report output, and saved evidence.

const FIXTURES = fileURLToPath(new URL('./fixtures/cli-export/', import.meta.url));
const V2 = join(FIXTURES, 'v2');
const REPORT_CSV = readFileSync(join(FIXTURES, 'credential-report.csv'), 'utf8');
const HEADER = REPORT_CSV.split('\n')[0] as string;

const scratch = mkdtempSync(join(tmpdir(), 'lockdown-importers-'));
after(() => rmSync(scratch, { recursive: true, force: true }));
let counter = 0;
const tempPath = (name: string) => join(mkdtempSync(join(scratch, `${counter++}-`)), name);

/** A copy of the v2 export with files replaced (string) or deleted (null). */
function exportFolder(changes: Record<string, string | null> = {}): string {
  const dir = tempPath('export');
  cpSync(V2, dir, { recursive: true });
  for (const [file, content] of Object.entries(changes)) {
    if (content === null) rmSync(join(dir, file));
    else writeFileSync(join(dir, file), content);
  }
  return dir;
}

/** The call `file` failed: its .json is gone and the CLI's stderr is in `<file>.error.txt`. */
function failedCall(file: string, stderr: string): Record<string, string | null> {
  return { [`${file}.json`]: null, [`${file}.error.txt`]: stderr };
}

const fixture = (file: string): Record<string, unknown> => JSON.parse(readFileSync(join(V2, file), 'utf8'));
const cli = (json: unknown) => `${JSON.stringify(json, null, 4)}\n`;

function data<T>(part: Part<T> | undefined): T {
  assert.ok(part, 'part is missing');
  assert.ok(part.ok, `expected data, got error ${JSON.stringify(!part.ok && part.error)}`);
  return part.data;
}

function partError(part: Part<unknown> | undefined): PartError {
  assert.ok(part, 'part is missing');
  assert.ok(!part.ok, `expected an error part, got data ${JSON.stringify(part.ok && part.data)}`);
  return part.error;
}


// AWS CLI v1 prints timestamps with `Z`, v2 with `+00:00`. Both CLIs decode IAM policy documents
// (botocore's json_decode_policies), but exports from other tools keep them URL-encoded as the API
// sends them; the v1 folder here uses that form so that both shapes are covered.
const POLICY_DOCUMENT_KEYS = new Set(['PolicyDocument', 'Document', 'AssumeRolePolicyDocument']);
function asCliV1(value: unknown, key = ''): unknown {
  if (POLICY_DOCUMENT_KEYS.has(key) && typeof value === 'object') return encodeURIComponent(JSON.stringify(value));
  if (typeof value === 'string') return /^\d{4}-\d\d-\d\dT[\d:.]+\+00:00$/.test(value) ? value.replace('+00:00', 'Z') : value;
  if (Array.isArray(value)) return value.map((v) => asCliV1(v));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, asCliV1(v, k)]));
  return value;
}

function cliV1Folder(): string {
  const dir = tempPath('export-v1');
  cpSync(V2, dir, { recursive: true });
  for (const file of readdirSync(dir)) {
    if (file.endsWith('.json') && file !== 'lockdown-export.json') writeFileSync(join(dir, file), cli(asCliV1(fixture(file))));
  }
  return dir;
}

describe('AWS CLI v2 export folder', () => {
  const ev = loadEvidence(V2);
  const exportedAt = new Date('2026-11-20T10:00:00Z');

  it('takes the account and partition from the caller ARN and the time from lockdown-export.json', () => {
    assert.deepEqual(ev.account, {
      id: '123456789012',
      partition: 'aws',
      callerArn: 'arn:aws:sts::123456789012:assumed-role/SecurityAudit/auditor-session',
    });
    assert.equal(ev.collector, 'aws-cli-export');
    assert.deepEqual(ev.collectedAt, exportedAt);
  });

  it('decodes the base64 credential report and dates it by GeneratedTime', () => {
    const part = ev.parts.credentialReport;
    assert.ok(part.ok);
    assert.equal(part.source, 'credential-report');
    assert.equal(part.action, 'iam:GetCredentialReport');
    assert.deepEqual(part.observedAt, new Date('2026-11-20T09:58:31Z'));
    const report = part.data;
    assert.deepEqual(report.generatedTime, new Date('2026-11-20T09:58:31Z'));
    assert.deepEqual(report.rows.map((r) => r.user), ['<root_account>', 'alice', 'ci-deploy']);

    const [root, alice, ci] = report.rows;
    assert.ok(root && alice && ci);
    assert.equal(root.arn, 'arn:aws:iam::123456789012:root');
    assert.equal(root.passwordEnabled, 'not_supported');
    assert.equal(root.passwordLastChanged, 'not_supported');
    assert.deepEqual(root.passwordLastUsed, new Date('2026-10-02T08:00:11Z'));
    assert.equal(root.mfaActive, true);
    assert.deepEqual(root.accessKeys[0], { active: false, lastRotated: 'N/A', lastUsed: 'N/A', lastUsedRegion: 'N/A', lastUsedService: 'N/A' });

    assert.equal(alice.passwordEnabled, true);
    assert.deepEqual(alice.accessKeys[0], {
      active: true,
      lastRotated: new Date('2026-08-01T09:30:00Z'),
      lastUsed: new Date('2026-11-18T16:20:00Z'),
      lastUsedRegion: 'eu-west-1',
      lastUsedService: 's3',
    });

    assert.equal(ci.passwordEnabled, false);
    assert.equal(ci.mfaActive, false);
    assert.equal(ci.passwordLastUsed, 'N/A');
    assert.equal(ci.accessKeys[1].active, true);
    assert.equal(ci.accessKeys[1].lastUsed, 'no_information');
    assert.deepEqual(ci.certificates, [{ active: false, lastRotated: 'N/A' }, { active: false, lastRotated: 'N/A' }]);
  });

  it('keeps the account summary map and marks API parts with their action and the export time', () => {
    const part = ev.parts.accountSummary;
    assert.ok(part.ok);
    assert.equal(part.source, 'api');
    assert.equal(part.action, 'iam:GetAccountSummary');
    assert.deepEqual(part.observedAt, exportedAt);
    assert.equal(part.data.AccountMFAEnabled, 1);
    assert.equal(part.data.AccountPasswordPresent, 1);
    assert.equal(part.data.AccountAccessKeysPresent, 0);
    assert.equal(part.data.AccountSigningCertificatesPresent, 0);
  });

  it('reads the password policy', () => {
    assert.deepEqual(data(ev.parts.passwordPolicy), {
      minimumPasswordLength: 14,
      requireSymbols: true,
      requireNumbers: true,
      requireUppercaseCharacters: true,
      requireLowercaseCharacters: true,
      allowUsersToChangePassword: true,
      expirePasswords: true,
      maxPasswordAge: 90,
      passwordReusePrevention: 24,
    });
  });

  it('reads virtual MFA devices with the ARN of the user they are assigned to', () => {
    assert.deepEqual(data(ev.parts.virtualMfaDevices), [
      { serialNumber: 'arn:aws:iam::123456789012:mfa/root-account-mfa-device', userArn: 'arn:aws:iam::123456789012:root', enableDate: new Date('2019-03-04T09:20:01Z') },
      { serialNumber: 'arn:aws:iam::123456789012:mfa/alice-phone', userArn: 'arn:aws:iam::123456789012:user/alice', enableDate: new Date('2021-05-10T12:05:00Z') },
    ]);
  });

  it('normalises authorization details: single Statement objects, single-string Action and Resource, default versions', () => {
    const details = data(ev.parts.authorizationDetails);
    assert.deepEqual(details.users, [
      {
        name: 'alice',
        arn: 'arn:aws:iam::123456789012:user/alice',
        groups: ['admins'],
        attachedPolicies: [],
        inlinePolicies: [
          {
            name: 'read-own-bucket',
            document: { statements: [{ sid: 'ReadOwnBucket', effect: 'Allow', actions: ['s3:GetObject'], resources: ['arn:aws:s3:::alice-notes/*'], hasCondition: false }] },
          },
        ],
      },
      {
        name: 'ci-deploy',
        arn: 'arn:aws:iam::123456789012:user/automation/ci-deploy',
        groups: [],
        attachedPolicies: [{ name: 'ci-deploy-policy', arn: 'arn:aws:iam::123456789012:policy/ci-deploy-policy' }],
        inlinePolicies: [],
      },
    ]);
    assert.deepEqual(details.groups, [
      {
        name: 'admins',
        arn: 'arn:aws:iam::123456789012:group/admins',
        attachedPolicies: [{ name: 'AdministratorAccess', arn: 'arn:aws:iam::aws:policy/AdministratorAccess' }],
        inlinePolicies: [],
      },
    ]);
    assert.deepEqual(details.roles, [
      {
        name: 'SecurityAudit',
        arn: 'arn:aws:iam::123456789012:role/SecurityAudit',
        attachedPolicies: [
          { name: 'SecurityAudit', arn: 'arn:aws:iam::aws:policy/SecurityAudit' },
          { name: 'AWSSupportAccess', arn: 'arn:aws:iam::aws:policy/AWSSupportAccess' },
        ],
        inlinePolicies: [
          {
            name: 'deny-secrets',
            document: {
              statements: [{ effect: 'Deny', notActions: ['iam:Get*', 'iam:List*'], notResources: ['arn:aws:iam::123456789012:role/SecurityAudit'], hasCondition: true }],
            },
          },
        ],
      },
    ]);
    // ci-deploy-policy's non-default v1 allows *:*; only the default v2 may count.
    assert.deepEqual(details.policies, [
      {
        name: 'ci-deploy-policy',
        arn: 'arn:aws:iam::123456789012:policy/ci-deploy-policy',
        attachmentCount: 1,
        defaultVersionId: 'v2',
        defaultDocument: { statements: [{ effect: 'Allow', actions: ['cloudformation:*', 's3:PutObject'], resources: ['*'], hasCondition: true }] },
      },
      {
        name: 'AdministratorAccess',
        arn: 'arn:aws:iam::aws:policy/AdministratorAccess',
        attachmentCount: 1,
        defaultVersionId: 'v1',
        defaultDocument: { statements: [{ effect: 'Allow', actions: ['*'], resources: ['*'], hasCondition: false }] },
      },
    ]);
  });

  it('reads server certificates, contacts, the organization and the root e-mail', () => {
    assert.deepEqual(data(ev.parts.serverCertificates), [
      {
        name: 'legacy-shop-2024',
        arn: 'arn:aws:iam::123456789012:server-certificate/cloudfront/legacy-shop-2024',
        expiration: new Date('2025-01-09T23:59:59Z'),
        uploadDate: new Date('2024-01-10T11:00:00Z'),
      },
    ]);
    assert.deepEqual(data(ev.parts.alternateContactSecurity), { name: 'Security Team', title: 'CISO', emailAddress: 'security@example.com', phoneNumber: '+31 20 123 4567' });
    assert.equal(data(ev.parts.alternateContactBilling)?.emailAddress, 'finance@example.com');
    assert.equal(data(ev.parts.alternateContactOperations)?.emailAddress, 'ops@example.com');
    assert.deepEqual(data(ev.parts.organization), {
      id: 'o-a1b2c3d4e5',
      arn: 'arn:aws:organizations::123456789012:organization/o-a1b2c3d4e5',
      masterAccountId: '123456789012',
      masterAccountEmail: 'aws-root@example.com',
      featureSet: 'ALL',
    });
    assert.deepEqual(data(ev.parts.organizationsFeatures), { state: 'enabled', organizationId: 'o-a1b2c3d4e5', enabledFeatures: ['RootCredentialsManagement', 'RootSessions'] });
    assert.deepEqual(data(ev.parts.accountEmail), { email: 'aws-root@example.com', via: 'organizations:DescribeAccount' });
  });

  it('reads regions, one Access Analyzer part per region and Identity Center instances from all regions', () => {
    assert.deepEqual(data(ev.parts.regions), ['eu-west-1', 'us-east-1']);
    assert.deepEqual(Object.keys(ev.accessAnalyzers).sort(), ['eu-west-1', 'us-east-1']);
    assert.deepEqual(data(ev.accessAnalyzers['eu-west-1']), [
      { name: 'account-analyzer', arn: 'arn:aws:access-analyzer:eu-west-1:123456789012:analyzer/account-analyzer', type: 'ACCOUNT', status: 'ACTIVE' },
    ]);
    assert.deepEqual(data(ev.accessAnalyzers['us-east-1']), []);
    const analyzerPart = ev.accessAnalyzers['us-east-1'];
    assert.equal(analyzerPart?.ok && analyzerPart.action, 'access-analyzer:ListAnalyzers');
    assert.deepEqual(data(ev.parts.identityCenterInstances), [
      { instanceArn: 'arn:aws:sso:::instance/ssoins-6804a1b2c3d4e5f6', identityStoreId: 'd-93671a2b3c', ownerAccountId: '123456789012' },
    ]);
  });

  it('falls back to account:GetPrimaryEmail when organizations:DescribeAccount is denied', () => {
    const denied = 'An error occurred (AccessDeniedException) when calling the DescribeAccount operation: You don\'t have permissions to access this resource.\n';
    const ev2 = loadEvidence(exportFolder(failedCall('organizations-describe-account', denied)));
    assert.deepEqual(data(ev2.parts.accountEmail), { email: 'aws-root@example.com', via: 'account:GetPrimaryEmail' });

    const both = loadEvidence(
      exportFolder({
        ...failedCall('organizations-describe-account', denied),
        ...failedCall('account-get-primary-email', 'An error occurred (AccessDeniedException) when calling the GetPrimaryEmail operation: User is not authorized\n'),
      }),
    );
    assert.deepEqual(partError(both.parts.accountEmail), { code: 'AccessDeniedException', message: 'You don\'t have permissions to access this resource.', action: 'organizations:DescribeAccount' });
  });

  it('without lockdown-export.json dates the export by the caller identity file', () => {
    const dir = exportFolder({ 'lockdown-export.json': null });
    const ev = loadEvidence(dir);
    assert.ok(Math.abs(ev.collectedAt.getTime() - Date.now()) < 60_000, `collectedAt ${ev.collectedAt.toISOString()} should be the file's mtime`);
  });
});

describe('AWS CLI v1 export folder', () => {
  it('gives the same evidence as CLI v2 (Z timestamps, URL-encoded policy documents as the API sends them)', () => {
    const dir = cliV1Folder();
    const details = JSON.parse(readFileSync(join(dir, 'iam-get-account-authorization-details.json'), 'utf8'));
    assert.match(details.Policies[0].PolicyVersionList[0].Document, /^%7B%22Version%22%3A%222012-10-17%22/);
    assert.equal(JSON.parse(readFileSync(join(dir, 'iam-get-credential-report.json'), 'utf8')).GeneratedTime, '2026-11-20T09:58:31Z');
    assert.deepEqual(loadEvidence(dir), loadEvidence(V2));
  });
});

describe('AWS CLI error files', () => {
  // The CLI v2 writes a blank line before the message on stderr.
  const stderr = (code: string, operation: string, message: string) => `\nAn error occurred (${code}) when calling the ${operation} operation: ${message}\n`;

  const facts: { name: string; file: string; text: string; part: PartName; data: unknown }[] = [
    {
      name: 'NoSuchEntity: no custom password policy',
      file: 'iam-get-account-password-policy',
      text: stderr('NoSuchEntity', 'GetAccountPasswordPolicy', 'The Password Policy with domain name 123456789012 cannot be found.'),
      part: 'passwordPolicy',
      data: null,
    },
    ...(['SECURITY', 'BILLING', 'OPERATIONS'] as const).map((type) => ({
      name: `ResourceNotFoundException: no ${type} contact`,
      file: `account-get-alternate-contact-${type}`,
      text: stderr('ResourceNotFoundException', 'GetAlternateContact', 'No contact of the inputted alternate contact type found.'),
      part: `alternateContact${type[0]}${type.slice(1).toLowerCase()}` as PartName,
      data: null,
    })),
    {
      name: 'AWSOrganizationsNotInUseException: in no organization',
      file: 'organizations-describe-organization',
      text: stderr('AWSOrganizationsNotInUseException', 'DescribeOrganization', 'Your account is not a member of an organization.'),
      part: 'organization',
      data: null,
    },
    ...[
      ['AccountNotManagementOrDelegatedAdministratorException', 'notManagementOrDelegatedAdmin'],
      ['OrganizationNotFoundException', 'organizationNotFound'],
      ['OrganizationNotInAllFeaturesModeException', 'notAllFeaturesMode'],
      ['ServiceAccessNotEnabledException', 'trustedAccessNotEnabled'],
    ].map(([code, state]) => ({
      name: `${code}: organizations features ${state}`,
      file: 'iam-list-organizations-features',
      text: stderr(code as string, 'ListOrganizationsFeatures', 'The request was rejected.'),
      part: 'organizationsFeatures' as PartName,
      data: { state },
    })),
  ];

  for (const c of facts) {
    it(`${c.name} is a fact, not an error`, () => {
      const ev = loadEvidence(exportFolder(failedCall(c.file, c.text)));
      const part = ev.parts[c.part];
      assert.ok(part.ok, `expected data, got ${JSON.stringify(part)}`);
      assert.equal(part.source, 'api');
      assert.deepEqual(part.data, c.data);
    });
  }

  const errors: { name: string; file: string; text: string; part: PartName; error: PartError }[] = [
    {
      name: 'AccessDenied on GetAccountSummary',
      file: 'iam-get-account-summary',
      text: stderr(
        'AccessDenied',
        'GetAccountSummary',
        'User: arn:aws:sts::123456789012:assumed-role/SecurityAudit/auditor-session is not authorized to perform: iam:GetAccountSummary on resource: * because no identity-based policy allows the iam:GetAccountSummary action',
      ),
      part: 'accountSummary',
      error: {
        code: 'AccessDenied',
        message: 'User: arn:aws:sts::123456789012:assumed-role/SecurityAudit/auditor-session is not authorized to perform: iam:GetAccountSummary on resource: * because no identity-based policy allows the iam:GetAccountSummary action',
        action: 'iam:GetAccountSummary',
      },
    },
    {
      name: 'AccessDenied on GetAccountPasswordPolicy is not "no policy"',
      file: 'iam-get-account-password-policy',
      text: stderr('AccessDenied', 'GetAccountPasswordPolicy', 'User is not authorized to perform: iam:GetAccountPasswordPolicy'),
      part: 'passwordPolicy',
      error: { code: 'AccessDenied', message: 'User is not authorized to perform: iam:GetAccountPasswordPolicy', action: 'iam:GetAccountPasswordPolicy' },
    },
    {
      name: 'throttled after the CLI retries',
      file: 'iam-get-account-authorization-details',
      text: '\nAn error occurred (Throttling) when calling the GetAccountAuthorizationDetails operation (reached max retries: 4): Rate exceeded\n',
      part: 'authorizationDetails',
      error: { code: 'Throttling', message: 'Rate exceeded', action: 'iam:GetAccountAuthorizationDetails' },
    },
    {
      name: 'an old AWS CLI without list-organizations-features',
      file: 'iam-list-organizations-features',
      text: [
        'usage: aws [options] <command> <subcommand> [<subcommand> ...] [parameters]',
        'To see help text, you can run:',
        '',
        '  aws help',
        '  aws <command> help',
        '  aws <command> <subcommand> help',
        '',
        'aws: error: argument operation: Invalid choice, valid choices are:',
        '',
        'add-client-id-to-open-id-connect-provider | add-role-to-instance-profile',
        'add-user-to-group                        | attach-group-policy',
        '',
      ].join('\n'),
      part: 'organizationsFeatures',
      error: { code: 'CommandNotAvailable', message: 'this AWS CLI version does not have the command; update the AWS CLI', action: 'iam:ListOrganizationsFeatures' },
    },
    {
      name: 'the report was never generated',
      file: 'iam-get-credential-report',
      text: stderr('ReportNotPresent', 'GetCredentialReport', 'Unknown'),
      part: 'credentialReport',
      error: { code: 'ReportNotPresent', message: 'Unknown', action: 'iam:GetCredentialReport' },
    },
    {
      name: 'an endpoint that cannot be reached',
      file: 'iam-list-server-certificates',
      text: '\nCould not connect to the endpoint URL: "http://127.0.0.1:4566/"\n',
      part: 'serverCertificates',
      error: { code: 'EndpointConnectionError', message: 'Could not connect to the endpoint URL: "http://127.0.0.1:4566/"', action: 'iam:ListServerCertificates' },
    },
  ];

  for (const c of errors) {
    it(`${c.name} → error part ${c.error.code}`, () => {
      const ev = loadEvidence(exportFolder(failedCall(c.file, c.text)));
      assert.deepEqual(partError(ev.parts[c.part]), c.error);
    });
  }

  it('reads the CLI error text when a hand-made folder saved it in the .json file', () => {
    const text = stderr('AccessDenied', 'GetAccountSummary', 'User is not authorized to perform: iam:GetAccountSummary');
    const ev = loadEvidence(exportFolder({ 'iam-get-account-summary.json': text }));
    assert.equal(partError(ev.parts.accountSummary).code, 'AccessDenied');
  });

  it('a region whose analyzers could not be listed is an error for that region only', () => {
    const ev = loadEvidence(exportFolder(failedCall('accessanalyzer-list-analyzers-us-east-1', stderr('AccessDeniedException', 'ListAnalyzers', 'not authorized'))));
    assert.deepEqual(partError(ev.accessAnalyzers['us-east-1']), { code: 'AccessDeniedException', message: 'not authorized', action: 'access-analyzer:ListAnalyzers' });
    assert.equal(data(ev.accessAnalyzers['eu-west-1']).length, 1);
  });

  it('Identity Center is an error when any region could not be read (it may live there)', () => {
    const ev = loadEvidence(exportFolder(failedCall('sso-admin-list-instances-us-east-1', stderr('AccessDeniedException', 'ListInstances', 'not authorized'))));
    assert.deepEqual(partError(ev.parts.identityCenterInstances), { code: 'AccessDeniedException', message: 'not authorized', action: 'sso:ListInstances' });
  });

  it('unreadable regions make the regional parts errors too', () => {
    const ev = loadEvidence(exportFolder(failedCall('account-list-regions', stderr('AccessDeniedException', 'ListRegions', 'not authorized to perform: account:ListRegions'))));
    assert.deepEqual(partError(ev.parts.regions), { code: 'AccessDeniedException', message: 'not authorized to perform: account:ListRegions', action: 'account:ListRegions' });
    assert.equal(partError(ev.parts.identityCenterInstances).code, 'AccessDeniedException');
    assert.deepEqual(ev.accessAnalyzers, {});
  });

  it('reads the enabled regions of an older export (ec2 describe-regions), its errors too', () => {
    const legacy = readFileSync(join(FIXTURES, 'legacy-ec2-describe-regions.json'), 'utf8');
    const ev = loadEvidence(exportFolder({ 'account-list-regions.json': null, 'ec2-describe-regions.json': legacy }));
    assert.deepEqual(data(ev.parts.regions), ['eu-west-1', 'us-east-1']);
    assert.equal(ev.parts.regions.ok && ev.parts.regions.action, 'ec2:DescribeRegions');
    assert.deepEqual(Object.keys(ev.accessAnalyzers).sort(), ['eu-west-1', 'us-east-1']);
    const denied = loadEvidence(exportFolder({ 'account-list-regions.json': null, 'ec2-describe-regions.error.txt': stderr('UnauthorizedOperation', 'DescribeRegions', 'You are not authorized to perform this operation.') }));
    assert.deepEqual(partError(denied.parts.regions), { code: 'UnauthorizedOperation', message: 'You are not authorized to perform this operation.', action: 'ec2:DescribeRegions' });
    assert.equal(partError(denied.parts.identityCenterInstances).code, 'UnauthorizedOperation');
  });

  it('counts ENABLED and ENABLED_BY_DEFAULT regions only: ENABLING, DISABLING and DISABLED ones are not read', () => {
    const regions = { Regions: ['ENABLED', 'ENABLED_BY_DEFAULT', 'ENABLING', 'DISABLING', 'DISABLED'].map((s, i) => ({ RegionName: `xx-test-${i + 1}`, RegionOptStatus: s })) };
    const ev = loadEvidence(exportFolder({ 'account-list-regions.json': cli(regions), 'accessanalyzer-list-analyzers-xx-test-1.json': cli({ analyzers: [] }), 'accessanalyzer-list-analyzers-xx-test-2.json': cli({ analyzers: [] }), 'sso-admin-list-instances-xx-test-1.json': cli({ Instances: [] }), 'sso-admin-list-instances-xx-test-2.json': cli({ Instances: [] }) }));
    assert.deepEqual(data(ev.parts.regions), ['xx-test-1', 'xx-test-2']);
    assert.deepEqual(Object.keys(ev.accessAnalyzers).sort(), ['xx-test-1', 'xx-test-2']);
  });
});

describe('malformed or incomplete export folders', () => {
  it('a missing file without an .error.txt names the folder and the file', () => {
    const dir = exportFolder({ 'iam-get-account-summary.json': null });
    inputError(() => loadEvidence(dir), dir, 'iam-get-account-summary.json is missing', 'iam-get-account-summary.error.txt');
  });

  it('broken JSON names the file', () => {
    const dir = exportFolder({ 'iam-list-server-certificates.json': '{\n    "ServerCertificateMetadataList": [\n' });
    inputError(() => loadEvidence(dir), join(dir, 'iam-list-server-certificates.json'), 'not valid JSON');
  });

  it('a policy document that is not JSON names the file and the field', () => {
    const details = fixture('iam-get-account-authorization-details.json') as { UserDetailList: { UserPolicyList?: { PolicyDocument: unknown }[] }[] };
    (details.UserDetailList[0]?.UserPolicyList?.[0] as { PolicyDocument: unknown }).PolicyDocument = 'Version=2012-10-17;Allow s3:GetObject';
    const dir = exportFolder({ 'iam-get-account-authorization-details.json': cli(details) });
    inputError(() => loadEvidence(dir), join(dir, 'iam-get-account-authorization-details.json'), 'UserDetailList[0].UserPolicyList[0].PolicyDocument', 'not JSON');
  });

  it('a truncated URL-encoded policy document names the file and the field', () => {
    const details = fixture('iam-get-account-authorization-details.json') as { Policies: { PolicyVersionList: { Document: unknown }[] }[] };
    (details.Policies[1]?.PolicyVersionList[0] as { Document: unknown }).Document = '%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%7B%22Effect%22%3A%22Allow%2';
    const dir = exportFolder({ 'iam-get-account-authorization-details.json': cli(details) });
    inputError(() => loadEvidence(dir), join(dir, 'iam-get-account-authorization-details.json'), 'Policies[1].PolicyVersionList[0].Document', 'not JSON');
  });

  it('a wrong value type in a CLI file names the file and the field', () => {
    const summary = fixture('iam-get-account-summary.json') as { SummaryMap: Record<string, unknown> };
    summary.SummaryMap.AccountMFAEnabled = 'yes';
    const dir = exportFolder({ 'iam-get-account-summary.json': cli(summary) });
    inputError(() => loadEvidence(dir), join(dir, 'iam-get-account-summary.json'), 'AccountMFAEnabled');
  });

  const regionalFiles = [
    {
      file: 'accessanalyzer-list-analyzers-us-east-1.json',
      json: { analyzers: [{ arn: 'arn:aws:access-analyzer:us-east-1:123456789012:analyzer/a', name: 'a', type: 'ACCOUNT' }] },
      field: 'us-east-1.data[0].status',
    },
    {
      file: 'sso-admin-list-instances-eu-west-1.json',
      json: { Instances: [{ InstanceArn: 'arn:aws:sso:::instance/ssoins-6804a1b2c3d4e5f6', Status: 'ACTIVE' }] },
      field: 'data[0].identityStoreId',
    },
  ];
  for (const c of regionalFiles) {
    it(`a bad regional file names that file: ${c.file}`, () => {
      const dir = exportFolder({ [c.file]: cli(c.json) });
      inputError(() => loadEvidence(dir), `${join(dir, c.file)}: field ${c.field}`);
    });
  }

  it('a missing caller identity names the file', () => {
    const dir = exportFolder({ 'sts-get-caller-identity.json': null });
    inputError(() => loadEvidence(dir), dir, 'sts-get-caller-identity.json is missing');
  });

  it('a failed caller identity call means the account is unknown', () => {
    const dir = exportFolder(failedCall('sts-get-caller-identity', '\nAn error occurred (ExpiredToken) when calling the GetCallerIdentity operation: The security token included in the request is expired\n'));
    inputError(() => loadEvidence(dir), 'sts-get-caller-identity.error.txt', 'could not identify the account', 'ExpiredToken');
  });

  it('a path that does not exist names the path', () => {
    const path = join(scratch, 'no-such-export');
    inputError(() => loadEvidence(path), `--evidence ${path}: no such file or folder`);
  });
});

describe('credential report CSV from the IAM console', () => {
  const csvFile = (text: string, name = 'status_reports_2026-11-20T10_00_00.csv') => {
    const path = tempPath(name);
    writeFileSync(path, text);
    return path;
  };
  const row = (cells: Record<number, string>, base: string) => base.split(',').map((c, i) => cells[i] ?? c).join(',');
  const NO_KEYS = 'false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A';

  it('parses BOM, CRLF, quoted commas, lowercase booleans and the report states', () => {
    const lines = [
      HEADER,
      `<root_account>,arn:aws:iam::123456789012:root,2019-03-04T09:12:44+00:00,not_supported,no_information,not_supported,not_supported,false,${NO_KEYS}`,
      `"smith,john","arn:aws:iam::123456789012:user/smith,john",2024-04-02T10:00:00+00:00,true,N/A,2024-04-02T10:00:00+00:00,N/A,FALSE,true,2024-04-02T10:05:00+00:00,no_information,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A`,
    ];
    const path = csvFile(`\uFEFF${lines.join('\r\n')}\r\n`);
    const ev = loadEvidence(path);
    assert.equal(ev.collector, 'console-csv');
    assert.deepEqual(ev.account, { id: '123456789012', partition: 'aws' });

    const report = data(ev.parts.credentialReport);
    assert.equal(report.rows.length, 2);
    const [root, smith] = report.rows;
    assert.ok(root && smith);
    assert.equal(root.user, '<root_account>');
    assert.equal(root.passwordEnabled, 'not_supported');
    assert.equal(root.passwordLastUsed, 'no_information');
    assert.equal(root.mfaActive, false);
    assert.deepEqual(smith, {
      user: 'smith,john',
      arn: 'arn:aws:iam::123456789012:user/smith,john',
      userCreationTime: new Date('2024-04-02T10:00:00Z'),
      passwordEnabled: true,
      passwordLastUsed: 'N/A',
      passwordLastChanged: new Date('2024-04-02T10:00:00Z'),
      passwordNextRotation: 'N/A',
      mfaActive: false,
      accessKeys: [
        { active: true, lastRotated: new Date('2024-04-02T10:05:00Z'), lastUsed: 'no_information', lastUsedRegion: 'N/A', lastUsedService: 'N/A' },
        { active: false, lastRotated: 'N/A', lastUsed: 'N/A', lastUsedRegion: 'N/A', lastUsedService: 'N/A' },
      ],
      certificates: [
        { active: false, lastRotated: 'N/A' },
        { active: false, lastRotated: 'N/A' },
      ],
    });
  });

  it('leaves every other part NotCollected, naming its action', () => {
    const ev = loadEvidence(csvFile(REPORT_CSV));
    assert.deepEqual(partError(ev.parts.accountSummary), { code: 'NotCollected', message: "the evidence holds no 'accountSummary' part", action: 'iam:GetAccountSummary' });
    assert.equal(partError(ev.parts.passwordPolicy).code, 'NotCollected');
    assert.deepEqual(ev.accessAnalyzers, {});
  });

  it('recognises a report by its header even without the .csv extension', () => {
    const ev = loadEvidence(csvFile(`\uFEFF${REPORT_CSV}`, 'report.txt'));
    assert.equal(data(ev.parts.credentialReport).rows.length, 3);
  });

  it('takes the partition of a GovCloud report without a root row from the ARNs', () => {
    const lines = [
      HEADER,
      `admin,arn:aws-us-gov:iam::210987654321:user/admin,2023-01-01T00:00:00+00:00,true,2026-11-01T00:00:00+00:00,2026-06-01T00:00:00+00:00,N/A,true,${NO_KEYS}`,
    ];
    const ev = loadEvidence(csvFile(`${lines.join('\n')}\n`));
    assert.deepEqual(ev.account, { id: '210987654321', partition: 'aws-us-gov' });
    assert.deepEqual(data(ev.parts.credentialReport).rows.map((r) => r.user), ['admin']);
  });

  const [, rootLine = '', aliceLine = ''] = REPORT_CSV.split('\n');
  const columns = HEADER.split(',');
  const col = (name: string) => columns.indexOf(name);

  it('a missing column is named', () => {
    const drop = col('mfa_active');
    const without = (line: string) => line.split(',').filter((_, i) => i !== drop).join(',');
    const path = csvFile([HEADER, rootLine, aliceLine].map(without).join('\n'));
    inputError(() => loadEvidence(path), path, "column 'mfa_active' is missing");
  });

  const badCells: { name: string; column: string; value: string; expected: string }[] = [
    { name: 'a boolean that is not TRUE or FALSE', column: 'mfa_active', value: 'yes', expected: 'expected TRUE or FALSE, got "yes"' },
    { name: 'a date without a time zone', column: 'password_last_used', value: '19/11/2026 07:45', expected: 'expected a timestamp, N/A, no_information or not_supported, got "19/11/2026 07:45"' },
    { name: 'an unknown report state', column: 'access_key_1_last_used_date', value: 'never', expected: 'expected a timestamp, N/A, no_information or not_supported, got "never"' },
  ];
  for (const c of badCells) {
    it(`${c.name} names the line and column`, () => {
      const path = csvFile([HEADER, rootLine, row({ [col(c.column)]: c.value }, aliceLine)].join('\n'));
      inputError(() => loadEvidence(path), path, `line 3, column ${c.column}: ${c.expected}`);
    });
  }

  it('a row with a missing cell is not a valid CSV file', () => {
    const path = csvFile([HEADER, rootLine, aliceLine.split(',').slice(0, -1).join(',')].join('\n'));
    inputError(() => loadEvidence(path), path, 'not a valid CSV file');
  });

  it('a file that is not a credential report is rejected', () => {
    const path = csvFile('<!DOCTYPE html>\n<html><head><title>Amazon Web Services Sign-In</title></head><body></body></html>\n');
    inputError(() => loadEvidence(path), path, 'not an IAM credential report');
  });

  it('a report with no IAM ARN cannot tell the account', () => {
    const path = csvFile(`${HEADER}\n`);
    inputError(() => loadEvidence(path), path, 'no row has an IAM ARN');
  });

  it("accepts the CLI's get-credential-report output as a file", () => {
    const path = tempPath('credential-report.json');
    cpSync(join(V2, 'iam-get-credential-report.json'), path);
    const ev = loadEvidence(path);
    assert.deepEqual(ev.account, { id: '123456789012', partition: 'aws' });
    assert.deepEqual(ev.collectedAt, new Date('2026-11-20T09:58:31Z'));
    const part = ev.parts.credentialReport;
    assert.ok(part.ok);
    assert.deepEqual(part.observedAt, new Date('2026-11-20T09:58:31Z'));
    assert.deepEqual(part.data.rows.map((r) => r.user), ['<root_account>', 'alice', 'ci-deploy']);
    assert.deepEqual(part.data, data(loadEvidence(V2).parts.credentialReport));
  });

  it('a get-credential-report file whose CSV is broken names the file', () => {
    const path = tempPath('credential-report.json');
    const broken = REPORT_CSV.replace('alice,arn', 'alice,"arn');
    writeFileSync(path, cli({ Content: Buffer.from(broken).toString('base64'), ReportFormat: 'text/csv', GeneratedTime: '2026-11-20T09:58:31+00:00' }));
    inputError(() => loadEvidence(path), path, 'not a valid CSV file');
  });
});

describe('saved evidence file', () => {
  const original = loadEvidence(V2);
  const saved = () => JSON.parse(serializeEvidence(original)) as { [key: string]: unknown; parts: Record<string, Record<string, unknown>> };
  const evidenceFile = (json: unknown) => {
    const path = tempPath('account.evidence.json');
    writeFileSync(path, typeof json === 'string' ? json : JSON.stringify(json));
    return path;
  };

  it('round-trips through serializeEvidence', () => {
    const path = evidenceFile(serializeEvidence(original));
    assert.deepEqual(loadEvidence(path), original);
  });

  it('round-trips error parts and fact parts (null data)', () => {
    const withErrors = loadEvidence(
      exportFolder({
        ...failedCall('iam-get-account-password-policy', 'An error occurred (NoSuchEntity) when calling the GetAccountPasswordPolicy operation: The Password Policy with domain name 123456789012 cannot be found.'),
        ...failedCall('iam-get-account-summary', 'An error occurred (AccessDenied) when calling the GetAccountSummary operation: denied'),
      }),
    );
    assert.deepEqual(loadEvidence(evidenceFile(serializeEvidence(withErrors))), withErrors);
  });

  it('fields the CLI output leaves out stay absent, so a saved file reads back equal', () => {
    const sparse = loadEvidence(
      exportFolder({
        'iam-get-account-password-policy.json': cli({ PasswordPolicy: { MinimumPasswordLength: 8, AllowUsersToChangePassword: false } }),
        'account-get-alternate-contact-SECURITY.json': cli({ AlternateContact: { AlternateContactType: 'SECURITY', EmailAddress: 'sec@example.com', Name: 'Sec' } }),
        'iam-list-virtual-mfa-devices.json': cli({ VirtualMFADevices: [{ SerialNumber: 'arn:aws:iam::123456789012:mfa/spare' }] }),
        'sso-admin-list-instances-eu-west-1.json': cli({ Instances: [{ InstanceArn: 'arn:aws:sso:::instance/ssoins-1', IdentityStoreId: 'd-1' }] }),
      }),
    );
    assert.deepEqual(data(sparse.parts.alternateContactSecurity), { name: 'Sec', emailAddress: 'sec@example.com' });
    assert.deepEqual(data(sparse.parts.virtualMfaDevices), [{ serialNumber: 'arn:aws:iam::123456789012:mfa/spare' }]);
    assert.deepEqual(loadEvidence(evidenceFile(serializeEvidence(sparse))), sparse);
  });

  it('malformed JSON names the file', () => {
    const path = evidenceFile(serializeEvidence(original).slice(0, 200));
    inputError(() => loadEvidence(path), path, 'not valid JSON');
  });

  it('a wrong field type names the field path', () => {
    const json = saved();
    ((json.parts.credentialReport?.data as { rows: Record<string, unknown>[] }).rows[0] as Record<string, unknown>).mfaActive = 'yes';
    const path = evidenceFile(json);
    inputError(() => loadEvidence(path), path, 'parts.credentialReport.data.rows[0].mfaActive');
  });

  it('an unknown top-level key is named', () => {
    const path = evidenceFile({ ...saved(), findings: [] });
    inputError(() => loadEvidence(path), path, "unknown key 'findings'");
  });

  it('a missing part becomes a NotCollected error part', () => {
    const json = saved();
    delete json.parts.passwordPolicy;
    const ev = loadEvidence(evidenceFile(json));
    assert.deepEqual(partError(ev.parts.passwordPolicy), { code: 'NotCollected', message: "the evidence holds no 'passwordPolicy' part", action: 'iam:GetAccountPasswordPolicy' });
    assert.deepEqual(ev.parts.accountSummary, original.parts.accountSummary);
  });

  it('another schema version is named', () => {
    const path = evidenceFile({ ...saved(), schema: 'aws-lockdown/evidence@2' });
    inputError(() => loadEvidence(path), path, 'field schema');
  });
});
