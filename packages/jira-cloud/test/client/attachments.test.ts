import { ItsmError } from '@itsm/core';
import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { followRedirectsSafely, MAX_REDIRECTS } from '../../src/index.js';
import { API_TOKEN, BASIC, SITE, client, expectNoSecret, errorSurface, failure, route, useNock } from './support.js';

useNock();

const MEDIA = 'https://api.media.atlassian.com';

function attachment(id: string | number, filename: string): Record<string, unknown> {
  return {
    self: `${SITE}/rest/api/3/attachment/${id}`,
    id,
    filename,
    author: { accountId: 'acc-1', displayName: 'Bot', active: true },
    created: '2025-01-17T12:34:00.000+0000',
    size: 9,
    mimeType: 'text/plain',
    content: `${SITE}/rest/api/3/attachment/content/${id}`,
  };
}

describe('issues.attachments.add', () => {
  it('uploads multipart/form-data parts named file, with X-Atlassian-Token: no-check, and returns the array', async () => {
    const calls = route('POST', '/rest/api/3/issue/HELP-1/attachments', [200, [attachment('10000', 'log.txt'), attachment('10001', 'shot.png')]]);
    const result = await client().issues.attachments.add('HELP-1', [
      { filename: 'log.txt', content: 'disk full', contentType: 'text/plain' },
      { filename: 'shot.png', content: new Uint8Array([0x89, 0x50, 0x4e, 0x47]), contentType: 'image/png' },
    ]);
    expect(result.map((item) => [item.id, item.filename])).toEqual([['10000', 'log.txt'], ['10001', 'shot.png']]);
    const call = calls[0];
    expect(call?.headers.get('x-atlassian-token')).toBe('no-check');
    expect(call?.headers.get('authorization')).toBe(BASIC);
    const contentType = call?.headers.get('content-type') ?? '';
    expect(contentType).toMatch(/^multipart\/form-data; boundary=.+/);
    const boundary = contentType.split('boundary=')[1] ?? '';
    const parts = (call?.text ?? '').split(`--${boundary}`).filter((part) => part.includes('Content-Disposition'));
    expect(parts).toHaveLength(2);
    expect(parts[0]).toContain('Content-Disposition: form-data; name="file"; filename="log.txt"');
    expect(parts[0]).toContain('Content-Type: text/plain');
    expect(parts[0]).toContain('disk full');
    expect(parts[1]).toContain('name="file"; filename="shot.png"');
    expect(parts[1]).toContain('Content-Type: image/png');
  });

  it('accepts one file, and a Blob or ArrayBuffer', async () => {
    const calls = route('POST', '/rest/api/3/issue/HELP-1/attachments', [200, [attachment(10002, 'a.bin')]], { times: 2 });
    const [one] = await client().issues.attachments.add('HELP-1', { filename: 'a.bin', content: new Blob(['abc'], { type: 'application/x-test' }) });
    expect(one?.id).toBe('10002');
    await client().issues.attachments.add('HELP-1', { filename: 'b.bin', content: new TextEncoder().encode('xyz').buffer });
    expect(calls[0]?.text).toContain('Content-Type: application/x-test');
    expect(calls[1]?.text).toContain('Content-Type: application/octet-stream');
    expect(calls[1]?.text).toContain('xyz');
  });

  it('refuses no files, more than 60, and files without a name, before any request', async () => {
    await expect(client().issues.attachments.add('HELP-1', [])).rejects.toMatchObject({ field: 'files' });
    const many = Array.from({ length: 61 }, (_, i) => ({ filename: `${i}.txt`, content: 'x' }));
    await expect(client().issues.attachments.add('HELP-1', many)).rejects.toMatchObject({ field: 'files' });
    await expect(client().issues.attachments.add('HELP-1', { filename: '', content: 'x' })).rejects.toMatchObject({ field: 'files.0.filename' });
  });
});

