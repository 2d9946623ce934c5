// IAM operations (AWS Query). Handlers return the <XResult> content as plain objects in API order.
import { AwsError, page, pageSize, type Ctx, type Handler } from '../common.js';
import type { PolicyDocument, ScenarioUser } from '../scenario.js';

/** IAM sends policy documents URL-encoded (RFC 3986) inside the XML. */
export function encodePolicy(doc: PolicyDocument): string {
  return encodeURIComponent(JSON.stringify(doc));
}

const validation = (msg: string) => new AwsError('ValidationError', msg, 400);
const badMarker = () => new AwsError('InvalidInput', 'Invalid Marker.', 400);

function listPage<T>(ctx: Ctx, items: readonly T[]): { items: T[]; IsTruncated: boolean; Marker?: string } {
  const max = pageSize(ctx.input.str('MaxItems'), 100, 1000, validation, 'maxItems');
  const p = page(items, ctx.input.str('Marker'), max, badMarker);
  return p.next === undefined ? { items: p.items, IsTruncated: false } : { items: p.items, IsTruncated: true, Marker: p.next };
}

const userShape = (u: Pick<ScenarioUser, 'Path' | 'UserName' | 'UserId' | 'Arn' | 'CreateDate'>) =>
  ({ Path: u.Path, UserName: u.UserName, UserId: u.UserId, Arn: u.Arn, CreateDate: u.CreateDate });

const inline = (list: { PolicyName: string; PolicyDocument: PolicyDocument }[]) =>
  list.map((p) => ({ PolicyName: p.PolicyName, PolicyDocument: encodePolicy(p.PolicyDocument) }));

const attached = (list: { PolicyName: string; PolicyArn: string }[]) => list.map((p) => ({ PolicyName: p.PolicyName, PolicyArn: p.PolicyArn }));

const AUTH_FILTERS = ['User', 'Role', 'Group', 'LocalManagedPolicy', 'AWSManagedPolicy'];

function getAccountAuthorizationDetails(ctx: Ctx): unknown {
  const { scenario } = ctx;
  const filter = ctx.input.list('Filter');
  for (const f of filter) {
    if (!AUTH_FILTERS.includes(f)) {
      throw validation(`1 validation error detected: Value '[${filter.join(', ')}]' at 'filter' failed to satisfy constraint: Member must satisfy constraint: [Member must satisfy enum value set: [${AUTH_FILTERS.join(', ')}]]`);
    }
  }
  const want = (f: string) => filter.length === 0 || filter.includes(f);
  const isAwsManaged = (arn: string) => /^arn:[^:]+:iam::aws:policy\//.test(arn);
  type Entity = { kind: 'user' | 'group' | 'role' | 'policy'; value: unknown };
  const entities: Entity[] = [
    ...(want('User') ? scenario.users.map((u): Entity => ({
      kind: 'user',
      value: {
        ...userShape(u),
        // IAM leaves UserPolicyList out when a user has no inline policy; the other lists are always there.
        UserPolicyList: u.UserPolicyList.length ? inline(u.UserPolicyList) : undefined,
        GroupList: u.GroupList,
        AttachedManagedPolicies: attached(u.AttachedManagedPolicies),
      },
    })) : []),
    ...(want('Group') ? scenario.groups.map((g): Entity => ({
      kind: 'group',
      value: {
        Path: g.Path, GroupName: g.GroupName, GroupId: g.GroupId, Arn: g.Arn, CreateDate: g.CreateDate,
        GroupPolicyList: inline(g.GroupPolicyList), AttachedManagedPolicies: attached(g.AttachedManagedPolicies),
      },
    })) : []),
    ...(want('Role') ? scenario.roles.map((r): Entity => ({
      kind: 'role',
      value: {
        Path: r.Path, RoleName: r.RoleName, RoleId: r.RoleId, Arn: r.Arn, CreateDate: r.CreateDate,
        AssumeRolePolicyDocument: encodePolicy(r.AssumeRolePolicyDocument),
        InstanceProfileList: [], RolePolicyList: inline(r.RolePolicyList), AttachedManagedPolicies: attached(r.AttachedManagedPolicies),
      },
    })) : []),
    ...scenario.policies.filter((p) => want(isAwsManaged(p.Arn) ? 'AWSManagedPolicy' : 'LocalManagedPolicy')).map((p): Entity => ({
      kind: 'policy',
      value: {
        PolicyName: p.PolicyName, PolicyId: p.PolicyId, Arn: p.Arn, Path: p.Path, DefaultVersionId: p.DefaultVersionId,
        AttachmentCount: p.AttachmentCount, PermissionsBoundaryUsageCount: 0, IsAttachable: p.IsAttachable,
        CreateDate: p.CreateDate, UpdateDate: p.UpdateDate,
        PolicyVersionList: p.PolicyVersionList.map((v) => ({ Document: encodePolicy(v.Document), VersionId: v.VersionId, IsDefaultVersion: v.IsDefaultVersion, CreateDate: v.CreateDate })),
      },
    })),
  ];
  const { items, ...paging } = listPage(ctx, entities);
  const of = (kind: Entity['kind']) => items.filter((e) => e.kind === kind).map((e) => e.value);
  return { UserDetailList: of('user'), GroupDetailList: of('group'), RoleDetailList: of('role'), Policies: of('policy'), ...paging };
}

