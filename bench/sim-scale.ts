/**
 * Benchmark: the simulators at scale. For each simulator, with 100,000 tickets (`BENCH_SIM_TICKETS`
 * changes it):
 *
 * - how long `startSandbox` takes to seed them (wall and CPU time);
 * - paging through every ticket with a hand-written `fetch` loop: pages per second, the median page,
 *   and the simulator's share of the wall time (the request log's durations over the wall time);
 * - listing 10,000 tickets through the connector (`tickets.list()`): the simulator's share of the
 *   wall time — under a half means the client, not the simulator, is the slow part.
 *
 * Figures and ratios only; nothing is asserted.
 */
import { createAutotaskConnector } from '@itsm/autotask';
import type { ItsmConnector } from '@itsm/core';
import { createIvantiConnector, IvantiClient } from '@itsm/ivanti';
import { createJiraConnector } from '@itsm/jira-cloud';
import { startSandbox, type RequestLogEntry, type Sandbox } from '@itsm/sandbox';

/** Shown by the runner. */
export const title = 'the simulators at 100,000 tickets: start, paging rate, the simulator\'s share of a connector listing (sandbox)';

const TICKETS = Number(process.env.BENCH_SIM_TICKETS ?? 100_000);
const LISTED = 10_000;

type Provider = 'jira-cloud' | 'autotask' | 'ivanti';

/** One full pass over a simulator's tickets: how many, in how many pages. */
interface Pass {
  readonly tickets: number;
  readonly pages: number;
}

async function jiraPass(sandbox: Sandbox): Promise<Pass> {
  const { baseUrl, email, apiToken } = sandbox.connectorOptions('jira-cloud');
  const headers = { authorization: `Basic ${Buffer.from(`${email}:${apiToken}`).toString('base64')}`, 'content-type': 'application/json', accept: 'application/json' };
  const query = { jql: 'project in (HELP, ITOPS) ORDER BY created ASC', fields: ['summary', 'status', 'priority', 'reporter', 'assignee', 'created', 'updated'], maxResults: 100 };
  let tickets = 0;
  let pages = 0;
  let nextPageToken: string | undefined;
  do {
    const response = await fetch(`${baseUrl}/rest/api/3/search/jql`, { method: 'POST', headers, body: JSON.stringify({ ...query, ...(nextPageToken === undefined ? {} : { nextPageToken }) }) });
    if (!response.ok) throw new Error(`Jira search failed with ${response.status}`);
    const page = (await response.json()) as { issues: unknown[]; nextPageToken?: string };
    tickets += page.issues.length;
    pages += 1;
    nextPageToken = page.nextPageToken;
  } while (nextPageToken !== undefined);
  return { tickets, pages };
}

async function autotaskPass(sandbox: Sandbox): Promise<Pass> {
  const { zoneLookupUrl, username, secret, trackingId } = sandbox.connectorOptions('autotask');
  const zone = (await (await fetch(`${zoneLookupUrl}/ATServicesRest/V1.0/zoneInformation?user=${encodeURIComponent(username)}`)).json()) as { url: string };
  const headers = { ApiIntegrationCode: trackingId, UserName: username, Secret: secret, 'content-type': 'application/json', accept: 'application/json' };
  const body = JSON.stringify({ filter: [{ op: 'exist', field: 'id' }], maxRecords: 500 });
  let tickets = 0;
  let pages = 0;
  let url: string | null = `${zone.url.replace(/\/+$/, '')}/V1.0/Tickets/query`;
  while (url !== null) {
    const response: Response = await fetch(url, { method: 'POST', headers, body });
    if (!response.ok) throw new Error(`Autotask query failed with ${response.status}`);
    const page = (await response.json()) as { items: unknown[]; pageDetails: { nextPageUrl: string | null } };
    tickets += page.items.length;
    pages += 1;
    url = page.pageDetails.nextPageUrl;
  }
  return { tickets, pages };
}

async function ivantiPass(sandbox: Sandbox): Promise<Pass> {
  const { baseUrl, apiKey } = sandbox.connectorOptions('ivanti');
  const apiUrl = await new IvantiClient({ baseUrl, apiKey }).baseUrl();
  const headers = { authorization: `rest_api_key=${apiKey}`, accept: 'application/json' };
  let tickets = 0;
  let pages = 0;
  for (const entitySet of ['incidents', 'servicereqs']) {
    for (let skip = 0; ; skip += 100) {
      const response = await fetch(`${apiUrl}/api/odata/businessobject/${entitySet}?$top=100&$skip=${skip}`, { headers });
      if (!response.ok) throw new Error(`Ivanti list failed with ${response.status}`);
      const text = await response.text();
      const rows = text.trim() === '' ? [] : ((JSON.parse(text) as { value?: unknown[] }).value ?? []);
      tickets += rows.length;
      pages += 1;
      if (rows.length < 100) break;
    }
  }
  return { tickets, pages };
}

