import { checkTester } from '../../test/check-tester.js';
import { daysAgo, evidence, failed } from '../../test/builders/evidence.js';
import { rootAccessKeys } from './root-access-keys.js';

const absentRoot = { summary: { AccountPasswordPresent: 0, AccountMFAEnabled: 0 }, root: { mfa: false } };

checkTester.run(rootAccessKeys, {
  pass: [
    { name: 'no root keys', ev: evidence(), messageId: 'noKeys' },
    { name: 'report unreadable, summary says no keys', ev: evidence({ parts: { credentialReport: failed('ReportInProgress') } }), messageId: 'noKeys' },
  ],
  fail: [
    { name: 'root key 1 active', ev: evidence({ root: { key1: { active: true, lastRotated: daysAgo(400), lastUsed: daysAgo(3) } }, summary: { AccountAccessKeysPresent: 1 } }), messageId: 'activeKeys', params: { count: 1, inactive: 0 } },
    {
      name: 'both root keys active',
      ev: evidence({ root: { key1: { active: true, lastRotated: daysAgo(400) }, key2: { active: true, lastRotated: daysAgo(10) } }, summary: { AccountAccessKeysPresent: 1 } }),
      messageId: 'activeKeys',
      params: { count: 2 },
    },
    {
      name: 'one root key active, the other deactivated but not deleted',
      ev: evidence({ root: { key1: { active: true, lastRotated: daysAgo(1200), lastUsed: daysAgo(11) }, key2: { active: false, lastRotated: daysAgo(2000), lastUsed: daysAgo(1900) } }, summary: { AccountAccessKeysPresent: 1 } }),
      messageId: 'activeKeys',
      params: { count: 1, inactive: 1 },
    },
    { name: 'inactive root key still exists', ev: evidence({ root: { key2: { active: false, lastRotated: daysAgo(900) } }, summary: { AccountAccessKeysPresent: 1 } }), messageId: 'inactiveKeys', params: { count: 1 } },
    { name: 'summary sees a key the cached report does not', ev: evidence({ summary: { AccountAccessKeysPresent: 1 } }), messageId: 'keysInSummary' },
    { name: 'report only (console CSV), active key', ev: evidence({ root: { key1: { active: true, lastRotated: daysAgo(30) } }, parts: { accountSummary: failed('AccessDenied', 'iam:GetAccountSummary') } }), messageId: 'activeKeys' },
  ],
  error: [
    {
      name: 'summary and report both unreadable',
      ev: evidence({ parts: { accountSummary: failed('AccessDenied', 'iam:GetAccountSummary'), credentialReport: failed('ReportInProgress', 'iam:GetCredentialReport') } }),
      params: { code: 'AccessDenied', action: 'iam:GetAccountSummary' },
    },
    {
      name: 'summary without a key count, report unreadable',
      ev: evidence({ summary: { AccountAccessKeysPresent: undefined }, parts: { credentialReport: failed('ReportExpired', 'iam:GetCredentialReport') } }),
      params: { code: 'ReportExpired' },
    },
    { name: 'summary without a key count, report without a root row', ev: evidence({ summary: { AccountAccessKeysPresent: undefined }, root: null }), messageId: 'keysUnknown' },
    { name: 'summary and report both missing from the evidence', ev: evidence({ parts: { accountSummary: undefined, credentialReport: undefined } }), params: { code: 'NotCollected' } },
  ],
  notApplicable: [
    { name: 'member account whose root credentials were removed', ev: evidence({ ...absentRoot, root: { mfa: false, passwordLastUsed: 'N/A' } }), messageId: 'summaryAllZero' },
    { name: 'GovCloud report without a root row', ev: evidence({ partition: 'aws-us-gov', root: null }), messageId: 'noRootRowInReport' },
  ],
});
