/**
 * Paging throughput: iterating 10,000 in-memory items in pages of 100 through `Paginator` (items
 * and `pages()`), against a plain loop over the same page function. Prints the ratios measured in
 * this run; nothing is asserted.
 */
import { Paginator } from '@itsm/core';

const ITEMS = 10_000;
const PAGE_SIZE = 100;
const WARMUP_ROUNDS = 5;
const ROUNDS = 30;
const ITERATIONS_PER_ROUND = 10; // one full iteration of the plain loop is too short to time alone

interface Item {
  id: number;
}

const items: Item[] = Array.from({ length: ITEMS }, (_, id) => ({ id }));

async function fetchPage(cursor: string | undefined): Promise<{ items: Item[]; nextCursor: string | undefined }> {
  const start = cursor === undefined ? 0 : Number(cursor);
  const end = start + PAGE_SIZE;
  return { items: items.slice(start, end), nextCursor: end < ITEMS ? String(end) : undefined };
}

async function plainLoop(): Promise<number> {
  let sum = 0;
  let cursor: string | undefined;
  do {
    const page = await fetchPage(cursor);
    for (const item of page.items) sum += item.id;
    cursor = page.nextCursor;
  } while (cursor !== undefined);
  return sum;
}

async function paginatorItems(): Promise<number> {
  let sum = 0;
  for await (const item of new Paginator(fetchPage)) sum += item.id;
  return sum;
}

async function paginatorPages(): Promise<number> {
  let sum = 0;
  for await (const page of new Paginator(fetchPage).pages()) {
    for (const item of page.items) sum += item.id;
  }
  return sum;
}

/** Median wall time of one full iteration over the 10,000 items, in milliseconds. */
async function measure(iterate: () => Promise<number>): Promise<number> {
  const expected = (ITEMS * (ITEMS - 1)) / 2;
  for (let round = 0; round < WARMUP_ROUNDS; round += 1) await iterate();
  const times: number[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    const started = performance.now();
    for (let iteration = 0; iteration < ITERATIONS_PER_ROUND; iteration += 1) {
      const sum = await iterate();
      if (sum !== expected) throw new Error(`paging bench: expected sum ${expected}, got ${sum}`);
    }
    times.push((performance.now() - started) / ITERATIONS_PER_ROUND);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? Number.NaN;
}

/** The result of {@link run}: median milliseconds per 10,000 items, and the ratios to the plain loop. */
export interface PagingBenchResult {
  name: string;
  plainLoopMs: number;
  paginatorItemsMs: number;
  paginatorPagesMs: number;
  itemsRatio: number;
  pagesRatio: number;
}

/** Runs the paging benchmark and prints one line per variant. */
export async function run(): Promise<PagingBenchResult> {
  const plainLoopMs = await measure(plainLoop);
  const paginatorItemsMs = await measure(paginatorItems);
  const paginatorPagesMs = await measure(paginatorPages);
  const result: PagingBenchResult = {
    name: 'paging',
    plainLoopMs,
    paginatorItemsMs,
    paginatorPagesMs,
    itemsRatio: paginatorItemsMs / plainLoopMs,
    pagesRatio: paginatorPagesMs / plainLoopMs,
  };
  const perSecond = (ms: number) => Math.round((ITEMS / ms) * 1000).toLocaleString('en-US');
  console.log(`paging: ${ITEMS} items in pages of ${PAGE_SIZE}, median of ${ROUNDS} runs`);
  console.log(`  plain loop          ${plainLoopMs.toFixed(2)} ms  (${perSecond(plainLoopMs)} items/s)`);
  console.log(`  Paginator (items)   ${paginatorItemsMs.toFixed(2)} ms  (${perSecond(paginatorItemsMs)} items/s)  ${result.itemsRatio.toFixed(2)}x the plain loop`);
  console.log(`  Paginator (pages)   ${paginatorPagesMs.toFixed(2)} ms  (${perSecond(paginatorPagesMs)} items/s)  ${result.pagesRatio.toFixed(2)}x the plain loop`);
  return result;
}
