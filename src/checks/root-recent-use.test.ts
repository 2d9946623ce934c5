import { checkTester } from '../../test/check-tester.js';
import { term } from '../i18n/index.js';
import { withStructuredParams } from '../../test/builders/structured-params.js';
import { daysAgo, evidence, failed } from '../../test/builders/evidence.js';
import { rootRecentUse } from './root-recent-use.js';

checkTester.run(rootRecentUse, withStructuredParams(rootRecentUse, {
  pass: [
    { name: 'root password last used 200 days ago', ev: evidence(), messageId: 'notUsedRecently', params: { days: 200, date: { date: '2026-05-04' }, credential: term('password') } },
    { name: 'root never used', ev: evidence({ root: { passwordLastUsed: 'no_information' } }), messageId: 'neverUsed' },
    { name: 'all three dates are N/A', ev: evidence({ root: { passwordLastUsed: 'N/A' } }), messageId: 'neverUsed' },
    {
      name: 'used 45 days ago, default threshold of 90 overridden to 30',
      ev: evidence({ root: { passwordLastUsed: daysAgo(45) } }),
      config: { thresholds: { rootRecentUseDays: 30 } },
      messageId: 'notUsedRecently',
      params: { days: 45, threshold: 30 },
    },
    { name: 'used 91 days ago', ev: evidence({ root: { passwordLastUsed: daysAgo(91) } }), messageId: 'notUsedRecently', params: { days: 91 } },
  ],
  fail: [
    { name: 'root signed in 3 days ago', ev: evidence({ root: { passwordLastUsed: daysAgo(3) } }), messageId: 'usedRecently', params: { days: 3, date: { date: '2026-11-17' }, credential: term('password'), threshold: 90 } },
    { name: 'used 45 days ago with the default threshold', ev: evidence({ root: { passwordLastUsed: daysAgo(45) } }), messageId: 'usedRecently', params: { days: 45 } },
    { name: 'used exactly 90 days ago', ev: evidence({ root: { passwordLastUsed: daysAgo(90) } }), messageId: 'usedRecently', params: { days: 90 } },
    {
      name: 'root key 2 used more recently than the password',
      ev: evidence({
        summary: { AccountAccessKeysPresent: 1 },
        root: { passwordLastUsed: daysAgo(60), key1: { active: false, lastRotated: daysAgo(900), lastUsed: daysAgo(400) }, key2: { active: true, lastRotated: daysAgo(500), lastUsed: daysAgo(10) } },
      }),
      messageId: 'usedRecently',
      params: { days: 10, credential: term('accessKey', { n: 2 }) },
    },
    {
      name: 'password never used, root key 1 used yesterday',
      ev: evidence({ summary: { AccountAccessKeysPresent: 1 }, root: { passwordLastUsed: 'no_information', key1: { active: true, lastRotated: daysAgo(500), lastUsed: daysAgo(1) } } }),
      messageId: 'usedRecently',
      params: { credential: term('accessKey', { n: 1 }) },
    },
  ],
  error: [
    { name: 'report still being generated', ev: evidence({ parts: { credentialReport: failed('ReportInProgress', 'iam:GetCredentialReport') } }), params: { code: 'ReportInProgress' } },
    { name: 'commercial-partition report without a root row', ev: evidence({ root: null }), messageId: 'noRootRow' },
  ],
  notApplicable: [
    {
      name: 'member account whose root credentials were removed',
      ev: evidence({ summary: { AccountPasswordPresent: 0, AccountMFAEnabled: 0 }, root: { mfa: false, passwordLastUsed: daysAgo(400) } }),
      messageId: 'summaryAllZero',
    },
    {
      name: 'root credentials removed, report not ready',
      ev: evidence({ summary: { AccountPasswordPresent: 0, AccountMFAEnabled: 0 }, parts: { credentialReport: failed('ReportInProgress', 'iam:GetCredentialReport') } }),
      messageId: 'summaryAllZero',
    },
    { name: 'China report without a root row', ev: evidence({ partition: 'aws-cn', root: null }), messageId: 'noRootRowInReport' },
  ],
}));
