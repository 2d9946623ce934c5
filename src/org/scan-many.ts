import { errorCode } from '../collect/collector.js';
import { msg } from '../i18n/index.js';
import { NO_PLACE, type AccountPlace, type AccountScan, type NotAssessedAccount } from '../record/record.js';
import type { AccountScanWithEvidence } from '../scan/scan-account.js';

// Many accounts, each on its own: a pool of N workers takes accounts in scope order; whatever one
// account throws (a denied AssumeRole, an expired session, a bug) makes that account "not
// assessed" with its reason and frees the worker for the next. Nothing one account does stops or
// waits for another. Each account's evidence is handed to `onEvidence` (to be saved) and then
// dropped, so memory holds the findings, not the evidence of a thousand accounts.
//
// This module loads no AWS SDK: the live jobs are built in live-scan.ts, saved-evidence jobs in
// the CLI.

/**
 * Accounts scanned at once by default. Each runs its own collection with up to 8 calls in flight,
 * so 16 accounts keep ~100 calls going: enough to scan 1,000 accounts in about two minutes at
 * 30 ms per call on 2 cores (bench/org-scan.ts), few enough that the shared per-family rate limits
 * (rate-limit.ts) rather than bursts decide what the management account sees.
 */
export const DEFAULT_CONCURRENCY = 16;
export const MAX_CONCURRENCY = 256;
/** Accounts between two full garbage collections (only in scans of more accounts than this). */
export const GC_EVERY = 32;

export interface AccountJob {
  id: string;
  partition: string | null;
  /** Name, e-mail and OU path; may take calls (an OU path is read when the account's turn comes). */
  place(): Promise<AccountPlace>;
  run(place: AccountPlace): Promise<AccountScanWithEvidence>;
}

/** What a many-account scan reports while it runs; the CLI puts it into words. */
export type ManyEvent =
  | { type: 'accounts-started'; inScope: number; concurrency: number }
  | { type: 'account-done'; account: string; assessed: boolean; done: number; inScope: number; failed: number; etaMs: number | null };

export interface ManyOptions {
  concurrency?: number;
  onEvent?: (event: ManyEvent) => void;
  /** Called with each account's evidence before it is dropped (--save-evidence DIR). */
  onEvidence?: (scan: AccountScanWithEvidence) => void | Promise<void>;
  /** A full garbage collection (full-gc.ts), made every GC_EVERY accounts of a large scan to keep its peak memory near what is alive. */
  collectGarbage?: () => void;
  now?: () => number;
}

export interface ManyResult {
  /** Assessed accounts, in scope order. */
  scans: AccountScan[];
  /** Accounts that could not be assessed (those known before plus those that failed), in scope order. */
  notAssessed: NotAssessedAccount[];
}

/** A failure the job knows the reason of (NotAssessedError from assume-role.ts, a saved file's problem). */
interface WithReason {
  code: string;
  reason: NotAssessedAccount['reason'];
}
const hasReason = (e: unknown): e is WithReason => typeof e === 'object' && e !== null && 'reason' in e && 'code' in e && typeof (e as WithReason).code === 'string';

export async function scanMany(jobs: readonly AccountJob[], known: readonly NotAssessedAccount[], options: ManyOptions = {}): Promise<ManyResult> {
  const concurrency = Math.max(1, Math.min(options.concurrency ?? DEFAULT_CONCURRENCY, MAX_CONCURRENCY));
  const now = options.now ?? (() => performance.now());
  const started = now();
  const inScope = jobs.length + known.length;
  const scans: (AccountScan | undefined)[] = new Array(jobs.length);
  const failures: (NotAssessedAccount | undefined)[] = new Array(jobs.length);
  let next = 0;
  let done = known.length;
  let failed = known.length;
  options.onEvent?.({ type: 'accounts-started', inScope, concurrency });

  const one = async (index: number) => {
    const job = jobs[index] as AccountJob;
    let place: AccountPlace = NO_PLACE;
    try {
      place = await job.place();
      const scan = await job.run(place);
      if (options.onEvidence) await options.onEvidence(scan);
      // The evidence goes no further than here.
      scans[index] = { account: scan.account, findings: scan.findings, mutelist: scan.mutelist };
    } catch (error) {
      failed++;
      failures[index] = notAssessed(job, place, error);
    }
    done++;
    if (options.collectGarbage && jobs.length > GC_EVERY && (done - known.length) % GC_EVERY === 0) options.collectGarbage();
    const elapsed = now() - started;
    const finishedHere = done - known.length;
    const etaMs = finishedHere > 0 && done < inScope ? Math.round((elapsed / finishedHere) * (inScope - done)) : done >= inScope ? 0 : null;
    options.onEvent?.({ type: 'account-done', account: job.id, assessed: scans[index] !== undefined, done, inScope, failed, etaMs });
  };
  const worker = async () => {
    while (next < jobs.length) await one(next++);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, jobs.length) }, worker));
  return {
    scans: scans.filter((s): s is AccountScan => s !== undefined),
    notAssessed: [...known, ...failures.filter((f): f is NotAssessedAccount => f !== undefined)],
  };
}

function notAssessed(job: AccountJob, place: AccountPlace, error: unknown): NotAssessedAccount {
  if (hasReason(error)) return { ...place, id: job.id, partition: job.partition, code: error.code, reason: error.reason };
  const code = errorCode(error) || 'Error';
  const detail = ((error as Error)?.message ?? String(error)).split('\n')[0]?.slice(0, 300) ?? '';
  return { ...place, id: job.id, partition: job.partition, code, reason: msg('notAssessedFailed', { code, detail }) };
}

/** An account in scope that is not scanned because of its state in the organisation. */
export function notActive(account: { id: string; partition: string; state: string }, place: AccountPlace): NotAssessedAccount {
  return { ...place, id: account.id, partition: account.partition, code: account.state, reason: msg('notAssessedState', { state: account.state }) };
}
