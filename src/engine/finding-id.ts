import { createHash } from 'node:crypto';

/** SPEC §1.4: stable across runs and languages, never derived from message text or time. */
export function findingId(partition: string, accountId: string, checkId: string, resourceArn: string): string {
  return createHash('sha256').update(`${partition}|${accountId}|${checkId}|${resourceArn}`).digest('hex').slice(0, 16);
}
