import nock from 'nock';
import { z } from 'zod';
import { describe, expect, it, vi } from 'vitest';
import { InputError, ResponseShapeError } from '../../src/errors.js';
import type { RequestEvent, ResponseEvent, TransportOptions } from '../../src/http/index.js';
import { failure, testTransport, useNock } from './support.js';

const ORIGIN = 'https://api.atlassian.test';
const BASE = `${ORIGIN}/ex/jira/abc`;

function transport(options: Partial<TransportOptions> = {}) {
  return testTransport({ provider: 'jira-cloud', baseUrl: BASE, ...options });
}

useNock();

describe('URLs', () => {
  it('appends the path to a base URL that has a path', async () => {
    nock(ORIGIN).get('/ex/jira/abc/rest/api/3/myself').times(3).reply(200, { accountId: 'a1' });
    await expect(transport().request('GET', '/rest/api/3/myself')).resolves.toEqual({ accountId: 'a1' });
    await expect(transport().request('GET', 'rest/api/3/myself')).resolves.toEqual({ accountId: 'a1' });
    await expect(transport({ baseUrl: `${BASE}/` }).request('GET', '/rest/api/3/myself')).resolves.toEqual({ accountId: 'a1' });
  });

  it('serialises query parameters: arrays repeat, undefined is left out, the path’s own query is kept', async () => {
    let seen = '';
    nock(ORIGIN)
      .get(/.*/)
      .reply((request: Request) => {
        seen = new URL(request.url).search;
        return [200, {}];
      });
    await transport().request('GET', '/search?jql=project%3DHELP', {
      query: { fields: ['summary', 'status'], maxResults: 50, validate: true, skip: undefined },
    });
    expect(seen).toBe('?jql=project%3DHELP&fields=summary&fields=status&maxResults=50&validate=true');
  });

  it('accepts an absolute URL on the base origin (a next-page link), and refuses another origin before any request', async () => {
    nock(ORIGIN).get('/ex/jira/abc/page/2').reply(200, { page: 2 });
    await expect(transport().request('GET', `${BASE}/page/2`)).resolves.toEqual({ page: 2 });
    const error = await failure(transport().request('GET', 'https://evil.example.test/steal'));
    expect(error).toBeInstanceOf(InputError);
    expect(error).toMatchObject({ field: 'path' });
  });

  it('refuses an absolute URL it cannot send, with an InputError naming path, before any request', async () => {
    const fetch = vi.fn<typeof globalThis.fetch>();
    for (const path of ['https://[::1', `https://user:p4ssw0rd@${new URL(ORIGIN).host}/x`]) {
      const error = await failure(transport({ fetch }).request('GET', path));
      expect(error).toBeInstanceOf(InputError);
      expect(error).toMatchObject({ field: 'path' });
      expect((error as Error).message).not.toContain('p4ssw0rd');
    }
    expect(fetch).not.toHaveBeenCalled();
  });

  it('rejects bad options with an InputError naming the option', () => {
    expect(() => transport({ baseUrl: `${BASE}?api_key=abc` })).toThrow(/baseUrl/);
    expect(() => transport({ baseUrl: `${BASE}#top` })).toThrow(/baseUrl/);
    expect(() => transport({ baseUrl: 'not a url' })).toThrow(InputError);
    expect(() => transport({ baseUrl: 'ftp://x.test' })).toThrow(/baseUrl/);
    expect(() => transport({ baseUrl: 'https://user:pw@x.test' })).toThrow(/baseUrl/);
    expect(() => transport({ timeout: -1 })).toThrow(/timeout/);
    expect(() => transport({ maxRetries: 1.5 })).toThrow(/maxRetries/);
    expect(() => transport({ concurrency: { limit: 0 } })).toThrow(/concurrency\.limit/);
  });

  it('rejects bad per-call options with an InputError before any request', async () => {
    await expect(transport().request('GET', '/x', { timeout: 0 })).rejects.toMatchObject({ name: 'InputError', field: 'options.timeout' });
    await expect(transport().request('GET', '/x', { maxRetries: -1 })).rejects.toBeInstanceOf(InputError);
  });
});

