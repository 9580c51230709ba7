// Time limits and the caller's signal, against a real loopback server, on a fake clock: time passes
// only when every request sent has reached the server, so no limit runs out because the machine is
// slow, and none is measured with a wall clock.
import { describe, expect, it } from 'vitest';
import { TimeoutError } from '../../src/errors.js';
import type { RequestEvent, ResponseEvent, TransportOptions } from '../../src/http/index.js';
import { sendJson, type Handler, type Loopback } from './loopback.js';
import { advanceBy, advanceUntil, failure, testTransport, track, until, useFakeClock, useLoopback } from './support.js';

const serve = useLoopback();
useFakeClock();

/** A transport that counts its attempts and keeps its response events. */
function transport(baseUrl: string, options: Partial<TransportOptions> = {}) {
  const attempts: RequestEvent[] = [];
  const responses: ResponseEvent[] = [];
  const http = testTransport({
    provider: 'jira-cloud',
    baseUrl,
    onRequest: (event) => attempts.push(event),
    onResponse: (event) => responses.push(event),
    ...options,
  });
  return { http, attempts, responses };
}

/** Every attempt started has reached the server: nothing is on the wire, only timers are pending. */
const quiet = (attempts: readonly RequestEvent[], loopback: Loopback) => () => attempts.length === loopback.requests.length;

/** Never answers: the client gives up, or the server closes after the test. */
const silent: Handler = () => {};

/** Leaves the first `count` requests unanswered and answers the others at once. */
const silentFirst = (count: number): Handler => (_req, res, index) => {
  if (index >= count) sendJson(res, 200, { index });
};

describe('time limits', () => {
  it('fails an attempt that takes longer than timeout with TimeoutError', async () => {
    const loopback = await serve(silent);
    const { http, attempts, responses } = transport(loopback.url, { timeout: 50, maxRetries: 0 });
    const call = track(failure(http.request('GET', '/slow')));
    await loopback.arrived(1);
    const waited = await advanceUntil(() => call.settled, { idle: quiet(attempts, loopback) });
    const error = await call.promise;
    expect(waited).toBeGreaterThanOrEqual(50);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ timeoutMs: 50, method: 'GET', url: `${loopback.url}/slow` });
    await until(() => responses.length === 1);
    expect(responses).toMatchObject([{ attempt: 1, status: undefined, error: 'timeout' }]);
  });

  it('retries a GET whose attempt timed out', async () => {
    const loopback = await serve(silentFirst(1));
    const { http, attempts } = transport(loopback.url, { timeout: 50 });
    const call = http.request('GET', '/slow');
    await loopback.arrived(1);
    // The clock moves until the retry has reached the server, and not after: its own limit cannot run out.
    const waited = await advanceUntil(() => loopback.requests.length === 2, { idle: quiet(attempts, loopback) });
    expect(waited).toBeGreaterThanOrEqual(50);
    await expect(call).resolves.toEqual({ index: 1 });
    expect(attempts.map((attempt) => attempt.attempt)).toEqual([1, 2]);
  });

  it('does not retry a POST whose attempt timed out', async () => {
    const loopback = await serve(silent);
    const { http, attempts } = transport(loopback.url, { timeout: 50 });
    const call = track(http.request('POST', '/slow', { json: {} }));
    await loopback.arrived(1);
    await advanceUntil(() => call.settled, { idle: quiet(attempts, loopback) });
    await expect(call.promise).rejects.toBeInstanceOf(TimeoutError);
    // Long after any retry delay: still the one attempt.
    await advanceBy(5_000, { idle: quiet(attempts, loopback) });
    expect(attempts).toHaveLength(1);
    expect(loopback.requests).toHaveLength(1);
  });

  it('fails the whole call when totalTimeout runs out across retries', async () => {
    const loopback = await serve(silent);
    const { http, attempts } = transport(loopback.url, { timeout: 100, totalTimeout: 250, maxRetries: 10 });
    const started = performance.now();
    const call = track(failure(http.request('GET', '/slow')));
    await loopback.arrived(1);
    await advanceUntil(() => call.settled, { idle: quiet(attempts, loopback) });
    const error = await call.promise;
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ timeoutMs: 250 });
    expect(performance.now() - started).toBeGreaterThanOrEqual(250);
    // Two attempts of 100 ms and their retry delays (at most 5 and 10 ms) fit in 250 ms; the
    // whole-call limit ended the third.
    expect(attempts).toHaveLength(3);
  });

  it('times out a body that stops arriving', async () => {
    const loopback = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"partial":');
    });
    const { http, attempts, responses } = transport(loopback.url, { timeout: 100, maxRetries: 0 });
    const call = track(failure(http.request('GET', '/stall')));
    // The head has arrived: what is left is a body that never ends.
    await until(() => responses.length === 1);
    expect(responses[0]).toMatchObject({ status: 200 });
    await advanceUntil(() => call.settled, { idle: quiet(attempts, loopback) });
    expect(await call.promise).toBeInstanceOf(TimeoutError);
  });

  it('takes timeout and totalTimeout per call', async () => {
    const loopback = await serve(silent);
    const { http, attempts } = transport(loopback.url, { timeout: 10_000, maxRetries: 0 });
    for (const [index, [options, timeoutMs]] of ([[{ timeout: 50 }, 50], [{ totalTimeout: 60 }, 60]] as const).entries()) {
      const call = track(failure(http.request('GET', '/slow', options)));
      await loopback.arrived(index + 1);
      const waited = await advanceUntil(() => call.settled, { idle: quiet(attempts, loopback) });
      expect(waited).toBeGreaterThanOrEqual(timeoutMs);
      expect(waited).toBeLessThan(10_000);
      expect(await call.promise).toMatchObject({ name: 'TimeoutError', timeoutMs });
    }
  });
});

