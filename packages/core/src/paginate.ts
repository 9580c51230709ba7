/**
 * Pagination: {@link Paginator} turns a function that fetches one page into an `AsyncIterable` of
 * items, with `.pages()`, `.take(n)`, `.toArray({ limit })`, `.map(fn)` and `.filter(fn)`;
 * {@link Paginator.defer} builds one once its first page is needed, {@link Paginator.failing} is
 * one that fails there.
 *
 * - **Prefetch.** As soon as a page is handed out, the next one is requested, so the network works
 *   while the caller consumes (unless `take(n)` already has enough items, or `prefetch: false`).
 * - **Early stop.** `break`, `return()` or a reached `take(n)` aborts the in-flight request through
 *   the `AbortSignal` given to the fetcher; a prefetch that fails after the caller stopped is
 *   discarded, never an unhandled rejection.
 * - **Repeated cursor.** When a provider hands back a cursor already used in this iteration, the
 *   iteration ends after that page instead of looping forever (see {@link PaginatorOptions.onRepeatedCursor}).
 * - **Errors** reach the caller at the point where the failing page would have been consumed.
 *
 * Each iteration (each `for await`, each `pages()` call) starts afresh from the start cursor.
 *
 * @module
 */
import { cached, type Cached } from './cached.js';
import { InputError, ResponseShapeError } from './errors.js';

/**
 * One page of results, as handed out by {@link Paginator.pages}. `E` is the type of the page's
 * envelope: what the provider said about the page besides its items.
 *
 * @category Pagination
 */
export interface Page<T, E = unknown> {
  /** The items of the page (after any `map` and `filter`, and cut short by `take(n)` on the last page). */
  items: T[];
  /** The cursor that fetched this page; `undefined` for the first page when there is no start cursor. */
  cursor: string | undefined;
  /**
   * The cursor of the next page, as the provider returned it; `undefined` on the last page. When it
   * repeats a cursor already used in this iteration, the iteration still ends after this page.
   */
  nextCursor: string | undefined;
  /**
   * The page's envelope, when the fetcher returned one: what the provider said about the page
   * besides its items (a total count, Autotask's `pageDetails`, Ivanti's `@odata.count`), usually
   * the response body as parsed.
   */
  envelope?: E;
}

/**
 * What a {@link PageFetcher} resolves to.
 *
 * @category Pagination
 */
export interface FetchedPage<T, E = unknown> {
  /** The items of the page, possibly none (an empty page with a `nextCursor` does not end the iteration). */
  items: T[];
  /** The cursor of the next page; `undefined` (or absent) on the last page. */
  nextCursor?: string | undefined;
  /** The page's envelope, handed out as {@link Page.envelope}: e.g. the response body. */
  envelope?: E | undefined;
}

/**
 * Fetches one page. `cursor` is `undefined` for the first page (unless a start cursor was given);
 * return `nextCursor: undefined` on the last page. Pass `context.signal` on to the request: it aborts
 * when the caller stops iterating before the page is needed.
 *
 * @example
 * ```ts
 * const fetchPage: PageFetcher<Issue> = async (cursor, { signal }) => {
 *   const body = await http.get('search/jql', { searchParams: { nextPageToken: cursor }, signal });
 *   return { items: body.issues, nextCursor: body.nextPageToken };
 * };
 * ```
 *
 * @category Pagination
 */
export type PageFetcher<T, E = unknown> = (
  cursor: string | undefined,
  context: { signal: AbortSignal },
) => Promise<FetchedPage<T, E>>;

/**
 * What {@link PaginatorOptions.onRepeatedCursor} receives when a provider repeats a cursor.
 *
 * @category Pagination
 */
export interface RepeatedCursorEvent {
  /** The cursor that was handed back a second time. */
  cursor: string;
  /** How many pages this iteration had fetched when the repeat was seen. */
  pages: number;
}

