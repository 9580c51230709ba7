/**
 * The budget gate: at most `limit` requests per rolling window (Autotask: 10,000 per hour per
 * database, all integrations together; past it the whole tenant is suspended), optionally slowing
 * down as usage rises, and fed by the provider's own usage figures so that other clients of the same
 * account count too. Its state sits behind a {@link BudgetStore}.
 *
 * @module
 */
import { BudgetExceededError, InputError } from '../errors.js';
import { createMemoryBudgetStore, type BudgetStore } from './budget-store.js';
import { delay } from './delay.js';
import type { GateRelease, GateRequest, RequestGate } from './gates.js';

/**
 * One step of a slow-down: from this share of the budget used on, wait this long before each request.
 *
 * @category Throttling
 */
export interface BudgetSlowDown {
  /** The share of the limit used (0 to 1) from which the step applies, e.g. `0.5`. */
  readonly from: number;
  /** The wait before each request, in milliseconds. */
  readonly delayMs: number;
}

/**
 * Options of {@link createBudgetGate}.
 *
 * @category Throttling
 */
export interface BudgetGateOptions {
  /** The most requests per window (a positive integer). Reports may change it later. */
  limit: number;
  /** The rolling window, in milliseconds, e.g. `3_600_000` for an hour. */
  windowMs: number;
  /** The budget an attempt counts against. Default: one budget for every request. */
  key?: ((request: GateRequest) => string) | undefined;
  /** Where the count is kept. Default: in this process ({@link createMemoryBudgetStore}). */
  store?: BudgetStore | undefined;
  /**
   * Waits before each request as usage rises, e.g. `[{ from: 0.5, delayMs: 500 }, { from: 0.75, delayMs: 1000 }]`
   * (what Autotask itself adds). The step with the highest `from` not above the share used applies.
   * Default: none.
   */
  slowDown?: readonly BudgetSlowDown[] | undefined;
  /**
   * The longest wait for the budget to free up before a request is refused with a
   * {@link BudgetExceededError}, in milliseconds. Default 60,000. `0` refuses at once.
   */
  maxWaitMs?: number | undefined;
  /**
   * How long a usage figure from {@link BudgetGate.report} counts, in milliseconds: report again at
   * least this often while usage is high. Default: a sixtieth of the window (a minute for an hour).
   */
  reportTtlMs?: number | undefined;
  /** The clock, in milliseconds since the epoch. Default `Date.now`. */
  now?: (() => number) | undefined;
}

/**
 * A budget's state, from {@link BudgetGate.usage}.
 *
 * @category Throttling
 */
export interface BudgetUsage {
  /** Requests counted in the window. */
  used: number;
  /** The most requests per window. */
  limit: number;
  /** The window, in milliseconds. */
  windowMs: number;
}

/**
 * What {@link BudgetGate.report} takes: the provider's own figures.
 *
 * @category Throttling
 */
export interface BudgetUsageReport {
  /** Requests the provider counted in its current window, from every client of the account. */
  used: number;
  /** The provider's limit, when it says (it replaces the gate's `limit`). */
  limit?: number | undefined;
  /** The budget's key. Default: the key of the default key function (`''`). */
  key?: string | undefined;
}

/**
 * A budget gate: a {@link RequestGate}, plus ways to feed and read its count.
 *
 * @category Throttling
 */
export interface BudgetGate extends RequestGate {
  /**
   * Feeds the provider's own usage figure (e.g. Autotask's `ThresholdInformation`), which counts
   * other clients of the same account too.
   *
   * @param report - The figures.
   */
  report(report: BudgetUsageReport): Promise<void>;
  /**
   * The budget's state now.
   *
   * @param key - The budget's key. Default `''`.
   */
  usage(key?: string): Promise<BudgetUsage>;
}

function positive(field: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new InputError(`${field} must be a positive number`, { field });
  }
  return value;
}

function checkSlowDown(steps: readonly BudgetSlowDown[] | undefined): BudgetSlowDown[] {
  if (steps === undefined) return [];
  if (!Array.isArray(steps)) throw new InputError('slowDown must be a list of { from, delayMs } steps', { field: 'slowDown' });
  return steps
    .map((step, index) => {
      const { from, delayMs } = (step ?? {}) as Partial<BudgetSlowDown>;
      if (typeof from !== 'number' || !(from >= 0 && from <= 1)) {
        throw new InputError(`slowDown.${index}.from must be a share of the limit from 0 to 1`, { field: `slowDown.${index}.from` });
      }
      if (typeof delayMs !== 'number' || !Number.isFinite(delayMs) || delayMs < 0) {
        throw new InputError(`slowDown.${index}.delayMs must be a non-negative number of milliseconds`, { field: `slowDown.${index}.delayMs` });
      }
      return { from, delayMs };
    })
    .sort((a, b) => a.from - b.from);
}

