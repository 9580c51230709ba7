/**
 * Benchmark: paging 10,000 Jira issues from the sandbox through the SDK's native client
 * (`issues.search`, a Paginator over the enhanced JQL search) and through a hand-written `fetch`
 * loop over the same endpoint, in one process, alternating, and prints the ratio.
 *
 * Both ask for the same fields and page size and count every issue; a count that differs is an error.
 */
import { JiraCloudClient } from '@itsm/jira-cloud';
import { startSandbox } from '@itsm/sandbox';

/** Shown by the runner. */
export const title = 'paging 10,000 Jira issues: SDK vs a hand-written fetch loop (sandbox)';

const ISSUES = 10_000;
const PAGE_SIZE = 100;
const ROUNDS = 3;
const JQL = 'project in (HELP, ITOPS) ORDER BY created ASC';
const FIELDS = ['summary', 'status', 'updated', 'reporter'];

interface SearchPage {
  issues: { id: string }[];
  nextPageToken?: string;
}

async function pageWithFetch(baseUrl: string, email: string, apiToken: string): Promise<number> {
  const authorization = `Basic ${Buffer.from(`${email}:${apiToken}`).toString('base64')}`;
  let count = 0;
  let nextPageToken: string | undefined;
  do {
    const response = await fetch(`${baseUrl}/rest/api/3/search/jql`, {
      method: 'POST',
      headers: { authorization, 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ jql: JQL, fields: FIELDS, maxResults: PAGE_SIZE, ...(nextPageToken ? { nextPageToken } : {}) }),
    });
    if (!response.ok) throw new Error(`search failed with ${response.status}`);
    const page = (await response.json()) as SearchPage;
    count += page.issues.length;
    nextPageToken = page.nextPageToken;
  } while (nextPageToken);
  return count;
}

async function pageWithSdk(client: JiraCloudClient, onItem?: () => void): Promise<number> {
  let count = 0;
  for await (const _issue of client.issues.search({ jql: JQL, fields: FIELDS, maxResults: PAGE_SIZE })) {
    count++;
    onItem?.();
  }
  return count;
}

/**
 * Heap retained while streaming every issue (sampled after a collection every 1,000 issues), against
 * the heap retained by collecting them all in an array. Needs `node --expose-gc`.
 */
async function heapWhileStreaming(client: JiraCloudClient): Promise<{ streamingMb: number; collectingMb: number } | undefined> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return undefined;
  const heap = () => process.memoryUsage().heapUsed;
  gc();
  const base = heap();
  let peak = base;
  let seen = 0;
  await pageWithSdk(client, () => {
    if (++seen % 1_000 === 0) {
      gc();
      peak = Math.max(peak, heap());
    }
  });
  gc();
  const before = heap();
  const all = await client.issues.search({ jql: JQL, fields: FIELDS, maxResults: PAGE_SIZE }).toArray({ limit: Infinity });
  gc();
  const collected = heap() - before;
  if (all.length !== ISSUES) throw new Error(`collected ${all.length} issues`);
  return { streamingMb: (peak - base) / 2 ** 20, collectingMb: collected / 2 ** 20 };
}

async function measure(label: string, run: () => Promise<number>): Promise<{ label: string; ms: number; count: number }> {
  const started = performance.now();
  const count = await run();
  return { label, ms: performance.now() - started, count };
}

/** Runs the benchmark and prints its results. */
export async function run(): Promise<{ sdkMs: number; fetchMs: number; ratio: number }> {
  const sandbox = await startSandbox({ providers: ['jira-cloud'], tickets: ISSUES });
  try {
    const { baseUrl, email, apiToken } = sandbox.connectorOptions('jira-cloud');
    const client = new JiraCloudClient({ baseUrl, email, apiToken });
    // Warm-up: one full pass each.
    const warm = [await pageWithFetch(baseUrl, email, apiToken), await pageWithSdk(client)];
    if (warm[0] !== ISSUES || warm[1] !== ISSUES) throw new Error(`expected ${ISSUES} issues, got ${warm.join(' and ')}`);
    const sdk: number[] = [];
    const raw: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const a = await measure('fetch', () => pageWithFetch(baseUrl, email, apiToken));
      const b = await measure('sdk', () => pageWithSdk(client));
      if (a.count !== ISSUES || b.count !== ISSUES) throw new Error(`lost issues: fetch ${a.count}, sdk ${b.count}`);
      raw.push(a.ms);
      sdk.push(b.ms);
    }
    const median = (values: number[]) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)]!;
    const sdkMs = median(sdk);
    const fetchMs = median(raw);
    const pages = Math.ceil(ISSUES / PAGE_SIZE);
    console.log(`${ISSUES} issues in ${pages} pages of ${PAGE_SIZE}, median of ${ROUNDS} alternating rounds`);
    console.log(`  hand-written fetch loop  ${fetchMs.toFixed(0).padStart(6)} ms  (${Math.round(ISSUES / (fetchMs / 1000)).toLocaleString('en')} issues/s)`);
    console.log(`  SDK issues.search()      ${sdkMs.toFixed(0).padStart(6)} ms  (${Math.round(ISSUES / (sdkMs / 1000)).toLocaleString('en')} issues/s)`);
    console.log(`  ratio SDK / fetch        ${(sdkMs / fetchMs).toFixed(2)}x  (the SDK validates every issue and prefetches the next page)`);
    const memory = await heapWhileStreaming(client);
    if (memory) {
      console.log(`  heap retained, streaming   ${memory.streamingMb.toFixed(1).padStart(5)} MB peak  (for await over the paginator)`);
      console.log(`  heap retained, collecting  ${memory.collectingMb.toFixed(1).padStart(5)} MB       (toArray of all ${ISSUES})`);
    } else {
      console.log('  (run with node --expose-gc to measure memory while streaming)');
    }
    return { sdkMs, fetchMs, ratio: sdkMs / fetchMs };
  } finally {
    await sandbox.close();
  }
}