/**
 * What a {@link Paginator} does when a provider hands back a cursor already used in the same
 * iteration. In every case the page that carried the repeated cursor is delivered and no further
 * page is fetched; then:
 * - `'stop'` (default): the iteration ends normally. Some services signal their last page this way;
 *   inspect `page.nextCursor` in `pages()` to tell it from a normal end (it is not `undefined`);
 * - `'throw'`: the iteration ends with a {@link ResponseShapeError};
 * - a function: it is called with a {@link RepeatedCursorEvent} (to log or count), then the iteration
 *   ends; if it throws, the caller receives that error.
 *
 * The reaction happens when the caller asks for more, never if it stopped before.
 *
 * @category Pagination
 */
export type RepeatedCursorPolicy = 'stop' | 'throw' | ((event: RepeatedCursorEvent) => void);

/**
 * Options of a {@link Paginator}.
 *
 * @category Pagination
 */
export interface PaginatorOptions {
  /** Cursor of the first page to fetch (to resume from a page's `nextCursor`). Default: none. */
  startCursor?: string | undefined;
  /** Fetch the next page while the current one is consumed. Default `true`. */
  prefetch?: boolean | undefined;
  /** What to do when the provider repeats a cursor. Default `'stop'`. See {@link RepeatedCursorPolicy}. */
  onRepeatedCursor?: RepeatedCursorPolicy | undefined;
}

type Mapper = (item: unknown) => unknown;
type Predicate = (item: unknown) => unknown;
/** One step applied to the items of each page: a `map` or a `filter`. */
type Stage = { map: Mapper } | { filter: Predicate };
/** Where pages come from: a fetcher, or a paginator built on first need ({@link Paginator.defer}). */
type Source = { fetchPage: PageFetcher<unknown, unknown> } | { deferred: Cached<Paginator<unknown, unknown>> };

const noop = (): void => {};

/**
 * A lazily fetched, paged list of items: `for await` it for items, call `pages()` for whole pages.
 * Nothing is fetched until iteration starts; every iteration starts afresh from the start cursor.
 * Instances are immutable: `take`, `map` and `filter` return new paginators. `E` is the type of each
 * page's {@link Page.envelope}.
 *
 * @example
 * ```ts
 * for await (const ticket of connector.tickets.list({ requester: 'ada@example.com' })) {
 *   console.log(ticket.key, ticket.subject);
 * }
 * const first10 = await connector.tickets.list().toArray({ limit: 10 });
 * for await (const page of connector.users.search('ada').pages()) console.log(page.nextCursor);
 * ```
 *
 * @category Pagination
 */
export class Paginator<T, E = unknown> implements AsyncIterable<T> {
  #source: Source;
  readonly #options: Readonly<PaginatorOptions>;
  #limit = Infinity;
  #stages: readonly Stage[] = [];

  /**
   * @param fetchPage - Fetches one page; see {@link PageFetcher}.
   * @param options - See {@link PaginatorOptions}.
   */
  constructor(fetchPage: PageFetcher<T, E>, options: PaginatorOptions = {}) {
    if (typeof fetchPage !== 'function') {
      throw new InputError('fetchPage must be a function', { field: 'fetchPage' });
    }
    const { onRepeatedCursor, startCursor } = options;
    if (startCursor !== undefined && typeof startCursor !== 'string') {
      throw new InputError('startCursor must be a string', { field: 'startCursor' });
    }
    if (onRepeatedCursor !== undefined && onRepeatedCursor !== 'stop' && onRepeatedCursor !== 'throw' && typeof onRepeatedCursor !== 'function') {
      throw new InputError("onRepeatedCursor must be 'stop', 'throw' or a function", { field: 'onRepeatedCursor' });
    }
    this.#source = { fetchPage: fetchPage as PageFetcher<unknown, unknown> };
    this.#options = { ...options };
  }

