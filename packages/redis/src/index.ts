/**
 * `@itsm/redis`: stores for the request gates of `@itsm/core` that several processes share through
 * one Redis server, so that N replicas of a bot keep together to one provider's limits: Autotask's
 * three requests in flight per entity endpoint and 10,000 requests per rolling hour per database, or
 * a Jira site's burst limit when the replicas share one service account.
 *
 * ```ts
 * const shared = createRedisStores({ url: process.env.REDIS_URL!, keyPrefix: 'helpdesk:' });
 * const autotask = createAutotaskConnector({
 *   ...options,
 *   limits: { concurrencyStore: shared.concurrencyStore, budgetStore: shared.budgetStore },
 * });
 * ```
 *
 * Test helpers (a `redis-server` started on a free loopback port) are in `@itsm/redis/testing`.
 *
 * @packageDocumentation
 */
export { createRedisStores, type RedisStores } from './stores.js';
export { RedisUnavailableError, type RedisUnavailableErrorOptions } from './errors.js';
export {
  MAX_LEASE_MS,
  MIN_LEASE_MS,
  type RedisStoresLogger,
  type RedisStoresOptions,
  type WhenRedisUnavailable,
} from './options.js';
