import { checkTester } from '../../test/check-tester.js';
import { list } from '../i18n/index.js';
import { withStructuredParams } from '../../test/builders/structured-params.js';
import { BASE_USERS, daysAgo, evidence, failed, user } from '../../test/builders/evidence.js';
import { userAccessKeyRotation } from './user-access-key-rotation.js';

const keyUser = (name: string, spec: Parameters<typeof user>[1]) => evidence({ users: [...BASE_USERS, user(name, { password: false, mfa: false, groups: ['ci'], ...spec })] });

checkTester.run(userAccessKeyRotation, withStructuredParams(userAccessKeyRotation, {
  pass: [
    { name: 'key rotated 20 days ago', ev: evidence(), resource: 'deploy-bot', messageId: 'keysFresh', params: { days: 20, max: 90 } },
    { name: 'key exactly 90 days old is still within the limit', ev: keyUser('etl', { key1: { active: true, lastRotated: daysAgo(90), lastUsed: daysAgo(1) } }), resource: 'etl', messageId: 'keysFresh', params: { days: 90 } },
    {
      name: 'two fresh keys during a rotation',
      ev: keyUser('etl', { key1: { active: true, lastRotated: daysAgo(80), lastUsed: daysAgo(1) }, key2: { active: true, lastRotated: daysAgo(2), lastUsed: daysAgo(0) } }),
      resource: 'etl',
      messageId: 'keysFresh',
      params: { days: 80 },
    },
    {
      name: 'configured limit of 180 days',
      ev: keyUser('etl', { key1: { active: true, lastRotated: daysAgo(150), lastUsed: daysAgo(1) } }),
      resource: 'etl',
      config: { thresholds: { accessKeyMaxAgeDays: 180 } },
      messageId: 'keysFresh',
      params: { days: 150, max: 180 },
    },
    {
      name: 'old key is inactive, the active one is fresh',
      ev: keyUser('etl', { key1: { active: false, lastRotated: daysAgo(500), lastUsed: daysAgo(300) }, key2: { active: true, lastRotated: daysAgo(10), lastUsed: daysAgo(0) } }),
      resource: 'etl',
      messageId: 'keysFresh',
      params: { days: 10 },
    },
  ],
  fail: [
    {
      name: 'key 1 rotated 120 days ago',
      ev: keyUser('etl', { key1: { active: true, lastRotated: daysAgo(120), lastUsed: daysAgo(1) } }),
      resource: 'etl',
      messageId: 'keyTooOld',
      params: { key: '1', days: 120, max: 90, count: 1 },
    },
    {
      name: 'both keys too old: the oldest is named and both counted',
      ev: keyUser('etl', { key1: { active: true, lastRotated: daysAgo(200), lastUsed: daysAgo(1) }, key2: { active: true, lastRotated: daysAgo(400), lastUsed: daysAgo(3) } }),
      resource: 'etl',
      messageId: 'keyTooOld',
      params: { key: '2', days: 400, count: 2 },
    },
    {
      name: 'one key too old while the other has no date',
      ev: keyUser('etl', { key1: { active: true, lastRotated: 'N/A', lastUsed: daysAgo(1) }, key2: { active: true, lastRotated: daysAgo(91), lastUsed: daysAgo(3) } }),
      resource: 'etl',
      messageId: 'keyTooOld',
      params: { key: '2', days: 91, count: 1 },
    },
    {
      name: 'configured limit of 15 days',
      ev: evidence(),
      resource: 'deploy-bot',
      config: { thresholds: { accessKeyMaxAgeDays: 15 } },
      messageId: 'keyTooOld',
      params: { key: '1', days: 20, max: 15 },
    },
    {
      name: 'old key of a user with a comma in the name',
      ev: keyUser('svc,legacy', { key1: { active: true, lastRotated: daysAgo(700), lastUsed: daysAgo(5) } }),
      resource: 'svc,legacy',
      messageId: 'keyTooOld',
      params: { days: 700 },
    },
  ],
  error: [
    { name: 'report still being generated', ev: evidence({ parts: { credentialReport: failed('ReportInProgress', 'iam:GetCredentialReport') } }), params: { code: 'ReportInProgress', action: 'iam:GetCredentialReport' } },
    {
      name: 'active key without a rotation date',
      ev: keyUser('etl', { key1: { active: true, lastRotated: 'N/A', lastUsed: daysAgo(1) } }),
      resource: 'etl',
      messageId: 'rotationUnknown',
      params: { key: list(['1']), count: 1 },
    },
  ],
  notApplicable: [
    { name: 'console user without keys', ev: evidence(), resource: 'alice', messageId: 'noActiveKeys' },
    { name: 'only an inactive old key', ev: keyUser('etl', { key2: { active: false, lastRotated: daysAgo(900), lastUsed: daysAgo(800) } }), resource: 'etl', messageId: 'noActiveKeys' },
    { name: 'account with no IAM users', ev: evidence({ users: [] }), messageId: 'engine.noResources' },
  ],
}));
