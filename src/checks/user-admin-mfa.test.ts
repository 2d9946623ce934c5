import { checkTester } from '../../test/check-tester.js';
import { list, term } from '../i18n/index.js';
import { withStructuredParams } from '../../test/builders/structured-params.js';
import { ACCOUNT_ID, BASE_USERS, allowAll, awsPolicy, daysAgo, evidence, failed, readOnly, user, type PolicyJson } from '../../test/builders/evidence.js';
import { normalisePolicyDocument } from '../evidence/policy-document.js';
import { userAdminMfa } from './user-admin-mfa.js';

const customer = (name: string) => `arn:aws:iam::${ACCOUNT_ID}:policy/${name}`;
// The base groups, plus an administrators group holding the AWS-managed AdministratorAccess.
const withAdmins = [
  { name: 'developers', attached: [customer('DeveloperAccess')] },
  { name: 'ci', attached: [customer('CiDeploy')] },
  { name: 'admins', attached: [awsPolicy('AdministratorAccess')] },
];
const inline = (document: PolicyJson) => [{ name: 'extra-rights', document }];
// "Everything but a token action" as people write it to dodge a *:* scanner (issue 10, defect 7).
const allButBilling = normalisePolicyDocument(
  { Version: '2012-10-17', Statement: [{ Sid: 'All', Effect: 'Allow', NotAction: ['aws-portal:ModifyBilling'], Resource: '*' }] },
  'test',
) as PolicyJson;

