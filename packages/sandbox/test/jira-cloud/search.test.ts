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

  it('keeps its place when issues leave the result between pages: the token is a cursor, not an offset', async () => {
    // A bot working through a queue resolves what it has read. Jira's nextPageToken carries the sort
    // values of the last issue returned (search-after), so the next page starts after that issue;
    // an offset would skip as many issues as left the result.
    const jql = 'project = HELP AND resolution = Unresolved ORDER BY created ASC';
    const before = await searchAll(jql, ['id'], 5000);
    const first = (await ctx.call('POST', '/rest/api/3/search/jql', { json: { jql, maxResults: 20 } })).body<SearchPage>();
    expect(first.issues).toHaveLength(20);
    for (const issue of first.issues) {
      const resolved = await ctx.call('POST', `/rest/api/3/issue/${issue.id}/transitions`, { json: { transition: { id: '61' }, fields: { resolution: { name: 'Done' } } } });
      expect(resolved.status, resolved.text).toBe(204);
    }
    const seen = first.issues.map((issue) => issue.id);
    let nextPageToken = first.nextPageToken;
    while (nextPageToken !== undefined) {
      const page = (await ctx.call('POST', '/rest/api/3/search/jql', { json: { jql, maxResults: 20, nextPageToken } })).body<SearchPage>();
      seen.push(...page.issues.map((issue) => issue.id));
      nextPageToken = page.nextPageToken;
    }
    expect(seen).toEqual(before.ids);
  });

  it('brings an issue updated between pages back once more under ORDER BY updated ASC, without skipping another', async () => {
    const jql = 'project = HELP ORDER BY updated ASC';
    const before = await searchAll(jql, ['id'], 5000);
    const first = (await ctx.call('POST', '/rest/api/3/search/jql', { json: { jql, maxResults: 50 } })).body<SearchPage>();
    const touched = first.issues[0]?.id ?? '';
    expect((await ctx.call('PUT', `/rest/api/3/issue/${touched}`, { json: { fields: { summary: 'Touched while paging' } } })).status).toBe(204);
    const rest = [];
    let nextPageToken = first.nextPageToken;
    while (nextPageToken !== undefined) {
      const page = (await ctx.call('POST', '/rest/api/3/search/jql', { json: { jql, maxResults: 50, nextPageToken } })).body<SearchPage>();
      rest.push(...page.issues.map((issue) => issue.id));
      nextPageToken = page.nextPageToken;
    }
    expect([...first.issues.map((issue) => issue.id), ...rest]).toEqual([...before.ids, touched]);
  });

  it('takes numeric issue ids in reconcileIssues, not keys', async () => {
    const id = [...ctx.state.issues.keys()][0] ?? 0;
    const ok = await ctx.call('POST', '/rest/api/3/search/jql', { json: { jql: 'project = HELP', reconcileIssues: [id] } });
    expect(ok.status).toBe(200);
    const keys = await ctx.call('POST', '/rest/api/3/search/jql', { json: { jql: 'project = HELP', reconcileIssues: ['HELP-1'] } });
    expect(keys.status).toBe(400);
    expect(keys.body<{ errorMessages: string[] }>().errorMessages[0]).toContain('HELP-1');
    const get = await ctx.call('GET', `/rest/api/3/search/jql?jql=${q('project = HELP')}&reconcileIssues=HELP-1`);
    expect(get.status).toBe(400);
  });

  it('treats an issue key the caller cannot browse as one that does not exist', async () => {
    const reply = await ctx.call('GET', `/rest/api/3/search/jql?jql=${q('key = HELP-1')}`, { auth: ctx.limited });
    expect([reply.status, reply.body()]).toEqual([400, { errorMessages: ["An issue with key 'HELP-1' does not exist for field 'key'."], errors: {} }]);
    const own = await ctx.call('GET', `/rest/api/3/search/jql?jql=${q('key = ITOPS-1')}`, { auth: ctx.limited });
    expect(own.body<SearchPage>().issues).toHaveLength(1);
  });

  it('writes dates in the caller\'s profile zone and reads JQL dates in it (the limited account is in Europe/Berlin)', async () => {
    const issue = ctx.state.issues.get(Number(ctx.state.issueKeys.get('ITOPS-1')));
    if (issue === undefined) throw new Error('no ITOPS-1');
    const berlin = (ms: number) => {
      const parts = Object.fromEntries(new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Berlin', hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).formatToParts(ms).map((part) => [part.type, part.value]));
      return `${parts.year}/${parts.month}/${parts.day} ${parts.hour}:${parts.minute}`;
    };
    const read = (await ctx.call('GET', '/rest/api/3/issue/ITOPS-1?fields=created', { auth: ctx.limited })).body<{ fields: { created: string } }>();
    expect(read.fields.created).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+0[12]00$/u);
    expect(read.fields.created.slice(0, 16).replace('T', ' ').replaceAll('-', '/')).toBe(berlin(issue.created));
    const find = async (jql: string) => (await ctx.call('GET', `/rest/api/3/search/jql?jql=${q(jql)}`, { auth: ctx.limited })).body<SearchPage>().issues.length;
    expect(await find(`key = ITOPS-1 AND created >= "${berlin(issue.created)}"`)).toBe(1);
    expect(await find(`key = ITOPS-1 AND created >= "${berlin(issue.created + 60_000)}"`)).toBe(0);
  });

  it('reads the POST bodies as strictly as Jira: expand is a comma string, unknown keys are refused', async () => {
    const list = await ctx.call('POST', '/rest/api/3/search/jql', { json: { jql: 'project = HELP', fields: ['summary'], expand: ['names'] } });
    expect(list.status).toBe(400);
    const text = await ctx.call('POST', '/rest/api/3/search/jql', { json: { jql: 'project = HELP', fields: ['summary'], expand: 'names', maxResults: 1 } });
    expect(text.body<{ names?: object }>().names).toEqual({ summary: 'Summary' });
    const count = await ctx.call('POST', '/rest/api/3/search/approximate-count', { json: { jql: 'project = HELP', maxResults: 10 } });
    expect([count.status, count.body<{ errorMessages: string[] }>().errorMessages[0]]).toEqual([400, expect.stringContaining('"maxResults"')]);
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
    expect(reply.body()).toEqual({
      queries: [
        { query: 'project = HELP', structure: { where: { field: { name: 'project', encodedName: 'project' }, operator: '=', operand: { value: 'HELP', encodedValue: 'HELP' } } } },
        { query: 'project = NOPE', errors: ["The value 'NOPE' does not exist for the field 'project'."] },
      ],
    });
  });
});
