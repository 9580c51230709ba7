// examples/shared-budget.ts: two bot processes sharing one Autotask budget through Redis never make
// more requests than the database allows, and both get their share.
import { findRedisServer, startRedisServer, type RedisServer } from '@itsm/redis/testing';
import { startSandbox, type Sandbox } from '@itsm/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_THRESHOLD, runSharedBudgetDemo } from '../shared-budget.ts';

const redisServer = findRedisServer();
if (redisServer === undefined) {
  console.warn('examples/shared-budget: skipped, no redis-server on the PATH (install Debian\'s redis-server package, as .ci/run does)');
}

describe.skipIf(redisServer === undefined)('two processes sharing one Autotask budget', () => {
  let sandbox: Sandbox;
  let redis: RedisServer;

  beforeAll(async () => {
    [sandbox, redis] = await Promise.all([startSandbox({ providers: ['autotask'], tickets: 20 }), startRedisServer()]);
  });
  afterAll(async () => {
    await Promise.all([sandbox?.close(), redis?.close()]);
  });

  it('keeps both bots together within the database threshold', { timeout: 120_000 }, async () => {
    const { bots, countedByAutotask } = await runSharedBudgetDemo(sandbox, redis.url);
    expect(countedByAutotask).toBeLessThanOrEqual(DEMO_THRESHOLD);
    expect(countedByAutotask).toBeGreaterThanOrEqual(DEMO_THRESHOLD - 2);
    expect(bots.map((bot) => bot.name)).toEqual(['bot A', 'bot B']);
    for (const bot of bots) {
      expect(bot.reads).toBeGreaterThan(0);
      expect(bot.usage).toEqual({ used: expect.any(Number), limit: DEMO_THRESHOLD });
    }
  });
});
