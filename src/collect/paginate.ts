import type { CollectContext } from './collector.js';

/** A paginated call that was stopped; `failed()` records `Code` as the part's error code. */
export class PaginationError extends Error {
  constructor(
    readonly Code: 'PaginationLoop' | 'TooManyPages',
    message: string,
  ) {
    super(message);
    this.name = Code;
  }
}

// IAM calls it Marker, most services NextToken, Access Analyzer nextToken.
const tokenOf = (page: unknown): string | undefined => {
  const p = page as { Marker?: string; NextToken?: string; nextToken?: string };
  return p.Marker ?? p.NextToken ?? p.nextToken;
};

/**
 * Pages of an SDK paginator, each page request taking a slot of the shared concurrency bound.
 * The SDK's paginators ask again for as long as a token comes back, so an endpoint that hands out
 * a token it gave before would make a scan loop for ever: a token seen before stops the call
 * (`PaginationLoop`), and so does a page beyond `maxPages` (`TooManyPages`), a cap set per call,
 * far above what AWS's own quotas allow (issue 11 item 8). Either way the part becomes ERROR.
 */
export async function* paginate<T>(ctx: CollectContext, pages: AsyncIterable<T>, maxPages: number): AsyncGenerator<T> {
  const iterator = pages[Symbol.asyncIterator]();
  const seen = new Set<string>();
  try {
    for (let count = 1; ; count++) {
      const next = await ctx.send(() => iterator.next());
      if (next.done) return;
      yield next.value;
      const token = tokenOf(next.value);
      if (token === undefined) continue;
      if (seen.has(token)) throw new PaginationError('PaginationLoop', `the same pagination token came back after page ${count}; stopped instead of asking again`);
      if (count >= maxPages) throw new PaginationError('TooManyPages', `more than ${maxPages} pages, more than AWS's quotas allow for this call; stopped`);
      seen.add(token);
    }
  } finally {
    await iterator.return?.();
  }
}
