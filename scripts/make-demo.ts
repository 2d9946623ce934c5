// Writes demo/insecure-account.evidence.json: the bundled demo account for `lockdown scan --demo`.
// A realistic, neglected account: every check runs and every status but ERROR appears.
//   node --import tsx scripts/make-demo.ts
import { writeFileSync } from 'node:fs';
import type { CredentialRowJson } from '../src/evidence/schema.js';
import { allowAll, awsPolicy, daysAgo, evidenceJson, ok, readOnly, type UserSpec } from '../test/builders/evidence.js';

// Users are created 400 days ago unless they say otherwise; nothing is set or used before that.
const u = (name: string, spec: Omit<UserSpec, 'name'>): UserSpec => ({ name, groups: ['developers'], ...spec });
const consoleUser = { password: true, passwordLastChanged: daysAgo(120) };

const users: UserSpec[] = [
  u('alice.jansen', { ...consoleUser, mfa: true, passwordLastUsed: daysAgo(1), groups: ['admins'] }),
  u('bob.devries', { ...consoleUser, mfa: false, passwordLastUsed: daysAgo(2), attached: [awsPolicy('AdministratorAccess')] }),
  u('carol.bakker', { ...consoleUser, mfa: false, passwordLastUsed: daysAgo(3) }),
  u('dave.visser', { created: daysAgo(900), key1: { active: true, lastRotated: daysAgo(412), lastUsed: daysAgo(1) }, groups: ['ci'], inline: [{ name: 'S3Everything', document: { statements: [{ effect: 'Allow', actions: ['s3:*'], resources: ['*'] }] } }] }),
  u('erin.smit', { ...consoleUser, mfa: true, passwordLastUsed: daysAgo(5), key1: { active: true, lastRotated: daysAgo(30), lastUsed: daysAgo(1) }, key2: { active: true, lastRotated: daysAgo(200), lastUsed: daysAgo(60) } }),
  u('frank.mulder', { ...consoleUser, mfa: true, passwordLastUsed: daysAgo(4), key1: { active: true, lastRotated: daysAgo(20), lastUsed: 'N/A' } }),
  u('grace.deboer', { ...consoleUser, mfa: false, passwordLastUsed: daysAgo(210) }),
  u('heidi.peters', { key1: { active: true, lastRotated: daysAgo(100), lastUsed: 'N/A' } }),
  u('ivan.hendriks', { ...consoleUser, mfa: true, passwordLastUsed: daysAgo(7), groups: [] }),
  // Invited 130 days ago, her password set the next day, never signed in: AWS writes no_information.
  u('judith.vos', { ...consoleUser, mfa: true, created: daysAgo(130), passwordLastUsed: 'no_information', passwordLastChanged: daysAgo(129) }),
  u('ops,admin', { ...consoleUser, mfa: false, passwordLastUsed: daysAgo(9), groups: ['admins'] }),
  u('ci-deploy', { key1: { active: true, lastRotated: daysAgo(45), lastUsed: daysAgo(0) }, groups: ['ci'] }),
  u('terraform', { created: daysAgo(1100), key1: { active: true, lastRotated: daysAgo(700), lastUsed: daysAgo(0) }, groups: [], attached: [awsPolicy('AdministratorAccess')] }),
  u('backup-agent', { created: daysAgo(1400), key1: { active: false, lastRotated: daysAgo(900), lastUsed: daysAgo(800) }, key2: { active: true, lastRotated: daysAgo(60), lastUsed: daysAgo(2) }, groups: ['ci'] }),
  u('monitoring', { key1: { active: true, lastRotated: daysAgo(15), lastUsed: daysAgo(0) }, attached: ['arn:aws:iam::123456789012:policy/ReadOnlyExtra'] }),
  u('kees.jacobs', { ...consoleUser, mfa: true, passwordLastUsed: daysAgo(12) }),
  u('lisa.vandam', { ...consoleUser, mfa: true, passwordLastUsed: daysAgo(0), passwordLastChanged: daysAgo(20) }),
  u('mark.dekker', { ...consoleUser, mfa: false, passwordLastUsed: 'N/A', passwordLastChanged: daysAgo(90) }),
  u('nina.brouwer', { ...consoleUser, mfa: true, passwordLastUsed: daysAgo(30), key1: { active: true, lastRotated: daysAgo(95), lastUsed: daysAgo(30) } }),
  u('old-jenkins', { created: daysAgo(2000), key1: { active: true, lastRotated: daysAgo(1500), lastUsed: daysAgo(400) }, groups: [] }),
];

