import { describe, expect, it } from 'vitest';
import { doc } from './support/http.js';
import { useJiraSandbox } from './support/sandbox.js';

const ctx = useJiraSandbox({ tickets: 80 });

interface IssueJson {
  id: string;
  key: string;
  self: string;
  fields: Record<string, unknown> & { summary?: string; labels?: string[]; description?: unknown; status?: { name: string }; assignee?: { accountId: string } | null };
  names?: Record<string, string>;
  transitions?: { id: string; name: string }[];
  changelog?: { histories: { items: { field: string }[] }[] };
}

async function create(fields: Record<string, unknown>) {
  return ctx.call('POST', '/rest/api/3/issue', { json: { fields: { project: { key: 'HELP' }, issuetype: { name: 'Incident' }, summary: 'Printer on fire', ...fields } } });
}

describe('issues', () => {
  it('creates an issue (201 {id,key,self}) and reads it back with every field, in the workflow\'s first status', async () => {
    const agent = ctx.state.facts.agent.accountId;
    const created = await create({
      description: doc('Smoke everywhere.'),
      labels: ['printer', 'urgent'],
      priority: { name: 'High' },
      assignee: { accountId: agent },
      reporter: { accountId: ctx.state.facts.knownRequester.accountId },
      customfield_10020: { value: 'Significant / Large' },
      customfield_10010: 'help/systemproblem',
    });
    expect(created.status).toBe(201);
    const { id, key, self } = created.body<{ id: string; key: string; self: string }>();
    expect(key).toMatch(/^HELP-\d+$/);
    expect(self).toBe(`${ctx.sb.url('jira-cloud')}/rest/api/3/issue/${id}`);
    const issue = (await ctx.call('GET', `/rest/api/3/issue/${key}?expand=names`)).body<IssueJson>();
    expect(issue.fields).toMatchObject({
      summary: 'Printer on fire',
      labels: ['printer', 'urgent'],
      status: { name: 'Waiting for support', statusCategory: { key: 'new' } },
      priority: { name: 'High' },
      assignee: { accountId: agent },
      reporter: { accountId: ctx.state.facts.knownRequester.accountId },
      creator: { accountId: ctx.state.facts.serviceAccount.accountId },
      resolution: null,
      customfield_10020: { value: 'Significant / Large' },
      customfield_10010: { requestType: { name: 'Report a system problem' } },
      description: doc('Smoke everywhere.'),
    });
    expect(issue.names?.customfield_10010).toBe('Request Type');
    expect(issue.fields.created).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+0000$/);
  });

  it('rejects a plain-string description with Jira\'s ADF message', async () => {
    const reply = await create({ description: 'plain text' });
    expect(reply.status).toBe(400);
    expect(reply.body()).toEqual({ errorMessages: [], errors: { description: 'Operation value must be an Atlassian Document (see the Atlassian Document Format)' } });
    const broken = await create({ description: { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: '' }] }] } });
    expect(broken.body()).toEqual({ errorMessages: [], errors: { description: 'INVALID_INPUT' } });
  });

  it('reports every field error at once', async () => {
    const reply = await ctx.call('POST', '/rest/api/3/issue', { json: { fields: { project: { key: 'NOPE' }, priority: { name: 'Whenever' }, environment: 'x' } } });
    expect(reply.status).toBe(400);
    expect(reply.body<{ errors: Record<string, string> }>().errors).toEqual({
      project: 'Specify a valid project ID or key',
      issuetype: 'Specify an issue type',
      summary: 'You must specify a summary of the issue.',
      priority: 'The priority selected is invalid.',
      environment: "Field 'environment' cannot be set. It is not on the appropriate screen, or unknown.",
    });
  });

  it('refuses a field named __proto__ like any other unknown field (400), on create and on edit', async () => {
    const raw = '{"fields":{"project":{"key":"HELP"},"issuetype":{"name":"Incident"},"summary":"x","__proto__":{"polluted":true}}}';
    const reply = await ctx.call('POST', '/rest/api/3/issue', { body: raw, headers: { 'content-type': 'application/json' } });
    expect(reply.status).toBe(400);
    expect(Object.entries(reply.body<{ errors: Record<string, string> }>().errors)).toEqual([
      ['__proto__', "Field '__proto__' cannot be set. It is not on the appropriate screen, or unknown."],
    ]);
    const key = (await create({})).body<{ key: string }>().key;
    const edit = await ctx.call('PUT', `/rest/api/3/issue/${key}`, { body: '{"fields":{"__proto__":1}}', headers: { 'content-type': 'application/json' } });
    expect(edit.status).toBe(400);
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });

  it('edits with fields and update operations (204), records a changelog, and honours returnIssue', async () => {
    const key = (await create({ labels: ['a'] })).body<{ key: string }>().key;
    const edit = await ctx.call('PUT', `/rest/api/3/issue/${key}`, { json: { fields: { summary: 'Printer fixed' }, update: { labels: [{ add: 'b' }, { remove: 'a' }], comment: [{ add: { body: doc('done') } }] } } });
    expect(edit.status).toBe(204);
    const issue = (await ctx.call('GET', `/rest/api/3/issue/${key}?fields=summary,labels,comment&expand=changelog`)).body<IssueJson>();
    expect(issue.fields.summary).toBe('Printer fixed');
    expect(issue.fields.labels).toEqual(['b']);
    expect(issue.fields.comment).toMatchObject({ total: 1 });
    expect(issue.changelog?.histories.flatMap((history) => history.items.map((item) => item.field))).toEqual(expect.arrayContaining(['summary', 'labels']));
    const returned = await ctx.call('PUT', `/rest/api/3/issue/${key}?returnIssue=true`, { json: { fields: { summary: 'Back' } } });
    expect([returned.status, returned.body<IssueJson>().fields.summary]).toEqual([200, 'Back']);
  });

  it('refuses notifyUsers=false to a non-admin, as Jira does', async () => {
    const reply = await ctx.call('PUT', '/rest/api/3/issue/HELP-1?notifyUsers=false', { json: { fields: { summary: 'quiet' } } });
    expect(reply.status).toBe(403);
    expect(reply.body()).toEqual({ errorMessages: ['To discard the user notification either admin or project admin permissions are required.'], errors: {} });
  });

  it('deletes (204); an issue with sub-tasks needs deleteSubtasks=true', async () => {
    const parent = ctx.state.facts.issueWithSubtasks;
    const refused = await ctx.call('DELETE', `/rest/api/3/issue/${parent}`);
    expect(refused.status).toBe(400);
    expect(refused.body<{ errorMessages: string[] }>().errorMessages[0]).toContain('subtasks');
    expect((await ctx.call('DELETE', `/rest/api/3/issue/${parent}?deleteSubtasks=true`)).status).toBe(204);
    const gone = await ctx.call('GET', `/rest/api/3/issue/${parent}`);
    expect(gone.status).toBe(404);
    expect(gone.body()).toEqual({ errorMessages: ['Issue does not exist or you do not have permission to see it.'], errors: {} });
  });

  it('hides HELP from the limited account (404) and lets it read but not edit ITOPS (400, as the spec documents)', async () => {
    expect((await ctx.call('GET', '/rest/api/3/issue/HELP-1', { auth: ctx.limited })).status).toBe(404);
    expect((await ctx.call('GET', '/rest/api/3/issue/ITOPS-1', { auth: ctx.limited })).status).toBe(200);
    // Without Edit issues no field is on the account's edit screen (editmeta is empty), so each one is refused.
    const edit = await ctx.call('PUT', '/rest/api/3/issue/ITOPS-1', { auth: ctx.limited, json: { fields: { summary: 'x' }, update: { labels: [{ add: 'y' }] } } });
    expect([edit.status, edit.body()]).toEqual([
      400,
      { errorMessages: [], errors: { summary: "Field 'summary' cannot be set. It is not on the appropriate screen, or unknown.", labels: "Field 'labels' cannot be set. It is not on the appropriate screen, or unknown." } },
    ]);
    expect(ctx.state.issues.get(Number(ctx.state.issueKeys.get('ITOPS-1')))?.summary).not.toBe('x');
  });

  it('selects fields (list, -exclusion) and finds issues by id or key in any case', async () => {
    const some = (await ctx.call('GET', '/rest/api/3/issue/help-2?fields=summary,status')).body<IssueJson>();
    expect(Object.keys(some.fields).sort()).toEqual(['status', 'summary']);
    const without = (await ctx.call('GET', `/rest/api/3/issue/${some.id}?fields=*all,-comment`)).body<IssueJson>();
    expect(without.key).toBe('HELP-2');
    expect('comment' in without.fields).toBe(false);
    expect('summary' in without.fields).toBe(true);
  });
});
