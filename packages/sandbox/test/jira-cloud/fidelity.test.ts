/**
 * Answers that used to differ from Jira Cloud (issue 12), each pinned to what the platform OpenAPI
 * document (`jira-platform.v3.json`), the JSM document (`jira-servicedesk.json`) or a measurement
 * of Jira Cloud says.
 */
import { describe, expect, it } from 'vitest';
import { useJiraSandbox } from './support/sandbox.js';

const ctx = useJiraSandbox({ tickets: 40 });

interface Collection {
  size: number;
  items: unknown[];
}

describe('GET /rest/api/3/myself and /user', () => {
  // Spec, GET /rest/api/3/myself, 200 example: "applicationRoles":{"items":[],"size":1} and
  // "groups":{"items":[],"size":3} — both collections are always there, collapsed unless expanded.
  it('always returns groups and applicationRoles, collapsed to { size, items: [] } unless expanded', async () => {
    const me = ctx.state.users.get(ctx.state.facts.serviceAccount.accountId);
    const plain = (await ctx.call('GET', '/rest/api/3/myself')).body<{ groups: Collection; applicationRoles: Collection }>();
    expect(plain.groups).toEqual({ size: me?.groups.length, items: [] });
    expect(plain.groups.size).toBeGreaterThan(0);
    expect(plain.applicationRoles.items).toEqual([]);
    expect(plain.applicationRoles.size).toBeGreaterThan(0);

    const expanded = (await ctx.call('GET', '/rest/api/3/myself?expand=groups,applicationRoles')).body<{ groups: Collection; applicationRoles: Collection }>();
    expect(expanded.groups.items).toHaveLength(expanded.groups.size);
    expect(expanded.applicationRoles.items).toHaveLength(expanded.applicationRoles.size);
  });

  // Spec, GET /rest/api/3/user, 200 example: the same collapsed collections.
  it('does the same for GET /user, and leaves them out of user lists (spec: GET /user/search example)', async () => {
    const { accountId } = ctx.state.facts.agent;
    const user = (await ctx.call('GET', `/rest/api/3/user?accountId=${accountId}`)).body<{ groups: Collection }>();
    expect(user.groups.items).toEqual([]);
    const found = (await ctx.call('GET', `/rest/api/3/user/search?accountId=${accountId}`)).body<Record<string, unknown>[]>();
    expect(found[0]).not.toHaveProperty('groups');
  });
});

