// The fake AWS endpoint for organisations: one loopback server holding one or more organisations
// (and standalone accounts), routing every request to an account by the session its SigV4 access
// key id belongs to. See org-scenario.ts for the scenario types and SPEC.md §8.
//
//   const fake = await startFakeOrg(orgScenario());
//   const sts = new STSClient({ endpoint: fake.url, region: 'eu-west-1', credentials: fake.baseCredentials });
//   const { Credentials } = await sts.send(new AssumeRoleCommand({ RoleArn, RoleSessionName: 'scan' }));
//   // a client built with Credentials now talks to that member account's own IAM state.
//   fake.calls            every request: account, principal, service, action, params, status
//   fake.assumeRootCalls  every sts:AssumeRoot (caller, target, task policy, outcome)
//   fake.setFaults({ all: { latencyMs: 30 }, accounts: { '444455556666': { alwaysThrottle: ['iam:*'] } }, assumeRoleDenied: ['666677778888'] })
//
// Sessions: the base credentials (and any key id that is not ASIA… and not in `options.keys`) act
// as `options.caller` (default: the first organisation's management account, with its Scenario's
// callerArn). AssumeRole/AssumeRoot answer fresh ASIA… keys bound to the target account; an
// unknown ASIA… key is InvalidClientTokenId; a key used after its Expiration is ExpiredToken.
import { createHash, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { AwsError, page, pageSize, pageToken, type Input, type ServerState, type ServiceName } from './common.js';
import type { OrgAccount, OrgPolicy, OrgScenario, RootTaskPolicy, StandaloneAccount } from './org-scenario.js';
import { listServiceAccess } from './org-service-access.js';
import type { Faults, PolicyDocument, RootCredentials, Scenario } from './scenario.js';
import {
  SERVICES, answer, fakeFailed, listenOnLoopback, matches, morePages, parseSigning, readBody, render, route, throttledAt, unknownOperation, type Protocol, type ServiceDef,
} from './server.js';

/** Faults for the requests of one account's sessions (the account that makes the call). */
export interface AccountFaults extends Faults {
  /** Latency per API family (`sts`, `organizations`, `iam`, …), used when latencyByAction does not name the action. */
  latencyByService?: Partial<Record<ServiceName, number>>;
  /** A token bucket per API family: at most this many requests a second (burst: the same number); beyond, the service's throttling error. */
  rateLimit?: Partial<Record<ServiceName, number>>;
}

export interface OrgFaults {
  /** Applied to every account; `accounts[id]` fields override it field by field. */
  all?: AccountFaults;
  /** Keyed by the account of the calling session. */
  accounts?: Record<string, AccountFaults>;
  /** sts:AssumeRole into these accounts (ids) or roles (ARNs) is AccessDenied whatever the trust policy says. */
  assumeRoleDenied?: string[];
  /**
   * sts:AssumeRole into a target account (by id), whoever calls: added latency, never answered
   * (`hang`), or throttled (`throttle`: every call, or the first N calls per target).
   */
  assumeRoleInto?: Record<string, { latencyMs?: number; hang?: boolean; throttle?: boolean | number }>;
}

export interface FakeOrgCall {
  /** The account of the calling session ('' when the key was refused before a session was known). */
  accountId: string;
  principalArn: string;
  accessKeyId: string;
  sessionKind: 'base' | 'role' | 'root' | 'none';
  service: ServiceName | 'unknown';
  /** IAM-policy style, e.g. `organizations:ListAccounts`. */
  action: string;
  /** The request parameters (Query form fields without Action/Version, or the JSON body). */
  params: Record<string, unknown>;
  region: string;
  /** The HTTP status answered; 0: never answered (the `hang` fault). */
  status: number;
  /** The error code answered, if any. */
  error?: string;
}

export interface AssumeRootCall {
  callerAccountId: string;
  callerArn: string;
  targetPrincipal: string;
  taskPolicyArn: string;
  durationSeconds?: number;
  region: string;
  /** 'issued' or the error code answered. */
  outcome: string;
}

export interface FakeOrgOptions {
  /** Who the base credentials are (default: the first organisation's management account, its Scenario's callerArn). */
  caller?: { accountId: string; arn?: string; userId?: string };
  /** Further long-term keys: access key id → principal (e.g. a member account's own user, a delegated admin). */
  keys?: Record<string, { accountId: string; arn?: string; userId?: string }>;
  /** Accounts in no organisation (an MSP's scanner account, a customer's standalone account). */
  standalone?: StandaloneAccount[];
  faults?: OrgFaults;
  /** The fake's clock in ms (default Date.now); advanceTime() shifts it. */
  now?: () => number;
}

export interface FakeOrg {
  url: string;
  /** The base credentials (the configured caller). */
  baseCredentials: { accessKeyId: string; secretAccessKey: string };
  calls: FakeOrgCall[];
  assumeRootCalls: AssumeRootCall[];
  /** Calls per account id. */
  callCounts(): Map<string, number>;
  setFaults(f: OrgFaults): void;
  /** Moves the fake's clock forward (session expiry). */
  advanceTime(ms: number): void;
  close(): Promise<void>;
}

export const BASE_ACCESS_KEY_ID = 'AKIAFAKEORGBASE00001';

/** What each root task policy allows (the AWS-managed policies' actions); sts:GetCallerIdentity needs no permission. */
export const ROOT_TASK_ACTIONS: Record<RootTaskPolicy, string[]> = {
  IAMAuditRootUserCredentials: ['iam:GetAccessKeyLastUsed', 'iam:GetLoginProfile', 'iam:GetUser', 'iam:ListAccessKeys', 'iam:ListMFADevices', 'iam:ListSigningCertificates'],
  IAMCreateRootUserPassword: ['iam:CreateLoginProfile', 'iam:GetLoginProfile', 'iam:GetUser'],
  IAMDeleteRootUserCredentials: [
    'iam:DeactivateMFADevice', 'iam:DeleteAccessKey', 'iam:DeleteLoginProfile', 'iam:DeleteSigningCertificate', 'iam:DeleteVirtualMFADevice',
    'iam:GetAccessKeyLastUsed', 'iam:GetLoginProfile', 'iam:GetUser', 'iam:ListAccessKeys', 'iam:ListMFADevices', 'iam:ListSigningCertificates',
  ],
  S3UnlockBucketPolicy: ['s3:DeleteBucketPolicy', 's3:GetBucketPolicy', 's3:PutBucketPolicy'],
  SQSUnlockQueuePolicy: ['sqs:GetQueueAttributes', 'sqs:SetQueueAttributes'],
};

type Kind = 'base' | 'role' | 'root';
interface Session {
  accessKeyId: string;
  accountId: string;
  arn: string;
  userId: string;
  kind: Kind;
  /** ms; absent for long-term keys. */
  expiration?: number;
  taskPolicy?: RootTaskPolicy;
  /** The IAM role behind an assumed-role session (trust policies name it). */
  roleArn?: string;
}

interface Entry {
  id: string;
  iamOf: () => Scenario;
  org?: OrgScenario;
  account?: OrgAccount;
}

interface AccountCounters {
  seq: number;
  throttledSoFar: Map<string, number>;
  buckets: Map<string, { tokens: number; at: number }>;
}

const ACCOUNT_ID = /^\d{12}$/;
const denied = (message: string) => new AwsError('AccessDenied', message, 403);
const stsValidation = (message: string) => new AwsError('ValidationError', message, 400);
const orgsInvalid = (message: string) => new AwsError('InvalidInputException', message, 400);

// ---------- helpers ----------

function keyId(prefix: string, n: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  const h = createHash('sha256').update(`${n}/${randomBytes(8).toString('hex')}`).digest();
  let id = prefix;
  for (let i = 0; i < 16; i++) id += alphabet[(h[i] ?? 0) % 32];
  return id;
}

function globToRegExp(glob: string): RegExp {
  return new RegExp(`^${glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
}

const asList = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : v === undefined ? [] : [String(v)]);

/** The role ARN behind `arn:aws:sts::ACCT:assumed-role/NAME/SESSION` (path unknown: /). */
function roleOfAssumedArn(arn: string): string | undefined {
  const m = /^arn:([^:]+):sts::(\d{12}):assumed-role\/([^/]+)\//.exec(arn);
  return m ? `arn:${m[1]}:iam::${m[2]}:role/${m[3]}` : undefined;
}

function partitionOf(arn: string): string {
  return /^arn:([^:]+):/.exec(arn)?.[1] ?? 'aws';
}

// ---------- the server ----------

export async function startFakeOrg(orgs: OrgScenario | OrgScenario[], options: FakeOrgOptions = {}): Promise<FakeOrg> {
  const organisations = Array.isArray(orgs) ? orgs : [orgs];
  const entries = new Map<string, Entry>();
  for (const org of organisations) {
    for (const account of org.accounts) {
      if (entries.has(account.Id)) throw new Error(`fake org: account ${account.Id} appears twice`);
      entries.set(account.Id, { id: account.Id, iamOf: () => account.iam, org, account });
    }
  }
  for (const s of options.standalone ?? []) {
    if (entries.has(s.Id)) throw new Error(`fake org: account ${s.Id} appears twice`);
    entries.set(s.Id, { id: s.Id, iamOf: () => s.iam });
  }

  let offset = 0;
  const now = () => (options.now ?? Date.now)() + offset;
  const calls: FakeOrgCall[] = [];
  const assumeRootCalls: AssumeRootCall[] = [];
  const sessions = new Map<string, Session>();
  const states = new Map<string, ServerState>();
  let counters = new Map<string, AccountCounters>();
  /** sts:AssumeRole calls throttled so far per target account (assumeRoleInto[].throttle: N). */
  let assumeThrottled = new Map<string, number>();
  let faults: OrgFaults = options.faults ?? {};
  let issued = 0;

  const stateOf = (e: Entry): ServerState => {
    let s = states.get(e.id);
    if (!s) {
      s = { report: { phase: e.iamOf().credentialReport.initialState ?? 'none', polls: 0, limitExceeded: 0 }, securityHubFindings: [] };
      states.set(e.id, s);
    }
    return s;
  };
  const countersOf = (id: string): AccountCounters => {
    let c = counters.get(id);
    if (!c) {
      c = { seq: 0, throttledSoFar: new Map(), buckets: new Map() };
      counters.set(id, c);
    }
    return c;
  };

  const principal = (p: { accountId: string; arn?: string; userId?: string }, accessKeyId: string): Session => {
    const e = entries.get(p.accountId);
    if (!e) throw new Error(`fake org: caller account ${p.accountId} is not served`);
    const arn = p.arn ?? e.iamOf().callerArn;
    const userId = p.userId ?? e.iamOf().callerUserId;
    const roleArn = roleOfAssumedArn(arn);
    return { accessKeyId, accountId: p.accountId, arn, userId, kind: 'base', ...(roleArn ? { roleArn } : {}) };
  };
  const firstOrg = organisations[0];
  const callerSpec = options.caller ?? (firstOrg ? { accountId: firstOrg.managementAccountId } : undefined);
  if (!callerSpec) throw new Error('fake org: no caller (no organisation and no options.caller)');
  const baseSession = principal(callerSpec, BASE_ACCESS_KEY_ID);
  const keySessions = new Map(Object.entries(options.keys ?? {}).map(([k, p]) => [k, principal(p, k)]));

  function sessionFor(accessKeyId: string): Session | AwsError {
    const s = sessions.get(accessKeyId) ?? keySessions.get(accessKeyId);
    if (s) return s;
    if (accessKeyId.startsWith('ASIA') || accessKeyId === '') return new AwsError('InvalidClientTokenId', 'The security token included in the request is invalid.', 403);
    return { ...baseSession, accessKeyId };
  }

  function issue(base: Omit<Session, 'accessKeyId' | 'expiration'>, seconds: number) {
    issued++;
    const accessKeyId = keyId('ASIA', issued);
    const expiration = Math.floor(now() / 1000 + seconds) * 1000;
    sessions.set(accessKeyId, { ...base, accessKeyId, expiration });
    return {
      AccessKeyId: accessKeyId,
      SecretAccessKey: randomBytes(30).toString('base64'),
      SessionToken: `FwoGZXIvYXdzE${randomBytes(120).toString('base64')}`,
      Expiration: new Date(expiration),
    };
  }

  // ---------- trust policies ----------

  function conditionHolds(condition: unknown, values: Record<string, string | undefined>): boolean {
    if (!condition || typeof condition !== 'object') return true;
    for (const [operator, block] of Object.entries(condition as Record<string, unknown>)) {
      if (!block || typeof block !== 'object') return false;
      for (const [rawKey, wanted] of Object.entries(block as Record<string, unknown>)) {
        const actual = values[rawKey.toLowerCase()];
        const list = asList(wanted);
        const ok = actual !== undefined && (
          operator === 'StringEquals' ? list.includes(actual)
            : operator === 'StringEqualsIgnoreCase' ? list.some((w) => w.toLowerCase() === actual.toLowerCase())
              : operator === 'StringLike' || operator === 'ArnLike' || operator === 'ArnEquals' ? list.some((w) => globToRegExp(w).test(actual))
                : false);
        if (!ok) return false;
      }
    }
    return true;
  }

  function principalMatches(principalField: unknown, caller: Session): boolean {
    if (principalField === '*') return true;
    if (!principalField || typeof principalField !== 'object') return false;
    const aws = asList((principalField as Record<string, unknown>).AWS);
    const part = partitionOf(caller.arn);
    return aws.some((p) => p === '*' || p === caller.accountId || p === `arn:${part}:iam::${caller.accountId}:root`
      || p === caller.arn || (caller.roleArn !== undefined && p === caller.roleArn));
  }

  function trustAllows(trust: PolicyDocument, caller: Session, externalId: string | undefined): boolean {
    const statements = Array.isArray(trust.Statement) ? trust.Statement : [trust.Statement];
    const org = entries.get(caller.accountId)?.org;
    const values: Record<string, string | undefined> = {
      'sts:externalid': externalId, 'aws:principalaccount': caller.accountId, 'aws:principalarn': caller.roleArn ?? caller.arn, 'aws:principalorgid': org?.Id,
    };
    const applies = (s: Record<string, unknown>) => {
      const actions = asList(s.Action);
      return actions.some((a) => a === 'sts:AssumeRole' || a === 'sts:*' || a === '*') && principalMatches(s.Principal, caller) && conditionHolds(s.Condition, values);
    };
    if (statements.some((s) => s.Effect === 'Deny' && applies(s))) return false;
    return statements.some((s) => s.Effect === 'Allow' && applies(s));
  }

  // ---------- STS ----------

  function assumeRole(session: Session, input: Input): unknown {
    const roleArn = input.str('RoleArn') ?? '';
    const sessionName = input.str('RoleSessionName') ?? '';
    const externalId = input.str('ExternalId');
    if (roleArn.length < 20) throw stsValidation(`1 validation error detected: Value '${roleArn}' at 'roleArn' failed to satisfy constraint: Member must have length greater than or equal to 20`);
    if (sessionName.length < 2 || sessionName.length > 64) {
      throw stsValidation(`1 validation error detected: Value '${sessionName}' at 'roleSessionName' failed to satisfy constraint: Member must have length ${sessionName.length < 2 ? 'greater than or equal to 2' : 'less than or equal to 64'}`);
    }
    if (!/^[\w+=,.@-]*$/.test(sessionName)) {
      throw stsValidation(`1 validation error detected: Value '${sessionName}' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*`);
    }
    const m = /^arn:([^:]+):iam::(\d{12}):role\/(?:.*\/)?([^/]+)$/.exec(roleArn);
    if (!m) throw stsValidation(`${roleArn} is invalid`);
    if (session.kind === 'root') throw denied('Roles may not be assumed by root accounts.');
    const refusal = denied(`User: ${session.arn} is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`);
    const [, partition = 'aws', accountId = '', roleName = ''] = m;
    const target = entries.get(accountId);
    if (!target) throw refusal;
    if (target.account && target.account.State !== 'ACTIVE') throw refusal;
    if ((faults.assumeRoleDenied ?? []).some((d) => d === accountId || d === roleArn)) throw refusal;
    const role = target.iamOf().roles.find((r) => r.Arn === roleArn || (r.RoleName === roleName && roleArn === `arn:${partition}:iam::${accountId}:role/${roleName}` && r.Path === '/'));
    if (!role || !trustAllows(role.AssumeRolePolicyDocument, session, externalId)) throw refusal;

    const chained = session.kind === 'role';
    const max = chained ? 3600 : role.MaxSessionDuration ?? 3600;
    const raw = input.str('DurationSeconds');
    const duration = raw === undefined ? Math.min(3600, max) : Number(raw);
    if (!Number.isInteger(duration) || duration < 900) {
      throw stsValidation(`1 validation error detected: Value '${raw ?? ''}' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900`);
    }
    if (duration > 43200) throw stsValidation(`1 validation error detected: Value '${duration}' at 'durationSeconds' failed to satisfy constraint: Member must have value less than or equal to 43200`);
    if (duration > max) {
      throw stsValidation(chained ? 'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.' : 'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.');
    }
    const arn = `arn:${partition}:sts::${accountId}:assumed-role/${role.RoleName}/${sessionName}`;
    const userId = `${role.RoleId}:${sessionName}`;
    const credentials = issue({ accountId, arn, userId, kind: 'role', roleArn: role.Arn }, duration);
    return { Credentials: credentials, AssumedRoleUser: { AssumedRoleId: userId, Arn: arn } };
  }

  function assumeRoot(session: Session, input: Input, region: string): unknown {
    const targetPrincipal = input.str('TargetPrincipal') ?? '';
    const taskPolicyArn = input.str('TaskPolicyArn.arn') ?? '';
    const rawDuration = input.str('DurationSeconds');
    const record: AssumeRootCall = {
      callerAccountId: session.accountId, callerArn: session.arn, targetPrincipal, taskPolicyArn, region, outcome: 'issued',
      ...(rawDuration === undefined ? {} : { durationSeconds: Number(rawDuration) }),
    };
    assumeRootCalls.push(record);
    try {
      if (targetPrincipal.length < 12) throw stsValidation(`1 validation error detected: Value '${targetPrincipal}' at 'targetPrincipal' failed to satisfy constraint: Member must have length greater than or equal to 12`);
      if (taskPolicyArn.length < 20) throw stsValidation(`1 validation error detected: Value '${taskPolicyArn}' at 'taskPolicyArn.arn' failed to satisfy constraint: Member must have length greater than or equal to 20`);
      const duration = rawDuration === undefined ? 900 : Number(rawDuration);
      if (!Number.isInteger(duration) || duration < 0 || duration > 900) {
        throw stsValidation(`1 validation error detected: Value '${rawDuration ?? ''}' at 'durationSeconds' failed to satisfy constraint: Member must have value ${duration < 0 ? 'greater than or equal to 0' : 'less than or equal to 900'}`);
      }
      const partition = partitionOf(session.arn);
      const targetId = ACCOUNT_ID.test(targetPrincipal) ? targetPrincipal : /:(\d{12})(?::root)?$/.exec(targetPrincipal)?.[1] ?? /\/(\d{12})$/.exec(targetPrincipal)?.[1] ?? '';
      const refusal = denied(`User: ${session.arn} is not authorized to perform: sts:AssumeRoot on resource: arn:${partition}:iam::${targetId || targetPrincipal}:root`);
      if (session.kind === 'root') throw refusal;
      const org = entries.get(session.accountId)?.org;
      if (!org) throw refusal;
      const isAdmin = org.managementAccountId === session.accountId
        || org.delegatedAdministrators.some((d) => d.accountId === session.accountId && d.servicePrincipal === 'iam.amazonaws.com');
      if (!isAdmin || !org.centralizedRootAccess.RootSessions || !org.trustedAccess.includes('iam.amazonaws.com')) throw refusal;
      const target = org.accounts.find((a) => a.Id === targetId);
      if (!target || target.Id === org.managementAccountId || target.State !== 'ACTIVE') throw refusal;
      const task = (Object.keys(ROOT_TASK_ACTIONS) as RootTaskPolicy[]).find((t) => taskPolicyArn === `arn:${partition}:iam::aws:policy/root-task/${t}`);
      if (!task) throw refusal;
      const arn = `arn:${partition}:iam::${target.Id}:root`;
      return { Credentials: issue({ accountId: target.Id, arn, userId: target.Id, kind: 'root', taskPolicy: task }, duration) };
    } catch (err) {
      record.outcome = err instanceof AwsError ? err.code : 'InternalFailure';
      throw err;
    }
  }

  // ---------- Organizations ----------

  const orgArn = (org: OrgScenario, kind: string, id: string) => `arn:aws:organizations::${org.managementAccountId}:${kind}/${org.Id}/${id}`;
  const status = (s: OrgAccount['State']) => (s === 'PENDING_CLOSURE' ? 'PENDING_CLOSURE' : s === 'SUSPENDED' || s === 'CLOSED' ? 'SUSPENDED' : 'ACTIVE');
  const accountShape = (org: OrgScenario, a: OrgAccount) => ({
    Id: a.Id, Arn: orgArn(org, 'account', a.Id), Email: a.Email, Name: a.Name, Status: org.statusRetired ? undefined : status(a.State), State: a.State,
    JoinedMethod: a.JoinedMethod, JoinedTimestamp: a.JoinedTimestamp,
  });
  const ouShape = (org: OrgScenario, ou: { Id: string; Name: string }) => ({ Id: ou.Id, Arn: orgArn(org, 'ou', ou.Id), Name: ou.Name });
  const policyArn = (org: OrgScenario, p: OrgPolicy) => (p.AwsManaged ? `arn:aws:organizations::aws:policy/service_control_policy/${p.Id}` : orgArn(org, 'policy', `service_control_policy/${p.Id}`));
  const policySummary = (org: OrgScenario, p: OrgPolicy) => ({ Id: p.Id, Arn: policyArn(org, p), Name: p.Name, Description: p.Description, Type: 'SERVICE_CONTROL_POLICY', AwsManaged: p.AwsManaged });

  function orgOf(session: Session): OrgScenario {
    const org = entries.get(session.accountId)?.org;
    if (!org) throw new AwsError('AWSOrganizationsNotInUseException', 'Your account is not a member of an organization.', 400);
    return org;
  }
  function adminOrgOf(session: Session, managementOnly = false): OrgScenario {
    const org = orgOf(session);
    const ok = org.managementAccountId === session.accountId || (!managementOnly && org.delegatedAdministrators.some((d) => d.accountId === session.accountId));
    if (!ok) throw new AwsError('AccessDeniedException', 'You don\'t have permissions to access this resource.', 403);
    return org;
  }
  function paged<T>(input: Input, items: readonly T[]): { items: T[]; NextToken?: string } {
    const max = pageSize(input.str('MaxResults'), 20, 20, orgsInvalid, 'maxResults');
    const p = page(items, input.str('NextToken'), max, () => orgsInvalid('The provided token is not valid.'));
    return p.next === undefined ? { items: p.items } : { items: p.items, NextToken: p.next };
  }
  const isParent = (org: OrgScenario, id: string) => id === org.rootId || org.ous.some((o) => o.Id === id);
  function requireParent(org: OrgScenario, id: string | undefined): string {
    if (!id || !/^(r-[0-9a-z]{4,32}|ou-[0-9a-z]{4,32}-[a-z0-9]{8,32})$/.test(id)) throw orgsInvalid('You provided a value that does not match the required pattern.');
    if (!isParent(org, id)) throw new AwsError('ParentNotFoundException', 'We can\'t find a root or OU with the ParentId that you specified.', 400);
    return id;
  }
  function requirePolicy(org: OrgScenario, id: string | undefined): OrgPolicy {
    if (!id || !/^p-[0-9a-zA-Z_]{8,128}$/.test(id)) throw orgsInvalid('You provided a value that does not match the required pattern.');
    const p = org.policies.find((x) => x.Id === id);
    if (!p) throw new AwsError('PolicyNotFoundException', 'We can\'t find a policy with the PolicyId that you specified.', 400);
    return p;
  }
  function requireScpFilter(input: Input): void {
    const filter = input.str('Filter');
    const known = ['SERVICE_CONTROL_POLICY', 'RESOURCE_CONTROL_POLICY', 'TAG_POLICY', 'BACKUP_POLICY', 'AISERVICES_OPT_OUT_POLICY', 'CHATBOT_POLICY', 'DECLARATIVE_POLICY_EC2'];
    if (!filter || !known.includes(filter)) throw orgsInvalid('You provided a value that does not match the required pattern.');
  }
  const scpsOnly = (input: Input, list: OrgPolicy[]) => (input.str('Filter') === 'SERVICE_CONTROL_POLICY' ? list : []);

  const organizationsHandlers: Record<string, (s: Session, input: Input) => unknown> = {
    DescribeOrganization: (s) => {
      const org = orgOf(s);
      const mgmt = org.accounts.find((a) => a.Id === org.managementAccountId);
      return {
        Organization: {
          Id: org.Id, Arn: `arn:aws:organizations::${org.managementAccountId}:organization/${org.Id}`, FeatureSet: org.FeatureSet,
          MasterAccountArn: orgArn(org, 'account', org.managementAccountId), MasterAccountId: org.managementAccountId, MasterAccountEmail: mgmt?.Email,
          AvailablePolicyTypes: org.FeatureSet === 'ALL' ? [{ Type: 'SERVICE_CONTROL_POLICY', Status: 'ENABLED' }] : [],
        },
      };
    },
    ListRoots: (s, input) => {
      const org = adminOrgOf(s);
      const { items, ...rest } = paged(input, [org.rootId]);
      return {
        Roots: items.map((id) => ({ Id: id, Arn: orgArn(org, 'root', id), Name: 'Root', PolicyTypes: org.FeatureSet === 'ALL' ? [{ Type: 'SERVICE_CONTROL_POLICY', Status: 'ENABLED' }] : [] })),
        ...rest,
      };
    },
    ListAccounts: (s, input) => {
      const org = adminOrgOf(s);
      const { items, ...rest } = paged(input, org.accounts);
      return { Accounts: items.map((a) => accountShape(org, a)), ...rest };
    },
    DescribeAccount: (s, input) => {
      const org = adminOrgOf(s);
      const id = input.str('AccountId') ?? '';
      if (!ACCOUNT_ID.test(id)) throw orgsInvalid('You provided a value that does not match the required pattern.');
      const a = org.accounts.find((x) => x.Id === id);
      if (!a) throw new AwsError('AccountNotFoundException', 'You specified an account that doesn\'t exist.', 400);
      return { Account: accountShape(org, a) };
    },
    ListParents: (s, input) => {
      const org = adminOrgOf(s);
      const child = input.str('ChildId') ?? '';
      if (!/^(\d{12}|ou-[0-9a-z]{4,32}-[a-z0-9]{8,32})$/.test(child)) throw orgsInvalid('You provided a value that does not match the required pattern.');
      const parentId = org.accounts.find((a) => a.Id === child)?.parentId ?? org.ous.find((o) => o.Id === child)?.parentId;
      if (!parentId) throw new AwsError('ChildNotFoundException', 'We can\'t find an organizational unit (OU) or AWS account with the ChildId that you specified.', 400);
      const { items, ...rest } = paged(input, [parentId]);
      return { Parents: items.map((id) => ({ Id: id, Type: id.startsWith('r-') ? 'ROOT' : 'ORGANIZATIONAL_UNIT' })), ...rest };
    },
    ListChildren: (s, input) => {
      const org = adminOrgOf(s);
      const parent = requireParent(org, input.str('ParentId'));
      const type = input.str('ChildType');
      if (type !== 'ACCOUNT' && type !== 'ORGANIZATIONAL_UNIT') throw orgsInvalid('You provided a value that does not match the required pattern.');
      const ids = type === 'ACCOUNT' ? org.accounts.filter((a) => a.parentId === parent).map((a) => a.Id) : org.ous.filter((o) => o.parentId === parent).map((o) => o.Id);
      const { items, ...rest } = paged(input, ids);
      return { Children: items.map((Id) => ({ Id, Type: type })), ...rest };
    },
    ListOrganizationalUnitsForParent: (s, input) => {
      const org = adminOrgOf(s);
      const parent = requireParent(org, input.str('ParentId'));
      const { items, ...rest } = paged(input, org.ous.filter((o) => o.parentId === parent));
      return { OrganizationalUnits: items.map((o) => ouShape(org, o)), ...rest };
    },
    ListAccountsForParent: (s, input) => {
      const org = adminOrgOf(s);
      const parent = requireParent(org, input.str('ParentId'));
      const { items, ...rest } = paged(input, org.accounts.filter((a) => a.parentId === parent));
      return { Accounts: items.map((a) => accountShape(org, a)), ...rest };
    },
    DescribeOrganizationalUnit: (s, input) => {
      const org = adminOrgOf(s);
      const id = input.str('OrganizationalUnitId') ?? '';
      if (!/^ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}$/.test(id)) throw orgsInvalid('You provided a value that does not match the required pattern.');
      const ou = org.ous.find((o) => o.Id === id);
      if (!ou) throw new AwsError('OrganizationalUnitNotFoundException', 'We can\'t find an OU with the OrganizationalUnitId that you specified.', 400);
      return { OrganizationalUnit: ouShape(org, ou) };
    },
    ListPolicies: (s, input) => {
      const org = adminOrgOf(s);
      requireScpFilter(input);
      const { items, ...rest } = paged(input, scpsOnly(input, org.policies));
      return { Policies: items.map((p) => policySummary(org, p)), ...rest };
    },
    DescribePolicy: (s, input) => {
      const org = adminOrgOf(s);
      const p = requirePolicy(org, input.str('PolicyId'));
      return { Policy: { PolicySummary: policySummary(org, p), Content: JSON.stringify(p.Content, null, 2) } };
    },
    ListTargetsForPolicy: (s, input) => {
      const org = adminOrgOf(s);
      const p = requirePolicy(org, input.str('PolicyId'));
      const targets = p.targetIds.map((id) => {
        if (id === org.rootId) return { TargetId: id, Arn: orgArn(org, 'root', id), Name: 'Root', Type: 'ROOT' };
        const ou = org.ous.find((o) => o.Id === id);
        if (ou) return { TargetId: id, Arn: orgArn(org, 'ou', id), Name: ou.Name, Type: 'ORGANIZATIONAL_UNIT' };
        const a = org.accounts.find((x) => x.Id === id);
        return { TargetId: id, Arn: orgArn(org, 'account', id), Name: a?.Name ?? id, Type: 'ACCOUNT' };
      });
      const { items, ...rest } = paged(input, targets);
      return { Targets: items, ...rest };
    },
    ListPoliciesForTarget: (s, input) => {
      const org = adminOrgOf(s);
      const target = input.str('TargetId') ?? '';
      requireScpFilter(input);
      if (!/^(r-[0-9a-z]{4,32}|\d{12}|ou-[0-9a-z]{4,32}-[a-z0-9]{8,32})$/.test(target)) throw orgsInvalid('You provided a value that does not match the required pattern.');
      if (!isParent(org, target) && !org.accounts.some((a) => a.Id === target)) {
        throw new AwsError('TargetNotFoundException', 'We can\'t find a root, OU, account, or email address with the TargetId that you specified.', 400);
      }
      const { items, ...rest } = paged(input, scpsOnly(input, org.policies.filter((p) => p.targetIds.includes(target))));
      return { Policies: items.map((p) => policySummary(org, p)), ...rest };
    },
    ListAWSServiceAccessForOrganization: (s, input) => listServiceAccess(adminOrgOf(s), input, paged),
    ListDelegatedAdministrators: (s, input) => {
      const org = adminOrgOf(s, true);
      const sp = input.str('ServicePrincipal');
      const admins = org.delegatedAdministrators.filter((d) => sp === undefined || d.servicePrincipal === sp);
      const byAccount = new Map<string, Date>();
      for (const d of admins) if (!byAccount.has(d.accountId)) byAccount.set(d.accountId, d.DelegationEnabledDate);
      const rows = [...byAccount].flatMap(([id, date]) => {
        const a = org.accounts.find((x) => x.Id === id);
        return a ? [{ ...accountShape(org, a), DelegationEnabledDate: date }] : [];
      });
      const { items, ...rest } = paged(input, rows);
      return { DelegatedAdministrators: items, ...rest };
    },
  };

  // ---------- IAM / Account answers that depend on the organisation or the root session ----------

  function rootCredentialsOf(scenario: Scenario): RootCredentials {
    if (scenario.rootCredentials) return scenario.rootCredentials;
    const sum = scenario.accountSummary;
    return {
      loginProfile: sum.AccountPasswordPresent ? { CreateDate: new Date('2020-01-01T00:00:00Z') } : null,
      accessKeys: sum.AccountAccessKeysPresent ? [{ AccessKeyId: `AKIA${scenario.accountId}ROOT`, Status: 'Active', CreateDate: new Date('2020-01-01T00:00:00Z') }] : [],
      mfaDevices: sum.AccountMFAEnabled ? [{ SerialNumber: `arn:aws:iam::${scenario.accountId}:mfa/root-account-mfa-device`, EnableDate: new Date('2020-01-02T00:00:00Z') }] : [],
      signingCertificates: [],
    };
  }
  const notModelled = (op: string) => new AwsError('ServiceFailure', `fake-aws: ${op} for a named IAM user is not modelled; call it without UserName in a root session`, 500);

  const rootIamHandlers: Record<string, (s: Session, e: Entry, input: Input) => unknown> = {
    GetLoginProfile: (s, e, input) => {
      if (input.str('UserName') !== undefined) throw notModelled('GetLoginProfile');
      const root = rootCredentialsOf(e.iamOf());
      if (s.kind !== 'root' || !root.loginProfile) throw new AwsError('NoSuchEntity', `Login Profile for User ${s.kind === 'root' ? 'root' : s.arn} cannot be found.`, 404);
      return { LoginProfile: { UserName: '', CreateDate: root.loginProfile.CreateDate, PasswordResetRequired: false } };
    },
    ListAccessKeys: (s, e, input) => {
      if (input.str('UserName') !== undefined || s.kind !== 'root') throw notModelled('ListAccessKeys');
      return { AccessKeyMetadata: rootCredentialsOf(e.iamOf()).accessKeys.map((k) => ({ AccessKeyId: k.AccessKeyId, Status: k.Status, CreateDate: k.CreateDate })), IsTruncated: false };
    },
    ListMFADevices: (s, e, input) => {
      if (input.str('UserName') !== undefined || s.kind !== 'root') throw notModelled('ListMFADevices');
      return { MFADevices: rootCredentialsOf(e.iamOf()).mfaDevices.map((d) => ({ UserName: '', SerialNumber: d.SerialNumber, EnableDate: d.EnableDate })), IsTruncated: false };
    },
    ListSigningCertificates: (s, e, input) => {
      if (input.str('UserName') !== undefined || s.kind !== 'root') throw notModelled('ListSigningCertificates');
      return { Certificates: rootCredentialsOf(e.iamOf()).signingCertificates.map((c) => ({ UserName: '', ...c })), IsTruncated: false };
    },
    GetAccessKeyLastUsed: (s, e, input) => {
      const id = input.str('AccessKeyId') ?? '';
      const key = rootCredentialsOf(e.iamOf()).accessKeys.find((k) => k.AccessKeyId === id);
      if (!key) throw new AwsError('AccessDenied', `User: ${s.arn} is not authorized to perform: iam:GetAccessKeyLastUsed on resource: access key ${id}`, 403);
      return { AccessKeyLastUsed: key.lastUsed ?? { ServiceName: 'N/A', Region: 'N/A' } };
    },
    GetUser: (s, e, input) => {
      if (input.str('UserName') !== undefined || s.kind !== 'root') throw notModelled('GetUser');
      const iam = e.iamOf();
      const created = /^<root_account>,[^,]*,([^,]+),/m.exec(iam.credentialReport.csv)?.[1];
      return { User: { Path: '/', UserName: '', UserId: e.id, Arn: s.arn, CreateDate: created ? new Date(created) : new Date('2020-01-01T00:00:00Z') } };
    },
    ListOrganizationsFeatures: (s) => {
      const org = entries.get(s.accountId)?.org;
      const fail = (code: string, message: string) => new AwsError(code, message, 400);
      if (!org) throw fail('OrganizationNotFoundException', 'The request was rejected because no organization is associated with your account.');
      if (org.FeatureSet !== 'ALL') throw fail('OrganizationNotInAllFeaturesModeException', 'The request was rejected because your organization does not have All features enabled.');
      if (!org.trustedAccess.includes('iam.amazonaws.com')) throw fail('ServiceAccessNotEnabledException', 'The request was rejected because trusted access for IAM is not enabled for the organization.');
      const admin = org.managementAccountId === s.accountId || org.delegatedAdministrators.some((d) => d.accountId === s.accountId && d.servicePrincipal === 'iam.amazonaws.com');
      if (!admin) throw fail('AccountNotManagementOrDelegatedAdministratorException', 'The request was rejected because the account is not the management account or delegated administrator account for centralized root access.');
      const features = (['RootCredentialsManagement', 'RootSessions'] as const).filter((f) => org.centralizedRootAccess[f]);
      return { OrganizationId: org.Id, EnabledFeatures: features };
    },
  };

  /**
   * The account an Account Management call with `AccountId` is about. AccountId needs the
   * management account (or the delegated administrator for account.amazonaws.com), trusted access
   * for account.amazonaws.com and a member of the same organisation; the management account must
   * leave it out for itself. GetAlternateContact without AccountId is the caller's own account;
   * GetPrimaryEmail always needs AccountId.
   */
  function accountFor(s: Session, input: Input, action: string): Entry {
    const own = entries.get(s.accountId) as Entry;
    const id = input.str('AccountId');
    if (id === undefined) {
      if (action === 'account:GetPrimaryEmail') throw new AwsError('ValidationException', '1 validation error detected: Value null at \'accountId\' failed to satisfy constraint: Member must not be null', 400);
      return own;
    }
    if (!ACCOUNT_ID.test(id)) throw new AwsError('ValidationException', `1 validation error detected: Value '${id}' at 'accountId' failed to satisfy constraint: Member must satisfy regular expression pattern: ^\\d{12}$`, 400);
    const org = own.org;
    const deny = (why: string) => new AwsError('AccessDeniedException', `User: ${s.arn} is not authorized to perform: ${action} on resource: arn:aws:account::${org?.managementAccountId ?? s.accountId}:account/${org ? `${org.Id}/` : ''}${id} (${why})`, 403);
    if (!org) throw deny('the caller is not in an organization');
    if (id === org.managementAccountId) {
      throw new AwsError('AccessDeniedException', 'The management account can only be managed using the standalone context from the management account.', 403);
    }
    const admin = org.managementAccountId === s.accountId || org.delegatedAdministrators.some((d) => d.accountId === s.accountId && d.servicePrincipal === 'account.amazonaws.com');
    if (!admin) throw deny('only the management account or the delegated administrator for account.amazonaws.com may name an AccountId');
    if (!org.trustedAccess.includes('account.amazonaws.com')) throw deny('trusted access for AWS Account Management is not enabled in the organization');
    const target = entries.get(id);
    if (!target || target.org !== org) throw deny('the account is not a member of the organization');
    return target;
  }

  // ---------- faults ----------

  function effectiveFaults(accountId: string): AccountFaults {
    return { ...(faults.all ?? {}), ...(faults.accounts?.[accountId] ?? {}) };
  }

  function injected(f: AccountFaults, c: AccountCounters, def: ServiceDef, service: ServiceName, action: string, s: Session): AwsError | undefined {
    const bad = f.badCredentials?.[s.accessKeyId];
    if (bad) {
      const [code, st] = def.credentials[bad];
      return new AwsError(code, bad === 'ExpiredToken' ? 'The security token included in the request is expired' : 'The security token included in the request is invalid.', st);
    }
    if (matches(f.accessDenied, service, action)) {
      return new AwsError(def.denied[0], `User: ${s.arn} is not authorized to perform: ${action} because no identity-based policy allows the ${action} action`, def.denied[1]);
    }
    const throttle = () => new AwsError(def.throttle[0], 'Rate exceeded', def.throttle[1]);
    if (matches(f.alwaysThrottle, service, action)) return throttle();
    const first = f.throttleFirst?.[action] ?? 0;
    const sofar = c.throttledSoFar.get(action) ?? 0;
    if (sofar < first) {
      c.throttledSoFar.set(action, sofar + 1);
      return throttle();
    }
    if (f.throttleRate && throttledAt(c.seq, f.throttleRate)) return throttle();
    const rate = f.rateLimit?.[service];
    if (rate) {
      const t = now();
      const b = c.buckets.get(service) ?? { tokens: rate, at: t };
      b.tokens = Math.min(rate, b.tokens + ((t - b.at) / 1000) * rate);
      b.at = t;
      c.buckets.set(service, b);
      if (b.tokens < 1) return throttle();
      b.tokens -= 1;
    }
    if (matches(f.serverError, service, action)) return new AwsError(def.serverError[0], 'We encountered an internal error. Please try again.', def.serverError[1]);
    return undefined;
  }

  // ---------- dispatch ----------

  function paramsOf(input: Input, protocol: Protocol): Record<string, unknown> {
    if (protocol === 'query' && input.form) {
      const out: Record<string, unknown> = {};
      for (const [k, v] of input.form) if (k !== 'Action' && k !== 'Version') out[k] = v;
      return out;
    }
    return { ...(input.body ?? {}) };
  }

  const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

  const server = createServer((req, res) => {
    void (async () => {
      const body = await readBody(req);
      const signing = parseSigning(req);
      const { service, protocol, operation, input } = route(req, body, signing);
      const action = `${service}:${operation}`;
      const requestId = randomBytes(16).toString('hex').replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5');
      const def = service === 'unknown' ? undefined : SERVICES[service];
      const call: FakeOrgCall = {
        accountId: '', principalArn: '', accessKeyId: signing.accessKeyId, sessionKind: 'none', service, action, params: paramsOf(input, protocol), region: signing.region, status: 0,
      };
      let outcome: { result: unknown } | { error: AwsError };
      let latency = 0;
      const found = sessionFor(signing.accessKeyId);
      if (found instanceof AwsError || !def || service === 'unknown') {
        const err = found instanceof AwsError ? found : unknownOperation(protocol, service, operation);
        const [code, st] = found instanceof AwsError && def ? def.credentials.InvalidClientTokenId : [err.code, err.status];
        outcome = { error: new AwsError(code, err.message, st) };
      } else {
        const s = found;
        Object.assign(call, { accountId: s.accountId, principalArn: s.arn, sessionKind: s.kind });
        const entry = entries.get(s.accountId) as Entry;
        const f = effectiveFaults(s.accountId);
        const c = countersOf(s.accountId);
        c.seq++;
        latency = f.latencyByAction?.[action] ?? f.latencyByService?.[service] ?? f.latencyMs ?? 0;
        const into = action === 'sts:AssumeRole' ? faults.assumeRoleInto?.[/^arn:[^:]+:iam::(\d{12}):/.exec(input.str('RoleArn') ?? '')?.[1] ?? ''] : undefined;
        if (into?.latencyMs) latency += into.latencyMs;
        if (matches(f.hang, service, action) || into?.hang) {
          calls.push(call);
          return;
        }
        const answer = (): unknown => {
          if (s.expiration !== undefined && now() >= s.expiration) {
            const [code, st] = def.credentials.ExpiredToken;
            throw new AwsError(code, 'The security token included in the request is expired', st);
          }
          if (s.kind === 'root' && action !== 'sts:GetCallerIdentity' && !ROOT_TASK_ACTIONS[s.taskPolicy as RootTaskPolicy].includes(action)) {
            throw new AwsError(def.denied[0], `User: ${s.arn} is not authorized to perform: ${action} on resource: ${s.arn} because no session policy allows the ${action} action`, def.denied[1]);
          }
          const fault = injected(f, c, def, service, action, s);
          if (fault) throw fault;
          if (into?.throttle !== undefined && into.throttle !== false) {
            const target = /^arn:[^:]+:iam::(\d{12}):/.exec(input.str('RoleArn') ?? '')?.[1] ?? '';
            const sofar = assumeThrottled.get(target) ?? 0;
            if (into.throttle === true || sofar < into.throttle) {
              assumeThrottled.set(target, sofar + 1);
              throw new AwsError(def.throttle[0], 'Rate exceeded', def.throttle[1]);
            }
          }
          if (f.answers && Object.hasOwn(f.answers, action)) return f.answers[action];
          if (service === 'sts') {
            if (operation === 'GetCallerIdentity') return { UserId: s.userId, Account: s.accountId, Arn: s.arn };
            if (operation === 'AssumeRole') return assumeRole(s, input);
            if (operation === 'AssumeRoot') return assumeRoot(s, input, signing.region);
          }
          if (service === 'organizations') {
            const h = organizationsHandlers[operation];
            if (!h) throw unknownOperation(protocol, service, operation);
            return h(s, input);
          }
          if (service === 'iam' && Object.hasOwn(rootIamHandlers, operation)) return (rootIamHandlers[operation] as (typeof rootIamHandlers)[string])(s, entry, input);
          let target = entry;
          if (service === 'account' && (operation === 'GetAlternateContact' || operation === 'GetPrimaryEmail')) target = accountFor(s, input, action);
          const handler = Object.hasOwn(def.handlers, operation) ? def.handlers[operation] : undefined;
          if (!handler) throw unknownOperation(protocol, service, operation);
          const iam = target.iamOf();
          const view: Scenario = {
            ...iam, callerArn: s.arn, callerUserId: s.userId,
            ...(target.account ? { primaryEmail: target.account.Email } : {}),
          };
          const ownInput: Input = target === entry ? input : { ...input, str: (n) => (n === 'AccountId' ? undefined : input.str(n)) };
          return handler({ scenario: view, state: stateOf(target), region: signing.region, input: ownInput });
        };
        try {
          outcome = { result: answer() };
        } catch (err) {
          outcome = { error: err instanceof AwsError ? err : new AwsError('InternalFailure', `fake-aws handler crashed: ${String(err)}`, 500) };
        }
        if ('result' in outcome && matches(f.repeatToken, service, action)) outcome = { result: morePages(protocol, outcome.result, pageToken(0)) };
        if ('result' in outcome && matches(f.endlessPages, service, action)) outcome = { result: morePages(protocol, outcome.result, pageToken(0, `endless-${c.seq}`)) };
      }
      const wire = render(protocol, service, operation, outcome, requestId);
      if (latency > 0) await sleep(latency);
      call.status = wire.status;
      if ('error' in outcome) call.error = outcome.error.code;
      calls.push(call);
      answer(res, wire);
    })().catch((err: unknown) => fakeFailed(res, err));
  });
  const url = await listenOnLoopback(server);
  return {
    url,
    baseCredentials: { accessKeyId: BASE_ACCESS_KEY_ID, secretAccessKey: 'fake-org-base-secret' },
    calls,
    assumeRootCalls,
    callCounts() {
      const out = new Map<string, number>();
      for (const c of calls) out.set(c.accountId, (out.get(c.accountId) ?? 0) + 1);
      return out;
    },
    setFaults(f: OrgFaults) {
      faults = f;
      counters = new Map();
      assumeThrottled = new Map();
    },
    advanceTime(ms: number) {
      offset += ms;
    },
    close: () => new Promise<void>((resolve, reject) => {
      server.closeAllConnections();
      server.close((err) => (err ? reject(err) : resolve()));
    }),
  };
}