const PASSES: Readonly<Record<Provider, (sandbox: Sandbox) => Promise<Pass>>> = { 'jira-cloud': jiraPass, autotask: autotaskPass, ivanti: ivantiPass };

function connectorOf(sandbox: Sandbox, provider: Provider): ItsmConnector {
  if (provider === 'jira-cloud') return createJiraConnector(sandbox.connectorOptions('jira-cloud'));
  if (provider === 'autotask') return createAutotaskConnector(sandbox.connectorOptions('autotask'));
  return createIvantiConnector(sandbox.connectorOptions('ivanti'));
}

/** Runs `task` and says how long it took and how much of that the simulator spent answering. */
async function timed<T>(log: RequestLogEntry[], task: () => Promise<T>): Promise<{ result: T; ms: number; simulatorMs: number; durations: number[] }> {
  log.length = 0;
  const started = performance.now();
  const result = await task();
  const ms = performance.now() - started;
  const durations = log.map((entry) => entry.durationMs);
  return { result, ms, simulatorMs: durations.reduce((sum, duration) => sum + duration, 0), durations };
}

function median(values: readonly number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
}

/** What the run measured, per simulator. */
export interface SimScaleFigures {
  readonly provider: Provider;
  readonly startMs: number;
  readonly startCpuMs: number;
  readonly pagesPerSecond: number;
  readonly pagingSimulatorShare: number;
  readonly listingSimulatorShare: number;
}

/** Runs the benchmark and prints its results. */
export async function run(): Promise<SimScaleFigures[]> {
  const figures: SimScaleFigures[] = [];
  console.log(`${TICKETS.toLocaleString('en')} tickets per simulator; the simulator's share is the sum of its answer times over the wall time`);
  for (const provider of ['jira-cloud', 'autotask', 'ivanti'] as const) {
    const log: RequestLogEntry[] = [];
    const cpu = process.cpuUsage();
    const started = performance.now();
    const sandbox = await startSandbox({ providers: [provider], tickets: TICKETS, requestLogLimit: 1, onRequest: (entry) => log.push(entry) });
    const startMs = performance.now() - started;
    const used = process.cpuUsage(cpu);
    const startCpuMs = (used.user + used.system) / 1000;
    try {
      const pass = await timed(log, () => PASSES[provider](sandbox));
      if (pass.result.tickets !== TICKETS) throw new Error(`${provider}: paged ${pass.result.tickets} of ${TICKETS} tickets`);
      const connector = connectorOf(sandbox, provider);
      await connector.tickets.list().take(10).toArray({ limit: 10 }); // warm: metadata, code
      const listing = await timed(log, async () => {
        let count = 0;
        for await (const _ticket of connector.tickets.list().take(LISTED)) count += 1;
        return count;
      });
      const pagesPerSecond = pass.result.pages / (pass.ms / 1000);
      const row: SimScaleFigures = {
        provider,
        startMs,
        startCpuMs,
        pagesPerSecond,
        pagingSimulatorShare: pass.simulatorMs / pass.ms,
        listingSimulatorShare: listing.simulatorMs / listing.ms,
      };
      figures.push(row);
      console.log(`  ${provider.padEnd(10)} start ${(startMs / 1000).toFixed(1).padStart(5)} s (CPU ${(startCpuMs / 1000).toFixed(1)} s)`);
      console.log(
        `  ${''.padEnd(10)} fetch loop: ${pass.result.tickets.toLocaleString('en')} tickets in ${pass.result.pages} pages, ${pagesPerSecond.toFixed(0)} pages/s, ` +
          `median page ${median(pass.durations).toFixed(1)} ms, first ${pass.durations[0]?.toFixed(0) ?? '?'} ms, simulator ${(row.pagingSimulatorShare * 100).toFixed(0)} % of the wall time`,
      );
      console.log(
        `  ${''.padEnd(10)} connector tickets.list(): ${listing.result.toLocaleString('en')} tickets in ${(listing.ms / 1000).toFixed(1)} s, simulator ${(row.listingSimulatorShare * 100).toFixed(0)} % of the wall time`,
      );
    } finally {
      await sandbox.close();
    }
  }
  return figures;
}
