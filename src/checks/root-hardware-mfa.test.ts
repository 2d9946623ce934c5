import { checkTester } from '../../test/check-tester.js';
import { ACCOUNT_ID, evidence, failed, ok } from '../../test/builders/evidence.js';
import { rootHardwareMfa } from './root-hardware-mfa.js';

const aliceDevice = { serialNumber: `arn:aws:iam::${ACCOUNT_ID}:mfa/alice-phone`, userArn: `arn:aws:iam::${ACCOUNT_ID}:user/alice` };
const rootVirtual = { serialNumber: `arn:aws:iam::${ACCOUNT_ID}:mfa/root-account-mfa-device`, userArn: `arn:aws:iam::${ACCOUNT_ID}:root` };
const devicesDenied = failed('AccessDenied', 'iam:ListVirtualMFADevices');

checkTester.run(rootHardwareMfa, {
  pass: [
    { name: 'root MFA is not among the virtual devices', ev: evidence(), messageId: 'hardwareMfa' },
    {
      name: 'device named root-account-mfa-device assigned to an IAM user called root',
      ev: evidence({ virtualMfaDevices: [aliceDevice, { serialNumber: rootVirtual.serialNumber, userArn: `arn:aws:iam::${ACCOUNT_ID}:user/root` }] }),
      messageId: 'hardwareMfa',
    },
    // A device of another account or partition is refused before any check runs (src/evidence/consistency.ts).
    { name: 'no virtual devices at all, no IAM users with MFA', ev: evidence({ virtualMfaDevices: [] }), messageId: 'hardwareMfa' },
  ],
  fail: [
    { name: 'root has no MFA', ev: evidence({ summary: { AccountMFAEnabled: 0 }, root: { mfa: false } }), messageId: 'noMfa' },
    {
      name: 'no MFA is decided without the device list',
      ev: evidence({ summary: { AccountMFAEnabled: 0 }, root: { mfa: false }, parts: { virtualMfaDevices: devicesDenied } }),
      messageId: 'noMfa',
    },
    { name: 'virtual MFA device on the root ARN', ev: evidence({ virtualMfaDevices: [aliceDevice, rootVirtual] }), messageId: 'virtualMfa', params: { serialNumber: rootVirtual.serialNumber } },
    {
      name: 'GovCloud root with a virtual MFA device',
      ev: evidence({
        partition: 'aws-us-gov',
        virtualMfaDevices: [{ serialNumber: `arn:aws-us-gov:iam::${ACCOUNT_ID}:mfa/root-account-mfa-device`, userArn: `arn:aws-us-gov:iam::${ACCOUNT_ID}:root` }],
      }),
      messageId: 'virtualMfa',
    },
    {
      name: 'MFA state unknown, but the device list shows a virtual root device',
      ev: evidence({ root: null, virtualMfaDevices: [rootVirtual], parts: { accountSummary: ok({ AccountPasswordPresent: 1 }, 'api', 'iam:GetAccountSummary') } }),
      messageId: 'virtualMfa',
    },
  ],
  error: [
    { name: 'virtual MFA device list unreadable', ev: evidence({ parts: { virtualMfaDevices: devicesDenied } }), params: { code: 'AccessDenied', action: 'iam:ListVirtualMFADevices' } },
    {
      name: 'summary and report both unreadable',
      ev: evidence({ parts: { accountSummary: failed('AccessDenied', 'iam:GetAccountSummary'), credentialReport: failed('ReportInProgress', 'iam:GetCredentialReport') } }),
      params: { code: 'AccessDenied' },
    },
    {
      name: 'MFA state unknown and no virtual root device',
      ev: evidence({ root: null, parts: { accountSummary: ok({ AccountPasswordPresent: 1 }, 'api', 'iam:GetAccountSummary') } }),
      messageId: 'mfaUnknown',
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
