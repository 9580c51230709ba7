import {
  ApiError,
  AuthenticationError,
  ConflictError,
  ConnectionError,
  NotFoundError,
  PermissionError,
  RateLimitError,
  ResponseShapeError,
  ServerError,
  ValidationError,
} from '@itsm/core';
import { describe, expect, it } from 'vitest';
import { API_TOKEN, BASIC, SITE, client, errorSurface, expectNoSecret, failure, issueBody, route, useNock } from './support.js';

useNock();

const NOT_FOUND = { errorMessages: ['Issue does not exist or you do not have permission to see it.'], errors: {} };

describe('Jira error shapes', () => {
  it('401 with a JSON body: AuthenticationError with the message, the request id, and no retry', async () => {
    const calls = route('GET', '/rest/api/3/issue/HELP-1', [401, {
      errorMessages: ['Client must be authenticated to access this resource.'], errors: {},
    }, { 'x-arequestid': 'a1b2c3' }]);
    const error = await failure(client().issues.get('HELP-1'));
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({
      status: 401,
      provider: 'jira-cloud',
      method: 'GET',
      url: `${SITE}/rest/api/3/issue/HELP-1`,
      requestId: 'a1b2c3',
      messages: ['Client must be authenticated to access this resource.'],
    });
    expect((error as Error).message).toBe('GET /rest/api/3/issue/HELP-1 failed with 401 Unauthorized: Client must be authenticated to access this resource. — check the email and API token: the token must belong to that account and must not be expired or revoked (https://id.atlassian.com/manage-profile/security/api-tokens)');
    expect(calls).toHaveLength(1);
  });

  it('401 with a plain-text body: AuthenticationError with the text', async () => {
    route('GET', '/rest/api/3/myself', [401, 'Client must be authenticated to access this resource.', { 'content-type': 'text/plain' }]);
    const error = await failure(client().myself());
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as ApiError).messages).toEqual(['Client must be authenticated to access this resource.']);
  });

  it('a scoped token on the site URL (401 "scope does not match") says to use cloudId', async () => {
    route('GET', '/rest/api/3/myself', [401, { code: 401, message: 'Unauthorized; scope does not match' }]);
    const error = (await failure(client().myself())) as ApiError;
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error.messages[0]).toBe('Unauthorized; scope does not match');
    expect(error.messages[1]).toMatch(/cloudId/);
  });

  it('200 with X-Seraph-LoginReason: AUTHENTICATED_FAILED is an AuthenticationError, not an empty result', async () => {
    const calls = route('POST', '/rest/api/3/search/jql', [200, { issues: [], isLast: true }, { 'x-seraph-loginreason': 'AUTHENTICATED_FAILED' }]);
    const error = await failure(client().issues.search({ jql: 'project = HELP' }).toArray({ limit: 10 }));
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ status: 200 });
    expect((error as ApiError).messages[0]).toMatch(/AUTHENTICATED_FAILED/);
    expect(calls).toHaveLength(1);
  });

  it('200 with X-Seraph-LoginReason on a GET of a public issue is an AuthenticationError too', async () => {
    route('GET', '/rest/api/3/issue/PUB-1', [200, issueBody('PUB-1', '1'), { 'X-Seraph-LoginReason': 'AUTHENTICATED_FAILED' }]);
    await expect(client().issues.get('PUB-1')).rejects.toBeInstanceOf(AuthenticationError);
  });

  it('200 with X-Seraph-LoginReason: OK is a success', async () => {
    route('GET', '/rest/api/3/issue/PUB-1', [200, issueBody('PUB-1', '1'), { 'X-Seraph-LoginReason': 'OK' }]);
    await expect(client().issues.get('PUB-1')).resolves.toMatchObject({ key: 'PUB-1' });
  });

  it('403 with AUTHENTICATION_DENIED (CAPTCHA) is an AuthenticationError that explains it', async () => {
    route('GET', '/rest/api/3/myself', [403, '', {
      'x-seraph-loginreason': 'AUTHENTICATION_DENIED',
      'x-authentication-denied-reason': 'CAPTCHA_CHALLENGE; login-url=https://acme.atlassian.net/login.jsp',
    }]);
    const error = (await failure(client().myself())) as ApiError;
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error.status).toBe(403);
    expect(error.messages[0]).toMatch(/CAPTCHA_CHALLENGE/);
  });

  it('403 without it is a PermissionError', async () => {
    route('DELETE', '/rest/api/3/issue/HELP-1', [403, { errorMessages: ['You do not have permission to delete issues in this project.'], errors: {} }]);
    const error = await failure(client().issues.delete('HELP-1'));
    expect(error).toBeInstanceOf(PermissionError);
    expect((error as ApiError).messages).toEqual(['You do not have permission to delete issues in this project.']);
  });

  it('404 with the platform body is a NotFoundError with Jira’s message', async () => {
    route('GET', '/rest/api/3/issue/HELP-404', [404, NOT_FOUND]);
    const error = await failure(client().issues.get('HELP-404'));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ status: 404, messages: NOT_FOUND.errorMessages, fieldErrors: {}, body: NOT_FOUND });
  });

  it('400 with an errors map is a ValidationError with fieldErrors by field id', async () => {
    route('POST', '/rest/api/3/issue', [400, {
      errorMessages: ['Field \'priority\' is required'],
      errors: { customfield_10017: 'Epic Name is required.', description: 'Operation value must be an Atlassian Document (see the Atlassian Document Format)' },
    }]);
    const error = (await failure(client().issues.create({ fields: { summary: 'x' } }))) as ValidationError;
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.fieldErrors).toEqual({
      customfield_10017: ['Epic Name is required.'],
      description: ['Operation value must be an Atlassian Document (see the Atlassian Document Format)'],
    });
    expect(error.messages).toEqual([
      'Field \'priority\' is required',
      'customfield_10017: Epic Name is required.',
      'description: Operation value must be an Atlassian Document (see the Atlassian Document Format)',
    ]);
  });

  it('400 with only field errors puts the first one in the message', async () => {
    route('POST', '/rest/api/3/issue', [400, { errorMessages: [], errors: { summary: 'You must specify a summary of the issue.' } }]);
    const error = (await failure(client().issues.create({ fields: {} }))) as ValidationError;
    expect(error.message).toBe('POST /rest/api/3/issue failed with 400 Bad Request: summary: You must specify a summary of the issue.');
  });

  it('the JSM error body (errorMessage, i18nErrorMessage) gives the message', async () => {
    const body = {
      errorMessage: 'Your request could not be created. Please check the fields have been correctly filled in. Summary is required',
      i18nErrorMessage: { i18nKey: 'sd.validation.request.creation.failure.required.field', parameters: ['summary'] },
    };
    route('POST', '/rest/servicedeskapi/request', [400, body]);
    const error = (await failure(client().serviceDesk.requests.create({ serviceDeskId: '1', requestTypeId: '2', requestFieldValues: {} }))) as ApiError;
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.messages).toEqual([body.errorMessage]);
    expect(error.body).toEqual(body);
  });

  it('409 is a ConflictError', async () => {
    route('PUT', '/rest/api/3/issue/HELP-1', [409, { errorMessages: ['Conflicting update'], errors: {} }]);
    await expect(client().issues.edit('HELP-1', { fields: { summary: 'x' } })).rejects.toBeInstanceOf(ConflictError);
  });

  it('413 is never retried, even on a PUT', async () => {
    const calls = route('PUT', '/rest/api/3/issue/HELP-1', [413, { errorMessages: ['Per-issue limit reached'], errors: {} }]);
    const error = (await failure(client({ maxRetries: 3 }).issues.edit('HELP-1', { fields: { summary: 'x' } }))) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(413);
    expect(calls).toHaveLength(1);
  });

  it('413 on an upload is not retried either', async () => {
    const calls = route('POST', '/rest/api/3/issue/HELP-1/attachments', [413, { errorMessages: ['The file is too large'], errors: {} }]);
    const error = (await failure(client().issues.attachments.add('HELP-1', { filename: 'big.bin', content: new Uint8Array(8) }))) as ApiError;
    expect(error.status).toBe(413);
    expect(error.messages).toEqual(['The file is too large']);
    expect(calls).toHaveLength(1);
  });

  it('429 with Retry-After and RateLimit-Reason: RateLimitError with retryAfterMs and reason (no retries left)', async () => {
    route('GET', '/rest/api/3/issue/HELP-1', [429, { errorMessages: ['Rate limit exceeded'] }, {
      'retry-after': '7', 'ratelimit-reason': 'jira-burst-based', 'x-ratelimit-limit': '350', 'x-ratelimit-remaining': '0',
    }]);
    const error = (await failure(client({ maxRetries: 0 }).issues.get('HELP-1'))) as RateLimitError;
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ status: 429, retryAfterMs: 7000, reason: 'jira-burst-based', messages: ['Rate limit exceeded'] });
  });

  it('429 asking for a wait longer than maxRetryAfterMs is thrown at once with the wait', async () => {
    const calls = route('GET', '/rest/api/3/issue/HELP-1', [429, '', { 'retry-after': '3600', 'ratelimit-reason': 'jira-per-issue-on-write' }]);
    const error = (await failure(client({ maxRetries: 3, maxRetryAfterMs: 5_000 }).issues.get('HELP-1'))) as RateLimitError;
    expect(error).toMatchObject({ retryAfterMs: 3_600_000, reason: 'jira-per-issue-on-write' });
    expect(calls).toHaveLength(1);
  });

  it('429 with a tiny Retry-After is waited out and retried, also for a read-only POST', async () => {
    const calls = route('POST', '/rest/api/3/search/approximate-count', [
      [429, '', { 'retry-after': '0', 'ratelimit-reason': 'jira-burst-based' }],
      [200, { count: 3 }],
    ]);
    await expect(client().issues.approximateCount('project = HELP')).resolves.toBe(3);
    expect(calls).toHaveLength(2);
  });

  it('429 without Retry-After reads Jira’s ISO 8601 X-RateLimit-Reset into retryAfterMs', async () => {
    const reset = new Date(Date.now() + 30_000).toISOString();
    route('GET', '/rest/api/3/myself', [429, '', { 'x-ratelimit-reset': reset, 'ratelimit-reason': 'jira-quota-tenant-based' }]);
    const error = (await failure(client({ maxRetries: 0 }).myself())) as RateLimitError;
    expect(error.reason).toBe('jira-quota-tenant-based');
    expect(error.retryAfterMs).toBeGreaterThan(25_000);
    expect(error.retryAfterMs).toBeLessThanOrEqual(30_000);
  });

  it('503 on a GET is retried', async () => {
    const calls = route('GET', '/rest/api/3/issue/HELP-1', [[503, ''], [503, ''], [200, issueBody('HELP-1', '10001')]]);
    await expect(client({ maxRetries: 2 }).issues.get('HELP-1')).resolves.toMatchObject({ key: 'HELP-1' });
    expect(calls).toHaveLength(3);
  });

  it('503 on a GET after the last retry is a ServerError', async () => {
    const calls = route('GET', '/rest/api/3/issue/HELP-1', [503, ''], { times: 2 });
    await expect(client({ maxRetries: 1 }).issues.get('HELP-1')).rejects.toBeInstanceOf(ServerError);
    expect(calls).toHaveLength(2);
  });

  it('503 on POST /issue (create) is not retried: a retried create could make two issues', async () => {
    const calls = route('POST', '/rest/api/3/issue', [503, '']);
    const error = await failure(client({ maxRetries: 3 }).issues.create({ project: 'HELP', issueType: 'Task', summary: 'VPN down' }));
    expect(error).toBeInstanceOf(ServerError);
    expect(calls).toHaveLength(1);
  });

  it('503 on the search POST is retried (it only reads)', async () => {
    const calls = route('POST', '/rest/api/3/search/jql', [[503, ''], [200, { issues: [issueBody('HELP-1', '1')], isLast: true }]]);
    await expect(client().issues.search({ jql: 'project = HELP' }).toArray({ limit: 5 })).resolves.toHaveLength(1);
    expect(calls).toHaveLength(2);
  });

  it('a connection failure is a ConnectionError (injected fetch) and a GET is retried after it', async () => {
    let attempts = 0;
    const fetch: typeof globalThis.fetch = async () => {
      attempts += 1;
      throw Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }) });
    };
    const error = await failure(client({ fetch, maxRetries: 1 }).myself());
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).toMatchObject({ code: 'ECONNRESET' });
    expect(attempts).toBe(2);
  });

  it('a body that does not fit the schema is a ResponseShapeError naming the path', async () => {
    route('GET', '/rest/api/3/issue/HELP-1', [200, { id: 10001, key: 'HELP-1', fields: {} }]);
    const error = (await failure(client().issues.get('HELP-1'))) as ResponseShapeError;
    expect(error).toBeInstanceOf(ResponseShapeError);
    expect(error.issues[0]?.path).toEqual(['id']);
  });

  it('no secret in any error, even when Jira echoes the token and the Authorization header', async () => {
    const echo = `token ${API_TOKEN} header ${BASIC} encoded ${encodeURIComponent(API_TOKEN)}`;
    route('GET', '/rest/api/3/issue/HELP-1', [400, { errorMessages: [echo], errors: { summary: echo } }, { 'x-arequestid': API_TOKEN }]);
    route('GET', '/rest/api/3/myself', [401, echo, { 'content-type': 'text/plain' }]);
    route('POST', '/rest/api/3/search/jql', [200, { issues: [], echo }, { 'x-seraph-loginreason': 'AUTHENTICATED_FAILED' }]);
    const jira = client();
    const errors = [
      await failure(jira.issues.get('HELP-1')),
      await failure(jira.myself()),
      await failure(jira.issues.search({ jql: 'project = HELP' }).toArray({ limit: 1 })),
    ];
    for (const error of errors) {
      expect(error).toBeInstanceOf(ApiError);
      expect(errorSurface(error)).toContain('[REDACTED]');
      expectNoSecret(errorSurface(error));
    }
  });
});
