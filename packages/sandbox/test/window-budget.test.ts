import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WindowBudget, type WindowKind } from '../src/window-budget.js';

/** A clock the test moves by hand. */
function handClock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms), set: (at: number) => (now = at) };
}

describe('WindowBudget, rolling', () => {
  it('allows `limit` requests per key in any window, and counts only allowed ones', () => {
    const clock = handClock();
    const budget = new WindowBudget({ limit: 3, windowMs: 60_000, now: clock.now });
    expect(budget.kind).toBe('rolling');
    const decisions = [0, 10_000, 20_000, 30_000].map((offset) => {
      clock.set(1_000_000 + offset);
      return budget.take('db');
    });
    expect(decisions.map((decision) => decision.allowed)).toEqual([true, true, true, false]);
    expect(decisions[2]).toEqual({ key: 'db', limit: 3, used: 3, remaining: 0, resetAt: 1_060_000, allowed: true, retryAfterMs: 0 });
    expect(decisions[3]).toEqual({ key: 'db', limit: 3, used: 3, remaining: 0, resetAt: 1_060_000, allowed: false, retryAfterMs: 30_000 });
    expect(budget.peek('db').used).toBe(3); // the refused request was not counted
  });

  it('frees each slot exactly windowMs after the request that took it', () => {
    const clock = handClock(0);
    const budget = new WindowBudget({ limit: 2, windowMs: 1_000, now: clock.now });
    budget.take('k'); // t=0
    clock.set(400);
    budget.take('k'); // t=400
    clock.set(999);
    expect(budget.take('k')).toMatchObject({ allowed: false, retryAfterMs: 1 });
    clock.set(1_000);
    expect(budget.take('k')).toMatchObject({ allowed: true, used: 2, resetAt: 1_400 }); // the t=0 slot has left
    clock.set(1_399);
    expect(budget.take('k').allowed).toBe(false);
    clock.set(1_400);
    expect(budget.take('k').allowed).toBe(true);
  });

  it('keeps keys apart', () => {
    const budget = new WindowBudget({ limit: 1, windowMs: 1_000, now: handClock().now });
    expect(budget.take('a').allowed).toBe(true);
    expect(budget.take('a').allowed).toBe(false);
    expect(budget.take('b').allowed).toBe(true);
    expect(budget.peek('c')).toMatchObject({ used: 0, remaining: 1 });
  });

  it('reports usage without counting (what an API such as ThresholdInformation shows)', () => {
    const clock = handClock(0);
    const budget = new WindowBudget({ limit: 10_000, windowMs: 3_600_000, now: clock.now });
    for (let i = 0; i < 124; i += 1) budget.take('db');
    expect(budget.peek('db')).toEqual({ key: 'db', limit: 10_000, used: 124, remaining: 9_876, resetAt: 3_600_000 });
    expect(budget.peek('db').used).toBe(124);
    clock.set(3_600_000);
    expect(budget.peek('db')).toEqual({ key: 'db', limit: 10_000, used: 0, remaining: 10_000, resetAt: 3_600_000 });
  });

  it('applies a lowered limit at once and waits until enough requests have left the window', () => {
    const clock = handClock(0);
    const budget = new WindowBudget({ limit: 5, windowMs: 1_000, now: clock.now });
    for (const at of [0, 100, 200, 300, 400]) {
      clock.set(at);
      budget.take('k');
    }
    budget.limit = 2;
    clock.set(500);
    // 5 counted, limit 2: the count falls to 1 when the request of t=300 leaves, at 1_300.
    expect(budget.take('k')).toMatchObject({ allowed: false, used: 5, remaining: 0, retryAfterMs: 800 });
    clock.set(1_300);
    expect(budget.take('k').allowed).toBe(true);
  });

  it('with a limit of 0 refuses everything and suggests a window\'s wait', () => {
    const budget = new WindowBudget({ limit: 0, windowMs: 5_000, now: handClock().now });
    expect(budget.take('k')).toMatchObject({ allowed: false, used: 0, retryAfterMs: 5_000 });
  });

  it('clear() forgets one key or all', () => {
    const budget = new WindowBudget({ limit: 1, windowMs: 1_000, now: handClock().now });
    budget.take('a');
    budget.take('b');
    budget.clear('a');
    expect(budget.take('a').allowed).toBe(true);
    expect(budget.take('b').allowed).toBe(false);
    budget.clear();
    expect(budget.take('b').allowed).toBe(true);
  });

  it('never allows more than `limit` requests within any window (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 1, max: 100 }), fc.array(fc.integer({ min: 0, max: 40 }), { maxLength: 80 }), (limit, windowMs, gaps) => {
        const clock = handClock(0);
        const budget = new WindowBudget({ limit, windowMs, now: clock.now });
        const allowedAt: number[] = [];
        for (const gap of gaps) {
          clock.advance(gap);
          const decision = budget.take('k');
          const recent = allowedAt.filter((at) => at > clock.now() - windowMs).length;
          // Allowed exactly when fewer than `limit` requests were allowed within the last windowMs.
          expect(decision.allowed).toBe(recent < limit);
          if (decision.allowed) allowedAt.push(clock.now());
          else expect(decision.retryAfterMs).toBeGreaterThan(0);
        }
      }),
    );
  });
});

