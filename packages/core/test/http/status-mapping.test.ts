import nock from 'nock';
import { describe, expect, it } from 'vitest';
import {
  ApiError,
  AuthenticationError,
  ConflictError,
  ItsmError,
  NotFoundError,
  PermissionError,
  RateLimitError,
  ServerError,
  ValidationError,
} from '../../src/errors.js';
import type { ErrorDescription, ResponseInfo, TransportOptions } from '../../src/http/index.js';
import { failure, testTransport, useNock } from './support.js';

const ORIGIN = 'https://jira.example.test';
const BASE = `${ORIGIN}/ex/jira/abc`;

function transport(options: Partial<TransportOptions> = {}) {
  return testTransport({ provider: 'jira-cloud', baseUrl: BASE, maxRetries: 0, ...options });
}

/** A Jira-style hook, as the Jira client would write it: both body shapes, and the rate-limit reason. */
function describeJira({ body, headers }: ResponseInfo): ErrorDescription | undefined {
  const shaped = (typeof body === 'object' && body !== null ? body : {}) as {
    errorMessages?: string[];
    errors?: Record<string, string>;
  };
  const fieldErrors = Object.fromEntries(Object.entries(shaped.errors ?? {}).map(([field, message]) => [field, [message]]));
  return {
    messages: [...(shaped.errorMessages ?? []), ...Object.entries(shaped.errors ?? {}).map(([f, m]) => `${f}: ${m}`)],
    fieldErrors,
    reason: headers.get('ratelimit-reason') ?? undefined,
  };
}

useNock();

describe('status mapping', () => {
  it.each([
    [400, ValidationError, 'Bad Request'],
    [401, AuthenticationError, 'Unauthorized'],
    [403, PermissionError, 'Forbidden'],
    [404, NotFoundError, 'Not Found'],
    [409, ConflictError, 'Conflict'],
    [422, ValidationError, 'Unprocessable Entity'],
    [429, RateLimitError, 'Too Many Requests'],
    [500, ServerError, 'Internal Server Error'],
    [502, ServerError, 'Bad Gateway'],
    [503, ServerError, 'Service Unavailable'],
  ])('maps %i to %O with every field set', async (status, ErrorClass, text) => {
    nock(ORIGIN)
      .get('/ex/jira/abc/rest/api/3/issue/X')
      .query({ fields: 'summary' })
      .reply(status, { errorMessages: ['Something specific'], errors: { summary: 'is required' } }, { 'x-request-id': 'req-42' });
    const error = await failure(
      transport({ describeError: describeJira }).request('GET', '/rest/api/3/issue/X', { query: { fields: 'summary' } }),
    );
    expect(error).toBeInstanceOf(ErrorClass);
    const api = error as ApiError;
    expect(api.name).toBe(ErrorClass.name);
    expect(api.provider).toBe('jira-cloud');
    expect(api.status).toBe(status);
    expect(api.method).toBe('GET');
    expect(api.url).toBe(`${BASE}/rest/api/3/issue/X?fields=summary`);
    expect(api.requestId).toBe('req-42');
    expect(api.messages).toEqual(['Something specific', 'summary: is required']);
    expect(api.fieldErrors).toEqual({ summary: ['is required'] });
    expect(api.body).toEqual({ errorMessages: ['Something specific'], errors: { summary: 'is required' } });
    expect(api.message).toBe(`GET /rest/api/3/issue/X failed with ${status} ${text}: Something specific`);
  });

  it('maps an unusual 4xx (418) to a plain ApiError', async () => {
    nock(ORIGIN).delete('/ex/jira/abc/teapot').reply(418, 'short and stout', { 'x-request-id': 'tea-1' });
    const error = await failure(transport().request('DELETE', 'teapot'));
    expect(error).toBeInstanceOf(ApiError);
    for (const subclass of [ValidationError, NotFoundError, ServerError, AuthenticationError]) expect(error).not.toBeInstanceOf(subclass);
    expect(error).toMatchObject({ status: 418, method: 'DELETE', requestId: 'tea-1', messages: ['short and stout'], body: 'short and stout' });
  });

  it('finds messages in common body shapes without a provider hook', async () => {
    nock(ORIGIN).get('/ex/jira/abc/a').reply(400, { message: 'plain message' });
    nock(ORIGIN).get('/ex/jira/abc/b').reply(400, { errors: ['first', { message: 'second' }] });
    nock(ORIGIN).get('/ex/jira/abc/c').reply(400, '<html>proxy error</html>', { 'content-type': 'text/html' });
    expect(await failure(transport().request('GET', '/a'))).toMatchObject({ messages: ['plain message'] });
    expect(await failure(transport().request('GET', '/b'))).toMatchObject({ messages: ['first', 'second'] });
    const html = await failure(transport().request('GET', '/c'));
    expect(html).toMatchObject({ messages: [], message: 'GET /c failed with 400 Bad Request' });
  });
});

