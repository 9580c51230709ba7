/**
 * Autotask's limits, kept on the client's side so that they are never hit:
 *
 * - **Thread limit**: 3 requests in flight per integration (tracking identifier) and entity endpoint
 *   (`/Tickets/query` and `/Tickets/7` are `Tickets`; `/Tickets/7/Notes` is `TicketNotes`;
 *   `ThresholdInformation` counts too, zone discovery does not). A concurrency gate keyed by the
 *   tracking identifier and the endpoint holds every further request back; the slots are shared by
 *   every client of the process, so two clients of one integration cannot add up to more. Past it,
 *   Autotask answers `Itgenatr005`, which the client reads as a `RateLimitError` and retries for reads.
 * - **Hourly threshold**: 10,000 requests per rolling 60 minutes per database, all integrations
 *   together; past it the whole tenant is refused (429) until usage falls. A budget gate keyed by the
 *   database counts every attempt, slows down as usage rises the way Autotask itself does (0.5 s per
 *   request from 50 %, 1 s from 75 %), and is fed by `ThresholdInformation`, which also counts the
 *   other integrations: read when usage is unknown, then again after a number of requests that
 *   shrinks as usage rises (250 below 50 %, 100 below 75 %, 25 below 90 %, then 10), and at least every
 *   minute from 50 % on. The reads run beside the requests (they never hold one up), one at a time;
 *   each is a request too, counted and thread-limited like any other.
 *
 * @module
 */
import {
  createBudgetGate,
  createConcurrencyGate,
  createMemoryBudgetStore,
  createMemoryConcurrencyStore,
  type BudgetGate,
  type BudgetSlowDown,
  type BudgetStore,
  type ConcurrencyStore,
  type GateRequest,
  type RequestGate,
} from '@itsm/core';

/**
 * Autotask's thread limit: requests in flight per integration and entity endpoint (integrations since 2023.1).
 *
 * @category Limits
 */
export const AUTOTASK_THREAD_LIMIT = 3;

/**
 * Autotask's hourly request threshold per database.
 *
 * @category Limits
 */
export const AUTOTASK_HOURLY_THRESHOLD = 10_000;

/**
 * The threshold's rolling window: 60 minutes.
 *
 * @category Limits
 */
export const AUTOTASK_THRESHOLD_WINDOW_MS = 60 * 60_000;

/**
 * The latency Autotask adds per request as usage rises, which the client adds before sending.
 *
 * @category Limits
 */
export const AUTOTASK_SLOW_DOWN: readonly BudgetSlowDown[] = Object.freeze([
  Object.freeze({ from: 0.5, delayMs: 500 }),
  Object.freeze({ from: 0.75, delayMs: 1_000 }),
]);

/** The endpoint of the threshold reading, which is not itself a reason to read the threshold. */
export const THRESHOLD_PATH = '/ThresholdInformation';

/**
 * Options of the client's limits (the `limits` option).
 *
 * @category Limits
 */
export interface AutotaskLimitOptions {
  /**
   * Requests in flight per entity endpoint. Default 3, Autotask's limit for integrations created
   * since 2023.1 (older ones may have more, until Autotask lowers them).
   */
  threadsPerEndpoint?: number | undefined;
  /** Where the thread slots are kept. Default: in this process, shared by every client. */
  concurrencyStore?: ConcurrencyStore | undefined;
  /**
   * The hourly request budget of the database, or `false` for none. Default 10,000 per rolling
   * hour (the budget follows what `ThresholdInformation` reports).
   */
  hourlyRequests?: number | false | undefined;
  /** Where the budget's count is kept. Default: in this process, shared by every client. */
  budgetStore?: BudgetStore | undefined;
  /** Pauses before each request as usage rises. Default {@link AUTOTASK_SLOW_DOWN}; `[]` for none. */
  slowDown?: readonly BudgetSlowDown[] | undefined;
  /**
   * The longest wait for the budget to free up before a request is refused with a
   * `BudgetExceededError`, in milliseconds. Default 60,000.
   */
  maxBudgetWaitMs?: number | undefined;
  /** Whether to read `ThresholdInformation` to feed the budget. Default `true`. */
  readThresholds?: boolean | undefined;
}

/** The stores every client shares unless given its own, so that clients of one process add up. */
const SHARED_CONCURRENCY_STORE = createMemoryConcurrencyStore();
const SHARED_BUDGET_STORE = createMemoryBudgetStore();

/** Child collections whose entity is not the parent's singular name followed by the child's. */
const CHILD_ENTITIES: Readonly<Record<string, string>> = {
  'companies/contacts': 'Contacts',
};

const VERSION_PREFIX = /^\/atservicesrest\/v\d+\.\d+(?=\/)/i;

function singular(name: string): string {
  if (/ies$/i.test(name)) return `${name.slice(0, -3)}y`;
  if (/s$/i.test(name)) return name.slice(0, -1);
  return name;
}

