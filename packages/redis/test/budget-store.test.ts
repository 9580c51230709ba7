// The budget store on a real Redis: the same answers as core's in-memory store, atomic across
// connections, on the server's clock.
import { BudgetExceededError, createBudgetGate, type BudgetStore, type BudgetTakeRequest } from '@itsm/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedisStores, type RedisStores } from '../src/index.js';
import { startRedisServer, type RedisServer } from '../src/testing/index.js';
import { withRedis } from './support/redis.js';

const HOUR = 3_600_000;

describe.skipIf(!withRedis)('the Redis budget store', () => {
  let redis: RedisServer;
  const opened: RedisStores[] = [];
  let prefixes = 0;
  /** Stores on their own connection, with a prefix of their own unless one is given. */
  const stores = (keyPrefix = `budget-${(prefixes += 1)}:`) => {
    const made = createRedisStores({ url: redis.url, keyPrefix });
    opened.push(made);
    return made;
  };
  const take = (store: BudgetStore, limit: number, extra: Partial<BudgetTakeRequest> = {}) =>
    store.take('db', { limit, windowMs: HOUR, reportTtlMs: 60_000, now: Date.now(), ...extra });

  beforeAll(async () => {
    redis = await startRedisServer();
  });
  afterAll(async () => {
    await Promise.all(opened.map((made) => made.close()));
    await redis?.close();
  });

  it('grants up to the limit, then says how long until the oldest request leaves the window', async () => {
    const { budgetStore } = stores();
    const decisions = [];
    for (let request = 0; request < 4; request += 1) decisions.push(await take(budgetStore, 3));
    expect(decisions.slice(0, 3)).toEqual([
      { granted: true, used: 1 },
      { granted: true, used: 2 },
      { granted: true, used: 3 },
    ]);
    const refused = decisions[3];
    expect(refused).toMatchObject({ granted: false, used: 3 });
    expect(refused?.granted === false && refused.retryInMs).toBeGreaterThan(HOUR - 60_000);
    expect(refused?.granted === false && refused.retryInMs).toBeLessThanOrEqual(HOUR);
    expect(await budgetStore.used('db', { windowMs: HOUR, reportTtlMs: 60_000, now: Date.now() })).toBe(3);
  });

  it('keeps budgets apart by key and by prefix', async () => {
    const one = stores('shared-prefix:');
    const other = stores('other-prefix:');
    await take(one.budgetStore, 1);
    expect(await take(one.budgetStore, 1)).toMatchObject({ granted: false });
    expect(await one.budgetStore.take('another-db', { limit: 1, windowMs: HOUR, reportTtlMs: 60_000, now: Date.now() })).toMatchObject({ granted: true });
    expect(await take(other.budgetStore, 1)).toMatchObject({ granted: true });
    // Same prefix, another connection: the same budget.
    expect(await take(stores('shared-prefix:').budgetStore, 1)).toMatchObject({ granted: false });
  });

  it('never grants more than the limit to concurrent takes from several connections', async () => {
    const keyPrefix = `race-${Date.now()}:`;
    const connections = [stores(keyPrefix), stores(keyPrefix), stores(keyPrefix)];
    const decisions = await Promise.all(connections.flatMap(({ budgetStore }) => Array.from({ length: 100 }, () => take(budgetStore, 137))));
    expect(decisions.filter((decision) => decision.granted)).toHaveLength(137);
    const counts = decisions.filter((decision) => decision.granted).map((decision) => decision.used).sort((a, b) => a - b);
    expect(counts).toEqual(Array.from({ length: 137 }, (_, index) => index + 1));
  });

  it('counts the usage the provider reports, plus what was taken since, while the report is fresh', async () => {
    const { budgetStore } = stores();
    await budgetStore.report('db', { used: 40, at: Date.now() });
    expect(await take(budgetStore, 100)).toEqual({ granted: true, used: 41 });
    expect(await take(budgetStore, 100)).toEqual({ granted: true, used: 42 });
    // An older figure does not replace a newer one.
    await budgetStore.report('db', { used: 5, at: Date.now() - 10_000 });
    expect(await budgetStore.used('db', { windowMs: HOUR, reportTtlMs: 60_000, now: Date.now() })).toBe(42);
    // A figure above the limit refuses until the report is too old to count.
    await budgetStore.report('db', { used: 100, at: Date.now() });
    const refused = await take(budgetStore, 100);
    // (A take in the same millisecond as the report counts on top of it: the safe side.)
    expect(refused.granted).toBe(false);
    expect(refused.used).toBeGreaterThanOrEqual(100);
    expect(refused.used).toBeLessThanOrEqual(102);
    expect(refused.granted === false && refused.retryInMs).toBeLessThanOrEqual(60_000);
  });

  it('ignores a report older than reportTtlMs: its own count decides', async () => {
    const { budgetStore } = stores();
    await take(budgetStore, 100);
    await budgetStore.report('db', { used: 90, at: Date.now() - 120_000 });
    expect(await take(budgetStore, 100)).toEqual({ granted: true, used: 2 });
  });

  it('forgets requests once they leave the window', async () => {
    const { budgetStore } = stores();
    const windowMs = 300;
    expect(await take(budgetStore, 1, { windowMs })).toMatchObject({ granted: true });
    const refused = await take(budgetStore, 1, { windowMs });
    expect(refused).toMatchObject({ granted: false });
    expect(refused.granted === false && refused.retryInMs).toBeLessThanOrEqual(windowMs);
    // Waits for the window itself (Redis keeps time on its own clock), then takes again.
    let again = refused;
    while (!again.granted) {
      await new Promise((resolve) => setTimeout(resolve, again.granted ? 0 : again.retryInMs));
      again = await take(budgetStore, 1, { windowMs });
    }
    expect(again).toEqual({ granted: true, used: 1 });
  });

  it('serves a budget gate: refusals are BudgetExceededErrors, reports feed it', async () => {
    const { budgetStore } = stores();
    const gate = createBudgetGate({ limit: 5, windowMs: HOUR, store: budgetStore, maxWaitMs: 0 });
    const request = { provider: 'autotask' as const, method: 'GET', path: '/Tickets/1', attempt: 1, key: undefined };
    await gate.report({ used: 4, limit: 5 });
    const release = await gate(request, new AbortController().signal);
    release();
    const error = await gate(request, new AbortController().signal).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BudgetExceededError);
    expect(error).toMatchObject({ used: 5, limit: 5, outcome: 'not_applied' });
    expect(await gate.usage()).toEqual({ used: 5, limit: 5, windowMs: HOUR });
  });
});
