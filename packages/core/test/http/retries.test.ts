import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { ApiError, RateLimitError, ServerError } from '../../src/errors.js';
import type { TransportOptions } from '../../src/http/index.js';
import { failure, recordingTransport, useNock } from './support.js';

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

describe('Retry-After', () => {
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

  it('honours Retry-After in seconds exactly', async () => {
    const times = timedReplies([[429, { 'retry-after': '1' }], [200, {}]]);
    const { http } = setup();
    await expect(http.request('GET', '/limited')).resolves.toEqual({ ok: true });
    expect(times).toHaveLength(2);
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(950);
    expect(times[1]! - times[0]!).toBeLessThan(2500);
  });

  it('honours Retry-After as an HTTP-date', async () => {
    const at = new Date(Math.floor((Date.now() + 1500) / 1000) * 1000); // whole seconds: 0.5 s to 1.5 s away
    const times = timedReplies([[503, { 'retry-after': at.toUTCString() }], [200, {}]]);
    const { http } = setup();
    const started = Date.now();
    await expect(http.request('GET', '/limited')).resolves.toEqual({ ok: true });
    const asked = at.getTime() - started;
    expect(asked).toBeGreaterThan(400);
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(asked - 60);
    expect(times[1]! - times[0]!).toBeLessThan(asked + 2000);
  });

  it('fails fast with retryAfterMs when the server asks to wait longer than the cap', async () => {
    timedReplies([[429, { 'retry-after': '120' }]]);
    const { http, attempts } = setup({ maxRetryAfterMs: 5000, totalTimeout: 600_000 });
    const started = performance.now();
    const error = await failure(http.request('GET', '/limited'));
    expect(performance.now() - started).toBeLessThan(5000);
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ retryAfterMs: 120_000, status: 429 });
    expect(attempts).toHaveLength(1);
  });

  it('fails fast on a 503 whose Retry-After is above the cap', async () => {
    timedReplies([[503, { 'retry-after': '300' }]]);
    const { http, attempts } = setup({ totalTimeout: 600_000 });
    const started = performance.now();
    await expect(http.request('GET', '/limited')).rejects.toBeInstanceOf(ServerError);
    expect(performance.now() - started).toBeLessThan(5000);
    expect(attempts).toHaveLength(1);
  });

  it('fails fast when the wait would outlast the call’s total time limit', async () => {
    timedReplies([[429, { 'retry-after': '2' }]]);
    const { http, attempts } = setup({ totalTimeout: 1000 });
    const started = performance.now();
    const error = await failure(http.request('GET', '/limited'));
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ retryAfterMs: 2000 });
    expect(performance.now() - started).toBeLessThan(1500);
    expect(attempts).toHaveLength(1);
  });

  it('reads a rate-limit reset timestamp when there is no Retry-After', async () => {
    const reset = String(Math.floor(Date.now() / 1000) + 3600);
    timedReplies([[429, { 'x-ratelimit-reset': reset }]]);
    const { http } = setup();
    const error = await failure(http.request('GET', '/limited'));
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfterMs).toBeGreaterThan(3_590_000);
  });

  it('reports the last Retry-After when retries run out', async () => {
    timedReplies([[429, { 'retry-after': '0' }], [429, { 'retry-after': '0' }], [429, { 'retry-after': '0' }]]);
    const { http, attempts } = setup();
    const error = await failure(http.request('GET', '/limited'));
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ retryAfterMs: 0 });
    expect(attempts).toHaveLength(3);
  });
});
