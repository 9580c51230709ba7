import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  ApiError,
  ConnectionError,
  InputError,
  ResponseShapeError,
  ServerError,
  TimeoutError,
  ValidationError,
} from '../../src/errors.js';
import { fakeFetch, json } from './fake-fetch.js';
import { closedPort, sendJson } from './loopback.js';
import type { RequestEvent } from '../../src/http/index.js';
import { advanceUntil, failure, testTransport, track, useFakeClock, useLoopback } from './support.js';

const serve = useLoopback();
const BASE = 'https://x.example.test';

function over(handler: Parameters<typeof fakeFetch>[0], options: { readOnlyPosts?: (string | RegExp)[] } = {}) {
  const fake = fakeFetch(handler);
  return { fake, http: testTransport({ provider: 'autotask', baseUrl: BASE, fetch: fake.fetch, maxRetries: 0, ...options }) };
}

describe('the outcome of a failed request', () => {
  it('is not_applied for bad input, before any request', async () => {
    const { http, fake } = over(() => json(200, {}));
    const error = await failure(http.request('POST', '/Tickets', { json: {}, tiemout: 5 } as never));
    expect(error).toBeInstanceOf(InputError);
    expect(error).toMatchObject({ outcome: 'not_applied', field: 'options.tiemout', provider: 'autotask' });
    expect(fake.seen).toHaveLength(0);
  });

  it('is not_applied when the service refused a write (4xx)', async () => {
    const { http } = over(() => json(400, { errors: ['Missing title'] }));
    const error = await failure(http.request('POST', '/Tickets', { json: {} }));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ outcome: 'not_applied' });
  });

  it('is unknown when a write got a 5xx', async () => {
    const { http } = over(() => json(502, {}));
    expect(await failure(http.request('POST', '/Tickets', { json: {} }))).toMatchObject({ outcome: 'unknown' });
  });

  it('is applied when a write was accepted but its answer could not be read', async () => {
    const broken = over(() => new Response('{"id": 12', { status: 201, headers: { 'content-type': 'application/json' } }));
    const error = await failure(broken.http.request('POST', '/Tickets', { json: {} }));
    expect(error).toBeInstanceOf(ResponseShapeError);
    expect(error).toMatchObject({ outcome: 'applied' });

    const odd = over(() => json(201, { id: 'not a number' }));
    const shape = await failure(odd.http.request('POST', '/Tickets', { json: {}, schema: z.object({ id: z.number() }) }));
    expect(shape).toMatchObject({ name: 'ResponseShapeError', outcome: 'applied' });
  });

  it('is not_applied for every failure of a read, and of a declared read-only POST', async () => {
    const reads = over(() => json(500, {}), { readOnlyPosts: ['/Tickets/query'] });
    expect(await failure(reads.http.request('GET', '/Tickets/1'))).toMatchObject({ outcome: 'not_applied' });
    expect(await failure(reads.http.request('POST', '/Tickets/query', { json: {} }))).toMatchObject({ outcome: 'not_applied' });
    const broken = over(() => new Response('{', { status: 200 }), { readOnlyPosts: [/\/query$/] });
    expect(await failure(broken.http.request('POST', '/Tickets/query', { json: {} }))).toMatchObject({ outcome: 'not_applied' });
  });

  it('is not_applied when the connection was refused', async () => {
    const port = await closedPort();
    const http = testTransport({ provider: 'autotask', baseUrl: `http://127.0.0.1:${port}`, maxRetries: 0 });
    const error = await failure(http.request('POST', '/Tickets', { json: {} }));
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).toMatchObject({ code: 'ECONNREFUSED', outcome: 'not_applied' });
  });

  it('sends a write again when the connection was refused, since no byte of it left', async () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' });
    const fake = fakeFetch((_request, index) => {
      if (index === 0) throw new TypeError('fetch failed', { cause: refused });
      return json(201, { id: '7' });
    });
    const http = testTransport({ provider: 'autotask', baseUrl: BASE, fetch: fake.fetch, maxRetries: 2 });
    expect(await http.request('POST', '/Tickets', { json: { title: 'x' } })).toEqual({ id: '7' });
    expect(fake.seen.map((request) => request.method)).toEqual(['POST', 'POST']);
  });

  it('never sends a write again after a reset, a timeout or a closed connection: the request may have been read', async () => {
    for (const code of ['ECONNRESET', 'UND_ERR_SOCKET', 'EPIPE']) {
      const cause = Object.assign(new Error(`socket failure ${code}`), { code });
      const fake = fakeFetch(() => {
        throw new TypeError('fetch failed', { cause });
      });
      const http = testTransport({ provider: 'autotask', baseUrl: BASE, fetch: fake.fetch, maxRetries: 3 });
      expect(await failure(http.request('POST', '/Tickets', { json: {} }))).toMatchObject({ name: 'ConnectionError', outcome: 'unknown' });
      expect(fake.seen).toHaveLength(1);
    }
  });

  it('is unknown when the connection was reset after the request was sent', async () => {
    const loopback = await serve((req) => {
      req.socket.destroy();
    });
    const http = testTransport({ provider: 'autotask', baseUrl: loopback.url, maxRetries: 0 });
    const error = await failure(http.request('POST', '/Tickets', { json: { title: 'x' } }));
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).toMatchObject({ outcome: 'unknown' });
    expect(loopback.requests).toHaveLength(1);
  });

  describe('on a fake clock', () => {
    useFakeClock();

    it('is unknown when a write timed out, and stays unknown when a retried write later got a 4xx', async () => {
      const loopback = await serve((req, res, index) => {
        if (index < 2) return; // never answers: the attempt times out
        sendJson(res, 409, { errors: ['already exists'] });
      });
      const attempts: RequestEvent[] = [];
      const http = testTransport({ provider: 'autotask', baseUrl: loopback.url, timeout: 200, maxRetries: 1, onRequest: (event) => attempts.push(event) });
      // The clock moves only while every attempt sent has reached the server.
      const quiet = () => attempts.length === loopback.requests.length;
      // Request 1: a create that times out.
      const create = track(failure(http.request('POST', '/Tickets', { json: {}, maxRetries: 0 })));
      await loopback.arrived(1);
      await advanceUntil(() => create.settled, { idle: quiet });
      const timedOut = await create.promise;
      expect(timedOut).toBeInstanceOf(TimeoutError);
      expect(timedOut).toMatchObject({ outcome: 'unknown' });

      // An idempotent write (PUT) that timed out (request 2), then was refused on its retry (request 3):
      // the first attempt may have been applied. The clock stops once the retry has reached the server.
      const put = failure(http.request('PUT', '/Tickets/1', { json: {} }));
      await loopback.arrived(2);
      await advanceUntil(() => loopback.requests.length === 3, { idle: quiet });
      const refused = await put;
      expect(refused).toBeInstanceOf(ApiError);
      expect(refused).toMatchObject({ status: 409, outcome: 'unknown' });
    });
  });

  it('is not_applied when the whole-call limit ran out before any attempt was sent', async () => {
    const http = testTransport({ provider: 'autotask', baseUrl: BASE, gates: [() => new Promise(() => undefined)], totalTimeout: 50 });
    const error = await failure(http.request('POST', '/Tickets', { json: {} }));
    expect(error).toMatchObject({ name: 'TimeoutError', outcome: 'not_applied' });
  });

  it("follows the provider's description for a write whose 5xx changed nothing", async () => {
    const describeError = () => ({ outcome: 'not_applied' as const, errorClass: ValidationError });
    const refused = testTransport({
      provider: 'autotask',
      baseUrl: BASE,
      fetch: fakeFetch(() => json(500, { errors: ['Value does not reference an existing entity for queueID.'] })).fetch,
      maxRetries: 0,
      describeError,
    });
    const error = await failure(refused.request('POST', '/Tickets', { json: {} }));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ status: 500, outcome: 'not_applied' });

    // A described outcome never hides that an earlier attempt of the same call may have been applied.
    let calls = 0;
    const retried = testTransport({
      provider: 'autotask',
      baseUrl: BASE,
      fetch: fakeFetch(() => (calls++ === 0 ? json(502, {}) : json(500, { errors: ['refused'] }))).fetch,
      maxRetries: 1,
      describeError: ({ status }) => (status === 500 ? { outcome: 'not_applied' as const, retry: false } : undefined),
    });
    expect(await failure(retried.request('PUT', '/Tickets/1', { json: {} }))).toMatchObject({ status: 500, outcome: 'unknown' });
  });

  it('is part of toJSON()', async () => {
    const { http } = over(() => json(503, {}));
    const error = (await failure(http.request('POST', '/Tickets', { json: {} }))) as ServerError;
    expect(error.toJSON()).toMatchObject({ name: 'ServerError', status: 503, outcome: 'unknown' });
  });
});
