import type { PartName } from './schema.js';

/**
 * The files of an AWS CLI export folder (SPEC §4): the contract between the script that
 * `lockdown evidence commands` prints and the importer that reads the folder. Each call writes
 * `<file>.json` on success or `<file>.error.txt` (the CLI's error text) on failure.
 * `{region}` entries are written once per enabled region.
 */
export interface ExportCall {
  file: string;
  /** AWS CLI arguments after `aws`; only read operations (a test enforces it). */
  args: string[];
  action: string;
  part?: PartName;
  perRegion?: boolean;
}

export const EXPORT_CALLS: readonly ExportCall[] = [
  { file: 'sts-get-caller-identity', args: ['sts', 'get-caller-identity'], action: 'sts:GetCallerIdentity' },
  { file: 'iam-get-credential-report', args: ['iam', 'get-credential-report'], action: 'iam:GetCredentialReport', part: 'credentialReport' },
  { file: 'iam-get-account-summary', args: ['iam', 'get-account-summary'], action: 'iam:GetAccountSummary', part: 'accountSummary' },
  { file: 'iam-get-account-password-policy', args: ['iam', 'get-account-password-policy'], action: 'iam:GetAccountPasswordPolicy', part: 'passwordPolicy' },
  { file: 'iam-list-virtual-mfa-devices', args: ['iam', 'list-virtual-mfa-devices', '--assignment-status', 'Assigned'], action: 'iam:ListVirtualMFADevices', part: 'virtualMfaDevices' },
  { file: 'iam-get-account-authorization-details', args: ['iam', 'get-account-authorization-details'], action: 'iam:GetAccountAuthorizationDetails', part: 'authorizationDetails' },
  { file: 'iam-list-server-certificates', args: ['iam', 'list-server-certificates'], action: 'iam:ListServerCertificates', part: 'serverCertificates' },
  { file: 'account-get-alternate-contact-SECURITY', args: ['account', 'get-alternate-contact', '--alternate-contact-type', 'SECURITY'], action: 'account:GetAlternateContact', part: 'alternateContactSecurity' },
  { file: 'account-get-alternate-contact-BILLING', args: ['account', 'get-alternate-contact', '--alternate-contact-type', 'BILLING'], action: 'account:GetAlternateContact', part: 'alternateContactBilling' },
  { file: 'account-get-alternate-contact-OPERATIONS', args: ['account', 'get-alternate-contact', '--alternate-contact-type', 'OPERATIONS'], action: 'account:GetAlternateContact', part: 'alternateContactOperations' },
  { file: 'organizations-describe-organization', args: ['organizations', 'describe-organization'], action: 'organizations:DescribeOrganization', part: 'organization' },
  { file: 'organizations-describe-account', args: ['organizations', 'describe-account', '--account-id', '$ACCOUNT_ID'], action: 'organizations:DescribeAccount', part: 'accountEmail' },
  { file: 'account-get-primary-email', args: ['account', 'get-primary-email', '--account-id', '$ACCOUNT_ID'], action: 'account:GetPrimaryEmail', part: 'accountEmail' },
  { file: 'iam-list-organizations-features', args: ['iam', 'list-organizations-features'], action: 'iam:ListOrganizationsFeatures', part: 'organizationsFeatures' },
  { file: 'ec2-describe-regions', args: ['ec2', 'describe-regions'], action: 'ec2:DescribeRegions', part: 'regions' },
  { file: 'accessanalyzer-list-analyzers-{region}', args: ['accessanalyzer', 'list-analyzers'], action: 'access-analyzer:ListAnalyzers', perRegion: true },
  { file: 'sso-admin-list-instances-{region}', args: ['sso-admin', 'list-instances'], action: 'sso:ListInstances', part: 'identityCenterInstances', perRegion: true },
];

/** Written by the script: when and with which CLI the folder was collected. */
export const EXPORT_METADATA_FILE = 'lockdown-export.json';