describe('provider error hooks', () => {
  it('Jira: both error body shapes give messages and field errors', async () => {
    nock(ORIGIN).post('/ex/jira/abc/rest/api/3/issue').reply(400, { errorMessages: [], errors: { summary: 'You must specify a summary.' } });
    nock(ORIGIN).get('/ex/jira/abc/rest/api/3/issue/NOPE-1').reply(404, { errorMessages: ['Issue does not exist or you do not have permission to see it.'], errors: {} });
    const http = transport({ describeError: describeJira });
    const invalid = await failure(http.request('POST', '/rest/api/3/issue', { json: { fields: {} } }));
    expect(invalid).toBeInstanceOf(ValidationError);
    expect(invalid).toMatchObject({ fieldErrors: { summary: ['You must specify a summary.'] }, messages: ['summary: You must specify a summary.'] });
    const missing = await failure(http.request('GET', '/rest/api/3/issue/NOPE-1'));
    expect(missing).toBeInstanceOf(NotFoundError);
    expect(missing).toMatchObject({ messages: ['Issue does not exist or you do not have permission to see it.'], fieldErrors: {} });
  });

  it('Jira: a 200 with x-seraph-loginreason AUTHENTICATED_FAILED is an AuthenticationError', async () => {
    nock(ORIGIN)
      .get('/ex/jira/abc/rest/api/3/myself')
      .reply(200, '<html>Log in</html>', { 'content-type': 'text/html', 'x-seraph-loginreason': 'AUTHENTICATED_FAILED' });
    const http = transport({
      inspectResponse: ({ headers }) =>
        headers.get('x-seraph-loginreason')?.includes('AUTHENTICATED_FAILED')
          ? { errorClass: AuthenticationError, messages: ['Jira did not accept the credentials (x-seraph-loginreason: AUTHENTICATED_FAILED)'] }
          : undefined,
    });
    const error = await failure(http.request('GET', '/rest/api/3/myself'));
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ status: 200, messages: [expect.stringContaining('AUTHENTICATED_FAILED')] });
  });

  it('Jira: RateLimit-Reason ends up in RateLimitError.reason, with retryAfterMs', async () => {
    nock(ORIGIN)
      .get('/ex/jira/abc/rest/api/3/search/jql')
      .reply(429, { errorMessages: ['Rate limit exceeded.'] }, { 'retry-after': '7', 'ratelimit-reason': 'jira-quota-tenant-based' });
    const error = await failure(transport({ describeError: describeJira }).request('GET', '/rest/api/3/search/jql'));
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ reason: 'jira-quota-tenant-based', retryAfterMs: 7000, messages: ['Rate limit exceeded.'] });
  });

  it('Ivanti: a 400 with code ISM_4000 "Invalid key" is a NotFoundError', async () => {
    nock(ORIGIN)
      .get("/ex/jira/abc/api/odata/businessobject/incidents('BAD')")
      .reply(400, { code: 'ISM_4000', description: 'Bad Request', message: ['Invalid key'] });
    const http = transport({
      provider: 'ivanti',
      describeError: ({ status, body }) => {
        const b = body as { code?: string; message?: string[] } | undefined;
        if (status === 400 && b?.code === 'ISM_4000') return { errorClass: NotFoundError, messages: b.message };
        return { messages: b?.message };
      },
    });
    const error = await failure(http.request('GET', "/api/odata/businessobject/incidents('BAD')"));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ provider: 'ivanti', status: 400, messages: ['Invalid key'] });
  });

  it('Ivanti: a 200 with IsSuccess:false is an error (ApiError unless a class is given)', async () => {
    nock(ORIGIN)
      .put("/ex/jira/abc/api/odata/businessobject/incidents('1')")
      .reply(200, { IsSuccess: false, ErrorMessage: 'Status transition not allowed' });
    const http = transport({
      provider: 'ivanti',
      inspectResponse: ({ body }) => {
        const b = body as { IsSuccess?: boolean; ErrorMessage?: string } | undefined;
        return b?.IsSuccess === false ? { messages: [b.ErrorMessage ?? 'IsSuccess is false'] } : undefined;
      },
    });
    const error = await failure(http.request('PUT', "/api/odata/businessobject/incidents('1')", { json: { Status: 'Closed' } }));
    expect(error).toBeInstanceOf(ApiError);
    expect(error).not.toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ status: 200, method: 'PUT', messages: ['Status transition not allowed'] });
  });

  it('Autotask: a 500 "IntegrationCode is invalid" is an AuthenticationError and is not retried', async () => {
    nock(ORIGIN)
      .get('/ex/jira/abc/V1.0/Tickets/1')
      .once()
      .reply(500, { errors: ['IntegrationCode is invalid.'] });
    const http = transport({
      provider: 'autotask',
      maxRetries: 2,
      describeError: ({ status, body }) => {
        const messages = (body as { errors?: string[] } | undefined)?.errors ?? [];
        const badCode = status === 500 && messages.some((m) => m.includes('IntegrationCode is invalid'));
        return { messages, errorClass: badCode ? AuthenticationError : undefined };
      },
    });
    const error = await failure(http.request('GET', '/V1.0/Tickets/1'));
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ provider: 'autotask', status: 500, messages: ['IntegrationCode is invalid.'] });
  });

  it('a describeError that fails with an Error surfaces as an ItsmError', async () => {
    nock(ORIGIN).get('/ex/jira/abc/x').reply(400, {});
    const http = transport({
      describeError: () => {
        throw new Error('the provider hook gave up');
      },
    });
    const error = await failure(http.request('GET', '/x'));
    expect(error).toBeInstanceOf(ItsmError);
    expect((error as Error).message).toContain('the provider hook gave up');
  });
});