describe('issues.attachments.get and download', () => {
  it('gets the metadata; a numeric id becomes a string', async () => {
    route('GET', '/rest/api/3/attachment/10000', [200, { ...attachment(10000, 'log.txt'), properties: {} }]);
    await expect(client().issues.attachments.get('10000')).resolves.toMatchObject({ id: '10000', filename: 'log.txt', size: 9 });
  });

  it('downloads bytes served directly', async () => {
    route('GET', '/rest/api/3/attachment/content/10000', [200, 'disk full', { 'content-type': 'text/plain' }]);
    const bytes = await client().issues.attachments.download('10000');
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect(new TextDecoder().decode(bytes)).toBe('disk full');
  });

  it('follows the 303 to the media host WITHOUT the Authorization header', async () => {
    const first = route('GET', '/rest/api/3/attachment/content/10000', [303, '', { location: `${MEDIA}/file/abc-123/binary?token=media-jwt&client=c1` }]);
    const media = route('GET', '/file/abc-123/binary', [200, 'file body', { 'content-type': 'application/octet-stream' }], { origin: MEDIA });
    const bytes = await client().issues.attachments.download('10000');
    expect(new TextDecoder().decode(bytes)).toBe('file body');
    expect(first[0]?.headers.get('authorization')).toBe(BASIC);
    expect(media[0]?.headers.get('authorization')).toBeNull();
    expect(media[0]?.headers.get('cookie')).toBeNull();
    expect(media[0]?.query).toEqual({ token: 'media-jwt', client: 'c1' });
  });

  it('keeps the Authorization header on a same-origin redirect', async () => {
    route('GET', '/rest/api/3/attachment/content/10000', [302, '', { location: '/secure/attachment/10000/log.txt' }]);
    const file = route('GET', '/secure/attachment/10000/log.txt', [200, 'same origin']);
    const bytes = await client().issues.attachments.download('10000');
    expect(new TextDecoder().decode(bytes)).toBe('same origin');
    expect(file[0]?.headers.get('authorization')).toBe(BASIC);
  });

  it('an error from the media host is mapped, with no secret', async () => {
    route('GET', '/rest/api/3/attachment/content/10000', [303, '', { location: `${MEDIA}/file/abc/binary?token=t` }]);
    route('GET', '/file/abc/binary', [404, { error: 'not found' }], { origin: MEDIA });
    const error = await failure(client().issues.attachments.download('10000'));
    expect(error).toMatchObject({ status: 404 });
    expectNoSecret(errorSurface(error));
  });

  it('refuses a redirect from https to plain http', async () => {
    route('GET', '/rest/api/3/attachment/content/10000', [303, '', { location: 'http://media.example.com/file' }]);
    const error = await failure(client().issues.attachments.download('10000'));
    expect(error).toBeInstanceOf(ItsmError);
    expect((error as Error).message).toMatch(/plain http/);
  });

  it(`stops after ${MAX_REDIRECTS} redirects`, async () => {
    const loops = route('GET', '/loop', [302, '', { location: '/loop' }], { times: MAX_REDIRECTS });
    route('GET', '/rest/api/3/attachment/content/10000', [302, '', { location: '/loop' }]);
    const error = await failure(client().issues.attachments.download('10000'));
    expect((error as Error).message).toMatch(/redirected more than 5 times/);
    expect(loops).toHaveLength(MAX_REDIRECTS);
  });
});

describe('followRedirectsSafely with an injected fetch that would forward every header', () => {
  it('strips credential headers on the cross-origin hop and keeps the others', async () => {
    const seen: { url: string; headers: Record<string, string>; redirect: string }[] = [];
    const naive: typeof fetch = async (input, init) => {
      const request = new Request(input, init);
      seen.push({ url: request.url, headers: Object.fromEntries(request.headers), redirect: request.redirect });
      if (request.url.startsWith(SITE)) {
        return new Response(null, { status: 303, headers: { location: `${MEDIA}/file/x/binary?token=t` } });
      }
      return new Response('bytes');
    };
    const jira = client({ fetch: naive });
    const bytes = await jira.issues.attachments.download('10000');
    expect(new TextDecoder().decode(bytes)).toBe('bytes');
    expect(seen).toHaveLength(2);
    expect(seen.every((request) => request.redirect === 'manual')).toBe(true);
    expect(seen[0]?.headers.authorization).toBe(BASIC);
    expect(seen[1]?.url).toBe(`${MEDIA}/file/x/binary?token=t`);
    expect(seen[1]?.headers.authorization).toBeUndefined();
    expect(seen[1]?.headers['user-agent']).toMatch(/^@itsm\/jira-cloud/);
    expect(JSON.stringify(seen[1])).not.toContain(API_TOKEN);
  });

  it('turns a 303 after a POST into a GET without body, and hands back a 307 of a request with a body', async () => {
    const seen: string[] = [];
    const fake: typeof fetch = async (input, init) => {
      const request = new Request(input, init);
      seen.push(`${request.method} ${new URL(request.url).pathname} ${request.headers.get('content-type') ?? '-'} ${await request.text()}`);
      if (request.url.endsWith('/see-other')) return new Response(null, { status: 303, headers: { location: '/result' } });
      if (request.url.endsWith('/temporary')) return new Response(null, { status: 307, headers: { location: '/elsewhere' } });
      return new Response('ok');
    };
    const safe = followRedirectsSafely(() => fake);
    const json = { method: 'POST', body: '{"a":1}', headers: { 'content-type': 'application/json', authorization: 'Basic x' } };
    await expect(safe(`${SITE}/see-other`, json).then((response) => response.text())).resolves.toBe('ok');
    const kept = await safe(`${SITE}/temporary`, json);
    expect(kept.status).toBe(307);
    expect(seen).toEqual([
      'POST /see-other application/json {"a":1}',
      'GET /result - ',
      'POST /temporary application/json {"a":1}',
    ]);
  });

  it('nock sanity: the media host mock refuses an Authorization header', async () => {
    nock(MEDIA, { badheaders: ['authorization'] }).get('/file/y/binary').query(true).reply(200, 'fine');
    route('GET', '/rest/api/3/attachment/content/10001', [303, '', { location: `${MEDIA}/file/y/binary?token=t` }]);
    await expect(client().issues.attachments.download('10001').then((bytes) => new TextDecoder().decode(bytes))).resolves.toBe('fine');
  });
});
