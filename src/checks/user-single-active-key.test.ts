import { checkTester } from '../../test/check-tester.js';
import { BASE_USERS, daysAgo, evidence, failed, user } from '../../test/builders/evidence.js';
import { userSingleActiveKey } from './user-single-active-key.js';

const withUser = (name: string, spec: Parameters<typeof user>[1]) => evidence({ users: [...BASE_USERS, user(name, { groups: ['ci'], ...spec })] });
const fresh = { active: true, lastRotated: daysAgo(5), lastUsed: daysAgo(0) };

checkTester.run(userSingleActiveKey, {
  pass: [
    { name: 'one active key', ev: evidence(), resource: 'deploy-bot', messageId: 'oneActiveKey' },
    { name: 'key 2 active, key 1 deactivated', ev: withUser('etl', { key1: { active: false, lastRotated: daysAgo(200), lastUsed: daysAgo(100) }, key2: fresh }), resource: 'etl', messageId: 'oneActiveKey' },
  ],
  fail: [
    { name: 'two active keys', ev: withUser('etl', { key1: { active: true, lastRotated: daysAgo(200), lastUsed: daysAgo(100) }, key2: fresh }), resource: 'etl', messageId: 'twoActiveKeys' },
    { name: 'two active keys, user name with a comma', ev: withUser('etl,nightly', { key1: fresh, key2: { ...fresh, lastUsed: 'N/A' } }), resource: 'etl,nightly', messageId: 'twoActiveKeys' },
  ],
  error: [{ name: 'report still being generated', ev: evidence({ parts: { credentialReport: failed('ReportInProgress', 'iam:GetCredentialReport') } }), params: { code: 'ReportInProgress' } }],
  notApplicable: [
    { name: 'console user without keys', ev: evidence(), resource: 'alice', messageId: 'noActiveKeys' },
    { name: 'two inactive keys', ev: withUser('etl', { key1: { active: false, lastRotated: daysAgo(200), lastUsed: 'N/A' }, key2: { active: false, lastRotated: daysAgo(20), lastUsed: 'N/A' } }), resource: 'etl', messageId: 'noActiveKeys' },
    { name: 'account with no IAM users', ev: evidence({ users: [] }), messageId: 'engine.noResources' },
  ],
});
