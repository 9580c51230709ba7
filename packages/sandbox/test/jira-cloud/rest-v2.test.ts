/**
 * REST v2's issue, comment and worklog routes: wiki markup in, wiki markup out, documents in v3.
 */
import { describe, expect, it } from 'vitest';
import { adfToWiki, wikiToAdf } from '../../src/jira-cloud/wiki.js';
import { useJiraSandbox } from './support/sandbox.js';

const ctx = useJiraSandbox({ tickets: 20 });

const types = (node: unknown): string[] => {
  const found: string[] = [];
  const walk = (value: unknown) => {
    if (typeof value !== 'object' || value === null) return;
    const { type, content } = value as { type?: string; content?: unknown[] };
    if (type !== undefined) found.push(type);
    for (const child of content ?? []) walk(child);
  };
  walk(node);
  return found;
};

describe('wiki markup', () => {
  it('converts headings, marks, code, lists, quotes and links to ADF, and back', () => {
    const markup = 'h2. Heading\n\n*bold* and _italic_ and {{code}} and [the runbook|https://wiki.example.com/r]\n\n{code:js}const x = 1;{code}\n\n* one\n* two\n\n# first\n\nbq. quoted\n\n----';
    const document = wikiToAdf(markup);
    expect(types(document)).toEqual([
      'doc', 'heading', 'text', 'paragraph', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'codeBlock', 'text',
      'bulletList', 'listItem', 'paragraph', 'text', 'listItem', 'paragraph', 'text', 'orderedList', 'listItem', 'paragraph', 'text',
      'blockquote', 'paragraph', 'text', 'rule',
    ]);
    expect(JSON.stringify(document)).toContain('"marks":[{"type":"strong"}]');
    expect(document.content[2]).toEqual({ type: 'codeBlock', attrs: { language: 'js' }, content: [{ type: 'text', text: 'const x = 1;' }] });
    expect(adfToWiki(document)).toBe(markup);
  });

  it('keeps keys, dates and lone symbols as text, and single newlines as hard breaks', () => {
    const document = wikiToAdf('HELP-1 since 2026-01-05 costs 5 * 3\nsecond line');
    expect(document.content).toEqual([
      { type: 'paragraph', content: [{ type: 'text', text: 'HELP-1 since 2026-01-05 costs 5 * 3' }, { type: 'hardBreak' }, { type: 'text', text: 'second line' }] },
    ]);
  });
});

describe('/rest/api/2', () => {
  it('creates an issue from a markup description and reads it back as markup (v2) and as a document (v3)', async () => {
    const created = await ctx.call('POST', '/rest/api/2/issue', { json: { fields: { project: { key: 'HELP' }, issuetype: { name: 'Incident' }, summary: 'Markup', description: 'h2. Described\n\n*urgent*' } } });
    expect(created.status).toBe(201);
    const { key, self } = created.body<{ key: string; self: string }>();
    expect(self).toContain('/rest/api/2/issue/');
    const v2 = (await ctx.call('GET', `/rest/api/2/issue/${key}?fields=description`)).body<{ fields: { description: string } }>();
    expect(v2.fields.description).toBe('h2. Described\n\n*urgent*');
    const v3 = (await ctx.call('GET', `/rest/api/3/issue/${key}?fields=description`)).body<{ fields: { description: unknown } }>();
    expect(types(v3.fields.description)).toEqual(['doc', 'heading', 'text', 'paragraph', 'text']);
    expect((await ctx.call('PUT', `/rest/api/2/issue/${key}`, { json: { fields: { description: 'plain now' } } })).status).toBe(204);
    expect((await ctx.call('GET', `/rest/api/2/issue/${key}`)).body<{ fields: { description: string } }>().fields.description).toBe('plain now');
  });

  it('adds, reads, lists, edits and deletes comments as markup', async () => {
    const issue = [...ctx.state.issues.values()].find((candidate) => candidate.key.startsWith('HELP-'));
    const base = `/rest/api/2/issue/${issue?.key}/comment`;
    const created = await ctx.call('POST', base, { json: { body: '*still markup*' } });
    expect(created.status).toBe(201);
    const comment = created.body<{ id: string; body: string; self: string }>();
    expect(comment.body).toBe('*still markup*');
    expect(comment.self).toContain('/rest/api/2/issue/');
    expect((await ctx.call('GET', `${base}/${comment.id}`)).body<{ body: string }>().body).toBe('*still markup*');
    const v3 = (await ctx.call('GET', `/rest/api/3/issue/${issue?.key}/comment/${comment.id}`)).body<{ body: unknown }>();
    expect(JSON.stringify(v3.body)).toContain('"marks":[{"type":"strong"}]');
    const list = (await ctx.call('GET', base)).body<{ comments: { body: unknown }[] }>();
    expect(list.comments.every((entry) => typeof entry.body === 'string')).toBe(true);
    expect((await ctx.call('PUT', `${base}/${comment.id}`, { json: { body: 'h3. Edited' } })).body<{ body: string }>().body).toBe('h3. Edited');
    expect((await ctx.call('DELETE', `${base}/${comment.id}`)).status).toBe(204);
  });

  it('logs work with a markup comment', async () => {
    const issue = [...ctx.state.issues.values()].find((candidate) => candidate.key.startsWith('HELP-'));
    const created = await ctx.call('POST', `/rest/api/2/issue/${issue?.key}/worklog`, { json: { timeSpent: '5m', comment: 'h4. Worklog note' } });
    expect(created.status).toBe(201);
    const worklog = created.body<{ id: string; comment: string }>();
    expect(worklog.comment).toBe('h4. Worklog note');
    const v3 = (await ctx.call('GET', `/rest/api/3/issue/${issue?.key}/worklog/${worklog.id}`)).body<{ comment: unknown }>();
    expect(types(v3.comment)).toContain('heading');
    expect((await ctx.call('PUT', `/rest/api/2/issue/${issue?.key}/worklog/${worklog.id}`, { json: { comment: 'changed' } })).body<{ comment: string }>().comment).toBe('changed');
  });

  it('refuses a document where v2 wants a string, and serves nothing else under v2', async () => {
    const reply = await ctx.call('POST', '/rest/api/2/issue', { json: { fields: { project: { key: 'HELP' }, issuetype: { name: 'Incident' }, summary: 'x', description: { type: 'doc', version: 1, content: [] } } } });
    expect(reply.status).toBe(400);
    expect(reply.body()).toEqual({ errorMessages: [], errors: { description: 'Operation value must be a string' } });
    expect((await ctx.call('GET', '/rest/api/2/myself')).status).toBe(404);
    expect((await ctx.call('GET', '/rest/api/2/search?jql=project%3DHELP')).status).toBe(410);
  });
});
