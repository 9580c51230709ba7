import { describe, expect, it, vi } from 'vitest';
import { InputError, ResponseShapeError } from '../src/errors.js';
import { createChangeFeed, type ChangeFeedSource } from '../src/changes.js';

interface Rec {
  id: string;
  updatedAt: string;
}

const T = (time: string) => `2026-03-02T${time}Z`;
const ids = (records: Rec[]) => records.map((record) => `${record.id}@${record.updatedAt.slice(11, 19)}`);

/**
 * An in-memory provider holding the current version of each record. `ascending` sorts by updatedAt
 * only (ties stay in insertion order); `minutePrecision` truncates `since` to the minute, like JQL.
 */
function memory(options: { ascending?: boolean; minutePrecision?: boolean } = {}) {
  const current = new Map<string, Rec>();
  const queries: Date[] = [];
  let pulled = 0;
  const source: ChangeFeedSource<Rec> = {
    ascending: options.ascending,
    fetchUpdatedSince(since, { signal }) {
      signal?.throwIfAborted();
      queries.push(since);
      const from = options.minutePrecision ? Math.floor(since.getTime() / 60_000) * 60_000 : since.getTime();
      const rows = [...current.values()].filter((record) => Date.parse(record.updatedAt) >= from);
      if (options.ascending) rows.sort((a, b) => Date.parse(a.updatedAt) - Date.parse(b.updatedAt));
      return (async function* () {
        for (const row of rows) {
          pulled += 1;
          yield row;
        }
      })();
    },
  };
  const put = (id: string, updatedAt: string) => current.set(id, { id, updatedAt });
  return { source, put, queries, pulled: () => pulled };
}

async function errorOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => error,
  );
}

describe('changes(): since and cursor', () => {
  it('returns every version updated at or after since, sorted by updatedAt then id', async () => {
    const { source, put } = memory();
    put('b', T('10:00:05'));
    put('a', T('10:00:05'));
    put('c', T('09:59:59'));
    put('d', T('09:00:00'));
    const result = await createChangeFeed(source).changes({ since: T('09:59:59') });
    expect(ids(result.tickets)).toEqual(['c@09:59:59', 'a@10:00:05', 'b@10:00:05']);
    expect(result.hasMore).toBe(false);
    expect(result.cursor).toMatch(/^cf1\.[A-Za-z0-9_-]+$/);
  });

  it('resumes from the cursor with only what is new, also in a new feed instance', async () => {
    const { source, put } = memory();
    put('a', T('10:00:00'));
    const first = await createChangeFeed(source).changes({ since: T('09:00:00') });
    expect(ids(first.tickets)).toEqual(['a@10:00:00']);

    const unchanged = await createChangeFeed(source).changes({ cursor: first.cursor });
    expect(unchanged.tickets).toEqual([]);

    put('b', T('10:01:00'));
    put('a', T('10:02:00')); // a newer version of a: a new change
    const next = await createChangeFeed(source).changes({ cursor: unchanged.cursor, since: T('09:00:00') });
    expect(ids(next.tickets)).toEqual(['b@10:01:00', 'a@10:02:00']);
    expect((await createChangeFeed(source).changes({ cursor: next.cursor })).tickets).toEqual([]);
  });

  it('does not return a version again when the provider renders the same instant differently', async () => {
    const { source, put } = memory();
    put('a', '2026-03-02T10:00:00.000Z');
    const feed = createChangeFeed(source);
    const first = await feed.changes({ since: T('09:00:00') });
    put('a', '2026-03-02T12:00:00.000+02:00');
    expect((await feed.changes({ cursor: first.cursor })).tickets).toEqual([]);
  });

  it('ignores the extra older records of a minute-precision query, and repeats nothing', async () => {
    const { source, put, queries } = memory({ minutePrecision: true });
    put('old', T('10:00:10'));
    put('a', T('10:00:40'));
    const feed = createChangeFeed(source, { overlapMs: 0 });
    const first = await feed.changes({ since: T('10:00:30') });
    expect(ids(first.tickets)).toEqual(['a@10:00:40']); // 'old' came back from the query, but is before since
    const second = await feed.changes({ cursor: first.cursor });
    expect(second.tickets).toEqual([]);
    expect(queries.map((query) => query.toISOString())).toEqual([T('10:00:30.000'), T('10:00:40.000')]);
  });

  it('queries from the newest delivered updatedAt minus the overlap, never from the client clock', async () => {
    const { source, put, queries } = memory();
    put('a', T('10:00:00'));
    const feed = createChangeFeed(source, { overlapMs: 120_000, now: () => new Date(T('23:00:00')) });
    const first = await feed.changes({ since: T('08:00:00') });
    await feed.changes({ cursor: first.cursor });
    expect(queries.map((query) => query.toISOString())).toEqual([T('08:00:00.000'), T('09:58:00.000')]);
  });

  it('returns a version that shows up late, within the overlap window', async () => {
    const { source, put } = memory();
    put('a', T('10:05:00'));
    const feed = createChangeFeed(source, { overlapMs: 5 * 60_000, now: () => new Date(T('10:05:30')) });
    const first = await feed.changes({ since: T('10:00:00') });
    put('late', T('10:01:00')); // updated before 'a', but the index shows it only now
    expect(ids((await feed.changes({ cursor: first.cursor })).tickets)).toEqual(['late@10:01:00']);
  });

  it('treats a version older than the overlap window as already delivered (the documented limit)', async () => {
    const { source, put } = memory();
    put('a', T('10:05:00'));
    const feed = createChangeFeed(source, { overlapMs: 60_000, now: () => new Date(T('10:05:30')) });
    const first = await feed.changes({ since: T('10:00:00') });
    put('too-late', T('10:01:00'));
    expect((await feed.changes({ cursor: first.cursor })).tickets).toEqual([]);
  });

  it('does not let a far-future timestamp push the watermark past the client clock', async () => {
    const { source, put } = memory();
    let now = T('10:00:00');
    const feed = createChangeFeed(source, { overlapMs: 60_000, now: () => new Date(now) });
    put('bogus', '2099-01-01T00:00:00Z');
    const first = await feed.changes({ since: T('09:00:00') });
    expect(ids(first.tickets)).toEqual(['bogus@00:00:00']);
    put('a', T('09:59:30'));
    now = T('10:00:10');
    expect(ids((await feed.changes({ cursor: first.cursor })).tickets)).toEqual(['a@09:59:30']);
  });
});