const json = evidenceJson({
  // AWS writes not_supported in root's password_last_changed (and password_next_rotation, below).
  root: { mfa: false, passwordLastUsed: daysAgo(5), passwordLastChanged: 'not_supported', key1: { active: true, lastRotated: daysAgo(1200), lastUsed: daysAgo(11) }, cert1: { active: false, lastRotated: daysAgo(2000) } },
  summary: { AccountMFAEnabled: 0, AccountAccessKeysPresent: 1, AccountSigningCertificatesPresent: 1, MFADevices: 9, MFADevicesInUse: 9 },
  users,
  passwordPolicy: { minimumPasswordLength: 8, requireSymbols: false, requireNumbers: true, requireUppercaseCharacters: true, requireLowercaseCharacters: true, allowUsersToChangePassword: true, expirePasswords: false, maxPasswordAge: undefined, passwordReusePrevention: 3 },
  virtualMfaDevices: ['alice.jansen', 'erin.smit', 'frank.mulder', 'ivan.hendriks', 'judith.vos', 'kees.jacobs', 'lisa.vandam', 'nina.brouwer'].map((n) => ({
    serialNumber: `arn:aws:iam::123456789012:mfa/${n}`,
    userArn: `arn:aws:iam::123456789012:user/${n}`,
  })),
  groups: [
    { name: 'admins', attached: [awsPolicy('AdministratorAccess')] },
    { name: 'developers', attached: ['arn:aws:iam::123456789012:policy/DeveloperAccess'] },
    { name: 'ci', attached: ['arn:aws:iam::123456789012:policy/CiDeploy'] },
  ],
  roles: [
    { name: 'OrganizationAccountAccessRole', attached: [awsPolicy('AdministratorAccess')] },
    { name: 'ops-automation', inline: [{ name: 'EverythingEverywhere', document: allowAll() }] },
    { name: 'readonly-auditor', attached: [awsPolicy('SecurityAudit')] },
  ],
  policies: [
    { name: 'AdministratorAccess', arn: awsPolicy('AdministratorAccess'), document: allowAll(), attachmentCount: 4 },
    { name: 'SecurityAudit', arn: awsPolicy('SecurityAudit'), document: readOnly(), attachmentCount: 1 },
    { name: 'ReadOnlyExtra', document: readOnly(), attachmentCount: 1 },
    { name: 'LegacyFullAccess', document: allowAll(), attachmentCount: 0 },
  ],
  accessAnalyzers: {
    'eu-west-1': ok([{ name: 'ExternalAccess', arn: 'arn:aws:access-analyzer:eu-west-1:123456789012:analyzer/ExternalAccess', type: 'ACCOUNT', status: 'ACTIVE' }]),
    'eu-central-1': ok([{ name: 'UnusedAccess', arn: 'arn:aws:access-analyzer:eu-central-1:123456789012:analyzer/UnusedAccess', type: 'ACCOUNT_UNUSED_ACCESS', status: 'ACTIVE' }]),
    'us-east-1': ok([]),
  },
  parts: {
    serverCertificates: ok([
      { name: 'shop-example-nl-2024', arn: 'arn:aws:iam::123456789012:server-certificate/shop-example-nl-2024', expiration: daysAgo(35), uploadDate: daysAgo(400) },
      { name: 'api-example-nl', arn: 'arn:aws:iam::123456789012:server-certificate/api-example-nl', expiration: daysAgo(-200), uploadDate: daysAgo(165) },
    ]),
    alternateContactSecurity: ok(null),
    alternateContactBilling: ok({ name: 'Pieter de Groot', title: 'CFO', emailAddress: 'pieter@example.nl', phoneNumber: '+31201234567' }),
    alternateContactOperations: ok({ name: 'Pieter de Groot', title: 'CFO', emailAddress: 'Pieter@example.nl', phoneNumber: '+31201234567' }),
    organization: ok(null),
    accountEmail: ok({ email: 'cloud.webshop@gmail.com', via: 'account:GetPrimaryEmail' }),
    organizationsFeatures: ok({ state: 'organizationNotFound' }),
    regions: ok(['eu-central-1', 'eu-west-1', 'us-east-1']),
    identityCenterInstances: ok([]),
  },
});
// The base's developer and CI policies stay; the demo adds its own beside them.
const report = json.parts.credentialReport;
if (report && 'data' in report) {
  const rows = (report.data as { rows: CredentialRowJson[] }).rows;
  for (const row of rows) if (row.user === '<root_account>') row.passwordNextRotation = 'not_supported';
}
const demo = { ...json, collector: 'demo' as const, account: { ...json.account, callerArn: 'arn:aws:iam::123456789012:user/alice.jansen' } };
writeFileSync(new URL('../demo/insecure-account.evidence.json', import.meta.url), `${JSON.stringify(demo, null, 2)}\n`);
console.log('wrote demo/insecure-account.evidence.json');
