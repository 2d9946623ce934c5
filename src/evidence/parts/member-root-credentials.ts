import { z } from 'zod';
import { definePart, isoDate } from './define.js';

// The root user's own credentials in a member account, read by an organisation scan through
// sts:AssumeRoot (centralized root access, "privileged root actions"). The audit is made with the
// one read-only task policy AWS offers for it; nothing can ask for another (see the collector).

/** The only root task policy a scan ever asks for: read-only (IAM User Guide, "root-task" policies). */
export const ROOT_AUDIT_TASK_POLICY = 'IAMAuditRootUserCredentials';

/** arn:<partition>:iam::aws:policy/root-task/IAMAuditRootUserCredentials */
export const auditTaskPolicyArn = (partition: string): string => `arn:${partition}:iam::aws:policy/root-task/${ROOT_AUDIT_TASK_POLICY}`;

/** AssumeRoot's own maximum (and default): a privileged root session lasts at most 15 minutes. */
export const ROOT_SESSION_SECONDS = 900;

export const ASSUME_ROOT = 'sts:AssumeRoot';

/**
 * What the root session reads, with the root session's own credentials: every call names no user,
 * so it is about the root user. All four are in the IAMAuditRootUserCredentials task policy, which
 * is the session's whole permission; the scanning role needs none of them (docs/decisions.md).
 */
export const ROOT_SESSION_ACTIONS = ['iam:GetLoginProfile', 'iam:ListAccessKeys', 'iam:ListMFADevices', 'iam:ListSigningCertificates'] as const;

/**
 * Why no root session could be opened, when the management account already told us (its
 * ListOrganizationsFeatures answer): sts:AssumeRoot itself would only say AccessDenied.
 */
export const ROOT_SESSION_UNAVAILABLE = ['rootSessionsDisabled', 'trustedAccessNotEnabled', 'notAllFeaturesMode', 'notRootAdministrator'] as const;
export type RootSessionUnavailable = (typeof ROOT_SESSION_UNAVAILABLE)[number];

const memberRootCredentials = z.discriminatedUnion('state', [
  // AssumeRoot cannot target the management account: its root user is audited by the root checks.
  z.strictObject({ state: z.literal('managementAccount') }),
  z.strictObject({ state: z.literal('rootSessionUnavailable'), reason: z.enum(ROOT_SESSION_UNAVAILABLE) }),
  z.strictObject({
    state: z.literal('audited'),
    /** The task policy the session was opened with (always the audit policy). */
    taskPolicyArn: z.string(),
    /** null: GetLoginProfile answered NoSuchEntity, the root user has no console password. */
    loginProfile: z.strictObject({ createDate: isoDate }).nullable(),
    accessKeys: z.array(z.strictObject({ accessKeyId: z.string(), status: z.enum(['Active', 'Inactive']), createDate: isoDate.optional() })),
    mfaDevices: z.array(z.strictObject({ serialNumber: z.string(), enableDate: isoDate.optional() })),
    signingCertificates: z.array(z.strictObject({ certificateId: z.string(), status: z.enum(['Active', 'Inactive']), uploadDate: isoDate.optional() })),
  }),
]);
export type MemberRootCredentials = z.output<typeof memberRootCredentials>;
export type MemberRootCredentialsJson = z.input<typeof memberRootCredentials>;

export const memberRootCredentialsPart = definePart({
  data: memberRootCredentials,
  // The scanning role's action; the root session's reads are ROOT_SESSION_ACTIONS.
  actions: [ASSUME_ROOT],
  // sts:AssumeRoot is no read of the account itself, and an auditor's export script has no
  // management-account session to make it with: only an organisation scan collects this part.
  exports: [],
});
