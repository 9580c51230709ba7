// The fetch probe: counts what a client sends, and loses the answer of a chosen request only after
// the server processed it — seen by the transport as a reset connection of unknown outcome.
import { afterEach, describe, expect, it } from 'vitest';
import { createTransport } from '../../src/http/index.js';
import { createFetchProbe } from '../../src/testing/fetch-probe.js';
import { startLoopback, type Loopback } from '../http/loopback.js';

let server: Loopback | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('createFetchProbe', () => {
  it('counts requests and loses the next matching answer after the server has processed it', async () => {
    const made: string[] = [];
    server = await startLoopback((req, res) => {
      made.push(`${req.method} ${req.url}`);
      res.writeHead(201, { 'content-type': 'application/json' });
      res.end('{"id":"1"}');
    });
    const probe = createFetchProbe();
    const http = createTransport({ provider: 'jira-cloud', baseUrl: server.url, fetch: probe.fetch, maxRetries: 2 });
    probe.loseNextAnswer({ method: 'post', path: /^\/rest\/api\/3\/issue$/ });
    await http.request('GET', '/rest/api/3/myself');
    const error = await http.request('POST', '/rest/api/3/issue', { json: {} }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ name: 'ConnectionError', code: 'ECONNRESET', outcome: 'unknown' });
    expect(made).toEqual(['GET /rest/api/3/myself', 'POST /rest/api/3/issue']); // made once, never sent again
    expect(probe.requests).toEqual([
      { method: 'GET', path: '/rest/api/3/myself', status: 201, lost: false },
      { method: 'POST', path: '/rest/api/3/issue', status: undefined, lost: true },
    ]);
    expect(await http.request('POST', '/rest/api/3/issue', { json: {} })).toEqual({ id: '1' }); // one rule, one loss
    probe.loseNextAnswer({ path: '/elsewhere' });
    probe.clear();
    expect(await http.request('GET', '/elsewhere')).toEqual({ id: '1' });
    expect(probe.requests).toHaveLength(4);
  });
});
