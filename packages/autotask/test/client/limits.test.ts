import { BudgetExceededError, createMemoryBudgetStore, createMemoryConcurrencyStore, type GateRequest } from '@itsm/core';
import nock from 'nock';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AUTOTASK_SLOW_DOWN, entityEndpointOf, where } from '../../src/index.js';
import { createAutotaskGates } from '../../src/limits.js';
import { API, ZONE, api, failure, fixedClient, page, route, useNock } from './support.js';

useNock();

const request = (path: string, attempt = 1): GateRequest => ({ provider: 'autotask', method: 'GET', path, attempt, key: undefined });

describe('the thread limit', () => {
  it('keeps 50 concurrent queries on one entity to 3 in flight', async () => {
    let inFlight = 0;
    let most = 0;
    const waiting: (() => void)[] = [];
    let arrived: (() => void) | undefined;
    nock(ZONE)
      .post(`${API}/Tickets/query`)
      .times(50)
      .reply(async () => {
        inFlight += 1;
        most = Math.max(most, inFlight);
        await new Promise<void>((resolve) => {
          waiting.push(resolve);
          arrived?.();
        });
        inFlight -= 1;
        return [200, JSON.stringify(page([{ id: 1 }])), { 'content-type': 'application/json' }];
      });
    const arrival = () => new Promise<void>((resolve) => {
      arrived = resolve;
    });
    const autotask = fixedClient();
    const all = Promise.all(Array.from({ length: 50 }, () => autotask.tickets.query({ filter: where.all() }).toArray({ limit: 5 })));
    while (waiting.length < 3) await arrival();
    for (let released = 0; released < 50; released += 1) {
      while (waiting.length === 0) await arrival();
      expect(inFlight).toBeLessThanOrEqual(3);
      waiting.shift()?.();
    }
    expect((await all).flat()).toHaveLength(50);
    expect(most).toBe(3);
  });

  it('counts per entity endpoint: children are their own entity, versions and ids do not matter', () => {
    expect(entityEndpointOf('/Tickets/query')).toBe('Tickets');
    expect(entityEndpointOf('/Tickets/query/next')).toBe('Tickets');
    expect(entityEndpointOf('/Tickets/7')).toBe('Tickets');
    expect(entityEndpointOf('/Tickets/7/Notes')).toBe('TicketNotes');
    expect(entityEndpointOf('/Tickets/7/Attachments/9')).toBe('TicketAttachments');
    expect(entityEndpointOf('/Companies/12/Contacts')).toBe('Contacts');
    expect(entityEndpointOf('/Companies/12/Notes')).toBe('CompanyNotes');
    expect(entityEndpointOf('/Tickets/entityInformation/fields')).toBe('Tickets');
    expect(entityEndpointOf('/atservicesrest/v1.0/tickets/query/next')).toBe('tickets');
    expect(entityEndpointOf('/ThresholdInformation')).toBe('ThresholdInformation');
  });

  it('shares the slots of one integration between clients, and keeps integrations apart', async () => {
    const store = createMemoryConcurrencyStore();
    const spec = (trackingId: string) => createAutotaskGates({ trackingId, budgetKey: () => 'db', limits: { concurrencyStore: store, hourlyRequests: false }, readThresholds: async () => undefined });
    const [first, second, other] = [spec('A'), spec('A'), spec('B')];
    const signal = new AbortController().signal;
    const threadGate = (gates: typeof first) => gates.gates.at(-1) as (request: GateRequest, signal: AbortSignal) => Promise<() => void>;
    const held = await Promise.all([threadGate(first)(request('/Tickets/1'), signal), threadGate(first)(request('/Tickets/2'), signal), threadGate(second)(request('/Tickets/query'), signal)]);
    let fourth = false;
    const waiting = threadGate(second)(request('/Tickets/3'), signal).then((release) => {
      fourth = true;
      return release;
    });
    const otherIntegration = await threadGate(other)(request('/Tickets/4'), signal);
    const otherEntity = await threadGate(second)(request('/Contacts/4'), signal);
    await Promise.resolve();
    expect(fourth).toBe(false);
    held[0]?.();
    (await waiting)();
    expect(fourth).toBe(true);
    for (const release of [...held, otherIntegration, otherEntity]) release();
  });
});

