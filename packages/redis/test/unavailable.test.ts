// When Redis cannot be reached: fail closed with a typed error (the default), or fall back to
// per-process limits with a warning; never a request let through silently, never the URL in a message.
import { AutotaskClient } from '@itsm/autotask';
import { createBudgetGate, createConcurrencyGate, type GateRequest } from '@itsm/core';
import { startSandbox, type Sandbox } from '@itsm/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedisStores, RedisUnavailableError, type RedisStores, type RedisStoresOptions } from '../src/index.js';
import { startRedisServer, type RedisServer } from '../src/testing/index.js';
import { withRedis } from './support/redis.js';

const HOUR = 3_600_000;
const request: GateRequest = { provider: 'autotask', method: 'GET', path: '/Tickets/1', attempt: 1, key: undefined };
const never = () => new AbortController().signal;

describe.skipIf(!withRedis)('when Redis cannot be reached', () => {
  /** A port where nothing listens: a Redis server was there, and stopped. */
  let deadUrl: string;
  let sb: Sandbox;
  const opened: RedisStores[] = [];
  const stores = (options: Omit<RedisStoresOptions, 'url'> & { url?: string }) => {
    const warnings: string[] = [];
    const made = createRedisStores({ url: deadUrl, connectTimeoutMs: 300, logger: { warn: (message) => warnings.push(message) }, ...options });
    opened.push(made);
    return { ...made, warnings };
  };

  beforeAll(async () => {
    const [gone, sandbox] = await Promise.all([startRedisServer(), startSandbox({ providers: ['autotask'], tickets: 20 })]);
    sb = sandbox;
    await gone.close();
    deadUrl = gone.url.replace('redis://', 'redis://:p4ssw0rd-in-url@');
  });
  afterAll(async () => {
    await Promise.all(opened.map((made) => made.close()));
    await sb?.close();
  });

  it('fails closed by default: a typed error, nothing held, one warning, no password anywhere', async () => {
    const { concurrencyStore, budgetStore, warnings } = stores({});
    const gate = createConcurrencyGate({ limit: 3, store: concurrencyStore });
    const error = await gate(request, never()).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RedisUnavailableError);
    expect(error).toMatchObject({ name: 'RedisUnavailableError', operation: 'concurrency', outcome: 'not_applied', server: expect.stringMatching(/^127\.0\.0\.1:\d+$/) });
    const budget = createBudgetGate({ limit: 10, windowMs: HOUR, store: budgetStore });
    const refused = await budget(request, never()).catch((caught: unknown) => caught);
    expect(refused).toMatchObject({ name: 'RedisUnavailableError', operation: 'budget' });
    await expect(budget.report({ used: 1 })).rejects.toBeInstanceOf(RedisUnavailableError);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^@itsm\/redis: Redis at 127\.0\.0\.1:\d+ is unreachable \(could not connect .* within 300 ms\)\. Until it is back, requests .* fail with RedisUnavailableError/);
    for (const text of [...warnings, (error as Error).message, JSON.stringify((error as RedisUnavailableError).toJSON()), String((error as Error).cause)]) {
      expect(text).not.toContain('p4ssw0rd-in-url');
    }
  });

  it('connect() says at once that Redis is missing', async () => {
    const { connect } = stores({});
    await expect(connect()).rejects.toMatchObject({ name: 'RedisUnavailableError', operation: 'connect' });
  });

  it('stops waiting for the connection when the call is aborted', async () => {
    const { concurrencyStore } = stores({ connectTimeoutMs: 60_000 });
    const controller = new AbortController();
    const waiting = concurrencyStore.acquire('Tickets', 3, controller.signal);
    const reason = new Error('the caller gave up');
    controller.abort(reason);
    await expect(waiting).rejects.toBe(reason);
  });

  it('sends nothing from an Autotask client whose shared stores are unreachable', async () => {
    const { concurrencyStore, budgetStore } = stores({});
    const { username, secret, trackingId, zoneLookupUrl } = sb.connectorOptions('autotask');
    const client = new AutotaskClient({ username, secret, trackingId, zoneLookupUrl, limits: { concurrencyStore, budgetStore, readThresholds: false } });
    await client.baseUrl();
    sb.clearRequests();
    await expect(client.request('GET', '/Tickets/1')).rejects.toBeInstanceOf(RedisUnavailableError);
    expect(sb.requests).toEqual([]);
  });

  it("falls back to this process's share of each limit with 'local', and warns", async () => {
    const { concurrencyStore, budgetStore, warnings } = stores({ whenUnavailable: 'local', replicas: 2 });
    // Three slots shared by two replicas: one each.
    const first = await concurrencyStore.acquire('Tickets', 3, never());
    let second = false;
    const next = concurrencyStore.acquire('Tickets', 3, never()).then((release) => {
      second = true;
      return release;
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(second).toBe(false);
    first();
    (await next)();
    // A budget of 10 shared by two: five here.
    const gate = createBudgetGate({ limit: 10, windowMs: HOUR, store: budgetStore, maxWaitMs: 0 });
    const outcomes = await Promise.allSettled(Array.from({ length: 8 }, () => gate(request, never())));
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(5);
    expect(outcomes.filter((outcome) => outcome.status === 'rejected').map((outcome) => (outcome as PromiseRejectedResult).reason.name)).toEqual(['BudgetExceededError', 'BudgetExceededError', 'BudgetExceededError']);
    expect(await gate.usage()).toMatchObject({ used: 10, limit: 10 });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/Until it is back, this process keeps its own limits at 1\/2 of each/);
  });

  it('says that processes alone may exceed the limits together, when replicas is not set', async () => {
    const { concurrencyStore, warnings } = stores({ whenUnavailable: 'local' });
    (await concurrencyStore.acquire('Tickets', 3, never()))();
    expect(warnings[0]).toMatch(/keeps every limit by itself, as if it were alone: several processes may together exceed them/);
  });
});

describe.skipIf(!withRedis)('when Redis goes away and comes back', () => {
  let redis: RedisServer;

  beforeAll(async () => {
    redis = await startRedisServer();
  });
  afterAll(async () => {
    await redis?.close();
  });

  it('falls back while it is away, shares again once it is back, and says so each time', async () => {
    const warnings: string[] = [];
    const shared = createRedisStores({ url: redis.url, keyPrefix: 'away:', whenUnavailable: 'local', connectTimeoutMs: 500, logger: { warn: (message) => warnings.push(message) } });
    try {
      const gate = createBudgetGate({ limit: 1_000, windowMs: HOUR, store: shared.budgetStore });
      await gate(request, never());
      await gate(request, never());
      expect(await gate.usage()).toMatchObject({ used: 2 });
      expect(warnings).toEqual([]);
      await redis.close();
      // While away: the local count, which knows this process's own two requests.
      await gate(request, never());
      expect(await gate.usage()).toMatchObject({ used: 3 });
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatch(/is unreachable/);
      redis = await startRedisServer({ port: redis.port });
      // Back (an empty Redis: a restarted server without persistence forgets the count).
      while (warnings.length < 2) {
        await gate(request, never());
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(warnings[1]).toMatch(/^@itsm\/redis: Redis at 127\.0\.0\.1:\d+ is reachable again .*; the limits are shared again\.$/);
      const before = (await gate.usage()).used;
      await gate(request, never());
      expect((await gate.usage()).used).toBe(before + 1);
    } finally {
      await shared.close();
    }
  });
});
