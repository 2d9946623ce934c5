import { hash } from 'node:crypto';

/**
 * SPEC §1.4: stable across runs and languages, never derived from message text or time. `checkKey`
 * is the check's permanent key (see checkKey in check.ts), so a renamed check keeps its ids.
 */
export function findingId(partition: string, accountId: string, checkKey: string, resourceArn: string): string {
  // crypto.hash is the one-shot form (Node ≥ 20.12): a third of createHash's cost per finding.
  return hash('sha256', `${partition}|${accountId}|${checkKey}|${resourceArn}`, 'hex').slice(0, 16);
}
