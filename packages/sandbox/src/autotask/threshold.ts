/**
 * Autotask's hourly request threshold: 10,000 external requests per rolling 60 minutes per database,
 * all integrations combined. Every authenticated REST request is counted (a refused one is not), in a
 * rolling {@link WindowBudget} kept in the state, on the state's clock; `ThresholdInformation` reports
 * the count, itself included. Past the threshold — when `settings.threshold.enforced` is on (it is off
 * by default, so long sessions and benchmarks are not cut off) — every request is answered 429 with
 * `Retry-After` (seconds until the oldest counted request leaves the window) and Autotask's error body.
 *
 * With `settings.threshold.latency` on, a request made at 50 % of the threshold or more is slowed by
 * 0.5 s, from 75 % by 1 s, as Autotask does; the delay goes through `state.wait`, which tests replace.
 *
 * @module
 */
import { before, type Middleware } from '../middleware.js';
import { WindowBudget } from '../window-budget.js';
import type { AutotaskCredentials } from './auth.js';
import { autotaskError } from './errors.js';
import { API_PREFIX } from './paths.js';
import type { AutotaskState, ThresholdSettings } from './store.js';

/** The database every request of the sandbox counts against. */
export const DATABASE = 'database';

/** The default threshold settings: 10,000 per 60 minutes, not enforced, no latency. */
export function defaultThreshold(): ThresholdSettings {
  return { enforced: false, limit: 10_000, windowMinutes: 60, latency: false };
}

/** The request counter of the state (a rolling window on the state's clock). */
export function hourlyBudget(state: { clock: () => number }, settings: ThresholdSettings): WindowBudget {
  return new WindowBudget({ kind: 'rolling', limit: settings.limit, windowMs: settings.windowMinutes * 60_000, now: () => state.clock() });
}

function isApiRequest(path: string): boolean {
  return path.startsWith(`${API_PREFIX}/`);
}

/** Counts every REST request; past an enforced threshold, answers the 429. */
export const hourlyThreshold: Middleware<AutotaskState, AutotaskCredentials> = before((request, { state }) => {
  if (!isApiRequest(request.path)) return undefined;
  const settings = state.settings.threshold;
  state.hourly.limit = settings.enforced ? settings.limit : Number.MAX_SAFE_INTEGER;
  state.hourly.windowMs = settings.windowMinutes * 60_000;
  const decision = state.hourly.take(DATABASE);
  if (decision.allowed) return undefined;
  return autotaskError(
    [`API Request Threshold Exceeded. The external request threshold of ${settings.limit} requests per ${settings.windowMinutes} minutes has been reached for this database; API access is suspended until the request count falls below it.`],
    429,
    { 'retry-after': String(Math.ceil(decision.retryAfterMs / 1000)) },
  );
});

/** The requests counted in the current window. */
export function currentRequestCount(state: AutotaskState): number {
  return state.hourly.peek(DATABASE).used;
}

/** Slows a request by Autotask's usage latency when the switch is on. */
export const usageLatency: Middleware<AutotaskState, AutotaskCredentials> = async (request, { state }, next) => {
  const settings = state.settings.threshold;
  if (settings.latency && isApiRequest(request.path) && settings.limit > 0) {
    const usage = currentRequestCount(state) / settings.limit;
    if (usage >= 0.75) await state.wait(1_000);
    else if (usage >= 0.5) await state.wait(500);
  }
  return next();
};