describe('the caller’s signal', () => {
  it('rejects with the signal’s reason, unchanged, during a request', async () => {
    const loopback = await serve(silent);
    const controller = new AbortController();
    const reason = new Error('user cancelled');
    const call = transport(loopback.url).http.request('GET', '/slow', { signal: controller.signal });
    await loopback.arrived(1);
    controller.abort(reason);
    await expect(call).rejects.toBe(reason);
  });

  it('rejects with the reason during a Retry-After wait', async () => {
    const loopback = await serve((_req, res) => sendJson(res, 429, {}, { 'retry-after': '5' }));
    const controller = new AbortController();
    const reason = { why: 'not an Error at all' };
    const { http, attempts, responses } = transport(loopback.url);
    const call = track(http.request('GET', '/x', { signal: controller.signal }));
    await until(() => responses.length === 1);
    // A second into the five-second wait.
    await advanceBy(1_000, { idle: quiet(attempts, loopback) });
    expect(call.settled).toBe(false);
    controller.abort(reason);
    await expect(call.promise).rejects.toBe(reason);
    expect(loopback.requests).toHaveLength(1);
  });

  it('rejects at once, without a request, when already aborted', async () => {
    const loopback = await serve(silent);
    const reason = new Error('too late');
    await expect(transport(loopback.url).http.request('GET', '/x', { signal: AbortSignal.abort(reason) })).rejects.toBe(reason);
    expect(loopback.requests).toHaveLength(0);
  });

  it('reports the attempt as aborted to onResponse', async () => {
    const loopback = await serve(silent);
    const controller = new AbortController();
    const { http, responses } = transport(loopback.url);
    const call = http.request('GET', '/slow', { signal: controller.signal });
    await loopback.arrived(1);
    controller.abort();
    await expect(call).rejects.toMatchObject({ name: 'AbortError' });
    await until(() => responses.length === 1);
    expect(responses).toMatchObject([{ attempt: 1, status: undefined, error: 'aborted' }]);
  });
});
