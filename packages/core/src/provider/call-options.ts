/**
 * The options every method of a native client accepts, and how they combine with what the
 * method itself sends.
 *
 * @module
 */
import type { RequestOptions } from '@itsm/core';

/**
 * Options every method of a native client accepts (in its options object, or as its last
 * argument), overriding the client's for that call.
 *
 * @example
 * ```ts
 * const call: CallOptions = { signal: AbortSignal.timeout(10_000), timeout: 5_000, maxRetries: 0 };
 * ```
 *
 * @category Resources
 */
export interface CallOptions {
  /** Aborts the call; it then rejects with the signal's reason. */
  signal?: AbortSignal | undefined;
  /** Time limit of one attempt, in milliseconds. */
  timeout?: number | undefined;
  /** Time limit of the whole call, retries included, in milliseconds. */
  totalTimeout?: number | undefined;
  /** Retries after the first attempt (only for calls that may be retried). */
  maxRetries?: number | undefined;
  /** Extra headers. Headers the method needs take precedence. */
  headers?: Record<string, string> | undefined;
}

/** Every key of {@link CallOptions}, so that one missing here fails to compile. */
const KEYS: Record<keyof CallOptions, true> = { signal: true, timeout: true, totalTimeout: true, maxRetries: true, headers: true };

/**
 * The keys of {@link CallOptions}.
 *
 * @category Resources
 */
export const CALL_OPTION_KEYS: readonly (keyof CallOptions)[] = Object.freeze(Object.keys(KEYS) as (keyof CallOptions)[]);

/**
 * The transport options of a call: what the method sends (`request`), with the caller's
 * {@link CallOptions} on top. The method's own headers win over the caller's; the caller's signal
 * is combined with the method's (a paginator's); the caller's time and retry limits apply.
 * Nothing else is read from `options`.
 *
 * @param request - The method's transport options (query, json, headers, a paginator's signal, ...).
 * @param options - The caller's call options.
 * @example
 * ```ts
 * withCallOptions({ query: { startAt: 0 }, headers: { 'X-Atlassian-Token': 'no-check' } }, { timeout: 5_000 });
 * // { query: { startAt: 0 }, headers: { 'X-Atlassian-Token': 'no-check' }, timeout: 5000 }
 * ```
 *
 * @category Resources
 */
export function withCallOptions<R extends RequestOptions>(request: R, options: CallOptions | undefined): R {
  const result: R = { ...request };
  const headers = { ...options?.headers, ...request.headers };
  if (Object.keys(headers).length > 0) result.headers = headers;
  const signals = [options?.signal, request.signal].filter((item): item is AbortSignal => item !== undefined);
  if (signals.length === 1) result.signal = signals[0] as AbortSignal;
  if (signals.length > 1) result.signal = AbortSignal.any(signals);
  if (options?.timeout !== undefined) result.timeout = options.timeout;
  if (options?.totalTimeout !== undefined) result.totalTimeout = options.totalTimeout;
  if (options?.maxRetries !== undefined) result.maxRetries = options.maxRetries;
  return result;
}
