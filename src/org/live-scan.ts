import { ListOrganizationsFeaturesCommand } from '@aws-sdk/client-iam';
import type { Clients } from '../collect/clients.js';
import { alternateContactsCollector, alternateContactsReader, type ContactFallback } from '../collect/alternate-contacts.js';
import { collectEvidence, INDEPENDENT_COLLECTORS, type CollectOptions } from '../collect/collect.js';
import { errorCode, failedOrFact, ok, type Collector, type PartJson } from '../collect/collector.js';
import { collectMemberRootCredentials } from '../collect/member-root-credentials.js';
import { organizationCollector } from '../collect/organization.js';
import { collectServiceControlPolicies, memberServiceControlPolicies, type OrganizationScpsRead } from '../collect/service-control-policies.js';
import type { AwsSession } from '../collect/session.js';
import { fromOrganizationsFeatures, organizationsFeaturesPart, type OrganizationsFeatures } from '../evidence/parts/organizations-features.js';
import { ScanUnavailableError } from '../errors.js';
import { ORGANIZATION_PART_NAMES } from '../evidence/schema.js';
import { msg } from '../i18n/index.js';
import type { AccountPlace, NotAssessedAccount } from '../record/record.js';
import { assessEvidence, type ScanOptions } from '../scan/scan-account.js';
import { NotAssessedError, RoleSessions } from './assume-role.js';
import { managementContacts, readFromManagement } from './member-contacts.js';
import { Organization, type ListedAccount, type OrgInfo } from './organization.js';
import { MANAGEMENT_ACCOUNT_API } from './rate-limit.js';
import { notActive, type AccountJob } from './scan-many.js';
import { memberRoleArn, roleAccount, type RoleHop, type TargetSpec } from './targets.js';

// The live side of a many-account scan: turns what the user asked for (--org, --role-arn,
// --targets) into one job per account, each of which assumes its role, collects, judges and
// returns its findings. Jobs are run by scan-many.ts.

export interface PlanOptions {
  /** The caller's session (its rate limit and recorder carry over to every assumed session). */
  base: AwsSession;
  /** What each account is judged with; `place` is set per account, `onEvent` is not used. */
  scan: ScanOptions;
  collect?: Omit<CollectOptions, 'progress' | 'collectors'>;
  /** The flags the user wrote, for errors that name them. */
  flags: { ous: string; accounts: string };
  now?: () => number;
}

export interface Plan {
  jobs: AccountJob[];
  /** Accounts known not to be assessable before any scan (not ACTIVE, a hop that failed). */
  notAssessed: NotAssessedAccount[];
  sessions: RoleSessions;
}

