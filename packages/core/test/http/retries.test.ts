import nock from 'nock';
import { describe, expect, it, vi } from 'vitest';
import { ApiError, RateLimitError, ServerError } from '../../src/errors.js';
import type { TransportOptions } from '../../src/http/index.js';
import { advanceUntil, failure, recordingTransport, track, useFakeClock, useNock, type Tracked } from './support.js';

const ORIGIN = 'https://svc.example.test';

function setup(options: Partial<TransportOptions> = {}) {
  return recordingTransport({ provider: 'autotask', baseUrl: ORIGIN, ...options });
}

useNock();

describe('which calls are retried', () => {
  it('retries a GET on 503 and returns the later success', async () => {
    nock(ORIGIN).get('/items').reply(503).get('/items').reply(200, { ok: true });
    const { http, attempts } = setup();
    await expect(http.request('GET', '/items')).resolves.toEqual({ ok: true });
    expect(attempts.map((a) => a.attempt)).toEqual([1, 2]);
  });

  it.each([408, 429, 500, 502, 504])('retries a GET on %i', async (status) => {
    nock(ORIGIN).get('/items').reply(status).get('/items').reply(200, []);
    const { http, attempts } = setup();
    await expect(http.request('GET', '/items')).resolves.toEqual([]);
    expect(attempts).toHaveLength(2);
  });

  it.each(['POST', 'PATCH'])('never retries a %s by default, even on 503', async (method) => {
    nock(ORIGIN).intercept('/tickets', method).once().reply(503, { errors: ['busy'] });
    const { http, attempts } = setup({ maxRetries: 3 });
    const error = await failure(http.request(method, '/tickets', { json: { title: 'x' } }));
    expect(error).toBeInstanceOf(ServerError);
    expect(error).toMatchObject({ status: 503 });
    expect(attempts).toHaveLength(1);
  });

  it('retries a POST that opts in with retryable: true (a read-only query)', async () => {
    nock(ORIGIN).post('/Tickets/query').reply(503).post('/Tickets/query').reply(200, { items: [] });
    const { http, attempts } = setup();
    await expect(http.request('POST', '/Tickets/query', { json: { filter: [] }, retryable: true })).resolves.toEqual({ items: [] });
    expect(attempts).toHaveLength(2);
  });

  it('does not retry a GET that opts out with retryable: false', async () => {
    nock(ORIGIN).get('/items').once().reply(503);
    const { http, attempts } = setup();
    await expect(http.request('GET', '/items', { retryable: false })).rejects.toBeInstanceOf(ServerError);
    expect(attempts).toHaveLength(1);
  });

  it('never retries a 413, even with Retry-After', async () => {
    nock(ORIGIN).put('/attachments/1').once().reply(413, 'too large', { 'retry-after': '0' });
    const { http, attempts } = setup();
    const error = await failure(http.request('PUT', '/attachments/1', { body: new Uint8Array(10) }));
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 413 });
    expect(attempts).toHaveLength(1);
  });

  it('never retries other 4xx', async () => {
    nock(ORIGIN).get('/items/1').once().reply(404).get('/items/2').once().reply(400);
    const { http, attempts } = setup();
    await expect(http.request('GET', '/items/1')).rejects.toMatchObject({ status: 404 });
    await expect(http.request('GET', '/items/2')).rejects.toMatchObject({ status: 400 });
    expect(attempts).toHaveLength(2);
  });

  it('respects maxRetries of the transport and of each call', async () => {
    nock(ORIGIN).get('/items').times(3).reply(500);
    const { http, attempts } = setup({ maxRetries: 2 });
    await expect(http.request('GET', '/items')).rejects.toBeInstanceOf(ServerError);
    expect(attempts).toHaveLength(3);

    attempts.length = 0;
    nock(ORIGIN).get('/items').times(5).reply(500);
    await expect(http.request('GET', '/items', { maxRetries: 4 })).rejects.toBeInstanceOf(ServerError);
    expect(attempts).toHaveLength(5);

    attempts.length = 0;
    nock(ORIGIN).get('/items').once().reply(500);
    await expect(http.request('GET', '/items', { maxRetries: 0 })).rejects.toBeInstanceOf(ServerError);
    expect(attempts).toHaveLength(1);
  });
});

