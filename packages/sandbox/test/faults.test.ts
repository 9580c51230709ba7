import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SandboxError } from '../src/errors.js';
import type { FaultRule } from '../src/faults.js';
import { startSandbox } from '../src/sandbox.js';
import { createNotesSimulator, notesSimulator } from './support/notes-simulator.js';

const eu = createNotesSimulator('notes-eu');
let sb: Awaited<ReturnType<typeof startToys>>;

function startToys() {
  return startSandbox({ providers: ['notes', 'notes-eu'], simulators: [notesSimulator, eu] });
}

beforeAll(async () => {
  sb = await startToys();
});
afterAll(async () => {
  await sb.close();
});
beforeEach(async () => {
  await sb.reset();
});

function call(path: string, init: RequestInit & { provider?: 'notes' | 'notes-eu' } = {}): Promise<Response> {
  const provider = init.provider ?? 'notes';
  return fetch(`${sb.url(provider)}${path}`, { ...init, headers: { 'x-notes-token': sb.credentials[provider].token, ...init.headers } });
}

describe('fault injection', () => {
  it('replaces the answer with status, headers and body, without reaching the simulator', async () => {
    const before = sb.state('notes').notes.size;
    sb.faults.inject({ provider: 'notes', status: 429, headers: { 'retry-after': '7', 'x-limit': ['a', 'b'] }, body: { error: 'slow down' } });
    const response = await call('/notes', { method: 'POST', body: JSON.stringify({ title: 'never stored' }) });
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('7');
    expect(response.headers.get('x-limit')).toBe('a, b');
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await response.json()).toEqual({ error: 'slow down' });
    expect(sb.state('notes').notes.size).toBe(before);
    expect(sb.requests.at(-1)).toMatchObject({ provider: 'notes', method: 'POST', path: '/notes', status: 429, fault: true });
  });

  it('answers a status fault with an empty body when no body is given, and a text body as text', async () => {
    sb.faults.inject({ provider: 'notes', path: '/notes', status: 503, times: 1 });
    sb.faults.inject({ provider: 'notes', path: '/notes/1', status: 502, body: 'Bad Gateway' });
    const empty = await call('/notes');
    expect(empty.status).toBe(503);
    expect(await empty.text()).toBe('');
    const text = await call('/notes/1');
    expect(text.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(await text.text()).toBe('Bad Gateway');
  });

  it('merges headers into, or replaces the body of, the simulator answer when no status is given', async () => {
    sb.faults.inject({ provider: 'notes', path: '/notes/1', headers: { 'x-seraph-loginreason': 'AUTHENTICATED_FAILED' }, times: 1 });
    const merged = await call('/notes/1');
    expect(merged.status).toBe(200);
    expect(merged.headers.get('x-seraph-loginreason')).toBe('AUTHENTICATED_FAILED');
    expect(((await merged.json()) as { id: number }).id).toBe(1);

    sb.faults.inject({ provider: 'notes', path: '/notes', body: 'not json at all', times: 1 });
    const replaced = await call('/notes');
    expect(replaced.status).toBe(200);
    expect(replaced.headers.get('x-total')).toBe('25');
    expect(replaced.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(await replaced.text()).toBe('not json at all');
  });

  it('resets the connection, so the client fetch rejects', async () => {
    sb.faults.inject({ provider: 'notes', reset: true, times: 1 });
    const error = await call('/notes').then(
      () => undefined,
      (failure: unknown) => failure,
    );
    expect(error).toBeInstanceOf(TypeError);
    expect(JSON.stringify((error as TypeError & { cause?: { code?: string } }).cause?.code)).toMatch(/ECONNRESET|UND_ERR_SOCKET/);
    expect(sb.requests.at(-1)).toMatchObject({ status: 0, fault: true });
    expect((await call('/notes')).status).toBe(200);
  });

  it('delays the answer by delayMs, then answers normally or with the fault status', async () => {
    sb.faults.inject({ provider: 'notes', path: '/notes', delayMs: 150, times: 1 });
    let started = performance.now();
    const slow = await call('/notes');
    const elapsed = performance.now() - started;
    expect(slow.status).toBe(200);
    expect(elapsed).toBeGreaterThanOrEqual(145);
    expect(sb.requests.at(-1)?.durationMs).toBeGreaterThanOrEqual(145);

    sb.faults.inject({ provider: 'notes', path: '/notes', delayMs: 150, status: 504, times: 1 });
    started = performance.now();
    const timeout = await call('/notes');
    expect(timeout.status).toBe(504);
    expect(performance.now() - started).toBeGreaterThanOrEqual(145);

    // Without a fault the same request is not delayed at all (sanity check that the delay came from the rule).
    const fast = await call('/notes');
    expect(fast.status).toBe(200);
    expect(sb.requests.at(-1)?.fault).toBe(false);
  });

  it('applies a rule `times` times, then lets requests through, and counts its hits', async () => {
    const handle = sb.faults.inject({ provider: 'notes', status: 500, times: 2 });
    const statuses = [];
    for (let i = 0; i < 4; i += 1) statuses.push((await call('/notes')).status);
    expect(statuses).toEqual([500, 500, 200, 200]);
    expect(handle.hits).toBe(2);
    expect(handle.active).toBe(false);
    expect(sb.faults.active).toEqual([]);
  });

  it('applies a rule without `times` to every matching request until removed', async () => {
    const handle = sb.faults.inject({ provider: 'notes', status: 500 });
    for (let i = 0; i < 3; i += 1) expect((await call('/notes')).status).toBe(500);
    expect(handle.hits).toBe(3);
    expect(sb.faults.active).toEqual([handle]);
    handle.remove();
    expect(handle.active).toBe(false);
    expect((await call('/notes')).status).toBe(200);
  });

  it('matches an exact path (without the query), a RegExp, a method and a provider', async () => {
    sb.faults.inject({ provider: 'notes', path: '/notes/2', status: 418 });
    expect((await call('/notes/2?x=1')).status).toBe(418);
    expect((await call('/notes/21')).status).toBe(200);
    expect((await call('/notes/2', { provider: 'notes-eu' })).status).toBe(200);
    sb.faults.clear();

    const global = Object.freeze(/^\/notes\/\d+$/g);
    sb.faults.inject({ provider: 'notes', path: global, status: 418 });
    expect((await call('/notes/3')).status).toBe(418);
    expect((await call('/notes/4')).status).toBe(418); // a global RegExp keeps matching
    expect((await call('/notes')).status).toBe(200);
    expect(global.lastIndex).toBe(0); // the caller's (even frozen) RegExp is never touched
    sb.faults.clear();

    sb.faults.inject({ provider: 'notes', method: 'delete', status: 403 });
    expect((await call('/notes/5')).status).toBe(200);
    expect((await call('/notes/5', { method: 'DELETE' })).status).toBe(403);
    expect(sb.state('notes').notes.has(5)).toBe(true);
  });

  it('checks rules in insertion order; the first match applies alone', async () => {
    const first = sb.faults.inject({ provider: 'notes', path: '/notes', status: 501, times: 1 });
    const second = sb.faults.inject({ provider: 'notes', status: 502 });
    expect((await call('/notes')).status).toBe(501);
    expect((await call('/notes')).status).toBe(502);
    expect(first.hits).toBe(1);
    expect(second.hits).toBe(1);
  });

  it('clear() removes every rule', async () => {
    const handles = [sb.faults.inject({ provider: 'notes', status: 500 }), sb.faults.inject({ provider: 'notes-eu', status: 500 })];
    sb.faults.clear();
    expect(handles.map((handle) => handle.active)).toEqual([false, false]);
    expect((await call('/notes')).status).toBe(200);
    expect((await call('/notes', { provider: 'notes-eu' })).status).toBe(200);
  });

  it('rejects invalid rules with an error naming the field', () => {
    const cases: [unknown, string][] = [
      [{ provider: 'jira-cloud', status: 500 }, '"provider" is not running in this sandbox (running: notes, notes-eu) (got "jira-cloud")'],
      [{ status: 500 }, '"provider" is required'],
      [{ provider: 'notes', status: 99 }, '"status" must be an integer from 200 to 599 (got 99)'],
      [{ provider: 'notes', status: 200.5 }, '"status" must be an integer'],
      [{ provider: 'notes', method: 'GE T', status: 500 }, '"method" must be an HTTP method'],
      [{ provider: 'notes', path: 'notes', status: 500 }, '"path" must be a RegExp or a path starting with "/"'],
      [{ provider: 'notes', headers: { 'bad name': 'x' } }, '"headers.bad name" is not a valid header name'],
      [{ provider: 'notes', headers: { 'x-a': 1 } }, '"headers.x-a" must be a string'],
      [{ provider: 'notes', body: () => 1 }, '"body" must be a string, a Uint8Array or a JSON value'],
      [{ provider: 'notes', reset: false }, '"reset" must be true when given'],
      [{ provider: 'notes', reset: true, status: 500 }, '"status" cannot be combined with "reset"'],
      [{ provider: 'notes', delayMs: -1 }, '"delayMs" must be a number of milliseconds'],
      [{ provider: 'notes', status: 500, times: 0 }, '"times" must be a positive integer (got 0)'],
      [{ provider: 'notes', statusCode: 500 }, '"statusCode" is not a fault field'],
      [{ provider: 'notes', path: '/notes' }, 'it does nothing'],
    ];
    for (const [rule, message] of cases) {
      expect(() => sb.faults.inject(rule as FaultRule), JSON.stringify(rule)).toThrow(SandboxError);
      expect(() => sb.faults.inject(rule as FaultRule), JSON.stringify(rule)).toThrow(message);
    }
    expect(sb.faults.active).toEqual([]);
  });
});
