import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { InputError, ResponseShapeError } from '../src/errors.js';
import { Paginator, type PageFetcher } from '../src/paginate.js';

interface Deferred<T> {
  promise: Promise<T>;
  resolve: (value: T) => void;
  reject: (error: unknown) => void;
}

function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

type Result<T> = { items: T[]; nextCursor?: string | undefined };

/** A fetcher whose every call waits until the test settles it. */
function controlledFetcher<T>() {
  const calls: { cursor: string | undefined; signal: AbortSignal; result: Deferred<Result<T>> }[] = [];
  const fetchPage: PageFetcher<T> = (cursor, { signal }) => {
    const result = deferred<Result<T>>();
    calls.push({ cursor, signal, result });
    return result.promise;
  };
  const call = (index: number) => {
    const found = calls[index];
    if (!found) throw new Error(`no fetch #${index} (only ${calls.length})`);
    return found;
  };
  return { calls, call, fetchPage };
}

/** A fetcher over fixed pages (cursor = page index) that counts its calls. */
function pagedFetcher<T>(pages: T[][]) {
  const cursors: (string | undefined)[] = [];
  const fetchPage = vi.fn<PageFetcher<T>>(async (cursor) => {
    cursors.push(cursor);
    const index = cursor === undefined ? 0 : Number(cursor);
    const next = index + 1;
    return { items: pages[index] ?? [], nextCursor: next < pages.length ? String(next) : undefined };
  });
  return { fetchPage, cursors };
}

