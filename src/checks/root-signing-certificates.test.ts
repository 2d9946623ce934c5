import { checkTester } from '../../test/check-tester.js';
import { daysAgo, evidence, failed, ok } from '../../test/builders/evidence.js';
import { rootSigningCertificates } from './root-signing-certificates.js';

const reportInProgress = failed('ReportInProgress', 'iam:GetCredentialReport');

checkTester.run(rootSigningCertificates, {
  pass: [
    { name: 'no root certificates', ev: evidence(), messageId: 'noCertificates' },
    { name: 'report unreadable, summary counts no certificates', ev: evidence({ parts: { credentialReport: reportInProgress } }), messageId: 'noCertificates' },
    {
      name: 'only an inactive certificate remains',
      ev: evidence({ summary: { AccountSigningCertificatesPresent: 1 }, root: { cert2: { active: false, lastRotated: daysAgo(2000) } } }),
      messageId: 'inactiveCertificates',
      params: { count: 1 },
    },
  ],
  fail: [
    {
      name: 'active root certificate',
      ev: evidence({ summary: { AccountSigningCertificatesPresent: 1 }, root: { cert1: { active: true, lastRotated: daysAgo(1500) } } }),
      messageId: 'activeCertificates',
      params: { count: 1 },
    },
    {
      name: 'one active and one inactive certificate',
      ev: evidence({ summary: { AccountSigningCertificatesPresent: 1 }, root: { cert1: { active: false, lastRotated: daysAgo(2500) }, cert2: { active: true, lastRotated: daysAgo(300) } } }),
      messageId: 'activeCertificates',
      params: { count: 1 },
    },
    { name: 'summary sees a certificate the cached report does not', ev: evidence({ summary: { AccountSigningCertificatesPresent: 1 } }), messageId: 'certificatesInSummary' },
    {
      name: 'report only (console CSV), two active certificates',
      ev: evidence({ root: { cert1: { active: true, lastRotated: daysAgo(900) }, cert2: { active: true, lastRotated: daysAgo(30) } }, parts: { accountSummary: failed('AccessDenied', 'iam:GetAccountSummary') } }),
      messageId: 'activeCertificates',
      params: { count: 2 },
    },
  ],
  error: [
    {
      name: 'summary and report both unreadable',
      ev: evidence({ parts: { accountSummary: failed('AccessDenied', 'iam:GetAccountSummary'), credentialReport: reportInProgress } }),
      params: { code: 'AccessDenied' },
    },
    {
      name: 'summary without the certificate count, report unreadable',
      ev: evidence({ parts: { accountSummary: ok({ AccountMFAEnabled: 1, AccountPasswordPresent: 1, AccountAccessKeysPresent: 0 }, 'api', 'iam:GetAccountSummary'), credentialReport: reportInProgress } }),
      params: { code: 'ReportInProgress' },
    },
    {
      name: 'summary unreadable, commercial report without a root row',
      ev: evidence({ root: null, parts: { accountSummary: failed('AccessDenied', 'iam:GetAccountSummary') } }),
      messageId: 'certificatesUnknown',
    },
  ],
  notApplicable: [
    {
      name: 'member account whose root credentials were removed',
      ev: evidence({ summary: { AccountPasswordPresent: 0, AccountMFAEnabled: 0 }, root: { mfa: false } }),
      messageId: 'summaryAllZero',
    },
    { name: 'GovCloud report without a root row', ev: evidence({ partition: 'aws-us-gov', root: null }), messageId: 'noRootRowInReport' },
  ],
});
