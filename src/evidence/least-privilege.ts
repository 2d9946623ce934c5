import { SECURITY_HUB_ACTION } from '../publish/security-hub-action.js';
import { ASSUME_ROLE_ACTION, ASSUME_ROOT_ACTION, AUDIT_TASK_POLICY_NAME, ORGANIZATION_LISTING_ACTIONS, TRUSTED_ACCESS_ACTION } from '../org/actions.js';
import { IDENTITY_CALL, ORGANIZATION_PARTS, PARTS, REGIONAL_RECORDS } from './parts/index.js';

/**
 * Every IAM action a scan may call: the union of what the part modules declare, plus the caller
 * identity. Built from data, not from the collectors, so that `lockdown policy` loads no AWS SDK.
 */
export const SCAN_ACTIONS: readonly string[] = [
  ...new Set([IDENTITY_CALL.action, ...[...Object.values(PARTS), ...Object.values(REGIONAL_RECORDS)].flatMap((p) => p.actions)]),
].sort();

/**
 * What an organisation scan adds, for the role in the management account (or delegated
 * administrator) that lists the organisation and reaches each member: the listing calls, the
 * organisation parts' reads, sts:AssumeRole, and whether trusted access for Account Management is
 * on (to read a member's alternate contacts with AccountId when its own role may not;
 * account:GetAlternateContact itself is already a scan action). sts:AssumeRoot is not here: it gets a statement of
 * its own, bound to the one read-only root task policy.
 */
export const ORGANIZATION_ACTIONS: readonly string[] = [
  ...new Set([...ORGANIZATION_LISTING_ACTIONS, ASSUME_ROLE_ACTION, TRUSTED_ACCESS_ACTION, ...Object.values(ORGANIZATION_PARTS).flatMap((p) => p.actions)]),
]
  .filter((a) => a !== ASSUME_ROOT_ACTION && !SCAN_ACTIONS.includes(a))
  .sort();

/** The audit task policy in every partition: the only value sts:TaskPolicyArn may take. */
export const AUDIT_TASK_POLICY_ARNS = ['aws', 'aws-us-gov', 'aws-cn'].map((p) => `arn:${p}:iam::aws:policy/root-task/${AUDIT_TASK_POLICY_NAME}`);

/** The statements of the scan policy, for `lockdown policy` and the CloudFormation template. */
export function policyStatements(options: { securityHub?: boolean; organization?: boolean } = {}): Record<string, unknown>[] {
  const statements: Record<string, unknown>[] = [{ Sid: 'AwsLockdownReadOnlyScan', Effect: 'Allow', Action: SCAN_ACTIONS, Resource: '*' }];
  if (options.organization) {
    statements.push({ Sid: 'AwsLockdownOrganizationScan', Effect: 'Allow', Action: ORGANIZATION_ACTIONS, Resource: '*' });
    // Centralized root access: a root session in a member, only ever with the read-only audit task policy.
    statements.push({
      Sid: 'AwsLockdownMemberRootAudit',
      Effect: 'Allow',
      Action: ASSUME_ROOT_ACTION,
      Resource: '*',
      Condition: { StringEquals: { 'sts:TaskPolicyArn': AUDIT_TASK_POLICY_ARNS } },
    });
  }
  // `scan --security-hub`: the only write a scan makes, in a statement of its own and
  // only on request. Security Hub authorises it on the ProductArn the findings name: the
  // account's own default product (`product/<account>/default`) in the import region.
  if (options.securityHub) {
    statements.push({ Sid: 'AwsLockdownSecurityHubImport', Effect: 'Allow', Action: [SECURITY_HUB_ACTION], Resource: 'arn:*:securityhub:*:*:product/*/default' });
  }
  return statements;
}

/** The least-privilege policy a scanning role needs: exactly the actions the collectors declare. */
export function leastPrivilegePolicy(options: { securityHub?: boolean; organization?: boolean } = {}): string {
  const policy = { Version: '2012-10-17', Statement: policyStatements(options) };
  return `${JSON.stringify(policy, null, 2)}\n`;
}
