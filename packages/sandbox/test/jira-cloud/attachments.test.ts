import { describe, expect, it } from 'vitest';
import { useJiraSandbox } from './support/sandbox.js';

const ctx = useJiraSandbox({ tickets: 40 });

function form(...files: [name: string, content: string, type: string][]): FormData {
  const data = new FormData();
  for (const [name, content, type] of files) data.append('file', new Blob([content], { type }), name);
  return data;
}

interface AttachmentJson {
  id: string;
  filename: string;
  size: number;
  mimeType: string;
  content: string;
  self: string;
}

describe('attachments', () => {
  it('uploads multipart files with X-Atlassian-Token: no-check and answers an array', async () => {
    const reply = await ctx.call('POST', '/rest/api/3/issue/HELP-1/attachments', { body: form(['a.txt', 'alpha', 'text/plain'], ['b.log', 'beta!', 'text/plain']), headers: { 'x-atlassian-token': 'no-check' } });
    expect(reply.status).toBe(200);
    const list = reply.body<AttachmentJson[]>();
    expect(list.map((item) => [item.filename, item.size, item.mimeType])).toEqual([['a.txt', 5, 'text/plain'], ['b.log', 5, 'text/plain']]);
    const issue = (await ctx.call('GET', '/rest/api/3/issue/HELP-1?fields=attachment')).body<{ fields: { attachment: AttachmentJson[] } }>();
    expect(issue.fields.attachment.map((item) => item.filename)).toEqual(expect.arrayContaining(['a.txt', 'b.log']));
  });

  it('blocks the upload without the XSRF header: 403 "XSRF check failed", nothing stored', async () => {
    const before = ctx.state.attachments.size;
    const reply = await ctx.call('POST', '/rest/api/3/issue/HELP-1/attachments', { body: form(['a.txt', 'alpha', 'text/plain']) });
    expect([reply.status, reply.text]).toEqual([403, 'XSRF check failed']);
    expect(ctx.state.attachments.size).toBe(before);
  });

  it('serves metadata, redirects the download (303) to bytes, and serves them directly with redirect=false', async () => {
    const [uploaded] = (await ctx.call('POST', '/rest/api/3/issue/HELP-2/attachments', { body: form(['hello.txt', 'hello world', 'text/plain']), headers: { 'x-atlassian-token': 'no-check' } })).body<AttachmentJson[]>();
    const id = uploaded?.id ?? '';
    const meta = (await ctx.call('GET', `/rest/api/3/attachment/${id}`)).body<{ id: number; filename: string }>();
    expect(meta).toMatchObject({ id: Number(id), filename: 'hello.txt' });
    const redirect = await ctx.call('GET', `/rest/api/3/attachment/content/${id}`);
    expect(redirect.status).toBe(303);
    const location = redirect.headers.get('location') ?? '';
    expect(await (await fetch(location)).text()).toBe('hello world');
    const direct = await ctx.call('GET', `/rest/api/3/attachment/content/${id}?redirect=false`);
    expect([direct.status, direct.text, direct.headers.get('content-type')]).toEqual([200, 'hello world', 'text/plain']);
    const range = await ctx.call('GET', `/rest/api/3/attachment/content/${id}?redirect=false`, { headers: { range: 'bytes=0-4' } });
    expect([range.status, range.text]).toEqual([206, 'hello']);
  });

  it('deletes an attachment (204), after which it is a 404', async () => {
    const [uploaded] = (await ctx.call('POST', '/rest/api/3/issue/HELP-3/attachments', { body: form(['x.txt', 'x', 'text/plain']), headers: { 'x-atlassian-token': 'no-check' } })).body<AttachmentJson[]>();
    expect((await ctx.call('DELETE', `/rest/api/3/attachment/${uploaded?.id}`)).status).toBe(204);
    expect((await ctx.call('GET', `/rest/api/3/attachment/${uploaded?.id}`)).status).toBe(404);
  });

  it('has seeded attachments', async () => {
    const key = ctx.state.facts.issueWithAttachment;
    const issue = (await ctx.call('GET', `/rest/api/3/issue/${key}?fields=attachment`)).body<{ fields: { attachment: AttachmentJson[] } }>();
    expect(issue.fields.attachment.length).toBeGreaterThan(0);
  });
});
