/**
 * Where a budget gate keeps its count: {@link BudgetStore}, and the store that keeps it in this
 * process ({@link createMemoryBudgetStore}). A store shared between processes (e.g. on Redis) lets
 * several bot replicas spend one provider budget together.
 *
 * @module
 */

/**
 * What {@link BudgetStore.take} is asked.
 *
 * @category Throttling
 */
export interface BudgetTakeRequest {
  /** The most requests allowed per window. */
  readonly limit: number;
  /** The rolling window, in milliseconds. */
  readonly windowMs: number;
  /** How long a usage report counts, in milliseconds (see {@link BudgetStore.report}). */
  readonly reportTtlMs: number;
  /**
   * The current time, in milliseconds since the epoch. A store shared between processes may keep
   * time by a clock of its own instead (e.g. the Redis server's), so that processes whose clocks
   * disagree still agree on the window.
   */
  readonly now: number;
}

/**
 * The answer of {@link BudgetStore.take}.
 *
 * @category Throttling
 */
export type BudgetDecision =
  | {
      /** The request may go: it has been counted. */
      readonly granted: true;
      /** Requests counted in the window, this one included. */
      readonly used: number;
    }
  | {
      /** The request must not go yet: it has not been counted. */
      readonly granted: false;
      /** Requests counted in the window. */
      readonly used: number;
      /** How long until a request is expected to be allowed, in milliseconds (at least 1). */
      readonly retryInMs: number;
    };

/**
 * A usage figure the provider reported (e.g. Autotask's `ThresholdInformation`).
 *
 * @category Throttling
 */
export interface BudgetReport {
  /** Requests the provider counted in its current window, from every client of the account. */
  readonly used: number;
  /** When the figure was read, in milliseconds since the epoch. */
  readonly at: number;
}

/**
 * The state of rolling-window budgets, by key. `take` must be atomic: two concurrent takes never
 * both get the last request of a window.
 *
 * @category Throttling
 */
export interface BudgetStore {
  /**
   * Counts one request at `now` if the window allows it, else says how long to wait. The count in the
   * window is the number of requests taken in the last `windowMs`, or, while a report younger than
   * `reportTtlMs` exists, the reported figure plus the requests taken since it — whichever is higher.
   *
   * @param key - The budget's key.
   * @param request - Limit, window, report lifetime and time.
   */
  take(key: string, request: BudgetTakeRequest): Promise<BudgetDecision>;
  /**
   * Records the provider's own usage figure, which includes other clients of the same account.
   *
   * @param key - The budget's key.
   * @param report - The figure and when it was read.
   */
  report(key: string, report: BudgetReport): Promise<void>;
  /**
   * The count in the window now, without taking anything.
   *
   * @param key - The budget's key.
   * @param request - Window, report lifetime and time (the limit is not used).
   */
  used(key: string, request: Omit<BudgetTakeRequest, 'limit'>): Promise<number>;
}

/** One budget's state in memory: the times of the requests taken, oldest first, and the last report. */
interface Ledger {
  times: number[];
  /** Index of the oldest time still in the window. */
  head: number;
  report: BudgetReport | undefined;
}

/**
 * The number of times in `ledger` at or after `at` (times are kept in order). A request taken in the
 * same millisecond as a report counts on top of it: over-counting is the safe side of a budget.
 */
function countSince(ledger: Ledger, at: number): number {
  let low = ledger.head;
  let high = ledger.times.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((ledger.times[middle] as number) < at) low = middle + 1;
    else high = middle;
  }
  return ledger.times.length - low;
}

/** Forgets the times that left the window, compacting the array now and then. */
function expire(ledger: Ledger, windowMs: number, now: number): void {
  const oldest = now - windowMs;
  while (ledger.head < ledger.times.length && (ledger.times[ledger.head] as number) <= oldest) ledger.head += 1;
  if (ledger.head > 1024 && ledger.head * 2 > ledger.times.length) {
    ledger.times = ledger.times.slice(ledger.head);
    ledger.head = 0;
  }
}

/**
 * A {@link BudgetStore} that keeps every budget in this process (the default of a budget gate).
 *
 * @example
 * ```ts
 * const gate = createBudgetGate({ limit: 10_000, windowMs: 3_600_000, store: createMemoryBudgetStore() });
 * ```
 *
 * @category Throttling
 */
export function createMemoryBudgetStore(): BudgetStore {
  const ledgers = new Map<string, Ledger>();
  const ledgerOf = (key: string): Ledger => {
    let ledger = ledgers.get(key);
    if (ledger === undefined) {
      ledger = { times: [], head: 0, report: undefined };
      ledgers.set(key, ledger);
    }
    return ledger;
  };
  /** The count in the window, and whether the report (rather than the local count) decides it. */
  const count = (ledger: Ledger, request: Omit<BudgetTakeRequest, 'limit'>) => {
    expire(ledger, request.windowMs, request.now);
    const local = ledger.times.length - ledger.head;
    const report = ledger.report;
    if (report === undefined || request.now - report.at >= request.reportTtlMs) return { used: local, byReport: false };
    const reported = report.used + countSince(ledger, report.at);
    return reported > local ? { used: reported, byReport: true } : { used: local, byReport: false };
  };
  return {
    async take(key, request) {
      const ledger = ledgerOf(key);
      const { used, byReport } = count(ledger, request);
      if (used < request.limit) {
        const last = ledger.times[ledger.times.length - 1];
        ledger.times.push(last !== undefined && last > request.now ? last : request.now);
        return { granted: true, used: used + 1 };
      }
      let retryInMs: number;
      if (byReport && ledger.report !== undefined) {
        retryInMs = ledger.report.at + request.reportTtlMs - request.now;
      } else {
        // The request that must leave the window before one more fits.
        const local = ledger.times.length - ledger.head;
        const index = ledger.head + Math.max(0, local - request.limit);
        retryInMs = (ledger.times[index] as number) + request.windowMs - request.now;
      }
      return { granted: false, used, retryInMs: Math.max(1, Math.ceil(retryInMs)) };
    },
    async report(key, report) {
      const ledger = ledgerOf(key);
      if (ledger.report === undefined || report.at >= ledger.report.at) ledger.report = { used: report.used, at: report.at };
    },
    async used(key, request) {
      return count(ledgerOf(key), request).used;
    },
  };
}
