import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { createClient } from '@redis/client';
import { afterAll, describe, expect, it } from 'vitest';
import { findRedisServer, startRedisServer } from '../src/testing/index.js';
import { redisBinary, redisRequired, SKIP_REASON, withRedis } from './support/redis.js';

const scratch = mkdtempSync(join(tmpdir(), 'itsm-redis-testing-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('@itsm/redis/testing', () => {
  it.runIf(redisRequired)('has a redis-server where the run requires one (ITSM_REQUIRE_REDIS=1, as in CI)', () => {
    expect(redisBinary, SKIP_REASON).toBeDefined();
  });

  it('finds redis-server on a search path, and nothing where there is none', () => {
    const bin = join(scratch, 'bin');
    const fake = join(bin, 'redis-server');
    expect(findRedisServer(`${scratch}${delimiter}`)).toBeUndefined();
    expect(findRedisServer('')).toBeUndefined();
    mkdirSync(bin);
    writeFileSync(fake, '#!/bin/sh\nexit 1\n');
    chmodSync(fake, 0o755);
    expect(findRedisServer(`${scratch}${delimiter}${bin}`)).toBe(fake);
  });

  it('says what a server that does not start printed', async () => {
    const broken = join(scratch, 'broken-redis-server');
    writeFileSync(broken, '#!/bin/sh\necho "FATAL: no config for you"\nexit 3\n');
    chmodSync(broken, 0o755);
    await expect(startRedisServer({ binary: broken })).rejects.toThrow(/exited \(code 3\) before accepting connections:\nFATAL: no config for you/);
  });

  it.skipIf(!withRedis)('starts a server on a free loopback port, and stops it', async () => {
    const server = await startRedisServer();
    expect(server.url).toBe(`redis://127.0.0.1:${server.port}`);
    const client = createClient({ url: server.url });
    client.on('error', () => undefined);
    await client.connect();
    expect(await client.ping()).toBe('PONG');
    await client.close();
    await server.close();
    await server.close(); // again: nothing happens
    const again = createClient({ url: server.url, socket: { reconnectStrategy: false, connectTimeout: 2_000 } });
    again.on('error', () => undefined);
    await expect(again.connect()).rejects.toThrow();
  });
});
