/**
 * What providers build paginators with: `Paginator.defer` (built when the first page is needed,
 * once), `Paginator.failing`, `filter`, and the envelope of each page.
 */
import { describe, expect, it } from 'vitest';
import { ResponseShapeError } from '../src/errors.js';
import { Paginator, type PageFetcher } from '../src/paginate.js';

/** A fetcher over fixed pages (cursor = page index), with an envelope per page, counting its calls. */
function pages<T>(list: T[][]) {
  const cursors: (string | undefined)[] = [];
  const fetchPage: PageFetcher<T, { page: number; total: number }> = async (cursor) => {
    cursors.push(cursor);
    const index = cursor === undefined ? 0 : Number(cursor);
    const next = index + 1 < list.length ? String(index + 1) : undefined;
    return { items: [...(list[index] ?? [])], nextCursor: next, envelope: { page: index, total: list.flat().length } };
  };
  return { fetchPage, cursors };
}

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

describe('page envelopes', () => {
  it('hands each page its envelope, through map, filter and take', async () => {
    const { fetchPage } = pages([[1, 2], [3, 4], [5]]);
    const paginator = new Paginator(fetchPage).map((n) => n * 10).filter((n) => n !== 30).take(3);
    const seen = await collect(paginator.pages());
    expect(seen.map((page) => page.items)).toEqual([[10, 20], [40]]);
    expect(seen.map((page) => page.envelope)).toEqual([{ page: 0, total: 5 }, { page: 1, total: 5 }]);
  });

  it('leaves the envelope out when the fetcher gives none', async () => {
    const [page] = await collect(Paginator.of([1]).pages());
    expect(page).not.toHaveProperty('envelope');
  });
});

describe('filter', () => {
  it('keeps the cursors of pages it empties, and goes on to the next page', async () => {
    const { fetchPage, cursors } = pages([['a', 'b'], ['c'], ['d']]);
    const kept = await new Paginator(fetchPage).filter((item) => item !== 'c').toArray({ limit: Infinity });
    expect(kept).toEqual(['a', 'b', 'd']);
    expect(cursors).toEqual([undefined, '1', '2']);
  });

  it('counts only the items that pass for take(n), and fetches no page beyond', async () => {
    const { fetchPage, cursors } = pages([[1, 2, 3], [4, 5, 6], [7, 8, 9]]);
    const even = await new Paginator(fetchPage, { prefetch: false }).filter((n) => n % 2 === 0).take(2).toArray({ limit: 10 });
    expect(even).toEqual([2, 4]);
    expect(cursors).toEqual([undefined, '1']);
  });

  it('maps only the items left by the last filter and the limit', async () => {
    const mapped: number[] = [];
    const { fetchPage } = pages([[1, 2, 3, 4]]);
    const result = await new Paginator(fetchPage)
      .filter((n) => n > 1)
      .map((n) => {
        mapped.push(n);
        return n;
      })
      .take(2)
      .toArray({ limit: 10 });
    expect(result).toEqual([2, 3]);
    expect(mapped).toEqual([2, 3]);
  });

  it('takes async predicates and type guards, and reports a throwing predicate with its page', async () => {
    const mixed = Paginator.of<string | number>(['a', 1, 'b', 2]);
    const strings: Paginator<string> = mixed.filter((item): item is string => typeof item === 'string');
    expect(await strings.toArray({ limit: 10 })).toEqual(['a', 'b']);
    expect(await mixed.filter(async (item) => typeof item === 'number').toArray({ limit: 10 })).toEqual([1, 2]);
    await expect(
      mixed.filter(() => {
        throw new Error('predicate broke');
      }).toArray({ limit: 10 }),
    ).rejects.toThrow('predicate broke');
  });
});

describe('Paginator.defer', () => {
  it('builds the paginator when the first page is needed, once, and applies take/map/filter on top', async () => {
    let builds = 0;
    const { fetchPage } = pages([[1, 2], [3, 4]]);
    const deferred = Paginator.defer(async () => {
      builds += 1;
      return new Paginator(fetchPage).map((n) => n * 2);
    });
    const view = deferred.map((n) => n + 1).filter((n) => n !== 5).take(2);
    expect(builds).toBe(0);
    expect(await view.toArray({ limit: 10 })).toEqual([3, 7]);
    expect(await deferred.toArray({ limit: 10 })).toEqual([2, 4, 6, 8]);
    expect(builds).toBe(1);
  });

  it('reports a failed build where the first page is consumed, and builds again on the next iteration', async () => {
    let builds = 0;
    const deferred = Paginator.defer(async () => {
      builds += 1;
      if (builds === 1) throw new Error('lookup failed');
      return Paginator.of(['x']);
    });
    await expect(deferred.toArray({ limit: 1 })).rejects.toThrow('lookup failed');
    expect(await deferred.toArray({ limit: 1 })).toEqual(['x']);
    expect(builds).toBe(2);
  });

  it('keeps the built paginator own take limit', async () => {
    const deferred = Paginator.defer(async () => Paginator.of([1, 2, 3, 4]).take(2));
    expect(await deferred.toArray({ limit: 10 })).toEqual([1, 2]);
    expect(await deferred.take(1).toArray({ limit: 10 })).toEqual([1]);
  });

  it('builds nothing for take(0), and stops on the caller signal while building', async () => {
    let builds = 0;
    const never = Paginator.defer<number>(() => {
      builds += 1;
      return new Promise(() => undefined);
    });
    expect(await never.take(0).toArray({ limit: 10 })).toEqual([]);
    expect(builds).toBe(0);
    const controller = new AbortController();
    const pending = never.toArray({ limit: 10, signal: controller.signal });
    controller.abort(new Error('stop'));
    await expect(pending).rejects.toThrow('stop');
  });

  it('refuses a build that resolves to something else than a paginator', async () => {
    const wrong = Paginator.defer(async () => [1, 2] as unknown as Paginator<number>);
    await expect(wrong.toArray({ limit: 10 })).rejects.toBeInstanceOf(ResponseShapeError);
  });
});

describe('Paginator.failing', () => {
  it('fails where iteration starts, not before', async () => {
    const paginator = Paginator.failing<string>(new Error('bad input'));
    await expect(paginator.toArray({ limit: 1 })).rejects.toThrow('bad input');
    await expect(collect(paginator.map((item) => item.length))).rejects.toThrow('bad input');
  });
});
