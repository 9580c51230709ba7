import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { AuthenticationError, ConnectionError, ItsmError, TimeoutError } from '../../src/errors.js';
import type { TransportOptions } from '../../src/http/index.js';
import { errorSurface } from '../../src/testing/error-surface.js';
import { failure, recordingTransport, useNock } from './support.js';

const ORIGIN = 'https://tenant.example.test';
const EMAIL = 'bot@example.com';
const API_TOKEN = 'ATATT3xFfGF0-jira-token-Zq81';
const API_KEY = 'ivanti-key-7f3c9a0e55d1';
const QUERY_KEY = 'q-key-82ab61c0ff';

/** Every form a secret may take on the way out. */
function forms(secret: string): string[] {
  return [secret, encodeURIComponent(secret), Buffer.from(secret).toString('base64')];
}

const BASIC = Buffer.from(`${EMAIL}:${API_TOKEN}`).toString('base64');
const ALL_FORMS = [...forms(API_TOKEN), ...forms(API_KEY), ...forms(QUERY_KEY), BASIC];


function expectNoSecret(text: string): void {
  for (const form of ALL_FORMS) expect(text).not.toContain(form);
}

function setup(options: Partial<TransportOptions> = {}) {
  return recordingTransport({ provider: 'jira-cloud', baseUrl: ORIGIN, maxRetries: 1, ...options });
}

useNock();

