import { describe, expect, it } from 'vitest';
import { ServerError, TimeoutError } from '../../src/errors.js';
import type { TransportOptions } from '../../src/http/index.js';
import { sendJson, sleep, type Handler } from './loopback.js';
import { testTransport, useLoopback } from './support.js';

const serve = useLoopback();

function transport(baseUrl: string, options: Partial<TransportOptions> = {}) {
  return testTransport({ provider: 'autotask', baseUrl, maxRetries: 0, ...options });
}

/** Tracks requests in flight per first path segment (the "entity"). */
function perEntity(delayMs: number) {
  const inFlight = new Map<string, number>();
  const max = new Map<string, number>();
  const handler: Handler = async (req, res) => {
    const entity = (req.url ?? '').split('/')[1] ?? '';
    inFlight.set(entity, (inFlight.get(entity) ?? 0) + 1);
    max.set(entity, Math.max(max.get(entity) ?? 0, inFlight.get(entity) ?? 0));
    await sleep(delayMs);
    inFlight.set(entity, (inFlight.get(entity) ?? 1) - 1);
    sendJson(res, 200, { entity });
  };
  return { handler, max };
}

describe('concurrency limit', () => {
  it('never exceeds the limit under 200 concurrent calls, and uses all of it', async () => {
    const loopback = await serve(async (_req, res) => {
      await sleep(2);
      sendJson(res, 200, { ok: true });
    });
    const http = transport(loopback.url, { concurrency: { limit: 3 } });
    const results = await Promise.all(Array.from({ length: 200 }, (_, i) => http.request('GET', `/Tickets/${i}`)));
    expect(results).toHaveLength(200);
    expect(loopback.requests).toHaveLength(200);
    expect(loopback.maxInFlight).toBe(3);
  });

  it('without a limit, the same load goes out in parallel (the measurement can see a breach)', async () => {
    const loopback = await serve(async (_req, res) => {
      await sleep(20);
      sendJson(res, 200, {});
    });
    const http = transport(loopback.url);
    await Promise.all(Array.from({ length: 20 }, () => http.request('GET', '/x')));
    expect(loopback.maxInFlight).toBeGreaterThan(3);
  });

  it('limits each key on its own', async () => {
    const { handler, max } = perEntity(10);
    const loopback = await serve(handler);
    const http = transport(loopback.url, {
      concurrency: { limit: 2, key: ({ path }) => path.split('/')[1] ?? '' },
    });
    await Promise.all(
      Array.from({ length: 60 }, (_, i) => http.request('GET', `/${['Tickets', 'Companies', 'Contacts'][i % 3]}/${i}`)),
    );
    expect(Object.fromEntries(max)).toEqual({ Tickets: 2, Companies: 2, Contacts: 2 });
    expect(loopback.maxInFlight).toBe(6);
  });

  it('takes a per-call concurrencyKey over the key function', async () => {
    const { handler, max } = perEntity(10);
    const loopback = await serve(handler);
    const http = transport(loopback.url, { concurrency: { limit: 1 } });
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => {
        const entity = i % 2 === 0 ? 'Tickets' : 'Companies';
        return http.request('GET', `/${entity}/${i}`, { concurrencyKey: entity });
      }),
    );
    expect(Object.fromEntries(max)).toEqual({ Tickets: 1, Companies: 1 });
    expect(loopback.maxInFlight).toBe(2);
  });

  it('releases the slot after failures: HTTP errors, timeouts, aborts while waiting', async () => {
    const loopback = await serve(async (req, res) => {
      if (req.url === '/fail') return sendJson(res, 500, {});
      if (req.url === '/slow') await sleep(300);
      if (!res.destroyed) sendJson(res, 200, { ok: true });
    });
    const http = transport(loopback.url, { concurrency: { limit: 1 }, timeout: 50 });
    await expect(http.request('GET', '/fail')).rejects.toBeInstanceOf(ServerError);
    await expect(http.request('GET', '/slow')).rejects.toBeInstanceOf(TimeoutError);

    const holder = http.request('GET', '/ok', { timeout: 1000 });
    const controller = new AbortController();
    const queued = http.request('GET', '/ok', { signal: controller.signal });
    controller.abort(new Error('gave up'));
    await expect(queued).rejects.toThrow('gave up');
    await expect(holder).resolves.toEqual({ ok: true });

    await expect(http.request('GET', '/ok')).resolves.toEqual({ ok: true });
  });

  it('counts the wait for a slot against totalTimeout', async () => {
    const loopback = await serve(async (_req, res) => {
      await sleep(300);
      if (!res.destroyed) sendJson(res, 200, {});
    });
    const http = transport(loopback.url, { concurrency: { limit: 1 } });
    const first = http.request('GET', '/a');
    await expect(http.request('GET', '/b', { totalTimeout: 50 })).rejects.toMatchObject({ name: 'TimeoutError', timeoutMs: 50 });
    await first;
    expect(loopback.requests).toHaveLength(1);
  });
});
