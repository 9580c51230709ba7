/**
 * Benchmark: paging 10,000 Ivanti incidents from the sandbox through the SDK's native client
 * (`incidents.list`, a Paginator over OData `$top`/`$skip`) and through a hand-written `fetch` loop
 * over the same endpoint and query, in one process, alternating, and prints the ratio.
 *
 * Both ask for the same fields (`$select`), order and page size (`$top=100`, Ivanti's maximum), stop
 * after 10,000 incidents, and count them; a count that differs is an error. The SDK validates every
 * record, reads Ivanti's "no rows" answers, and prefetches the next page.
 */
import { IvantiClient } from '@itsm/ivanti';
import { startSandbox } from '@itsm/sandbox';

/** Shown by the runner. */
export const title = 'paging 10,000 Ivanti incidents: SDK vs a hand-written fetch loop (sandbox)';

const INCIDENTS = 10_000;
const PAGE_SIZE = 100;
const ROUNDS = 3;
const SELECT = ['RecId', 'IncidentNumber', 'Subject', 'Status', 'LastModDateTime'];
const ORDER_BY = 'RecId asc';

interface ODataPage {
  value?: { RecId: string }[];
}

async function pageWithFetch(apiUrl: string, apiKey: string): Promise<number> {
  let count = 0;
  for (let skip = 0; count < INCIDENTS; skip += PAGE_SIZE) {
    const query = new URLSearchParams({ $select: SELECT.join(','), $orderby: ORDER_BY, $top: String(PAGE_SIZE), $skip: String(skip) });
    const response = await fetch(`${apiUrl}/api/odata/businessobject/incidents?${query}`, {
      headers: { authorization: `rest_api_key=${apiKey}`, accept: 'application/json' },
    });
    if (!response.ok) throw new Error(`list failed with ${response.status}`);
    const text = await response.text();
    const rows = text.trim() === '' ? [] : ((JSON.parse(text) as ODataPage).value ?? []);
    count += Math.min(rows.length, INCIDENTS - count);
    if (rows.length < PAGE_SIZE) break;
  }
  return count;
}

async function pageWithSdk(client: IvantiClient): Promise<number> {
  let count = 0;
  for await (const _incident of client.incidents.list({ select: SELECT, orderBy: ORDER_BY, pageSize: PAGE_SIZE }).take(INCIDENTS)) count++;
  return count;
}

async function measure(run: () => Promise<number>): Promise<{ ms: number; count: number }> {
  const started = performance.now();
  const count = await run();
  return { ms: performance.now() - started, count };
}

/** Runs the benchmark and prints its results. */
export async function run(): Promise<{ sdkMs: number; fetchMs: number; ratio: number }> {
  // 60 % of the simulator's tickets are incidents.
  const sandbox = await startSandbox({ providers: ['ivanti'], tickets: Math.ceil(INCIDENTS / 0.6) + 100 });
  try {
    const { baseUrl, apiKey } = sandbox.connectorOptions('ivanti');
    const client = new IvantiClient({ baseUrl, apiKey });
    const apiUrl = await client.baseUrl(); // the /HEAT probe, once, outside the measurement
    const warm = [await pageWithFetch(apiUrl, apiKey), await pageWithSdk(client)];
    if (warm[0] !== INCIDENTS || warm[1] !== INCIDENTS) throw new Error(`expected ${INCIDENTS} incidents, got ${warm.join(' and ')}`);
    const sdk: number[] = [];
    const raw: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const a = await measure(() => pageWithFetch(apiUrl, apiKey));
      const b = await measure(() => pageWithSdk(client));
      if (a.count !== INCIDENTS || b.count !== INCIDENTS) throw new Error(`lost incidents: fetch ${a.count}, sdk ${b.count}`);
      raw.push(a.ms);
      sdk.push(b.ms);
    }
    const median = (values: number[]) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)]!;
    const sdkMs = median(sdk);
    const fetchMs = median(raw);
    console.log(`${INCIDENTS} incidents in ${INCIDENTS / PAGE_SIZE} pages of ${PAGE_SIZE} ($select of ${SELECT.length} fields), median of ${ROUNDS} alternating rounds`);
    console.log(`  hand-written fetch loop  ${fetchMs.toFixed(0).padStart(6)} ms  (${Math.round(INCIDENTS / (fetchMs / 1000)).toLocaleString('en')} incidents/s)`);
    console.log(`  SDK incidents.list()     ${sdkMs.toFixed(0).padStart(6)} ms  (${Math.round(INCIDENTS / (sdkMs / 1000)).toLocaleString('en')} incidents/s)`);
    console.log(`  ratio SDK / fetch        ${(sdkMs / fetchMs).toFixed(2)}x  (the SDK validates every record and prefetches the next page)`);
    return { sdkMs, fetchMs, ratio: sdkMs / fetchMs };
  } finally {
    await sandbox.close();
  }
}
