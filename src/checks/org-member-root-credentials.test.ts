import { checkTester } from '../../test/check-tester.js';
import { withStructuredParams } from '../../test/builders/structured-params.js';
import { evidence, failed, ok } from '../../test/builders/evidence.js';
import { list, term } from '../i18n/index.js';
import { orgMemberRootCredentials } from './org-member-root-credentials.js';

const TASK = 'arn:aws:iam::aws:policy/root-task/IAMAuditRootUserCredentials';
const none = { state: 'audited', taskPolicyArn: TASK, loginProfile: null, accessKeys: [], mfaDevices: [], signingCertificates: [] };
const audited = (found: Record<string, unknown>) => evidence({ parts: { memberRootCredentials: ok({ ...none, ...found }) } });
const key = (id: string, status: 'Active' | 'Inactive') => ({ accessKeyId: id, status, createDate: '2024-01-01T00:00:00Z' });
const mfa = { serialNumber: 'arn:aws:iam::123456789012:mfa/root-account-mfa-device', enableDate: '2024-01-02T00:00:00Z' };
const cert = { certificateId: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345', status: 'Active', uploadDate: '2024-01-03T00:00:00Z' };
const password = { createDate: '2020-01-01T00:00:00Z' };

checkTester.run(orgMemberRootCredentials, withStructuredParams(orgMemberRootCredentials, {
  pass: [{ name: 'root credentials removed', ev: audited({}), messageId: 'noCredentials' }],
  fail: [
    {
      name: 'only a console password',
      ev: audited({ loginProfile: password }),
      messageId: 'credentialsExist',
      params: { credentials: list([term('rootCredential', { kind: 'password', count: 1 })]), activeKeys: 0 },
    },
    {
      name: 'an active and an inactive key',
      ev: audited({ accessKeys: [key('AKIAROOT000000000001', 'Active'), key('AKIAROOT000000000002', 'Inactive')] }),
      messageId: 'credentialsExist',
      params: { credentials: list([term('rootCredential', { kind: 'accessKeys', count: 2 })]), activeKeys: 1 },
    },
    { name: 'only an MFA device', ev: audited({ mfaDevices: [mfa] }), messageId: 'credentialsExist', params: { credentials: list([term('rootCredential', { kind: 'mfaDevices', count: 1 })]) } },
    { name: 'only a signing certificate', ev: audited({ signingCertificates: [cert] }), messageId: 'credentialsExist', params: { credentials: list([term('rootCredential', { kind: 'certificates', count: 1 })]) } },
    {
      name: 'every kind of root credential',
      ev: audited({ loginProfile: password, accessKeys: [key('AKIAROOT000000000001', 'Inactive')], mfaDevices: [mfa], signingCertificates: [cert] }),
      messageId: 'credentialsExist',
      params: {
        credentials: list([
          term('rootCredential', { kind: 'password', count: 1 }),
          term('rootCredential', { kind: 'accessKeys', count: 1 }),
          term('rootCredential', { kind: 'mfaDevices', count: 1 }),
          term('rootCredential', { kind: 'certificates', count: 1 }),
        ]),
        activeKeys: 0,
      },
    },
  ],
  error: [
    {
      name: 'AssumeRoot denied',
      ev: evidence({ parts: { memberRootCredentials: failed('AccessDenied', 'sts:AssumeRoot') } }),
      params: { code: 'AccessDenied', action: 'sts:AssumeRoot' },
    },
    {
      name: 'an SCP denies the root session its reads',
      ev: evidence({ parts: { memberRootCredentials: failed('AccessDenied', 'iam:GetLoginProfile') } }),
      params: { code: 'AccessDenied', action: 'iam:GetLoginProfile' },
    },
    {
      name: 'root sessions not enabled in the organisation',
      ev: evidence({ parts: { memberRootCredentials: ok({ state: 'rootSessionUnavailable', reason: 'rootSessionsDisabled' }) } }),
      messageId: 'rootSessionUnavailable',
      params: { reason: 'rootSessionsDisabled' },
    },
    {
      name: 'scanning account is no IAM administrator',
      ev: evidence({ parts: { memberRootCredentials: ok({ state: 'rootSessionUnavailable', reason: 'notRootAdministrator' }) } }),
      messageId: 'rootSessionUnavailable',
      params: { reason: 'notRootAdministrator' },
    },
  ],
  notApplicable: [
    { name: 'one-account scan', ev: evidence(), messageId: 'notOrganizationScan' },
    { name: 'the management account', ev: evidence({ parts: { memberRootCredentials: ok({ state: 'managementAccount' }) } }), messageId: 'managementAccount' },
  ],
}));
