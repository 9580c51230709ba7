// A bug (the SDK's or a hook's) must surface as what it is, a TypeError or RangeError with its own
// message and stack, not as an ItsmError that reads like a failed request; and still show no secret.
import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { ConnectionError, ItsmError } from '../../src/errors.js';
import type { TransportOptions } from '../../src/http/index.js';
import { errorSurface } from '../../src/testing/error-surface.js';
import { failure, testTransport, useNock } from './support.js';

const ORIGIN = 'https://tenant.example.test';
const API_TOKEN = 'ATATT3xFfGF0-bug-token-Zq81';

function transport(options: Partial<TransportOptions> = {}) {
  return testTransport({ provider: 'jira-cloud', baseUrl: ORIGIN, maxRetries: 0, secrets: [API_TOKEN], ...options });
}

useNock();

describe('programming errors', () => {
  it('a TypeError thrown by the auth hook rejects the call as that TypeError', async () => {
    const http = transport({
      auth: () => {
        throw new TypeError('headers.sett is not a function');
      },
    });
    const error = await failure(http.request('GET', '/x'));
    expect(error).toBeInstanceOf(TypeError);
    expect(error).not.toBeInstanceOf(ItsmError);
    expect((error as Error).message).toBe('headers.sett is not a function');
    expect((error as Error).stack).toContain('programming-errors.test.ts');
  });

  it('a RangeError thrown by a provider hook while mapping a failure surfaces as a RangeError', async () => {
    nock(ORIGIN).get('/x').reply(400, {});
    const http = transport({
      describeError: () => {
        throw new RangeError('bug in the provider hook');
      },
    });
    const error = await failure(http.request('GET', '/x'));
    expect(error).toBeInstanceOf(RangeError);
    expect((error as Error).message).toBe('bug in the provider hook');
  });

  it('a secret in the message, stack or cause of a programming error is redacted', async () => {
    const http = transport({
      auth: () => {
        // undici quotes the bad value in its message, as Headers#set does for a token with a newline.
        throw new TypeError(`Headers.set: "Bearer ${API_TOKEN}\\n" is an invalid header value.`, {
          cause: new Error(`token ${API_TOKEN}`),
        });
      },
    });
    const error = await failure(http.request('GET', '/x'));
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toContain('Bearer [REDACTED]');
    expect(errorSurface(error)).not.toContain(API_TOKEN);
    expect(((error as Error).cause as Error).message).toBe('token [REDACTED]');
  });

  it("fetch's TypeError for a network failure is still a ConnectionError", async () => {
    const http = transport({ fetch: async () => Promise.reject(new TypeError('fetch failed')) });
    expect(await failure(http.request('GET', '/x'))).toBeInstanceOf(ConnectionError);
  });
});
