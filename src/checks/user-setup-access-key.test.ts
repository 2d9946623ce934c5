import { checkTester } from '../../test/check-tester.js';
import { list } from '../i18n/index.js';
import { withStructuredParams } from '../../test/builders/structured-params.js';
import { BASE_USERS, daysAgo, evidence, failed, user } from '../../test/builders/evidence.js';
import { userSetupAccessKey } from './user-setup-access-key.js';

const consoleUser = (name: string, spec: Parameters<typeof user>[1]) =>
  evidence({ users: [...BASE_USERS, user(name, { password: true, mfa: true, passwordLastUsed: daysAgo(2), passwordLastChanged: daysAgo(30), ...spec })] });
const neverUsed = { active: true, lastRotated: daysAgo(30), lastUsed: 'N/A' as const };

checkTester.run(userSetupAccessKey, withStructuredParams(userSetupAccessKey, {
  pass: [
    { name: 'console user without keys', ev: evidence(), resource: 'alice', messageId: 'noUnusedKey' },
    { name: 'console user whose key is in use', ev: consoleUser('dave', { key1: { active: true, lastRotated: daysAgo(30), lastUsed: daysAgo(1) } }), resource: 'dave', messageId: 'noUnusedKey' },
    { name: 'never-used key already deactivated', ev: consoleUser('dave', { key1: { ...neverUsed, active: false } }), resource: 'dave', messageId: 'noUnusedKey' },
  ],
  fail: [
    { name: 'console user with a never-used active key', ev: consoleUser('dave', { key1: neverUsed }), resource: 'dave', messageId: 'unusedSetupKey', params: { key: list(['1']), count: 1 } },
    {
      name: 'never-used key 2 beside a used key 1',
      ev: consoleUser('dave', { key1: { active: true, lastRotated: daysAgo(300), lastUsed: daysAgo(1) }, key2: neverUsed }),
      resource: 'dave',
      messageId: 'unusedSetupKey',
      params: { key: list(['2']), count: 1 },
    },
    { name: 'never-used key, user name with a comma', ev: consoleUser('doe,jane', { key1: neverUsed }), resource: 'doe,jane', messageId: 'unusedSetupKey' },
  ],
  error: [{ name: 'report still being generated', ev: evidence({ parts: { credentialReport: failed('ReportInProgress', 'iam:GetCredentialReport') } }), params: { code: 'ReportInProgress' } }],
  notApplicable: [
    { name: 'programmatic user with a key', ev: evidence(), resource: 'deploy-bot', messageId: 'noPassword' },
    { name: 'no password and a never-used key', ev: evidence({ users: [...BASE_USERS, user('etl', { password: false, key1: neverUsed })] }), resource: 'etl', messageId: 'noPassword' },
    { name: 'account with no IAM users', ev: evidence({ users: [] }), messageId: 'engine.noResources' },
  ],
}));