describe('headers and auth', () => {
  it('sends a default User-Agent, the JSON Accept header, default and per-call headers', async () => {
    let headers = new Headers();
    nock(ORIGIN)
      .get('/ex/jira/abc/x')
      .reply((request: Request) => {
        headers = request.headers;
        return [200, {}];
      });
    await transport({ headers: { 'X-Atlassian-Token': 'no-check', 'X-Team': 'a' } }).request('GET', '/x', {
      headers: { 'x-team': 'b' },
    });
    expect(headers.get('user-agent')).toBe(`@itsm/jira-cloud (+node ${process.version})`);
    expect(headers.get('accept')).toBe('application/json');
    expect(headers.get('x-atlassian-token')).toBe('no-check');
    expect(headers.get('x-team')).toBe('b');
  });

  it('uses the userAgent option', async () => {
    nock(ORIGIN).get('/ex/jira/abc/x').matchHeader('user-agent', 'helpdesk-bot/1.0').reply(200, {});
    await transport({ userAgent: 'helpdesk-bot/1.0' }).request('GET', '/x');
  });

  it('calls auth for every attempt, just before sending', async () => {
    const seen: (string | null)[] = [];
    nock(ORIGIN)
      .get('/ex/jira/abc/x')
      .times(2)
      .reply((request: Request) => {
        seen.push(request.headers.get('authorization'));
        return seen.length === 1 ? [503, {}] : [200, { ok: true }];
      });
    let calls = 0;
    const http = transport({ auth: (headers) => headers.set('authorization', `Bearer token-${++calls}`) });
    await expect(http.request('GET', '/x')).resolves.toEqual({ ok: true });
    expect(seen).toEqual(['Bearer token-1', 'Bearer token-2']);
  });

  it('sends JSON with its content type, and raw bodies as they are', async () => {
    const bodies: [string | null, string][] = [];
    nock(ORIGIN)
      .post(/.*/)
      .times(2)
      .reply(async (request: Request) => {
        bodies.push([request.headers.get('content-type'), await request.text()]);
        return [201, { id: '1' }];
      });
    await transport().request('POST', '/issue', { json: { fields: { summary: 'Printer' } } });
    const form = new FormData();
    form.append('file', new Blob(['hello']), 'hello.txt');
    await transport().request('POST', '/attachments', { body: form, headers: { 'X-Atlassian-Token': 'no-check' } });
    expect(bodies[0]).toEqual(['application/json', '{"fields":{"summary":"Printer"}}']);
    expect(bodies[1]?.[0]).toMatch(/^multipart\/form-data; boundary=/);
    expect(bodies[1]?.[1]).toContain('hello');
  });
});

