/**
 * Pagination: {@link Paginator} turns a function that fetches one page into an `AsyncIterable` of
 * items, with `.pages()`, `.take(n)`, `.toArray({ limit })` and `.map(fn)`.
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
import { InputError, ResponseShapeError } from './errors.js';

/** One page of results, as handed out by {@link Paginator.pages}. */
export interface Page<T> {
  /** The items of the page (after any `map`, and cut short by `take(n)` on the last page). */
  items: T[];
  /** The cursor that fetched this page; `undefined` for the first page when there is no start cursor. */
  cursor: string | undefined;
  /**
   * The cursor of the next page, as the provider returned it; `undefined` on the last page. When it
   * repeats a cursor already used in this iteration, the iteration still ends after this page.
   */
  nextCursor: string | undefined;
}

/** What a {@link PageFetcher} resolves to. */
export interface FetchedPage<T> {
  /** The items of the page, possibly none (an empty page with a `nextCursor` does not end the iteration). */
  items: T[];
  /** The cursor of the next page; `undefined` (or absent) on the last page. */
  nextCursor?: string | undefined;
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
 */
export type PageFetcher<T> = (
  cursor: string | undefined,
  context: { signal: AbortSignal },
) => Promise<FetchedPage<T>>;

/** What {@link PaginatorOptions.onRepeatedCursor} receives when a provider repeats a cursor. */
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
 */
export type RepeatedCursorPolicy = 'stop' | 'throw' | ((event: RepeatedCursorEvent) => void);

/** Options of a {@link Paginator}. */
export interface PaginatorOptions {
  /** Cursor of the first page to fetch (to resume from a page's `nextCursor`). Default: none. */
  startCursor?: string | undefined;
  /** Fetch the next page while the current one is consumed. Default `true`. */
  prefetch?: boolean | undefined;
  /** What to do when the provider repeats a cursor. Default `'stop'`. See {@link RepeatedCursorPolicy}. */
  onRepeatedCursor?: RepeatedCursorPolicy | undefined;
}

type Mapper = (item: unknown) => unknown;

const noop = (): void => {};

/**
 * A lazily fetched, paged list of items: `for await` it for items, call `pages()` for whole pages.
 * Nothing is fetched until iteration starts; every iteration starts afresh from the start cursor.
 * Instances are immutable: `take` and `map` return new paginators.
 *
 * @example
 * ```ts
 * for await (const ticket of connector.tickets.list({ requester: 'ada@example.com' })) {
 *   console.log(ticket.key, ticket.subject);
 * }
 * const first10 = await connector.tickets.list().toArray({ limit: 10 });
 * for await (const page of connector.users.search('ada').pages()) console.log(page.nextCursor);
 * ```
 */
export class Paginator<T> implements AsyncIterable<T> {
  readonly #fetchPage: PageFetcher<unknown>;
  readonly #options: Readonly<PaginatorOptions>;
  #limit = Infinity;
  #mappers: readonly Mapper[] = [];

  /**
   * @param fetchPage - Fetches one page; see {@link PageFetcher}.
   * @param options - See {@link PaginatorOptions}.
   */
  constructor(fetchPage: PageFetcher<T>, options: PaginatorOptions = {}) {
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
    this.#fetchPage = fetchPage;
    this.#options = { ...options };
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
  async *pages(options: { signal?: AbortSignal | undefined } = {}): AsyncIterableIterator<Page<T>> {
    const { startCursor, prefetch = true, onRepeatedCursor = 'stop' } = this.#options;
    const { signal } = options;
    signal?.throwIfAborted();
    const controller = new AbortController();
    const onAbort = () => controller.abort(signal?.reason);
    signal?.addEventListener('abort', onAbort, { once: true });
    const seen = new Set<string>();
    if (startCursor !== undefined) seen.add(startCursor);
    let remaining = this.#limit;
    let cursor = startCursor;
    let pending: Promise<Page<T>> | undefined;
    let fetched = 0;
    try {
      while (remaining > 0) {
        const page = await untilAborted(pending ?? this.#load(cursor, remaining, controller.signal), controller.signal);
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
          pending = this.#load(next, remaining, controller.signal);
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
  take(n: number): Paginator<T> {
    checkCount(n, 'n');
    return this.#derive<T>(Math.min(this.#limit, n), this.#mappers);
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
  map<U>(fn: (item: T) => U | Promise<U>): Paginator<U> {
    if (typeof fn !== 'function') throw new InputError('fn must be a function', { field: 'fn' });
    return this.#derive<U>(this.#limit, [...this.#mappers, fn as Mapper]);
  }

  #derive<U>(limit: number, mappers: readonly Mapper[]): Paginator<U> {
    const derived = new Paginator<U>(this.#fetchPage as PageFetcher<U>, this.#options);
    derived.#limit = limit;
    derived.#mappers = mappers;
    return derived;
  }

  /** Fetches one page, keeps at most `budget` items, and applies the mappers to them. */
  async #load(cursor: string | undefined, budget: number, signal: AbortSignal): Promise<Page<T>> {
    const result: unknown = await this.#fetchPage(cursor, { signal });
    const { items, nextCursor } = checkFetched(result);
    let kept: unknown[] = items.length > budget ? items.slice(0, budget) : items;
    for (const mapper of this.#mappers) kept = await mapAll(kept, mapper);
    return { items: kept as T[], cursor, nextCursor };
  }
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
function checkFetched(result: unknown): { items: unknown[]; nextCursor: string | undefined } {
  const { items, nextCursor } = (result ?? {}) as { items?: unknown; nextCursor?: unknown };
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
  return { items, nextCursor: nextCursor ?? undefined };
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

function isThenable(value: unknown): boolean {
  return typeof (value as { then?: unknown } | null)?.then === 'function';
}