function generateCredentialReport(ctx: Ctx): unknown {
  const report = ctx.state.report;
  const spec = ctx.scenario.credentialReport;
  if ((spec.limitExceededFirst ?? 0) > report.limitExceeded) {
    report.limitExceeded++;
    throw new AwsError('LimitExceeded', 'Too many credential report requests in progress.', 409);
  }
  if (report.phase === 'none' || report.phase === 'expired') {
    report.phase = 'generating';
    report.polls = 0;
    return { State: 'STARTED', Description: 'No report exists. Starting a new report generation task' };
  }
  if (report.phase === 'generating' && report.polls < spec.pollsInProgress) {
    report.polls++;
    return { State: 'INPROGRESS' };
  }
  report.phase = 'complete';
  return { State: 'COMPLETE' };
}

function getCredentialReport(ctx: Ctx): unknown {
  const report = ctx.state.report;
  const spec = ctx.scenario.credentialReport;
  if (report.phase === 'none') throw new AwsError('ReportNotPresent', 'Credential report not present. Please call GenerateCredentialReport first.', 410);
  if (report.phase === 'expired') throw new AwsError('ReportExpired', 'Credential report has expired. Please call GenerateCredentialReport first.', 410);
  if (report.phase === 'generating') {
    if (report.polls < spec.pollsInProgress) {
      report.polls++;
      throw new AwsError('ReportInProgress', 'Credential report generation is in progress.', 404);
    }
    report.phase = 'complete';
  }
  return { Content: Buffer.from(spec.csv, 'utf8').toString('base64'), ReportFormat: 'text/csv', GeneratedTime: spec.generatedTime };
}

export const iamHandlers: Record<string, Handler> = {
  GetAccountSummary: ({ scenario }) => ({ SummaryMap: new Map(Object.entries(scenario.accountSummary)) }),

  GetAccountPasswordPolicy: ({ scenario }) => {
    if (!scenario.passwordPolicy) throw new AwsError('NoSuchEntity', `The Password Policy with domain name ${scenario.accountId} cannot be found.`, 404);
    return { PasswordPolicy: scenario.passwordPolicy };
  },

  ListVirtualMFADevices: (ctx) => {
    const status = ctx.input.str('AssignmentStatus') ?? 'Any';
    if (!['Assigned', 'Unassigned', 'Any'].includes(status)) {
      throw validation(`1 validation error detected: Value '${status}' at 'assignmentStatus' failed to satisfy constraint: Member must satisfy enum value set: [Unassigned, Any, Assigned]`);
    }
    const devices = ctx.scenario.virtualMfaDevices.filter((d) => status === 'Any' || (status === 'Assigned') === (d.User !== undefined));
    const { items, ...paging } = listPage(ctx, devices);
    return {
      VirtualMFADevices: items.map((d) => ({ SerialNumber: d.SerialNumber, User: d.User && userShape(d.User), EnableDate: d.EnableDate })),
      ...paging,
    };
  },

  GetAccountAuthorizationDetails: getAccountAuthorizationDetails,

  ListServerCertificates: (ctx) => {
    const { items, ...paging } = listPage(ctx, ctx.scenario.serverCertificates);
    return {
      ServerCertificateMetadataList: items.map((c) => ({ Path: c.Path, ServerCertificateName: c.ServerCertificateName, ServerCertificateId: c.ServerCertificateId, Arn: c.Arn, UploadDate: c.UploadDate, Expiration: c.Expiration })),
      ...paging,
    };
  },

  ListOrganizationsFeatures: ({ scenario }) => {
    const f = scenario.organizationsFeatures;
    if ('error' in f) {
      const messages: Record<typeof f.error, string> = {
        AccountNotManagementOrDelegatedAdministratorException: 'The request was rejected because the account is not the management account or delegated administrator account for centralized root access.',
        OrganizationNotFoundException: 'The request was rejected because no organization is associated with your account.',
        OrganizationNotInAllFeaturesModeException: 'The request was rejected because your organization does not have All features enabled.',
        ServiceAccessNotEnabledException: 'The request was rejected because trusted access for IAM is not enabled for the organization.',
      };
      throw new AwsError(f.error, messages[f.error], 400);
    }
    return { OrganizationId: scenario.organization?.Id, EnabledFeatures: f.EnabledFeatures };
  },

  GenerateCredentialReport: generateCredentialReport,
  GetCredentialReport: getCredentialReport,
};
