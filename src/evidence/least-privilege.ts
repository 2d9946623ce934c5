import { SECURITY_HUB_ACTION } from '../publish/security-hub-action.js';
import { IDENTITY_CALL, PARTS, REGIONAL_RECORDS } from './parts/index.js';

/**
 * Every IAM action a scan may call: the union of what the part modules declare, plus the caller
 * identity. Built from data, not from the collectors, so that `lockdown policy` loads no AWS SDK.
 */
export const SCAN_ACTIONS: readonly string[] = [
  ...new Set([IDENTITY_CALL.action, ...[...Object.values(PARTS), ...Object.values(REGIONAL_RECORDS)].flatMap((p) => p.actions)]),
].sort();

/** The least-privilege policy a scanning role needs: exactly the actions the collectors declare. */
export function leastPrivilegePolicy(options: { securityHub?: boolean } = {}): string {
  const statements: Record<string, unknown>[] = [{ Sid: 'AwsLockdownReadOnlyScan', Effect: 'Allow', Action: SCAN_ACTIONS, Resource: '*' }];
  // `scan --security-hub`: the only write a scan makes, in a statement of its own and
  // only on request. Security Hub authorises it on the ProductArn the findings name: the
  // account's own default product (`product/<account>/default`) in the import region.
  if (options.securityHub) {
    statements.push({ Sid: 'AwsLockdownSecurityHubImport', Effect: 'Allow', Action: [SECURITY_HUB_ACTION], Resource: 'arn:*:securityhub:*:*:product/*/default' });
  }
  const policy = { Version: '2012-10-17', Statement: statements };
  return `${JSON.stringify(policy, null, 2)}\n`;
}