describe('changes(): since, with timestamps that lag (latenessMs)', () => {
  it('returns a change made after since but stamped before it, once it becomes visible; what the first call sees before since is history', async () => {
    const { source, put, queries } = memory();
    put('old', T('09:57:00'));     // stamped before since and visible at the first call: history
    put('before', T('09:59:30'));  // the same
    put('after', T('10:00:10'));   // stamped after since: returned
    const feed = createChangeFeed(source, { latenessMs: 3 * 60_000, now: () => new Date(T('10:00:20')) });
    const first = await feed.changes({ since: T('10:00:00') });
    expect(queries[0]?.toISOString()).toBe(T('09:57:00.000'));
    expect(ids(first.tickets)).toEqual(['after@10:00:10']);
    put('late', T('09:58:30'));    // changed after the first call, stamped 90 s early: a change all the same
    const next = await feed.changes({ cursor: first.cursor });
    expect(ids(next.tickets)).toEqual(['late@09:58:30']);
    expect((await feed.changes({ cursor: next.cursor })).tickets).toEqual([]);
  });

  it('loses that change without latenessMs (the default, 0)', async () => {
    const { source, put } = memory();
    const feed = createChangeFeed(source, { now: () => new Date(T('10:00:20')) });
    const first = await feed.changes({ since: T('10:00:00') });
    put('late', T('09:58:30'));
    expect((await feed.changes({ cursor: first.cursor })).tickets).toEqual([]);
  });

  it.each([false, true])('counts only versions at or after since towards the first call\'s limit (ascending: %s)', async (ascending) => {
    const { source, put } = memory({ ascending });
    put('h1', T('09:58:00'));
    put('h2', T('09:59:00'));
    put('a', T('10:00:01'));
    put('b', T('10:00:02'));
    const feed = createChangeFeed(source, { latenessMs: 3 * 60_000, now: () => new Date(T('10:01:00')) });
    const first = await feed.changes({ since: T('10:00:00'), limit: 1 });
    expect(ids(first.tickets)).toEqual(['a@10:00:01']);
    expect(first.hasMore).toBe(true);
    const second = await feed.changes({ cursor: first.cursor, limit: 1 });
    expect(ids(second.tickets)).toEqual(['b@10:00:02']);
    expect((await feed.changes({ cursor: second.cursor })).tickets).toEqual([]);
  });

  it('refuses a latenessMs that is not a whole number of milliseconds, or more than overlapMs', () => {
    const { source } = memory();
    expect(() => createChangeFeed(source, { latenessMs: -1 })).toThrow(expect.objectContaining({ field: 'latenessMs' }));
    expect(() => createChangeFeed(source, { latenessMs: 0.5 })).toThrow(expect.objectContaining({ field: 'latenessMs' }));
    expect(() => createChangeFeed(source, { latenessMs: 120_000, overlapMs: 60_000, provider: 'ivanti' })).toThrow(
      expect.objectContaining({ field: 'latenessMs', provider: 'ivanti' }),
    );
  });
});

