import { describe, expect, it } from 'vitest';
import { textToAdf } from '../../src/jira-cloud/adf.js';
import { doc } from './support/http.js';
import { useJiraSandbox } from './support/sandbox.js';

const ctx = useJiraSandbox({ tickets: 60 });

interface CommentJson {
  id: string;
  body: unknown;
  jsdPublic: boolean;
  created: string;
  visibility?: { type: string; value: string };
  properties?: { key: string; value: unknown }[];
  author: { accountId: string };
}

interface JsmComment {
  id: string;
  body: string;
  public: boolean;
  created: { iso8601: string; epochMillis: number };
}

async function freshRequest(): Promise<string> {
  const reply = await ctx.call('POST', '/rest/api/3/issue', { json: { fields: { project: { key: 'HELP' }, issuetype: { name: 'Incident' }, summary: 'Comment on me' } } });
  return reply.body<{ key: string }>().key;
}

describe('platform comments', () => {
  it('adds ADF comments (201), pages them with total, and orders by -created', async () => {
    const key = await freshRequest();
    for (const text of ['one', 'two', 'three']) {
      const reply = await ctx.call('POST', `/rest/api/3/issue/${key}/comment`, { json: { body: doc(text) } });
      expect(reply.status).toBe(201);
      expect(reply.body<CommentJson>()).toMatchObject({ body: doc(text), jsdPublic: true, author: { accountId: ctx.state.facts.serviceAccount.accountId } });
    }
    const page = (await ctx.call('GET', `/rest/api/3/issue/${key}/comment?startAt=1&maxResults=1&orderBy=-created`)).body<{ startAt: number; maxResults: number; total: number; comments: CommentJson[] }>();
    expect(page).toMatchObject({ startAt: 1, maxResults: 1, total: 3 });
    expect(page.comments.map((comment) => comment.body)).toEqual([doc('two')]);
    expect((await ctx.call('GET', `/rest/api/3/issue/${key}/comment?orderBy=author`)).status).toBe(400);
  });

  it('rejects a string body with the ADF message', async () => {
    const reply = await ctx.call('POST', `/rest/api/3/issue/${await freshRequest()}/comment`, { json: { body: 'plain' } });
    expect(reply.status).toBe(400);
    expect(reply.body()).toEqual({ errorMessages: [], errors: { comment: 'Operation value must be an Atlassian Document (see the Atlassian Document Format)' } });
  });

  it('makes an internal JSM note from the sd.public.comment property, which JSM then hides from its public list', async () => {
    const key = await freshRequest();
    const note = await ctx.call('POST', `/rest/api/3/issue/${key}/comment?expand=properties`, { json: { body: doc('agents only'), properties: [{ key: 'sd.public.comment', value: { internal: true } }] } });
    expect(note.body<CommentJson>()).toMatchObject({ jsdPublic: false, properties: [{ key: 'sd.public.comment', value: { internal: true } }] });
    const jsmPublic = (await ctx.call('GET', `/rest/servicedeskapi/request/${key}/comment?internal=false`)).body<{ values: JsmComment[] }>();
    expect(jsmPublic.values).toEqual([]);
    const jsmAll = (await ctx.call('GET', `/rest/servicedeskapi/request/${key}/comment`)).body<{ values: JsmComment[] }>();
    expect(jsmAll.values.map((comment) => [comment.body, comment.public])).toEqual([['agents only', false]]);
  });

  it('restricts by role visibility: only members of the role see the comment', async () => {
    const visible = await ctx.call('POST', '/rest/api/3/issue/ITOPS-1/comment', { json: { body: doc('members only'), visibility: { type: 'role', value: 'Member' } } });
    expect(visible.body<CommentJson>().visibility).toMatchObject({ type: 'role', value: 'Member' });
    const id = visible.body<CommentJson>().id;
    expect((await ctx.call('GET', `/rest/api/3/issue/ITOPS-1/comment/${id}`)).status).toBe(200);
    expect((await ctx.call('GET', `/rest/api/3/issue/ITOPS-1/comment/${id}`, { auth: ctx.limited })).status).toBe(404);
    const notMember = await ctx.call('POST', '/rest/api/3/issue/ITOPS-1/comment', { json: { body: doc('x'), visibility: { type: 'role', value: 'Administrators' } } });
    expect(notMember.body<{ errors: Record<string, string> }>().errors).toEqual({ commentLevel: 'You are currently not a member of the project role: Administrators.' });
  });

  it('keeps restricted comments out of JQL text search for callers who cannot see them', async () => {
    const issue = ctx.state.issues.get(Number(ctx.state.issueKeys.get('ITOPS-2')));
    if (issue === undefined) throw new Error('no ITOPS-2');
    const admin = [...ctx.state.users.values()].find((user) => user.kind === 'admin');
    issue.comments.push({ id: 99_999, issueId: issue.id, authorId: admin?.accountId ?? '', body: textToAdf('zanzibar rollout plan'), created: issue.updated, updated: issue.updated, updateAuthorId: admin?.accountId ?? '', visibility: { type: 'role', value: 'Administrators' }, jsdPublic: true, properties: [] });
    const search = await ctx.call('GET', `/rest/api/3/search/jql?jql=${encodeURIComponent('comment ~ zanzibar')}`);
    expect(search.body<{ issues: unknown[] }>().issues).toEqual([]);
    const text = await ctx.call('GET', `/rest/api/3/search/jql?jql=${encodeURIComponent('text ~ zanzibar')}`);
    expect(text.body<{ issues: unknown[] }>().issues).toEqual([]);
  });

  it('refuses comments from an account that may only browse, and edits of others\' comments, with 400 as the spec documents', async () => {
    const add = await ctx.call('POST', '/rest/api/3/issue/ITOPS-1/comment', { auth: ctx.limited, json: { body: doc('x') } });
    expect(add.status).toBe(400);
    const issue = [...ctx.state.issues.values()].find((candidate) => candidate.key.startsWith('ITOPS-') && candidate.comments.some((comment) => comment.authorId !== ctx.state.facts.serviceAccount.accountId));
    const comment = issue?.comments.find((candidate) => candidate.authorId !== ctx.state.facts.serviceAccount.accountId);
    if (issue === undefined || comment === undefined) throw new Error('no ITOPS comment by someone else');
    const edit = await ctx.call('PUT', `/rest/api/3/issue/${issue.key}/comment/${comment.id}`, { json: { body: doc('not mine') } });
    expect(edit.status).toBe(400);
    const remove = await ctx.call('DELETE', `/rest/api/3/issue/${issue.key}/comment/${comment.id}`);
    expect(remove.status).toBe(400);
  });

  it('updates (200) and deletes (204) a comment', async () => {
    const key = await freshRequest();
    const id = (await ctx.call('POST', `/rest/api/3/issue/${key}/comment`, { json: { body: doc('typo') } })).body<CommentJson>().id;
    const updated = await ctx.call('PUT', `/rest/api/3/issue/${key}/comment/${id}`, { json: { body: doc('fixed') } });
    expect([updated.status, updated.body<CommentJson>().body]).toEqual([200, doc('fixed')]);
    expect((await ctx.call('DELETE', `/rest/api/3/issue/${key}/comment/${id}`)).status).toBe(204);
    expect((await ctx.call('GET', `/rest/api/3/issue/${key}/comment/${id}`)).status).toBe(404);
  });
});