/** One job per account in scope, in the order given (organisations in ListAccounts order); an account listed twice is scanned once. */
export async function planTargets(specs: readonly TargetSpec[], options: PlanOptions): Promise<Plan> {
  const sessions = new RoleSessions({ base: options.base, ...(options.now ? { now: options.now } : {}) });
  const jobs: AccountJob[] = [];
  const notAssessed: NotAssessedAccount[] = [];
  const seen = new Set<string>();
  const add = (id: string) => !seen.has(id) && (seen.add(id), true);

  for (const spec of specs) {
    if (spec.kind === 'account') {
      const last = spec.chain[spec.chain.length - 1] as RoleHop;
      const { accountId, partition } = roleAccount(last.roleArn);
      if (!add(accountId)) continue;
      const place: AccountPlace = { name: spec.name ?? null, email: null, ouPath: null, via: last.roleArn };
      jobs.push({ id: accountId, partition, place: async () => place, run: (p) => runAccount(sessions, spec.chain, INDEPENDENT_COLLECTORS, p, options) });
      continue;
    }
    let hub;
    try {
      hub = await sessions.clientsFor(spec.via);
    } catch (error) {
      // A hop into another organisation was refused: that organisation's accounts are unknown,
      // so the hop's own account stands for them in the not-assessed list.
      if (!(error instanceof NotAssessedError)) throw error;
      const last = spec.via[spec.via.length - 1] as RoleHop;
      const { accountId, partition } = roleAccount(last.roleArn);
      if (add(accountId)) notAssessed.push({ id: accountId, partition, name: spec.name ?? null, email: null, ouPath: null, via: last.roleArn, code: error.code, reason: error.reason });
      continue;
    }
    const hopAccount = spec.via.length > 0 ? roleAccount((spec.via[spec.via.length - 1] as RoleHop).roleArn) : { accountId: options.base.account.id, partition: options.base.account.partition };
    const viaText = spec.via.length > 0 ? (spec.via[spec.via.length - 1] as RoleHop).roleArn : '--org';
    let org: Organization;
    try {
      org = await Organization.list(hub, hopAccount, viaText);
    } catch (error) {
      // From the caller's own credentials (--org) nothing is in scope without the list: exit 3.
      // Behind a hop (a customer's organisation in a targets file) only that organisation is lost:
      // its hop account stands for it in the not-assessed list, the other targets go on.
      if (spec.via.length === 0 || !(error instanceof ScanUnavailableError)) throw error;
      const code = typeof error.said.params.code === 'string' ? error.said.params.code : 'OrganizationNotListed';
      if (add(hopAccount.accountId)) notAssessed.push({ id: hopAccount.accountId, partition: hopAccount.partition, name: spec.name ?? null, email: null, ouPath: null, via: viaText, code, reason: error.said });
      continue;
    }
    const selected = await org.select(spec.filters, options.flags);
    const orgParts = orgPartsReader(org, await sessions.session(spec.via), hub);
    const via = spec.via;
    const contacts = managementContacts({
      clients: () => sessions.clientsLimitedAs(via, MANAGEMENT_ACCOUNT_API),
      organizationId: org.info.id,
      managementAccountId: org.info.masterAccountId,
      callerAccountId: org.callerAccountId,
    });
    for (const account of selected) {
      if (!add(account.id)) continue;
      const own = account.id === hopAccount.accountId;
      const chain: RoleHop[] = own ? spec.via : [...spec.via, { roleArn: memberRoleArn(account.partition, account.id, spec.roleName), ...(spec.externalId ? { externalId: spec.externalId } : {}) }];
      const via = chain.length > 0 ? (chain[chain.length - 1] as RoleHop).roleArn : null;
      const place = async (): Promise<AccountPlace> => ({ name: account.name, email: account.email, ouPath: await org.ouPath(account.id).catch(() => null), via });
      if (account.state !== 'ACTIVE') {
        notAssessed.push(notActive(account, await place()));
        continue;
      }
      // The caller's own account keeps the standard collectors (it can read its own organisation
      // and e-mail); members get what the listing already told.
      const collectors = [...(own ? INDEPENDENT_COLLECTORS : memberCollectors(org.info, account, contacts.forMember(account.id))), orgParts(account)];
      jobs.push({ id: account.id, partition: account.partition, place, run: (p) => runAccount(sessions, chain, collectors, p, options) });
    }
  }
  return { jobs, notAssessed, sessions };
}

async function runAccount(sessions: RoleSessions, chain: readonly RoleHop[], collectors: readonly Collector[], place: AccountPlace, options: PlanOptions) {
  const session = await sessions.session(chain);
  const evidence = await collectEvidence(session, { ...options.collect, collectors });
  // Reached but nothing could be read in it (the role allows nothing, the session expired, every
  // call throttled or timed out): the account was not assessed, and says why, rather than
  // appearing as an account whose every check is ERROR. The organisation parts are read from the
  // management account, and a member's organisation and e-mail come from the listing: they do not count.
  const notFromMember = new Set<string>([...ORGANIZATION_PART_NAMES, 'organization', 'accountEmail']);
  // Nor do alternate contacts the member was refused and the management account read for it.
  const own = Object.entries(evidence.parts).filter(([name, part]) => !notFromMember.has(name) && !(part.ok && readFromManagement(part.action)));
  const failures = own.map(([, part]) => part).filter((part) => !part.ok);
  if (own.length > 0 && failures.length === own.length) {
    const first = failures[0] as { error: { code: string; action?: string; message: string } };
    const code = first.error.code;
    throw new NotAssessedError(code, msg('notAssessedNothingRead', { code, action: first.error.action ?? '', target: session.account.callerArn, detail: first.error.message.split('\n')[0]?.slice(0, 300) ?? '' }));
  }
  return assessEvidence(evidence, { ...options.scan, onEvent: undefined, place });
}

