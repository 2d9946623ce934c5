// What the fake AWS endpoint serves: one account, described in AWS API terms (the shapes of the API
// reference, PascalCase), not in evidence terms, so that the collectors' normalisation is tested.

export type Partition = 'aws' | 'aws-us-gov' | 'aws-cn';

/** An IAM policy document as JSON; the fake URL-encodes it on the wire like IAM does. */
export type PolicyDocument = { Version?: string; Statement: Record<string, unknown>[] | Record<string, unknown> };

export interface AttachedPolicy {
  PolicyName: string;
  PolicyArn: string;
}
export interface InlinePolicy {
  PolicyName: string;
  PolicyDocument: PolicyDocument;
}

export interface ScenarioUser {
  UserName: string;
  UserId: string;
  Arn: string;
  Path: string;
  CreateDate: Date;
  GroupList: string[];
  AttachedManagedPolicies: AttachedPolicy[];
  UserPolicyList: InlinePolicy[];
}
export interface ScenarioGroup {
  GroupName: string;
  GroupId: string;
  Arn: string;
  Path: string;
  CreateDate: Date;
  AttachedManagedPolicies: AttachedPolicy[];
  GroupPolicyList: InlinePolicy[];
}
export interface ScenarioRole {
  RoleName: string;
  RoleId: string;
  Arn: string;
  Path: string;
  CreateDate: Date;
  AssumeRolePolicyDocument: PolicyDocument;
  AttachedManagedPolicies: AttachedPolicy[];
  RolePolicyList: InlinePolicy[];
  /** sts:AssumeRole's upper bound for DurationSeconds (3600 when absent, as IAM's default). */
  MaxSessionDuration?: number;
}
export interface ScenarioPolicy {
  PolicyName: string;
  PolicyId: string;
  Arn: string;
  Path: string;
  DefaultVersionId: string;
  AttachmentCount: number;
  IsAttachable: boolean;
  CreateDate: Date;
  UpdateDate: Date;
  PolicyVersionList: { Document: PolicyDocument; VersionId: string; IsDefaultVersion: boolean; CreateDate: Date }[];
}

export interface CredentialReportSpec {
  /** The report as IAM serves it (CSV text, header line first). */
  csv: string;
  generatedTime: Date;
  /**
   * GenerateCredentialReport answers STARTED on the first call; after that, each call to
   * GenerateCredentialReport or GetCredentialReport is a poll: the first `pollsInProgress` polls
   * see INPROGRESS / ReportInProgress (404), later ones COMPLETE / the report. Before the first
   * GenerateCredentialReport, GetCredentialReport answers ReportNotPresent (410). `Infinity`:
   * never completes.
   */
  pollsInProgress: number;
  /**
   * The report that exists before the scan: 'none' (default), 'complete' (a recent one:
   * GenerateCredentialReport answers COMPLETE at once) or 'expired' (GetCredentialReport answers
   * ReportExpired (410) until GenerateCredentialReport starts a new one).
   */
  initialState?: 'none' | 'complete' | 'expired';
  /** GenerateCredentialReport answers LimitExceeded (409) this many times first (other report requests in flight). */
  limitExceededFirst?: number;
}

/**
 * The root user's own credentials, as a root session (sts:AssumeRoot) reads them with IAM calls
 * that name no user: GetLoginProfile, ListAccessKeys, ListMFADevices, ListSigningCertificates.
 */
export interface RootCredentials {
  /** null: no console password (GetLoginProfile answers NoSuchEntity). */
  loginProfile: { CreateDate: Date } | null;
  accessKeys: { AccessKeyId: string; Status: 'Active' | 'Inactive'; CreateDate: Date; lastUsed?: { LastUsedDate: Date; ServiceName: string; Region: string } }[];
  mfaDevices: { SerialNumber: string; EnableDate: Date }[];
  signingCertificates: { CertificateId: string; CertificateBody: string; Status: 'Active' | 'Inactive'; UploadDate: Date }[];
}

export interface Contact {
  Name: string;
  Title?: string;
  EmailAddress: string;
  PhoneNumber?: string;
}

