import { defineFramework } from './framework.js';

// AWS Security Hub CSPM controls (IAM.x, Account.x). IAM.1 covers customer-managed policies only;
// policy-full-admin also judges AWS-managed and inline ones, so the mapping is a cross-reference.
export const awsSecurityHub = defineFramework({
  id: 'aws-securityhub',
  name: 'AWS Security Hub controls',
  version: '2026-11',
  requirements: [
    { id: 'Account.1', title: 'Security contact information should be provided for an AWS account', checks: ['account-security-contact'] },
    { id: 'Account.2', title: 'AWS accounts should be part of an AWS Organizations organization', checks: ['org-membership'] },
    {
      id: 'IAM.1',
      title: 'IAM policies should not allow full "*" administrative privileges',
      checks: ['policy-full-admin'],
      // The control evaluates every customer-managed policy, attached or not (Security Hub controls
      // reference, IAM.1); our check passes an unattached one with a note.
      counts: [{ check: 'policy-full-admin', messageIds: ['unattached'], as: 'FAIL' }],
    },
    { id: 'IAM.2', title: 'IAM users should not have IAM policies attached', checks: ['user-direct-policies'] },
    { id: 'IAM.3', title: "IAM users' access keys should be rotated every 90 days or less", checks: ['user-access-key-rotation'] },
    { id: 'IAM.4', title: 'IAM root user access key should not exist', checks: ['root-access-keys'] },
    { id: 'IAM.5', title: 'MFA should be enabled for all IAM users that have a console password', checks: ['user-console-mfa'] },
    { id: 'IAM.6', title: 'Hardware MFA should be enabled for the root user', checks: ['root-hardware-mfa'] },
    {
      id: 'IAM.7',
      title: 'Password policies for IAM users should have strong configurations',
      checks: ['password-policy-exists', 'password-policy-min-length', 'password-policy-uppercase', 'password-policy-lowercase', 'password-policy-numbers', 'password-policy-symbols'],
    },
    { id: 'IAM.9', title: 'MFA should be enabled for the root user', checks: ['root-mfa'] },
    { id: 'IAM.11', title: 'Ensure IAM password policy requires at least one uppercase letter', checks: ['password-policy-uppercase'] },
    { id: 'IAM.12', title: 'Ensure IAM password policy requires at least one lowercase letter', checks: ['password-policy-lowercase'] },
    { id: 'IAM.13', title: 'Ensure IAM password policy requires at least one symbol', checks: ['password-policy-symbols'] },
    { id: 'IAM.14', title: 'Ensure IAM password policy requires at least one number', checks: ['password-policy-numbers'] },
    { id: 'IAM.15', title: 'Ensure IAM password policy requires minimum password length of 14 or greater', checks: ['password-policy-min-length'] },
    { id: 'IAM.16', title: 'Ensure IAM password policy prevents password reuse', checks: ['password-policy-reuse-prevention'] },
    { id: 'IAM.17', title: 'Ensure IAM password policy expires passwords within 90 days or less', checks: ['password-policy-max-age'] },
    { id: 'IAM.18', title: 'Ensure a support role has been created to manage incidents with AWS Support', checks: ['support-role'] },
    { id: 'IAM.22', title: 'IAM user credentials unused for 45 days should be removed', checks: ['user-unused-credentials'] },
    { id: 'IAM.26', title: 'Expired SSL/TLS certificates managed in IAM should be removed', checks: ['server-certificates-expired'] },
    { id: 'IAM.28', title: 'IAM Access Analyzer external access analyzer should be enabled', checks: ['access-analyzer-enabled'] },
  ],
});
