// The keyed concurrency limit, against a real loopback server that holds every request until the
// test lets it go: "at most N at once, and N at once" is checked wave by wave, by counting what the
// server holds, never by hoping requests overlap in time.
import type { ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import { ServerError, TimeoutError } from '../../src/errors.js';
import type { TransportOptions } from '../../src/http/index.js';
import { sendJson, type Handler } from './loopback.js';
import { advanceUntil, testTransport, track, until, useFakeClock, useLoopback } from './support.js';

const serve = useLoopback();

function transport(baseUrl: string, options: Partial<TransportOptions> = {}) {
  return testTransport({ provider: 'autotask', baseUrl, maxRetries: 0, ...options });
}

/** A handler that holds each request, by its first path segment (the "entity"), until `release()`. */
function holding() {
  const held: { entity: string; res: ServerResponse }[] = [];
  const handler: Handler = (req, res) => {
    held.push({ entity: (req.url ?? '').split('/')[1] ?? '', res });
  };
  /** Answers every request held now. */
  const release = () => {
    for (const { entity, res } of held.splice(0)) sendJson(res, 200, { entity });
  };
  /** How many requests of each entity are held now. */
  const byEntity = () => {
    const counts: Record<string, number> = {};
    for (const { entity } of held) counts[entity] = (counts[entity] ?? 0) + 1;
    return counts;
  };
  return { handler, held, release, byEntity };
}

/**
 * Lets `total` calls through in waves: waits until the server holds `wave` requests (fewer for the
 * last wave), checks the wave with `check`, then answers it.
 */
async function inWaves(server: ReturnType<typeof holding>, total: number, wave: number, check: () => void): Promise<number> {
  let answered = 0;
  let waves = 0;
  while (answered < total) {
    const expected = Math.min(wave, total - answered);
    await until(() => server.held.length >= expected);
    expect(server.held.length).toBe(expected);
    check();
    answered += expected;
    waves += 1;
    server.release();
  }
  return waves;
}

describe('concurrency limit', () => {
  it('never exceeds the limit under 200 concurrent calls, and uses all of it', async () => {
    const server = holding();
    const loopback = await serve(server.handler);
    const http = transport(loopback.url, { concurrency: { limit: 3 } });
    const results = Promise.all(Array.from({ length: 200 }, (_, i) => http.request('GET', `/Tickets/${i}`)));
    expect(await inWaves(server, 200, 3, () => {})).toBe(67);
    expect(await results).toHaveLength(200);
    expect(loopback.requests).toHaveLength(200);
    expect(loopback.maxInFlight).toBe(3);
  });

  it('without a limit, the same load goes out in parallel (the measurement can see a breach)', async () => {
    const server = holding();
    const loopback = await serve(server.handler);
    const http = transport(loopback.url);
    const results = Promise.all(Array.from({ length: 20 }, () => http.request('GET', '/x')));
    await loopback.arrived(20);
    server.release();
    await results;
    expect(loopback.maxInFlight).toBe(20);
  });

  it('limits each key on its own', async () => {
    const server = holding();
    const loopback = await serve(server.handler);
    const http = transport(loopback.url, {
      concurrency: { limit: 2, key: ({ path }) => path.split('/')[1] ?? '' },
    });
    const results = Promise.all(
      Array.from({ length: 60 }, (_, i) => http.request('GET', `/${['Tickets', 'Companies', 'Contacts'][i % 3]}/${i}`)),
    );
    const waves = await inWaves(server, 60, 6, () => expect(server.byEntity()).toEqual({ Tickets: 2, Companies: 2, Contacts: 2 }));
    expect(waves).toBe(10);
    await results;
    expect(loopback.maxInFlight).toBe(6);
  });

  it('takes a per-call concurrencyKey over the key function', async () => {
    const server = holding();
    const loopback = await serve(server.handler);
    const http = transport(loopback.url, { concurrency: { limit: 1 } });
    const results = Promise.all(
      Array.from({ length: 20 }, (_, i) => {
        const entity = i % 2 === 0 ? 'Tickets' : 'Companies';
        return http.request('GET', `/${entity}/${i}`, { concurrencyKey: entity });
      }),
    );
    expect(await inWaves(server, 20, 2, () => expect(server.byEntity()).toEqual({ Tickets: 1, Companies: 1 }))).toBe(10);
    await results;
    expect(loopback.maxInFlight).toBe(2);
  });

  describe('on a fake clock', () => {
    useFakeClock();

    it('releases the slot after failures: HTTP errors, timeouts, aborts while waiting', async () => {
      const loopback = await serve((req, res) => {
        if (req.url === '/fail') sendJson(res, 500, {});
        else if (req.url !== '/slow') sendJson(res, 200, { ok: true });
      });
      const http = transport(loopback.url, { concurrency: { limit: 1 }, timeout: 50 });
      await expect(http.request('GET', '/fail')).rejects.toBeInstanceOf(ServerError);

      const slow = track(http.request('GET', '/slow'));
      await loopback.arrived(2);
      await advanceUntil(() => slow.settled);
      await expect(slow.promise).rejects.toBeInstanceOf(TimeoutError);

      const holder = http.request('GET', '/ok', { timeout: 1000 });
      const controller = new AbortController();
      const queued = http.request('GET', '/ok', { signal: controller.signal });
      controller.abort(new Error('gave up'));
      await expect(queued).rejects.toThrow('gave up');
      await expect(holder).resolves.toEqual({ ok: true });

      await expect(http.request('GET', '/ok')).resolves.toEqual({ ok: true });
    });

    it('counts the wait for a slot against totalTimeout', async () => {
      const server = holding();
      const loopback = await serve(server.handler);
      const http = transport(loopback.url, { concurrency: { limit: 1 } });
      const first = http.request('GET', '/a');
      await loopback.arrived(1);
      const second = track(http.request('GET', '/b', { totalTimeout: 50 }));
      const waited = await advanceUntil(() => second.settled);
      expect(waited).toBeGreaterThanOrEqual(50);
      await expect(second.promise).rejects.toMatchObject({ name: 'TimeoutError', timeoutMs: 50 });
      server.release();
      await first;
      expect(loopback.requests).toHaveLength(1);
    });
  });
});
