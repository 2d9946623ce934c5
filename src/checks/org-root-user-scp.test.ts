import { checkTester } from '../../test/check-tester.js';
import { withStructuredParams } from '../../test/builders/structured-params.js';
import { evidence, failed, ok } from '../../test/builders/evidence.js';
import { list } from '../i18n/index.js';
import { orgRootUserScp } from './org-root-user-scp.js';

// The member under test is the builder's account 123456789012, at Root / Workloads / Prod.
type Doc = Record<string, unknown>;
const policy = (id: string, name: string, ...statements: Doc[]) => ({ id, name, awsManaged: false, content: JSON.stringify({ Version: '2012-10-17', Statement: statements }) });
const FULL = { id: 'p-FullAWSAccess', name: 'FullAWSAccess', awsManaged: true, content: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }) };
const ROOT_ARN = { 'aws:PrincipalArn': 'arn:aws:iam::*:root' };
const denyRoot = (condition: Doc, extra: Doc = {}) => ({ Effect: 'Deny', Action: '*', Resource: '*', Condition: condition, ...extra });
/** AWS's own example: deny root, but not privileged root sessions (sts:AssumeRoot). */
const AWS_EXAMPLE = policy('p-denyroot1', 'DenyRootUser', denyRoot({ ArnLike: ROOT_ARN, Null: { 'aws:AssumedRoot': 'true' } }));

type Level = { root?: unknown[]; workloads?: unknown[]; prod?: unknown[]; account?: unknown[] };
function path(l: Level = {}) {
  return [
    { targetId: 'r-ab12', type: 'ROOT', name: 'Root', policies: l.root ?? [FULL] },
    { targetId: 'ou-ab12-11111111', type: 'ORGANIZATIONAL_UNIT', name: 'Workloads', policies: l.workloads ?? [FULL] },
    { targetId: 'ou-ab12-22222222', type: 'ORGANIZATIONAL_UNIT', name: 'Prod', policies: l.prod ?? [FULL] },
    { targetId: '123456789012', type: 'ACCOUNT', name: 'prod-app', policies: l.account ?? [FULL] },
  ];
}
const scps = (l: Level = {}) => evidence({ parts: { serviceControlPolicies: ok({ state: 'applies', organizationId: 'o-a1b2c3d4e5', path: path(l) }) } });
const PATH = 'Root / Workloads / Prod / prod-app';