checkTester.run(userAdminMfa, withStructuredParams(userAdminMfa, {
  pass: [
    {
      name: 'admin-equivalent through an attached NotAction policy, with MFA',
      ev: evidence({ policies: [{ name: 'AllButBilling', document: allButBilling }], users: [...BASE_USERS, user('anna', { password: true, mfa: true, attached: [customer('AllButBilling')] })] }),
      resource: 'anna',
      messageId: 'adminWithMfa',
      params: { via: list([term('policyAllBut', { name: 'AllButBilling', inline: 'no', except: 'aws-portal:ModifyBilling' })]) },
    },
    {
      name: 'admin through a group, with MFA',
      ev: evidence({ groups: withAdmins, users: [...BASE_USERS, user('erin', { password: true, mfa: true, passwordLastUsed: daysAgo(2), groups: ['admins'] })] }),
      resource: 'erin',
      messageId: 'adminWithMfa',
      params: { via: list([term('groupPolicy', { group: 'admins', name: 'AdministratorAccess', inline: 'no' })]) },
    },
    {
      name: 'unreadable policy, but MFA either way',
      ev: evidence({ users: [...BASE_USERS, user('frank', { password: true, mfa: true, attached: [awsPolicy('PowerUserAccess')] })] }),
      resource: 'frank',
      messageId: 'mfaRightsUnknown',
      params: { policies: list([term('policy', { name: 'PowerUserAccess', inline: 'no' })]) },
    },
  ],
  fail: [
    {
      name: 'admin-equivalent through a group policy allowing everything but billing, no MFA',
      ev: evidence({
        groups: [...withAdmins, { name: 'platform', attached: [customer('AllButBilling')] }],
        policies: [{ name: 'AllButBilling', document: allButBilling }],
        users: [...BASE_USERS, user('piet', { password: true, mfa: false, groups: ['platform'] })],
      }),
      resource: 'piet',
      messageId: 'adminWithoutMfa',
      params: { via: list([term('groupPolicyAllBut', { group: 'platform', name: 'AllButBilling', inline: 'no', except: 'aws-portal:ModifyBilling' })]), console: 'console' },
    },
    {
      name: 'admin-equivalent inline NotAction policy on an access-key user, no MFA',
      ev: evidence({ users: [...BASE_USERS, user('deployer', { password: false, mfa: false, key1: { active: true, lastRotated: daysAgo(20), lastUsed: daysAgo(1) }, inline: inline(allButBilling) })] }),
      resource: 'deployer',
      messageId: 'adminWithoutMfa',
      params: { via: list([term('policyAllBut', { name: 'extra-rights', inline: 'yes', except: 'aws-portal:ModifyBilling' })]), console: 'keys-only' },
    },
    {
      name: 'admin through group admins (AdministratorAccess), no MFA',
      ev: evidence({ groups: withAdmins, users: [...BASE_USERS, user('erin', { password: true, mfa: false, groups: ['admins'] })] }),
      resource: 'erin',
      messageId: 'adminWithoutMfa',
      params: { via: list([term('groupPolicy', { group: 'admins', name: 'AdministratorAccess', inline: 'no' })]), console: 'console' },
    },
    {
      name: 'admin through an inline user policy allowing * on *',
      ev: evidence({ users: [...BASE_USERS, user('gina', { password: true, mfa: false, inline: inline(allowAll()) })] }),
      resource: 'gina',
      messageId: 'adminWithoutMfa',
      params: { via: list([term('policy', { name: 'extra-rights', inline: 'yes' })]) },
    },
    {
      name: 'customer-managed *:* policy attached to the user',
      ev: evidence({
        policies: [{ name: 'FullAccess', document: { statements: [{ effect: 'Allow', actions: ['*:*'], resources: ['*'] }] } }],
        users: [...BASE_USERS, user('hank', { password: true, mfa: false, attached: [customer('FullAccess')] })],
      }),
      resource: 'hank',
      messageId: 'adminWithoutMfa',
      params: { via: list([term('policy', { name: 'FullAccess', inline: 'no' })]) },
    },
    {
      name: 'admin with access keys only and no password still fails',
      ev: evidence({
        users: [
          ...BASE_USERS,
          user('terraform', { password: false, mfa: false, groups: ['ci'], attached: [awsPolicy('AdministratorAccess')], key1: { active: true, lastRotated: daysAgo(30), lastUsed: daysAgo(1) } }),
        ],
      }),
      resource: 'terraform',
      messageId: 'adminWithoutMfa',
      params: { via: list([term('policy', { name: 'AdministratorAccess', inline: 'no' })]), console: 'keys-only' },
    },
    {
      name: 'AdministratorAccess listed with its document in the authorization details',
      ev: evidence({
        policies: [{ name: 'AdministratorAccess', arn: awsPolicy('AdministratorAccess'), document: allowAll() }],
        users: [...BASE_USERS, user('ivan', { password: true, mfa: false, attached: [awsPolicy('AdministratorAccess')] })],
      }),
      resource: 'ivan',
      messageId: 'adminWithoutMfa',
      params: { via: list([term('policy', { name: 'AdministratorAccess', inline: 'no' })]) },
    },
    {
      name: 'a conditional Deny of everything does not cancel *:*',
      ev: evidence({
        users: [
          ...BASE_USERS,
          user('judy', {
            password: true,
            mfa: false,
            inline: inline({ statements: [...allowAll().statements, { effect: 'Deny', actions: ['*'], resources: ['*'], hasCondition: true }] }),
          }),
        ],
      }),
      resource: 'judy',
      messageId: 'adminWithoutMfa',
    },
    {
      name: 'admin both directly and through a group',
      ev: evidence({ groups: withAdmins, users: [...BASE_USERS, user('kim', { password: true, mfa: false, groups: ['admins'], inline: inline(allowAll()) })] }),
      resource: 'kim',
      messageId: 'adminWithoutMfa',
      params: { via: list([term('policy', { name: 'extra-rights', inline: 'yes' }), term('groupPolicy', { group: 'admins', name: 'AdministratorAccess', inline: 'no' })]) },
    },
    {
      name: 'admin with a comma in the user name, among others',
      ev: evidence({ groups: withAdmins, users: [...BASE_USERS, user('ops,admin', { password: true, mfa: false, groups: ['admins'] })] }),
      resource: 'ops,admin',
      messageId: 'adminWithoutMfa',
    },
  ],
  error: [
    { name: 'credential report still being generated', ev: evidence({ parts: { credentialReport: failed('ReportInProgress', 'iam:GetCredentialReport') } }), params: { code: 'ReportInProgress' } },
    {
      name: 'authorization details denied',
      ev: evidence({ parts: { authorizationDetails: failed('AccessDenied', 'iam:GetAccountAuthorizationDetails') } }),
      params: { code: 'AccessDenied', action: 'iam:GetAccountAuthorizationDetails' },
    },
    {
      name: 'admin created after the report was generated',
      ev: evidence({ groups: withAdmins, users: [...BASE_USERS, user('lena', { password: true, mfa: false, groups: ['admins'], inReport: false })] }),
      resource: 'lena',
      messageId: 'notInReport',
    },
    {
      name: 'unreadable policy on a user not in the report yet',
      ev: evidence({ users: [...BASE_USERS, user('lena', { password: true, mfa: true, attached: [awsPolicy('PowerUserAccess')], inReport: false })] }),
      resource: 'lena',
      messageId: 'notInReport',
    },
    {
      name: 'no MFA and an attached AWS policy whose document is missing',
      ev: evidence({ users: [...BASE_USERS, user('mike', { password: true, mfa: false, attached: [awsPolicy('PowerUserAccess')] })] }),
      resource: 'mike',
      messageId: 'policyUnknown',
      params: { policies: list([term('policy', { name: 'PowerUserAccess', inline: 'no' })]) },
    },
    {
      name: 'no MFA and a group missing from the authorization details',
      ev: evidence({ users: [...BASE_USERS, user('nina', { password: true, mfa: false, groups: ['ghosts'] })] }),
      resource: 'nina',
      messageId: 'policyUnknown',
      params: { policies: list([term('principal', { kind: 'group', name: 'ghosts' })]) },
    },
  ],
  notApplicable: [
    { name: 'developer with read-only rights', ev: evidence(), resource: 'alice', messageId: 'notAdmin' },
    { name: 'CI user with a scoped policy', ev: evidence(), resource: 'deploy-bot', messageId: 'notAdmin' },
    {
      name: 'Action * on a single resource is not admin',
      ev: evidence({ users: [...BASE_USERS, user('olga', { password: true, mfa: false, inline: inline({ statements: [{ effect: 'Allow', actions: ['*'], resources: ['arn:aws:s3:::reports-bucket/*'] }] }) })] }),
      resource: 'olga',
      messageId: 'notAdmin',
    },
    {
      name: 'sqs:* on * is not admin',
      ev: evidence({ users: [...BASE_USERS, user('pete', { password: true, mfa: false, inline: inline({ statements: [{ effect: 'Allow', actions: ['sqs:*'], resources: ['*'] }] }) })] }),
      resource: 'pete',
      messageId: 'notAdmin',
    },
    {
      name: '*:* cancelled by an unconditional Deny * * in the same policy',
      ev: evidence({
        users: [...BASE_USERS, user('quinn', { password: true, mfa: false, inline: inline({ statements: [...allowAll().statements, { effect: 'Deny', actions: ['*'], resources: ['*'] }] }) })],
      }),
      resource: 'quinn',
      messageId: 'notAdmin',
    },
    {
      name: '*:* only in a non-default version: the default document is read-only',
      ev: evidence({
        policies: [{ name: 'FormerAdmin', document: readOnly() }],
        users: [...BASE_USERS, user('rosa', { password: true, mfa: false, attached: [customer('FormerAdmin')] })],
      }),
      resource: 'rosa',
      messageId: 'notAdmin',
    },
    {
      name: 'NotAction grant on * is broad but not full admin',
      ev: evidence({ users: [...BASE_USERS, user('sam', { password: true, mfa: false, inline: inline({ statements: [{ effect: 'Allow', notActions: ['iam:*', 'organizations:*'], resources: ['*'] }] }) })] }),
      resource: 'sam',
      messageId: 'notAdmin',
    },
    { name: 'account with no IAM users', ev: evidence({ users: [] }), messageId: 'engine.noResources' },
  ],
}));
