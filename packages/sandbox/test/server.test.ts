import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox } from '../src/sandbox.js';
import { notesSimulator } from './support/notes-simulator.js';
import { rawAbort, rawExchange } from './support/raw-http.js';

const LIMIT = 1024;
let sb: Awaited<ReturnType<typeof startToy>>;

function startToy() {
  return startSandbox({ providers: ['notes'], simulators: [notesSimulator], maxBodyBytes: LIMIT });
}

beforeAll(async () => {
  sb = await startToy();
});
afterAll(async () => {
  await sb.close();
});
beforeEach(async () => {
  await sb.reset();
});

function call(path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${sb.url('notes')}${path}`, { ...init, headers: { 'x-notes-token': sb.credentials.notes.token, ...init.headers } });
}

describe('the provider server', () => {
  it('answers 500 with the message when the simulator throws, logs it, and keeps serving', async () => {
    const response = await call('/boom');
    expect(response.status).toBe(500);
    const body = (await response.json()) as { error: string; message: string };
    expect(body.error).toBe('Internal Server Error');
    expect(body.message).toContain('the toy simulator exploded');
    expect(body.message).toContain('GET /boom');
    expect(sb.requests.at(-1)).toMatchObject({ path: '/boom', status: 500, fault: false });
    expect(sb.requests.at(-1)?.error).toContain('the toy simulator exploded');
    expect((await call('/notes/1')).status).toBe(200);
  });

  it('answers 500 when the simulator returns an invalid status or header', async () => {
    const status = await call('/bad-status');
    expect(status.status).toBe(500);
    expect(((await status.json()) as { message: string }).message).toContain('invalid response status 42');
    const header = await call('/bad-header');
    expect(header.status).toBe(500);
    expect(((await header.json()) as { message: string }).message).toContain('response headers are invalid');
    expect(sb.requests.map((entry) => entry.status)).toEqual([500, 500]);
    expect((await call('/notes/1')).status).toBe(200);
  });

  it('answers 413 for a body over the limit, and accepts one at the limit', async () => {
    const atLimit = await call('/echo', { method: 'POST', body: new Uint8Array(LIMIT) });
    expect(atLimit.status).toBe(200);
    expect(await atLimit.json()).toEqual({ bytes: LIMIT });
    const over = await call('/echo', { method: 'POST', body: new Uint8Array(LIMIT + 1) });
    expect(over.status).toBe(413);
    expect(((await over.json()) as { error: string }).error).toBe('Payload Too Large');
    expect(sb.requests.at(-1)).toMatchObject({ method: 'POST', path: '/echo', status: 413 });
    expect((await call('/notes/1')).status).toBe(200);
  });

  it('answers HEAD like GET, without a body', async () => {
    const get = await call('/notes/1');
    const getLength = get.headers.get('content-length');
    await get.arrayBuffer();
    const head = await call('/notes/1', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(head.headers.get('content-length')).toBe(getLength);
    expect((await head.arrayBuffer()).byteLength).toBe(0);
    expect(sb.requests.at(-1)).toMatchObject({ method: 'HEAD', status: 200 });
  });

  it('sends each kind of body with its default content type', async () => {
    const text = await call('/text');
    expect(text.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(await text.text()).toBe('plain text');
    const bytes = await call('/bytes');
    expect(bytes.headers.get('content-type')).toBe('application/octet-stream');
    expect([...new Uint8Array(await bytes.arrayBuffer())]).toEqual([1, 2, 3]);
    const none = await call('/notes/1', { method: 'DELETE' });
    expect(none.status).toBe(204);
    expect(none.headers.get('content-length')).toBeNull();
    expect(await none.text()).toBe('');
  });

  it("answers unknown routes with the simulator's 404 and unknown methods with 405", async () => {
    const missing = await call('/nowhere');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ code: 'not_found', message: 'no such resource: /nowhere' });
    const wrongMethod = await call('/notes/1', { method: 'PUT' });
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toBe('GET, DELETE, HEAD');
  });

  it('logs a bad request target and survives malformed HTTP', async () => {
    const raw = await rawExchange(sb.url('notes'), 'NOT HTTP AT ALL\r\n\r\n');
    expect(raw).toMatch(/^HTTP\/1\.1 400 Bad Request/);
    expect((await call('/notes/1')).status).toBe(200);
  });

  it('takes the path from an absolute-form request target', async () => {
    const url = new URL(sb.url('notes'));
    const status = await new Promise<number | undefined>((resolve, reject) => {
      const req = httpRequest({ host: url.hostname, port: url.port, path: `${sb.url('notes')}/notes/2?x=1`, headers: { 'x-notes-token': sb.credentials.notes.token } }, (res) => {
        res.resume();
        resolve(res.statusCode);
      });
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(200);
    expect(sb.requests.at(-1)).toMatchObject({ path: '/notes/2', query: { x: '1' } });
  });

  it('does not wait for a pending fault delay when closing', async () => {
    const own = await startToy();
    own.faults.inject({ provider: 'notes', delayMs: 60_000 });
    const pending = fetch(`${own.url('notes')}/notes`).then(
      () => 'answered',
      () => 'failed',
    );
    // Wait until the request is being delayed inside the server.
    while (own.faults.active[0]?.hits !== 1) await new Promise((resolve) => setImmediate(resolve));
    expect(own.requests).toEqual([]);
    await own.close();
    expect(await pending).toBe('failed');
    // The delay was aborted (not left to run for 60 s): the request is already logged, as reset.
    expect(own.requests).toMatchObject([{ path: '/notes', status: 0, fault: true }]);
  });

  it('abandons a fault delay when the client goes away, so the request never reaches the simulator', async () => {
    // A delay far longer than the test: the request can only end because the client went away.
    const fault = sb.faults.inject({ provider: 'notes', method: 'POST', path: '/notes', delayMs: 3_600_000 });
    const controller = new AbortController();
    const gone = call('/notes', { method: 'POST', body: JSON.stringify({ title: 'abandoned' }), signal: controller.signal }).then(
      () => 'answered',
      () => 'aborted',
    );
    // Once the request is waiting in the delay, the client gives up.
    while (fault.hits !== 1) await new Promise((resolve) => setImmediate(resolve));
    controller.abort();
    expect(await gone).toBe('aborted');
    while (sb.requests.length === 0) await new Promise((resolve) => setImmediate(resolve));
    // The simulator never saw the POST: no note was created after the client had given up.
    expect(sb.state('notes').notes.size).toBe(25);
    expect(sb.requests).toMatchObject([{ method: 'POST', path: '/notes', status: 0, fault: true }]);
  });

  it('survives an upload aborted half-way and logs it as a reset', async () => {
    await rawAbort(sb.url('notes'), 'POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\nabc');
    while (sb.requests.length === 0) await new Promise((resolve) => setImmediate(resolve));
    expect(sb.requests).toMatchObject([{ method: 'POST', path: '/echo', status: 0, fault: false }]);
    expect((await call('/notes/1')).status).toBe(200);
  });

  it('reads a chunked request body', async () => {
    const head = `POST /echo HTTP/1.1\r\nHost: x\r\nx-notes-token: ${sb.credentials.notes.token}\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n`;
    const raw = await rawExchange(sb.url('notes'), `${head}3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n`);
    expect(raw).toMatch(/^HTTP\/1\.1 200 /);
    expect(raw.endsWith('{"bytes":5}')).toBe(true);
  });
});
