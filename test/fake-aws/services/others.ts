// STS, Account, Organizations, Access Analyzer and SSO Admin operations.
import { AwsError, page, pageSize, type Ctx, type Handler } from '../common.js';

/** The 17 regions enabled by default in every account (no opt-in). */
export const DEFAULT_REGIONS = [
  'us-east-1', 'us-east-2', 'us-west-1', 'us-west-2', 'ap-south-1', 'ap-northeast-1', 'ap-northeast-2', 'ap-northeast-3',
  'ap-southeast-1', 'ap-southeast-2', 'ca-central-1', 'eu-central-1', 'eu-west-1', 'eu-west-2', 'eu-west-3', 'eu-north-1', 'sa-east-1',
];
/** Opt-in regions; ListRegions lists those not in scenario.regions as DISABLED. */
export const OPT_IN_REGIONS = [
  'af-south-1', 'ap-east-1', 'ap-south-2', 'ap-southeast-3', 'ap-southeast-4', 'ap-southeast-5', 'ap-southeast-7', 'ca-west-1',
  'eu-central-2', 'eu-south-1', 'eu-south-2', 'il-central-1', 'me-central-1', 'me-south-1', 'mx-central-1',
];

export const stsHandlers: Record<string, Handler> = {
  GetCallerIdentity: ({ scenario }) => ({ UserId: scenario.callerUserId, Account: scenario.accountId, Arn: scenario.callerArn }),
};

const REGION_OPT_STATUSES = ['ENABLED', 'ENABLING', 'DISABLING', 'DISABLED', 'ENABLED_BY_DEFAULT'];

/**
 * account:ListRegions: every region with its opt status (scenario.regions are enabled, the default
 * ones ENABLED_BY_DEFAULT; scenario.regionOptStatus overrides), filtered by RegionOptStatusContains,
 * at most MaxResults (1..50) a page.
 */
function listRegions(ctx: Ctx): unknown {
  const { scenario, input } = ctx;
  const invalid = (message: string) => new AwsError('ValidationException', message, 400);
  const wanted = input.list('RegionOptStatusContains');
  for (const status of wanted) if (!REGION_OPT_STATUSES.includes(status)) throw invalid(`Invalid RegionOptStatus: ${status}`);
  const known = [...new Set([...DEFAULT_REGIONS, ...OPT_IN_REGIONS, ...scenario.regions, ...Object.keys(scenario.regionOptStatus ?? {})])].sort();
  const regions = known
    .map((name) => ({
      RegionName: name,
      RegionOptStatus: scenario.regionOptStatus?.[name] ?? (!scenario.regions.includes(name) ? 'DISABLED' : DEFAULT_REGIONS.includes(name) ? 'ENABLED_BY_DEFAULT' : 'ENABLED'),
    }))
    .filter((r) => wanted.length === 0 || wanted.includes(r.RegionOptStatus));
  const max = pageSize(input.str('MaxResults'), 20, 50, invalid, 'maxResults');
  const p = page(regions, input.str('NextToken'), max, () => invalid('The NextToken is invalid.'));
  return { Regions: p.items, NextToken: p.next };
}

const CONTACT_TYPES = ['BILLING', 'OPERATIONS', 'SECURITY'] as const;

export const accountHandlers: Record<string, Handler> = {
  ListRegions: listRegions,
  GetAlternateContact: ({ scenario, input }) => {
    const type = input.str('AlternateContactType');
    const accountId = input.str('AccountId');
    if (!CONTACT_TYPES.includes(type as (typeof CONTACT_TYPES)[number])) {
      throw new AwsError('ValidationException', `Invalid AlternateContactType: ${type ?? '(missing)'}`, 400);
    }
    if (accountId !== undefined && accountId !== scenario.accountId) {
      throw new AwsError('AccessDeniedException', `User: ${scenario.callerArn} is not authorized to perform: account:GetAlternateContact on resource: arn:${scenario.partition}:account::${scenario.accountId}:account/${accountId}`, 403);
    }
    const contact = scenario.alternateContacts[type as (typeof CONTACT_TYPES)[number]];
    if (!contact) throw new AwsError('ResourceNotFoundException', 'No contact of the inputted alternate contact type found.', 404);
    return { AlternateContact: { AlternateContactType: type, EmailAddress: contact.EmailAddress, Name: contact.Name, PhoneNumber: contact.PhoneNumber, Title: contact.Title } };
  },
  GetPrimaryEmail: ({ scenario, input }) => {
    const accountId = input.str('AccountId') ?? scenario.accountId;
    const email = accountId === scenario.accountId ? scenario.primaryEmail : scenario.organizationAccounts.find((a) => a.Id === accountId)?.Email;
    if (!email) throw new AwsError('ResourceNotFoundException', `Account ${accountId} not found.`, 404);
    return { PrimaryEmail: email };
  },
};