/**
 * The collectors of a member account. Its organisation (DescribeOrganization) and root e-mail
 * (ListAccounts) were read once from the management account; asking the member again would cost
 * three calls per account, two of them denied (DescribeAccount and GetPrimaryEmail work only from
 * the management account or a delegated administrator). Centralized root access is still asked
 * of the member: the answer depends on what the member is (a delegated administrator or not).
 */
function memberCollectors(info: OrgInfo, account: ListedAccount, contactsFallback: ContactFallback): Collector[] {
  const member: Collector = {
    name: organizationCollector.name,
    parts: organizationCollector.parts,
    async collect(ctx) {
      const action = organizationsFeaturesPart.actions[0];
      let features;
      try {
        features = ok(action, fromOrganizationsFeatures(await ctx.send(() => ctx.clients.iam.send(new ListOrganizationsFeaturesCommand({})))));
      } catch (error) {
        features = failedOrFact(organizationsFeaturesPart, action, error);
      }
      const { observedAt, ...organization } = info;
      return {
        parts: {
          organization: ok('organizations:DescribeOrganization', organization, 'api', observedAt),
          accountEmail: ok('organizations:ListAccounts', account.email === null ? null : { email: account.email, via: 'organizations:ListAccounts' }, 'api', account.listedAt),
          organizationsFeatures: features,
        },
      };
    },
  };
  // Alternate contacts are read inside the member (its own Account API quota); a contact its role
  // is refused is read from the management account with AccountId when trusted access allows it.
  const contacts = alternateContactsReader(contactsFallback);
  return INDEPENDENT_COLLECTORS.map((c) => (c === organizationCollector ? member : c === alternateContactsCollector ? contacts : c));
}


/**
 * The organisation-only parts of each account (org-member-root-credentials, org-root-user-scp),
 * read with the session that listed the organisation: the SCPs once per organisation, a root
 * session (AssumeRoot, audit task policy only) per member. The caller's centralized root access
 * features are read once, so that a known reason AssumeRoot would be refused costs no call.
 */
function orgPartsReader(org: Organization, hubSession: AwsSession, hub: Clients) {
  let scps: Promise<OrganizationScpsRead> | undefined;
  let features: Promise<OrganizationsFeatures | undefined> | undefined;
  return (account: ListedAccount): Collector => ({
    name: 'AWS Organizations (from the management account)',
    parts: ['memberRootCredentials', 'serviceControlPolicies'],
    async collect() {
      scps ??= collectServiceControlPolicies(hubSession);
      features ??= callerFeatures(hub);
      const ouPath = await org.ouPath(account.id).catch(() => null);
      const [read, known] = await Promise.all([scps, features]);
      const scpPart: PartJson = ouPath === null
        ? { error: { code: 'OuPathUnknown', message: 'the account\'s place in the organisation could not be read (organizations:ListParents)', action: 'organizations:ListParents' } }
        : memberServiceControlPolicies(read, { accountId: account.id, accountName: account.name, ouPath, managementAccountId: org.info.masterAccountId });
      const rootPart = await collectMemberRootCredentials(hubSession, { accountId: account.id, managementAccountId: org.info.masterAccountId, features: known });
      return { parts: { memberRootCredentials: rootPart, serviceControlPolicies: scpPart } };
    },
  });
}

async function callerFeatures(hub: Clients): Promise<OrganizationsFeatures | undefined> {
  try {
    return fromOrganizationsFeatures(await hub.iam.send(new ListOrganizationsFeaturesCommand({}))) as OrganizationsFeatures;
  } catch (error) {
    const fact = organizationsFeaturesPart.facts?.[errorCode(error) as keyof typeof organizationsFeaturesPart.facts];
    return fact as OrganizationsFeatures | undefined;
  }
}
