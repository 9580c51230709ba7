/**
 * A request budget per time window and key: "at most `limit` requests per `windowMs`", counted
 * separately for each key (a database, a tenant, a user). Two kinds of window:
 *
 * - `'rolling'`: a request counts for `windowMs` after it was allowed; Autotask's "10,000 requests
 *   per rolling hour per database" (its `ThresholdInformation` reports the count);
 * - `'fixed'`: the first request after a window has ended opens a new window of `windowMs`, which
 *   resets the count; Jira's burst budget.
 *
 * Only allowed requests are counted: a refused request consumes nothing. The clock is a parameter,
 * so tests move time by hand instead of waiting. The budget holds its counts in memory: keep it in
 * the simulator's state, so that `sandbox.reset()` starts it afresh.
 *
 * @example
 * ```ts
 * // in createState:
 * const budget = new WindowBudget({ kind: 'rolling', limit: 10_000, windowMs: 60 * 60_000, now: Date.now });
 * // in a middleware:
 * const decision = budget.take(databaseId);
 * if (!decision.allowed) return { status: 429, headers: { 'retry-after': String(Math.ceil(decision.retryAfterMs / 1000)) }, body: ... };
 * // in GET /V1.0/ThresholdInformation:
 * const { limit, used } = budget.peek(databaseId);
 * ```
 *
 * @module
 */

/**
 * How a {@link WindowBudget} counts; see the module description.
 *
 * @category Simulator framework
 */
export type WindowKind = 'rolling' | 'fixed';

/**
 * Options of {@link WindowBudget}.
 *
 * @category Simulator framework
 */
export interface WindowBudgetOptions {
  /** Requests allowed per window and key: a whole number, 0 or more. */
  readonly limit: number;
  /** The window length in milliseconds: a positive whole number. */
  readonly windowMs: number;
  /** `'rolling'` (default) or `'fixed'`. */
  readonly kind?: WindowKind;
  /** The clock, in epoch milliseconds: `Date.now` in a simulator, a hand-moved one in tests. */
  readonly now: () => number;
}

/**
 * The count of one key at one instant.
 *
 * @category Simulator framework
 */
export interface WindowUsage {
  /** The key. */
  readonly key: string;
  /** The budget's limit. */
  readonly limit: number;
  /** Requests counted in the current window. */
  readonly used: number;
  /** Requests still allowed in it (`limit - used`, at least 0). */
  readonly remaining: number;
  /**
   * When the count next falls, epoch ms: for a fixed window, the end of the current window (`now`
   * when none is open); for a rolling one, when the oldest counted request leaves it (`now` when
   * nothing is counted).
   */
  readonly resetAt: number;
}

/**
 * The answer of {@link WindowBudget.take}: the usage after the request, and whether it was allowed.
 *
 * @category Simulator framework
 */
export interface WindowDecision extends WindowUsage {
  /** Whether the request fits the budget (it was then counted). */
  readonly allowed: boolean;
  /**
   * For a refused request, how long until one would be allowed, in ms (at least 1); with a limit of
   * 0, the window length. 0 for an allowed request.
   */
  readonly retryAfterMs: number;
}

interface Counter {
  /** Fixed windows: when the current window started; `undefined` before the first request. */
  windowStart: number | undefined;
  /** Fixed windows: the count in the current window. */
  used: number;
  /** Rolling windows: the instants of the counted requests, oldest first. */
  readonly stamps: number[];
}

/**
 * A request budget per window and key; see the module description.
 *
 * @category Simulator framework
 */
export class WindowBudget {
  /** How the budget counts. */
  readonly kind: WindowKind;
  readonly #now: () => number;
  readonly #counters = new Map<string, Counter>();
  #limit = 0;
  #windowMs = 1;

  /** Creates an empty budget; throws a `RangeError` for a bad limit or window. */
  constructor(options: WindowBudgetOptions) {
    this.kind = options.kind ?? 'rolling';
    if (this.kind !== 'rolling' && this.kind !== 'fixed') throw new RangeError(`WindowBudget: kind must be 'rolling' or 'fixed' (got ${JSON.stringify(this.kind)})`);
    this.#now = options.now;
    this.limit = options.limit;
    this.windowMs = options.windowMs;
  }

