import { SCAN_ACTIONS } from './collect.js';

/** The least-privilege policy a scanning role needs: exactly the actions the collectors declare. */
export function leastPrivilegePolicy(): string {
  const policy = {
    Version: '2012-10-17',
    Statement: [{ Sid: 'AwsLockdownReadOnlyScan', Effect: 'Allow', Action: SCAN_ACTIONS, Resource: '*' }],
  };
  return `${JSON.stringify(policy, null, 2)}\n`;
}