/**
 * The entity endpoint a request path belongs to, which the thread limit counts per:
 * `/Tickets/query` → `Tickets`, `/Tickets/7` → `Tickets`, `/Tickets/7/Notes` → `TicketNotes`,
 * `/Companies/12/Contacts` → `Contacts`. A path with the zone's `/ATServicesRest/V1.0` prefix (a
 * next-page URL in another case) gives the same endpoint.
 *
 * @param path - The request path relative to the base URL, without the query.
 * @example
 * ```ts
 * entityEndpointOf('/Tickets/29684321/Attachments'); // 'TicketAttachments'
 * ```
 *
 * @category Limits
 */
export function entityEndpointOf(path: string): string {
  const [first = '', second, third] = path.replace(VERSION_PREFIX, '').split('/').filter(Boolean);
  if (second !== undefined && /^\d+$/.test(second) && third !== undefined && !/^(query|entityinformation)$/i.test(third)) {
    return CHILD_ENTITIES[`${first}/${third}`.toLowerCase()] ?? `${singular(first)}${third}`;
  }
  return first;
}

/** A short, stable, non-reversible tag of a value (FNV-1a), so that keys never hold a credential. */
export function keyTag(value: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < value.length; index += 1) {
    hash ^= value.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36);
}

/** The gates of a client, and what they count. */
export interface AutotaskGates {
  /** In order: the threshold watcher, the budget, the thread limit. */
  readonly gates: readonly RequestGate[];
  /** The hourly budget, when there is one. */
  readonly budget: BudgetGate | undefined;
  /** The budget's key now: the database (`ci` of the zone) once known, else the user name. */
  readonly budgetKey: () => string;
  /** Feeds a `ThresholdInformation` reading to the budget. */
  report(reading: { used: number; limit: number }): Promise<void>;
}

/** What {@link createAutotaskGates} needs. */
export interface AutotaskGatesSpec {
  /** The tracking identifier (only a tag of it goes into keys). */
  trackingId: string;
  /** The budget's key now. */
  budgetKey: () => string;
  /** The options given. */
  limits: AutotaskLimitOptions;
  /** Reads `ThresholdInformation` and feeds it (through {@link AutotaskGates.report}). */
  readThresholds: () => Promise<unknown>;
  /** The clock. Default `Date.now`. */
  now?: (() => number) | undefined;
}

/** After how many requests the threshold is read again, by the share of the budget last read. */
function readEvery(share: number): number {
  if (share < 0.5) return 250;
  if (share < 0.75) return 100;
  if (share < 0.9) return 25;
  return 10;
}

/**
 * The gates of a client: a watcher that reads `ThresholdInformation` when it is due, the hourly
 * budget per database, and the thread limit per integration and entity endpoint.
 *
 * @param spec - The tracking identifier, the budget key, the options and the reading.
 */
export function createAutotaskGates(spec: AutotaskGatesSpec): AutotaskGates {
  const { limits, now = Date.now } = spec;
  const integration = keyTag(spec.trackingId);
  const threads = createConcurrencyGate({
    limit: limits.threadsPerEndpoint ?? AUTOTASK_THREAD_LIMIT,
    key: (request: GateRequest) => `autotask:${integration}:${entityEndpointOf(request.path).toLowerCase()}`,
    store: limits.concurrencyStore ?? SHARED_CONCURRENCY_STORE,
  });
  const hourly = limits.hourlyRequests ?? AUTOTASK_HOURLY_THRESHOLD;
  const budget = hourly === false
    ? undefined
    : createBudgetGate({
        limit: hourly,
        windowMs: AUTOTASK_THRESHOLD_WINDOW_MS,
        key: () => spec.budgetKey(),
        store: limits.budgetStore ?? SHARED_BUDGET_STORE,
        slowDown: limits.slowDown ?? AUTOTASK_SLOW_DOWN,
        ...(limits.maxBudgetWaitMs === undefined ? {} : { maxWaitMs: limits.maxBudgetWaitMs }),
        now,
      });
  const reportTtlMs = AUTOTASK_THRESHOLD_WINDOW_MS / 60;
  /** The last reading: when, and the share of the budget it said was used. */
  let last: { at: number; share: number } | undefined;
  let since = 0;
  let reading: Promise<unknown> | undefined;

  const due = (): boolean => {
    if (last === undefined) return true;
    if (since >= readEvery(last.share)) return true;
    return last.share >= 0.5 && now() - last.at >= reportTtlMs;
  };
  const watcher: RequestGate = async (request) => {
    if (request.path === THRESHOLD_PATH || request.attempt > 1) return () => {};
    since += 1;
    if (reading === undefined && due()) {
      since = 0;
      const started = now();
      reading = spec.readThresholds().catch(() => {
        // A reading that failed (no permission, a network blip) is tried again after the interval.
        last = { at: started, share: last?.share ?? 0 };
      });
      void reading.finally(() => {
        reading = undefined;
      });
    }
    return () => {};
  };

  const gates: RequestGate[] = [];
  if (budget !== undefined && limits.readThresholds !== false) gates.push(watcher);
  if (budget !== undefined) gates.push(budget);
  gates.push(threads);
  return {
    gates,
    budget,
    budgetKey: spec.budgetKey,
    async report({ used, limit }) {
      last = { at: now(), share: limit > 0 ? used / limit : 1 };
      await budget?.report({ used, limit, key: spec.budgetKey() });
    },
  };
}
