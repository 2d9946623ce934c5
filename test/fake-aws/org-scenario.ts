// An AWS Organization for the fake endpoint: what startFakeOrg (org-server.ts) serves.
//
//   OrgScenario   one organisation: Id o-…, root r-…, OUs, accounts, SCPs, centralized root access,
//                 trusted access (service principals) and delegated administrators.
//   OrgAccount    one account: Id (12 digits), Name, Email, State (Status, deprecated, is derived),
//                 JoinedMethod/JoinedTimestamp, parentId (r-… or ou-…), and `iam`: the account's full
//                 single-account state as a Scenario (scenario.ts), which every IAM/Account call of a
//                 session in that account answers from.
//   OrgUnit       { Id: 'ou-ab12-cdef3456', Name, parentId }
//   OrgPolicy     a service control policy { Id: 'p-…', Name, Description, AwsManaged, Content, targetIds }
//   StandaloneAccount  an account in no organisation (an MSP's scanner account), served alongside.
//   OrgFaults     per-account latency/throttling/rate limits/AccessDenied, AssumeRole denial or
//                 delay per target account (org-server.ts).
// The scenario is read live: a test may flip `centralizedRootAccess.RootSessions`, `trustedAccess`,
// an account's `State` or `statusRetired` between calls.
//
// Build one with orgScenario() (a small, varied organisation: org-scenarios.ts) or
// bigOrgScenario({ accounts, usersPerAccount }) for benchmarks, then
//   const fake = await startFakeOrg(org);                 // base credentials = the management account
//   const fake = await startFakeOrg([orgA, orgB], { caller: { accountId: '999900001111' }, standalone: [...] });
//   new STSClient({ endpoint: fake.url, region: 'eu-west-1', credentials: fake.baseCredentials });
import type { PolicyDocument, Scenario } from './scenario.js';

export type AccountState = 'PENDING_ACTIVATION' | 'ACTIVE' | 'SUSPENDED' | 'PENDING_CLOSURE' | 'CLOSED';

export interface OrgAccount {
  Id: string;
  Name: string;
  Email: string;
  State: AccountState;
  JoinedMethod: 'INVITED' | 'CREATED';
  JoinedTimestamp: Date;
  /** The root (r-…) or OU (ou-…) the account sits in. */
  parentId: string;
  /** The account's own IAM/Account state (its accountId must equal Id). May be a lazy getter. */
  iam: Scenario;
}

export interface OrgUnit {
  Id: string;
  Name: string;
  /** The root (r-…) or parent OU (ou-…). */
  parentId: string;
}

export interface OrgPolicy {
  /** p-FullAWSAccess for the AWS-managed one, p-[0-9a-z]{8,128} for custom ones. */
  Id: string;
  Name: string;
  Description: string;
  AwsManaged: boolean;
  /** The SCP document; DescribePolicy sends it as a JSON string. */
  Content: PolicyDocument;
  /** Root, OU and account ids it is attached to. */
  targetIds: string[];
}

/** The five AWS-managed root task policies sts:AssumeRoot accepts (arn:<partition>:iam::aws:policy/root-task/<name>). */
export type RootTaskPolicy = 'IAMAuditRootUserCredentials' | 'IAMCreateRootUserPassword' | 'IAMDeleteRootUserCredentials' | 'S3UnlockBucketPolicy' | 'SQSUnlockQueuePolicy';

export interface OrgScenario {
  /** o-[a-z0-9]{10,32} */
  Id: string;
  /** r-[0-9a-z]{4,32} */
  rootId: string;
  managementAccountId: string;
  FeatureSet: 'ALL' | 'CONSOLIDATED_BILLING';
  /** Every account, the management account included. */
  accounts: OrgAccount[];
  ous: OrgUnit[];
  /** Service control policies (FullAWSAccess included when it is attached anywhere). */
  policies: OrgPolicy[];
  /** IAM centralized root access (iam:ListOrganizationsFeatures); RootSessions is what sts:AssumeRoot needs. */
  centralizedRootAccess: { RootCredentialsManagement: boolean; RootSessions: boolean };
  /** Service principals with trusted access: 'iam.amazonaws.com' (root access), 'account.amazonaws.com' (alternate contacts with AccountId). */
  trustedAccess: string[];
  delegatedAdministrators: { accountId: string; servicePrincipal: string; DelegationEnabledDate: Date }[];
  /**
   * Account objects carry the deprecated `Status` next to `State` (AWS announced its retirement for
   * 9 September 2026); true: they carry `State` only, as after the retirement.
   */
  statusRetired?: boolean;
}

/** An account outside every organisation served by the same fake (e.g. an auditor's scanner account). */
export interface StandaloneAccount {
  Id: string;
  iam: Scenario;
}
