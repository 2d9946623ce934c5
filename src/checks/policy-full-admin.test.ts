import assert from 'node:assert/strict';
import { it } from 'node:test';
import { checkTester, findingsFor } from '../../test/check-tester.js';
import { list, term } from '../i18n/index.js';
import { withStructuredParams } from '../../test/builders/structured-params.js';
import { ACCOUNT_ID, BASE_USERS, allowAll, awsPolicy, evidence, failed, readOnly, user, type EvidenceOverrides, type PolicyJson } from '../../test/builders/evidence.js';
import { normalisePolicyDocument } from '../evidence/policy-document.js';
import { SELF_GRANT_ACTIONS } from './lib/admin-equivalent.js';
import { policyFullAdmin } from './policy-full-admin.js';

// Policy documents as IAM stores them (Version 2012-10-17, single values or lists, conditions).
const real = (doc: object) => normalisePolicyDocument(doc, 'test') as PolicyJson;
const allButOne = real({
  Version: '2012-10-17',
  Statement: { Sid: 'AlmostEverything', Effect: 'Allow', NotAction: 'ec2:DescribeSpotPriceHistory', Resource: '*' },
});
const iamWritesExcluded = (notAction: string[]) => real({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', NotAction: notAction, Resource: '*' }] });

// Roles given explicitly: the builder then lists no AWSSupportAccess document.
const supportDocMissing = evidence({ roles: [{ name: 'AWSSupportRole', attached: [awsPolicy('AWSSupportAccess')] }] });

const customerArn = (name: string) => `arn:aws:iam::${ACCOUNT_ID}:policy/${name}`;
/** A customer-managed policy attached to role Ops only. */
const onOps = (document: PolicyJson): EvidenceOverrides => ({
  roles: [{ name: 'Ops', attached: [customerArn('Broad')] }],
  policies: [{ name: 'Broad', document }],
});
const everything = { effect: 'Allow' as const, actions: ['*'], resources: ['*'] };

const manyUsers = Array.from({ length: 12 }, (_, i) => user(`u${String(i + 1).padStart(2, '0')}`, { groups: [], attached: [awsPolicy('AdministratorAccess')] }));

checkTester.run(policyFullAdmin, withStructuredParams(policyFullAdmin, {
  pass: [
    { name: 'no admin policy anywhere', ev: evidence(), messageId: 'noAdminPolicies' },
    { name: 'trap: Action * on a single resource', ev: evidence(onOps({ statements: [{ effect: 'Allow', actions: ['*'], resources: ['arn:aws:s3:::backups/*'] }] })), messageId: 'noAdminPolicies' },
    { name: 'trap: sqs:* on every resource', ev: evidence(onOps({ statements: [{ effect: 'Allow', actions: ['sqs:*'], resources: ['*'] }] })), messageId: 'noAdminPolicies' },
    {
      name: 'trap: Allow *:* cancelled by an unconditional Deny * on *',
      ev: evidence(onOps({ statements: [everything, { effect: 'Deny', actions: ['*'], resources: ['*'] }] })),
      messageId: 'noAdminPolicies',
    },
    { name: 'trap: NotAction is not full admin', ev: evidence(onOps({ statements: [{ effect: 'Allow', notActions: ['iam:*', 'organizations:*'], resources: ['*'] }] })), messageId: 'noAdminPolicies' },
    { name: 'trap: NotResource is not full admin', ev: evidence(onOps({ statements: [{ effect: 'Allow', actions: ['*'], notResources: ['arn:aws:s3:::audit-logs/*'] }] })), messageId: 'noAdminPolicies' },
    // The evidence holds only the default version; an older admin version of "Broad" is not evaluated by IAM.
    { name: 'trap: only the default version counts', ev: evidence(onOps(readOnly())), messageId: 'noAdminPolicies' },
    {
      name: 'AWS-managed AdministratorAccess listed but attached to nobody',
      ev: evidence({ policies: [{ name: 'AdministratorAccess', arn: awsPolicy('AdministratorAccess'), document: allowAll(), attachmentCount: 0 }] }),
      messageId: 'noAdminPolicies',
    },
    {
      name: 'NotAction naming one obscure action on *: admin-equivalent, passes CIS with a note',
      ev: evidence(onOps(allButOne)),
      resource: 'Broad',
      messageId: 'adminEquivalent',
      params: { except: 'ec2:DescribeSpotPriceHistory', selfGrant: list([...SELF_GRANT_ACTIONS]), holders: list([term('principal', { kind: 'role', name: 'Ops' })]), count: 1 },
    },
    {
      name: 'NotAction excluding iam:Attach* and iam:Put* still leaves CreatePolicyVersion',
      ev: evidence(onOps(iamWritesExcluded(['iam:Attach*', 'iam:Put*', 'organizations:*']))),
      resource: 'Broad',
      messageId: 'adminEquivalent',
      params: { except: 'iam:Attach*, iam:Put*, organizations:*', selfGrant: list(['iam:CreatePolicyVersion']) },
    },
    {
      name: 'admin-equivalent customer policy attached to nobody',
      ev: evidence({ policies: [{ name: 'AlmostAll', document: allButOne, attachmentCount: 0 }] }),
      resource: 'AlmostAll',
      messageId: 'adminEquivalent',
      params: { count: 0 },
    },
    {
      name: 'conditional NotAction inline policy on a role (MFA required) is admin-equivalent',
      ev: evidence({
        roles: [{
          name: 'BreakGlass',
          inline: [{
            name: 'AllButBilling',
            document: real({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', NotAction: ['aws-portal:*', 'account:CloseAccount'], Resource: ['*'], Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } }] }),
          }],
        }],
      }),
      resource: `arn:aws:iam::${ACCOUNT_ID}:role/BreakGlass/inline-policy/AllButBilling`,
      messageId: 'inlineAdminEquivalent',
      params: { except: 'aws-portal:*, account:CloseAccount', holders: term('principal', { kind: 'role', name: 'BreakGlass' }), holderKind: 'role', holderName: 'BreakGlass' },
    },
    { name: 'trap: NotAction IAM:* in capitals excludes all IAM writes', ev: evidence(onOps(iamWritesExcluded(['IAM:*', 'Organizations:*']))), messageId: 'noAdminPolicies' },
    {
      name: 'trap: NotAction covering every self-grant action in pieces',
      ev: evidence(onOps(iamWritesExcluded(['iam:Attach*Policy', 'iam:Put???*Policy', 'iam:CreatePolicy*']))),
      messageId: 'noAdminPolicies',
    },
    {
      name: 'trap: an unconditional Deny of iam:* beside the NotAction grant',
      ev: evidence(onOps(real({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', NotAction: 's3:DeleteBucket', Resource: '*' }, { Effect: 'Deny', Action: 'iam:*', Resource: '*' }] }))),
      messageId: 'noAdminPolicies',
    },
    {
      name: 'trap: NotAction on one bucket only',
      ev: evidence(onOps(real({ Version: '2012-10-17', Statement: { Effect: 'Allow', NotAction: 's3:DeleteObject', Resource: 'arn:aws:s3:::backups/*' } }))),
      messageId: 'noAdminPolicies',
    },
    {
      name: 'customer *:* policy attached to nobody',
      ev: evidence({ policies: [{ name: 'BreakGlass', document: allowAll(), attachmentCount: 0 }] }),
      resource: 'BreakGlass',
      messageId: 'unattached',
    },
  ],
  fail: [
    {
      name: 'role with AdministratorAccess known only by ARN',
      ev: evidence({ roles: [{ name: 'Ops', attached: [awsPolicy('AdministratorAccess')] }] }),
      resource: 'AdministratorAccess',
      messageId: 'attached',
      params: { holders: list([term('principal', { kind: 'role', name: 'Ops' })]), count: 1 },
    },
    {
      name: 'AdministratorAccess on a user, a group and a role',
      ev: evidence({
        users: [...BASE_USERS, user('root-like', { groups: [], attached: [awsPolicy('AdministratorAccess')] })],
        groups: [
          { name: 'developers', attached: [customerArn('DeveloperAccess')] },
          { name: 'ci', attached: [customerArn('CiDeploy')] },
          { name: 'admins', attached: [awsPolicy('AdministratorAccess')] },
        ],
        roles: [{ name: 'AWSSupportRole', attached: [awsPolicy('AWSSupportAccess')] }, { name: 'Ops', attached: [awsPolicy('AdministratorAccess')] }],
      }),
      resource: awsPolicy('AdministratorAccess'),
      messageId: 'attached',
      params: { holders: list([term('principal', { kind: 'user', name: 'root-like' }), term('principal', { kind: 'group', name: 'admins' }), term('principal', { kind: 'role', name: 'Ops' })]), count: 3 },
    },
    {
      name: 'aws-cn AdministratorAccess ARN',
      ev: evidence({ partition: 'aws-cn', roles: [{ name: 'Ops', attached: [awsPolicy('AdministratorAccess', 'aws-cn')] }] }),
      resource: 'arn:aws-cn:iam::aws:policy/AdministratorAccess',
      messageId: 'attached',
      params: { holders: list([term('principal', { kind: 'role', name: 'Ops' })]) },
    },
    {
      name: 'more than ten holders are capped',
      ev: evidence({ users: manyUsers }),
      resource: 'AdministratorAccess',
      messageId: 'attached',
      params: { holders: { list: manyUsers.slice(0, 10).map((u) => term('principal', { kind: 'user', name: u.name })), more: 2 }, count: 12 },
    },
    { name: 'customer policy with Action *:*', ev: evidence(onOps({ statements: [{ effect: 'Allow', actions: ['*:*'], resources: ['*'] }] })), resource: 'Broad', messageId: 'attached' },
    {
      name: 'trap: a conditional Deny does not cancel *:*',
      ev: evidence(onOps({ statements: [everything, { effect: 'Deny', actions: ['*'], resources: ['*'], hasCondition: true }] })),
      resource: 'Broad',
      messageId: 'attached',
    },
    {
      name: 'customer *:* policy counted as attached but holder not listed',
      ev: evidence({ policies: [{ name: 'LegacyAdmin', document: allowAll(), attachmentCount: 2 }] }),
      resource: 'LegacyAdmin',
      messageId: 'attachedUnlisted',
      params: { count: 2 },
    },
    {
      name: 'inline *:* policy on a user',
      ev: evidence({ users: [user('alice', { inline: [{ name: 'everything', document: allowAll() }] })] }),
      resource: `arn:aws:iam::${ACCOUNT_ID}:user/alice/inline-policy/everything`,
      messageId: 'inline',
      params: { holders: term('principal', { kind: 'user', name: 'alice' }), holderKind: 'user', holderName: 'alice' },
    },
    {
      name: 'inline *:* policy on a group',
      ev: evidence({ groups: [{ name: 'developers', attached: [customerArn('DeveloperAccess')], inline: [{ name: 'admin', document: allowAll() }] }, { name: 'ci', attached: [customerArn('CiDeploy')] }] }),
      resource: `arn:aws:iam::${ACCOUNT_ID}:group/developers/inline-policy/admin`,
      messageId: 'inline',
      params: { holders: term('principal', { kind: 'group', name: 'developers' }) },
    },
  ],
  error: [
    {
      name: 'authorization details denied',
      ev: evidence({ parts: { authorizationDetails: failed('AccessDenied', 'iam:GetAccountAuthorizationDetails') } }),
      params: { code: 'AccessDenied', action: 'iam:GetAccountAuthorizationDetails' },
    },
    {
      name: 'attached AWS-managed policy without its document',
      ev: supportDocMissing,
      resource: 'AWSSupportAccess',
      messageId: 'documentMissing',
      params: { holders: list([term('principal', { kind: 'role', name: 'AWSSupportRole' })]) },
    },
    {
      name: 'attached customer policy without its document',
      ev: evidence({ groups: [{ name: 'developers', attached: [customerArn('DeveloperAccess'), customerArn('Mystery')] }, { name: 'ci', attached: [customerArn('CiDeploy')] }] }),
      resource: 'Mystery',
      messageId: 'documentMissing',
      params: { holders: list([term('principal', { kind: 'group', name: 'developers' })]), count: 1 },
    },
  ],
}));

it('policy-full-admin: a missing document rules out the account-wide PASS', () => {
  const findings = findingsFor(policyFullAdmin, { ev: supportDocMissing });
  assert.deepEqual(
    findings.map((f) => [f.status, f.messageId]),
    [['ERROR', 'documentMissing']],
  );
});
