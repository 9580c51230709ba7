/**
 * Benchmark: the cost of the SDK's HTTP transport over raw `fetch`.
 *
 * Starts a loopback `node:http` server that answers every request with a small JSON body, warms
 * both clients up, then sends the same number of sequential GETs through `createTransport` (auth
 * hook, retry policy, redaction, JSON parsing; no telemetry hooks) and through raw `fetch` (same
 * headers, same JSON parsing), in one process, and prints the totals, the ratio and the overhead per
 * request.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createTransport } from '@itsm/core';

/** Shown by the runner. */
export const title = 'HTTP transport vs raw fetch (loopback, sequential GETs)';

const REQUESTS = 2_000;
const WARM_UP = 300;
/** The measured requests are sent in rounds that alternate between the clients, so drift hits both alike. */
const ROUNDS = 10;
const TOKEN = 'bench-token-0123456789';
const BODY = JSON.stringify({ id: '10001', key: 'HELP-1', fields: { summary: 'Printer on fire', status: { name: 'Open' } } });

async function startServer(): Promise<{ server: Server; url: string }> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(BODY) });
    res.end(BODY);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${port}` };
}

async function time(count: number, send: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < count; i++) await send();
  return performance.now() - started;
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  const line = (row: string[]) => row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('   ');
  const [header, ...body] = rows;
  return [line(header!), widths.map((width) => '-'.repeat(width)).join('   '), ...body.map(line)].join('\n');
}

/** Runs the benchmark and prints its table. */
export async function run(): Promise<void> {
  const { server, url } = await startServer();
  try {
    const http = createTransport({
      provider: 'jira-cloud',
      baseUrl: url,
      auth: (headers) => headers.set('authorization', `Bearer ${TOKEN}`),
      secrets: [TOKEN],
    });
    const sdk = () => http.request('GET', '/rest/api/3/issue/HELP-1');
    const raw = async () => {
      const response = await fetch(`${url}/rest/api/3/issue/HELP-1`, {
        headers: { authorization: `Bearer ${TOKEN}`, accept: 'application/json' },
      });
      if (!response.ok) throw new Error(`unexpected status ${response.status}`);
      return response.json();
    };

    await time(WARM_UP, raw);
    await time(WARM_UP, sdk);
    let rawMs = 0;
    let sdkMs = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const count = REQUESTS / ROUNDS;
      if (round % 2 === 0) {
        rawMs += await time(count, raw);
        sdkMs += await time(count, sdk);
      } else {
        sdkMs += await time(count, sdk);
        rawMs += await time(count, raw);
      }
    }

    const perRequestUs = (ms: number) => ((ms / REQUESTS) * 1000).toFixed(1);
    console.log(
      table([
        ['client', 'total ms', 'µs / request'],
        ['raw fetch', rawMs.toFixed(1), perRequestUs(rawMs)],
        ['@itsm/core transport', sdkMs.toFixed(1), perRequestUs(sdkMs)],
      ]),
    );
    console.log('');
    console.log(`requests each:          ${REQUESTS} (after ${WARM_UP} warm-up; ${ROUNDS} alternating rounds)`);
    console.log(`ratio SDK / raw:        ${(sdkMs / rawMs).toFixed(2)}x`);
    console.log(`overhead per request:   ${perRequestUs(sdkMs - rawMs)} µs`);
  } finally {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
