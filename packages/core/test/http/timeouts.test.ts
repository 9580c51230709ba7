import { describe, expect, it } from 'vitest';
import { TimeoutError } from '../../src/errors.js';
import type { ResponseEvent, TransportOptions } from '../../src/http/index.js';
import { sendJson, sleep, type Handler } from './loopback.js';
import { failure, testTransport, useLoopback } from './support.js';

const serve = useLoopback();

function transport(baseUrl: string, options: Partial<TransportOptions> = {}) {
  return testTransport({ provider: 'jira-cloud', baseUrl, ...options });
}

/** Answers after `ms`, unless the client went away. */
const slow = (ms: number, first = Number.POSITIVE_INFINITY): Handler => async (_req, res, index) => {
  if (index < first) await sleep(ms);
  if (!res.destroyed) sendJson(res, 200, { index });
};

describe('time limits', () => {
  it('fails an attempt that takes longer than timeout with TimeoutError', async () => {
    const { url } = await serve(slow(10_000));
    const events: ResponseEvent[] = [];
    const started = performance.now();
    const error = await failure(
      transport(url, { timeout: 50, maxRetries: 0, onResponse: (event) => events.push(event) }).request('GET', '/slow'),
    );
    expect(performance.now() - started).toBeLessThan(9_000); // cut short, long before the answer
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ timeoutMs: 50, method: 'GET', url: `${url}/slow` });
    await sleep(10);
    expect(events).toMatchObject([{ attempt: 1, status: undefined, error: 'timeout' }]);
  });

  it('retries a GET whose attempt timed out', async () => {
    const loopback = await serve(slow(10_000, 1));
    // On a busy machine a fast answer may miss 200 ms too: then a later retry answers. Never the first.
    const { index } = await transport(loopback.url, { timeout: 200, maxRetries: 5 }).request<{ index: number }>('GET', '/slow');
    expect(index).toBeGreaterThanOrEqual(1);
    expect(loopback.requests).toHaveLength(index + 1);
  });

  it('does not retry a POST whose attempt timed out', async () => {
    const loopback = await serve(slow(1000, 1));
    await expect(transport(loopback.url, { timeout: 50 }).request('POST', '/slow', { json: {} })).rejects.toBeInstanceOf(TimeoutError);
    await sleep(20);
    expect(loopback.requests).toHaveLength(1);
  });

  it('fails the whole call when totalTimeout runs out across retries', async () => {
    const loopback = await serve(slow(10_000));
    const started = performance.now();
    const error = await failure(
      transport(loopback.url, { timeout: 100, totalTimeout: 1_000, maxRetries: 50 }).request('GET', '/slow'),
    );
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ timeoutMs: 1_000 });
    expect(performance.now() - started).toBeLessThan(9_000); // stopped by the whole-call limit, not by the retries
    expect(loopback.requests.length).toBeGreaterThanOrEqual(2);
  });

  it('times out a body that stops arriving', async () => {
    const { url } = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"partial":');
    });
    const error = await failure(transport(url, { timeout: 100, maxRetries: 0 }).request('GET', '/stall'));
    expect(error).toBeInstanceOf(TimeoutError);
  });

  it('takes timeout and totalTimeout per call', async () => {
    const { url } = await serve(slow(1000));
    const http = transport(url, { timeout: 10_000, maxRetries: 0 });
    await expect(http.request('GET', '/slow', { timeout: 50 })).rejects.toMatchObject({ name: 'TimeoutError', timeoutMs: 50 });
    await expect(http.request('GET', '/slow', { totalTimeout: 60 })).rejects.toMatchObject({ name: 'TimeoutError', timeoutMs: 60 });
  });
});

describe('the caller’s signal', () => {
  it('rejects with the signal’s reason, unchanged, during a request', async () => {
    const { url } = await serve(slow(1000));
    const controller = new AbortController();
    const reason = new Error('user cancelled');
    setTimeout(() => controller.abort(reason), 30);
    await expect(transport(url).request('GET', '/slow', { signal: controller.signal })).rejects.toBe(reason);
  });

  it('rejects with the reason during a Retry-After wait', async () => {
    const loopback = await serve((_req, res) => sendJson(res, 429, {}, { 'retry-after': '5' }));
    const controller = new AbortController();
    const reason = { why: 'not an Error at all' };
    setTimeout(() => controller.abort(reason), 50);
    const started = performance.now();
    await expect(transport(loopback.url).request('GET', '/x', { signal: controller.signal })).rejects.toBe(reason);
    expect(performance.now() - started).toBeLessThan(4000);
    expect(loopback.requests).toHaveLength(1);
  });

  it('rejects at once, without a request, when already aborted', async () => {
    const loopback = await serve(slow(0));
    const reason = new Error('too late');
    await expect(transport(loopback.url).request('GET', '/x', { signal: AbortSignal.abort(reason) })).rejects.toBe(reason);
    expect(loopback.requests).toHaveLength(0);
  });

  it('reports the attempt as aborted to onResponse', async () => {
    const { url } = await serve(slow(1000));
    const events: ResponseEvent[] = [];
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 30);
    await expect(
      transport(url, { onResponse: (event) => events.push(event) }).request('GET', '/slow', { signal: controller.signal }),
    ).rejects.toMatchObject({ name: 'AbortError' });
    await sleep(10);
    expect(events).toMatchObject([{ attempt: 1, status: undefined, error: 'aborted' }]);
  });
});
