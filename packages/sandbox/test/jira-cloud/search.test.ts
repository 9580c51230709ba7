import { describe, expect, it } from 'vitest';
import { useJiraSandbox } from './support/sandbox.js';

const ctx = useJiraSandbox();

interface SearchPage {
  issues: { id: string; key?: string; fields?: Record<string, unknown> & { created?: string; summary?: string } }[];
  nextPageToken?: string;
  isLast: boolean;
  total?: number;
}

const q = (jql: string) => encodeURIComponent(jql);

async function searchAll(jql: string, fields: string[], maxResults: number): Promise<{ pages: SearchPage[]; ids: string[] }> {
  const pages: SearchPage[] = [];
  let nextPageToken: string | undefined;
  do {
    const reply = await ctx.call('POST', '/rest/api/3/search/jql', { json: { jql, fields, maxResults, nextPageToken } });
    expect(reply.status, reply.text).toBe(200);
    const page = reply.body<SearchPage>();
    pages.push(page);
    nextPageToken = page.nextPageToken;
    expect(page.isLast).toBe(nextPageToken === undefined);
  } while (nextPageToken !== undefined);
  return { pages, ids: pages.flatMap((page) => page.issues.map((issue) => issue.id)) };
}

describe('enhanced search (/rest/api/3/search/jql)', () => {
  it('pages the 600 seeded issues with nextPageToken: no loss, no duplicates, in ORDER BY order, no total', async () => {
    expect(ctx.state.issues.size).toBe(600);
    const { pages, ids } = await searchAll('project in (HELP, ITOPS) ORDER BY created ASC', ['created', 'summary'], 100);
    expect(pages).toHaveLength(6);
    expect(new Set(ids).size).toBe(600);
    expect(ids.sort()).toEqual([...ctx.state.issues.keys()].map(String).sort());
    const created = pages.flatMap((page) => page.issues.map((issue) => Date.parse(String(issue.fields?.created).replace(/(\d{2})(\d{2})$/u, '$1:$2'))));
    expect(created).toEqual([...created].sort((a, b) => a - b));
    expect(pages.every((page) => page.total === undefined)).toBe(true);
    expect(pages.at(-1)).not.toHaveProperty('nextPageToken');
  });

  it('returns only ids by default, caps pages at 100 with fields and 5000 with ids only', async () => {
    const idsOnly = (await ctx.call('GET', `/rest/api/3/search/jql?jql=${q('project = HELP')}&maxResults=10000`)).body<SearchPage>();
    expect(idsOnly.issues).toHaveLength(480);
    expect(Object.keys(idsOnly.issues[0] ?? {})).toEqual(['id']);
    const withFields = (await ctx.call('GET', `/rest/api/3/search/jql?jql=${q('project = HELP')}&maxResults=10000&fields=summary`)).body<SearchPage>();
    expect(withFields.issues).toHaveLength(100);
    expect(withFields.isLast).toBe(false);
    const byDefault = (await ctx.call('GET', `/rest/api/3/search/jql?jql=${q('project = HELP')}&fields=summary`)).body<SearchPage>();
    expect(byDefault.issues).toHaveLength(50);
  });

  it('counts approximately (here: exactly) what the search finds', async () => {
    const jql = 'project = HELP AND resolution = Unresolved AND priority in (High, Highest)';
    const { ids } = await searchAll(jql, ['id'], 5000);
    const count = await ctx.call('POST', '/rest/api/3/search/approximate-count', { json: { jql } });
    expect(count.body()).toEqual({ count: ids.length });
    expect(ids.length).toBeGreaterThan(0);
  });

  it('reads JQL dates to the minute in the caller\'s zone', async () => {
    const issue = [...ctx.state.issues.values()][100];
    if (issue === undefined) throw new Error('no issue');
    const minute = new Date(issue.updated).toISOString().slice(0, 16).replace('T', ' ');
    const equal = await searchAll(`updated = "${minute}"`, ['updated'], 100);
    expect(equal.ids).toContain(String(issue.id));
    const after = await searchAll(`updated > "${minute}" AND key = ${issue.key}`, ['updated'], 100);
    expect(after.ids).toEqual([]);
  });

  it('supports currentUser(), status categories and text search', async () => {
    const mine = await searchAll('assignee = currentUser() ORDER BY key ASC', ['assignee'], 100);
    const expected = [...ctx.state.issues.values()].filter((issue) => issue.assigneeId === ctx.state.facts.serviceAccount.accountId);
    expect(mine.ids.length).toBe(expected.length);
    const done = await searchAll('statusCategory = Done AND project = ITOPS', ['status'], 100);
    expect(done.pages.flatMap((page) => page.issues.map((issue) => (issue.fields?.status as { name: string }).name))).toEqual(expect.arrayContaining(['Done']));
    const vpn = await searchAll('text ~ "VPN" AND project = HELP', ['summary'], 100);
    expect(vpn.ids.length).toBeGreaterThan(0);
  });

  it('answers JQL errors in Jira\'s shape', async () => {
    const syntax = await ctx.call('POST', '/rest/api/3/search/jql', { json: { jql: 'project = HELP AND' } });
    expect(syntax.status).toBe(400);
    expect(syntax.body<{ errorMessages: string[]; errors: object }>()).toEqual({ errorMessages: [expect.stringMatching(/^Error in (the )?JQL Query: /u)], errors: {} });
    const field = await ctx.call('GET', `/rest/api/3/search/jql?jql=${q('universe = 42')}`);
    expect(field.body()).toEqual({ errorMessages: ["Field 'universe' does not exist or you do not have permission to view it."], errors: {} });
    const value = await ctx.call('GET', `/rest/api/3/search/jql?jql=${q('project = NOPE')}`);
    expect(value.body()).toEqual({ errorMessages: ["The value 'NOPE' does not exist for the field 'project'."], errors: {} });
    const unbounded = await ctx.call('GET', `/rest/api/3/search/jql?jql=${q('ORDER BY key DESC')}`);
    expect(unbounded.body()).toEqual({ errorMessages: ['Unbounded JQL queries are not allowed here. Please add a search restriction to your query.'], errors: {} });
    const token = await ctx.call('POST', '/rest/api/3/search/jql', { json: { jql: 'project = HELP', nextPageToken: 'garbage' } });
    expect(token.status).toBe(400);
  });

  it('does not let the limited account see HELP, not even by name', async () => {
    const reply = await ctx.call('GET', `/rest/api/3/search/jql?jql=${q('project = HELP')}`, { auth: ctx.limited });
    expect(reply.body()).toEqual({ errorMessages: ["The value 'HELP' does not exist for the field 'project'."], errors: {} });
    const own = (await ctx.call('GET', `/rest/api/3/search/jql?jql=${q('project = ITOPS')}&maxResults=500`, { auth: ctx.limited })).body<SearchPage>();
    expect(own.issues).toHaveLength(120);
  });

  it('answers 410 Gone on the removed /rest/api/3/search', async () => {
    for (const [method, path] of [['GET', `/rest/api/3/search?jql=${q('project = HELP')}`], ['POST', '/rest/api/3/search'], ['GET', '/rest/api/2/search']] as const) {
      const reply = await ctx.call(method, path, method === 'POST' ? { json: { jql: 'project = HELP' } } : {});
      expect(reply.status).toBe(410);
      expect(reply.body<{ errorMessages: string[] }>().errorMessages[0]).toContain('/rest/api/3/search/jql');
    }
  });

  it('validates queries with /rest/api/3/jql/parse', async () => {
    const reply = await ctx.call('POST', '/rest/api/3/jql/parse', { json: { queries: ['project = HELP', 'project = NOPE'] } });
    expect(reply.body()).toEqual({ queries: [{ query: 'project = HELP' }, { query: 'project = NOPE', errors: ["The value 'NOPE' does not exist for the field 'project'."] }] });
  });
});
