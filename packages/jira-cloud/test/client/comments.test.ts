import { InputError } from '@itsm/core';
import { describe, expect, it } from 'vitest';
import { adfToText, markdownToAdf, textToAdf, type AdfDocument } from '../../src/index.js';
import { SITE, client, failure, route, useNock } from './support.js';

useNock();

function comment(id: string, text: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    self: `${SITE}/rest/api/3/issue/10010/comment/${id}`,
    id,
    author: { accountId: 'acc-1', displayName: 'Ada', active: true },
    body: textToAdf(text),
    created: '2025-01-17T12:34:00.000+0000',
    updated: '2025-01-17T12:34:00.000+0000',
    jsdPublic: true,
    ...extra,
  };
}

describe('issues.comments.list', () => {
  it('pages with startAt/maxResults until total, without loss or duplicates', async () => {
    const all = Array.from({ length: 5 }, (_, index) => comment(String(100 + index), `comment ${index}`));
    const calls = route('GET', '/rest/api/3/issue/HELP-1/comment', (seen) => {
      const startAt = Number(seen.query.startAt);
      return [200, { comments: all.slice(startAt, startAt + 2), startAt, maxResults: 2, total: all.length }];
    }, { times: 3 });
    const comments = await client().issues.comments.list('HELP-1', { pageSize: 2, orderBy: '-created' }).toArray({ limit: Infinity });
    expect(comments.map((item) => item.id)).toEqual(['100', '101', '102', '103', '104']);
    expect(comments.map((item) => adfToText(item.body))).toEqual(['comment 0', 'comment 1', 'comment 2', 'comment 3', 'comment 4']);
    expect(calls.map((call) => call.query)).toEqual([
      { startAt: '0', maxResults: '2', orderBy: '-created' },
      { startAt: '2', maxResults: '2', orderBy: '-created' },
      { startAt: '4', maxResults: '2', orderBy: '-created' },
    ]);
  });

  it('advances by what came back when Jira returns a shorter page than asked', async () => {
    const calls = route('GET', '/rest/api/3/issue/HELP-1/comment', [
      [200, { comments: [comment('1', 'a')], startAt: 0, maxResults: 1, total: 2 }],
      [200, { comments: [comment('2', 'b')], startAt: 1, maxResults: 1, total: 2 }],
    ]);
    const ids = (await client().issues.comments.list('HELP-1').toArray({ limit: 10 })).map((item) => item.id);
    expect(ids).toEqual(['1', '2']);
    expect(calls.map((call) => call.query.startAt)).toEqual(['0', '1']);
    expect(calls[0]?.query.maxResults).toBe('100');
  });

  it('an empty issue gives no comments in one request', async () => {
    const calls = route('GET', '/rest/api/3/issue/HELP-1/comment', [200, { comments: [], startAt: 0, maxResults: 100, total: 0 }]);
    await expect(client().issues.comments.list('HELP-1').toArray({ limit: 10 })).resolves.toEqual([]);
    expect(calls).toHaveLength(1);
  });
});

describe('issues.comments.add / update / delete', () => {
  it('posts plain text as ADF (nothing is read as markup)', async () => {
    const calls = route('POST', '/rest/api/3/issue/HELP-1/comment', [201, comment('200', 'Restarted *the* spooler')]);
    const added = await client().issues.comments.add('HELP-1', { body: 'Restarted *the* spooler' });
    expect(calls[0]?.json()).toEqual({
      body: { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Restarted *the* spooler' }] }] },
    });
    expect(added.id).toBe('200');
  });

  it('marks an internal JSM note with the sd.public.comment property, and sets visibility', async () => {
    const calls = route('POST', '/rest/api/3/issue/HELP-1/comment', [[201, comment('201', 'x', { jsdPublic: false })], [201, comment('202', 'y')]]);
    const added = await client().issues.comments.add('HELP-1', {
      body: 'Agent only',
      internal: true,
      visibility: { type: 'role', value: 'Administrators', identifier: 'Administrators' },
    });
    expect(added.jsdPublic).toBe(false);
    expect(calls[0]?.json()).toEqual({
      body: textToAdf('Agent only'),
      visibility: { type: 'role', value: 'Administrators', identifier: 'Administrators' },
      properties: [{ key: 'sd.public.comment', value: { internal: true } }],
    });
    await client().issues.comments.add('HELP-1', { body: 'Customer reply', internal: false });
    expect(calls[1]?.json()).toEqual({ body: textToAdf('Customer reply'), properties: [{ key: 'sd.public.comment', value: { internal: false } }] });
  });

  it('converts Markdown with format: markdown, and sends an ADF document as it is', async () => {
    const calls = route('POST', '/rest/api/3/issue/HELP-1/comment', [201, comment('203', 'z')], { times: 2 });
    await client().issues.comments.add('HELP-1', { body: '**Fixed** in `v2`', format: 'markdown' });
    const doc: AdfDocument = { type: 'doc', version: 1, content: [{ type: 'rule' }] };
    await client().issues.comments.add('HELP-1', { body: doc });
    expect(calls[0]?.json()).toEqual({ body: await markdownToAdf('**Fixed** in `v2`') });
    expect(calls[1]?.json()).toEqual({ body: doc });
  });

  it('is not retried on a 503 (a comment must not be posted twice)', async () => {
    const calls = route('POST', '/rest/api/3/issue/HELP-1/comment', [503, '']);
    await expect(client({ maxRetries: 3 }).issues.comments.add('HELP-1', { body: 'x' })).rejects.toMatchObject({ status: 503 });
    expect(calls).toHaveLength(1);
  });

  it.each([
    [{ body: '   ' }, 'body'],
    [{ body: { type: 'paragraph' } }, 'body'],
    [{ body: 'x', visibility: { type: 'user', value: 'x' } }, 'visibility.type'],
    [{ body: 'x', visibility: { type: 'group' } }, 'visibility.value'],
    [{ body: 'x', internal: 'yes' }, 'internal'],
    [{ body: 'x', format: 'wiki' }, 'format'],
  ])('refuses %j before any request (%s)', async (input, field) => {
    const error = await failure(client().issues.comments.add('HELP-1', input as never));
    expect(error).toBeInstanceOf(InputError);
    expect(error).toMatchObject({ field });
  });

  it('updates with PUT (notifyUsers) and deletes', async () => {
    const put = route('PUT', '/rest/api/3/issue/HELP-1/comment/200', [200, comment('200', 'edited')]);
    const del = route('DELETE', '/rest/api/3/issue/HELP-1/comment/200', [204]);
    const updated = await client().issues.comments.update('HELP-1', '200', { body: 'edited' }, { notifyUsers: false });
    expect(adfToText(updated.body)).toBe('edited');
    expect(put[0]?.query).toEqual({ notifyUsers: 'false' });
    expect(put[0]?.json()).toEqual({ body: textToAdf('edited') });
    await client().issues.comments.delete('HELP-1', '200');
    expect(del).toHaveLength(1);
  });
});
