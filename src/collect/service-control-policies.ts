import {
  DescribePolicyCommand,
  paginateListPolicies,
  paginateListRoots,
  paginateListTargetsForPolicy,
  type OrganizationsClient,
} from '@aws-sdk/client-organizations';
import {
  DESCRIBE_POLICY,
  LIST_POLICIES,
  LIST_ROOTS,
  LIST_TARGETS_FOR_POLICY,
  type OrganizationScps,
  type OrganizationScpsRead,
  type Scp,
} from '../evidence/parts/service-control-policies.js';
import { makeClients } from './clients.js';
import { failed, nowIso, type CollectContext } from './collector.js';
import { limiter } from './limit.js';
import { paginate } from './paginate.js';
import type { AwsSession } from './session.js';

export { memberServiceControlPolicies, type OrganizationScpsRead, type ScpMember } from '../evidence/parts/service-control-policies.js';

// org-root-user-scp, once per organisation: every service control policy with its document and
// the roots, OUs and accounts it is attached to. Policies, not accounts, are walked: an
// organisation has far fewer SCPs (at most 1,000) than accounts, so the calls do not grow with
// the number of accounts. Each member's part is then derived without a call
// (memberServiceControlPolicies).

const SCP = 'SERVICE_CONTROL_POLICY';
// Far above AWS's quotas (one root; 1,000 SCPs at 20 a page; targets per policy), never reached.
const MAX_PAGES = { roots: 5, policies: 100, targets: 2_000 };

export interface ScpCollectOptions {
  /** Calls in flight at once (default 8). */
  concurrency?: number;
}

/**
 * Reads the organisation's SCPs with the management-account (or delegated administrator) session
 * handed in. All or nothing: one failed read fails the whole (every member's part then reports it),
 * because a policy left out could be the one that denies the root user. Never throws.
 */
export async function collectServiceControlPolicies(session: AwsSession, options: ScpCollectOptions = {}): Promise<OrganizationScpsRead> {
  const clients = makeClients(session);
  const ctx: CollectContext = {
    clients,
    account: { id: session.account.id, partition: session.account.partition },
    homeRegion: session.region,
    send: limiter(options.concurrency ?? 8),
    progress: () => undefined,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    reportTimeoutMs: 0,
  };
  let step = LIST_ROOTS;
  try {
    const org = clients.organizations;
    const root = await readRoot(ctx, org);
    if (!root.enabled) {
      return { ok: true, scps: { organizationId: root.organizationId, rootId: root.id, rootName: root.name, enabled: false, policies: {}, attachments: {}, observedAt: nowIso() } };
    }
    step = LIST_POLICIES;
    const summaries: { id: string; name: string; awsManaged: boolean }[] = [];
    for await (const page of paginate(ctx, paginateListPolicies({ client: org }, { Filter: SCP }), MAX_PAGES.policies)) {
      for (const p of page.Policies ?? []) if (p.Id) summaries.push({ id: p.Id, name: p.Name ?? p.Id, awsManaged: p.AwsManaged ?? false });
    }
    const policies: Record<string, Scp> = {};
    const attachments: Record<string, string[]> = {};
    await Promise.all(
      summaries.map(async (summary) => {
        const [content, targets] = await Promise.all([describe(ctx, org, summary.id), targetsOf(ctx, org, summary.id)]);
        policies[summary.id] = { ...summary, content };
        for (const target of targets) (attachments[target] ??= []).push(summary.id);
      }),
    );
    // Evidence in a stable order whatever order the answers came in.
    for (const ids of Object.values(attachments)) ids.sort((a, b) => summaries.findIndex((s) => s.id === a) - summaries.findIndex((s) => s.id === b));
    const scps: OrganizationScps = { organizationId: root.organizationId, rootId: root.id, rootName: root.name, enabled: true, policies, attachments, observedAt: nowIso() };
    return { ok: true, scps };
  } catch (error) {
    const e = failed((error as { action?: string }).action ?? step, error);
    return { ok: false, error: 'error' in e ? { ...e.error, action: e.error.action ?? step } : { code: 'Error', message: String(error), action: step } };
  } finally {
    clients.destroy();
  }
}

async function readRoot(ctx: CollectContext, org: OrganizationsClient) {
  for await (const page of paginate(ctx, paginateListRoots({ client: org }, {}), MAX_PAGES.roots)) {
    const root = page.Roots?.[0];
    if (root?.Id) {
      return {
        id: root.Id,
        name: root.Name ?? 'Root',
        // arn:aws:organizations::<management>:root/o-…/r-…
        organizationId: /:root\/(o-[a-z0-9]+)\//.exec(root.Arn ?? '')?.[1] ?? null,
        enabled: (root.PolicyTypes ?? []).some((t) => t.Type === SCP && t.Status === 'ENABLED'),
      };
    }
  }
  throw Object.assign(new Error('ListRoots listed no root'), { name: 'InvalidResponse' });
}

async function describe(ctx: CollectContext, org: OrganizationsClient, PolicyId: string): Promise<string> {
  try {
    const out = await ctx.send(() => org.send(new DescribePolicyCommand({ PolicyId })));
    const content = out.Policy?.Content;
    if (content === undefined) throw Object.assign(new Error(`DescribePolicy returned no Content for ${PolicyId}`), { name: 'InvalidResponse' });
    return content;
  } catch (error) {
    throw Object.assign(error as object, { action: DESCRIBE_POLICY });
  }
}

async function targetsOf(ctx: CollectContext, org: OrganizationsClient, PolicyId: string): Promise<string[]> {
  try {
    const out: string[] = [];
    for await (const page of paginate(ctx, paginateListTargetsForPolicy({ client: org }, { PolicyId }), MAX_PAGES.targets)) {
      for (const t of page.Targets ?? []) if (t.TargetId) out.push(t.TargetId);
    }
    return out;
  } catch (error) {
    throw Object.assign(error as object, { action: LIST_TARGETS_FOR_POLICY });
  }
}
