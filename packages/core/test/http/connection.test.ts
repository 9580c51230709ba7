import { describe, expect, it } from 'vitest';
import { ConnectionError } from '../../src/errors.js';
import type { ResponseEvent, TransportOptions } from '../../src/http/index.js';
import { closedPort, sendJson, type Handler } from './loopback.js';
import { failure, testTransport, useLoopback } from './support.js';

const serve = useLoopback();

function transport(baseUrl: string, options: Partial<TransportOptions> = {}) {
  return testTransport({ provider: 'ivanti', baseUrl, ...options });
}

const resetFirst = (count: number): Handler => (req, res, index) => {
  if (index < count) req.socket.resetAndDestroy();
  else sendJson(res, 200, { ok: true });
};

describe('connection failures', () => {
  it('maps a connection reset to ConnectionError with code ECONNRESET', async () => {
    const { url } = await serve((req) => void req.socket.resetAndDestroy());
    const error = await failure(transport(url, { maxRetries: 0 }).request('GET', '/api/x'));
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).toMatchObject({ code: 'ECONNRESET', method: 'GET', url: `${url}/api/x`, provider: 'ivanti' });
    expect((error as Error).message).toMatch(/^GET \/api\/x failed: .*ECONNRESET/);
  });

  it('maps a socket closed before the response to ConnectionError', async () => {
    const { url } = await serve((req) => void req.socket.destroy());
    const error = await failure(transport(url, { maxRetries: 0 }).request('GET', '/api/x'));
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as ConnectionError).code).toBeTypeOf('string');
  });

  it('maps a refused connection to ConnectionError with code ECONNREFUSED', async () => {
    const port = await closedPort();
    const error = await failure(transport(`http://127.0.0.1:${port}`, { maxRetries: 0 }).request('GET', '/x'));
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).toMatchObject({ code: 'ECONNREFUSED' });
  });

  it('maps a DNS failure from any fetch to ConnectionError with code ENOTFOUND', async () => {
    const dnsFailure = async () => {
      throw new TypeError('fetch failed', {
        cause: Object.assign(new Error('getaddrinfo ENOTFOUND tenant.example.test'), { code: 'ENOTFOUND' }),
      });
    };
    const error = await failure(transport('https://tenant.example.test', { maxRetries: 0, fetch: dnsFailure }).request('GET', '/x'));
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).toMatchObject({ code: 'ENOTFOUND' });
  });

  it('retries a GET after a reset and returns the later success', async () => {
    const loopback = await serve(resetFirst(1));
    const events: ResponseEvent[] = [];
    await expect(transport(loopback.url, { onResponse: (event) => events.push(event) }).request('GET', '/x')).resolves.toEqual({ ok: true });
    expect(loopback.requests).toHaveLength(2);
    expect(events).toMatchObject([
      { attempt: 1, status: undefined, error: 'connection' },
      { attempt: 2, status: 200, error: undefined },
    ]);
  });

  it('never retries a POST after a reset: exactly one request reaches the server', async () => {
    const loopback = await serve(resetFirst(1));
    const error = await failure(transport(loopback.url, { maxRetries: 3 }).request('POST', '/incidents', { json: { Subject: 'x' } }));
    expect(error).toBeInstanceOf(ConnectionError);
    expect(loopback.requests).toHaveLength(1);
  });

  it('retries a POST after a reset when the call is retryable', async () => {
    const loopback = await serve(resetFirst(1));
    await expect(
      transport(loopback.url).request('POST', '/incidents/search', { json: { q: 'x' }, retryable: true }),
    ).resolves.toEqual({ ok: true });
    expect(loopback.requests).toHaveLength(2);
  });

  it('gives up after maxRetries resets', async () => {
    const loopback = await serve(resetFirst(100));
    await expect(transport(loopback.url, { maxRetries: 2 }).request('GET', '/x')).rejects.toBeInstanceOf(ConnectionError);
    expect(loopback.requests).toHaveLength(3);
  });
});
