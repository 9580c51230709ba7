/**
 * When a failed attempt is tried again, and after how long. Pure functions: the transport feeds
 * them what happened and does what they say.
 *
 * - Only idempotent methods are retried, unless the call says otherwise (`retryable`).
 * - Retried failures: statuses 408, 429, 500, 502, 503 and 504, network failures, and attempts that
 *   timed out. No other status, unless the provider says so; and never 413, whoever says so.
 * - On 429 and 503 the server's wait (`Retry-After`, else a rate-limit reset header) is honoured
 *   exactly when it is within the cap; a longer wait, or one that would not end before the call's
 *   time runs out, is not retried at all, so the caller gets the error at once.
 * - Otherwise the wait is exponential backoff with full jitter.
 *
 * @module
 */

/**
 * Methods retried by default: those whose repetition has the same effect as one request.
 *
 * @category Transport
 */
export const IDEMPOTENT_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS']);

/**
 * Statuses retried by default.
 *
 * @category Transport
 */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([408, 429, 500, 502, 503, 504]);

/** Statuses whose retry wait comes from the server's timing headers when it sends one. */
export const RETRY_AFTER_STATUSES: ReadonlySet<number> = new Set([429, 503]);

/** Reset headers holding a number this large (in ms) are Unix timestamps, not delays. */
const TIMESTAMP_THRESHOLD_MS = Date.UTC(2024, 0, 1);

/**
 * Whether a failed call of this method may be repeated.
 *
 * @param method - HTTP method, any case.
 * @param retryable - The call's own choice, when it made one.
 */
export function isRetryableMethod(method: string, retryable?: boolean): boolean {
  return retryable ?? IDEMPOTENT_METHODS.has(method.toUpperCase());
}

function parseSeconds(value: string): number | undefined {
  return /^\d+$/.test(value) ? Number(value) * 1000 : undefined;
}

function parseHttpDate(value: string, now: number): number | undefined {
  // An HTTP-date always names a weekday and ends with GMT (or is asctime); plain numbers are not dates.
  if (!/^[A-Za-z]{3}/.test(value)) return undefined;
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : time - now;
}

function parseReset(value: string, now: number): number | undefined {
  const ms = parseSeconds(value);
  if (ms === undefined) return undefined;
  return ms >= TIMESTAMP_THRESHOLD_MS ? ms - now : ms;
}

/**
 * How long the server asked to wait before the next request, in milliseconds, or `undefined` when
 * it did not say (or said it in a form not understood).
 *
 * `Retry-After` (delay seconds or an HTTP-date) wins when present. Without it, `RateLimit-Reset`,
 * `X-RateLimit-Retry-After`, `X-RateLimit-Reset` and `X-Rate-Limit-Reset` are read, in that order;
 * the reset headers may hold a Unix timestamp in seconds. A time in the past gives 0.
 *
 * @param headers - Response headers.
 * @param now - The current time, in ms since the epoch (for tests).
 * @example
 * ```ts
 * parseRetryAfter(new Headers({ 'retry-after': '2' })); // 2000
 * ```
 *
 * @category Transport
 */
export function parseRetryAfter(headers: Headers, now: number = Date.now()): number | undefined {
  let wait: number | undefined;
  const retryAfter = headers.get('retry-after')?.trim();
  if (retryAfter !== undefined) {
    wait = parseSeconds(retryAfter) ?? parseHttpDate(retryAfter, now);
  } else {
    const reset = headers.get('ratelimit-reset') ?? undefined;
    const retryAfterAlias = headers.get('x-ratelimit-retry-after') ?? undefined;
    const resetAlias = headers.get('x-ratelimit-reset') ?? headers.get('x-rate-limit-reset') ?? undefined;
    if (reset !== undefined) wait = parseReset(reset.trim(), now);
    else if (retryAfterAlias !== undefined) wait = parseSeconds(retryAfterAlias.trim());
    else if (resetAlias !== undefined) wait = parseReset(resetAlias.trim(), now);
  }
  return wait === undefined ? undefined : Math.max(0, wait);
}

/**
 * The backoff before retry number `retry` (1 for the first retry): a random wait, full jitter,
 * in `[0, min(maxMs, baseMs * 2^(retry-1))]`.
 *
 * @param retry - 1 for the first retry.
 * @param baseMs - Upper bound of the first wait.
 * @param maxMs - Upper bound of any wait.
 * @param random - A source of numbers in `[0, 1)` (for tests).
 */
export function backoffDelay(retry: number, baseMs: number, maxMs: number, random: () => number = Math.random): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, retry - 1));
  return random() * ceiling;
}

/** What went wrong with an attempt, as far as retrying is concerned. */
export type AttemptFailure =
  | {
      kind: 'status';
      status: number;
      headers: Headers;
      /** The provider's explicit say on retrying this response, when it gave one. */
      retry?: boolean | undefined;
    }
  | { kind: 'connection' }
  | { kind: 'timeout' }
  | { kind: 'other' };

/** What {@link decideRetry} needs to know. */
export interface RetryContext {
  /** What went wrong. */
  failure: AttemptFailure;
  /** The number of the retry being considered: 1 for the first retry. */
  retry: number;
  /** Upper bound of the first backoff wait, in milliseconds. */
  baseMs: number;
  /** Upper bound of any backoff wait, in milliseconds. */
  maxMs: number;
  /** The longest server-requested wait honoured, in milliseconds. */
  maxRetryAfterMs: number;
  /** Time left before the call's time limit, in milliseconds; `undefined` for no limit. */
  remainingMs?: number | undefined;
  /** A source of numbers in `[0, 1)` (for tests). */
  random?: () => number;
}

/** The outcome of {@link decideRetry}. */
export type RetryDecision = { retry: true; delayMs: number } | { retry: false };

const NO_RETRY: RetryDecision = { retry: false };

/**
 * Decides whether to retry a failed attempt, and after how long. The caller has already checked the
 * method ({@link isRetryableMethod}) and the retry count.
 *
 * @param context - What happened and the limits that apply.
 */
export function decideRetry(context: RetryContext): RetryDecision {
  const { failure, remainingMs } = context;
  if (failure.kind === 'other') return NO_RETRY;
  if (failure.kind === 'status') {
    if (failure.status === 413) return NO_RETRY; // the same body will never fit
    const retryable = failure.retry ?? RETRYABLE_STATUSES.has(failure.status);
    if (!retryable) return NO_RETRY;
    if (RETRY_AFTER_STATUSES.has(failure.status)) {
      const wait = parseRetryAfter(failure.headers);
      if (wait !== undefined) {
        if (wait > context.maxRetryAfterMs) return NO_RETRY;
        if (remainingMs !== undefined && wait >= remainingMs) return NO_RETRY;
        return { retry: true, delayMs: wait };
      }
    }
  }
  const delayMs = backoffDelay(context.retry, context.baseMs, context.maxMs, context.random);
  if (remainingMs !== undefined && delayMs >= remainingMs) return NO_RETRY;
  return { retry: true, delayMs };
}