  /** Requests allowed per window and key. Changing it applies from the next request; counts are kept. */
  get limit(): number {
    return this.#limit;
  }

  set limit(value: number) {
    if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`WindowBudget: limit must be a whole number, 0 or more (got ${value})`);
    this.#limit = value;
  }

  /** The window length in ms. Changing it applies from the next request; counts are kept. */
  get windowMs(): number {
    return this.#windowMs;
  }

  set windowMs(value: number) {
    if (!Number.isSafeInteger(value) || value <= 0) throw new RangeError(`WindowBudget: windowMs must be a positive whole number (got ${value})`);
    this.#windowMs = value;
  }

  /** Counts one request for `key` when the budget allows it; says whether it did. */
  take(key: string): WindowDecision {
    const now = this.#now();
    const counter = this.#counter(key, now);
    if (this.kind === 'fixed' && !this.#windowOpen(counter, now)) {
      counter.windowStart = now;
      counter.used = 0;
    }
    const allowed = this.#used(counter) < this.#limit;
    if (allowed) {
      if (this.kind === 'fixed') counter.used += 1;
      else counter.stamps.push(now);
    }
    const usage = this.#usage(key, counter, now);
    return { ...usage, allowed, retryAfterMs: allowed ? 0 : this.#retryAfter(counter, now) };
  }

  /** The usage of `key` now, without counting anything (and without opening a fixed window). */
  peek(key: string): WindowUsage {
    const now = this.#now();
    return this.#usage(key, this.#counter(key, now), now);
  }

  /** Forgets the counts of `key`, or of every key. */
  clear(key?: string): void {
    if (key === undefined) this.#counters.clear();
    else this.#counters.delete(key);
  }

  /** The counter of `key`, with the requests that have left a rolling window at `now` dropped. */
  #counter(key: string, now: number): Counter {
    let counter = this.#counters.get(key);
    if (counter === undefined) {
      counter = { windowStart: undefined, used: 0, stamps: [] };
      this.#counters.set(key, counter);
    }
    if (this.kind === 'rolling') {
      const kept = counter.stamps.findIndex((stamp) => stamp > now - this.#windowMs);
      counter.stamps.splice(0, kept === -1 ? counter.stamps.length : kept);
    }
    return counter;
  }

  /** Whether a fixed window is open at `now` (a clock that went back closes it). */
  #windowOpen(counter: Counter, now: number): counter is Counter & { windowStart: number } {
    return counter.windowStart !== undefined && now >= counter.windowStart && now - counter.windowStart < this.#windowMs;
  }

  #used(counter: Counter): number {
    return this.kind === 'fixed' ? counter.used : counter.stamps.length;
  }

  #usage(key: string, counter: Counter, now: number): WindowUsage {
    let used: number;
    let resetAt: number;
    if (this.kind === 'fixed') {
      const open = this.#windowOpen(counter, now);
      used = open ? counter.used : 0;
      resetAt = open ? counter.windowStart + this.#windowMs : now;
    } else {
      used = counter.stamps.length;
      const oldest = counter.stamps[0];
      resetAt = oldest === undefined ? now : oldest + this.#windowMs;
    }
    return { key, limit: this.#limit, used, remaining: Math.max(0, this.#limit - used), resetAt };
  }

  /** How long until `counter` allows a request again (its count is at or over the limit). */
  #retryAfter(counter: Counter, now: number): number {
    if (this.#limit === 0) return this.#windowMs;
    if (this.kind === 'fixed') return Math.max(1, (counter.windowStart ?? now) + this.#windowMs - now);
    // The count must fall to limit - 1: wait until the stamp that gets it there leaves the window.
    const freeing = counter.stamps[counter.stamps.length - this.#limit] ?? now;
    return Math.max(1, freeing + this.#windowMs - now);
  }
}
