import { z } from 'zod';
import type { PartJson } from './define.js';
import { definePart } from './define.js';

// The service control policies that apply to one member account: those attached to the
// organisation root, to each OU on the account's path and to the account itself (SCPs are
// inherited down the tree; a Deny anywhere on the path applies, and an Allow must exist at every
// level). An organisation scan reads every SCP once (src/collect/service-control-policies.ts) and
// derives each member's part from that with `memberServiceControlPolicies`, a pure function.

export const SCP_LEVEL_TYPES = ['ROOT', 'ORGANIZATIONAL_UNIT', 'ACCOUNT'] as const;

const scp = z.strictObject({
  id: z.string(),
  name: z.string(),
  awsManaged: z.boolean(),
  /** The policy document exactly as DescribePolicy returned it: a check that cannot parse it says so. */
  content: z.string(),
});
export type Scp = z.output<typeof scp>;

const serviceControlPolicies = z.discriminatedUnion('state', [
  // SCPs never restrict the management account (AWS Organizations User Guide, "SCP effects").
  z.strictObject({ state: z.literal('managementAccount') }),
  // The SERVICE_CONTROL_POLICY type is not enabled on the root: no SCP applies anywhere.
  z.strictObject({ state: z.literal('scpsDisabled') }),
  z.strictObject({
    state: z.literal('applies'),
    organizationId: z.string().nullable(),
    /** Root first, then each OU down to the account's parent, then the account itself. */
    path: z.array(z.strictObject({ targetId: z.string(), type: z.enum(SCP_LEVEL_TYPES), name: z.string(), policies: z.array(scp) })),
  }),
]);
export type ServiceControlPolicies = z.output<typeof serviceControlPolicies>;
export type ScpLevel = Extract<ServiceControlPolicies, { state: 'applies' }>['path'][number];

export const LIST_POLICIES = 'organizations:ListPolicies';
export const DESCRIBE_POLICY = 'organizations:DescribePolicy';
export const LIST_TARGETS_FOR_POLICY = 'organizations:ListTargetsForPolicy';
export const LIST_ROOTS = 'organizations:ListRoots';

export const serviceControlPoliciesPart = definePart({
  data: serviceControlPolicies,
  actions: [LIST_POLICIES, DESCRIBE_POLICY, LIST_TARGETS_FOR_POLICY, LIST_ROOTS],
  // Read once per organisation from the management account (or a delegated administrator), not
  // per account: no export-script call.
  exports: [],
});

/** Every SCP of an organisation and where it is attached, as the collector reads it once. */
export interface OrganizationScps {
  organizationId: string | null;
  rootId: string;
  rootName: string;
  /** SERVICE_CONTROL_POLICY is ENABLED on the root (ListRoots PolicyTypes). */
  enabled: boolean;
  /** Policy id → the policy with its document. */
  policies: Record<string, Scp>;
  /** Target id (r-…, ou-…, or a 12-digit account id) → the ids of the SCPs attached to it. */
  attachments: Record<string, string[]>;
  /** When the reads finished (ISO). */
  observedAt: string;
}

/** The organisation-wide read: the data, or why it failed (which every member's part then reports). */
export type OrganizationScpsRead = { ok: true; scps: OrganizationScps } | { ok: false; error: { code: string; message: string; action: string } };

/** A member account as the organisation scan knows it. */
export interface ScpMember {
  accountId: string;
  /** The account's name (ListAccounts), shown in findings; the id when unknown. */
  accountName?: string | null;
  /** OUs from the root down to the account's parent (not the root itself); [] directly under the root. */
  ouPath: readonly { id: string; name: string }[];
  managementAccountId: string;
}

/**
 * One member's `serviceControlPolicies` part from the organisation-wide read: the SCPs attached
 * along its path root → OUs → account, each with its document. Pure: the organisation scan calls
 * it per member and puts the result into that member's evidence.
 */
export function memberServiceControlPolicies(read: OrganizationScpsRead, member: ScpMember): PartJson {
  if (!read.ok) return { error: { ...read.error } };
  const { scps } = read;
  const done = (data: unknown): PartJson => ({ source: 'api', action: LIST_POLICIES, observedAt: scps.observedAt, data });
  if (member.accountId === member.managementAccountId) return done({ state: 'managementAccount' });
  if (!scps.enabled) return done({ state: 'scpsDisabled' });
  const attached = (targetId: string) => (scps.attachments[targetId] ?? []).map((id) => scps.policies[id]).filter((p): p is Scp => p !== undefined);
  const path = [
    { targetId: scps.rootId, type: 'ROOT' as const, name: scps.rootName, policies: attached(scps.rootId) },
    ...member.ouPath.map((ou) => ({ targetId: ou.id, type: 'ORGANIZATIONAL_UNIT' as const, name: ou.name, policies: attached(ou.id) })),
    { targetId: member.accountId, type: 'ACCOUNT' as const, name: member.accountName ?? member.accountId, policies: attached(member.accountId) },
  ];
  return done({ state: 'applies', organizationId: scps.organizationId, path });
}
