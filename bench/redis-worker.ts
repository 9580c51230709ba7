/**
 * One process of the Redis benchmark (bench/redis.ts): an Autotask client on the benchmark's stub
 * server, with its thread slots and hourly budget shared through Redis or kept in this process. It
 * gets its job over IPC, says `ready`, and on `go` makes its calls and reports how long they took.
 */
import { AutotaskClient } from '@itsm/autotask';
import { createRedisStores, type RedisStores } from '@itsm/redis';

/** What the benchmark asks of a worker. */
export interface BenchJob {
  /** The stub's REST base (`…/ATServicesRest`). */
  baseUrl: string;
  /** The Redis server, or `undefined` for gates kept in this process. */
  redisUrl: string | undefined;
  keyPrefix: string;
  calls: number;
  /** Calls in flight from this process at once (`1`: one after the other). */
  concurrency: number;
}

/** What a worker reports. */
export type BenchMessage = { type: 'ready' } | { type: 'done'; ms: number } | { type: 'error'; message: string };

function send(message: BenchMessage): Promise<void> {
  return new Promise((resolve) => process.send?.(message, () => resolve()));
}

async function run(job: BenchJob): Promise<void> {
  let shared: RedisStores | undefined;
  if (job.redisUrl !== undefined) {
    shared = createRedisStores({ url: job.redisUrl, keyPrefix: job.keyPrefix });
    await shared.connect();
  }
  const client = new AutotaskClient({
    username: 'bench@example.com',
    secret: 'bench-secret',
    trackingId: 'BENCH',
    baseUrl: job.baseUrl,
    limits: {
      readThresholds: false,
      slowDown: [],
      ...(shared === undefined ? {} : { concurrencyStore: shared.concurrencyStore, budgetStore: shared.budgetStore }),
    },
  });
  // Warm up: the connections to the stub and to Redis, the scripts loaded.
  for (let call = 0; call < 20; call += 1) await client.request('GET', '/Tickets/1');
  const go = new Promise<void>((resolve) => process.once('message', () => resolve()));
  await send({ type: 'ready' });
  await go;
  const started = performance.now();
  let next = 0;
  const lane = async () => {
    while (next < job.calls) {
      next += 1;
      await client.request('GET', '/Tickets/1');
    }
  };
  await Promise.all(Array.from({ length: job.concurrency }, lane));
  const ms = performance.now() - started;
  await shared?.close();
  await send({ type: 'done', ms });
}

process.once('message', (job: BenchJob) => {
  run(job).then(
    () => process.exit(0),
    async (error: unknown) => {
      await send({ type: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
      process.exit(1);
    },
  );
});
