import { InputError } from '@itsm/core';
import { describe, expect, it } from 'vitest';
import { createRedisStores, type RedisStoresOptions } from '../src/index.js';
import { resolveRedisStoresOptions } from '../src/options.js';

const url = 'redis://:s3cret-pass@cache.internal:6380/2';

function refusal(options: unknown): InputError {
  try {
    createRedisStores(options as RedisStoresOptions);
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return error as InputError;
  }
  throw new Error('expected an InputError');
}

describe('createRedisStores options', () => {
  it('has defaults, and names the server without its password', () => {
    const resolved = resolveRedisStoresOptions({ url });
    expect(resolved).toMatchObject({
      server: 'cache.internal:6380',
      keyPrefix: 'itsm:',
      whenUnavailable: 'fail',
      replicas: 1,
      leaseMs: 15_000,
      connectTimeoutMs: 5_000,
      commandTimeoutMs: 2_000,
      logger: console,
    });
    expect(resolveRedisStoresOptions({ url: 'rediss://redis.example.com' }).server).toBe('redis.example.com:6379');
  });

  it.each([
    [undefined, 'options'],
    [{}, 'url'],
    [{ url: '' }, 'url'],
    [{ url: 'localhost:6379' }, 'url'],
    [{ url: 'http://localhost:6379' }, 'url'],
    [{ url, keyPrefix: 'has space' }, 'keyPrefix'],
    [{ url, keyPrefix: 7 }, 'keyPrefix'],
    [{ url, whenUnavailable: 'ignore' }, 'whenUnavailable'],
    [{ url, replicas: 4 }, 'replicas'],
    [{ url, whenUnavailable: 'local', replicas: 0 }, 'replicas'],
    [{ url, whenUnavailable: 'local', replicas: 1.5 }, 'replicas'],
    [{ url, leaseMs: 100 }, 'leaseMs'],
    [{ url, leaseMs: 7_200_000 }, 'leaseMs'],
    [{ url, connectTimeoutMs: 0 }, 'connectTimeoutMs'],
    [{ url, commandTimeoutMs: '2s' }, 'commandTimeoutMs'],
    [{ url, logger: {} }, 'logger'],
    [{ url, keyprefix: 'x:' }, 'keyprefix'],
  ])('refuses %j, naming %s', (options, field) => {
    const error = refusal(options);
    expect(error.field).toBe(field);
    expect(error.outcome).toBe('not_applied');
  });

  it('never repeats the URL, which may hold a password', () => {
    for (const bad of [{ url: 'http://:s3cret-pass@host' }, { url: 'redis://:s3cret-pass@' }, { url, replicas: 2 }]) {
      const error = refusal(bad);
      expect(JSON.stringify(error.toJSON())).not.toContain('s3cret-pass');
      expect(error.message).not.toContain('s3cret-pass');
    }
  });

  it('takes replicas with the local fall-back', () => {
    expect(resolveRedisStoresOptions({ url, whenUnavailable: 'local', replicas: 4 }).replicas).toBe(4);
  });
});