  /**
   * A paginator that is built when its first page is needed: for a list whose request depends on
   * something to look up first (a key to resolve to an id, a query to plan). `build` runs once; a
   * paginator it resolves to is kept for later iterations, a failure is not (the next iteration
   * calls `build` again). A failure reaches the caller where the first page would have been
   * consumed, like a failing page. `take`, `map` and `filter` apply on top of the built paginator's.
   *
   * @param build - Resolves to the paginator to iterate.
   * @example
   * ```ts
   * declare function issueIdOf(key: string): Promise<string>;
   * declare function commentsOf(issueId: string): Paginator<string>;
   * const comments = Paginator.defer(async () => commentsOf(await issueIdOf('HELP-1')));
   * ```
   */
  static defer<T, E = unknown>(build: () => Promise<Paginator<T, E>>): Paginator<T, E> {
    if (typeof build !== 'function') throw new InputError('build must be a function', { field: 'build' });
    const paginator = new Paginator<T, E>(async () => ({ items: [] }));
    const deferred = cached(async () => {
      const built: unknown = await build();
      if (!(built instanceof Paginator)) {
        throw new ResponseShapeError('Paginator.defer: build resolved to something other than a Paginator', {
          issues: [{ path: [], message: 'expected a Paginator' }],
          raw: built,
        });
      }
      return built as Paginator<unknown, unknown>;
    });
    paginator.#source = { deferred };
    return paginator;
  }

  /**
   * A paginator whose first page fails with `error`: for a method that returns a paginator and
   * finds its input bad, so that the failure reaches the caller where iteration starts.
   *
   * @param error - What the iteration rejects with.
   * @example
   * ```ts
   * Paginator.failing<string>(new UnsupportedError('no catalog', { capability: 'catalog' }));
   * ```
   */
  static failing<T, E = unknown>(error: unknown): Paginator<T, E> {
    return new Paginator<T, E>(async () => {
      throw error;
    });
  }

  /**
   * A paginator over a fixed list, split into pages of `pageSize` (default: one page holding all).
   * Handy in tests and for connectors whose endpoint is not paged.
   *
   * @param items - The items, copied when this is called.
   * @param options - `pageSize`: a positive integer.
   * @example
   * ```ts
   * await Paginator.of([1, 2, 3], { pageSize: 2 }).toArray({ limit: Infinity }); // [1, 2, 3], two pages
   * ```
   */
  static of<T>(items: Iterable<T>, options: { pageSize?: number | undefined } = {}): Paginator<T> {
    const all = [...items];
    const { pageSize = Math.max(all.length, 1) } = options;
    if (!Number.isSafeInteger(pageSize) || pageSize < 1) {
      throw new InputError('pageSize must be a positive integer', { field: 'pageSize' });
    }
    return new Paginator<T>(async (cursor) => {
      const start = cursor === undefined ? 0 : Number(cursor);
      const end = start + pageSize;
      return { items: all.slice(start, end), nextCursor: end < all.length ? String(end) : undefined };
    });
  }

  /**
   * A paginator over pages given in advance (cursors are `'1'`, `'2'`, ...). Empty pages are kept,
   * which makes it useful to test consumers against odd page layouts.
   *
   * @param pages - The pages, copied when this is called.
   */
  static fromPages<T>(pages: Iterable<readonly T[]>): Paginator<T> {
    const all = [...pages].map((page) => [...page]);
    return new Paginator<T>(async (cursor) => {
      const index = cursor === undefined ? 0 : Number(cursor);
      const next = index + 1;
      return { items: [...(all[index] ?? [])], nextCursor: next < all.length ? String(next) : undefined };
    });
  }

  /** Iterates over every item, page after page. */
  [Symbol.asyncIterator](): AsyncIterator<T, void, undefined> {
    return new ItemIterator(this.pages());
  }

