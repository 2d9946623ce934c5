// Error codes that are facts about the account, not failures to read it. Shared by the AWS CLI
// importer and the SDK collectors so that both record the same evidence.

/** GetAccountPasswordPolicy: no custom policy, the AWS default applies. */
export const NO_PASSWORD_POLICY = new Set(['NoSuchEntity', 'NoSuchEntityException']);

/** GetAlternateContact: no contact of that type is set. */
export const NO_ALTERNATE_CONTACT = new Set(['ResourceNotFoundException']);

/** DescribeOrganization: the account belongs to no organization. */
export const NOT_IN_ORGANIZATION = new Set(['AWSOrganizationsNotInUseException']);

/** ListOrganizationsFeatures answers these four with distinct meanings. */
export const ORGANIZATIONS_FEATURES_STATES: Record<string, 'notManagementOrDelegatedAdmin' | 'organizationNotFound' | 'notAllFeaturesMode' | 'trustedAccessNotEnabled'> = {
  AccountNotManagementOrDelegatedAdministratorException: 'notManagementOrDelegatedAdmin',
  OrganizationNotFoundException: 'organizationNotFound',
  OrganizationNotInAllFeaturesModeException: 'notAllFeaturesMode',
  ServiceAccessNotEnabledException: 'trustedAccessNotEnabled',
};
