/**
 * {@link RedisUnavailableError}: the gates could not reach Redis, and were told to fail closed.
 *
 * @module
 */
import { ItsmError, type ItsmErrorOptions } from '@itsm/core';

/**
 * Options of a {@link RedisUnavailableError}.
 *
 * @category Errors
 */
export interface RedisUnavailableErrorOptions extends ItsmErrorOptions {
  /** The Redis server, as `host:port` (never the URL, which may hold a password). */
  server: string;
  /** What failed: `'concurrency'` (taking a thread slot), `'budget'` (counting a request) or `'connect'` (`RedisStores.connect()`). */
  operation: 'concurrency' | 'budget' | 'connect';
}

/**
 * A request was not sent because the shared gates could not reach Redis, and the stores were made
 * with `whenUnavailable: 'fail'` (the default): rather than let several processes each spend the
 * whole budget, nothing is sent (`outcome: 'not_applied'`). Try again later; the stores reconnect by
 * themselves. The original failure is the `cause`.
 *
 * @example
 * ```ts
 * try { await connector.tickets.get('7'); }
 * catch (error) {
 *   if (error instanceof RedisUnavailableError) return reschedule(job); // nothing was sent
 *   throw error;
 * }
 * ```
 *
 * @category Errors
 */
export class RedisUnavailableError extends ItsmError {
  static override readonly kind: string = 'RedisUnavailableError';
  /** The Redis server, as `host:port`. */
  readonly server: string;
  /** What failed: taking a thread slot, counting a request, or connecting. */
  readonly operation: 'concurrency' | 'budget' | 'connect';

  constructor(message: string, options: RedisUnavailableErrorOptions) {
    super(message, { outcome: 'not_applied', ...options });
    this.server = options.server;
    this.operation = options.operation;
  }
}