describe('no secret leaves the transport', () => {
  it('basic auth: the server echoes the token and the Authorization header back', async () => {
    let seenAuthorization: string | null = null;
    nock(ORIGIN)
      .get('/rest/api/3/myself')
      .reply((request: Request) => {
        seenAuthorization = request.headers.get('authorization');
        return [
          401,
          { errorMessages: [`Token ${API_TOKEN} is not valid`, `Header was ${seenAuthorization}`], echo: { token: API_TOKEN } },
          { 'x-request-id': `id-${API_TOKEN}` },
        ];
      });
    const { http, events } = setup({
      auth: (headers) => headers.set('authorization', `Basic ${BASIC}`),
      secrets: [API_TOKEN],
      describeError: ({ body }) => ({ messages: (body as { errorMessages: string[] }).errorMessages }),
    });
    const error = await failure(http.request('GET', '/rest/api/3/myself'));
    expect(seenAuthorization).toBe(`Basic ${BASIC}`);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as AuthenticationError).messages[0]).toBe('Token [REDACTED] is not valid');
    expectNoSecret(errorSurface(error));
    expectNoSecret(JSON.stringify(events));
    expect(events.length).toBeGreaterThan(0);
  });

  it('an API-key header set by auth is redacted even when nobody registered it', async () => {
    nock(ORIGIN)
      .get('/api/odata/businessobject/incidents')
      .reply(403, `Key ${API_KEY} lacks the Incident read right`, { 'content-type': 'text/plain' });
    const { http, events } = setup({ provider: 'ivanti', auth: (headers) => headers.set('Authorization', `rest_api_key=${API_KEY}`) });
    const error = await failure(http.request('GET', '/api/odata/businessobject/incidents'));
    expect((error as Error).message).toContain('[REDACTED]');
    expectNoSecret(errorSurface(error));
    expectNoSecret(JSON.stringify(events));
  });

  it('a secret in the query string is redacted from url, message, body and events', async () => {
    nock(ORIGIN)
      .get('/v1/items')
      .query({ api_key: QUERY_KEY, page: '2' })
      .times(2)
      .reply(500, { error: `bad request to /v1/items?api_key=${QUERY_KEY}` });
    const { http, events } = setup();
    const error = await failure(http.request('GET', `/v1/items?api_key=${QUERY_KEY}`, { query: { page: 2 } }));
    expect((error as { url: string }).url).toBe(`${ORIGIN}/v1/items?api_key=%5BREDACTED%5D&page=2`);
    expectNoSecret(errorSurface(error));
    expect(events.filter((e) => 'durationMs' in e)).toHaveLength(2);
    expectNoSecret(JSON.stringify(events));
  });

  it('a connection failure keeps only a sanitised cause', async () => {
    const failingFetch: typeof fetch = async (input) => {
      const auth = (input as Request).headers.get('x-api-key');
      throw new TypeError('fetch failed', {
        cause: Object.assign(new Error(`connect ECONNREFUSED while sending x-api-key ${auth}`), { code: 'ECONNREFUSED' }),
      });
    };
    const { http, events } = setup({ fetch: failingFetch, auth: (h) => h.set('x-api-key', API_KEY), maxRetries: 0 });
    const error = await failure(http.request('GET', '/x'));
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as Error).cause).toBeInstanceOf(Error);
    expect(((error as Error).cause as Error).message).toContain('ECONNREFUSED');
    expectNoSecret(errorSurface(error));
    expectNoSecret(JSON.stringify(events));
  });

  it('a timeout with the secret in the URL shows no secret', async () => {
    nock(ORIGIN).get('/slow').query(true).delay(500).reply(200, {});
    const { http } = setup({ timeout: 30, maxRetries: 0 });
    const error = await failure(http.request('GET', '/slow', { query: { token: QUERY_KEY } }));
    expect(error).toBeInstanceOf(TimeoutError);
    expectNoSecret(errorSurface(error));
  });

  it('an auth hook that fails with the secret in its message is redacted', async () => {
    const { http } = setup({
      secrets: [API_TOKEN],
      auth: () => {
        throw new Error(`could not refresh token ${API_TOKEN}`);
      },
    });
    const error = await failure(http.request('GET', '/x'));
    expect(error).toBeInstanceOf(ItsmError);
    expect((error as Error).message).toContain('could not refresh token [REDACTED]');
    expectNoSecret(errorSurface(error));
  });

  it('a registered secret in the path is redacted from every message, not only from url', async () => {
    nock(ORIGIN).get(`/hooks/${API_TOKEN}/slow`).delay(500).reply(200, {});
    nock(ORIGIN).get(`/hooks/${API_TOKEN}/html`).reply(200, '<html>maintenance</html>', { 'content-type': 'text/html' });
    const { http } = setup({ secrets: [API_TOKEN], maxRetries: 0 });
    const timedOut = await failure(http.request('GET', `/hooks/${API_TOKEN}/slow`, { timeout: 30 }));
    expect(timedOut).toBeInstanceOf(TimeoutError);
    expect((timedOut as Error).message).toContain('/hooks/[REDACTED]/slow');
    const notJson = await failure(http.request('GET', `/hooks/${API_TOKEN}/html`));
    const refused = await failure(
      setup({ secrets: [API_TOKEN], maxRetries: 0, fetch: async () => Promise.reject(new TypeError('fetch failed')) }).http.request(
        'GET',
        `/hooks/${API_TOKEN}`,
      ),
    );
    expect(refused).toBeInstanceOf(ConnectionError);
    for (const error of [timedOut, notJson, refused]) expectNoSecret(errorSurface(error));
  });

  it('any header value the auth hook sets is a secret, whatever the header is called', async () => {
    nock(ORIGIN)
      .get('/x')
      .reply((request: Request) => [401, { message: `token ${request.headers.get('x-auth-token')} expired` }]);
    const { http, events } = setup({ auth: (headers) => headers.set('X-Auth-Token', API_KEY), maxRetries: 0 });
    const error = await failure(http.request('GET', '/x'));
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as AuthenticationError).messages).toEqual(['token [REDACTED] expired']);
    expectNoSecret(errorSurface(error));
    expectNoSecret(JSON.stringify(events));
  });

  it('redact() is exposed for provider code and knows the learned secrets', async () => {
    nock(ORIGIN).get('/ok').reply(200, {});
    const { http } = setup({ auth: (headers) => headers.set('x-api-key', API_KEY) });
    await http.request('GET', '/ok');
    expect(http.redact(`the key is ${API_KEY}`)).toBe('the key is [REDACTED]');
  });
});
