// maxBodyBytes: a body larger than the client sends is an InputError before any request (not the
// service's 413 after the upload), for JSON, text, bytes and forms; calls may set their own limit.
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { fakeFetch, json } from './fake-fetch.js';
import { failure, testTransport } from './support.js';

function over(maxBodyBytes?: number) {
  const fake = fakeFetch(() => json(201, { id: '1' }));
  const http = testTransport({ provider: 'jira-cloud', baseUrl: 'https://x.example.test', fetch: fake.fetch, ...(maxBodyBytes === undefined ? {} : { maxBodyBytes }) });
  return { http, fake };
}

describe('maxBodyBytes', () => {
  it('refuses a JSON body over the limit, counting UTF-8 bytes, before any request', async () => {
    const { http, fake } = over(100);
    await http.request('POST', '/issue', { json: { text: 'x'.repeat(80) } });
    const error = await failure(http.request('POST', '/issue', { json: { text: 'é'.repeat(50) } })); // 100 characters, 100+ bytes
    expect(error).toBeInstanceOf(InputError);
    expect(error).toMatchObject({ field: 'options.json', provider: 'jira-cloud', outcome: 'not_applied' });
    expect((error as Error).message).toMatch(/is 1\d\d bytes, more than the 100 bytes this client sends \(maxBodyBytes\)/);
    expect(fake.seen).toHaveLength(1);
  });

  it('refuses a text, bytes or form body over the limit', async () => {
    const { http, fake } = over(10);
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(11)]), 'a.bin');
    for (const body of ['x'.repeat(11), new Uint8Array(11), new Blob([new Uint8Array(11)]), form, new URLSearchParams({ q: 'x'.repeat(10) })]) {
      expect(await failure(http.request('POST', '/upload', { body }))).toMatchObject({ name: 'InputError', field: 'options.body' });
    }
    expect(fake.seen).toHaveLength(0);
  });

  it('lets a call set its own limit, and has none by default', async () => {
    const limited = over(10);
    await limited.http.request('POST', '/upload', { body: new Uint8Array(1_000), maxBodyBytes: Infinity });
    expect(await failure(limited.http.request('POST', '/issue', { json: { a: 1 }, maxBodyBytes: 5 }))).toMatchObject({ field: 'options.json' });
    const unlimited = over();
    await unlimited.http.request('POST', '/issue', { json: { text: 'x'.repeat(1_000_000) } });
    expect(unlimited.fake.seen).toHaveLength(1);
  });

  it('refuses a limit that is not a positive whole number of bytes', () => {
    for (const maxBodyBytes of [0, -1, 1.5, Number.NaN, '10']) {
      expect(() => over(maxBodyBytes as number)).toThrow(expect.objectContaining({ name: 'InputError', field: 'maxBodyBytes' }));
    }
  });
});