describe('the hourly threshold', () => {
  afterEach(() => vi.useRealTimers());

  it('is fed by ThresholdInformation: a database at its threshold gets no request from the client', async () => {
    const readings = api('GET', '/ThresholdInformation', [200, { externalRequestThreshold: 10_000, requestThresholdTimeframe: 60, currentTimeframeRequestCount: 10_000 }]);
    const autotask = fixedClient({ limits: { budgetStore: createMemoryBudgetStore(), maxBudgetWaitMs: 0 } });
    expect(await autotask.thresholds()).toMatchObject({ currentTimeframeRequestCount: 10_000 });
    const error = await failure(autotask.tickets.get(1));
    expect(error).toBeInstanceOf(BudgetExceededError);
    expect(error).toMatchObject({ limit: 10_000, outcome: 'not_applied', provider: 'autotask' });
    expect(readings).toHaveLength(1);
    expect(await autotask.usage()).toMatchObject({ used: 10_000, limit: 10_000 });
  });

  it('reads ThresholdInformation by itself when usage is unknown, beside the first request', async () => {
    let arrived: () => void = () => {};
    const reading = new Promise<void>((resolve) => {
      arrived = resolve;
    });
    route('GET', `${API}/ThresholdInformation`, (seen, index) => {
      arrived();
      expect(index).toBe(0);
      return [200, { externalRequestThreshold: 10_000, requestThresholdTimeframe: 60, currentTimeframeRequestCount: 4_200 }];
    });
    api('GET', '/Tickets/1', [200, { item: { id: 1 } }]);
    const autotask = fixedClient({ limits: { budgetStore: createMemoryBudgetStore(), readThresholds: true } });
    await autotask.tickets.get(1);
    await reading;
    await vi.waitFor(async () => expect((await autotask.usage())?.used).toBeGreaterThanOrEqual(4_200));
  });

  it('reads again after fewer requests as usage rises, and at least every minute from 50 %', async () => {
    let now = 0;
    let reads = 0;
    let share = 0.1;
    const gates = createAutotaskGates({
      trackingId: 'T',
      budgetKey: () => 'db',
      limits: { budgetStore: createMemoryBudgetStore(), concurrencyStore: createMemoryConcurrencyStore(), hourlyRequests: 10_000_000 },
      readThresholds: async () => {
        reads += 1;
        await gates.report({ used: Math.round(share * 10_000_000), limit: 10_000_000 });
      },
      now: () => now,
    });
    const watcher = gates.gates[0] as (request: GateRequest, signal: AbortSignal) => Promise<() => void>;
    const signal = new AbortController().signal;
    const send = async (count: number) => {
      for (let index = 0; index < count; index += 1) {
        (await watcher(request('/Tickets/1'), signal))();
        await new Promise((resolve) => setImmediate(resolve)); // lets a reading finish
      }
    };
    await send(1);
    expect(reads).toBe(1); // usage unknown: read at once
    await send(250);
    expect(reads).toBe(2); // below 50 %: every 250 requests
    share = 0.8;
    await send(250);
    expect(reads).toBe(3);
    await send(25);
    expect(reads).toBe(4); // from 75 %: every 25
    share = 0.95;
    await send(25);
    await send(10);
    expect(reads).toBe(6); // from 90 %: every 10
    now += 60_000;
    await send(1);
    expect(reads).toBe(7); // a minute went by with usage high
    (await watcher(request('/ThresholdInformation'), signal))();
    (await watcher(request('/Tickets/1', 2), signal))();
    expect(reads).toBe(7); // neither the reading itself nor a retry counts
  });

  it('slows down as usage rises, the way Autotask does', async () => {
    vi.useFakeTimers();
    const gates = createAutotaskGates({
      trackingId: 'T',
      budgetKey: () => 'db',
      limits: { budgetStore: createMemoryBudgetStore(), concurrencyStore: createMemoryConcurrencyStore(), readThresholds: false },
      readThresholds: async () => undefined,
      now: () => Date.now(),
    });
    expect(AUTOTASK_SLOW_DOWN).toEqual([{ from: 0.5, delayMs: 500 }, { from: 0.75, delayMs: 1_000 }]);
    const budget = gates.gates[0] as (request: GateRequest, signal: AbortSignal) => Promise<() => void>;
    const signal = new AbortController().signal;
    const passes = async (used: number, wait: number) => {
      await gates.report({ used, limit: 10_000 });
      let passed = false;
      const pending = budget(request('/Tickets/1'), signal).then(() => {
        passed = true;
      });
      await vi.advanceTimersByTimeAsync(Math.max(0, wait - 1));
      expect(passed, `${used}: not before ${wait} ms`).toBe(wait === 0);
      await vi.advanceTimersByTimeAsync(1);
      await pending;
      expect(passed).toBe(true);
    };
    await passes(100, 0);
    await passes(5_500, 500);
    await passes(8_000, 1_000);
  });
});