describe('changes(): starting now', () => {
  it('returns no history, then every change made visible afterwards', async () => {
    const { source, put, queries } = memory();
    put('old', T('09:00:00'));
    put('recent', T('09:59:00'));
    const feed = createChangeFeed(source, { now: () => new Date(T('10:00:00')) });
    const start = await feed.changes();
    expect(start).toMatchObject({ tickets: [], hasMore: false });
    expect(queries[0]?.toISOString()).toBe(T('09:55:00.000')); // now - overlap, to absorb clock skew

    put('new', T('09:59:58')); // stamped before "now" by a server clock that is behind, but new
    put('recent', T('10:00:30'));
    const next = await feed.changes({ cursor: start.cursor });
    expect(ids(next.tickets)).toEqual(['new@09:59:58', 'recent@10:00:30']);
  });
});

describe('changes(): limit', () => {
  it.each([false, true])('cuts in the middle of versions sharing one timestamp and resumes exactly (ascending: %s)', async (ascending) => {
    const { source, put } = memory({ ascending });
    for (const id of ['e', 'd', 'c', 'b', 'a']) put(id, T('10:00:00'));
    put('z', T('09:00:00'));
    put('y', T('11:00:00'));
    const feed = createChangeFeed(source);
    const batches: string[][] = [];
    let result = await feed.changes({ since: T('08:00:00'), limit: 2 });
    batches.push(ids(result.tickets));
    while (result.hasMore) {
      result = await feed.changes({ cursor: result.cursor, limit: 2 });
      batches.push(ids(result.tickets));
    }
    expect(batches).toEqual([
      ['z@09:00:00', 'a@10:00:00'],
      ['b@10:00:00', 'c@10:00:00'],
      ['d@10:00:00', 'e@10:00:00'],
      ['y@11:00:00'],
    ]);
    expect((await feed.changes({ cursor: result.cursor, limit: 2 })).tickets).toEqual([]);
  });

  it('says hasMore only when versions were left out', async () => {
    const { source, put } = memory();
    put('a', T('10:00:00'));
    put('b', T('10:00:01'));
    const feed = createChangeFeed(source);
    expect((await feed.changes({ since: T('09:00:00'), limit: 2 })).hasMore).toBe(false);
    expect((await feed.changes({ since: T('09:00:00'), limit: 1 })).hasMore).toBe(true);
  });

  it('stops reading an ascending source once the answer is known', async () => {
    const { source, put, pulled } = memory({ ascending: true });
    for (let minute = 10; minute < 40; minute += 1) put(`r${minute}`, T(`10:${minute}:00`));
    const result = await createChangeFeed(source).changes({ since: T('10:00:00'), limit: 3 });
    expect(ids(result.tickets)).toEqual(['r10@10:10:00', 'r11@10:11:00', 'r12@10:12:00']);
    expect(result.hasMore).toBe(true);
    expect(pulled()).toBe(4);
  });

  it('keeps the cursor proportional to the versions inside the overlap window', async () => {
    const spread = memory({ ascending: true });
    for (let index = 0; index < 3000; index += 1) {
      spread.put(`ticket-${index}`, new Date(Date.parse(T('00:00:00')) + index * 60_000).toISOString());
    }
    const feed = createChangeFeed(spread.source, { overlapMs: 5 * 60_000, now: () => new Date('2026-03-10T00:00:00Z') });
    let result = await feed.changes({ since: T('00:00:00'), limit: 500 });
    let delivered = result.tickets.length;
    while (result.hasMore) {
      result = await feed.changes({ cursor: result.cursor, limit: 500 });
      delivered += result.tickets.length;
    }
    expect(delivered).toBe(3000);
    expect(result.cursor.length).toBeLessThan(300); // the 6 versions within 5 minutes of the newest, not 3000

    const burst = memory();
    for (let index = 0; index < 300; index += 1) burst.put(`ticket-${index}`, T('10:00:00'));
    const crowded = await createChangeFeed(burst.source).changes({ since: T('09:00:00') });
    expect(crowded.cursor.length).toBeGreaterThan(300 * 8);
    expect(crowded.cursor.length).toBeLessThan(300 * 20 + 100); // about 4/3 of each id plus 3 bytes
  });
});

