/**
 * Benchmark: memory when listing tickets through a connector. Each figure comes from its own child
 * process (`bench/memory-child.ts`, with `--expose-gc`) against a sandbox running here:
 *
 * - heap kept per ticket when collecting 10,000 tickets (`toArray()`), for each connector, by
 *   default and with the options that keep tickets small (`raw: 'none'`, and `customFields: []`);
 * - Jira at 10,000, 30,000 and 100,000 tickets (`BENCH_MEMORY_SIZES` changes them): the process's
 *   peak resident set size streaming (`for await`) against collecting, by default and lean, and the
 *   most heap kept while streaming — flat when streaming, growing with the count when collecting.
 *
 * Figures only; nothing is asserted. The goal of issue 11: under 2 kB kept per ticket, by a
 * documented option (docs/model.md, "Keeping tickets small").
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startSandbox } from '@itsm/sandbox';
import type { MemoryFigure } from './memory-child.ts';

/** Shown by the runner. */
export const title = 'memory listing tickets: heap kept per ticket (default vs lean), peak RSS streaming vs collecting (child processes)';

const PER_TICKET_COUNT = 10_000;
const SIZES = (process.env.BENCH_MEMORY_SIZES ?? '10000,30000,100000').split(',').map(Number);
const CHILD = fileURLToPath(new URL('./memory-child.ts', import.meta.url));
/** Jira's `tickets.list()` lists the HELP project, 80 % of the simulator's tickets. */
const JIRA_SHARE = 0.8;

type Provider = 'jira-cloud' | 'autotask' | 'ivanti';

/** What tickets keep, as connector options. */
const MODES = {
  default: {},
  "raw: 'none'": { raw: 'none' },
  "raw: 'none', customFields: []": { raw: 'none', customFields: [] },
} as const;
type Mode = keyof typeof MODES;

function measure(provider: Provider, count: number, how: 'stream' | 'collect', options: object): Promise<MemoryFigure> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--expose-gc', CHILD, provider, String(count), how, JSON.stringify(options)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(JSON.parse(output) as MemoryFigure) : reject(new Error(`${provider} ${how} ${count}: the child exited with ${code}`))));
  });
}

async function withSandbox<T>(provider: Provider, tickets: number, task: (options: object) => Promise<T>): Promise<T> {
  const sandbox = await startSandbox({ providers: [provider], tickets, requestLogLimit: 1 });
  try {
    return await task(sandbox.connectorOptions(provider));
  } finally {
    await sandbox.close();
  }
}

const kb = (bytes: number | undefined) => `${((bytes ?? 0) / 1000).toFixed(1)} kB`;

/** What the run measured. */
export interface MemoryFigures {
  /** Heap kept per ticket collecting {@link PER_TICKET_COUNT} tickets, by connector and mode. */
  readonly perTicket: Record<Provider, Record<Mode, number>>;
  /** Jira's peak RSS (MiB) by count: streaming, collecting by default, collecting lean. */
  readonly peakRss: { readonly count: number; readonly streaming: number; readonly collecting: number; readonly collectingLean: number; readonly streamingPeakHeapMb: number }[];
}

/** Runs the benchmark and prints its results. */
export async function run(): Promise<MemoryFigures> {
  console.log(`heap kept per ticket, collecting ${PER_TICKET_COUNT.toLocaleString('en')} tickets with tickets.list().toArray()`);
  const perTicket = {} as Record<Provider, Record<Mode, number>>;
  for (const provider of ['jira-cloud', 'autotask', 'ivanti'] as const) {
    const tickets = provider === 'jira-cloud' ? Math.ceil(PER_TICKET_COUNT / JIRA_SHARE) + 100 : PER_TICKET_COUNT;
    perTicket[provider] = await withSandbox(provider, tickets, async (options) => {
      const row = {} as Record<Mode, number>;
      for (const [mode, extra] of Object.entries(MODES) as [Mode, object][]) {
        const figure = await measure(provider, PER_TICKET_COUNT, 'collect', { ...options, ...extra });
        if (figure.count !== PER_TICKET_COUNT) throw new Error(`${provider}: collected ${figure.count} tickets`);
        row[mode] = figure.bytesPerTicket ?? 0;
      }
      return row;
    });
    const row = perTicket[provider];
    const cells = (Object.keys(MODES) as Mode[]).map((mode) => `${mode} ${kb(row[mode])}`).join(', ');
    console.log(`  ${provider.padEnd(10)} ${cells}  (lean/default ${(row["raw: 'none', customFields: []"] / row.default).toFixed(2)}x)`);
  }

  const largest = Math.max(...SIZES);
  console.log(`\nJira, peak RSS of the listing process (and the most heap kept while streaming), by count`);
  const peakRss = await withSandbox('jira-cloud', Math.ceil(largest / JIRA_SHARE) + 100, async (options) => {
    const rows: MemoryFigures['peakRss'][number][] = [];
    for (const count of SIZES) {
      const streaming = await measure('jira-cloud', count, 'stream', options);
      const collecting = await measure('jira-cloud', count, 'collect', options);
      const lean = await measure('jira-cloud', count, 'collect', { ...options, ...MODES["raw: 'none', customFields: []"] });
      for (const figure of [streaming, collecting, lean]) if (figure.count !== count) throw new Error(`jira-cloud: listed ${figure.count} of ${count}`);
      const row = { count, streaming: streaming.peakRssMb, collecting: collecting.peakRssMb, collectingLean: lean.peakRssMb, streamingPeakHeapMb: streaming.streamingPeakMb ?? 0 };
      rows.push(row);
      console.log(
        `  ${count.toLocaleString('en').padStart(7)} tickets: streaming ${row.streaming.toFixed(0).padStart(5)} MB (heap kept at most ${row.streamingPeakHeapMb.toFixed(1)} MB), ` +
          `collecting ${row.collecting.toFixed(0).padStart(5)} MB (${kb(collecting.bytesPerTicket)}/ticket), lean ${row.collectingLean.toFixed(0).padStart(5)} MB (${kb(lean.bytesPerTicket)}/ticket)`,
      );
    }
    return rows;
  });
  const first = peakRss[0];
  const last = peakRss.at(-1);
  if (first !== undefined && last !== undefined && last !== first) {
    console.log(
      `  ${last.count / first.count}x the tickets: streaming ${(last.streaming / first.streaming).toFixed(2)}x the peak RSS, ` +
        `collecting ${(last.collecting / first.collecting).toFixed(2)}x, lean ${(last.collectingLean / first.collectingLean).toFixed(2)}x`,
    );
  }
  return { perTicket, peakRss };
}
