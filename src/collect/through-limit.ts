import type { CollectContext } from './collector.js';

/** Pages of an SDK paginator, each page request taking a slot of the shared concurrency bound. */
export async function* throughLimit<T>(ctx: CollectContext, pages: AsyncIterable<T>): AsyncGenerator<T> {
  const iterator = pages[Symbol.asyncIterator]();
  for (;;) {
    const next = await ctx.send(() => iterator.next());
    if (next.done) return;
    yield next.value;
  }
}