describe('telemetry hooks', () => {
  it('fire per attempt with method, url, attempt, status, duration and request id', async () => {
    nock(ORIGIN).get('/ex/jira/abc/x').reply(502).get('/ex/jira/abc/x').reply(200, {}, { 'x-request-id': 'r-2' });
    const requests: RequestEvent[] = [];
    const responses: ResponseEvent[] = [];
    await transport({ onRequest: (e) => requests.push(e), onResponse: (e) => responses.push(e) }).request('GET', '/x');
    const url = `${BASE}/x`;
    expect(requests).toEqual([
      { provider: 'jira-cloud', method: 'GET', url, attempt: 1 },
      { provider: 'jira-cloud', method: 'GET', url, attempt: 2 },
    ]);
    expect(responses).toMatchObject([
      { attempt: 1, status: 502, requestId: undefined, error: undefined },
      { attempt: 2, status: 200, requestId: 'r-2', error: undefined },
    ]);
    for (const event of responses) expect(event.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('a throwing or rejecting hook does not break the call', async () => {
    nock(ORIGIN).get('/ex/jira/abc/x').reply(200, { ok: true });
    const http = transport({
      onRequest: () => {
        throw new Error('telemetry is down');
      },
      onResponse: async () => {
        throw new Error('telemetry is down');
      },
    });
    await expect(http.request('GET', '/x')).resolves.toEqual({ ok: true });
  });
});

describe('the injected fetch', () => {
  it('is used for every request', async () => {
    const calls: string[] = [];
    const fakeFetch: typeof fetch = async (input) => {
      calls.push((input as Request).url);
      return new Response(JSON.stringify({ via: 'fake' }), { status: 200, headers: { 'content-type': 'application/json' } });
    };
    await expect(transport({ fetch: fakeFetch }).request('GET', '/x')).resolves.toEqual({ via: 'fake' });
    expect(calls).toEqual([`${BASE}/x`]);
  });
});

describe('request bodies', () => {
  it('refuses json and body together instead of dropping one, before any request', async () => {
    const error = await failure(transport().request('POST', '/issue', { json: { a: 1 }, body: 'b' }));
    expect(error).toBeInstanceOf(InputError);
    expect(error).toMatchObject({ field: 'options.body', provider: 'jira-cloud' });
  });
});

describe('response bodies', () => {
  it('resolves undefined for a 204 and for an empty 200', async () => {
    nock(ORIGIN).delete('/ex/jira/abc/issue/1').reply(204).get('/ex/jira/abc/empty').reply(200, '');
    await expect(transport().request('DELETE', '/issue/1')).resolves.toBeUndefined();
    await expect(transport().request('GET', '/empty')).resolves.toBeUndefined();
  });

  it('throws ResponseShapeError for a 2xx body that is not JSON, keeping the raw text', async () => {
    nock(ORIGIN).get('/ex/jira/abc/x').reply(200, '<html>maintenance</html>', { 'content-type': 'text/html' });
    const error = await failure(transport().request('GET', '/x'));
    expect(error).toBeInstanceOf(ResponseShapeError);
    expect(error).toMatchObject({ raw: '<html>maintenance</html>', provider: 'jira-cloud' });
    expect((error as ResponseShapeError).issues).toHaveLength(1);
  });

  it('reads text, bytes, or hands back the Response', async () => {
    nock(ORIGIN)
      .get('/ex/jira/abc/t').reply(200, 'plain')
      .get('/ex/jira/abc/b').reply(200, Buffer.from([1, 2, 3]))
      .get('/ex/jira/abc/r').reply(200, { raw: true }, { 'x-custom': 'yes' });
    await expect(transport().request('GET', '/t', { responseType: 'text' })).resolves.toBe('plain');
    await expect(transport().request('GET', '/b', { responseType: 'bytes' })).resolves.toEqual(new Uint8Array([1, 2, 3]));
    const response = await transport().request('GET', '/r', { responseType: 'response' });
    expect(response).toBeInstanceOf(Response);
    expect(response.headers.get('x-custom')).toBe('yes');
    await expect(response.json()).resolves.toEqual({ raw: true });
  });

  it('validates with a zod schema and reports mismatches as ResponseShapeError', async () => {
    const Issue = z.looseObject({ id: z.string(), fields: z.object({ summary: z.string() }) });
    nock(ORIGIN)
      .get('/ex/jira/abc/ok').reply(200, { id: '1', fields: { summary: 'Printer' }, extra: 1 })
      .get('/ex/jira/abc/bad').reply(200, { id: 1, fields: { summary: null } });
    const issue = await transport().request('GET', '/ok', { schema: Issue });
    expect(issue.fields.summary).toBe('Printer');
    const error = await failure(transport().request('GET', '/bad', { schema: Issue }));
    expect(error).toBeInstanceOf(ResponseShapeError);
    const shape = error as ResponseShapeError;
    expect(shape.issues.map((issue) => issue.path)).toEqual([['id'], ['fields', 'summary']]);
    expect(shape.raw).toEqual({ id: 1, fields: { summary: null } });
    expect(shape.message).toMatch(/^GET \/bad returned an unexpected response: id: /);
  });
});
