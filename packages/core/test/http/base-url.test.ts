import { describe, expect, it, vi } from 'vitest';
import { AuthenticationError, InputError, ItsmError, NotFoundError } from '../../src/errors.js';
import type { BaseUrlResolver } from '../../src/http/index.js';
import { fakeFetch, json } from './fake-fetch.js';
import { failure, testTransport } from './support.js';

/** A resolver that hands out the given URLs in turn, counting calls and how many overlap. */
function resolverOf(urls: string[], waitMs = 0) {
  let calls = 0;
  let running = 0;
  let maxRunning = 0;
  const reasons: string[] = [];
  const resolve: BaseUrlResolver = async ({ reason }) => {
    reasons.push(reason);
    running += 1;
    maxRunning = Math.max(maxRunning, running);
    try {
      if (waitMs > 0) await new Promise((done) => setTimeout(done, waitMs));
      const url = urls[Math.min(calls, urls.length - 1)] as string;
      calls += 1;
      return url;
    } finally {
      running -= 1;
    }
  };
  return {
    resolve,
    reasons,
    get calls() {
      return calls;
    },
    get maxRunning() {
      return maxRunning;
    },
  };
}

describe('a base URL resolved later', () => {
  it('is resolved once, when the first request needs it, even for many concurrent requests', async () => {
    const resolver = resolverOf(['https://zone5.example.test/api/v1']);
    const fake = fakeFetch(() => json(200, { ok: true }));
    const http = testTransport({ provider: 'autotask', baseUrl: resolver.resolve, fetch: fake.fetch });
    expect(http.baseUrl).toBeUndefined();
    expect(resolver.calls).toBe(0);
    await Promise.all(Array.from({ length: 20 }, (_, index) => http.request('GET', `/Tickets/${index}`)));
    expect(resolver.calls).toBe(1);
    expect(resolver.reasons).toEqual(['initial']);
    expect(http.baseUrl).toBe('https://zone5.example.test/api/v1');
    expect(fake.seen.map((request) => request.url)).toContain('https://zone5.example.test/api/v1/Tickets/7');
    await expect(http.resolveBaseUrl()).resolves.toBe('https://zone5.example.test/api/v1');
  });

  it('is resolved again once after a refused login, and the request goes to the new URL', async () => {
    const resolver = resolverOf(['https://old.example.test/api', 'https://new.example.test/api'], 5);
    const fake = fakeFetch((request) => (request.url.startsWith('https://old.') ? json(401, { errors: ['moved'] }) : json(201, { id: 1 })));
    const http = testTransport({ provider: 'autotask', baseUrl: resolver.resolve, fetch: fake.fetch });
    const results = await Promise.all(Array.from({ length: 10 }, () => http.request('POST', '/Tickets', { json: { title: 'x' } })));
    expect(results).toEqual(Array.from({ length: 10 }, () => ({ id: 1 })));
    expect(resolver.calls).toBe(2);
    expect(resolver.reasons).toEqual(['initial', 'authentication-failed']);
    expect(resolver.maxRunning).toBe(1);
    expect(http.baseUrl).toBe('https://new.example.test/api');
    // Each request was sent at most once to each URL: a refused login is safe to resend.
    expect(fake.seen.filter((request) => request.url.startsWith('https://new.'))).toHaveLength(10);
  });

  it('gives the AuthenticationError when the URL resolved again is the same, and does not loop', async () => {
    const resolver = resolverOf(['https://same.example.test/api']);
    const fake = fakeFetch(() => json(401, { errors: ['bad secret'] }));
    const http = testTransport({ provider: 'autotask', baseUrl: resolver.resolve, fetch: fake.fetch });
    const error = await failure(http.request('GET', '/Tickets/1'));
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(resolver.calls).toBe(2);
    expect(fake.seen).toHaveLength(1);
  });

  it('resolves again at most once per request, even when the new URL refuses the login too', async () => {
    const resolver = resolverOf(['https://a.example.test', 'https://b.example.test', 'https://c.example.test']);
    const fake = fakeFetch(() => json(401, {}));
    const http = testTransport({ provider: 'autotask', baseUrl: resolver.resolve, fetch: fake.fetch });
    await expect(http.request('GET', '/x')).rejects.toBeInstanceOf(AuthenticationError);
    expect(fake.seen.map((request) => new URL(request.url).host)).toEqual(['a.example.test', 'b.example.test']);
  });

  it('does not resolve again for other failures', async () => {
    const resolver = resolverOf(['https://a.example.test']);
    const fake = fakeFetch(() => json(404, {}));
    const http = testTransport({ provider: 'autotask', baseUrl: resolver.resolve, fetch: fake.fetch });
    await expect(http.request('GET', '/x')).rejects.toBeInstanceOf(NotFoundError);
    expect(resolver.calls).toBe(1);
  });

  it('does not keep a failed resolution: the next request resolves again', async () => {
    let calls = 0;
    const baseUrl: BaseUrlResolver = async () => {
      calls += 1;
      if (calls === 1) throw new ItsmError('zone lookup failed', { provider: 'autotask' });
      return 'https://zone.example.test';
    };
    const fake = fakeFetch(() => json(200, {}));
    const http = testTransport({ provider: 'autotask', baseUrl, fetch: fake.fetch });
    await expect(http.request('GET', '/x')).rejects.toThrow('zone lookup failed');
    await expect(http.request('GET', '/x')).resolves.toEqual({});
    expect(calls).toBe(2);
  });

  it('refuses a resolved URL that is not a base URL, as an InputError naming baseUrl, without sending', async () => {
    const fake = fakeFetch(() => json(200, {}));
    const http = testTransport({ provider: 'autotask', baseUrl: async () => 'https://x.example.test/?token=1', fetch: fake.fetch });
    const error = await failure(http.request('GET', '/x'));
    expect(error).toBeInstanceOf(InputError);
    expect(error).toMatchObject({ field: 'baseUrl', provider: 'autotask' });
    expect(fake.seen).toHaveLength(0);
  });

  it('lets the caller stop waiting for the resolution', async () => {
    vi.useFakeTimers();
    try {
      const http = testTransport({ provider: 'autotask', baseUrl: () => new Promise(() => undefined) });
      const controller = new AbortController();
      const pending = http.request('GET', '/x', { signal: controller.signal });
      controller.abort(new Error('stop'));
      await expect(pending).rejects.toThrow('stop');
    } finally {
      vi.useRealTimers();
    }
  });
});
