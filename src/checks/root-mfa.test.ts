import { checkTester } from '../../test/check-tester.js';
import { daysAgo, evidence, failed, ok } from '../../test/builders/evidence.js';
import { rootMfa } from './root-mfa.js';

const summaryDenied = failed('AccessDenied', 'iam:GetAccountSummary');
const reportInProgress = failed('ReportInProgress', 'iam:GetCredentialReport');

checkTester.run(rootMfa, {
  pass: [
    { name: 'root has MFA', ev: evidence(), messageId: 'mfa' },
    { name: 'summary unreadable, report row says MFA', ev: evidence({ parts: { accountSummary: summaryDenied } }), messageId: 'mfa' },
    { name: 'report unreadable, summary says MFA', ev: evidence({ parts: { credentialReport: reportInProgress } }), messageId: 'mfa' },
  ],
  fail: [
    { name: 'root with password and no MFA', ev: evidence({ summary: { AccountMFAEnabled: 0 }, root: { mfa: false } }), messageId: 'noMfa' },
    {
      name: 'password presence unknown (key missing from the summary), no MFA',
      ev: evidence({
        root: { mfa: false },
        parts: { accountSummary: ok({ AccountMFAEnabled: 0, AccountAccessKeysPresent: 0, AccountSigningCertificatesPresent: 0 }, 'api', 'iam:GetAccountSummary') },
      }),
      messageId: 'noMfa',
    },
    { name: 'console CSV only: password not_supported, no MFA', ev: evidence({ root: { mfa: false }, parts: { accountSummary: summaryDenied } }), messageId: 'noMfa' },
    {
      name: 'no password but an active root key, no MFA',
      ev: evidence({
        summary: { AccountMFAEnabled: 0, AccountPasswordPresent: 0, AccountAccessKeysPresent: 1 },
        root: { mfa: false, key1: { active: true, lastRotated: daysAgo(700), lastUsed: daysAgo(2) } },
      }),
      messageId: 'noMfaKeysOnly',
      params: { keys: 1, certificates: 0 },
    },
    {
      name: 'no password, key only in the summary and a certificate, no MFA',
      ev: evidence({
        summary: { AccountMFAEnabled: 0, AccountPasswordPresent: 0, AccountAccessKeysPresent: 1 },
        root: { mfa: false, cert1: { active: true, lastRotated: daysAgo(1200) } },
      }),
      messageId: 'noMfaKeysOnly',
      params: { keys: 1, certificates: 1 },
    },
  ],
  error: [
    {
      name: 'summary and report both unreadable',
      ev: evidence({ parts: { accountSummary: summaryDenied, credentialReport: reportInProgress } }),
      params: { code: 'AccessDenied', action: 'iam:GetAccountSummary' },
    },
    {
      name: 'summary without AccountMFAEnabled and no root row in the report',
      ev: evidence({ root: null, parts: { accountSummary: ok({ AccountPasswordPresent: 1, AccountAccessKeysPresent: 0 }, 'api', 'iam:GetAccountSummary') } }),
      messageId: 'mfaUnknown',
    },
  ],
  notApplicable: [
    {
      name: 'member account whose root credentials were removed',
      ev: evidence({ summary: { AccountPasswordPresent: 0, AccountMFAEnabled: 0 }, root: { mfa: false, passwordLastUsed: 'N/A' } }),
      messageId: 'summaryAllZero',
    },
    { name: 'GovCloud report without a root row', ev: evidence({ partition: 'aws-us-gov', root: null }), messageId: 'noRootRowInReport' },
  ],
});