describe('POST /rest/api/3/jql/parse', () => {
  const parse = async (queries: string[], validation?: string) =>
    (await ctx.call('POST', `/rest/api/3/jql/parse${validation === undefined ? '' : `?validation=${validation}`}`, { json: { queries } })).body<{
      queries: { query: string; structure?: Record<string, unknown>; errors?: string[]; warnings?: string[] }[];
    }>().queries;

  // Spec, POST /rest/api/3/jql/parse, 200 example: `structure` holds `where` (CompoundClause /
  // FieldValueClause with `field.name`, `operator`, `operand`) and `orderBy.fields[].field.name`
  // with `direction`; `validation` (strict | warn | none) decides whether it comes with errors.
  it('returns the syntax tree in structure: where, orderBy.fields[].field.name, direction', async () => {
    const [query] = await parse(['summary ~ vpn AND (labels in (urgent, "on call") OR assignee = currentUser()) AND NOT status IS EMPTY ORDER BY updated DESC, key']);
    expect(query?.errors).toBeUndefined();
    expect(query?.structure).toEqual({
      where: {
        operator: 'and',
        clauses: [
          { field: { name: 'summary', encodedName: 'summary' }, operator: '~', operand: { value: 'vpn', encodedValue: 'vpn' } },
          {
            operator: 'or',
            clauses: [
              {
                field: { name: 'labels', encodedName: 'labels' },
                operator: 'in',
                operand: { values: [{ value: 'urgent', encodedValue: 'urgent' }, { value: 'on call', encodedValue: '"on call"' }], encodedOperand: '(urgent, "on call")' },
              },
              { field: { name: 'assignee', encodedName: 'assignee' }, operator: '=', operand: { function: 'currentUser', arguments: [], encodedOperand: 'currentUser()' } },
            ],
          },
          { operator: 'not', clauses: [{ field: { name: 'status', encodedName: 'status' }, operator: 'is', operand: { keyword: 'empty' } }] },
        ],
      },
      orderBy: { fields: [{ field: { name: 'updated', encodedName: 'updated' }, direction: 'desc' }, { field: { name: 'key', encodedName: 'key' } }] },
    });
  });

  it('gives the structure with warnings (warn) or without validation (none), never for a syntax error', async () => {
    const suspicious = 'project = NOPE';
    expect((await parse([suspicious], 'strict'))[0]).toEqual({ query: suspicious, errors: ["The value 'NOPE' does not exist for the field 'project'."] });
    expect((await parse([suspicious], 'warn'))[0]).toMatchObject({ warnings: ["The value 'NOPE' does not exist for the field 'project'."], structure: { where: {} } });
    expect((await parse(['nosuchfield = 1'], 'none'))[0]).toMatchObject({ structure: { where: { field: { name: 'nosuchfield' } } } });
    for (const mode of ['strict', 'warn', 'none']) {
      const [broken] = await parse(['project = "unterminated'], mode);
      expect(broken?.structure).toBeUndefined();
      expect(broken?.errors?.length).toBe(1);
    }
    expect((await ctx.call('POST', '/rest/api/3/jql/parse?validation=loose', { json: { queries: ['project = HELP'] } })).status).toBe(400);
  });
});

describe('GET /rest/api/3/project/search', () => {
  interface Page {
    values: { key: string; name: string }[];
    total: number;
    isLast: boolean;
    maxResults: number;
    self: string;
    nextPage?: string;
  }
  const search = async (query: string) => (await ctx.call('GET', `/rest/api/3/project/search${query}`)).body<Page>();

  // Spec: orderBy (default `key`; `-` descending, `+` ascending), `query` (key or name, case
  // insensitive), `keys`, `id`, `typeKey` (comma-separated), `maxResults` at most 100.
  it('orders by key by default, and by orderBy (- for descending)', async () => {
    expect((await search('')).values.map((project) => project.key)).toEqual(['HELP', 'ITOPS']);
    expect((await search('?orderBy=-key')).values.map((project) => project.key)).toEqual(['ITOPS', 'HELP']);
    expect((await search('?orderBy=%2Bkey')).values.map((project) => project.key)).toEqual(['HELP', 'ITOPS']);
    const byName = (await search('?orderBy=name')).values.map((project) => project.name);
    expect(byName).toEqual([...byName].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())));
    expect((await ctx.call('GET', '/rest/api/3/project/search?orderBy=size')).status).toBe(400);
  });

  it('filters by query, keys, id and typeKey', async () => {
    expect((await search('?query=itop')).values.map((project) => project.key)).toEqual(['ITOPS']);
    expect((await search('?keys=HELP&keys=NOPE')).values.map((project) => project.key)).toEqual(['HELP']);
    expect((await search('?typeKey=software,business')).values.map((project) => project.key)).toEqual(['ITOPS']);
    const help = [...ctx.state.projects.values()].find((project) => project.key === 'HELP');
    expect((await search(`?id=${help?.id}`)).values.map((project) => project.key)).toEqual(['HELP']);
    expect((await search('?query=nothing-like-this')).total).toBe(0);
  });

  it('pages with startAt and maxResults (at most 100), with self and nextPage links', async () => {
    const first = await search('?maxResults=1&orderBy=-key');
    expect(first).toMatchObject({ maxResults: 1, total: 2, isLast: false, values: [{ key: 'ITOPS' }] });
    expect(first.nextPage).toBe(`${ctx.sb.url('jira-cloud')}/rest/api/3/project/search?orderBy=-key&startAt=1&maxResults=1`);
    const second = await search('?maxResults=1&orderBy=-key&startAt=1');
    expect(second).toMatchObject({ isLast: true, values: [{ key: 'HELP' }] });
    expect(second).not.toHaveProperty('nextPage');
    expect((await search('?maxResults=500')).maxResults).toBe(100);
  });
});

