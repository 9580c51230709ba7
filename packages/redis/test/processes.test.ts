// Several bot processes sharing one Redis: the thread limit and the hourly budget hold across all of
// them, measured where it counts (at the Autotask simulator), and a killed process's slots come back.
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startSandbox, type autotask as simulator, type Sandbox } from '@itsm/sandbox';
import { createClient } from '@redis/client';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createRedisStores } from '../src/index.js';
import { startRedisServer, type RedisServer } from '../src/testing/index.js';
import type { GoMessage, SandboxAutotask, WorkerJob, WorkerMessage } from './fixtures/protocol.js';
import { withRedis } from './support/redis.js';

const WORKER = fileURLToPath(new URL('./fixtures/worker.ts', import.meta.url));
const HOOKS = fileURLToPath(new URL('./fixtures/register-ts.mjs', import.meta.url));

/** A worker process and its messages. */
interface Worker {
  child: ChildProcess;
  /** Resolves with the next message of this type (or rejects when the worker reports an error or exits). */
  next(type: WorkerMessage['type']): Promise<WorkerMessage>;
}

function startWorker(): Worker {
  const child = fork(WORKER, [], { execArgv: ['--import', HOOKS], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const inbox: WorkerMessage[] = [];
  const waiting: { type: WorkerMessage['type']; resolve: (message: WorkerMessage) => void; reject: (error: Error) => void }[] = [];
  const deliver = () => {
    for (const waiter of [...waiting]) {
      const error = inbox.find((message) => message.type === 'error');
      if (error !== undefined && error.type === 'error') {
        waiting.splice(waiting.indexOf(waiter), 1);
        waiter.reject(new Error(`worker failed: ${error.message}`));
        continue;
      }
      const index = inbox.findIndex((message) => message.type === waiter.type);
      if (index === -1) continue;
      const [message] = inbox.splice(index, 1);
      waiting.splice(waiting.indexOf(waiter), 1);
      waiter.resolve(message as WorkerMessage);
    }
  };
  child.on('message', (message: WorkerMessage) => {
    inbox.push(message);
    deliver();
  });
  child.once('exit', (code, signal) => {
    for (const waiter of waiting.splice(0)) waiter.reject(new Error(`worker exited (${signal ?? code}) before sending ${waiter.type}`));
  });
  return {
    child,
    next: (type) =>
      new Promise((resolve, reject) => {
        waiting.push({ type, resolve, reject });
        deliver();
      }),
  };
}

/** Gives each worker its job, waits until every one is ready, starts them together, and collects their results. */
async function runTogether(workers: Worker[], jobs: WorkerJob[]): Promise<Extract<WorkerMessage, { type: 'done' }>[]> {
  jobs.forEach((job, index) => workers[index]?.child.send(job));
  await Promise.all(workers.map((worker) => worker.next('ready')));
  const done = Promise.all(workers.map((worker) => worker.next('done')));
  for (const worker of workers) worker.child.send({ type: 'go' } satisfies GoMessage);
  return (await done) as Extract<WorkerMessage, { type: 'done' }>[];
}

function stopWorker(worker: Worker): void {
  if (worker.child.exitCode === null && worker.child.signalCode === null) worker.child.kill('SIGKILL');
}

describe.skipIf(!withRedis)('processes sharing one Redis', () => {
  let redis: RedisServer;
  let sb: Sandbox;
  let autotask: SandboxAutotask;
  let ticketId: number;
  /** Four bot processes, started once: each test gives them jobs. */
  let bots: Worker[] = [];
  let run = 0;
  const state = () => sb.state('autotask') as simulator.AutotaskState;
  const prefix = () => `procs-${run}:`;

  beforeAll(async () => {
    bots = Array.from({ length: 4 }, startWorker);
    [redis, sb] = await Promise.all([startRedisServer(), startSandbox({ providers: ['autotask'], tickets: 20 })]);
    const { username, secret, trackingId, zoneLookupUrl } = sb.connectorOptions('autotask');
    autotask = { username, secret, trackingId, zoneLookupUrl };
    const [first] = state().tables.Tickets.rows();
    ticketId = Number(first?.id);
  });
  afterAll(async () => {
    bots.forEach(stopWorker);
    await Promise.all([sb?.close(), redis?.close()]);
  });
  beforeEach(async () => {
    await sb.reset();
    run += 1;
  });

  /** Counts the Tickets requests in flight at the simulator (its own thread limit is lifted, so that it measures rather than refuses). */
  function measureTicketsInFlight(hold: () => Promise<void>) {
    const seen = { now: 0, max: 0, total: 0 };
    state().settings.threadLimit = 1_000;
    state().hold = async (request) => {
      if (!/\/tickets\//i.test(request.path)) return;
      seen.now += 1;
      seen.total += 1;
      seen.max = Math.max(seen.max, seen.now);
      try {
        await hold();
      } finally {
        seen.now -= 1;
      }
    };
    return seen;
  }

  it('4 processes x 200 concurrent calls on one entity never have more than 3 in flight at Autotask', { timeout: 180_000 }, async () => {
    // Each request takes a few milliseconds at the service, so that calls overlap unless held back.
    const seen = measureTicketsInFlight(() => new Promise((resolve) => setTimeout(resolve, 3)));
    const job: WorkerJob = { kind: 'threads', redisUrl: redis.url, keyPrefix: prefix(), stores: 'redis', autotask, ticketId, calls: 200 };
    const results = await runTogether(bots, [job, job, job, job]);
    expect(results.flatMap((result) => result.failures)).toEqual([]);
    expect(results.map((result) => result.ok)).toEqual([200, 200, 200, 200]);
    expect(seen.total).toBe(800);
    expect(seen.max).toBeLessThanOrEqual(3);
    expect(seen.max).toBeGreaterThan(0);
  });

  it('the measurement sees more than 3 in flight when each process keeps its own slots (the control)', { timeout: 180_000 }, async () => {
    // Each request is held until a fourth is in flight (or, should that never happen, ten seconds).
    let fourth: () => void = () => undefined;
    const reached = new Promise<void>((resolve) => (fourth = resolve));
    const seen = measureTicketsInFlight(() => {
      if (seen.now > 3) fourth();
      return Promise.race([reached, new Promise<void>((resolve) => setTimeout(resolve, 10_000))]);
    });
    const job: WorkerJob = { kind: 'threads', redisUrl: redis.url, keyPrefix: prefix(), stores: 'memory', autotask, ticketId, calls: 3 };
    await runTogether(bots, [job, job, job, job]);
    expect(seen.max).toBeGreaterThan(3);
  });

  it('a budget of 50 per hour is never exceeded by 4 processes making 40 calls each', { timeout: 180_000 }, async () => {
    state().settings.threshold.enforced = true;
    state().settings.threshold.limit = 50;
    const job: WorkerJob = { kind: 'budget', redisUrl: redis.url, keyPrefix: prefix(), autotask, ticketId, calls: 40, limit: 50, readThresholdsFirst: false };
    const results = await runTogether(bots, [job, job, job, job]);
    expect(results.flatMap((result) => result.failures)).toEqual([]);
    expect(results.reduce((sum, result) => sum + result.ok, 0)).toBe(50);
    expect(results.reduce((sum, result) => sum + result.refused, 0)).toBe(110);
    expect(state().hourly.peek('database').used).toBe(50);
  });

  it("counts other programs' usage, reported by ThresholdInformation, against the shared budget", { timeout: 180_000 }, async () => {
    state().settings.threshold.enforced = true;
    state().settings.threshold.limit = 50;
    // Another program using the same database has made 20 requests this hour.
    const other = createAutotaskUsage(sb, ticketId);
    for (let request = 0; request < 20; request += 1) await other();
    const job = (readThresholdsFirst: boolean): WorkerJob => ({ kind: 'budget', redisUrl: redis.url, keyPrefix: prefix(), autotask, ticketId, calls: 40, limit: 50, readThresholdsFirst });
    // One process reads the usage (21 with the reading itself); the others learn it through Redis.
    const results = await runTogether(bots, [job(true), job(false), job(false), job(false)]);
    expect(results.flatMap((result) => result.failures)).toEqual([]);
    const used = state().hourly.peek('database').used;
    expect(used).toBeLessThanOrEqual(50);
    // Counting a request made in the same millisecond as the reading twice is allowed (the safe side).
    expect(used).toBeGreaterThanOrEqual(49);
    expect(results.reduce((sum, result) => sum + result.ok + result.refused, 0)).toBe(160);
  });

  it('frees the slots of a process killed while holding them within the lease time', { timeout: 120_000 }, async () => {
    const leaseMs = 1_000;
    const keyPrefix = prefix();
    const holder = startWorker();
    holder.child.send({ kind: 'hold', redisUrl: redis.url, keyPrefix, key: 'Tickets', slots: 3, limit: 3, leaseMs } satisfies WorkerJob);
    const raw = createClient({ url: redis.url });
    await raw.connect();
    const stores = createRedisStores({ url: redis.url, keyPrefix, leaseMs });
    try {
      await holder.next('holding');
      expect(await raw.zCard(`${keyPrefix}slots:Tickets:held`)).toBe(3);
      // A call waits for a slot while the holder lives.
      const controller = new AbortController();
      const waiting = stores.concurrencyStore.acquire('Tickets', 3, controller.signal);
      let waited = false;
      void waiting.then(() => (waited = true), () => undefined);
      while ((await raw.zCard(`${keyPrefix}slots:Tickets:queue`)) === 0) await new Promise((resolve) => setTimeout(resolve, 20));
      expect(waited).toBe(false);
      const killedAt = performance.now();
      holder.child.kill('SIGKILL');
      const release = await waiting;
      // Within the lease (1 s) after the last renewal, plus polling; the bound only catches a slot never freed.
      expect(performance.now() - killedAt).toBeLessThan(30_000);
      const others = await Promise.all([stores.concurrencyStore.acquire('Tickets', 3, controller.signal), stores.concurrencyStore.acquire('Tickets', 3, controller.signal)]);
      for (const give of [release, ...others]) give();
    } finally {
      stopWorker(holder);
      await stores.close();
      await raw.close();
    }
  });
});

/** Requests of another program using the same Autotask database (straight to the simulator, past the shared stores). */
function createAutotaskUsage(sb: Sandbox, ticketId: number): () => Promise<void> {
  const { username, secret, trackingId } = sb.connectorOptions('autotask');
  const url = `${sb.url('autotask')}/ATServicesRest/V1.0/Tickets/${ticketId}`;
  return async () => {
    const response = await fetch(url, { headers: { UserName: username, Secret: secret, ApiIntegrationCode: trackingId } });
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`the other program's request failed: ${response.status}`);
  };
}