  /**
   * Iterates over whole pages, each with the cursor that fetched it and the cursor of the next one.
   *
   * @example
   * ```ts
   * for await (const page of paginator.pages()) {
   *   await save(page.items);
   *   checkpoint(page.nextCursor); // resume later with new Paginator(fetchPage, { startCursor })
   * }
   * ```
   *
   * @param options - `signal`: aborting it cancels the page fetch in flight (and any prefetch); the
   *   iteration then rejects with the signal's reason.
   */
  async *pages(options: { signal?: AbortSignal | undefined } = {}): AsyncIterableIterator<Page<T, E>> {
    const { startCursor, prefetch = true, onRepeatedCursor = 'stop' } = this.#options;
    const { signal } = options;
    signal?.throwIfAborted();
    if ('deferred' in this.#source) {
      if (this.#limit <= 0) return;
      const built = await (signal ? untilAborted(this.#source.deferred.get(), signal) : this.#source.deferred.get());
      const combined = built.#derive<T, E>(Math.min(built.#limit, this.#limit), [...built.#stages, ...this.#stages]);
      yield* combined.pages(options);
      return;
    }
    const { fetchPage } = this.#source;
    const controller = new AbortController();
    const onAbort = () => controller.abort(signal?.reason);
    signal?.addEventListener('abort', onAbort, { once: true });
    const seen = new Set<string>();
    if (startCursor !== undefined) seen.add(startCursor);
    let remaining = this.#limit;
    let cursor = startCursor;
    let pending: Promise<Page<T, E>> | undefined;
    let fetched = 0;
    try {
      while (remaining > 0) {
        const page = await untilAborted(pending ?? this.#load(fetchPage, cursor, remaining, controller.signal), controller.signal);
        pending = undefined;
        fetched += 1;
        remaining -= page.items.length;
        const next = page.nextCursor;
        if (remaining <= 0 || next === undefined) {
          yield page;
          return;
        }
        if (seen.has(next)) {
          yield page;
          repeatedCursor(onRepeatedCursor, { cursor: next, pages: fetched });
          return;
        }
        seen.add(next);
        cursor = next;
        if (prefetch) {
          pending = this.#load(fetchPage, next, remaining, controller.signal);
          pending.catch(noop); // a failure is reported when (and if) the caller reaches that page
        }
        yield page;
      }
    } finally {
      signal?.removeEventListener('abort', onAbort);
      if (pending) controller.abort(); // the caller stopped with a page still in flight
    }
  }

  /**
   * A paginator over the first `n` items. It fetches no page beyond the one that holds the `n`th item.
   *
   * @param n - A non-negative integer, or `Infinity`.
   * @throws {@link InputError} naming `n` when it is not.
   */
  take(n: number): Paginator<T, E> {
    checkCount(n, 'n');
    return this.#derive<T, E>(Math.min(this.#limit, n), this.#stages);
  }

  /**
   * Collects items into an array. `limit` is required so that a forgotten bound cannot load a whole
   * tenant into memory; pass `Infinity` to collect everything on purpose.
   *
   * @param options - `limit`: the most items to collect, a non-negative integer or `Infinity`;
   *   `signal`: aborting it cancels the fetch in flight, and the call rejects with the signal's reason.
   * @throws {@link InputError} naming `limit` when it is missing or invalid.
   * @example
   * ```ts
   * const recent = await connector.tickets.list({ updatedSince }).toArray({ limit: 500 });
   * const quick = await connector.tickets.list().toArray({ limit: 50, signal: AbortSignal.timeout(5_000) });
   * ```
   */
  async toArray(options: { limit: number; signal?: AbortSignal | undefined }): Promise<T[]> {
    const limit: unknown = (options as { limit?: unknown } | undefined)?.limit;
    checkCount(limit, 'limit');
    const items: T[] = [];
    for await (const page of this.take(limit).pages({ signal: options.signal })) items.push(...page.items);
    return items;
  }

  /**
   * A paginator whose items are `fn(item)`. Each page is mapped as a whole (async results in parallel,
   * order kept) while it is being prefetched; only items that will be delivered are mapped.
   *
   * @param fn - Maps one item; may be async. An error it throws reaches the caller with that page.
   * @example
   * ```ts
   * return new Paginator(fetchIssues).map((issue) => toTicket(issue));
   * ```
   */
  map<U>(fn: (item: T) => U | Promise<U>): Paginator<U, E> {
    if (typeof fn !== 'function') throw new InputError('fn must be a function', { field: 'fn' });
    return this.#derive<U, E>(this.#limit, [...this.#stages, { map: fn as Mapper }]);
  }

  /**
   * A paginator of the items for which `fn` is true: for a condition the provider cannot filter on.
   * Pages keep their cursors (a page may end up empty; iteration goes on), and `take(n)` counts
   * the items that pass. Each page is filtered as a whole (async results in parallel).
   *
   * @param fn - Whether to keep an item; may be async. An error it throws reaches the caller with that page.
   * @example
   * ```ts
   * const since = Date.parse('2026-01-01T10:00:30Z');
   * connector.tickets.list().filter((ticket) => Date.parse(ticket.updatedAt) >= since);
   * ```
   */
  filter<S extends T>(fn: (item: T) => item is S): Paginator<S, E>;
  /**
   * A paginator of the items for which `fn` is true (resolves to true).
   *
   * @param fn - Whether to keep an item; may be async.
   */
  filter(fn: (item: T) => boolean | Promise<boolean>): Paginator<T, E>;
  filter(fn: (item: T) => boolean | Promise<boolean>): Paginator<T, E> {
    if (typeof fn !== 'function') throw new InputError('fn must be a function', { field: 'fn' });
    return this.#derive<T, E>(this.#limit, [...this.#stages, { filter: fn as Predicate }]);
  }

  #derive<U, F>(limit: number, stages: readonly Stage[]): Paginator<U, F> {
    const derived = new Paginator<U, F>(async () => ({ items: [] }), this.#options);
    derived.#source = this.#source;
    derived.#limit = limit;
    derived.#stages = stages;
    return derived;
  }

  /**
   * Fetches one page and applies the stages to its items, keeping at most `budget` of them: cut
   * before mapping when no filter is involved (so only items delivered are mapped), else after the
   * last filter.
   */
  async #load(fetchPage: PageFetcher<unknown, unknown>, cursor: string | undefined, budget: number, signal: AbortSignal): Promise<Page<T, E>> {
    const result: unknown = await fetchPage(cursor, { signal });
    const { items, nextCursor, envelope } = checkFetched(result);
    const lastFilter = this.#stages.findLastIndex((stage) => 'filter' in stage);
    let kept: unknown[] = lastFilter < 0 ? cut(items, budget) : items;
    for (const [index, stage] of this.#stages.entries()) {
      kept = 'map' in stage ? await mapAll(kept, stage.map) : await filterAll(kept, stage.filter);
      if (index === lastFilter) kept = cut(kept, budget);
    }
    const page: Page<T, E> = { items: kept as T[], cursor, nextCursor };
    if (envelope !== undefined) page.envelope = envelope as E;
    return page;
  }
}

/** The first `budget` items (the array itself when it is short enough). */
function cut<V>(items: V[], budget: number): V[] {
  return items.length > budget ? items.slice(0, budget) : items;
}

/**
 * Items of a page iterator, one by one. Not an async generator: items of the current page are handed
 * out without a trip through the generator machinery (about 2.5 times faster per item). Calls that
 * need a new page are queued, and so is every call made while one is queued, so overlapping
 * `next()` calls still get the items in the order they were made.
 */
/** Settles like `promise`, unless `signal` aborts first: then rejects with the signal's reason. */
function untilAborted<V>(promise: Promise<V>, signal: AbortSignal): Promise<V> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<V>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

class ItemIterator<T> implements AsyncIterator<T, void, undefined> {
  readonly #pages: AsyncIterator<Page<T>>;
  #items: T[] = [];
  #index = 0;
  #queue: Promise<unknown> = Promise.resolve();
  /** How many `next()` calls wait in the queue. */
  #queued = 0;

  constructor(pages: AsyncIterator<Page<T>>) {
    this.#pages = pages;
  }

  next(): Promise<IteratorResult<T, void>> {
    if (this.#queued === 0 && this.#index < this.#items.length) {
      return Promise.resolve({ value: this.#items[this.#index++] as T, done: false });
    }
    this.#queued += 1;
    const result = this.#queue.then(() => this.#nextFromPages()).finally(() => {
      this.#queued -= 1;
    });
    this.#queue = result.catch(noop);
    return result;
  }

  async return(): Promise<IteratorResult<T, void>> {
    this.#items = [];
    await this.#pages.return?.();
    return { value: undefined, done: true };
  }

  async #nextFromPages(): Promise<IteratorResult<T, void>> {
    while (this.#index >= this.#items.length) {
      const next = await this.#pages.next();
      if (next.done) return { value: undefined, done: true };
      this.#items = next.value.items;
      this.#index = 0;
    }
    return { value: this.#items[this.#index++] as T, done: false };
  }
}

/** Throws unless `value` is a non-negative integer or `Infinity`. */
function checkCount(value: unknown, field: string): asserts value is number {
  if (value === Infinity || (Number.isSafeInteger(value) && (value as number) >= 0)) return;
  throw new InputError(`${field} must be a non-negative integer or Infinity`, { field });
}

/** Validates what a {@link PageFetcher} resolved to. `null` as next cursor means "no next page". */
function checkFetched(result: unknown): { items: unknown[]; nextCursor: string | undefined; envelope: unknown } {
  const { items, nextCursor, envelope } = (result ?? {}) as { items?: unknown; nextCursor?: unknown; envelope?: unknown };
  if (!Array.isArray(items)) {
    throw new ResponseShapeError('a page fetcher returned no items array', {
      issues: [{ path: ['items'], message: 'expected an array' }],
      raw: result,
    });
  }
  if (nextCursor !== undefined && nextCursor !== null && typeof nextCursor !== 'string') {
    throw new ResponseShapeError('a page fetcher returned a nextCursor that is not a string', {
      issues: [{ path: ['nextCursor'], message: 'expected a string or undefined' }],
      raw: result,
    });
  }
  return { items, nextCursor: nextCursor ?? undefined, envelope };
}

function repeatedCursor(policy: RepeatedCursorPolicy, event: RepeatedCursorEvent): void {
  if (policy === 'stop') return;
  if (policy === 'throw') {
    throw new ResponseShapeError(`the provider repeated the page cursor "${event.cursor}" after ${event.pages} pages`, {
      issues: [{ path: ['nextCursor'], message: 'cursor already used in this iteration' }],
      raw: event,
    });
  }
  policy(event);
}

/** Maps every item; awaits only when some result is a promise. */
async function mapAll(items: unknown[], mapper: Mapper): Promise<unknown[]> {
  const mapped: unknown[] = [];
  try {
    for (const item of items) mapped.push(mapper(item));
  } catch (error) {
    // The promises already returned would otherwise reject with nobody listening.
    for (const value of mapped) if (isThenable(value)) Promise.resolve(value).catch(noop);
    throw error;
  }
  return mapped.some(isThenable) ? Promise.all(mapped) : mapped;
}

/** Keeps the items `predicate` accepts; awaits only when some answer is a promise. */
async function filterAll(items: unknown[], predicate: Predicate): Promise<unknown[]> {
  const answers = await mapAll(items, predicate);
  return items.filter((_, index) => Boolean(answers[index]));
}

function isThenable(value: unknown): boolean {
  return typeof (value as { then?: unknown } | null)?.then === 'function';
}