describe('WindowBudget, fixed', () => {
  it('opens a window at the first request and resets the count when it ends', () => {
    const clock = handClock(0);
    const budget = new WindowBudget({ kind: 'fixed', limit: 2, windowMs: 1_000, now: clock.now });
    clock.set(100);
    expect(budget.take('site')).toMatchObject({ allowed: true, used: 1, resetAt: 1_100 });
    clock.set(900);
    expect(budget.take('site')).toMatchObject({ allowed: true, used: 2, remaining: 0 });
    clock.set(1_099);
    expect(budget.take('site')).toEqual({ key: 'site', limit: 2, used: 2, remaining: 0, resetAt: 1_100, allowed: false, retryAfterMs: 1 });
    clock.set(1_100);
    expect(budget.take('site')).toMatchObject({ allowed: true, used: 1, resetAt: 2_100 });
  });

  it('does not open a window on peek', () => {
    const clock = handClock(0);
    const budget = new WindowBudget({ kind: 'fixed', limit: 1, windowMs: 1_000, now: clock.now });
    expect(budget.peek('k')).toEqual({ key: 'k', limit: 1, used: 0, remaining: 1, resetAt: 0 });
    clock.set(900);
    expect(budget.take('k')).toMatchObject({ allowed: true, resetAt: 1_900 });
  });

  it('opens a window for a refused request too (limit 0), and a clock that went back starts a new one', () => {
    const clock = handClock(5_000);
    const budget = new WindowBudget({ kind: 'fixed', limit: 0, windowMs: 1_000, now: clock.now });
    expect(budget.take('k')).toMatchObject({ allowed: false, resetAt: 6_000 });
    budget.limit = 1;
    clock.set(4_000);
    expect(budget.take('k')).toMatchObject({ allowed: true, used: 1, resetAt: 5_000 });
  });

  it('follows a changed window length from the next request', () => {
    const clock = handClock(0);
    const budget = new WindowBudget({ kind: 'fixed', limit: 1, windowMs: 60_000, now: clock.now });
    budget.take('k');
    clock.set(50);
    expect(budget.take('k').allowed).toBe(false);
    budget.windowMs = 50;
    expect(budget.take('k').allowed).toBe(true);
  });
});

describe('WindowBudget options', () => {
  it.each<[string, () => WindowBudget]>([
    ['limit must be a whole number, 0 or more (got -1)', () => new WindowBudget({ limit: -1, windowMs: 1, now: Date.now })],
    ['limit must be a whole number, 0 or more (got 1.5)', () => new WindowBudget({ limit: 1.5, windowMs: 1, now: Date.now })],
    ['windowMs must be a positive whole number (got 0)', () => new WindowBudget({ limit: 1, windowMs: 0, now: Date.now })],
    ["kind must be 'rolling' or 'fixed' (got \"sliding\")", () => new WindowBudget({ kind: 'sliding' as WindowKind, limit: 1, windowMs: 1, now: Date.now })],
  ])('refuses a bad option: %s', (message, create) => {
    expect(create).toThrow(RangeError);
    expect(create).toThrow(message);
  });

  it('refuses a bad limit or window set later, and keeps the old value', () => {
    const budget = new WindowBudget({ limit: 1, windowMs: 1, now: Date.now });
    expect(() => {
      budget.limit = Number.NaN;
    }).toThrow(RangeError);
    expect(() => {
      budget.windowMs = -5;
    }).toThrow(RangeError);
    expect([budget.limit, budget.windowMs]).toEqual([1, 1]);
  });
});
