/**
 * The measuring process of `bench/memory.ts` (started by it with `--expose-gc`, one per figure, so
 * that each starts from the same heap): lists tickets through a connector against a sandbox that
 * runs in the parent, either streaming (`for await`, nothing kept) or collecting (`toArray()`), and
 * prints one line of JSON: the count, the heap the tickets keep (after a full collection), the most
 * heap kept while streaming, and the process's peak resident set size.
 *
 *   node --expose-gc bench/memory-child.ts <provider> <count> <stream|collect> <connector options JSON>
 */
import { createAutotaskConnector, type AutotaskConnectorOptions } from '@itsm/autotask';
import type { ItsmConnector } from '@itsm/core';
import { createIvantiConnector, type IvantiConnectorOptions } from '@itsm/ivanti';
import { createJiraConnector, type JiraConnectorOptions } from '@itsm/jira-cloud';

/** What the child prints. */
export interface MemoryFigure {
  readonly count: number;
  /** Heap kept per ticket once collected (collecting), in bytes. */
  readonly bytesPerTicket: number | undefined;
  /** The most heap kept at any tenth of the way (streaming), in MiB above the start. */
  readonly streamingPeakMb: number | undefined;
  /** The process's peak resident set size, in MiB. */
  readonly peakRssMb: number;
  /** How long the listing took, in ms. */
  readonly ms: number;
}

function connectorFor(provider: string, options: Record<string, unknown>): ItsmConnector {
  if (provider === 'jira-cloud') return createJiraConnector(options as unknown as JiraConnectorOptions);
  if (provider === 'autotask') return createAutotaskConnector(options as unknown as AutotaskConnectorOptions);
  if (provider === 'ivanti') return createIvantiConnector(options as unknown as IvantiConnectorOptions);
  throw new Error(`unknown provider ${provider}`);
}

async function main(): Promise<void> {
  const [provider = '', countText = '', mode = '', optionsJson = '{}'] = process.argv.slice(2);
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) throw new Error('run with node --expose-gc');
  const count = Number(countText);
  const connector = connectorFor(provider, JSON.parse(optionsJson) as Record<string, unknown>);
  // Warm up (code, the connector's cached metadata), then start from a collected heap.
  await connector.tickets.list().take(5).toArray({ limit: 5 });
  gc();
  const heap = () => process.memoryUsage().heapUsed;
  const before = heap();
  const started = performance.now();
  if (mode === 'collect') {
    const tickets = await connector.tickets.list().take(count).toArray({ limit: count });
    const ms = performance.now() - started;
    gc();
    print({ count: tickets.length, bytesPerTicket: Math.round((heap() - before) / tickets.length), streamingPeakMb: undefined, ms });
    return;
  }
  let seen = 0;
  let peak = 0;
  const every = Math.max(1, Math.floor(count / 10));
  for await (const _ticket of connector.tickets.list().take(count)) {
    seen += 1;
    if (seen % every === 0) {
      gc();
      peak = Math.max(peak, heap() - before);
    }
  }
  print({ count: seen, bytesPerTicket: undefined, streamingPeakMb: peak / 2 ** 20, ms: performance.now() - started });
}

function print(figure: Omit<MemoryFigure, 'peakRssMb'>): void {
  const result: MemoryFigure = { ...figure, peakRssMb: process.resourceUsage().maxRSS / 1024 };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

await main();
