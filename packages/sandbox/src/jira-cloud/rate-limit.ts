/**
 * Jira's 429: a request budget per window, off by default. Switch it on per test through the state:
 *
 * ```ts
 * Object.assign(sb.state('jira-cloud').rateLimit, { enabled: true, budget: 5, windowMs: 60_000 });
 * ```
 *
 * Over the budget every request answers 429 with `Retry-After`, `X-RateLimit-Limit`,
 * `X-RateLimit-Remaining: 0`, `X-RateLimit-Reset` (ISO 8601) and `RateLimit-Reason`, and the body
 * `{"errorMessages":["Rate limit exceeded"]}` observed from Jira Cloud.
 *
 * @module
 */
import type { SimResponse } from '../simulator.js';
import type { RateLimitSettings } from './store.js';

/** The default (disabled) settings. */
export function defaultRateLimit(): RateLimitSettings {
  return { enabled: false, budget: 100, windowMs: 1_000, retryAfterSeconds: 1, reason: 'jira-burst-based', used: 0, windowStart: 0 };
}

/** Counts one request; returns the 429 to send when the budget is spent, else `undefined`. */
export function takeRateLimit(settings: RateLimitSettings, now: number): SimResponse | undefined {
  if (!settings.enabled) return undefined;
  if (now - settings.windowStart >= settings.windowMs) {
    settings.windowStart = now;
    settings.used = 0;
  }
  if (settings.used < settings.budget) {
    settings.used += 1;
    return undefined;
  }
  const reset = new Date(settings.windowStart + settings.windowMs).toISOString().replace(/\.\d{3}Z$/u, 'Z');
  return {
    status: 429,
    headers: {
      'retry-after': String(settings.retryAfterSeconds),
      'x-ratelimit-limit': String(settings.budget),
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset': reset,
      'ratelimit-reason': settings.reason,
    },
    body: { errorMessages: ['Rate limit exceeded'] },
  };
}
