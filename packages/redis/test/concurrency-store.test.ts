// The concurrency store on a real Redis: the limit holds across connections, waiters are served in
// order of arrival, an abort gives the place back, leases are renewed while held, and a lease that
// ran out before its slot came back is reported.
import { createConcurrencyGate, type ReleaseSlot } from '@itsm/core';
import { createClient } from '@redis/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedisStores, type RedisStores } from '../src/index.js';
import { startRedisServer, type RedisServer } from '../src/testing/index.js';
import { withRedis } from './support/redis.js';

describe.skipIf(!withRedis)('the Redis concurrency store', () => {
  let redis: RedisServer;
  let raw: ReturnType<typeof createClient>;
  const opened: RedisStores[] = [];
  let prefixes = 0;
  const newPrefix = () => `slots-${(prefixes += 1)}:`;
  const stores = (keyPrefix: string, extra: { leaseMs?: number; logger?: { warn(message: string): void } } = {}) => {
    const made = createRedisStores({ url: redis.url, keyPrefix, ...extra });
    opened.push(made);
    return made;
  };
  const never = () => new AbortController().signal;
  /** Waits until Redis shows `count` waiters queued for the lane (the order of arrival is then fixed). */
  const untilQueued = async (keyPrefix: string, key: string, count: number) => {
    while ((await raw.zCard(`${keyPrefix}slots:${key}:queue`)) < count) await new Promise((resolve) => setTimeout(resolve, 10));
  };

  beforeAll(async () => {
    redis = await startRedisServer();
    raw = createClient({ url: redis.url });
    await raw.connect();
  });
  afterAll(async () => {
    await Promise.all(opened.map((made) => made.close()));
    await raw?.close();
    await redis?.close();
  });

  it('keeps to the limit across connections, through a concurrency gate', async () => {
    const keyPrefix = newPrefix();
    const gates = [stores(keyPrefix), stores(keyPrefix), stores(keyPrefix)].map(({ concurrencyStore }) => createConcurrencyGate({ limit: 3, store: concurrencyStore }));
    const request = { provider: 'autotask' as const, method: 'GET', path: '/Tickets/1', attempt: 1, key: undefined };
    let inFlight = 0;
    let most = 0;
    await Promise.all(
      gates.flatMap((gate) =>
        Array.from({ length: 20 }, async () => {
          const release = await gate(request, never());
          inFlight += 1;
          most = Math.max(most, inFlight);
          await new Promise((resolve) => setImmediate(resolve));
          inFlight -= 1;
          release();
        }),
      ),
    );
    expect(most).toBeLessThanOrEqual(3);
    expect(most).toBeGreaterThan(0);
    expect(await raw.zCard(`${keyPrefix}slots::held`)).toBe(0);
  });

  it('serves waiters in order of arrival across processes: a busy one cannot jump the queue', async () => {
    const keyPrefix = newPrefix();
    const busy = stores(keyPrefix);
    const quiet = stores(keyPrefix);
    const held = await Promise.all([1, 2, 3].map(() => busy.concurrencyStore.acquire('Tickets', 3, never())));
    const order: string[] = [];
    const quietTurn = quiet.concurrencyStore.acquire('Tickets', 3, never()).then((release) => (order.push('quiet'), release));
    await untilQueued(keyPrefix, 'Tickets', 1);
    // The busy process asks for five more: they queue behind the quiet one.
    const busyTurns = Array.from({ length: 5 }, () => busy.concurrencyStore.acquire('Tickets', 3, never()).then((release) => (order.push('busy'), release)));
    (held[0] as ReleaseSlot)();
    const quietRelease = await quietTurn;
    expect(order).toEqual(['quiet']);
    (held[1] as ReleaseSlot)();
    (held[2] as ReleaseSlot)();
    quietRelease();
    const rest = await Promise.all(busyTurns.slice(0, 3));
    expect(order).toEqual(['quiet', 'busy', 'busy', 'busy']);
    for (const release of rest) release();
    for (const release of await Promise.all(busyTurns.slice(3))) release();
    expect(order).toHaveLength(6);
  });

  it('gives the place in the queue back when the wait is aborted', async () => {
    const keyPrefix = newPrefix();
    const { concurrencyStore } = stores(keyPrefix);
    const other = stores(keyPrefix);
    const release = await concurrencyStore.acquire('Tickets', 1, never());
    const controller = new AbortController();
    const waiting = other.concurrencyStore.acquire('Tickets', 1, controller.signal);
    await untilQueued(keyPrefix, 'Tickets', 1);
    const reason = new Error('the caller gave up');
    controller.abort(reason);
    await expect(waiting).rejects.toBe(reason);
    while ((await raw.zCard(`${keyPrefix}slots:Tickets:queue`)) > 0) await new Promise((resolve) => setTimeout(resolve, 10));
    release();
    // The slot is free for the next caller, not kept for the one that left.
    (await other.concurrencyStore.acquire('Tickets', 1, never()))();
  });

  it('renews the leases it holds', async () => {
    const keyPrefix = newPrefix();
    const { concurrencyStore } = stores(keyPrefix, { leaseMs: 600 });
    const release = await concurrencyStore.acquire('Tickets', 1, never());
    const expiry = async () => Number(await raw.zScore(`${keyPrefix}slots:Tickets:held`, (await raw.zRange(`${keyPrefix}slots:Tickets:held`, 0, 0))[0] ?? ''));
    const first = await expiry();
    let later = first;
    while (later === first) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      later = await expiry();
    }
    expect(later).toBeGreaterThan(first);
    release();
  });

  it('reports a slot whose lease ran out before it came back: the limit may have been exceeded', async () => {
    const keyPrefix = newPrefix();
    const warnings: string[] = [];
    const { concurrencyStore } = stores(keyPrefix, { logger: { warn: (message) => warnings.push(message) } });
    const release = await concurrencyStore.acquire('Tickets', 1, never());
    // As if the lease had run out and another process had taken the slot.
    await raw.del(`${keyPrefix}slots:Tickets:held`);
    release();
    while (warnings.length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(warnings[0]).toMatch(/the lease of a thread slot of "Tickets" ran out before its request was over/);
    expect(warnings[0]).toContain('the limit may have been exceeded');
  });
});
