/**
 * {@link cached}: a value loaded once and shared, that never keeps a failure.
 *
 * @module
 */
import { InputError } from './errors.js';

/**
 * Options of {@link cached}.
 *
 * @category Utilities
 */
export interface CachedOptions {
  /**
   * How long a loaded value is kept, in milliseconds, counted from the start of the load that
   * produced it. Default `Infinity`: for the life of the cache.
   */
  ttlMs?: number | undefined;
  /** The clock, in milliseconds. Default `Date.now`. */
  now?: (() => number) | undefined;
}

/**
 * A value loaded on first need and then shared: callers that ask while a load is in flight get the
 * same promise. A load that fails is forgotten as it fails, so the next caller loads again; a value
 * older than `ttlMs` is loaded again on the next ask. Made by {@link cached}.
 *
 * `A` are the arguments of `load`: the call that starts a load passes them (e.g. its call options);
 * a call served from the cache ignores its own.
 *
 * @category Utilities
 */
export interface Cached<T, A extends unknown[] = []> {
  /**
   * The cached value, loading it when there is none, or when it is older than `ttlMs`.
   *
   * @param args - Passed to `load` when this call starts a load.
   */
  get(...args: A): Promise<T>;
  /**
   * Loads the value again now, whatever is cached, and keeps the new load for later callers.
   *
   * @param args - Passed to `load`.
   */
  refresh(...args: A): Promise<T>;
  /** Replaces the cached value (e.g. with one read by another call), starting its `ttlMs` afresh. */
  set(value: T): void;
  /** Forgets the cached value: the next `get()` loads again. */
  clear(): void;
}

/**
 * Caches what `load` resolves to. A failed load is never kept: the caller that triggered it gets
 * the failure, and the next caller starts a new load.
 *
 * @param load - Loads the value; called at most once at a time per cache (unless `refresh` is called).
 * @param options - `ttlMs` (default `Infinity`) and `now` (a clock, for tests).
 * @throws {@link InputError} naming `ttlMs` when it is not a non-negative number.
 * @example
 * ```ts
 * const statuses = cached(() => client.projects.statuses('HELP'), { ttlMs: 10 * 60_000 });
 * await statuses.get(); // loads
 * await statuses.get(); // the same promise, no request
 * ```
 *
 * @category Utilities
 */
export function cached<T, A extends unknown[] = []>(load: (...args: A) => Promise<T>, options: CachedOptions = {}): Cached<T, A> {
  const { ttlMs = Number.POSITIVE_INFINITY, now = Date.now } = options;
  if (typeof load !== 'function') throw new InputError('load must be a function', { field: 'load' });
  if (typeof ttlMs !== 'number' || Number.isNaN(ttlMs) || ttlMs < 0) {
    throw new InputError('ttlMs must be a non-negative number of milliseconds (or Infinity)', { field: 'ttlMs' });
  }
  let value: Promise<T> | undefined;
  let loadedAt = 0;

  function keep(pending: Promise<T>): Promise<T> {
    value = pending;
    loadedAt = now();
    pending.catch(() => {
      if (value === pending) value = undefined;
    });
    return pending;
  }

  /** Calls `load` now; a synchronous throw becomes a rejection. */
  function start(args: A): Promise<T> {
    try {
      return Promise.resolve(load(...args));
    } catch (error) {
      return Promise.reject(error);
    }
  }

  return {
    get(...args) {
      if (value === undefined || now() - loadedAt > ttlMs) return keep(start(args));
      return value;
    },
    refresh(...args) {
      return keep(start(args));
    },
    set(next) {
      keep(Promise.resolve(next));
    },
    clear() {
      value = undefined;
    },
  };
}
