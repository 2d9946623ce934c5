import { SCAN_ACTIONS } from './collect.js';
import { SECURITY_HUB_ACTION } from './security-hub.js';

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