// Organizations answers 400 for its client errors (awsJson1_1), whatever the model's httpError says.
function organization(ctx: Ctx) {
  const org = ctx.scenario.organization;
  if (!org) throw new AwsError('AWSOrganizationsNotInUseException', 'Your account is not a member of an organization.', 400);
  return org;
}
function requireManagement(ctx: Ctx): void {
  const org = organization(ctx);
  if (org.MasterAccountId !== ctx.scenario.accountId && !ctx.scenario.isDelegatedAdministrator) {
    throw new AwsError('AccessDeniedException', 'You don\'t have permissions to access this resource.', 403);
  }
}
const orgAccount = (a: Ctx['scenario']['organizationAccounts'][number]) =>
  ({ Id: a.Id, Arn: a.Arn, Email: a.Email, Name: a.Name, Status: a.Status, State: a.Status, JoinedMethod: a.JoinedMethod, JoinedTimestamp: a.JoinedTimestamp });

export const organizationsHandlers: Record<string, Handler> = {
  DescribeOrganization: (ctx) => {
    const org = organization(ctx);
    return {
      Organization: {
        ...org,
        AvailablePolicyTypes: org.FeatureSet === 'ALL' ? [{ Type: 'SERVICE_CONTROL_POLICY', Status: 'ENABLED' }] : [],
      },
    };
  },
  DescribeAccount: (ctx) => {
    requireManagement(ctx);
    const id = ctx.input.str('AccountId');
    const account = ctx.scenario.organizationAccounts.find((a) => a.Id === id);
    if (!account) throw new AwsError('AccountNotFoundException', 'You specified an account that doesn\'t exist.', 400);
    return { Account: orgAccount(account) };
  },
  ListAccounts: (ctx) => {
    requireManagement(ctx);
    const max = pageSize(ctx.input.str('MaxResults'), 20, 20, () => new AwsError('InvalidInputException', 'You provided a value that does not match the required pattern.', 400), 'maxResults');
    const p = page(ctx.scenario.organizationAccounts, ctx.input.str('NextToken'), max, () => new AwsError('InvalidInputException', 'The provided token is not valid.', 400));
    return { Accounts: p.items.map(orgAccount), NextToken: p.next };
  },
};

export const accessAnalyzerHandlers: Record<string, Handler> = {
  ListAnalyzers: (ctx) => {
    const type = ctx.input.str('type');
    const analyzers = (ctx.scenario.analyzers[ctx.region] ?? []).filter((a) => type === undefined || a.type === type);
    const invalid = (msg: string) => new AwsError('ValidationException', msg, 400);
    const max = pageSize(ctx.input.str('maxResults'), 100, 1000, invalid, 'maxResults');
    const p = page(analyzers, ctx.input.str('nextToken'), max, () => invalid('Invalid pagination token'));
    return { analyzers: p.items.map((a) => ({ arn: a.arn, name: a.name, type: a.type, createdAt: a.createdAt, status: a.status, tags: {} })), nextToken: p.next };
  },
};

export const ssoHandlers: Record<string, Handler> = {
  ListInstances: (ctx) => {
    const invalid = (msg: string) => new AwsError('ValidationException', msg, 400);
    const max = pageSize(ctx.input.str('MaxResults'), 100, 100, invalid, 'maxResults');
    const p = page(ctx.scenario.identityCenterInstances[ctx.region] ?? [], ctx.input.str('NextToken'), max, () => invalid('Invalid NextToken'));
    return { Instances: p.items, NextToken: p.next };
  },
};
