// The IAM actions a many-account scan adds to a one-account scan, as data (no SDK), for
// `lockdown policy --org` and the tests that hold every recorded call against it.

/** Listing the organisation from its management account or a delegated administrator (organization.ts). */
export const ORGANIZATION_LISTING_ACTIONS = [
  'organizations:DescribeOrganization',
  'organizations:DescribeOrganizationalUnit',
  'organizations:ListAccounts',
  'organizations:ListParents',
] as const;

/** Reaching each account: one role per account, or a chain of them (assume-role.ts). */
export const ASSUME_ROLE_ACTION = 'sts:AssumeRole';

/** Centralized root access: a root session in a member, asked for only with the audit task policy. */
export const ASSUME_ROOT_ACTION = 'sts:AssumeRoot';
export const AUDIT_TASK_POLICY_NAME = 'IAMAuditRootUserCredentials';

/**
 * Whether trusted access for AWS Account Management is on, read once per organisation and only
 * when a member's own role may not read its alternate contacts (member-contacts.ts).
 */
export const TRUSTED_ACCESS_ACTION = 'organizations:ListAWSServiceAccessForOrganization';
