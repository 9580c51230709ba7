/**
 * The options of {@link createRedisStores}, and their checks.
 *
 * @module
 */
import { InputError } from '@itsm/core';

/**
 * What the stores do while Redis cannot be reached; see {@link RedisStoresOptions.whenUnavailable}.
 *
 * @category Options
 */
export type WhenRedisUnavailable = 'fail' | 'local';

/**
 * Where the stores report that Redis went away or came back. `console` fits.
 *
 * @category Options
 */
export interface RedisStoresLogger {
  /**
   * A message for the operator: Redis became unreachable (and what the gates do meanwhile), it is
   * back, or a slot's lease ran out while its request was still in flight.
   *
   * @param message - The message. It never holds the Redis URL (which may carry a password).
   */
  warn(message: string): void;
}

/**
 * Options of {@link createRedisStores}.
 *
 * @category Options
 */
export interface RedisStoresOptions {
  /**
   * The Redis server: `redis://[[user]:password@]host[:port][/db]`, or `rediss://` for TLS. Every
   * process that shares a budget gives the same server (and database).
   */
  url: string;
  /**
   * Put before every key and channel, so that several applications (or test runs) can share one
   * Redis without sharing limits. Default `'itsm:'`. Processes share limits only when their prefixes
   * are equal.
   */
  keyPrefix?: string | undefined;
  /**
   * What the gates do while Redis cannot be reached (not connected within `connectTimeoutMs`, or a
   * command unanswered within `commandTimeoutMs`):
   * - `'fail'` (default): every request that needs a slot or a count fails with a
   *   `RedisUnavailableError` (`outcome: 'not_applied'`), without being sent. Nothing can overshoot,
   *   but nothing gets through either.
   * - `'local'`: each process falls back to gates of its own, each keeping to `1/replicas` of every
   *   limit (at least one request in flight per endpoint), and warns through `logger` when it falls
   *   back and when Redis is back. Requests go on; with `replicas` set right the processes together
   *   stay within the budget, but a concurrency limit smaller than `replicas` is exceeded (each
   *   process keeps one slot).
   */
  whenUnavailable?: WhenRedisUnavailable | undefined;
  /**
   * With `whenUnavailable: 'local'`: how many processes share the limits, so that each keeps to its
   * share while they cannot coordinate. Default 1 (each process keeps the whole limit: N processes
   * may together spend N times the budget while Redis is away, which the warning says).
   */
  replicas?: number | undefined;
  /**
   * How long a thread slot stays taken when its holder stops renewing it (a crashed or frozen
   * process), in milliseconds. A live holder renews its slots every third of it. Default 15,000.
   */
  leaseMs?: number | undefined;
  /** How long to wait for a connection before Redis counts as unreachable, in milliseconds. Default 5,000. */
  connectTimeoutMs?: number | undefined;
  /** How long to wait for one answer before Redis counts as unreachable, in milliseconds. Default 2,000. */
  commandTimeoutMs?: number | undefined;
  /** Where warnings go. Default `console`. */
  logger?: RedisStoresLogger | undefined;
}

/**
 * The options, checked, with their defaults.
 *
 * @category Options
 */
export interface ResolvedRedisStoresOptions {
  /** The URL. */
  url: string;
  /** `host:port`, for messages: the URL without its credentials. */
  server: string;
  /** The key prefix. */
  keyPrefix: string;
  /** What to do while Redis cannot be reached. */
  whenUnavailable: WhenRedisUnavailable;
  /** The processes sharing the limits (for the local fallback). */
  replicas: number;
  /** The lease of a thread slot, in milliseconds. */
  leaseMs: number;
  /** The connect timeout, in milliseconds. */
  connectTimeoutMs: number;
  /** The command timeout, in milliseconds. */
  commandTimeoutMs: number;
  /** Where warnings go. */
  logger: RedisStoresLogger;
}

const KNOWN = ['url', 'keyPrefix', 'whenUnavailable', 'replicas', 'leaseMs', 'connectTimeoutMs', 'commandTimeoutMs', 'logger'];

/**
 * The shortest lease: renewals every third of it must be possible on a busy event loop.
 *
 * @category Options
 */
export const MIN_LEASE_MS = 500;

/**
 * The longest lease: a crashed process must not keep a slot for longer.
 *
 * @category Options
 */
export const MAX_LEASE_MS = 3_600_000;

function fail(field: string, message: string): never {
  throw new InputError(`${field} ${message}`, { field });
}

function milliseconds(options: RedisStoresOptions, field: 'leaseMs' | 'connectTimeoutMs' | 'commandTimeoutMs', fallback: number, min = 1, max = 600_000): number {
  const value = options[field];
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > max) {
    fail(field, `must be a whole number of milliseconds from ${min} to ${max}`);
  }
  return value;
}

/** `host:port` of a Redis URL, without user name or password. */
function serverOf(url: URL): string {
  const port = url.port === '' ? '6379' : url.port;
  return `${url.hostname}:${port}`;
}

/**
 * Checks the options of {@link createRedisStores}.
 *
 * @param options - What the caller gave.
 * @throws InputError naming the first bad option (the URL's value is never repeated: it may hold a password).
 * @category Options
 */
export function resolveRedisStoresOptions(options: RedisStoresOptions): ResolvedRedisStoresOptions {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) fail('options', 'must be an object with a url');
  for (const key of Object.keys(options)) if (!KNOWN.includes(key)) fail(key, 'is not a known option');
  const { url, keyPrefix = 'itsm:', whenUnavailable = 'fail', logger = console } = options;
  if (typeof url !== 'string' || url.trim() === '') fail('url', 'is required (e.g. redis://localhost:6379)');
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return fail('url', 'is not a URL (expected redis://host:port or rediss://host:port)');
  }
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') fail('url', `must use redis: or rediss:, not ${parsed.protocol}`);
  if (parsed.hostname === '') fail('url', 'has no host (expected redis://host:port)');
  if (typeof keyPrefix !== 'string' || keyPrefix.length > 200 || /[\s\u0000-\u001f\u007f]/u.test(keyPrefix)) {
    fail('keyPrefix', 'must be a string of at most 200 characters without white space or control characters');
  }
  if (whenUnavailable !== 'fail' && whenUnavailable !== 'local') fail('whenUnavailable', "must be 'fail' or 'local'");
  let replicas = 1;
  if (options.replicas !== undefined) {
    if (whenUnavailable !== 'local') fail('replicas', "only applies with whenUnavailable: 'local' (the share each process keeps while Redis is away)");
    if (!Number.isSafeInteger(options.replicas) || options.replicas < 1) fail('replicas', 'must be a positive whole number');
    replicas = options.replicas;
  }
  if (typeof logger !== 'object' || logger === null || typeof logger.warn !== 'function') fail('logger', 'must have a warn(message) method');
  return {
    url,
    server: serverOf(parsed),
    keyPrefix,
    whenUnavailable,
    replicas,
    leaseMs: milliseconds(options, 'leaseMs', 15_000, MIN_LEASE_MS, MAX_LEASE_MS),
    connectTimeoutMs: milliseconds(options, 'connectTimeoutMs', 5_000),
    commandTimeoutMs: milliseconds(options, 'commandTimeoutMs', 2_000),
    logger,
  };
}