/**
 * Makes a budget gate: at most `limit` requests per rolling `windowMs`. An attempt that would
 * overshoot waits until the window frees up (up to `maxWaitMs`, and within the call's time limit),
 * else fails with a {@link BudgetExceededError} without being sent. Every attempt counts, retries
 * included, as it does for the provider.
 *
 * @param options - Limit, window, key, store, slow-down steps and waits.
 * @throws InputError naming the first invalid option.
 * @example
 * ```ts
 * const hourly = createBudgetGate({
 *   limit: 10_000,
 *   windowMs: 60 * 60_000,
 *   slowDown: [{ from: 0.5, delayMs: 500 }, { from: 0.75, delayMs: 1_000 }],
 * });
 * createTransport({ provider: 'autotask', baseUrl, gates: [hourly] });
 * // later, from the provider's own count:
 * await hourly.report({ used: 7_412, limit: 10_000 });
 * ```
 *
 * @category Throttling
 */
export function createBudgetGate(options: BudgetGateOptions): BudgetGate {
  if (typeof options !== 'object' || options === null) throw new InputError('options must be an object', { field: 'options' });
  let limit = positive('limit', options.limit);
  if (!Number.isSafeInteger(limit)) throw new InputError('limit must be a positive integer', { field: 'limit' });
  const windowMs = positive('windowMs', options.windowMs);
  const { key = () => '', store = createMemoryBudgetStore(), now = Date.now } = options;
  if (typeof key !== 'function') throw new InputError('key must be a function', { field: 'key' });
  if (typeof now !== 'function') throw new InputError('now must be a function', { field: 'now' });
  if (typeof store?.take !== 'function' || typeof store.report !== 'function' || typeof store.used !== 'function') {
    throw new InputError('store must be a BudgetStore (take, report, used)', { field: 'store' });
  }
  const slowDown = checkSlowDown(options.slowDown);
  const maxWaitMs = options.maxWaitMs === 0 ? 0 : options.maxWaitMs === undefined ? 60_000 : positive('maxWaitMs', options.maxWaitMs);
  const reportTtlMs = options.reportTtlMs === undefined ? windowMs / 60 : positive('reportTtlMs', options.reportTtlMs);

  const pause = (share: number): number => {
    let wait = 0;
    for (const step of slowDown) if (share >= step.from) wait = step.delayMs;
    return wait;
  };

  const gate = async (request: GateRequest, signal: AbortSignal): Promise<GateRelease> => {
    const budgetKey = key(request);
    let waited = 0;
    for (;;) {
      signal.throwIfAborted();
      const decision = await store.take(budgetKey, { limit, windowMs, reportTtlMs, now: now() });
      if (decision.granted) {
        const wait = pause((decision.used - 1) / limit);
        if (wait > 0) await delay(wait, signal);
        return () => {};
      }
      if (waited + decision.retryInMs > maxWaitMs) {
        const seconds = Math.ceil(decision.retryInMs / 1000);
        throw new BudgetExceededError(
          `${request.method} ${request.path} was not sent: ${decision.used} of ${limit} requests are used in the current ` +
            `${Math.round(windowMs / 60_000)}-minute window, and the budget frees up in about ${seconds} s (more than maxWaitMs)`,
          { provider: request.provider, limit, windowMs, used: decision.used, retryAfterMs: decision.retryInMs },
        );
      }
      await delay(decision.retryInMs, signal);
      waited += decision.retryInMs;
    }
  };

  return Object.assign(gate, {
    async report(report: BudgetUsageReport): Promise<void> {
      const used = report?.used;
      if (typeof used !== 'number' || !Number.isSafeInteger(used) || used < 0) {
        throw new InputError('report.used must be a non-negative integer', { field: 'report.used' });
      }
      if (report.limit !== undefined) {
        if (!Number.isSafeInteger(report.limit) || report.limit < 1) {
          throw new InputError('report.limit must be a positive integer', { field: 'report.limit' });
        }
        limit = report.limit;
      }
      await store.report(report.key ?? '', { used, at: now() });
    },
    async usage(budgetKey = ''): Promise<BudgetUsage> {
      return { used: await store.used(budgetKey, { windowMs, reportTtlMs, now: now() }), limit, windowMs };
    },
  });
}