describe('GET /rest/api/3/project/{projectIdOrKey}', () => {
  // Spec: "projectIdOrKey: The project ID or project key (case sensitive)."
  it('treats the key as case sensitive: help is not HELP', async () => {
    expect((await ctx.call('GET', '/rest/api/3/project/HELP')).status).toBe(200);
    const lower = await ctx.call('GET', '/rest/api/3/project/help');
    expect(lower.status).toBe(404);
    expect(lower.body()).toEqual({ errorMessages: ["No project could be found with key 'help'."], errors: {} });
    expect((await ctx.call('GET', '/rest/api/3/project/help/statuses')).status).toBe(404);
  });
});

describe('GET /rest/servicedeskapi/request/{issueIdOrKey}/comment', () => {
  // JSM spec: 404 "Returned if the customer request does not exist" — as the other request routes answer.
  it('answers 404 for an unknown request, like GET /request/{issueIdOrKey}', async () => {
    for (const path of ['/rest/servicedeskapi/request/HELP-99999/comment', '/rest/servicedeskapi/request/HELP-99999']) {
      const reply = await ctx.call('GET', path);
      expect(reply.status, path).toBe(404);
      expect(reply.body<{ i18nErrorMessage: { i18nKey: string } }>().i18nErrorMessage.i18nKey).toBe('sd.request.error.request.not.found');
    }
    const itops = [...ctx.state.issues.values()].find((issue) => issue.key.startsWith('ITOPS-'));
    expect((await ctx.call('GET', `/rest/servicedeskapi/request/${itops?.key}/comment`)).status).toBe(404);
  });
});

describe('literal paths the spec has beside a {param} route', () => {
  // Spec: GET /rest/api/3/priority/search (PageBeanPriority) and GET /rest/api/3/issue/picker
  // (IssuePickerSuggestions) are their own operations, not a priority or an issue called "search"/"picker".
  it('serves /priority/search: a page of priorities, filtered by id and name, none marked default', async () => {
    const page = (await ctx.call('GET', '/rest/api/3/priority/search')).body<{ values: { id: string; name: string; isDefault: boolean }[]; total: number; isLast: boolean }>();
    expect(page.values.map((priority) => priority.name)).toEqual(['Highest', 'High', 'Medium', 'Low', 'Lowest']);
    expect(page.values.every((priority) => !priority.isDefault)).toBe(true);
    expect((await ctx.call('GET', '/rest/api/3/priority/search?id=2&id=4')).body<{ values: { id: string }[] }>().values.map((priority) => priority.id)).toEqual(['2', '4']);
    expect((await ctx.call('GET', '/rest/api/3/priority/search?priorityName=low')).body<{ values: { name: string }[] }>().values.map((priority) => priority.name)).toEqual(['Low', 'Lowest']);
    expect((await ctx.call('GET', '/rest/api/3/priority/search?maxResults=1')).body<{ maxResults: number; values: unknown[] }>()).toMatchObject({ maxResults: 1, values: [{}] });
    expect((await ctx.call('GET', '/rest/api/3/priority/3')).body<{ name: string }>().name).toBe('Medium');
  });

  it('serves /issue/picker: History Search by key prefix or summary words, Current Search within currentJQL', async () => {
    const issue = [...ctx.state.issues.values()].find((candidate) => candidate.key.startsWith('HELP-'));
    if (issue === undefined) throw new Error('no HELP issue');
    const word = issue.summary.split(/\s+/u).find((candidate) => candidate.length > 4) ?? issue.summary;
    const reply = await ctx.call('GET', `/rest/api/3/issue/picker?query=${encodeURIComponent(issue.key)}`);
    const sections = reply.body<{ sections: { id: string; label: string; sub: string; issues: { key: string; summaryText: string; id: number }[] }[] }>().sections;
    expect(sections.map((section) => section.id)).toEqual(['hs']);
    expect(sections[0]?.issues.map((suggested) => suggested.key)).toContain(issue.key);
    expect(sections[0]?.issues.find((suggested) => suggested.key === issue.key)).toMatchObject({ id: issue.id, summaryText: issue.summary });

    const withJql = await ctx.call('GET', `/rest/api/3/issue/picker?query=${encodeURIComponent(word)}&currentJQL=${encodeURIComponent('project = ITOPS')}`);
    const [history, current] = withJql.body<{ sections: { id: string; issues: { key: string }[] }[] }>().sections;
    expect(current?.id).toBe('cs');
    expect(current?.issues.every((suggested) => suggested.key.startsWith('ITOPS-'))).toBe(true);
    expect(history?.issues.some((suggested) => suggested.key === issue.key)).toBe(true);
    const excluded = await ctx.call('GET', `/rest/api/3/issue/picker?query=${encodeURIComponent(issue.key)}&currentIssueKey=${issue.key}`);
    expect(excluded.body<{ sections: { issues: { key: string }[] }[] }>().sections[0]?.issues.map((suggested) => suggested.key)).not.toContain(issue.key);
  });

  it('answers the router\'s unknown-route 404 for a literal path it does not serve (/project/type)', async () => {
    const reply = await ctx.call('GET', '/rest/api/3/project/type');
    expect(reply.status).toBe(404);
    expect(reply.body()).toEqual({ errorMessages: [`null for uri: ${ctx.sb.url('jira-cloud')}/rest/api/3/project/type`], errors: {} });
  });
});

