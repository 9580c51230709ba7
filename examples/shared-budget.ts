// Two bot processes sharing one Autotask budget through Redis (@itsm/redis), against the sandbox's
// Autotask simulator: the database allows 30 requests an hour (a small threshold, so that the budget
// runs out in seconds), and the bots together never make more, however they share it out.
//
//   node examples/shared-budget.ts      (after `pnpm build`; needs a redis-server on the PATH)
//
// The main process starts the sandbox and a redis-server, then runs this file again twice, as the
// bots. Each bot reads the usage (`ThresholdInformation`, which also tells it the threshold of 30);
// once both have, both read tickets at the same time until the shared budget refuses
// (`BudgetExceededError`, nothing sent). examples/test/shared-budget.test.ts runs it.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createAutotaskConnector } from '@itsm/autotask';
import { BudgetExceededError } from '@itsm/core';
import { createRedisStores } from '@itsm/redis';
import { startRedisServer } from '@itsm/redis/testing';
import { startSandbox, type autotask as simulator, type Sandbox } from '@itsm/sandbox';

/** The database's hourly threshold in this demo. */
export const DEMO_THRESHOLD = 30;

/** What a bot gets from the main process. */
interface BotJob {
  name: string;
  redisUrl: string;
  options: simulator.AutotaskConnectorOptions;
  ticketId: string;
}

/** What a bot did. */
export interface BotReport {
  name: string;
  /** Tickets read. */
  reads: number;
  /** The budget as the bot saw it when it was refused. */
  usage: { used: number; limit: number } | undefined;
}

/** What the demo shows. */
export interface SharedBudgetResult {
  bots: BotReport[];
  /** The requests the Autotask simulator counted this hour, from both bots. */
  countedByAutotask: number;
}

/** One bot: reads the usage, says it is ready, and on `go` reads tickets until the shared budget says no. */
async function bot(job: BotJob, ready: () => Promise<void>): Promise<BotReport> {
  const shared = createRedisStores({ url: job.redisUrl, keyPrefix: 'demo:' });
  const autotask = createAutotaskConnector({
    ...job.options,
    limits: {
      // The same stores in every process: one thread limit per endpoint, one hourly budget.
      concurrencyStore: shared.concurrencyStore,
      budgetStore: shared.budgetStore,
      // Refuse at once rather than wait for the budget; and no slow-down, so that the demo takes
      // seconds (against Autotask, keep its 0.5 s / 1 s pauses from 50 % / 75 % of the threshold).
      maxBudgetWaitMs: 0,
      slowDown: [],
    },
  });
  try {
    await autotask.client.thresholds(); // the usage so far, and the threshold (30), into the shared budget
    await ready();
    let reads = 0;
    for (;;) {
      try {
        await autotask.tickets.get(job.ticketId);
        reads += 1;
      } catch (error) {
        if (!(error instanceof BudgetExceededError)) throw error;
        const usage = await autotask.client.usage();
        return { name: job.name, reads, usage: usage && { used: usage.used, limit: usage.limit } };
      }
    }
  } finally {
    await shared.close();
  }
}

/** What a bot process says: it is ready, it is done, or it failed. */
type BotMessage = { ready: true } | { report: BotReport } | { error: string };

/** Starts one bot in a process of its own (this file, as a child): ready once it has read the usage. */
function startBot(job: BotJob): { ready: Promise<void>; go(): void; report: Promise<BotReport> } {
  const child = fork(fileURLToPath(import.meta.url), ['--bot'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  let readied: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (readied = resolve));
  const report = new Promise<BotReport>((resolve, reject) => {
    child.on('message', (message: BotMessage) => {
      if ('ready' in message) readied();
      else if ('report' in message) resolve(message.report);
      else reject(new Error(`${job.name} failed: ${message.error}`));
    });
    child.once('exit', (code) => reject(new Error(`${job.name} exited with ${code} before it reported`)));
  });
  child.send(job);
  return { ready: Promise.race([ready, report.then(() => undefined)]), go: () => child.send('go'), report };
}

/**
 * Runs the two bots against the sandbox's Autotask simulator, sharing one budget through Redis.
 *
 * @param sandbox - A sandbox with the Autotask simulator. Its threshold is set to {@link DEMO_THRESHOLD}, enforced.
 * @param redisUrl - The Redis both bots use.
 */
export async function runSharedBudgetDemo(sandbox: Sandbox, redisUrl: string): Promise<SharedBudgetResult> {
  const state = sandbox.state('autotask') as simulator.AutotaskState;
  state.settings.threshold.limit = DEMO_THRESHOLD;
  state.settings.threshold.enforced = true;
  const [ticket] = state.tables.Tickets.rows();
  const job = { redisUrl, options: sandbox.connectorOptions('autotask'), ticketId: String(ticket?.id) };
  const bots = [startBot({ ...job, name: 'bot A' }), startBot({ ...job, name: 'bot B' })];
  await Promise.all(bots.map((one) => one.ready));
  for (const one of bots) one.go();
  const reports = await Promise.all(bots.map((one) => one.report));
  return { bots: reports, countedByAutotask: state.hourly.peek('database').used };
}

async function main(): Promise<void> {
  const [sandbox, redis] = await Promise.all([startSandbox({ providers: ['autotask'] }), startRedisServer()]);
  try {
    const { bots, countedByAutotask } = await runSharedBudgetDemo(sandbox, redis.url);
    for (const report of bots) {
      console.log(`${report.name}: read ${report.reads} tickets, then the shared budget said no (${report.usage?.used} of ${report.usage?.limit} used)`);
    }
    console.log(`Autotask counted ${countedByAutotask} requests this hour, of ${DEMO_THRESHOLD} allowed.`);
  } finally {
    await Promise.all([sandbox.close(), redis.close()]);
  }
}

if (process.argv.includes('--bot')) {
  const say = (message: BotMessage) => new Promise<void>((resolve) => process.send?.(message, () => resolve()));
  const go = new Promise<void>((resolve) => process.on('message', (message) => message === 'go' && resolve()));
  process.once('message', (job: BotJob) => {
    bot(job, async () => {
      await say({ ready: true });
      await go;
    }).then(
      async (report) => {
        await say({ report });
        process.exit(0);
      },
      async (error: unknown) => {
        await say({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
        process.exit(1);
      },
    );
  });
} else if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await main();
}
