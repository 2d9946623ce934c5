/**
 * Requests per second a many-account scan sends per API family, shared by every account it scans.
 * STS and Organizations calls of an organisation scan all come from the management account (or the
 * hop into it), and AWS throttles them per calling account: a thousand members' worth of
 * AssumeRole and ListParents must not exhaust that account's quota for the people working in it.
 * IAM is limited too, so that the scan's total IAM traffic stays predictable (docs/decisions.md).
 * Families not named here (Account, Access Analyzer, SSO Admin) are bounded only by the
 * per-account concurrency.
 */
export const DEFAULT_RATES: Readonly<Record<string, number>> = { sts: 40, organizations: 20, iam: 400, 'account@management': 5 };

/**
 * The family of Account Management calls the management account (or a delegated administrator)
 * makes about a member with `AccountId`: a member whose own role may not read its alternate
 * contacts is read from there (src/org/member-contacts.ts). Those calls count against the calling
 * account's GetAlternateContact quota (10/s, burst 15; 3/s, burst 5 in China), which the people
 * working in that account share, so they get half of it; a member's reads of itself go to its own
 * quota and are not limited here (docs/decisions.md).
 */
export const MANAGEMENT_ACCOUNT_API = 'account@management';

/** How many calls of one family may go at once before the spacing starts (one second's worth). */
const BURST_SECONDS = 1;

export interface RateLimiter {
  /** Resolves when a call of `action`'s family (`iam:GetUser` → iam) may be sent. */
  (action: string): Promise<void>;
  /** Calls that had to wait so far, per family (the bench prints them). */
  waited: Record<string, number>;
}

/**
 * A GCRA (virtual scheduling) limiter per family: calls are spaced 1/rate apart after a burst of
 * one second's worth; a call is never refused, only delayed. The clock and the wait are
 * injectable so that tests need not sleep.
 */
export function rateLimiter(
  rates: Readonly<Record<string, number>> = DEFAULT_RATES,
  clock: { now(): number; sleep(ms: number): Promise<void> } = { now: () => performance.now(), sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) },
): RateLimiter {
  // theoretical arrival time of the next call, per family
  const tat = new Map<string, number>();
  const waited: Record<string, number> = {};
  const limit = (async (action: string) => {
    const family = action.slice(0, action.indexOf(':'));
    const rate = rates[family];
    if (rate === undefined || !(rate > 0)) return;
    const interval = 1000 / rate;
    const tolerance = interval * Math.max(0, rate * BURST_SECONDS - 1);
    const now = clock.now();
    const last = tat.get(family) ?? now;
    const start = Math.max(now, last - tolerance);
    tat.set(family, Math.max(last, now) + interval);
    if (start > now) {
      waited[family] = (waited[family] ?? 0) + 1;
      await clock.sleep(start - now);
    }
  }) as RateLimiter;
  limit.waited = waited;
  return limit;
}
