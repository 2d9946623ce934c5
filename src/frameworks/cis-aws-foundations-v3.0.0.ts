import { defineFramework } from './framework.js';

// CIS Amazon Web Services Foundations Benchmark v3.0.0 (2024-01-31), section 1.
// Items with no check here (1.18 instance roles, 1.22 CloudShell) are outside this tool's scope.
export const cisAwsV300 = defineFramework({
  id: 'cis-aws-v3.0.0',
  name: 'CIS Amazon Web Services Foundations Benchmark',
  version: '3.0.0',
  requirements: [
    { id: '1.1', title: 'Maintain current contact details', assessment: 'manual', checks: ['account-billing-operations-contacts'] },
    { id: '1.2', title: 'Ensure security contact information is registered', assessment: 'manual', checks: ['account-security-contact'] },
    { id: '1.3', title: 'Ensure security questions are registered in the AWS account', assessment: 'manual', checks: ['account-security-questions'] },
    { id: '1.4', title: "Ensure no 'root' user account access key exists", checks: ['root-access-keys'] },
    { id: '1.5', title: "Ensure MFA is enabled for the 'root' user account", checks: ['root-mfa'] },
    { id: '1.6', title: "Ensure hardware MFA is enabled for the 'root' user account", assessment: 'manual', checks: ['root-hardware-mfa'] },
    { id: '1.7', title: "Eliminate use of the 'root' user for administrative and daily tasks", assessment: 'manual', checks: ['root-recent-use'] },
    { id: '1.8', title: 'Ensure IAM password policy requires minimum length of 14 or greater', checks: ['password-policy-min-length'] },
    { id: '1.9', title: 'Ensure IAM password policy prevents password reuse', checks: ['password-policy-reuse-prevention'] },
    { id: '1.10', title: 'Ensure multi-factor authentication (MFA) is enabled for all IAM users that have a console password', checks: ['user-console-mfa'] },
    { id: '1.11', title: 'Do not setup access keys during initial user setup for all IAM users that have a console password', assessment: 'manual', checks: ['user-setup-access-key'] },
    { id: '1.12', title: 'Ensure credentials unused for 45 days or greater are disabled', checks: ['user-unused-credentials'] },
    { id: '1.13', title: 'Ensure there is only one active access key available for any single IAM user', checks: ['user-single-active-key'] },
    { id: '1.14', title: 'Ensure access keys are rotated every 90 days or less', checks: ['user-access-key-rotation'] },
    { id: '1.15', title: 'Ensure IAM Users Receive Permissions Only Through Groups', checks: ['user-direct-policies'] },
    { id: '1.16', title: 'Ensure IAM policies that allow full "*:*" administrative privileges are not attached', checks: ['policy-full-admin'] },
    { id: '1.17', title: 'Ensure a support role has been created to manage incidents with AWS Support', checks: ['support-role'] },
    { id: '1.19', title: 'Ensure that all the expired SSL/TLS certificates stored in AWS IAM are removed', checks: ['server-certificates-expired'] },
    { id: '1.20', title: 'Ensure that IAM Access analyzer is enabled for all regions', checks: ['access-analyzer-enabled'] },
    { id: '1.21', title: 'Ensure IAM users are managed centrally via identity federation or AWS Organizations for multi-account environments', assessment: 'manual', checks: ['identity-center-in-use', 'org-membership'] },
  ],
});
