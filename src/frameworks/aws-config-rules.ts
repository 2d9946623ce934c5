import { defineFramework } from './framework.js';

// AWS Config managed rules that evaluate the same condition (their identifiers are the ids).
export const awsConfigRules = defineFramework({
  id: 'aws-config',
  name: 'AWS Config managed rules',
  version: '2026-11',
  requirements: [
    { id: 'root-account-mfa-enabled', title: 'Root account MFA enabled', checks: ['root-mfa'] },
    { id: 'root-account-hardware-mfa-enabled', title: 'Root account hardware MFA enabled', checks: ['root-hardware-mfa'] },
    { id: 'iam-root-access-key-check', title: 'No root access key', checks: ['root-access-keys'] },
    { id: 'security-account-information-provided', title: 'Security contact information provided', checks: ['account-security-contact'] },
    {
      id: 'iam-password-policy',
      title: 'Account password policy meets the specified requirements',
      checks: [
        'password-policy-exists', 'password-policy-min-length', 'password-policy-reuse-prevention', 'password-policy-uppercase',
        'password-policy-lowercase', 'password-policy-numbers', 'password-policy-symbols', 'password-policy-max-age',
      ],
    },
    { id: 'mfa-enabled-for-iam-console-access', title: 'MFA enabled for IAM console access', checks: ['user-console-mfa'] },
    { id: 'access-keys-rotated', title: 'Access keys rotated', checks: ['user-access-key-rotation'] },
    { id: 'iam-user-unused-credentials-check', title: 'Unused IAM user credentials', checks: ['user-unused-credentials'] },
    { id: 'iam-user-no-policies-check', title: 'IAM users have no policies attached', checks: ['user-direct-policies'] },
    { id: 'iam-user-group-membership-check', title: 'IAM users are members of a group', checks: ['user-in-group'] },
    { id: 'iam-policy-no-statements-with-admin-access', title: 'No policy statements with admin access', checks: ['policy-full-admin'] },
    { id: 'iam-policy-in-use', title: 'AWSSupportAccess policy in use', checks: ['support-role'] },
    { id: 'iam-server-certificate-expiration-check', title: 'IAM server certificates not expired', checks: ['server-certificates-expired'] },
    { id: 'iam-external-access-analyzer-enabled', title: 'External access analyzer enabled', checks: ['access-analyzer-enabled'] },
    { id: 'account-part-of-organizations', title: 'Account is part of AWS Organizations', checks: ['org-membership'] },
  ],
});
