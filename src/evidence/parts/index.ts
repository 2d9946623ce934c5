import { accessAnalyzersPart } from './access-analyzers.js';
import { accountEmailPart } from './account-email.js';
import { accountSummaryPart } from './account-summary.js';
import { alternateContactBillingPart, alternateContactOperationsPart, alternateContactSecurityPart } from './alternate-contacts.js';
import { authorizationDetailsPart } from './authorization-details.js';
import { credentialReportPart } from './credential-report.js';
import { identityCenterInstancesPart } from './identity-center.js';
import { organizationPart } from './organization.js';
import { organizationsFeaturesPart } from './organizations-features.js';
import { passwordPolicyPart } from './password-policy.js';
import { regionsPart } from './regions.js';
import { serverCertificatesPart } from './server-certificates.js';
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
 * Regional parts kept one per region in a record of their own beside `parts` (the evidence@1
 * format keeps Access Analyzer there).
 */
export const REGIONAL_RECORDS = {
  accessAnalyzers: accessAnalyzersPart,
};

/** The call that tells whose evidence it is (the account and partition), not a part of its own. */
export const IDENTITY_CALL: { file: string; args: string[]; action: string } = { file: 'sts-get-caller-identity', args: ['sts', 'get-caller-identity'], action: 'sts:GetCallerIdentity' };
