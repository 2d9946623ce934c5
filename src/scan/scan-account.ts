import type { AwsSession, CollectOptions } from '../collect/live.js';
import type { Config } from '../config/config.js';
import type { Mutelist } from '../config/mutelist.js';
import type { Check } from '../engine/check.js';
import { evaluate } from '../engine/evaluate.js';
import { applyMutelist } from '../engine/mutelist.js';
import type { Evidence } from '../evidence/schema.js';
import { accountRecord, NO_PLACE, type AccountPlace, type AccountScan } from '../record/record.js';
import type { ScanEvent } from './events.js';

// The scan service: one account in, one neutral account result out. It reads no argv, env,
// stdout or language; credentials come in a session made by whoever calls it (the CLI from a
// profile, an organisation scan from an assumed role), so it serves the CLI and a server alike.

export interface ScanOptions {
  /** The checks to run. */
  checks: readonly Check[];
  config: Config;
  mutelist?: Mutelist;
  /** Former ids of each check, for mutelist rules written before a rename. */
  aliases?: ReadonlyMap<string, string[]>;
  /** When mutelist expiry dates are judged (default: now). */
  now?: Date;
  onEvent?: (event: ScanEvent) => void;
  /** The account's name, e-mail and place in an organisation, when the caller knows them. */
  place?: AccountPlace;
  /** Tuning for live collection (concurrency, timeouts; tests make waits instant). */
  collect?: Omit<CollectOptions, 'progress'>;
}

export interface AccountScanWithEvidence extends AccountScan {
  /** What was read: for --save-evidence, and for a store that keeps it. */
  evidence: Evidence;
}

/** Reads one account through an AWS session and judges it. */
export async function scanAccount(session: AwsSession, options: ScanOptions): Promise<AccountScanWithEvidence> {
  // The AWS SDK loads only here, when a live call is made (start-up stays instant otherwise).
  const live = await import('../collect/live.js');
  const evidence = await live.collectEvidence(session, { ...options.collect, progress: options.onEvent });
  return assessEvidence(evidence, options);
}

/** Judges evidence already read (saved evidence, an export folder, the demo). */
export function assessEvidence(evidence: Evidence, options: ScanOptions): AccountScanWithEvidence {
  options.onEvent?.({ type: 'evaluating', checks: options.checks.length, account: evidence.account.id });
  const findings = evaluate(evidence, options.checks, { config: options.config });
  const mutelist = options.mutelist ? applyMutelist(findings, options.mutelist, options.now ?? new Date(), options.aliases ?? new Map()) : null;
  return { account: accountRecord(evidence, options.place ?? NO_PLACE), findings, mutelist, evidence };
}
