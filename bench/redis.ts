/**
 * Benchmark: the cost of sharing Autotask's limits through Redis (`@itsm/redis`).
 *
 * A loopback stub answers every Autotask `GET` with a small ticket, after a service time of 0 ms (the
 * gates' own cost) or 5 ms (a service that takes time, where the thread limit of 3 per entity is
 * what bounds throughput: at most 600 requests a second). Clients run in child processes, each an
 * `AutotaskClient` with the thread limit and the hourly budget on:
 *
 * - **throughput**: 2,000 calls on one entity (`Tickets`), 50 in flight per process, from one
 *   process with in-memory gates, and from 4 processes sharing one Redis;
 * - **latency**: 500 sequential calls from one process, in-memory gates vs Redis gates: the time
 *   the Redis round trips add to each request.
 *
 * Skipped, and says so, without a `redis-server` on the PATH.
 */
import { fork } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { findRedisServer, startRedisServer } from '@itsm/redis/testing';
import type { BenchJob, BenchMessage } from './redis-worker.ts';

/** Shown by the runner. */
export const title = 'Autotask limits shared through Redis: 4 processes vs 1 with in-memory gates';

const WORKER = fileURLToPath(new URL('./redis-worker.ts', import.meta.url));
const CALLS = 2_000;
const PROCESSES = 4;
const IN_FLIGHT_PER_PROCESS = 50;
const SEQUENTIAL_CALLS = 500;
const BODY = JSON.stringify({ item: { id: 1, ticketNumber: 'T20260101.0001', title: 'Printer on fire', status: 1 } });

async function startStub(serviceMs: number): Promise<{ server: Server; baseUrl: string }> {
  const server = createServer((_request, response) => {
    const answer = () => {
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(BODY) });
      response.end(BODY);
    };
    if (serviceMs > 0) setTimeout(answer, serviceMs);
    else answer();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/ATServicesRest` };
}

/** Runs the jobs in one child process each, started together once all are ready; the elapsed time of the slowest. */
async function runProcesses(jobs: BenchJob[]): Promise<number> {
  const children = jobs.map((job) => {
    const child = fork(WORKER, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const messages: BenchMessage[] = [];
    const waiters: (() => void)[] = [];
    child.on('message', (message: BenchMessage) => {
      messages.push(message);
      for (const wake of waiters.splice(0)) wake();
    });
    const next = async (type: 'ready' | 'done'): Promise<BenchMessage> => {
      for (;;) {
        const failed = messages.find((message) => message.type === 'error');
        if (failed?.type === 'error') throw new Error(`a benchmark process failed: ${failed.message}`);
        const found = messages.find((message) => message.type === type);
        if (found !== undefined) return found;
        await new Promise<void>((resolve) => waiters.push(resolve));
      }
    };
    child.send(job);
    return { child, next };
  });
  try {
    await Promise.all(children.map(({ next }) => next('ready')));
    const done = Promise.all(children.map(({ next }) => next('done')));
    for (const { child } of children) child.send('go');
    const results = await done;
    return Math.max(...results.map((result) => (result.type === 'done' ? result.ms : 0)));
  } finally {
    for (const { child } of children) if (child.exitCode === null) child.kill();
  }
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  const line = (row: string[]) => row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('   ');
  const [header, ...body] = rows;
  return [line(header!), widths.map((width) => '-'.repeat(width)).join('   '), ...body.map(line)].join('\n');
}

/** Runs the benchmark and prints its tables. */
export async function run(): Promise<void> {
  if (findRedisServer() === undefined) {
    console.log('skipped: no redis-server on the PATH (Debian: apt-get install redis-server)');
    return;
  }
  const redis = await startRedisServer();
  let runs = 0;
  const prefix = () => `bench-${(runs += 1)}:`;
  try {
    const rows = [['service time', 'gates', 'processes', 'requests/s']];
    for (const serviceMs of [0, 5]) {
      const { server, baseUrl } = await startStub(serviceMs);
      try {
        const job = (redisUrl: string | undefined, calls: number, keyPrefix: string): BenchJob => ({ baseUrl, redisUrl, keyPrefix, calls, concurrency: IN_FLIGHT_PER_PROCESS });
        const memoryMs = await runProcesses([job(undefined, CALLS, 'unused:')]);
        const keyPrefix = prefix();
        const redisMs = await runProcesses(Array.from({ length: PROCESSES }, () => job(redis.url, CALLS / PROCESSES, keyPrefix)));
        const perSecond = (ms: number) => ((CALLS / ms) * 1000).toFixed(0);
        rows.push([`${serviceMs} ms`, 'in memory', '1', perSecond(memoryMs)], [`${serviceMs} ms`, 'Redis', String(PROCESSES), perSecond(redisMs)]);
      } finally {
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      }
    }
    console.log(`throughput: ${CALLS} calls on one entity (thread limit 3), ${IN_FLIGHT_PER_PROCESS} in flight per process\n`);
    console.log(table(rows));

    const { server, baseUrl } = await startStub(0);
    try {
      const sequential = (redisUrl: string | undefined, keyPrefix: string): BenchJob => ({ baseUrl, redisUrl, keyPrefix, calls: SEQUENTIAL_CALLS, concurrency: 1 });
      const memoryMs = await runProcesses([sequential(undefined, 'unused:')]);
      const redisMs = await runProcesses([sequential(redis.url, prefix())]);
      const perRequestUs = (ms: number) => ((ms / SEQUENTIAL_CALLS) * 1000).toFixed(0);
      console.log(`\nlatency: ${SEQUENTIAL_CALLS} sequential calls from one process (service time 0 ms)\n`);
      console.log(table([
        ['gates', 'µs / request'],
        ['in memory', perRequestUs(memoryMs)],
        ['Redis', perRequestUs(redisMs)],
      ]));
      console.log(`\nadded per request by Redis: ${perRequestUs(redisMs - memoryMs)} µs (a thread slot taken and given back, and a budget count: three script round trips)`);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  } finally {
    await redis.close();
  }
}