describe('changes(): bad input', () => {
  const valid = async () => {
    const { source, put } = memory();
    put('a', T('10:00:00'));
    return (await createChangeFeed(source, { scope: 'jira-cloud acme ITS' }).changes({ since: T('09:00:00') })).cursor;
  };
  const b64 = (text: string) => Buffer.from(text).toString('base64url');

  it.each([
    ['empty', ''],
    ['not ours', 'eyJmb28iOjF9'],
    ['an unknown version', 'cf9.e30'],
    ['not base64url', 'cf1.$$$'],
    ['not JSON', `cf1.${b64('{nope')}`],
    ['the wrong shape', `cf1.${b64('{"l":"x","s":[]}')}`],
    ['an unknown field', `cf1.${b64('{"l":1,"s":[],"extra":1}')}`],
    ['a negative offset', `cf1.${b64('{"l":1,"s":[[-5,"a"]]}')}`],
    ['a watermark beyond the range of dates', `cf1.${b64('{"l":9000000000000000,"s":[]}')}`],
    ['an instant beyond the range of dates', `cf1.${b64('{"l":8640000000000000,"s":[[5,"a"]]}')}`],
    ['not a string', 42],
  ])('rejects a cursor that is %s with an InputError naming cursor, before any request', async (_label, cursor) => {
    const fetchUpdatedSince = vi.fn();
    const feed = createChangeFeed({ fetchUpdatedSince });
    const error = await errorOf(feed.changes({ cursor: cursor as string }));
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).field).toBe('cursor');
    expect(fetchUpdatedSince).not.toHaveBeenCalled();
  });

  it.each([
    [{ sinc: '2026-03-02T10:00:00Z' }, 'sinc'],
    [{ cursr: 'cf1.x' }, 'cursr'],
    [{ signal: 'abort' }, 'signal'],
    [{ limit: 0 }, 'limit'],
  ])('rejects %o with an InputError naming %s and the feed\'s provider, before any request', async (options, field) => {
    const fetchUpdatedSince = vi.fn();
    const error = await errorOf(createChangeFeed({ fetchUpdatedSince }, { provider: 'autotask' }).changes(options as never));
    expect(error).toBeInstanceOf(InputError);
    expect(error).toMatchObject({ field, provider: 'autotask' });
    expect(fetchUpdatedSince).not.toHaveBeenCalled();
  });

  it('names the provider on a cursor it did not issue, and on bad watch options', async () => {
    const feed = createChangeFeed({ fetchUpdatedSince: vi.fn() }, { provider: 'ivanti' });
    await expect(feed.changes({ cursor: 'nope' })).rejects.toMatchObject({ field: 'cursor', provider: 'ivanti' });
    expect(() => feed.watch({ interval: 5 } as never)).toThrow(expect.objectContaining({ field: 'interval', provider: 'ivanti' }));
  });

  it('rejects a cursor issued by a feed with another scope', async () => {
    const cursor = await valid();
    const { source } = memory();
    await expect(createChangeFeed(source, { scope: 'jira-cloud acme OPS' }).changes({ cursor })).rejects.toMatchObject({
      name: 'InputError',
      field: 'cursor',
    });
    await expect(createChangeFeed(source).changes({ cursor })).rejects.toMatchObject({ field: 'cursor' });
    await expect(createChangeFeed(source, { scope: 'jira-cloud acme ITS' }).changes({ cursor })).resolves.toMatchObject({ tickets: [] });
  });

  it('says whose cursor it refuses and what to do instead', async () => {
    const cursor = await valid();
    const { source } = memory();
    const error = await errorOf(createChangeFeed(source, { scope: 'jira-cloud other-site ITS', provider: 'jira-cloud' }).changes({ cursor }));
    expect(error).toMatchObject({ name: 'InputError', field: 'cursor', provider: 'jira-cloud' });
    expect((error as Error).message).toBe(
      'cursor belongs to another change feed: it was issued for another jira-cloud site or project (or by a connector set up differently). ' +
        'Start again without it: changes({ since }) from the last change you handled (or no cursor to start from now), and store the new cursor.',
    );
    const malformed = await errorOf(createChangeFeed(source, { provider: 'jira-cloud' }).changes({ cursor: 'cf1.$$$' }));
    expect(malformed).toMatchObject({ provider: 'jira-cloud', message: expect.stringMatching(/^cursor is malformed\. Start again without it: changes\(\{ since \}\)/) });
  });

  it('sets the provider on every InputError it throws, when it has one', async () => {
    const { source } = memory();
    const feed = createChangeFeed(source, { provider: 'autotask' });
    for (const options of [{ cursor: 42 }, { since: 'yesterday' }, { limit: 0 }]) {
      expect(await errorOf(feed.changes(options as never))).toMatchObject({ name: 'InputError', provider: 'autotask' });
    }
    expect(() => feed.watch({ intervalMs: -1 })).toThrow(expect.objectContaining({ field: 'intervalMs', provider: 'autotask' }));
    expect(() => createChangeFeed(source, { overlapMs: -1, provider: 'autotask' })).toThrow(expect.objectContaining({ field: 'overlapMs', provider: 'autotask' }));
  });
});

