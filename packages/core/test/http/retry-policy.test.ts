import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  backoffDelay,
  decideRetry,
  isRetryableMethod,
  parseRetryAfter,
  type AttemptFailure,
  type RetryContext,
} from '../../src/http/retry-policy.js';

const NOW = Date.UTC(2026, 10, 21, 12, 0, 0);
const headers = (init: Record<string, string>) => new Headers(init);

describe('parseRetryAfter', () => {
  it('reads delay seconds', () => {
    expect(parseRetryAfter(headers({ 'retry-after': '2' }), NOW)).toBe(2000);
    expect(parseRetryAfter(headers({ 'retry-after': '0' }), NOW)).toBe(0);
  });

  it('reads an HTTP-date, relative to now, and clamps the past to 0', () => {
    expect(parseRetryAfter(headers({ 'retry-after': new Date(NOW + 5000).toUTCString() }), NOW)).toBe(5000);
    expect(parseRetryAfter(headers({ 'retry-after': new Date(NOW - 5000).toUTCString() }), NOW)).toBe(0);
  });

  it('returns undefined when nothing is said or it cannot be read', () => {
    expect(parseRetryAfter(headers({}), NOW)).toBeUndefined();
    expect(parseRetryAfter(headers({ 'retry-after': 'soon' }), NOW)).toBeUndefined();
    expect(parseRetryAfter(headers({ 'retry-after': '-3' }), NOW)).toBeUndefined();
    expect(parseRetryAfter(headers({ 'retry-after': '1.5' }), NOW)).toBeUndefined();
  });

  it('falls back to rate-limit reset headers only when Retry-After is absent', () => {
    expect(parseRetryAfter(headers({ 'ratelimit-reset': '3' }), NOW)).toBe(3000);
    expect(parseRetryAfter(headers({ 'x-ratelimit-retry-after': '4' }), NOW)).toBe(4000);
    expect(parseRetryAfter(headers({ 'x-rate-limit-reset': '6' }), NOW)).toBe(6000);
    expect(parseRetryAfter(headers({ 'retry-after': '1', 'ratelimit-reset': '9' }), NOW)).toBe(1000);
  });

  it('reads a current-era Unix timestamp in reset headers, but not in Retry-After', () => {
    const inTenSeconds = String(NOW / 1000 + 10);
    expect(parseRetryAfter(headers({ 'x-ratelimit-reset': inTenSeconds }), NOW)).toBe(10_000);
    expect(parseRetryAfter(headers({ 'ratelimit-reset': inTenSeconds }), NOW)).toBe(10_000);
    expect(parseRetryAfter(headers({ 'retry-after': inTenSeconds }), NOW)).toBe(Number(inTenSeconds) * 1000);
  });
});

describe('backoffDelay', () => {
  it('stays within [0, min(maxMs, baseMs * 2^(n-1))] (full jitter)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 1, max: 5000 }),
        fc.integer({ min: 1, max: 60_000 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (retry, baseMs, maxMs, r) => {
          const delay = backoffDelay(retry, baseMs, maxMs, () => r);
          expect(delay).toBeGreaterThanOrEqual(0);
          expect(delay).toBeLessThanOrEqual(Math.min(maxMs, baseMs * 2 ** (retry - 1)));
        },
      ),
    );
  });

  it('doubles its ceiling per retry up to the cap', () => {
    const top = () => 0.999_999;
    expect(backoffDelay(1, 100, 1000, top)).toBeCloseTo(100, 0);
    expect(backoffDelay(2, 100, 1000, top)).toBeCloseTo(200, 0);
    expect(backoffDelay(3, 100, 1000, top)).toBeCloseTo(400, 0);
    expect(backoffDelay(6, 100, 1000, top)).toBeCloseTo(1000, 0);
  });
});

describe('isRetryableMethod', () => {
  it('retries idempotent methods by default, and POST/PATCH only on opt-in', () => {
    for (const method of ['GET', 'head', 'PUT', 'DELETE', 'OPTIONS']) expect(isRetryableMethod(method)).toBe(true);
    for (const method of ['POST', 'PATCH', 'patch']) expect(isRetryableMethod(method)).toBe(false);
    expect(isRetryableMethod('POST', true)).toBe(true);
    expect(isRetryableMethod('GET', false)).toBe(false);
  });
});

describe('decideRetry', () => {
  const base = { retry: 1, baseMs: 100, maxMs: 1000, maxRetryAfterMs: 5000, random: () => 0.5 } satisfies Partial<RetryContext>;
  const status = (code: number, init: Record<string, string> = {}, retry?: boolean): AttemptFailure => ({
    kind: 'status',
    status: code,
    headers: headers(init),
    retry,
  });

  it('retries 408, 429, 500, 502, 503 and 504 with backoff', () => {
    for (const code of [408, 429, 500, 502, 503, 504]) {
      expect(decideRetry({ ...base, failure: status(code) })).toEqual({ retry: true, delayMs: 50 });
    }
  });

  it('never retries other statuses, 413 included', () => {
    for (const code of [400, 401, 403, 404, 409, 413, 418, 422, 501]) {
      expect(decideRetry({ ...base, failure: status(code) })).toEqual({ retry: false });
    }
  });

  it('retries connection failures and attempt timeouts, not unknown errors', () => {
    expect(decideRetry({ ...base, failure: { kind: 'connection' } }).retry).toBe(true);
    expect(decideRetry({ ...base, failure: { kind: 'timeout' } }).retry).toBe(true);
    expect(decideRetry({ ...base, failure: { kind: 'other' } }).retry).toBe(false);
  });

  it('waits exactly the Retry-After of a 429 or 503 within the cap, without jitter', () => {
    expect(decideRetry({ ...base, failure: status(429, { 'retry-after': '3' }) })).toEqual({ retry: true, delayMs: 3000 });
    expect(decideRetry({ ...base, failure: status(503, { 'retry-after': '5' }) })).toEqual({ retry: true, delayMs: 5000 });
  });

  it('ignores Retry-After on statuses that do not use it', () => {
    expect(decideRetry({ ...base, failure: status(500, { 'retry-after': '3' }) })).toEqual({ retry: true, delayMs: 50 });
  });

  it('does not retry when the server asks for more than the cap, or more than the time left', () => {
    expect(decideRetry({ ...base, failure: status(429, { 'retry-after': '6' }) })).toEqual({ retry: false });
    expect(decideRetry({ ...base, remainingMs: 2000, failure: status(429, { 'retry-after': '3' }) })).toEqual({ retry: false });
    expect(decideRetry({ ...base, remainingMs: 40, failure: status(500) })).toEqual({ retry: false });
  });

  it('lets the provider force or forbid a retry', () => {
    expect(decideRetry({ ...base, failure: status(500, {}, false) }).retry).toBe(false);
    expect(decideRetry({ ...base, failure: status(400, {}, true) }).retry).toBe(true);
  });

  it('never retries a 413, even when the provider asks for it', () => {
    expect(decideRetry({ ...base, failure: status(413, { 'retry-after': '0' }, true) })).toEqual({ retry: false });
  });
});
