import { z } from 'zod';
import { loadYamlFile } from '../config/yaml-file.js';
import { messageRef, msg } from '../i18n/index.js';
import { ACCOUNT_ID, DEFAULT_ROLE_NAME, EXTERNAL_ID, OU_ID, ROLE_ARN, ROLE_NAME, ROOT_ID, type RoleHop, type TargetSpec } from './targets.js';

// `--targets FILE`: the accounts of an MSP, auditor or insurer, across organisations it does not
// own, each reached through a role (usually with an external id). YAML or JSON, validated like the
// mutelist: an unknown key, a bad ARN or a bad external id is exit 2 naming the file and line.
//
//   version: 1
//   targets:
//     - name: Customer A                      # one account, one role
//       roleArn: arn:aws:iam::111111111111:role/LockdownAudit
//       externalId: customer-a-7f3e
//     - name: Customer B member               # a role chain: first into B's audit hub, then the member
//       via:
//         - roleArn: arn:aws:iam::222222222222:role/LockdownHub
//           externalId: customer-b-1c9d
//       roleArn: arn:aws:iam::333333333333:role/LockdownAudit
//     - name: Customer C                      # a whole organisation: hop into its management
//       organization:                         # account (or delegated administrator), list the
//         roleArn: arn:aws:iam::444444444444:role/LockdownOrgAudit   # accounts, then assume
//         externalId: customer-c-52aa                                # roleName in each member
//         roleName: LockdownAudit
//         ous: [ou-ab12-cdef3456]

const roleArn = z.string().regex(ROLE_ARN, { error: () => messageRef(msg('roleArnShape')) });
const externalId = z.string().regex(EXTERNAL_ID, { error: () => messageRef(msg('externalIdShape')) });
const hop = z.strictObject({ roleArn, externalId: externalId.optional() });
const name = z.string().trim().min(1).max(256);

const accountTarget = z.strictObject({
  name: name.optional(),
  roleArn,
  externalId: externalId.optional(),
  /** Roles assumed first, in order, each from the session of the one before. */
  via: z.array(hop).min(1).max(4).optional(),
});

const organizationTarget = z.strictObject({
  name: name.optional(),
  organization: z.strictObject({
    /** The hop into the management account or a delegated administrator; absent: the caller's own credentials. */
    roleArn: roleArn.optional(),
    externalId: externalId.optional(),
    via: z.array(hop).min(1).max(3).optional(),
    roleName: z.string().regex(ROLE_NAME, { error: () => messageRef(msg('roleNameShape')) }).optional(),
    memberExternalId: externalId.optional(),
    accounts: z.array(z.string().regex(ACCOUNT_ID, { error: () => messageRef(msg('accountId12')) })).min(1).optional(),
    excludeAccounts: z.array(z.string().regex(ACCOUNT_ID, { error: () => messageRef(msg('accountId12')) })).min(1).optional(),
    ous: z.array(z.string().refine((s) => OU_ID.test(s) || ROOT_ID.test(s), { error: () => messageRef(msg('ouIdShape')) })).min(1).optional(),
  }),
});

export const targetsSchema = z.strictObject({
  version: z.literal(1).optional(),
  targets: z.array(z.union([organizationTarget, accountTarget])).min(1, { error: () => messageRef(msg('noTargets')) }),
});

export type TargetsFile = z.output<typeof targetsSchema>;

/** Reads and validates a targets file into what the scan covers. */
export function loadTargets(path: string): TargetSpec[] {
  return targetsFromFile(loadYamlFile(path, targetsSchema, 'targets file'));
}

export function targetsFromFile(file: TargetsFile): TargetSpec[] {
  return file.targets.map((t): TargetSpec => {
    if ('organization' in t) {
      const o = t.organization;
      const via: RoleHop[] = [...(o.via ?? []), ...(o.roleArn ? [hopOf(o.roleArn, o.externalId)] : [])];
      return {
        kind: 'organization',
        via,
        roleName: o.roleName ?? DEFAULT_ROLE_NAME,
        ...(o.memberExternalId ? { externalId: o.memberExternalId } : {}),
        filters: { accounts: o.accounts, excludeAccounts: o.excludeAccounts, ous: o.ous },
        ...(t.name ? { name: t.name } : {}),
      };
    }
    return { kind: 'account', chain: [...(t.via ?? []).map((h) => hopOf(h.roleArn, h.externalId)), hopOf(t.roleArn, t.externalId)], ...(t.name ? { name: t.name } : {}) };
  });
}

const hopOf = (roleArn: string, externalId: string | undefined): RoleHop => (externalId ? { roleArn, externalId } : { roleArn });
