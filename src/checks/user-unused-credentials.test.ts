import { checkTester } from '../../test/check-tester.js';
import { list, term } from '../i18n/index.js';
import { withStructuredParams } from '../../test/builders/structured-params.js';
import { BASE_USERS, daysAgo, evidence, failed, user } from '../../test/builders/evidence.js';
import { userUnusedCredentials } from './user-unused-credentials.js';

const idle = (credential: 'password' | 'accessKey', n: number, never: 'yes' | 'no', days: number) => term('credentialIdle', { credential, n, never, days });

// How the IAM console writes a freshly invited console user: created and password set at once,
// `password_last_used` = no_information until the first sign-in.
const invited = (days: number) => ({ created: daysAgo(days), password: true, passwordLastUsed: 'no_information', passwordLastChanged: daysAgo(days) });

const withUser = (name: string, spec: Parameters<typeof user>[1]) => evidence({ users: [...BASE_USERS, user(name, { mfa: true, ...spec })] });

checkTester.run(userUnusedCredentials, withStructuredParams(userUnusedCredentials, {
  pass: [
    { name: 'console user signed in yesterday', ev: evidence(), resource: 'alice', messageId: 'used', params: { days: 1, max: 45 } },
    { name: 'key used today', ev: evidence(), resource: 'deploy-bot', messageId: 'used', params: { days: 0 } },
    {
      name: 'key created 10 days ago and never used',
      ev: withUser('etl', { key1: { active: true, lastRotated: daysAgo(10), lastUsed: 'N/A' } }),
      resource: 'etl',
      messageId: 'used',
      params: { days: 10 },
    },
    {
      name: 'password unused for 60 days under a 90-day limit',
      ev: withUser('dave', { password: true, passwordLastUsed: daysAgo(60), passwordLastChanged: daysAgo(200) }),
      resource: 'dave',
      config: { thresholds: { unusedCredentialsDays: 90 } },
      messageId: 'used',
      params: { days: 60, max: 90 },
    },
    {
      name: 'password and key both in use, inactive key ignored',
      ev: withUser('dave', {
        password: true,
        passwordLastUsed: daysAgo(3),
        key1: { active: true, lastRotated: daysAgo(300), lastUsed: daysAgo(20) },
        key2: { active: false, lastRotated: daysAgo(900), lastUsed: daysAgo(800) },
      }),
      resource: 'dave',
      messageId: 'used',
      params: { days: 20 },
    },
    {
      name: 'console user invited yesterday, never signed in',
      ev: withUser('new.hire', invited(1)),
      resource: 'new.hire',
      messageId: 'used',
      params: { days: 1, max: 45, details: list([idle('password', 0, 'yes', 1)]) },
    },
    {
      name: 'key created 3 days ago, never used (N/A), beside a password used today',
      ev: withUser('pipeline', { created: daysAgo(3), password: true, passwordLastUsed: daysAgo(0), passwordLastChanged: daysAgo(3), key2: { active: true, lastRotated: daysAgo(3), lastUsed: 'N/A' } }),
      resource: 'pipeline',
      messageId: 'used',
      params: { days: 3, details: list([idle('password', 0, 'no', 0), idle('accessKey', 2, 'yes', 3)]) },
    },
  ],
  fail: [
    {
      name: 'console user invited 100 days ago, never signed in',
      ev: withUser('new.hire', invited(100)),
      resource: 'new.hire',
      messageId: 'unused',
      params: { days: 100, max: 45, details: list([idle('password', 0, 'yes', 100)]) },
    },
    {
      name: 'password never used, no password_last_changed: counts from user creation',
      ev: withUser('new.hire', { created: daysAgo(70), password: true, passwordLastUsed: 'no_information' }),
      resource: 'new.hire',
      messageId: 'unused',
      params: { days: 70, details: list([idle('password', 0, 'yes', 70)]) },
    },
    {
      name: 'password set before IAM tracked sign-ins, none recorded: idle since tracking began at least',
      ev: withUser('veteran', { created: '2013-03-01T09:00:00.000Z', password: true, passwordLastUsed: 'no_information', passwordLastChanged: '2013-03-01T09:00:00.000Z' }),
      resource: 'veteran',
      messageId: 'unused',
      params: { days: 4414, details: list([idle('password', 0, 'yes', 5012)]) },
    },
    {
      name: 'key created 100 days ago, never used, key 1 used recently',
      ev: withUser('etl', { created: daysAgo(300), key1: { active: true, lastRotated: daysAgo(200), lastUsed: daysAgo(2) }, key2: { active: true, lastRotated: daysAgo(100), lastUsed: 'N/A' } }),
      resource: 'etl',
      messageId: 'unused',
      params: { credentials: list([term('accessKey', { n: 2 })]), days: 100, details: list([idle('accessKey', 2, 'yes', 100)]) },
    },
    {
      name: 'key created 60 days ago and never used',
      ev: withUser('etl', { key1: { active: true, lastRotated: daysAgo(60), lastUsed: 'N/A' } }),
      resource: 'etl',
      messageId: 'unused',
      params: { credentials: list([term('accessKey', { n: 1 })]), days: 60, max: 45 },
    },
    {
      name: 'password never used, changed 100 days ago',
      ev: withUser('dave', { password: true, passwordLastUsed: 'N/A', passwordLastChanged: daysAgo(100) }),
      resource: 'dave',
      messageId: 'unused',
      params: { credentials: list([term('password')]), days: 100 },
    },
    {
      name: 'password not used since IAM began tracking (no_information)',
      ev: withUser('dave', { password: true, passwordLastUsed: 'no_information', passwordLastChanged: daysAgo(5000) }),
      resource: 'dave',
      messageId: 'unused',
      params: { credentials: list([term('password')]) },
    },
    {
      name: 'password and key 1 unused, the largest idle time reported',
      ev: withUser('dave', { password: true, passwordLastUsed: daysAgo(70), key1: { active: true, lastRotated: daysAgo(300), lastUsed: daysAgo(200) }, key2: { active: true, lastRotated: daysAgo(5), lastUsed: daysAgo(1) } }),
      resource: 'dave',
      messageId: 'unused',
      params: { credentials: list([term('password'), term('accessKey', { n: 1 })]), days: 200 },
    },
    {
      name: 'key unused for exactly 45 days',
      ev: withUser('etl', { key2: { active: true, lastRotated: daysAgo(80), lastUsed: daysAgo(45) } }),
      resource: 'etl',
      messageId: 'unused',
      params: { credentials: list([term('accessKey', { n: 2 })]), days: 45 },
    },
    {
      name: 'never-used key without a rotation date counts from user creation',
      ev: withUser('etl', { created: daysAgo(50), key1: { active: true, lastRotated: 'N/A', lastUsed: 'N/A' } }),
      resource: 'etl',
      messageId: 'unused',
      params: { days: 50 },
    },
    {
      name: 'key unused for 35 days under a 30-day limit',
      ev: withUser('etl', { key1: { active: true, lastRotated: daysAgo(100), lastUsed: daysAgo(35) } }),
      resource: 'etl',
      config: { thresholds: { unusedCredentialsDays: 30 } },
      messageId: 'unused',
      params: { days: 35, max: 30 },
    },
    {
      name: 'unused password of a user with a comma in the name',
      ev: withUser('smith,j', { password: true, passwordLastUsed: daysAgo(400) }),
      resource: 'smith,j',
      messageId: 'unused',
      params: { credentials: list([term('password')]), days: 400 },
    },
  ],
  error: [
    { name: 'report still being generated', ev: evidence({ parts: { credentialReport: failed('ReportInProgress', 'iam:GetCredentialReport') } }), params: { code: 'ReportInProgress' } },
    {
      // A user row cannot say not_supported (only root's can); a row with no date at all is the case left.
      name: 'password never used and no date of when it was set',
      ev: withUser('dave', { created: 'N/A', password: true, passwordLastUsed: 'no_information', passwordLastChanged: 'N/A' }),
      resource: 'dave',
      messageId: 'usageUnknown',
      params: { credentials: list([term('password')]) },
    },
  ],
  notApplicable: [
    { name: 'user without password or keys', ev: withUser('ghost', { password: false }), resource: 'ghost', messageId: 'noCredentials' },
    { name: 'only an inactive key', ev: withUser('ghost', { password: false, key1: { active: false, lastRotated: daysAgo(300), lastUsed: daysAgo(250) } }), resource: 'ghost', messageId: 'noCredentials' },
    { name: 'account with no IAM users', ev: evidence({ users: [] }), messageId: 'engine.noResources' },
  ],
}));