describe('JSM request comments', () => {
  it('posts string bodies with the public flag; an internal one is jsdPublic:false on the platform side', async () => {
    const key = await freshRequest();
    const internal = await ctx.call('POST', `/rest/servicedeskapi/request/${key}/comment`, { json: { body: 'Checked the logs.\n\nNothing yet.', public: false } });
    expect(internal.status).toBe(201);
    expect(internal.body<JsmComment>()).toMatchObject({ body: 'Checked the logs.\n\nNothing yet.', public: false });
    const publicReply = await ctx.call('POST', `/rest/servicedeskapi/request/${key}/comment`, { json: { body: 'We are on it', public: true } });
    expect(publicReply.body<JsmComment>().created.iso8601).toMatch(/\+0000$/);
    const platform = (await ctx.call('GET', `/rest/api/3/issue/${key}/comment?expand=properties`)).body<{ comments: CommentJson[] }>();
    expect(platform.comments.map((comment) => [comment.jsdPublic, comment.properties?.some((property) => property.key === 'sd.public.comment')])).toEqual([
      [false, true],
      [true, false],
    ]);
    const onlyPublic = (await ctx.call('GET', `/rest/servicedeskapi/request/${key}/comment?internal=false`)).body<{ size: number; values: JsmComment[] }>();
    expect(onlyPublic.values.map((comment) => comment.body)).toEqual(['We are on it']);
  });

  it('reads public as a JSON boolean (a "true" string too, as Jira\'s JSON reader does) and refuses anything else', async () => {
    const key = await freshRequest();
    const text = await ctx.call('POST', `/rest/servicedeskapi/request/${key}/comment`, { json: { body: 'Quoted flag', public: 'true' } });
    expect([text.status, text.body<JsmComment>().public]).toEqual([201, true]);
    const odd = await ctx.call('POST', `/rest/servicedeskapi/request/${key}/comment`, { json: { body: 'Odd flag', public: 'yes' } });
    expect(odd.status).toBe(400);
  });

  it('rejects an ADF body: JSM comments are strings', async () => {
    const reply = await ctx.call('POST', `/rest/servicedeskapi/request/${await freshRequest()}/comment`, { json: { body: doc('x'), public: true } });
    expect(reply.status).toBe(400);
    expect(reply.body()).toMatchObject({ errorMessage: expect.any(String), i18nErrorMessage: { i18nKey: expect.any(String) } });
  });

  it('shows the seeded mix of public and internal comments', async () => {
    const key = ctx.state.facts.issueWithInternalComment;
    const all = (await ctx.call('GET', `/rest/servicedeskapi/request/${key}/comment`)).body<{ values: JsmComment[] }>();
    expect(new Set(all.values.map((comment) => comment.public))).toEqual(new Set([true, false]));
  });
});
