import { accessAnalyzersPart } from './access-analyzers.js';
import { accountEmailPart } from './account-email.js';
import { accountSummaryPart } from './account-summary.js';
import { alternateContactBillingPart, alternateContactOperationsPart, alternateContactSecurityPart } from './alternate-contacts.js';
import { authorizationDetailsPart } from './authorization-details.js';
import { credentialReportPart } from './credential-report.js';
import { identityCenterInstancesPart } from './identity-center.js';
import { memberRootCredentialsPart } from './member-root-credentials.js';
import { organizationPart } from './organization.js';
import { organizationsFeaturesPart } from './organizations-features.js';
import { passwordPolicyPart } from './password-policy.js';
import { regionsPart } from './regions.js';
import { serverCertificatesPart } from './server-certificates.js';
import { serviceControlPoliciesPart } from './service-control-policies.js';
import { virtualMfaDevicesPart } from './virtual-mfa-devices.js';

/** Every evidence part that lives in `parts` of an evidence document, by name (SPEC §4). */
export const PARTS = {
  credentialReport: credentialReportPart,
  accountSummary: accountSummaryPart,
  passwordPolicy: passwordPolicyPart,
  virtualMfaDevices: virtualMfaDevicesPart,
  authorizationDetails: authorizationDetailsPart,
  serverCertificates: serverCertificatesPart,
  alternateContactSecurity: alternateContactSecurityPart,
  alternateContactBilling: alternateContactBillingPart,
  alternateContactOperations: alternateContactOperationsPart,
  organization: organizationPart,
  accountEmail: accountEmailPart,
  organizationsFeatures: organizationsFeaturesPart,
  regions: regionsPart,
  identityCenterInstances: identityCenterInstancesPart,
};

/**
 * Parts only an organisation scan fills, for each member, from the management account (or a
 * delegated administrator): they live in `parts` like the others, but no one-account collector,
 * export script or CLI export produces them. Absent, they mean "not an organisation scan"
 * (parse.ts: NotOrganizationScan), which their checks report as NOT_APPLICABLE, never PASS.
 */
export const ORGANIZATION_PARTS = {
  memberRootCredentials: memberRootCredentialsPart,
  serviceControlPolicies: serviceControlPoliciesPart,
};

/**
 * Regional parts kept one per region in a record of their own beside `parts` (the evidence@1
 * format keeps Access Analyzer there).
 */
export const REGIONAL_RECORDS = {
  accessAnalyzers: accessAnalyzersPart,
};

/** The call that tells whose evidence it is (the account and partition), not a part of its own. */
export const IDENTITY_CALL: { file: string; args: string[]; action: string } = { file: 'sts-get-caller-identity', args: ['sts', 'get-caller-identity'], action: 'sts:GetCallerIdentity' };
