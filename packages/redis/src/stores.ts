/**
 * {@link createRedisStores}: a `ConcurrencyStore` and a `BudgetStore` that several processes share
 * through one Redis, with the behaviour chosen for when Redis cannot be reached.
 *
 * @module
 */
import {
  createMemoryBudgetStore,
  createMemoryConcurrencyStore,
  type BudgetStore,
  type ConcurrencyStore,
  type ReleaseSlot,
} from '@itsm/core';
import { createRedisBudget } from './budget.js';
import { RedisConnection, RedisUnreachable } from './connection.js';
import { RedisUnavailableError } from './errors.js';
import { resolveRedisStoresOptions, type RedisStoresOptions, type ResolvedRedisStoresOptions } from './options.js';
import { createRedisSlots } from './slots.js';

/**
 * The stores made by {@link createRedisStores}, on one Redis connection.
 *
 * @category Throttling
 */
export interface RedisStores {
  /**
   * Thread slots shared by every process with the same Redis and key prefix: leases that run out
   * when their holder stops renewing them, handed out in order of arrival.
   */
  readonly concurrencyStore: ConcurrencyStore;
  /**
   * Rolling-window budgets shared by every process with the same Redis and key prefix, each request
   * counted by one atomic script, on the Redis server's clock (the gate's `now` is not used; usage
   * reports are dated by their age).
   */
  readonly budgetStore: BudgetStore;
  /**
   * Connects now and checks that Redis answers, instead of on the first request: for a readiness
   * probe, or to stop at start-up when Redis is missing.
   *
   * @param options - `signal` stops waiting.
   * @throws RedisUnavailableError when Redis does not answer within `connectTimeoutMs`.
   */
  connect(options?: { signal?: AbortSignal | undefined }): Promise<void>;
  /**
   * Waits for the slots being given back, then closes the connections. Give it the chance to run
   * before the process exits; slots still held (requests in flight) stay taken until their leases
   * run out. Calls after it behave as if Redis were unreachable.
   */
  close(): Promise<void>;
}

/** A limit's share for one process while the processes cannot coordinate: at least 1. */
function shareOf(limit: number, replicas: number): number {
  return Math.max(1, Math.floor(limit / replicas));
}

/** What is logged when Redis becomes unreachable, by the behaviour chosen. */
function downMessage(options: ResolvedRedisStoresOptions, reason: string): string {
  const head = `@itsm/redis: Redis at ${options.server} is unreachable (${reason}).`;
  if (options.whenUnavailable === 'fail') {
    return `${head} Until it is back, requests that need a thread slot or a budget count fail with RedisUnavailableError, without being sent.`;
  }
  if (options.replicas === 1) {
    return `${head} Until it is back, this process keeps every limit by itself, as if it were alone: several processes may together exceed them (set replicas to share them out).`;
  }
  return (
    `${head} Until it is back, this process keeps its own limits at 1/${options.replicas} of each ` +
    '(at least one request in flight per endpoint), and counts 1/' +
    `${options.replicas} of the usage the provider reports.`
  );
}

/**
 * Makes a concurrency store and a budget store that every process with the same Redis and key
 * prefix shares, so that N bot replicas keep together to one provider's limits (Autotask: three
 * requests in flight per entity endpoint, 10,000 per rolling hour per database).
 *
 * Nothing connects until the first request needs a slot or a count (or {@link RedisStores.connect}).
 * While Redis cannot be reached, the stores fail closed with a {@link RedisUnavailableError}, or, with
 * `whenUnavailable: 'local'`, fall back to per-process limits and warn through the logger.
 *
 * @param options - The Redis URL, the key prefix, what to do while Redis is away, the lease time.
 * @throws InputError naming the first bad option.
 * @example
 * ```ts
 * const shared = createRedisStores({ url: process.env.REDIS_URL!, keyPrefix: 'helpdesk:' });
 * const autotask = createAutotaskConnector({
 *   ...options,
 *   limits: { concurrencyStore: shared.concurrencyStore, budgetStore: shared.budgetStore },
 * });
 * // at shutdown
 * await shared.close();
 * ```
 *
 * @category Throttling
 */
export function createRedisStores(options: RedisStoresOptions): RedisStores {
  const resolved = resolveRedisStoresOptions(options);
  const { logger, replicas, server, whenUnavailable } = resolved;
  const connection = new RedisConnection(resolved, (reachable, reason) => {
    logger.warn(reachable ? `@itsm/redis: Redis at ${server} is reachable again (${reason}); the limits are shared again.` : downMessage(resolved, reason));
  });
  const slots = createRedisSlots(connection, resolved);
  const budget = createRedisBudget(connection, resolved.keyPrefix);
  /** Each process queues at most `limit` calls per key in Redis; the others wait here, in order. */
  const turns = createMemoryConcurrencyStore();
  const localSlots = createMemoryConcurrencyStore();
  /** This process's own requests and its share of the reported usage, for when Redis is away. */
  const localBudget = createMemoryBudgetStore();

  /** Runs `shared`; when Redis is unreachable, fails closed or runs `local`. */
  async function sharedOr<T>(operation: 'concurrency' | 'budget', shared: () => Promise<T>, local: () => Promise<T>): Promise<T> {
    try {
      return await shared();
    } catch (error) {
      if (!(error instanceof RedisUnreachable)) throw error;
      if (whenUnavailable === 'local') return local();
      throw new RedisUnavailableError(
        `the request was not sent: the ${operation === 'concurrency' ? 'thread slots' : 'request budget'} shared through Redis at ${server} ` +
          `cannot be reached (${error.message}), and whenUnavailable is 'fail'`,
        { server, operation, cause: error },
      );
    }
  }

  const concurrencyStore: ConcurrencyStore = {
    async acquire(key, limit, signal) {
      const turn = await turns.acquire(key, limit, signal);
      let slot: ReleaseSlot;
      try {
        slot = await sharedOr(
          'concurrency',
          () => slots.acquire(key, limit, signal),
          () => localSlots.acquire(key, shareOf(limit, replicas), signal),
        );
      } catch (error) {
        turn();
        throw error;
      }
      let released = false;
      return () => {
        if (released) return;
        released = true;
        slot();
        turn();
      };
    },
  };

  const budgetStore: BudgetStore = {
    async take(key, request) {
      return sharedOr(
        'budget',
        async () => {
          const decision = await budget.take(key, request);
          // Kept locally too (never refused there), so that a fall-back knows this process's recent requests.
          if (decision.granted) await localBudget.take(key, { ...request, limit: Number.MAX_SAFE_INTEGER });
          return decision;
        },
        async () => {
          // On the scale of the whole budget, as the gate reads it (for its slow-down).
          const decision = await localBudget.take(key, { ...request, limit: shareOf(request.limit, replicas) });
          return { ...decision, used: decision.used * replicas };
        },
      );
    },
    async report(key, report) {
      await localBudget.report(key, { used: Math.ceil(report.used / replicas), at: report.at });
      await sharedOr('budget', () => budget.report(key, report), async () => undefined);
    },
    async used(key, request) {
      return sharedOr('budget', () => budget.used(key, request), async () => (await localBudget.used(key, request)) * replicas);
    },
  };

  return {
    concurrencyStore,
    budgetStore,
    async connect(connectOptions = {}) {
      try {
        await connection.ping(connectOptions.signal);
      } catch (error) {
        if (!(error instanceof RedisUnreachable)) throw error;
        throw new RedisUnavailableError(`Redis at ${server} cannot be reached: ${error.message}`, { server, operation: 'connect', cause: error });
      }
    },
    async close() {
      await slots.close();
      await connection.close();
    },
  };
}