describe('Retry-After (on a fake clock)', () => {
  useFakeClock();

  /** Replies in order; records the fake time of each request. */
  function timedReplies(statuses: [number, Record<string, string>][]) {
    const times: number[] = [];
    const scope = nock(ORIGIN);
    for (const [status, headers] of statuses) {
      scope.get('/limited').reply(() => {
        times.push(performance.now());
        return [status, status === 200 ? { ok: true } : { errors: ['slow down'] }, headers];
      });
    }
    return times;
  }

  /**
   * Runs a call to its end, moving the clock only between a reply and the next attempt: never before
   * the first attempt, never while an attempt waits for its reply.
   */
  async function settle<T>(promise: Promise<T>, attempts: readonly unknown[], times: readonly number[]): Promise<Tracked<T>> {
    const call = track(promise);
    await advanceUntil(() => call.settled, { idle: () => attempts.length > 0 && attempts.length === times.length });
    return call;
  }

  it('honours Retry-After in seconds exactly', async () => {
    const times = timedReplies([[429, { 'retry-after': '1' }], [200, {}]]);
    const { http, attempts } = setup();
    const call = await settle(http.request('GET', '/limited'), attempts, times);
    await expect(call.promise).resolves.toEqual({ ok: true });
    expect(times).toHaveLength(2);
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(1000);
    expect(times[1]! - times[0]!).toBeLessThanOrEqual(1001);
  });

  it('honours Retry-After as an HTTP-date', async () => {
    vi.setSystemTime(new Date('2026-03-02T10:00:00.300Z'));
    const times = timedReplies([[503, { 'retry-after': 'Mon, 02 Mar 2026 10:00:02 GMT' }], [200, {}]]);
    const { http, attempts } = setup();
    const call = await settle(http.request('GET', '/limited'), attempts, times);
    await expect(call.promise).resolves.toEqual({ ok: true });
    // Asked at 10:00:00.300 to come back at 10:00:02.
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(1700);
    expect(times[1]! - times[0]!).toBeLessThanOrEqual(1701);
    expect(new Date().toISOString() >= '2026-03-02T10:00:02.000Z').toBe(true);
  });

  it('fails fast with retryAfterMs when the server asks to wait longer than the cap', async () => {
    const times = timedReplies([[429, { 'retry-after': '120' }]]);
    const { http, attempts } = setup({ maxRetryAfterMs: 5000, totalTimeout: 600_000 });
    const started = performance.now();
    const call = await settle(failure(http.request('GET', '/limited')), attempts, times);
    const error = await call.promise;
    expect(performance.now() - started).toBeLessThan(5000);
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ retryAfterMs: 120_000, status: 429 });
    expect(attempts).toHaveLength(1);
  });

  it('fails fast on a 503 whose Retry-After is above the cap', async () => {
    const times = timedReplies([[503, { 'retry-after': '300' }]]);
    const { http, attempts } = setup({ totalTimeout: 600_000 });
    const started = performance.now();
    const call = await settle(http.request('GET', '/limited'), attempts, times);
    await expect(call.promise).rejects.toBeInstanceOf(ServerError);
    expect(performance.now() - started).toBeLessThan(60_000);
    expect(attempts).toHaveLength(1);
  });

  it('fails fast when the wait would outlast the call’s total time limit', async () => {
    const times = timedReplies([[429, { 'retry-after': '2' }]]);
    const { http, attempts } = setup({ totalTimeout: 1000 });
    const started = performance.now();
    const call = await settle(failure(http.request('GET', '/limited')), attempts, times);
    const error = await call.promise;
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ retryAfterMs: 2000 });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(attempts).toHaveLength(1);
  });

  it('reads a rate-limit reset timestamp when there is no Retry-After', async () => {
    vi.setSystemTime(new Date('2026-03-02T10:00:00.000Z'));
    const reset = String(Date.parse('2026-03-02T11:00:00Z') / 1000);
    const times = timedReplies([[429, { 'x-ratelimit-reset': reset }]]);
    const { http, attempts } = setup();
    const call = await settle(failure(http.request('GET', '/limited')), attempts, times);
    const error = await call.promise;
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfterMs).toBeGreaterThan(3_590_000);
    expect((error as RateLimitError).retryAfterMs).toBeLessThanOrEqual(3_600_000);
  });

  it('reports the last Retry-After when retries run out', async () => {
    const times = timedReplies([[429, { 'retry-after': '0' }], [429, { 'retry-after': '0' }], [429, { 'retry-after': '0' }]]);
    const { http, attempts } = setup();
    const call = await settle(failure(http.request('GET', '/limited')), attempts, times);
    const error = await call.promise;
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ retryAfterMs: 0 });
    expect(attempts).toHaveLength(3);
  });
});
