import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BudgetExceededError, InputError } from '../../src/errors.js';
import {
  createBudgetGate,
  createConcurrencyGate,
  createMemoryBudgetStore,
  enterGates,
  type GateRequest,
  type RequestGate,
} from '../../src/http/index.js';
import { fakeFetch, json } from './fake-fetch.js';
import { failure, testTransport } from './support.js';

const REQUEST: GateRequest = { provider: 'autotask', method: 'GET', path: '/Tickets/1', attempt: 1, key: undefined };

describe('enterGates', () => {
  it('enters gates in order and releases them in reverse, once', async () => {
    const log: string[] = [];
    const gate = (name: string): RequestGate => async () => {
      log.push(`enter ${name}`);
      return () => log.push(`leave ${name}`);
    };
    const release = await enterGates([gate('a'), gate('b')], REQUEST, new AbortController().signal);
    release();
    release();
    expect(log).toEqual(['enter a', 'enter b', 'leave b', 'leave a']);
  });

  it('gives back what it holds when a later gate refuses', async () => {
    const log: string[] = [];
    const holding: RequestGate = async () => () => log.push('released');
    const refusing: RequestGate = async () => {
      throw new Error('refused');
    };
    await expect(enterGates([holding, refusing], REQUEST, new AbortController().signal)).rejects.toThrow('refused');
    expect(log).toEqual(['released']);
  });
});