export interface Scenario {
  accountId: string;
  partition: Partition;
  /** What GetCallerIdentity answers. */
  callerArn: string;
  callerUserId: string;
  credentialReport: CredentialReportSpec;
  accountSummary: Record<string, number>;
  /** null: NoSuchEntity (no custom policy). */
  passwordPolicy: Record<string, number | boolean> | null;
  /** All virtual MFA devices; ListVirtualMFADevices filters on AssignmentStatus. */
  virtualMfaDevices: { SerialNumber: string; User?: { UserName: string; UserId: string; Arn: string; Path: string; CreateDate: Date }; EnableDate?: Date }[];
  users: ScenarioUser[];
  groups: ScenarioGroup[];
  roles: ScenarioRole[];
  /** Customer-managed policies and the AWS-managed ones that are attached. */
  policies: ScenarioPolicy[];
  serverCertificates: { ServerCertificateName: string; ServerCertificateId: string; Arn: string; Path: string; UploadDate: Date; Expiration: Date }[];
  /** A missing type answers ResourceNotFoundException. */
  alternateContacts: Partial<Record<'SECURITY' | 'BILLING' | 'OPERATIONS', Contact>>;
  /** null: AWSOrganizationsNotInUseException. */
  organization: { Id: string; Arn: string; FeatureSet: 'ALL' | 'CONSOLIDATED_BILLING'; MasterAccountArn: string; MasterAccountId: string; MasterAccountEmail: string } | null;
  /** For DescribeAccount / ListAccounts (the root e-mail addresses). */
  organizationAccounts: { Id: string; Arn: string; Email: string; Name: string; Status: 'ACTIVE' | 'SUSPENDED'; JoinedMethod: 'INVITED' | 'CREATED'; JoinedTimestamp: Date }[];
  /** ListOrganizationsFeatures: the features, or one of its four error codes. */
  organizationsFeatures: { EnabledFeatures: string[] } | { error: 'AccountNotManagementOrDelegatedAdministratorException' | 'OrganizationNotFoundException' | 'OrganizationNotInAllFeaturesModeException' | 'ServiceAccessNotEnabledException' };
  /** Regions ListRegions lists as enabled (ENABLED_BY_DEFAULT for the default ones, else ENABLED). */
  regions: string[];
  /** ListRegions: regions in another state (ENABLING, DISABLING…), overriding the above. */
  regionOptStatus?: Record<string, 'ENABLED' | 'ENABLING' | 'DISABLING' | 'DISABLED' | 'ENABLED_BY_DEFAULT'>;
  /** ListAnalyzers per region. */
  analyzers: Record<string, { arn: string; name: string; type: string; status: 'ACTIVE' | 'CREATING' | 'DISABLED' | 'FAILED'; createdAt: Date }[]>;
  /** account:GetPrimaryEmail for this account (other ids: organizationAccounts' Email). */
  primaryEmail?: string;
  /**
   * Organizations: a member account (organization.MasterAccountId ≠ accountId) gets
   * AccessDeniedException from ListAccounts/DescribeAccount unless it is a delegated administrator.
   */
  isDelegatedAdministrator?: boolean;
  /** ListInstances per region (Identity Center lives in one home region). */
  identityCenterInstances: Record<string, { InstanceArn: string; IdentityStoreId: string; OwnerAccountId: string; Name?: string; Status: 'ACTIVE' }[]>;
  /**
   * Security Hub: the regions where it is enabled (default: every region). Elsewhere
   * BatchImportFindings answers each finding in FailedFindings with InvalidAccess.
   */
  securityHub?: { enabledRegions?: string[] };
  /** The root user's credentials (fake organisations: what a root session reads); built by the scenario builders. */
  rootCredentials?: RootCredentials;
}

/**
 * Per-action fault injection; actions are IAM action names such as `iam:GetAccountSummary`,
 * `sts:GetCallerIdentity`, `account:ListRegions`, `account:GetAlternateContact`,
 * `organizations:ListAccounts`, `access-analyzer:ListAnalyzers`, `sso:ListInstances`,
 * `securityhub:BatchImportFindings`; in the
 * lists `service:*` and `*` match every action of a service / every action.
 */
export interface Faults {
  /** Added to every response. */
  latencyMs?: number;
  /**
   * Fraction (0..1) of calls answered with the service's throttling error, deterministic per call
   * number: exactly ⌊n·rate⌋ of the first n calls (all services counted together), evenly spread.
   */
  throttleRate?: number;
  /** These actions are throttled on every call (retries cannot win). */
  alwaysThrottle?: string[];
  /** The first N calls of each listed action are throttled, later ones succeed (retries win). */
  throttleFirst?: Record<string, number>;
  /** Per-action latency, instead of `latencyMs` for those actions. */
  latencyByAction?: Record<string, number>;
  accessDenied?: string[];
  /** These actions answer HTTP 500 with the service's own code (IAM ServiceFailure, STS InternalFailure, …). */
  serverError?: string[];
  /**
   * Access keys the fake rejects, with the Query-protocol code (403); the JSON services
   * answer their own names for it (ExpiredTokenException,
   * UnrecognizedClientException, InvalidSignatureException).
   */
  badCredentials?: Record<string, 'ExpiredToken' | 'InvalidClientTokenId' | 'SignatureDoesNotMatch'>;
  /**
   * Odd answers: these actions answer this result (serialised by the service's protocol) instead
   * of the scenario's, for answers a collector cannot read or that do not fit the evidence schema.
   */
  answers?: Record<string, unknown>;
  /**
   * Paginated actions whose every answer says "more to come" with the token of their first page,
   * the same token again and again: a client that trusts it loops for ever.
   */
  repeatToken?: string[];
  /** Paginated actions whose every answer says "more to come" with a token never seen before. */
  endlessPages?: string[];
  /** Actions whose requests are accepted and never answered (the connection stays open). */
  hang?: string[];
  /** Access keys that belong to another partition: a request signed for a region outside it answers InvalidClientTokenId. */
  keyPartitions?: Record<string, Partition>;
}
