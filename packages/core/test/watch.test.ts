import { afterEach, describe, expect, it, vi } from 'vitest';
import { InputError } from '../src/errors.js';
import { createChangeFeed, type ChangeFeedSource, type ChangesOptions, type ChangesResult } from '../src/changes.js';
import { DEFAULT_WATCH_BATCH_SIZE, MAX_WATCH_BATCH_SIZE, MAX_WATCH_INTERVAL_MS, watchChanges } from '../src/watch.js';

/**
 * A changes() function that answers from a script and records what it was asked. Once the script is
 * used up, a call stays pending until its signal aborts, like a request to a quiet service.
 */
function scripted(results: ChangesResult<string>[]) {
  const calls: ChangesOptions[] = [];
  const changes = vi.fn(async (options: ChangesOptions): Promise<ChangesResult<string>> => {
    calls.push(options);
    const next = results.shift();
    if (next) return next;
    return new Promise((_resolve, reject) => {
      options.signal?.addEventListener('abort', () => reject(options.signal?.reason));
    });
  });
  return { changes, calls };
}

const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

afterEach(() => {
  vi.useRealTimers();
});

describe('watchChanges', () => {
  it('yields in order, polls again at once when cut short, sleeps when caught up, and reports cursors after their tickets', async () => {
    vi.useFakeTimers();
    const log: string[] = [];
    const { changes, calls } = scripted([
      { tickets: ['A', 'B'], cursor: 'c1', hasMore: true },
      { tickets: ['C'], cursor: 'c2', hasMore: false },
      { tickets: ['D'], cursor: 'c3', hasMore: false },
    ]);
    const iterator = watchChanges(changes, {
      since: '2026-01-01T00:00:00Z',
      intervalMs: 10_000,
      onCursor: (cursor) => log.push(`cursor ${cursor}`),
    })[Symbol.asyncIterator]();

    const take = async () => {
      const result = await iterator.next();
      log.push(`got ${String(result.value)}`);
    };
    await take();
    await take();
    expect(log).toEqual(['got A', 'got B']); // c1 not reported while B may still be in the consumer's hands
    await take();
    expect(log).toEqual(['got A', 'got B', 'cursor c1', 'got C']);
    expect(calls).toEqual([
      { cursor: undefined, since: '2026-01-01T00:00:00Z', limit: DEFAULT_WATCH_BATCH_SIZE, signal: undefined },
      { cursor: 'c1', since: undefined, limit: DEFAULT_WATCH_BATCH_SIZE, signal: undefined },
    ]);

    const fourth = take();
    await vi.advanceTimersByTimeAsync(9_999);
    expect(log).toEqual(['got A', 'got B', 'cursor c1', 'got C', 'cursor c2']);
    expect(changes).toHaveBeenCalledTimes(2); // still sleeping
    await vi.advanceTimersByTimeAsync(1);
    await fourth;
    expect(changes).toHaveBeenCalledTimes(3);
    expect(log.at(-1)).toBe('got D');
    await iterator.return?.();
  });

  it('stops cleanly when aborted during the sleep between polls', async () => {
    const controller = new AbortController();
    const { changes } = scripted([{ tickets: ['A', 'B'], cursor: 'c1', hasMore: false }]);
    const onCursor = vi.fn();
    const got: string[] = [];
    const loop = (async () => {
      for await (const ticket of watchChanges(changes, { intervalMs: 3_600_000, signal: controller.signal, onCursor })) {
        got.push(ticket);
      }
    })();
    await settle();
    await settle();
    expect(got).toEqual(['A', 'B']);
    expect(onCursor).toHaveBeenCalledWith('c1');
    controller.abort();
    await loop; // would time out if the hour-long sleep were not interrupted
    expect(changes).toHaveBeenCalledTimes(1);
  });

  it('stops cleanly when aborted during a poll', async () => {
    const controller = new AbortController();
    const changes = vi.fn(
      (options: ChangesOptions) =>
        new Promise<ChangesResult<string>>((_resolve, reject) => {
          options.signal?.addEventListener('abort', () => reject(options.signal?.reason));
        }),
    );
    const loop = (async () => {
      for await (const _ticket of watchChanges(changes, { signal: controller.signal })) {
        throw new Error('nothing to yield');
      }
    })();
    await settle();
    expect(changes).toHaveBeenCalledTimes(1);
    controller.abort();
    await expect(loop).resolves.toBeUndefined();
  });

  it('stops in the middle of a batch without reporting its cursor, so a resume yields the rest again', async () => {
    const controller = new AbortController();
    const { changes } = scripted([{ tickets: ['A', 'B', 'C'], cursor: 'c1', hasMore: false }]);
    const onCursor = vi.fn();
    const got: string[] = [];
    for await (const ticket of watchChanges(changes, { signal: controller.signal, onCursor, cursor: 'c0' })) {
      got.push(ticket);
      controller.abort();
    }
    expect(got).toEqual(['A']);
    expect(onCursor).not.toHaveBeenCalled();
  });

  it('does not start at all when the signal is already aborted', async () => {
    const { changes } = scripted([{ tickets: ['A'], cursor: 'c1', hasMore: false }]);
    const got: string[] = [];
    for await (const ticket of watchChanges(changes, { signal: AbortSignal.abort() })) got.push(ticket);
    expect(got).toEqual([]);
    expect(changes).not.toHaveBeenCalled();
  });

  it('ends with the error of a failed poll', async () => {
    const failure = new Error('service down');
    const changes = vi.fn(async () => {
      throw failure;
    });
    const loop = (async () => {
      for await (const _ticket of watchChanges(changes, {})) break;
    })();
    await expect(loop).rejects.toBe(failure);
  });

  it.each([
    [{ intervalMs: -1 }, 'intervalMs'],
    [{ intervalMs: Number.NaN }, 'intervalMs'],
    [{ limit: 0 }, 'limit'],
    [{ limit: Number.POSITIVE_INFINITY }, 'limit'],
    [{ onCursor: 'save' }, 'onCursor'],
    [{ intervalMs: 2 ** 31 }, 'intervalMs'],
    [{ intervalMs: MAX_WATCH_INTERVAL_MS + 1 }, 'intervalMs'],
    [{ intervalMs: '1000' }, 'intervalMs'],
    [{ limit: MAX_WATCH_BATCH_SIZE + 1 }, 'limit'],
    [{ signal: 'abort' }, 'signal'],
    [{ signal: { aborted: false } }, 'signal'],
    [{ interval: 1_000 }, 'interval'],
    [{ sinc: new Date() }, 'sinc'],
  ])('rejects %o at once with an InputError naming %s', (options, field) => {
    const { changes } = scripted([]);
    expect(() => watchChanges(changes, options as never, { provider: 'ivanti' })).toThrow(expect.objectContaining({ name: 'InputError', field, provider: 'ivanti' }));
    expect(changes).not.toHaveBeenCalled();
  });

  it('accepts the longest interval (one day) and leaves a key set to undefined alone', () => {
    const { changes } = scripted([]);
    expect(() => watchChanges(changes, { intervalMs: MAX_WATCH_INTERVAL_MS, interval: undefined } as never)).not.toThrow();
  });
});

