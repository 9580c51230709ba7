/**
 * The concurrency gate: at most `limit` attempts in flight per key (Autotask allows three per entity
 * endpoint). Its state sits behind {@link ConcurrencyStore}, so that several processes can share one
 * limit (the default store keeps it in this process).
 *
 * @module
 */
import { InputError } from '../errors.js';
import type { GateRelease, GateRequest, RequestGate } from './gates.js';
import { createConcurrencyLimiter, type ReleaseSlot } from './limiter.js';

/**
 * Where a concurrency gate keeps its slots. The default keeps them in this process; a shared store
 * (e.g. leases in Redis) lets several processes share one limit.
 *
 * @category Throttling
 */
export interface ConcurrencyStore {
  /**
   * Waits for one of the `limit` slots of `key` and takes it, first come first served. Rejects with
   * the signal's reason, holding nothing, when `signal` aborts first.
   *
   * @param key - Requests with the same key share the slots.
   * @param limit - The most slots of the key taken at once.
   * @param signal - Stops waiting.
   */
  acquire(key: string, limit: number, signal: AbortSignal): Promise<ReleaseSlot>;
}

/**
 * Options of {@link createConcurrencyGate}.
 *
 * @category Throttling
 */
export interface ConcurrencyGateOptions {
  /** The most attempts in flight per key (a positive integer). */
  limit: number;
  /**
   * The key of an attempt. Default: one key for every request. A call's own `concurrencyKey` option
   * wins over it.
   */
  key?: ((request: GateRequest) => string) | undefined;
  /** Where the slots are kept. Default: in this process. */
  store?: ConcurrencyStore | undefined;
}

/**
 * A store that keeps slots in this process, waiters served in order of arrival.
 *
 * @example
 * ```ts
 * const gate = createConcurrencyGate({ limit: 3, store: createMemoryConcurrencyStore() });
 * ```
 *
 * @category Throttling
 */
export function createMemoryConcurrencyStore(): ConcurrencyStore {
  const limiters = new Map<number, ReturnType<typeof createConcurrencyLimiter>>();
  return {
    acquire(key, limit, signal) {
      let limiter = limiters.get(limit);
      if (limiter === undefined) {
        limiter = createConcurrencyLimiter(limit);
        limiters.set(limit, limiter);
      }
      return limiter.acquire(key, signal);
    },
  };
}

/**
 * Makes a concurrency gate: at most `limit` attempts in flight per key. An attempt holds its slot
 * until its response is read (or it failed); a retry waits for a slot again, so a slot is not held
 * during the wait between attempts.
 *
 * @param options - The limit, the key of an attempt, and where slots are kept.
 * @throws InputError naming `limit`, `key` or `store` when one is invalid.
 * @example
 * ```ts
 * // Autotask: three requests in flight per entity endpoint.
 * const perEntity = createConcurrencyGate({ limit: 3, key: ({ path }) => path.split('/')[1] ?? '' });
 * createTransport({ provider: 'autotask', baseUrl, gates: [perEntity] });
 * ```
 *
 * @category Throttling
 */
export function createConcurrencyGate(options: ConcurrencyGateOptions): RequestGate {
  const { limit, key = () => '', store = createMemoryConcurrencyStore() } = options ?? ({} as ConcurrencyGateOptions);
  if (!Number.isSafeInteger(limit) || limit < 1) throw new InputError('limit must be a positive integer', { field: 'limit' });
  if (typeof key !== 'function') throw new InputError('key must be a function', { field: 'key' });
  if (typeof store?.acquire !== 'function') throw new InputError('store must have an acquire method', { field: 'store' });
  return async (request, signal): Promise<GateRelease> => store.acquire(request.key ?? key(request), limit, signal);
}
