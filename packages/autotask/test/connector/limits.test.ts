/**
 * Autotask's limits against the sandbox, which enforces them as Autotask does: the thread limit
 * (a 4th request in flight on one endpoint is refused with Itgenatr005) and the hourly threshold
 * (429 past it).
 */
import { BudgetExceededError, RateLimitError } from '@itsm/core';
import { createMemoryBudgetStore, createMemoryConcurrencyStore } from '@itsm/core';
import { startSandbox, type autotask as simulator, type Sandbox } from '@itsm/sandbox';
import { afterAll, beforeAll, afterEach, describe, expect, it } from 'vitest';
import { AutotaskClient, createZoneCache, where, type AutotaskClientOptions } from '../../src/index.js';

let sb: Sandbox;
let state: simulator.AutotaskState;

beforeAll(async () => {
  sb = await startSandbox({ providers: ['autotask'], tickets: 1_203 });
  state = sb.state('autotask') as simulator.AutotaskState;
});
afterAll(() => sb.close());
afterEach(() => {
  state.hold = undefined;
  state.settings.threshold.enforced = false;
});

/** A client of the sandbox with its own zone cache and limit stores. */
function client(options: Partial<AutotaskClientOptions> = {}): AutotaskClient {
  const { zoneLookupUrl, username, secret, trackingId } = sb.connectorOptions('autotask');
  return new AutotaskClient({
    zoneLookupUrl,
    username,
    secret,
    trackingId,
    zoneCache: createZoneCache(),
    retryDelay: { baseMs: 1, maxMs: 5 },
    ...options,
    limits: { concurrencyStore: createMemoryConcurrencyStore(), budgetStore: createMemoryBudgetStore(), ...options.limits },
  });
}

/** Holds every request open until the next turn of the event loop, counting the most in flight at once. */
function countInFlight(): { most: () => number } {
  let inFlight = 0;
  let most = 0;
  state.hold = async () => {
    inFlight += 1;
    most = Math.max(most, inFlight);
    await new Promise((resolve) => setImmediate(resolve));
    inFlight -= 1;
  };
  return { most: () => most };
}

/**
 * Holds the requests Autotask lets through its thread limit until it has refused another one (or a
 * bounded number of turns of the event loop went by), so that a burst is sure to hit the limit.
 */
function holdUntilRefused(): void {
  const from = sb.requests.length;
  state.hold = async () => {
    for (let turn = 0; turn < 2_000 && !sb.requests.slice(from).some((request) => request.status === 500); turn += 1) {
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
}

describe('limits against the sandbox', { timeout: 30_000 }, () => {
  it('a query matching 1,203 tickets returns exactly 1,203, each once', async () => {
    const before = sb.requests.length;
    const ids = (await client().tickets.query({ filter: where.all(), includeFields: ['ticketNumber'] }).toArray({ limit: Infinity })).map((ticket) => ticket.id);
    expect(ids).toHaveLength(1_203);
    expect(new Set(ids).size).toBe(1_203);
    const pages = sb.requests.slice(before).filter((request) => request.path.toLowerCase().includes('/tickets/query'));
    expect(pages.map((request) => `${request.method} ${request.status}`)).toEqual(['POST 200', 'POST 200', 'POST 200']);
    expect(await client().tickets.count({ filter: where.all() })).toBe(1_203);
  });

  it('keeps 50 concurrent queries on one entity to 3 in flight: Autotask refuses none', async () => {
    const counter = countInFlight();
    const before = sb.requests.length;
    const autotask = client();
    await Promise.all(Array.from({ length: 50 }, (_, index) => autotask.tickets.query({ filter: where.eq('id', index + 1) }).toArray({ limit: 1 })));
    const made = sb.requests.slice(before).filter((request) => request.path.toLowerCase().endsWith('/tickets/query'));
    expect(made).toHaveLength(50);
    expect(made.every((request) => request.status === 200)).toBe(true);
    expect(counter.most()).toBeGreaterThan(1);
    expect(counter.most()).toBeLessThanOrEqual(3);
  });

  it("waits out Autotask's thread limit on reads, and says a refused write was not applied", async () => {
    holdUntilRefused();
    const careless = client({ limits: { threadsPerEndpoint: 20 }, maxRetries: 10 });
    const before = sb.requests.length;
    const reads = await Promise.all(Array.from({ length: 12 }, () => careless.tickets.query({ filter: where.all(), maxRecords: 1 }).toArray({ limit: 1 })));
    expect(reads.flat()).toHaveLength(12);
    // Autotask refused some (its thread limit), and the client waited them out.
    expect(sb.requests.slice(before).filter((request) => request.status === 500).length).toBeGreaterThan(0);
    const created = state.tables.Tickets.size;
    holdUntilRefused();
    const writes = await Promise.allSettled(
      Array.from({ length: 8 }, (_, index) => careless.tickets.create({ companyID: 0, title: `Burst ${index}`, status: 1, priority: 2, queueID: sb.connectorOptions('autotask').queueId })),
    );
    const refused = writes.filter((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected').map((outcome) => outcome.reason);
    expect(refused.length).toBeGreaterThan(0);
    for (const error of refused) expect(error).toMatchObject({ name: 'RateLimitError', reason: 'thread-limit', outcome: 'not_applied' });
    expect(refused[0]).toBeInstanceOf(RateLimitError);
    expect(state.tables.Tickets.size - created).toBe(writes.length - refused.length);
  });

  it('stops before the hourly threshold once ThresholdInformation says it is near', async () => {
    state.settings.threshold.enforced = true;
    const used = (await client().thresholds()).currentTimeframeRequestCount;
    state.settings.threshold.limit = used + 5;
    const autotask = client({ limits: { maxBudgetWaitMs: 0, slowDown: [] } });
    const reading = await autotask.thresholds();
    expect(reading.externalRequestThreshold).toBe(used + 5);
    const outcomes = await Promise.allSettled(Array.from({ length: 10 }, () => autotask.tickets.count({ filter: where.all() })));
    const refused = outcomes.filter((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected').map((outcome) => outcome.reason);
    expect(refused.length).toBeGreaterThan(0);
    for (const error of refused) expect(error).toBeInstanceOf(BudgetExceededError);
    expect(sb.requests.filter((request) => request.status === 429)).toHaveLength(0);
  });
});
