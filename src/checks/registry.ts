import type { Check } from '../engine/check.js';
import { accessAnalyzerEnabled } from './access-analyzer-enabled.js';
import { accountBillingOperationsContacts } from './account-billing-operations-contacts.js';
import { accountSecurityContact } from './account-security-contact.js';
import { accountSecurityQuestions } from './account-security-questions.js';
import { identityCenterInUse } from './identity-center-in-use.js';
import { orgCentralizedRootAccess } from './org-centralized-root-access.js';
import { orgMemberRootCredentials } from './org-member-root-credentials.js';
import { orgMembership } from './org-membership.js';
import { orgRootUserScp } from './org-root-user-scp.js';
import { passwordPolicyAllowChange } from './password-policy-allow-change.js';
import { passwordPolicyExists } from './password-policy-exists.js';
import { passwordPolicyLowercase } from './password-policy-lowercase.js';
import { passwordPolicyMaxAge } from './password-policy-max-age.js';
import { passwordPolicyMinLength } from './password-policy-min-length.js';
import { passwordPolicyNumbers } from './password-policy-numbers.js';
import { passwordPolicyReusePrevention } from './password-policy-reuse-prevention.js';
import { passwordPolicySymbols } from './password-policy-symbols.js';
import { passwordPolicyUppercase } from './password-policy-uppercase.js';
import { policyFullAdmin } from './policy-full-admin.js';
import { rootAccessKeys } from './root-access-keys.js';
import { rootEmailDomain } from './root-email-domain.js';
import { rootHardwareMfa } from './root-hardware-mfa.js';
import { rootMfa } from './root-mfa.js';
import { rootPasswordRotation } from './root-password-rotation.js';
import { rootRecentUse } from './root-recent-use.js';
import { rootSigningCertificates } from './root-signing-certificates.js';
import { serverCertificatesExpired } from './server-certificates-expired.js';
import { supportRole } from './support-role.js';
import { userAccessKeyRotation } from './user-access-key-rotation.js';
import { userAdminMfa } from './user-admin-mfa.js';
import { userConsoleMfa } from './user-console-mfa.js';
import { userDirectPolicies } from './user-direct-policies.js';
import { userInGroup } from './user-in-group.js';
import { userSetupAccessKey } from './user-setup-access-key.js';
import { userSingleActiveKey } from './user-single-active-key.js';
import { userUnusedCredentials } from './user-unused-credentials.js';

// Every check, sorted by id. The registry meta-test proves this list equals the files on disk.
export const CHECKS: readonly Check[] = [
  accessAnalyzerEnabled,
  accountBillingOperationsContacts,
  accountSecurityContact,
  accountSecurityQuestions,
  identityCenterInUse,
  orgCentralizedRootAccess,
  orgMemberRootCredentials,
  orgMembership,
  orgRootUserScp,
  passwordPolicyAllowChange,
  passwordPolicyExists,
  passwordPolicyLowercase,
  passwordPolicyMaxAge,
  passwordPolicyMinLength,
  passwordPolicyNumbers,
  passwordPolicyReusePrevention,
  passwordPolicySymbols,
  passwordPolicyUppercase,
  policyFullAdmin,
  rootAccessKeys,
  rootEmailDomain,
  rootHardwareMfa,
  rootMfa,
  rootPasswordRotation,
  rootRecentUse,
  rootSigningCertificates,
  serverCertificatesExpired,
  supportRole,
  userAccessKeyRotation,
  userAdminMfa,
  userConsoleMfa,
  userDirectPolicies,
  userInGroup,
  userSetupAccessKey,
  userSingleActiveKey,
  userUnusedCredentials,
];

export const CHECKS_BY_ID: ReadonlyMap<string, Check> = new Map(CHECKS.map((c) => [c.id, c]));

/** check id → its former ids, for the mutelist and --checks. */
export const ALIASES: ReadonlyMap<string, string[]> = new Map(CHECKS.filter((c) => c.aliases?.length).map((c) => [c.id, c.aliases ?? []]));