/** Lets every pending promise callback run (a macrotask turn), without measuring time. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

describe('Paginator iteration', () => {
  it('yields every item of every page in order, continuing past empty pages', async () => {
    const { fetchPage } = pagedFetcher([[1, 2], [], [3], [], [], [4, 5, 6], []]);
    expect(await collect(new Paginator(fetchPage))).toEqual([1, 2, 3, 4, 5, 6]);
    expect(fetchPage).toHaveBeenCalledTimes(7);
  });

  it('exposes each page with the cursor that fetched it and the next cursor', async () => {
    const tokens: Record<string, Result<string>> = {
      first: { items: ['a', 'b'], nextCursor: 'tok-1' },
      'tok-1': { items: ['c'], nextCursor: 'tok-2' },
      'tok-2': { items: ['d'] },
    };
    const paginator = new Paginator<string>(async (cursor) => tokens[cursor ?? 'first'] ?? { items: [] });
    expect(await collect(paginator.pages())).toEqual([
      { items: ['a', 'b'], cursor: undefined, nextCursor: 'tok-1' },
      { items: ['c'], cursor: 'tok-1', nextCursor: 'tok-2' },
      { items: ['d'], cursor: 'tok-2', nextCursor: undefined },
    ]);
  });

  it('starts from startCursor, and every iteration starts afresh', async () => {
    const { fetchPage, cursors } = pagedFetcher([[1], [2], [3]]);
    const paginator = new Paginator(fetchPage, { startCursor: '1' });
    expect(await collect(paginator)).toEqual([2, 3]);
    expect(await collect(paginator)).toEqual([2, 3]);
    expect((await collect(paginator.pages())).map((page) => page.cursor)).toEqual(['1', '2']);
    expect(cursors).toEqual(['1', '2', '1', '2', '1', '2']);
  });

  it('hands out items in order to overlapping next() calls, across page boundaries', async () => {
    const iterator = Paginator.fromPages([[1, 2], [], [3], [4, 5]])[Symbol.asyncIterator]();
    const results = await Promise.all(Array.from({ length: 7 }, () => iterator.next()));
    expect(results.map((result) => (result.done ? 'done' : result.value))).toEqual([1, 2, 3, 4, 5, 'done', 'done']);
  });

  it('keeps the order when a next() call is made while an earlier one still waits for its page', async () => {
    const iterator = Paginator.fromPages([[1, 2, 3]])[Symbol.asyncIterator]();
    const first = iterator.next();
    const second = iterator.next();
    const third = first.then(() => iterator.next()); // asked after `second`, so it must get a later item
    const values = (await Promise.all([first, second, third])).map((result) => result.value);
    expect(values).toEqual([1, 2, 3]);
  });

  it('treats a null nextCursor as the last page', async () => {
    const paginator = new Paginator<number>(async () => ({ items: [1], nextCursor: null as unknown as undefined }));
    expect(await collect(paginator)).toEqual([1]);
  });

  it('rejects a fetcher result without an items array as a ResponseShapeError', async () => {
    const paginator = new Paginator<number>(async () => ({ results: [1] }) as unknown as Result<number>);
    await expect(collect(paginator)).rejects.toBeInstanceOf(ResponseShapeError);
  });

  it('rejects a non-function fetcher with an InputError naming fetchPage', () => {
    expect(() => new Paginator(42 as unknown as PageFetcher<number>)).toThrow(
      expect.objectContaining({ name: 'InputError', field: 'fetchPage' }),
    );
  });
});

describe('Paginator prefetch', () => {
  it('starts fetching page N+1 as soon as page N is handed out, before the consumer is done with it', async () => {
    const { calls, call, fetchPage } = controlledFetcher<number>();
    const iterator = new Paginator(fetchPage)[Symbol.asyncIterator]();

    const first = iterator.next();
    await settle();
    expect(calls).toHaveLength(1);
    call(0).result.resolve({ items: [1, 2], nextCursor: 'p2' });
    expect(await first).toEqual({ value: 1, done: false });

    // The consumer holds item 1 of page 1 and has not asked for item 2: page 2 is already on its way.
    expect(calls).toHaveLength(2);
    expect(call(1).cursor).toBe('p2');
    expect(call(1).signal.aborted).toBe(false);

    expect(await iterator.next()).toEqual({ value: 2, done: false });
    const third = iterator.next();
    call(1).result.resolve({ items: [3] });
    expect(await third).toEqual({ value: 3, done: false });
    expect(await iterator.next()).toEqual({ value: undefined, done: true });
    expect(calls).toHaveLength(2);
  });

  it('with prefetch: false, fetches page N+1 only when the consumer asks past page N', async () => {
    const { calls, call, fetchPage } = controlledFetcher<number>();
    const iterator = new Paginator(fetchPage, { prefetch: false })[Symbol.asyncIterator]();
    const first = iterator.next();
    await settle();
    call(0).result.resolve({ items: [1], nextCursor: 'p2' });
    expect(await first).toEqual({ value: 1, done: false });
    await settle();
    expect(calls).toHaveLength(1);
    const second = iterator.next();
    await settle();
    expect(calls).toHaveLength(2);
    call(1).result.resolve({ items: [2] });
    expect(await second).toEqual({ value: 2, done: false });
  });
});

describe('Paginator early stop', () => {
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  beforeEach(() => {
    unhandled.length = 0;
    process.on('unhandledRejection', onUnhandled);
  });
  afterEach(() => {
    process.off('unhandledRejection', onUnhandled);
  });

  it('aborts the in-flight prefetch on break, and its later failure is no unhandled rejection', async () => {
    const { calls, call, fetchPage } = controlledFetcher<number>();
    const consumed: number[] = [];
    const loop = (async () => {
      for await (const item of new Paginator(fetchPage)) {
        consumed.push(item);
        break;
      }
    })();
    await settle();
    call(0).result.resolve({ items: [1, 2], nextCursor: 'p2' });
    await loop;
    expect(consumed).toEqual([1]);
    expect(calls).toHaveLength(2);
    expect(call(1).signal.aborted).toBe(true);
    expect(call(0).signal.aborted).toBe(true); // one signal per iteration

    call(1).result.reject(new Error('aborted by the caller'));
    await settle();
    await settle();
    expect(unhandled).toEqual([]);
  });

  it('leaves no unhandled rejection when the prefetch fails before the consumer stops', async () => {
    const { call, fetchPage } = controlledFetcher<number>();
    const iterator = new Paginator(fetchPage)[Symbol.asyncIterator]();
    const first = iterator.next();
    await settle();
    call(0).result.resolve({ items: [1, 2], nextCursor: 'p2' });
    await first;
    call(1).result.reject(new Error('page 2 failed'));
    await settle();
    await settle();
    expect(await iterator.return?.()).toEqual({ value: undefined, done: true });
    await settle();
    expect(unhandled).toEqual([]);
  });

  it('aborts the prefetch when pages() is closed with return()', async () => {
    const { call, fetchPage } = controlledFetcher<number>();
    const pages = new Paginator(fetchPage).pages();
    const first = pages.next();
    await settle();
    call(0).result.resolve({ items: [1], nextCursor: 'p2' });
    await first;
    await pages.return?.(undefined);
    expect(call(1).signal.aborted).toBe(true);
    expect(await pages.next()).toEqual({ value: undefined, done: true });
  });

  it('does not abort anything when iteration ends normally', async () => {
    const { call, fetchPage } = controlledFetcher<number>();
    const result = collect(new Paginator(fetchPage));
    await settle();
    call(0).result.resolve({ items: [1] });
    expect(await result).toEqual([1]);
    expect(call(0).signal.aborted).toBe(false);
  });
});

describe('Paginator repeated cursor', () => {
  it('stops when the provider returns the same cursor forever', async () => {
    const fetchPage = vi.fn<PageFetcher<number>>(async (cursor) => ({ items: [cursor === undefined ? 1 : 2], nextCursor: 'same' }));
    const paginator = new Paginator(fetchPage);
    expect(await collect(paginator)).toEqual([1, 2]);
    expect(fetchPage).toHaveBeenCalledTimes(2);
    const pages = await collect(paginator.pages());
    expect(pages.at(-1)?.nextCursor).toBe('same'); // not undefined: the iteration did not end cleanly
  });

  it('stops on a cycle through several cursors, and on a repeat of the start cursor', async () => {
    const cycle: Record<string, string> = { a: 'b', b: 'c', c: 'a' };
    const fetchPage = vi.fn<PageFetcher<string>>(async (cursor) => ({ items: [cursor ?? '-'], nextCursor: cycle[cursor ?? 'c'] }));
    expect(await collect(new Paginator(fetchPage))).toEqual(['-', 'a', 'b', 'c']);
    expect(await collect(new Paginator(fetchPage, { startCursor: 'b' }))).toEqual(['b', 'c', 'a']);
  });

  it("reports the repeat to a callback, or throws a ResponseShapeError with 'throw'", async () => {
    const fetchPage: PageFetcher<number> = async () => ({ items: [7], nextCursor: 'x' });
    const events: unknown[] = [];
    expect(await collect(new Paginator(fetchPage, { onRepeatedCursor: (event) => events.push(event) }))).toEqual([7, 7]);
    expect(events).toEqual([{ cursor: 'x', pages: 2 }]);

    const seen: number[] = [];
    const strict = (async () => {
      for await (const item of new Paginator(fetchPage, { onRepeatedCursor: 'throw' })) seen.push(item);
    })();
    await expect(strict).rejects.toBeInstanceOf(ResponseShapeError);
    expect(seen).toEqual([7, 7]); // the items before the repeat were delivered first
  });

  it('does not react to a repeat the consumer never reached', async () => {
    const onRepeatedCursor = vi.fn();
    const paginator = new Paginator<number>(async () => ({ items: [1, 2], nextCursor: 'x' }), { onRepeatedCursor });
    expect(await paginator.take(3).toArray({ limit: 10 })).toEqual([1, 2, 1]);
    expect(onRepeatedCursor).not.toHaveBeenCalled();
  });
});

describe('Paginator take and toArray', () => {
  it('take(n) fetches no page beyond the one holding the nth item', async () => {
    const { fetchPage, cursors } = pagedFetcher([[1, 2, 3], [4, 5, 6], [7]]);
    const paginator = new Paginator(fetchPage);
    expect(await collect(paginator.take(3))).toEqual([1, 2, 3]);
    expect(cursors).toEqual([undefined]);
    cursors.length = 0;
    expect(await collect(paginator.take(4))).toEqual([1, 2, 3, 4]);
    expect(cursors).toEqual([undefined, '1']);
    cursors.length = 0;
    expect(await collect(paginator.take(0))).toEqual([]);
    expect(cursors).toEqual([]);
    expect(await collect(paginator.take(5).take(2))).toEqual([1, 2]);
    expect(await collect(paginator.take(2).take(5))).toEqual([1, 2]);
  });

  it('take(n) cuts the last page short in pages() too', async () => {
    const pages = await collect(Paginator.of([1, 2, 3, 4], { pageSize: 3 }).take(4).pages());
    expect(pages.map((page) => page.items)).toEqual([[1, 2, 3], [4]]);
  });

  it('toArray returns at most limit items and fetches only what it needs', async () => {
    const { fetchPage, cursors } = pagedFetcher([[1, 2], [3, 4], [5]]);
    const paginator = new Paginator(fetchPage);
    expect(await paginator.toArray({ limit: 3 })).toEqual([1, 2, 3]);
    expect(cursors).toEqual([undefined, '1']);
    expect(await paginator.toArray({ limit: Infinity })).toEqual([1, 2, 3, 4, 5]);
    expect(await paginator.toArray({ limit: 0 })).toEqual([]);
  });

  it.each([-1, 1.5, Number.NaN, '3', undefined, -Infinity])('rejects limit %s with an InputError naming limit', async (limit) => {
    const fetchPage = vi.fn<PageFetcher<number>>(async () => ({ items: [1] }));
    const error = await new Paginator(fetchPage).toArray({ limit: limit as number }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).field).toBe('limit');
    expect(fetchPage).not.toHaveBeenCalled();
  });

  it('rejects toArray() without options, and take(n) with a bad n', async () => {
    const paginator = Paginator.of([1]);
    await expect((paginator.toArray as unknown as () => Promise<number[]>)()).rejects.toMatchObject({ field: 'limit' });
    expect(() => paginator.take(-2)).toThrow(expect.objectContaining({ name: 'InputError', field: 'n' }));
    expect(() => paginator.take(0.5)).toThrow(InputError);
  });
});

describe('Paginator errors', () => {
  it('delivers the pages before a failing one, then the error, where that page would be consumed', async () => {
    const failure = new Error('page 2 failed');
    const fetchPage: PageFetcher<number> = async (cursor) => {
      if (cursor === undefined) return { items: [1, 2], nextCursor: 'p2' };
      throw failure;
    };
    const seen: number[] = [];
    const run = (async () => {
      for await (const item of new Paginator(fetchPage)) seen.push(item);
    })();
    await expect(run).rejects.toBe(failure);
    expect(seen).toEqual([1, 2]);
  });

  it('propagates a synchronous throw from the fetcher, and ends the iteration', async () => {
    const failure = new Error('boom');
    const paginator = new Paginator<number>(() => {
      throw failure;
    });
    const iterator = paginator[Symbol.asyncIterator]();
    await expect(iterator.next()).rejects.toBe(failure);
    expect(await iterator.next()).toEqual({ value: undefined, done: true });
  });
});

describe('Paginator map', () => {
  it('maps items with sync and async functions, keeping order', async () => {
    const paginator = Paginator.of([1, 2, 3, 4, 5], { pageSize: 2 })
      .map((n) => n * 10)
      .map(async (n) => {
        await settle();
        return `#${n}`;
      });
    expect(await paginator.toArray({ limit: Infinity })).toEqual(['#10', '#20', '#30', '#40', '#50']);
  });

  it('maps only the items that take(n) delivers, whichever comes first', async () => {
    const mapper = vi.fn((n: number) => n + 1);
    expect(await Paginator.of([1, 2, 3, 4], { pageSize: 4 }).take(2).map(mapper).toArray({ limit: 10 })).toEqual([2, 3]);
    expect(mapper).toHaveBeenCalledTimes(2);
    mapper.mockClear();
    expect(await Paginator.of([1, 2, 3, 4], { pageSize: 4 }).map(mapper).take(1).toArray({ limit: 10 })).toEqual([2]);
    expect(mapper).toHaveBeenCalledTimes(1);
  });

  it('reports a mapping error with the page it belongs to', async () => {
    const failure = new Error('cannot map 3');
    const paginator = Paginator.of([1, 2, 3], { pageSize: 2 }).map((n) => {
      if (n === 3) throw failure;
      return n;
    });
    const seen: number[] = [];
    await expect(
      (async () => {
        for await (const item of paginator) seen.push(item);
      })(),
    ).rejects.toBe(failure);
    expect(seen).toEqual([1, 2]);
  });
});

describe('Paginator map, unhandled rejections', () => {
  let unhandled: unknown[];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  beforeEach(() => {
    unhandled = [];
    process.on('unhandledRejection', onUnhandled);
  });
  afterEach(() => {
    process.off('unhandledRejection', onUnhandled);
  });

  it('leaves no rejection unhandled when the mapper throws after returning rejected promises', async () => {
    const thrown = new Error('sync failure on 3');
    const paginator = Paginator.of([1, 2, 3]).map((n) => {
      if (n === 3) throw thrown;
      return Promise.reject(new Error(`async failure on ${n}`));
    });
    await expect(paginator.toArray({ limit: 10 })).rejects.toBe(thrown);
    await settle();
    await settle();
    expect(unhandled).toEqual([]);
  });
});

describe('Paginator.of and fromPages', () => {
  it('splits a list into pages of pageSize', async () => {
    const pages = await collect(Paginator.of(['a', 'b', 'c'], { pageSize: 2 }).pages());
    expect(pages).toEqual([
      { items: ['a', 'b'], cursor: undefined, nextCursor: '2' },
      { items: ['c'], cursor: '2', nextCursor: undefined },
    ]);
    expect(await collect(Paginator.of([]).pages())).toEqual([{ items: [], cursor: undefined, nextCursor: undefined }]);
    expect(() => Paginator.of([1], { pageSize: 0 })).toThrow(expect.objectContaining({ field: 'pageSize' }));
  });

  it('keeps the given page layout, empty pages included', async () => {
    const pages = await collect(Paginator.fromPages([[1], [], [2, 3]]).pages());
    expect(pages.map((page) => page.items)).toEqual([[1], [], [2, 3]]);
  });
});

describe('Paginator cancellation by signal', () => {
  it('rejects toArray with the reason when the signal aborts during a fetch that ignores it', async () => {
    const never: PageFetcher<number> = () => new Promise(() => {});
    const controller = new AbortController();
    const reason = new Error('user cancelled');
    const pending = new Paginator(never).toArray({ limit: 10, signal: controller.signal });
    controller.abort(reason);
    await expect(pending).rejects.toBe(reason);
  });

  it('passes the abort on to the fetcher, including a prefetch in flight', async () => {
    const signals: AbortSignal[] = [];
    const controller = new AbortController();
    const fetcher: PageFetcher<number> = async (cursor, { signal }) => {
      signals.push(signal);
      if (cursor === undefined) return { items: [1], nextCursor: 'a' };
      return new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason)));
    };
    const pages = new Paginator(fetcher).pages({ signal: controller.signal });
    expect((await pages.next()).value?.items).toEqual([1]);
    const second = pages.next();
    controller.abort('stop');
    await expect(second).rejects.toBe('stop');
    expect(signals.every((signal) => signal.aborted)).toBe(true);
  });

  it('fetches nothing when the signal is already aborted', async () => {
    let calls = 0;
    const fetcher: PageFetcher<number> = async () => {
      calls++;
      return { items: [1] };
    };
    await expect(new Paginator(fetcher).toArray({ limit: 5, signal: AbortSignal.abort('early') })).rejects.toBe('early');
    expect(calls).toBe(0);
  });

  it('leaves no listener behind on a signal that outlives the iteration', async () => {
    const controller = new AbortController();
    const added = vi.spyOn(controller.signal, 'addEventListener');
    const removed = vi.spyOn(controller.signal, 'removeEventListener');
    await Paginator.of([1, 2, 3], { pageSize: 1 }).toArray({ limit: Infinity, signal: controller.signal });
    expect(removed).toHaveBeenCalledTimes(added.mock.calls.length);
  });
});
