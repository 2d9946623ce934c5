import { checkTester } from '../../test/check-tester.js';
import { BASE_USERS, evidence, failed, user } from '../../test/builders/evidence.js';
import { userConsoleMfa } from './user-console-mfa.js';

checkTester.run(userConsoleMfa, {
  pass: [{ name: 'console user with MFA', ev: evidence(), resource: 'alice', messageId: 'mfa' }],
  fail: [
    { name: 'console user without MFA', ev: evidence({ users: [user('carol', { password: true, mfa: false })] }), resource: 'carol', messageId: 'noMfa' },
    {
      name: 'user name with a comma, among others',
      ev: evidence({ users: [...BASE_USERS, user('ops,admin', { password: true, mfa: false })] }),
      resource: 'ops,admin',
      messageId: 'noMfa',
    },
  ],
  error: [
    { name: 'report still being generated', ev: evidence({ parts: { credentialReport: failed('ReportInProgress', 'iam:GetCredentialReport') } }), params: { code: 'ReportInProgress' } },
  ],
  notApplicable: [
    { name: 'programmatic-only user', ev: evidence(), resource: 'deploy-bot', messageId: 'noPassword' },
    { name: 'account with no IAM users', ev: evidence({ users: [] }), messageId: 'engine.noResources' },
  ],
});
