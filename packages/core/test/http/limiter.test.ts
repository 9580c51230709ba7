import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createConcurrencyLimiter } from '../../src/http/limiter.js';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('createConcurrencyLimiter', () => {
  it('rejects a limit that is not a positive integer', () => {
    expect(() => createConcurrencyLimiter(0)).toThrow(RangeError);
    expect(() => createConcurrencyLimiter(1.5)).toThrow(RangeError);
  });

  it('never has more than `limit` holders, whatever the timing (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 5 }),
        fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 40 }),
        async (limit, durations) => {
          const limiter = createConcurrencyLimiter(limit);
          let inFlight = 0;
          let max = 0;
          await Promise.all(
            durations.map(async (ticks) => {
              const release = await limiter.acquire('k');
              inFlight += 1;
              max = Math.max(max, inFlight);
              for (let i = 0; i < ticks; i++) await tick();
              inFlight -= 1;
              release();
            }),
          );
          expect(max).toBeLessThanOrEqual(limit);
          expect(max).toBe(Math.min(limit, durations.length));
          expect(limiter.active('k')).toBe(0);
        },
      ),
      { numRuns: 50 },
    );
  });

  it('hands out slots in order of arrival (FIFO)', async () => {
    const limiter = createConcurrencyLimiter(1);
    const first = await limiter.acquire('k');
    const order: number[] = [];
    const waiting = [1, 2, 3, 4].map((n) => limiter.acquire('k').then((release) => { order.push(n); release(); }));
    expect(limiter.pending('k')).toBe(4);
    first();
    await Promise.all(waiting);
    expect(order).toEqual([1, 2, 3, 4]);
  });

  it('keeps keys independent', async () => {
    const limiter = createConcurrencyLimiter(1);
    const a = await limiter.acquire('a');
    let gotB = false;
    const b = limiter.acquire('b').then((release) => { gotB = true; return release; });
    await tick();
    expect(gotB).toBe(true);
    expect(limiter.active('a')).toBe(1);
    a();
    (await b)();
    expect(limiter.active('b')).toBe(0);
  });

  it('releases once, however often release is called', async () => {
    const limiter = createConcurrencyLimiter(2);
    const first = await limiter.acquire('k');
    await limiter.acquire('k');
    first();
    first();
    expect(limiter.active('k')).toBe(1);
  });

  it('stops waiting on abort with the reason, without taking a slot', async () => {
    const limiter = createConcurrencyLimiter(1);
    const held = await limiter.acquire('k');
    const controller = new AbortController();
    const reason = new Error('caller gave up');
    const waiting = limiter.acquire('k', controller.signal);
    let nextGot = false;
    const next = limiter.acquire('k').then((release) => { nextGot = true; return release; });
    controller.abort(reason);
    await expect(waiting).rejects.toBe(reason);
    expect(limiter.pending('k')).toBe(1);
    held();
    (await next)();
    expect(nextGot).toBe(true);
    expect(limiter.active('k')).toBe(0);
    await expect(limiter.acquire('k', AbortSignal.abort(reason))).rejects.toBe(reason);
  });
});
