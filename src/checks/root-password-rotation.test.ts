import { checkTester } from '../../test/check-tester.js';
import { daysAgo, evidence, failed } from '../../test/builders/evidence.js';
import { rootPasswordRotation } from './root-password-rotation.js';

const summaryDenied = failed('AccessDenied', 'iam:GetAccountSummary');

checkTester.run(rootPasswordRotation, {
  // AWS reports not_supported for the root password age today; these cases pin down what a dated
  // root row (should one ever appear) decides.
  pass: [{ name: 'report carries a recent root password change', ev: evidence({ root: { passwordLastChanged: daysAgo(20) } }), messageId: 'recentlyChanged', params: { days: 20, threshold: 90 } }],
  fail: [
    { name: 'report carries an old root password change', ev: evidence({ root: { passwordLastChanged: daysAgo(400) } }), messageId: 'oldPassword', params: { days: 400, threshold: 90 } },
    {
      name: 'old change against a stricter configured maximum age',
      ev: evidence({ root: { passwordLastChanged: daysAgo(45) } }),
      config: { thresholds: { passwordMaxAgeDays: 30 } },
      messageId: 'oldPassword',
      params: { days: 45, threshold: 30 },
    },
  ],
  error: [
    {
      name: 'summary and report both unreadable',
      ev: evidence({ parts: { accountSummary: summaryDenied, credentialReport: failed('ReportInProgress', 'iam:GetCredentialReport') } }),
      params: { code: 'AccessDenied', action: 'iam:GetAccountSummary' },
    },
  ],
  manual: [
    { name: 'root password present, age not_supported', ev: evidence({ root: { passwordLastChanged: 'not_supported' } }), messageId: 'manualCheck', params: { report: 'notSupported' } },
    { name: 'root password present, age N/A', ev: evidence(), messageId: 'manualCheck', params: { report: 'noDate' } },
    { name: 'password presence unknown (console CSV only)', ev: evidence({ parts: { accountSummary: summaryDenied } }), messageId: 'manualCheck', params: { report: 'noDate' } },
    { name: 'commercial-partition report without a root row', ev: evidence({ root: null }), messageId: 'manualCheck', params: { report: 'noRootRow' } },
    { name: 'summary shows a root password, report unreadable', ev: evidence({ parts: { credentialReport: failed('ReportInProgress', 'iam:GetCredentialReport') } }), messageId: 'manualCheck', params: { report: 'unread' } },
  ],
  notApplicable: [
    {
      name: 'root has no password, only an access key',
      ev: evidence({ summary: { AccountPasswordPresent: 0, AccountAccessKeysPresent: 1 }, root: { key1: { active: true, lastRotated: daysAgo(300) } } }),
      messageId: 'noPassword',
    },
    {
      name: 'member account whose root credentials were removed',
      ev: evidence({ summary: { AccountPasswordPresent: 0, AccountMFAEnabled: 0 }, root: { mfa: false } }),
      messageId: 'summaryAllZero',
    },
    { name: 'GovCloud report without a root row', ev: evidence({ partition: 'aws-us-gov', root: null }), messageId: 'noRootRowInReport' },
  ],
});