describe('the concurrency gate', () => {
  it('validates its options', () => {
    expect(() => createConcurrencyGate({ limit: 0 })).toThrow(InputError);
    expect(() => createConcurrencyGate({ limit: 2, key: 'x' as never })).toThrow(/key/);
  });

  it('does not hold a slot during the wait between attempts', async () => {
    vi.useFakeTimers();
    try {
      const order: string[] = [];
      let failedOnce = false;
      const fake = fakeFetch((request) => {
        const path = new URL(request.url).pathname;
        order.push(path);
        if (path === '/a' && !failedOnce) {
          failedOnce = true;
          return json(503, {}, { 'retry-after': '5' });
        }
        return json(200, { path });
      });
      const http = testTransport({ provider: 'autotask', baseUrl: 'https://x.example.test', fetch: fake.fetch, concurrency: { limit: 1 } });
      const first = http.request('GET', '/a');
      await vi.advanceTimersByTimeAsync(10);
      const second = http.request('GET', '/b');
      await vi.advanceTimersByTimeAsync(10);
      // /a waits 5 s for its retry; /b got the slot meanwhile.
      expect(order).toEqual(['/a', '/b']);
      await vi.advanceTimersByTimeAsync(5_000);
      await expect(first).resolves.toEqual({ path: '/a' });
      await expect(second).resolves.toEqual({ path: '/b' });
      expect(order).toEqual(['/a', '/b', '/a']);
      expect(fake.maxInFlight).toBe(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('keeps slots in a shared store when given one', async () => {
    const acquired: string[] = [];
    const gate = createConcurrencyGate({
      limit: 3,
      key: ({ path }) => path.split('/')[1] ?? '',
      store: {
        acquire: async (key, limit) => {
          acquired.push(`${key}/${limit}`);
          return () => undefined;
        },
      },
    });
    await gate(REQUEST, new AbortController().signal);
    await gate({ ...REQUEST, key: 'Companies' }, new AbortController().signal);
    expect(acquired).toEqual(['Tickets/3', 'Companies/3']);
  });
});

describe('the budget gate', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(Date.UTC(2026, 0, 1));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('validates its options', () => {
    expect(() => createBudgetGate({ limit: 0, windowMs: 1000 })).toThrow(/limit/);
    expect(() => createBudgetGate({ limit: 1.5, windowMs: 1000 })).toThrow(/limit/);
    expect(() => createBudgetGate({ limit: 10, windowMs: -1 })).toThrow(/windowMs/);
    expect(() => createBudgetGate({ limit: 10, windowMs: 1000, slowDown: [{ from: 2, delayMs: 1 }] })).toThrow(/slowDown\.0\.from/);
    expect(() => createBudgetGate({ limit: 10, windowMs: 1000, store: {} as never })).toThrow(/store/);
  });

  it('never lets more than its budget through in any window, under 500 concurrent calls', async () => {
    const limit = 40;
    const windowMs = 1_000;
    const gate = createBudgetGate({ limit, windowMs, maxWaitMs: 60_000 });
    const fake = fakeFetch(() => json(200, {}));
    const http = testTransport({ provider: 'autotask', baseUrl: 'https://x.example.test', fetch: fake.fetch, gates: [gate], totalTimeout: Infinity });
    const calls = Promise.all(Array.from({ length: 500 }, (_, index) => http.request('GET', `/Tickets/${index}`)));
    for (let step = 0; step < 200 && fake.seen.length < 500; step++) await vi.advanceTimersByTimeAsync(100);
    await calls;
    const times = fake.seen.map((request) => request.at).sort((a, b) => a - b);
    expect(times).toHaveLength(500);
    for (const [index, start] of times.entries()) {
      const inWindow = times.slice(index).filter((at) => at < start + windowMs).length;
      expect(inWindow).toBeLessThanOrEqual(limit);
    }
    // It used the budget: 500 requests at 40 per second take about 12 windows, not many more.
    expect((times.at(-1) as number) - (times[0] as number)).toBeLessThan(14 * windowMs);
  });

  it('refuses at once, without sending, when the budget frees up later than maxWaitMs', async () => {
    const gate = createBudgetGate({ limit: 2, windowMs: 60_000, maxWaitMs: 1_000 });
    const fake = fakeFetch(() => json(201, { id: 1 }));
    const http = testTransport({ provider: 'autotask', baseUrl: 'https://x.example.test', fetch: fake.fetch, gates: [gate] });
    await http.request('POST', '/Tickets', { json: {} });
    await http.request('POST', '/Tickets', { json: {} });
    const error = await failure(http.request('POST', '/Tickets', { json: {} }));
    expect(error).toBeInstanceOf(BudgetExceededError);
    expect(error).toMatchObject({ provider: 'autotask', outcome: 'not_applied', limit: 2, used: 2, retryAfterMs: 60_000 });
    expect((error as Error).message).toMatch(/POST \/Tickets was not sent: 2 of 2 requests/);
    expect(fake.seen).toHaveLength(2);
  });

  it('counts retries: every attempt spends budget', async () => {
    const gate = createBudgetGate({ limit: 100, windowMs: 60_000 });
    let calls = 0;
    const fake = fakeFetch(() => (++calls < 3 ? json(503, {}) : json(200, {})));
    const http = testTransport({ provider: 'autotask', baseUrl: 'https://x.example.test', fetch: fake.fetch, gates: [gate] });
    const pending = http.request('GET', '/x');
    await vi.advanceTimersByTimeAsync(1_000);
    await pending;
    await expect(gate.usage()).resolves.toEqual({ used: 3, limit: 100, windowMs: 60_000 });
  });

  it('slows down as usage rises', async () => {
    const gate = createBudgetGate({ limit: 10, windowMs: 60_000, slowDown: [{ from: 0.5, delayMs: 500 }, { from: 0.8, delayMs: 1_000 }] });
    const signal = new AbortController().signal;
    const waited: number[] = [];
    for (let index = 0; index < 10; index++) {
      let done = false;
      const pass = gate(REQUEST, signal).then(() => {
        done = true;
      });
      let elapsed = 0;
      while (!done) {
        await vi.advanceTimersByTimeAsync(100);
        elapsed += 100;
      }
      await pass;
      waited.push(elapsed);
    }
    // The share used before each request: 0-40 % no pause (one 100 ms tick), 50-70 % 500 ms, 80 %+ 1 s.
    expect(waited).toEqual([100, 100, 100, 100, 100, 500, 500, 500, 1_000, 1_000]);
  });

  it('counts the usage the provider reports, which includes other clients of the account', async () => {
    const gate = createBudgetGate({ limit: 100, windowMs: 3_600_000, maxWaitMs: 0 });
    const signal = new AbortController().signal;
    await gate(REQUEST, signal);
    vi.advanceTimersByTime(1);
    await gate.report({ used: 98, limit: 100 }); // includes the request above
    vi.advanceTimersByTime(1);
    await gate(REQUEST, signal); // 98 reported + this one = 99
    await gate(REQUEST, signal); // 100
    await expect(gate.usage()).resolves.toMatchObject({ used: 100 });
    const error = await failure(gate(REQUEST, signal));
    expect(error).toBeInstanceOf(BudgetExceededError);
    // A report counts for a sixtieth of the window (a minute): it is then expected to be renewed.
    expect((error as BudgetExceededError).retryAfterMs).toBe(59_999); // the report is 1 ms old
    vi.advanceTimersByTime(60_000);
    await expect(gate(REQUEST, signal)).resolves.toBeTypeOf('function');
  });

  it('takes a new limit from a report', async () => {
    const gate = createBudgetGate({ limit: 10_000, windowMs: 3_600_000 });
    await gate.report({ used: 5, limit: 6_000 });
    await expect(gate.usage()).resolves.toEqual({ used: 5, limit: 6_000, windowMs: 3_600_000 });
    await expect(gate.report({ used: -1 })).rejects.toThrow(/report\.used/);
  });

  it('waits for the budget when it frees up within maxWaitMs, and stops waiting when the call is aborted', async () => {
    const gate = createBudgetGate({ limit: 1, windowMs: 10_000, maxWaitMs: 60_000 });
    const signal = new AbortController().signal;
    await gate(REQUEST, signal);
    let passed = false;
    const waiting = gate(REQUEST, signal).then(() => {
      passed = true;
    });
    await vi.advanceTimersByTimeAsync(9_000);
    expect(passed).toBe(false);
    await vi.advanceTimersByTimeAsync(1_000);
    await waiting;
    expect(passed).toBe(true);

    const controller = new AbortController();
    const aborted = gate(REQUEST, controller.signal);
    controller.abort(new Error('caller gave up'));
    await expect(aborted).rejects.toThrow('caller gave up');
  });

  it('keeps separate budgets per key, in a store that can be shared', async () => {
    const store = createMemoryBudgetStore();
    const one = createBudgetGate({ limit: 1, windowMs: 60_000, maxWaitMs: 0, store, key: ({ path }) => path.split('/')[1] ?? '' });
    const other = createBudgetGate({ limit: 1, windowMs: 60_000, maxWaitMs: 0, store, key: ({ path }) => path.split('/')[1] ?? '' });
    const signal = new AbortController().signal;
    await one(REQUEST, signal);
    await one({ ...REQUEST, path: '/Companies/1' }, signal);
    // A second gate on the same store sees the same count.
    await expect(other(REQUEST, signal)).rejects.toBeInstanceOf(BudgetExceededError);
  });
});
