import { describe, expect, it } from 'vitest';
import { InputError, RateLimitError } from '../../src/errors.js';
import { createTransport, type TransportOptions } from '../../src/http/index.js';
import { defaultMessages } from '../../src/http/error-mapping.js';
import { fakeFetch, json } from './fake-fetch.js';
import { failure, testTransport } from './support.js';

const BASE = 'https://x.example.test';

function make(options: Record<string, unknown>): () => unknown {
  return () => createTransport({ provider: 'autotask', baseUrl: BASE, ...options } as TransportOptions);
}

describe('transport options', () => {
  it('refuses unknown options and options of the wrong type, naming them and the provider', () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ tiemout: 5 }, 'tiemout'],
      [{ fetch: 'fetch' }, 'fetch'],
      [{ onRequest: 'x' }, 'onRequest'],
      [{ auth: {} }, 'auth'],
      [{ headers: { 'x-a': 'one\r\nx-injected: two' } }, 'headers.x-a'],
      [{ headers: { 'bad name': 'x' } }, 'headers.bad name'],
      [{ headers: { 'x-n': 5 } }, 'headers.x-n'],
      [{ userAgent: 'bot\nx-injected: 1' }, 'userAgent'],
      [{ secrets: 'abc' }, 'secrets'],
      [{ gates: [42] }, 'gates'],
      [{ readOnlyPosts: [42] }, 'readOnlyPosts'],
      [{ concurrency: { limit: 2, key: 'x' } }, 'concurrency.key'],
      [{ maxRetries: 1.5 }, 'maxRetries'],
    ];
    for (const [options, field] of cases) {
      let error: unknown;
      try {
        make(options)();
      } catch (caught) {
        error = caught;
      }
      expect(error, field).toBeInstanceOf(InputError);
      expect(error, field).toMatchObject({ field, provider: 'autotask' });
    }
  });

  it('refuses bad per-call options before any request', async () => {
    const fake = fakeFetch(() => json(200, {}));
    const http = testTransport({ provider: 'autotask', baseUrl: BASE, fetch: fake.fetch });
    const cases: [string, string, Record<string, unknown>, string][] = [
      ['GET', '/x', { tiemout: 5 }, 'options.tiemout'],
      ['GET', '/x', { headers: { a: 'b\r\nc: d' } }, 'options.headers.a'],
      ['GET', '/x', { signal: 'abort' }, 'options.signal'],
      ['GET', '/x', { responseType: 'xml' }, 'options.responseType'],
      ['GET', '/x', { retryable: 'yes' }, 'options.retryable'],
      ['GET', '/x', { timeout: -1 }, 'options.timeout'],
      ['GET', '/x\r\nHost: evil', {}, 'path'],
      ['GET', '/x\u0000', {}, 'path'],
      ['GE T', '/x', {}, 'method'],
    ];
    for (const [method, path, options, field] of cases) {
      const error = await failure(http.request(method, path, options as never));
      expect(error, field).toBeInstanceOf(InputError);
      expect(error, field).toMatchObject({ field, provider: 'autotask' });
    }
    expect(fake.seen).toHaveLength(0);
  });
});

describe('error messages', () => {
  it('say that the SDK refused a wait longer than maxRetryAfterMs, and how to change it', async () => {
    const fake = fakeFetch(() => json(429, {}, { 'retry-after': '120' }));
    const http = testTransport({ provider: 'autotask', baseUrl: BASE, fetch: fake.fetch, maxRetryAfterMs: 60_000 });
    const error = await failure(http.request('GET', '/x'));
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as Error).message).toMatch(/asked to wait 120 s, longer than maxRetryAfterMs allows \(60 s\).*raise maxRetryAfterMs/);
    expect(error).toMatchObject({ retryAfterMs: 120_000 });
    expect(fake.seen).toHaveLength(1);
  });

  it('read Autotask\'s Message and Ivanti\'s description by default', () => {
    expect(defaultMessages({ Message: 'Zone not found' })).toEqual(['Zone not found']);
    expect(defaultMessages({ code: 'ISM_4000', description: 'Invalid Request Payload' })).toEqual(['Invalid Request Payload']);
    expect(defaultMessages({ code: 'ISM_4000', description: 'Bad Request', message: ['Invalid key'] })).toEqual(['Invalid key']);
  });
});

describe('read-only POSTs declared once', () => {
  it('are retried like a GET; other POSTs are not', async () => {
    let calls = 0;
    const fake = fakeFetch(() => (++calls % 2 === 1 ? json(503, {}) : json(200, { items: [] })));
    const http = testTransport({ provider: 'autotask', baseUrl: `${BASE}/v1`, fetch: fake.fetch, readOnlyPosts: ['/search', /^\/[A-Za-z]+\/query$/] });
    await expect(http.request('POST', '/search', { json: {} })).resolves.toEqual({ items: [] });
    await expect(http.request('POST', `${BASE}/v1/Tickets/query?x=1`, { json: {} })).resolves.toEqual({ items: [] });
    await expect(http.request('POST', '/Tickets', { json: {} })).rejects.toMatchObject({ status: 503 });
    expect(fake.seen.map((request) => `${request.method} ${new URL(request.url).pathname}`)).toEqual([
      'POST /v1/search',
      'POST /v1/search',
      'POST /v1/Tickets/query',
      'POST /v1/Tickets/query',
      'POST /v1/Tickets',
    ]);
  });
});

describe('redirects', () => {
  it('are followed by the transport without sending credentials to another origin', async () => {
    const fake = fakeFetch((request) => {
      if (request.url.startsWith(BASE)) return new Response(null, { status: 303, headers: { location: 'https://media.example.test/file?token=t' } });
      return new Response('bytes');
    });
    const http = testTransport({
      provider: 'autotask',
      baseUrl: BASE,
      fetch: fake.fetch,
      auth: (headers) => headers.set('authorization', 'Bearer s3cret-token'),
    });
    const bytes = await http.request('GET', '/attachments/1', { responseType: 'bytes' });
    expect(new TextDecoder().decode(bytes)).toBe('bytes');
    expect(fake.seen[0]?.headers.authorization).toBe('Bearer s3cret-token');
    expect(fake.seen[1]?.url).toBe('https://media.example.test/file?token=t');
    expect(fake.seen[1]?.headers.authorization).toBeUndefined();
  });
});
