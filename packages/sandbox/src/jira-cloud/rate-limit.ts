/**
 * Jira's 429: a request budget per window, off by default. Switch it on per test through the state:
 *
 * ```ts
 * Object.assign(sb.state('jira-cloud').rateLimit, { enabled: true, budget: 5, windowMs: 60_000 });
 * ```
 *
 * Over the budget every request answers 429 with `Retry-After`, `X-RateLimit-Limit`,
 * `X-RateLimit-Remaining: 0`, `X-RateLimit-Reset` (ISO 8601) and `RateLimit-Reason`, and the body
 * `{"errorMessages":["Rate limit exceeded"]}` observed from Jira Cloud. The counting is the
 * framework's {@link WindowBudget} (a fixed window: the first request after a window has ended opens
 * the next one), kept in the state as `requestWindow`; its limit and window follow the settings.
 *
 * @module
 */
import { before, type Middleware } from '../middleware.js';
import type { SimResponse } from '../simulator.js';
import { WindowBudget, type WindowDecision } from '../window-budget.js';
import type { JiraCredentials } from './auth.js';
import type { JiraState, RateLimitSettings } from './store.js';

/** The default (disabled) settings. */
export function defaultRateLimit(): RateLimitSettings {
  return { enabled: false, budget: 100, windowMs: 1_000, retryAfterSeconds: 1, reason: 'jira-burst-based' };
}

/**
 * The request counter behind the settings, on the wall clock (`Date.now` looked up at each request,
 * so that a test's fake clock moves the window).
 */
export function requestWindow(settings: RateLimitSettings): WindowBudget {
  return new WindowBudget({ kind: 'fixed', limit: settings.budget, windowMs: settings.windowMs, now: () => Date.now() });
}

/** The whole site shares one budget. */
const SITE = 'site';

/** Counts every request while the limit is on; answers 429 once the budget of the window is spent. */
export const rateLimit: Middleware<JiraState, JiraCredentials> = before((_request, { state }) => {
  const settings = state.rateLimit;
  if (!settings.enabled) return undefined;
  state.requestWindow.limit = settings.budget;
  state.requestWindow.windowMs = settings.windowMs;
  const decision = state.requestWindow.take(SITE);
  return decision.allowed ? undefined : tooManyRequests(settings, decision);
});

function tooManyRequests(settings: RateLimitSettings, decision: WindowDecision): SimResponse {
  return {
    status: 429,
    headers: {
      'retry-after': String(settings.retryAfterSeconds),
      'x-ratelimit-limit': String(settings.budget),
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset': new Date(decision.resetAt).toISOString().replace(/\.\d{3}Z$/u, 'Z'),
      'ratelimit-reason': settings.reason,
    },
    body: { errorMessages: ['Rate limit exceeded'] },
  };
}
