/**
 * A concurrency limiter keyed by an arbitrary string: at most `limit` holders per key at a time,
 * the others wait in order of arrival. Used by the transport to cap requests in flight (Autotask,
 * for example, allows three at a time per entity endpoint).
 *
 * @module
 */

/**
 * Gives back a slot taken with {@link ConcurrencyLimiter.acquire}. Calling it again does nothing.
 *
 * @category Throttling
 */
export type ReleaseSlot = () => void;

/**
 * A concurrency limiter made by {@link createConcurrencyLimiter}.
 *
 * @category Throttling
 */
export interface ConcurrencyLimiter {
  /** The most holders per key. */
  readonly limit: number;
  /**
   * Waits for a slot of `key` and takes it. Slots are handed out in order of arrival (FIFO).
   * Rejects with the signal's reason, without taking a slot, if the signal aborts first.
   *
   * @param key - Requests with the same key share the slots.
   * @param signal - Stops waiting.
   */
  acquire(key: string, signal?: AbortSignal): Promise<ReleaseSlot>;
  /** How many slots of `key` are taken now. */
  active(key: string): number;
  /** How many callers wait for a slot of `key` now. */
  pending(key: string): number;
}

interface Waiter {
  grant: () => void;
}

interface Lane {
  active: number;
  /** Waiters in arrival order (a Set keeps insertion order and deletes in O(1)). */
  waiting: Set<Waiter>;
}

/**
 * Makes a keyed concurrency limiter.
 *
 * @param limit - The most holders per key (a positive integer).
 * @example
 * ```ts
 * const limiter = createConcurrencyLimiter(3);
 * const release = await limiter.acquire('Tickets');
 * try { await work(); } finally { release(); }
 * ```
 *
 * @category Throttling
 */
export function createConcurrencyLimiter(limit: number): ConcurrencyLimiter {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError('limit must be a positive integer');
  const lanes = new Map<string, Lane>();

  const releaser = (key: string, lane: Lane): ReleaseSlot => {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = lane.waiting.values().next();
      if (!next.done) {
        // Hand the slot straight to the longest waiter, so nobody can jump the queue.
        lane.waiting.delete(next.value);
        next.value.grant();
        return;
      }
      lane.active -= 1;
      if (lane.active === 0) lanes.delete(key);
    };
  };

  return {
    limit,
    acquire(key, signal) {
      if (signal?.aborted) return Promise.reject(signal.reason);
      let lane = lanes.get(key);
      if (!lane) {
        lane = { active: 0, waiting: new Set() };
        lanes.set(key, lane);
      }
      if (lane.active < limit) {
        lane.active += 1;
        return Promise.resolve(releaser(key, lane));
      }
      const current = lane;
      return new Promise<ReleaseSlot>((resolve, reject) => {
        const onAbort = () => {
          current.waiting.delete(waiter);
          reject(signal?.reason);
        };
        const waiter: Waiter = {
          grant: () => {
            signal?.removeEventListener('abort', onAbort);
            resolve(releaser(key, current));
          },
        };
        current.waiting.add(waiter);
        signal?.addEventListener('abort', onAbort, { once: true });
      });
    },
    active: (key) => lanes.get(key)?.active ?? 0,
    pending: (key) => lanes.get(key)?.waiting.size ?? 0,
  };
}
