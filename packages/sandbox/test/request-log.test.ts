import { afterEach, describe, expect, it, vi } from 'vitest';
import { REDACTED, RequestLog, type RequestLogEntry } from '../src/request-log.js';
import { startSandbox } from '../src/sandbox.js';
import { notesSimulator } from './support/notes-simulator.js';

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

async function startToy(options: { requestLogLimit?: number; onRequest?: (entry: RequestLogEntry) => void } = {}) {
  const sb = await startSandbox({ providers: ['notes'], simulators: [notesSimulator], ...options });
  close = () => sb.close();
  return sb;
}

describe('the request log', () => {
  it('records provider, method, path, query, status, time, duration and fault flag', async () => {
    const sb = await startToy();
    const before = Date.now();
    await (await fetch(`${sb.url('notes')}/notes/3?expand=a&expand=b&x=%20y`, { headers: { 'x-notes-token': sb.credentials.notes.token } })).arrayBuffer();
    await (await fetch(`${sb.url('notes')}/notes`, { method: 'POST', body: '{}' })).arrayBuffer();
    expect(sb.requests).toHaveLength(2);
    const [first, second] = sb.requests as [RequestLogEntry, RequestLogEntry];
    expect(first).toMatchObject({ provider: 'notes', method: 'GET', path: '/notes/3', query: { expand: ['a', 'b'], x: ' y' }, status: 200, fault: false });
    expect(Date.parse(first.at)).toBeGreaterThanOrEqual(before - 1000);
    expect(first.at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(first.durationMs).toBeGreaterThanOrEqual(0);
    expect(first.error).toBeUndefined();
    expect(second).toMatchObject({ method: 'POST', path: '/notes', query: {}, status: 401 });
  });

  it('never holds credentials: no headers, and secret query values redacted', async () => {
    const sb = await startToy();
    const token = sb.credentials.notes.token;
    await (await fetch(`${sb.url('notes')}/notes?lookup=${token}&api_key=abc&access_token=def&author=someone`, {
      headers: { 'x-notes-token': token, authorization: 'Basic c2VjcmV0OnNlY3JldA==' },
    })).arrayBuffer();
    const [entry] = sb.requests;
    expect(entry?.query).toEqual({ lookup: REDACTED, api_key: REDACTED, access_token: REDACTED, author: 'someone' });
    const serialised = JSON.stringify(sb.requests);
    expect(serialised).not.toContain(token);
    expect(serialised).not.toContain('c2VjcmV0');
    expect(serialised.toLowerCase()).not.toContain('authorization');
    expect(serialised).not.toContain('x-notes-token');
  });

  it('redacts a credential embedded in a query value or name, or in the path', async () => {
    const sb = await startToy();
    const token = sb.credentials.notes.token;
    const query = new URLSearchParams({ q: `token = "${token}"`, filter: 'open' });
    query.append(`${token}`, '');
    await (await fetch(`${sb.url('notes')}/keys/${token}/x?${query}`, { headers: { 'x-notes-token': token } })).arrayBuffer();
    const [entry] = sb.requests;
    expect(entry?.path).toBe(`/keys/${REDACTED}/x`);
    expect(entry?.query).toEqual({ q: REDACTED, filter: 'open', [REDACTED]: '' });
    expect(JSON.stringify(sb.requests)).not.toContain(token);
  });

  it('redacts forms a client derives from a credential: Base64 of identity:secret, Base64, Base64url, form-encoded', () => {
    const email = 'bot@example.com';
    const apiToken = 'ATATT3x-sandbox+token/with=chars';
    const log = new RequestLog(10, [{ email, apiToken }]);
    const basic = Buffer.from(`${email}:${apiToken}`).toString('base64');
    const forms = [
      basic,
      encodeURIComponent(basic),
      Buffer.from(apiToken).toString('base64'),
      Buffer.from(apiToken).toString('base64url'),
      new URLSearchParams({ v: apiToken }).toString().slice(2),
    ];
    for (const form of forms) {
      const entry = log.add({
        provider: 'jira-cloud', method: 'GET', path: `/x/${form}`, query: new URLSearchParams({ auth2: form, note: `Basic ${form}` }),
        status: 200, at: new Date(0).toISOString(), durationMs: 1, fault: false,
      });
      expect(entry.path, form).toBe(`/x/${REDACTED}`);
      expect(entry.query, form).toEqual({ auth2: REDACTED, note: REDACTED });
    }
    // The identity alone is not a secret.
    const plain = log.add({
      provider: 'jira-cloud', method: 'GET', path: '/x', query: new URLSearchParams({ reporter: email }),
      status: 200, at: new Date(0).toISOString(), durationMs: 1, fault: false,
    });
    expect(plain.query).toEqual({ reporter: email });
  });

  it('records query parameters named like Object members (constructor, __proto__, toString)', async () => {
    const warn = vi.spyOn(process, 'emitWarning').mockImplementation(() => {});
    const sb = await startToy();
    await (await fetch(`${sb.url('notes')}/notes?constructor=1&__proto__=2&toString=a&toString=b`)).arrayBuffer();
    expect(warn).not.toHaveBeenCalled();
    warn.mockRestore();
    expect(sb.requests).toHaveLength(1);
    const query = sb.requests[0]?.query ?? {};
    expect(Object.entries(query)).toEqual([
      ['constructor', '1'],
      ['__proto__', '2'],
      ['toString', ['a', 'b']],
    ]);
  });

  it('is a live read-only view, emptied by clearRequests()', async () => {
    const sb = await startToy();
    const view = sb.requests;
    await (await fetch(`${sb.url('notes')}/notes`)).arrayBuffer();
    expect(view).toHaveLength(1);
    expect(Object.isFrozen(view[0])).toBe(true);
    sb.clearRequests();
    expect(sb.requests).toHaveLength(0);
    expect(view).toHaveLength(0);
  });

  it('keeps at most requestLogLimit entries, dropping the oldest', async () => {
    const sb = await startToy({ requestLogLimit: 2 });
    for (const id of [1, 2, 3]) await (await fetch(`${sb.url('notes')}/notes/${id}`)).arrayBuffer();
    expect(sb.requests.map((entry) => entry.path)).toEqual(['/notes/2', '/notes/3']);
  });

  it('calls onRequest with each entry, and survives a listener that throws (with a warning)', async () => {
    const warn = vi.spyOn(process, 'emitWarning').mockImplementation(() => {});
    const seen: string[] = [];
    const sb = await startToy({
      onRequest: (entry) => {
        seen.push(`${entry.method} ${entry.path} ${entry.status}`);
        if (entry.path === '/throw') throw new Error('listener bug');
      },
    });
    await (await fetch(`${sb.url('notes')}/throw`)).arrayBuffer();
    await (await fetch(`${sb.url('notes')}/notes`)).arrayBuffer();
    expect(seen).toEqual(['GET /throw 401', 'GET /notes 401']);
    expect(warn).toHaveBeenCalledWith('itsm-sandbox: the onRequest listener threw: listener bug');
    warn.mockRestore();
  });
});

describe('RequestLog', () => {
  it('redacts only secret credential fields, not identities such as an e-mail', () => {
    const log = new RequestLog(10, [{ email: 'agent@acme.example', apiToken: 'tok-123', trackingId: 'TRACK' }]);
    const entry = log.add({
      provider: 'x',
      method: 'GET',
      path: '/',
      query: new URLSearchParams({ q: 'agent@acme.example', t: 'tok-123', id: 'TRACK' }),
      status: 200,
      at: new Date(0).toISOString(),
      durationMs: 1,
      fault: false,
    });
    expect(entry.query).toEqual({ q: 'agent@acme.example', t: REDACTED, id: REDACTED });
  });
});
