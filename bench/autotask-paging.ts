/**
 * Benchmark: paging 10,000 Autotask tickets from the sandbox through the SDK's native client
 * (`tickets.query`, a Paginator that POSTs each `nextPageUrl` with the query's body, through the
 * client's thread limit and hourly budget) and through a hand-written `fetch` loop doing the same,
 * in one process, alternating, and prints the ratio.
 *
 * Both page the same query (every ticket, 500 per page, every field) and count every ticket; a
 * count that differs is an error. Both look the zone up first, as a client of a live tenant must.
 */
import { AutotaskClient, createZoneCache, where } from '@itsm/autotask';
import { startSandbox } from '@itsm/sandbox';

/** Shown by the runner. */
export const title = 'paging 10,000 Autotask tickets: SDK vs a hand-written fetch loop (sandbox)';

const TICKETS = 10_000;
const ROUNDS = 3;
const QUERY = { filter: [{ op: 'exist', field: 'id' }], maxRecords: 500 };

interface Credentials {
  zoneLookupUrl: string;
  username: string;
  secret: string;
  trackingId: string;
}

interface QueryPage {
  items: { id: number }[];
  pageDetails: { nextPageUrl: string | null };
}

async function pageWithFetch(credentials: Credentials): Promise<number> {
  const lookup = await fetch(`${credentials.zoneLookupUrl}/ATServicesRest/V1.0/zoneInformation?user=${encodeURIComponent(credentials.username)}`);
  if (!lookup.ok) throw new Error(`zone lookup failed with ${lookup.status}`);
  const zone = (await lookup.json()) as { url: string };
  const headers = {
    ApiIntegrationCode: credentials.trackingId,
    UserName: credentials.username,
    Secret: credentials.secret,
    'content-type': 'application/json',
    accept: 'application/json',
  };
  const body = JSON.stringify(QUERY);
  let count = 0;
  let url: string | null = `${zone.url.replace(/\/+$/, '')}/V1.0/Tickets/query`;
  while (url !== null) {
    const response: Response = await fetch(url, { method: 'POST', headers, body });
    if (!response.ok) throw new Error(`query failed with ${response.status}`);
    const page = (await response.json()) as QueryPage;
    count += page.items.length;
    url = page.pageDetails.nextPageUrl;
  }
  return count;
}

async function pageWithSdk(credentials: Credentials): Promise<number> {
  // A new client per pass, so that its zone lookup counts as the fetch loop's does.
  const client = new AutotaskClient({ ...credentials, zoneCache: createZoneCache() });
  let count = 0;
  for await (const _ticket of client.tickets.query({ filter: where.all(), maxRecords: 500 })) count++;
  return count;
}

async function measure(run: () => Promise<number>): Promise<{ ms: number; count: number }> {
  const started = performance.now();
  const count = await run();
  return { ms: performance.now() - started, count };
}

/** Runs the benchmark and prints its results. */
export async function run(): Promise<{ sdkMs: number; fetchMs: number; ratio: number }> {
  const sandbox = await startSandbox({ providers: ['autotask'], tickets: TICKETS });
  try {
    const { zoneLookupUrl, username, secret, trackingId } = sandbox.connectorOptions('autotask');
    const credentials = { zoneLookupUrl, username, secret, trackingId };
    const warm = [await pageWithFetch(credentials), await pageWithSdk(credentials)];
    if (warm[0] !== TICKETS || warm[1] !== TICKETS) throw new Error(`expected ${TICKETS} tickets, got ${warm.join(' and ')}`);
    const sdk: number[] = [];
    const raw: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const a = await measure(() => pageWithFetch(credentials));
      const b = await measure(() => pageWithSdk(credentials));
      if (a.count !== TICKETS || b.count !== TICKETS) throw new Error(`lost tickets: fetch ${a.count}, sdk ${b.count}`);
      raw.push(a.ms);
      sdk.push(b.ms);
    }
    const median = (values: number[]) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)]!;
    const sdkMs = median(sdk);
    const fetchMs = median(raw);
    console.log(`${TICKETS} tickets in ${Math.ceil(TICKETS / 500)} pages of 500, median of ${ROUNDS} alternating rounds`);
    console.log(`  hand-written fetch loop  ${fetchMs.toFixed(0).padStart(6)} ms  (${Math.round(TICKETS / (fetchMs / 1000)).toLocaleString('en')} tickets/s)`);
    console.log(`  SDK tickets.query()      ${sdkMs.toFixed(0).padStart(6)} ms  (${Math.round(TICKETS / (sdkMs / 1000)).toLocaleString('en')} tickets/s)`);
    console.log(`  ratio SDK / fetch        ${(sdkMs / fetchMs).toFixed(2)}x  (the SDK validates every ticket, prefetches the next page, and passes the thread limit and hourly budget)`);
    return { sdkMs, fetchMs, ratio: sdkMs / fetchMs };
  } finally {
    await sandbox.close();
  }
}