describe('createChangeFeed().watch', () => {
  interface Rec {
    id: string;
    updatedAt: string;
  }

  /** An in-memory provider; more than 20 queries means watch() is spinning instead of sleeping. */
  function memorySource() {
    const current = new Map<string, Rec>();
    let queries = 0;
    const source: ChangeFeedSource<Rec> = {
      fetchUpdatedSince: (since) => {
        queries += 1;
        if (queries > 20) throw new Error('polled too often: watch() does not sleep between polls');
        return (async function* () {
          yield* [...current.values()].filter((record) => Date.parse(record.updatedAt) >= since.getTime());
        })();
      },
    };
    return { source, put: (id: string, updatedAt: string) => current.set(id, { id, updatedAt }) };
  }

  it('yields each version once across polls, and its last reported cursor resumes exactly', async () => {
    vi.useFakeTimers();
    const { source, put } = memorySource();
    put('a', '2026-03-02T10:00:00Z');
    put('b', '2026-03-02T10:00:00Z');
    put('c', '2026-03-02T10:00:01Z');
    const feed = createChangeFeed(source, { now: () => new Date('2026-03-02T10:01:00Z') });
    const controller = new AbortController();
    const cursors: string[] = [];
    const iterator = feed
      .watch({ since: '2026-03-02T09:00:00Z', limit: 2, intervalMs: 1_000, signal: controller.signal, onCursor: (c) => cursors.push(c) })
      [Symbol.asyncIterator]();

    const got: string[] = [];
    for (let index = 0; index < 3; index += 1) {
      const { value } = await iterator.next();
      got.push(`${value?.id}@${value?.updatedAt.slice(11, 19)}`);
    }
    expect(got).toEqual(['a@10:00:00', 'b@10:00:00', 'c@10:00:01']);

    const fourth = iterator.next();
    put('a', '2026-03-02T10:00:30Z');
    await vi.advanceTimersByTimeAsync(1_000);
    expect((await fourth).value).toEqual({ id: 'a', updatedAt: '2026-03-02T10:00:30Z' });

    const fifth = iterator.next();
    await vi.advanceTimersByTimeAsync(0);
    controller.abort();
    expect(await fifth).toEqual({ value: undefined, done: true });
    expect(cursors).toHaveLength(3);
    const resumed = await feed.changes({ cursor: cursors.at(-1) });
    expect(resumed.tickets).toEqual([]);
  });

  it('rejects a bad since or cursor at once', () => {
    const { source } = memorySource();
    const feed = createChangeFeed(source);
    expect(() => feed.watch({ since: 'last tuesday' })).toThrow(expect.objectContaining({ field: 'since' }));
    expect(() => feed.watch({ cursor: '' })).toThrow(InputError);
  });
});
