import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Paginator, type Page } from '../src/paginate.js';

/** Random page layouts: 0-8 pages of 0-5 items, empty pages included. Items are unique. */
const layoutArb = fc
  .array(fc.nat({ max: 5 }), { maxLength: 8 })
  .map((sizes) => {
    let next = 0;
    return sizes.map((size) => Array.from({ length: size }, () => next++));
  });

/** The number of pages a consumer of the first `n` items must fetch. */
function pagesNeeded(layout: number[][], n: number): number {
  if (n === 0) return 0;
  let count = 0;
  for (const [index, page] of layout.entries()) {
    count += page.length;
    if (count >= n) return index + 1;
  }
  return layout.length === 0 ? 1 : layout.length;
}

/** A fetcher over `layout` whose responses the fast-check scheduler releases in random interleavings. */
function scheduledFetcher(scheduler: fc.Scheduler, layout: number[][]) {
  const log = { fetched: [] as (string | undefined)[], aborted: 0 };
  const fetchPage = async (cursor: string | undefined, { signal }: { signal: AbortSignal }) => {
    log.fetched.push(cursor);
    signal.addEventListener('abort', () => (log.aborted += 1));
    const index = cursor === undefined ? 0 : Number(cursor);
    const next = index + 1;
    const page = { items: layout[index] ?? [], nextCursor: next < layout.length ? String(next) : undefined };
    return scheduler.schedule(Promise.resolve(page), `page ${index}`);
  };
  return { fetchPage, log };
}

describe('Paginator properties', () => {
  it('yields exactly the concatenation of the pages, whatever the layout and timing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.scheduler(), layoutArb, fc.boolean(), async (scheduler, layout, prefetch) => {
        const { fetchPage, log } = scheduledFetcher(scheduler, layout);
        const items: number[] = [];
        const run = (async () => {
          for await (const item of new Paginator(fetchPage, { prefetch })) items.push(item);
        })();
        await scheduler.waitFor(run);
        await run;
        expect(items).toEqual(layout.flat());
        expect(log.fetched).toHaveLength(Math.max(layout.length, 1));
        expect(new Set(log.fetched).size).toBe(log.fetched.length);
        expect(log.aborted).toBe(0);
      }),
      { numRuns: 300 },
    );
  });

  it('pages() chains cursors: each page was fetched with the previous nextCursor', async () => {
    await fc.assert(
      fc.asyncProperty(fc.scheduler(), layoutArb, async (scheduler, layout) => {
        const { fetchPage } = scheduledFetcher(scheduler, layout);
        const pages: Page<number>[] = [];
        const run = (async () => {
          for await (const page of new Paginator(fetchPage).pages()) pages.push(page);
        })();
        await scheduler.waitFor(run);
        await run;
        expect(pages.flatMap((page) => page.items)).toEqual(layout.flat());
        expect(pages[0]?.cursor).toBeUndefined();
        for (let index = 1; index < pages.length; index += 1) {
          expect(pages[index]?.cursor).toBe(pages[index - 1]?.nextCursor);
        }
        expect(pages.at(-1)?.nextCursor).toBeUndefined();
      }),
      { numRuns: 200 },
    );
  });

  it('take(n) yields the first n items and fetches only the pages it needs; a break aborts any prefetch', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.scheduler(),
        layoutArb,
        fc.nat({ max: 30 }),
        fc.option(fc.integer({ min: 1, max: 30 }), { nil: undefined }),
        async (scheduler, layout, n, breakAfter) => {
          const { fetchPage, log } = scheduledFetcher(scheduler, layout);
          const items: number[] = [];
          const run = (async () => {
            for await (const item of new Paginator(fetchPage).take(n)) {
              items.push(item);
              if (items.length === breakAfter) break;
            }
          })();
          await scheduler.waitFor(run);
          await run;
          await scheduler.waitAll(); // release any aborted prefetch: it must not surface anywhere

          const all = layout.flat();
          const wanted = Math.min(n, breakAfter ?? Infinity);
          expect(items).toEqual(all.slice(0, wanted));
          if (breakAfter === undefined || breakAfter > Math.min(n, all.length)) {
            // No break: exactly the pages needed for n items (prefetch never overshoots take(n)).
            expect(log.fetched).toHaveLength(pagesNeeded(layout, n));
            expect(log.aborted).toBe(0);
          } else {
            // A break leaves at most one page prefetched; if it did, the iteration's signal was aborted.
            const needed = pagesNeeded(layout, breakAfter);
            expect(log.fetched.length - needed).toBeGreaterThanOrEqual(0);
            expect(log.fetched.length - needed).toBeLessThanOrEqual(1);
            expect(log.aborted > 0, `fetched ${log.fetched.length}, needed ${needed}, aborted ${log.aborted}`).toBe(
              log.fetched.length > needed,
            );
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