describe('bare words in the enhanced search', () => {
  // Jira Cloud's enhanced search reads a query of bare words as a text search and answers 200:
  // jira.js's live suite against Jira Cloud (MrRefactoring/jira.js, tests/live/cloud/issueSearch.test.ts,
  // "accepts bare words as a text search rather than rejecting them") gets `issues: []` for
  // `jql: 'this is not jql'`, and a 400 for `project = "unterminated`. /jql/parse keeps the
  // classic parser's answer (spec example: "invalid query" → "Expecting operator but got 'query'").
  it('answers bare words with 200 and the issues whose text matches them', async () => {
    const none = await ctx.call('GET', `/rest/api/3/search/jql?jql=${encodeURIComponent('this is not jql')}`);
    expect(none.status).toBe(200);
    expect(none.body<{ issues: unknown[] }>().issues).toEqual([]);

    const issue = [...ctx.state.issues.values()].find((candidate) => candidate.key.startsWith('HELP-'));
    if (issue === undefined) throw new Error('no HELP issue');
    issue.summary = 'Zeppelin hangar printer jammed';
    const found = await ctx.call('POST', '/rest/api/3/search/jql', { json: { jql: 'zeppelin hangar', fields: ['summary'] } });
    expect(found.status).toBe(200);
    expect(found.body<{ issues: { key: string }[] }>().issues.map((match) => match.key)).toEqual([issue.key]);
    expect((await ctx.call('POST', '/rest/api/3/search/approximate-count', { json: { jql: 'zeppelin hangar' } })).body()).toEqual({ count: 1 });
  });

  it('still answers 400 for JQL that is malformed in any other way', async () => {
    for (const jql of ['project = "unterminated', 'this is not jql ((', 'project =']) {
      expect((await ctx.call('GET', `/rest/api/3/search/jql?jql=${encodeURIComponent(jql)}`)).status, jql).toBe(400);
    }
    const parsed = (await ctx.call('POST', '/rest/api/3/jql/parse', { json: { queries: ['invalid query'] } })).body<{ queries: { errors: string[] }[] }>();
    expect(parsed.queries[0]?.errors[0]).toContain("Expecting operator but got 'query'");
  });
});
