import { checkTester } from '../../test/check-tester.js';
import { BASE_USERS, evidence, failed, ok, user } from '../../test/builders/evidence.js';
import { identityCenterInUse } from './identity-center-in-use.js';

const bots = [user('deploy-bot', { password: false, groups: ['ci'] })];
const twoConsoleUsers = [...BASE_USERS, user('carol', { password: true, mfa: true })];

checkTester.run(identityCenterInUse, {
  pass: [
    { name: 'no IAM console users, Identity Center enabled', ev: evidence({ users: bots }), messageId: 'noConsoleUsers' },
    {
      name: 'no IAM console users and ListInstances denied',
      ev: evidence({ users: bots, parts: { identityCenterInstances: failed('AccessDeniedException', 'sso:ListInstances') } }),
      messageId: 'noConsoleUsers',
    },
    // Root's password is not an IAM user's: it has checks of its own.
    { name: 'only root has a password', ev: evidence({ users: [], root: { password: true } }), messageId: 'noConsoleUsers' },
    { name: 'Identity Center visible, one IAM console user left', ev: evidence(), messageId: 'inUse', params: { count: 1 } },
    {
      name: 'member account: no instance visible, but Identity Center roles provisioned into it',
      ev: evidence({ roles: [{ name: 'aws-reserved/sso.amazonaws.com/eu-west-1/AWSReservedSSO_AdministratorAccess_0123456789abcdef' }], parts: { identityCenterInstances: ok([]) } }),
      messageId: 'inUseViaRoles',
      params: { count: 1, roles: 1 },
    },
  ],
  fail: [
    { name: 'console users and no Identity Center instance', ev: evidence({ users: twoConsoleUsers, parts: { identityCenterInstances: ok([]) } }), messageId: 'notInUse', params: { count: 2 } },
    {
      name: 'a role merely named like Identity Center, outside its reserved path',
      ev: evidence({ roles: [{ name: 'AWSReservedSSO_AdministratorAccess_fake' }], parts: { identityCenterInstances: ok([]) } }),
      messageId: 'notInUse',
    },
  ],
  error: [
    {
      name: 'console users, ListInstances denied',
      ev: evidence({ parts: { identityCenterInstances: failed('AccessDeniedException', 'sso:ListInstances') } }),
      params: { code: 'AccessDeniedException', action: 'sso:ListInstances' },
    },
    { name: 'credential report not ready', ev: evidence({ parts: { credentialReport: failed('ReportInProgress', 'iam:GetCredentialReport') } }), params: { code: 'ReportInProgress' } },
  ],
});