describe('changes(): a scope worked out when first needed', () => {
  it('asks the scope function once, and resumes a cursor of the same scope however it was reached', async () => {
    const { source, put } = memory();
    put('a', T('10:00:00'));
    const scope = vi.fn(async () => 'jira-cloud site:cloud-1 HELP');
    const feed = createChangeFeed(source, { scope });
    const first = await feed.changes({ since: T('09:00:00') });
    put('b', T('10:05:00'));
    const second = await feed.changes({ cursor: first.cursor });
    expect(ids(second.tickets)).toEqual(['b@10:05:00']);
    expect(scope).toHaveBeenCalledTimes(1);
    // Another feed with the same scope, as a string: the same feed, so the cursor resumes.
    await expect(createChangeFeed(source, { scope: 'jira-cloud site:cloud-1 HELP' }).changes({ cursor: second.cursor })).resolves.toMatchObject({ tickets: [] });
    await expect(createChangeFeed(source, { scope: () => 'jira-cloud site:cloud-2 HELP' }).changes({ cursor: second.cursor })).rejects.toMatchObject({ field: 'cursor' });
  });

  it('passes the call\'s signal, fails the call when it fails, and asks again on the next call', async () => {
    const { source } = memory();
    const signals: (AbortSignal | undefined)[] = [];
    let attempts = 0;
    const feed = createChangeFeed(source, {
      scope: async ({ signal }) => {
        signals.push(signal);
        attempts += 1;
        if (attempts === 1) throw new Error('site unreachable');
        return 'scope';
      },
    });
    const controller = new AbortController();
    await expect(feed.changes({ since: T('09:00:00'), signal: controller.signal })).rejects.toThrow('site unreachable');
    await expect(feed.changes({ since: T('09:00:00') })).resolves.toMatchObject({ tickets: [] });
    await expect(feed.changes({ since: T('09:00:00') })).resolves.toMatchObject({ tickets: [] });
    expect(attempts).toBe(2);
    expect(signals[0]).toBe(controller.signal);
  });

  it('refuses a malformed cursor before working out the scope (which may take a request)', async () => {
    const scope = vi.fn(() => 'scope');
    const fetchUpdatedSince = vi.fn();
    const error = await errorOf(createChangeFeed({ fetchUpdatedSince }, { scope }).changes({ cursor: 'cf1.e30' }));
    expect(error).toMatchObject({ name: 'InputError', field: 'cursor' });
    expect(scope).not.toHaveBeenCalled();
    expect(fetchUpdatedSince).not.toHaveBeenCalled();
  });

  it('refuses a scope that is neither a string nor a function, or a function that gives no string', async () => {
    const { source } = memory();
    expect(() => createChangeFeed(source, { scope: 42 as never, provider: 'ivanti' })).toThrow(expect.objectContaining({ field: 'scope', provider: 'ivanti' }));
    const error = await errorOf(createChangeFeed(source, { scope: async () => '', provider: 'ivanti' }).changes({ since: T('09:00:00') }));
    expect(error).toMatchObject({ name: 'InputError', field: 'scope', provider: 'ivanti', message: 'scope() must return a non-empty string' });
  });

  it.each([
    ['yesterday'],
    ['2026-03-02T10:00:00'], // no offset: ambiguous
    ['2026-13-02T10:00:00Z'],
    [new Date(Number.NaN)],
    [1_700_000_000_000],
    [''],
  ])('rejects since = %s with an InputError naming since', async (since) => {
    const fetchUpdatedSince = vi.fn();
    const error = await errorOf(createChangeFeed({ fetchUpdatedSince }).changes({ since: since as string }));
    expect(error).toMatchObject({ name: 'InputError', field: 'since' });
    expect(fetchUpdatedSince).not.toHaveBeenCalled();
  });

  it('accepts since as a Date, a date-time with any offset, or a date', async () => {
    const { source, put } = memory();
    put('a', T('10:00:00'));
    const feed = createChangeFeed(source);
    for (const since of [new Date(T('10:00:00')), '2026-03-02T12:00:00+02:00', '2026-03-02']) {
      expect(ids((await feed.changes({ since })).tickets)).toEqual(['a@10:00:00']);
    }
  });

  it.each([0, -1, 1.5, Number.NaN, '10'])('rejects limit = %s with an InputError naming limit', async (limit) => {
    const fetchUpdatedSince = vi.fn();
    const error = await errorOf(createChangeFeed({ fetchUpdatedSince }).changes({ since: T('10:00:00'), limit: limit as number }));
    expect(error).toMatchObject({ name: 'InputError', field: 'limit' });
  });

  it('rejects bad feed options with an InputError naming the option', () => {
    const { source } = memory();
    expect(() => createChangeFeed(source, { overlapMs: -1 })).toThrow(expect.objectContaining({ field: 'overlapMs' }));
    expect(() => createChangeFeed(source, { overlapMs: Number.POSITIVE_INFINITY })).toThrow(InputError);
    expect(() => createChangeFeed(source, { overlapMs: 1.5 })).toThrow(expect.objectContaining({ field: 'overlapMs' }));
    expect(() => createChangeFeed({} as ChangeFeedSource<Rec>)).toThrow(expect.objectContaining({ field: 'source' }));
  });

  it('reports a source record without a valid updatedAt or id as a ResponseShapeError', async () => {
    const bad = (record: unknown): ChangeFeedSource<Rec> => ({
      fetchUpdatedSince: () =>
        (async function* () {
          yield record as Rec;
        })(),
    });
    for (const record of [{ id: 'a', updatedAt: 'soon' }, { id: 'a' }, { updatedAt: T('10:00:00') }, null]) {
      await expect(createChangeFeed(bad(record)).changes({ since: T('09:00:00') })).rejects.toBeInstanceOf(ResponseShapeError);
    }
  });

  it('passes the signal to the source, and rejects at once when it is already aborted', async () => {
    const { source } = memory();
    const spy = vi.spyOn(source, 'fetchUpdatedSince');
    const controller = new AbortController();
    await createChangeFeed(source).changes({ since: T('09:00:00'), signal: controller.signal });
    expect(spy.mock.calls[0]?.[1].signal).toBe(controller.signal);
    controller.abort();
    await expect(createChangeFeed(source).changes({ since: T('09:00:00'), signal: controller.signal })).rejects.toMatchObject({
      name: 'AbortError',
    });
    expect(spy).toHaveBeenCalledTimes(1);
  });
});
