/**
 * `cached()`: one load shared by concurrent callers, a failure never kept (the next caller loads
 * again), a value reloaded once older than `ttlMs`, and `refresh`, `set`, `clear`.
 */
import { describe, expect, it } from 'vitest';
import { cached } from '../src/cached.js';
import { InputError } from '../src/errors.js';

describe('cached', () => {
  it('loads once and shares the value, also with callers that ask while the load is in flight', async () => {
    let loads = 0;
    let release!: (value: string) => void;
    const cache = cached(() => {
      loads += 1;
      return new Promise<string>((resolve) => {
        release = resolve;
      });
    });
    const first = cache.get();
    const second = cache.get();
    expect(second).toBe(first);
    release('value');
    await expect(first).resolves.toBe('value');
    await expect(cache.get()).resolves.toBe('value');
    expect(loads).toBe(1);
  });

  it('never keeps a failure: the caller gets it, and the next caller loads again', async () => {
    const answers = [() => Promise.reject(new Error('down')), () => Promise.resolve(42)];
    let loads = 0;
    const cache = cached(() => (answers[loads++] as () => Promise<number>)());
    await expect(cache.get()).rejects.toThrow('down');
    await expect(cache.get()).resolves.toBe(42);
    await expect(cache.get()).resolves.toBe(42);
    expect(loads).toBe(2);
  });

  it('turns a synchronous throw of the load into a rejection, and forgets it', async () => {
    let fail = true;
    const cache = cached(() => {
      if (fail) throw new Error('sync');
      return Promise.resolve('ok');
    });
    await expect(cache.get()).rejects.toThrow('sync');
    fail = false;
    await expect(cache.get()).resolves.toBe('ok');
  });

  it('loads again once the value is older than ttlMs', async () => {
    let clock = 1_000;
    let loads = 0;
    const cache = cached(async () => ++loads, { ttlMs: 100, now: () => clock });
    await expect(cache.get()).resolves.toBe(1);
    clock += 100;
    await expect(cache.get()).resolves.toBe(1);
    clock += 1;
    await expect(cache.get()).resolves.toBe(2);
  });

  it('refresh() loads now, set() replaces the value, clear() forgets it', async () => {
    let loads = 0;
    const cache = cached(async () => `load ${++loads}`);
    await expect(cache.get()).resolves.toBe('load 1');
    await expect(cache.refresh()).resolves.toBe('load 2');
    await expect(cache.get()).resolves.toBe('load 2');
    cache.set('given');
    await expect(cache.get()).resolves.toBe('given');
    cache.clear();
    await expect(cache.get()).resolves.toBe('load 3');
  });

  it('a failed refresh leaves nothing cached', async () => {
    let fail = false;
    const cache = cached(async () => {
      if (fail) throw new Error('refresh failed');
      return 'ok';
    });
    await cache.get();
    fail = true;
    await expect(cache.refresh()).rejects.toThrow('refresh failed');
    fail = false;
    await expect(cache.get()).resolves.toBe('ok');
  });

  it('refuses a bad ttlMs or load', () => {
    expect(() => cached(async () => 1, { ttlMs: -1 })).toThrow(InputError);
    expect(() => cached(async () => 1, { ttlMs: Number.NaN })).toThrow(InputError);
    expect(() => cached('nope' as never)).toThrow(InputError);
  });
});

describe('cached with arguments', () => {
  it('passes the arguments of the call that starts a load, and ignores those of calls served from the cache', async () => {
    const seen: string[] = [];
    const cache = cached(async (label: string) => {
      seen.push(label);
      return label.toUpperCase();
    });
    await expect(cache.get('first')).resolves.toBe('FIRST');
    await expect(cache.get('second')).resolves.toBe('FIRST');
    await expect(cache.refresh('third')).resolves.toBe('THIRD');
    expect(seen).toEqual(['first', 'third']);
  });
});