checkTester.run(orgRootUserScp, withStructuredParams(orgRootUserScp, {
  pass: [
    {
      name: "AWS's example SCP at the root",
      ev: scps({ root: [FULL, AWS_EXAMPLE] }),
      messageId: 'denied',
      params: { policyName: 'DenyRootUser', policyId: 'p-denyroot1', target: 'Root' },
    },
    { name: 'the same SCP on an OU on the path', ev: scps({ workloads: [FULL, AWS_EXAMPLE] }), messageId: 'denied', params: { target: 'Workloads' } },
    { name: 'the same SCP on the account itself', ev: scps({ account: [FULL, AWS_EXAMPLE] }), messageId: 'denied', params: { target: 'prod-app' } },
    { name: 'StringLike on the principal ARN, no exception', ev: scps({ prod: [FULL, policy('p-denyroot2', 'NoRoot', denyRoot({ StringLike: ROOT_ARN }))] }), messageId: 'denied' },
    {
      name: "the account's own root ARN with ArnEquals",
      ev: scps({ prod: [FULL, policy('p-denyroot3', 'NoRoot', denyRoot({ ArnEquals: { 'aws:PrincipalArn': 'arn:aws:iam::123456789012:root' } }))] }),
      messageId: 'denied',
    },
    {
      name: 'a policy variable in the ARN',
      ev: scps({ prod: [FULL, policy('p-denyroot4', 'NoRoot', denyRoot({ StringEquals: { 'aws:PrincipalArn': 'arn:aws:iam::${aws:PrincipalAccount}:root' } }))] }),
      messageId: 'denied',
    },
    { name: 'aws:PrincipalType Account', ev: scps({ prod: [FULL, policy('p-denyroot5', 'NoRoot', denyRoot({ StringEquals: { 'aws:PrincipalType': 'Account' } }))] }), messageId: 'denied' },
    {
      name: 'BoolIfExists AssumedRoot false (absent for the root user: holds)',
      ev: scps({ prod: [FULL, policy('p-denyroot6', 'NoRoot', denyRoot({ ArnLike: ROOT_ARN, BoolIfExists: { 'aws:AssumedRoot': 'false' } }))] }),
      messageId: 'denied',
    },
    {
      name: 'deny everyone but a break-glass role',
      ev: scps({ prod: [FULL, policy('p-quarantine', 'Quarantine', denyRoot({ ArnNotLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/BreakGlass' } }))] }),
      messageId: 'denied',
      params: { policyName: 'Quarantine' },
    },
    { name: 'an unconditional Deny of everything', ev: scps({ account: [FULL, policy('p-closed01', 'Closed', { Effect: 'Deny', Action: '*', Resource: '*' })] }), messageId: 'denied' },
    {
      name: 'NotAction with a few named exceptions (root may still set up MFA)',
      ev: scps({
        root: [FULL, policy('p-denyroot7', 'RootGuard', { Effect: 'Deny', NotAction: ['iam:CreateVirtualMFADevice', 'iam:EnableMFADevice', 'iam:ListMFADevices'], Resource: '*', Condition: { StringLike: ROOT_ARN } })],
      }),
      messageId: 'deniedExcept',
      params: { policyName: 'RootGuard', except: list(['iam:CreateVirtualMFADevice', 'iam:EnableMFADevice', 'iam:ListMFADevices']) },
    },
    {
      name: 'a full deny wins over a NotAction one elsewhere, and over an unreadable policy',
      ev: scps({
        root: [FULL, policy('p-denyroot7', 'RootGuard', { Effect: 'Deny', NotAction: 's3:PutBucketPolicy', Resource: '*', Condition: { StringLike: ROOT_ARN } })],
        workloads: [FULL, { id: 'p-broken01', name: 'Broken', awsManaged: false, content: '{"Statement": [' }],
        prod: [FULL, AWS_EXAMPLE],
      }),
      messageId: 'denied',
      params: { target: 'Prod' },
    },
    {
      name: 'the only Allow at an OU excludes the root user',
      ev: scps({ prod: [policy('p-allowall1', 'AllowAllButRoot', { Effect: 'Allow', Action: '*', Resource: '*', Condition: { ArnNotLike: ROOT_ARN } })] }),
      messageId: 'nothingAllowed',
      params: { target: 'Prod', policies: list(['AllowAllButRoot']) },
    },
  ],
  fail: [
    { name: 'only FullAWSAccess on the path', ev: scps(), messageId: 'notDenied', params: { path: PATH, count: 4 } },
    {
      name: 'StringEquals takes the star literally',
      ev: scps({ root: [FULL, policy('p-denyroot8', 'NoRoot', denyRoot({ StringEquals: ROOT_ARN }))] }),
      messageId: 'notDenied',
      params: { path: PATH, count: 5 },
    },
    {
      name: 'Bool AssumedRoot false without IfExists never holds for the root user',
      ev: scps({ root: [FULL, policy('p-denyroot9', 'NoRoot', denyRoot({ ArnLike: ROOT_ARN, Bool: { 'aws:AssumedRoot': 'false' } }))] }),
      messageId: 'notDenied',
    },
    {
      name: "another account's root only",
      ev: scps({ root: [FULL, policy('p-denyroota', 'NoRoot', denyRoot({ ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::999999999999:root' } }))] }),
      messageId: 'notDenied',
    },
    {
      name: 'a shorter path: the account directly under Workloads',
      ev: evidence({
        parts: {
          serviceControlPolicies: ok({
            state: 'applies',
            organizationId: 'o-a1b2c3d4e5',
            path: path().filter((l) => l.name !== 'Prod'),
          }),
        },
      }),
      messageId: 'notDenied',
      params: { path: 'Root / Workloads / prod-app', count: 3 },
    },
    {
      name: 'the root user denied only in one region',
      ev: scps({ root: [FULL, policy('p-denyrootb', 'NoRootInUs', denyRoot({ ArnLike: ROOT_ARN, StringEquals: { 'aws:RequestedRegion': 'us-east-1' } }))] }),
      messageId: 'deniedInPart',
      params: { path: PATH, policies: list(['NoRootInUs']), count: 1 },
    },
    {
      name: 'the root user denied only access-key creation',
      ev: scps({ root: [FULL, policy('p-denyrootc', 'NoRootKeys', { Effect: 'Deny', Action: 'iam:CreateAccessKey', Resource: 'arn:aws:iam::*:root' })] }),
      messageId: 'deniedInPart',
    },
    {
      name: 'NotAction that keeps whole services open',
      ev: scps({ root: [FULL, policy('p-denyrootd', 'RootMostly', { Effect: 'Deny', NotAction: ['s3:*', 'iam:Get*'], Resource: '*', Condition: { ArnLike: ROOT_ARN } })] }),
      messageId: 'deniedInPart',
    },
    {
      name: 'a Deny of one action for everyone is no deny of the root user',
      ev: scps({ root: [FULL, policy('p-denyleave', 'DenyLeaveOrg', { Effect: 'Deny', Action: 'organizations:LeaveOrganization', Resource: '*' })] }),
      messageId: 'notDenied',
      params: { path: PATH, count: 5 },
    },
    { name: 'SCPs not enabled in the organisation', ev: evidence({ parts: { serviceControlPolicies: ok({ state: 'scpsDisabled' }) } }), messageId: 'scpsDisabled' },
  ],
  error: [
    {
      name: 'ListPolicies denied',
      ev: evidence({ parts: { serviceControlPolicies: failed('AccessDeniedException', 'organizations:ListPolicies') } }),
      params: { code: 'AccessDeniedException', action: 'organizations:ListPolicies' },
    },
    {
      name: 'a policy that is not JSON',
      ev: scps({ workloads: [FULL, { id: 'p-broken01', name: 'Broken', awsManaged: false, content: '{"Statement": [' }] }),
      messageId: 'unreadable',
      params: { policyName: 'Broken', policyId: 'p-broken01', target: 'Workloads', reason: 'notJson' },
    },
    {
      name: 'an unknown condition operator',
      ev: scps({ root: [FULL, policy('p-denyrootf', 'NoRoot', denyRoot({ ArnLikeMaybe: ROOT_ARN }))] }),
      messageId: 'unreadable',
      params: { reason: 'unknownOperator' },
    },
    {
      name: 'a Principal element',
      ev: scps({ root: [FULL, policy('p-denyrootg', 'NoRoot', denyRoot({ ArnLike: ROOT_ARN }, { Principal: '*' }))] }),
      messageId: 'unreadable',
      params: { reason: 'unknownElement' },
    },
  ],
  notApplicable: [
    { name: 'one-account scan', ev: evidence(), messageId: 'notOrganizationScan' },
    { name: 'the management account', ev: evidence({ parts: { serviceControlPolicies: ok({ state: 'managementAccount' }) } }), messageId: 'managementAccount' },
  ],
}));
