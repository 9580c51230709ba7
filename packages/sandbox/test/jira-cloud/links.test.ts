/**
 * Issue links and link types, remote links, watchers, issue properties and labels.
 */
import { describe, expect, it } from 'vitest';
import { useJiraSandbox } from './support/sandbox.js';

const ctx = useJiraSandbox({ tickets: 30 });

const issuesOf = (prefix: string) => [...ctx.state.issues.values()].filter((issue) => issue.key.startsWith(`${prefix}-`));

interface LinkJson {
  id: string;
  type: { name: string; inward: string; outward: string };
  inwardIssue?: { key: string };
  outwardIssue?: { key: string };
}

describe('issue links', () => {
  it('lists the link types and finds one by id (404 for an unknown id)', async () => {
    const types = (await ctx.call('GET', '/rest/api/3/issueLinkType')).body<{ issueLinkTypes: { id: string; name: string; inward: string; outward: string; self: string }[] }>().issueLinkTypes;
    expect(types.find((type) => type.name === 'Relates')).toMatchObject({ inward: 'relates to', outward: 'relates to' });
    const blocks = types.find((type) => type.name === 'Blocks');
    expect((await ctx.call('GET', `/rest/api/3/issueLinkType/${blocks?.id}`)).body()).toEqual(blocks);
    expect((await ctx.call('GET', '/rest/api/3/issueLinkType/99999999')).status).toBe(404);
  });

  it('links two issues (201, no body), shows the link on both sides, reads it by id and deletes it', async () => {
    const [target, source] = issuesOf('HELP');
    const created = await ctx.call('POST', '/rest/api/3/issueLink', { json: { type: { name: 'blocks' }, inwardIssue: { key: target?.key }, outwardIssue: { key: source?.key } } });
    expect(created.status).toBe(201);
    expect(created.text).toBe('');
    const fieldsOf = async (key: string | undefined) =>
      (await ctx.call('GET', `/rest/api/3/issue/${key}?fields=issuelinks`)).body<{ fields: { issuelinks: LinkJson[] } }>().fields.issuelinks;
    const fromSource = await fieldsOf(source?.key);
    const fromTarget = await fieldsOf(target?.key);
    expect(fromSource).toHaveLength(1);
    expect(fromSource[0]?.inwardIssue?.key).toBe(target?.key);
    expect(fromSource[0]).not.toHaveProperty('outwardIssue');
    expect(fromTarget[0]?.outwardIssue?.key).toBe(source?.key);
    expect(fromTarget[0]?.id).toBe(fromSource[0]?.id);

    const link = (await ctx.call('GET', `/rest/api/3/issueLink/${fromSource[0]?.id}`)).body<LinkJson>();
    expect(link).toMatchObject({ type: { name: 'Blocks' }, inwardIssue: { key: target?.key }, outwardIssue: { key: source?.key } });

    expect((await ctx.call('DELETE', `/rest/api/3/issueLink/${link.id}`)).status).toBe(204);
    expect((await ctx.call('GET', `/rest/api/3/issueLink/${link.id}`)).status).toBe(404);
    expect(await fieldsOf(source?.key)).toEqual([]);
  });

  it('adds the comment of a link request to the outward issue, and refuses bad requests', async () => {
    const [target, source] = issuesOf('HELP');
    const before = source?.comments.length ?? 0;
    const comment = { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Same outage.' }] }] };
    const reply = await ctx.call('POST', '/rest/api/3/issueLink', { json: { type: { id: '10002' }, inwardIssue: { id: String(target?.id) }, outwardIssue: { key: source?.key }, comment: { body: comment } } });
    expect(reply.status).toBe(201);
    expect(source?.comments).toHaveLength(before + 1);
    expect((await ctx.call('POST', '/rest/api/3/issueLink', { json: { type: { name: 'Relates' }, inwardIssue: { key: 'NOSUCH-1' }, outwardIssue: { key: source?.key } } })).status).toBe(404);
    expect((await ctx.call('POST', '/rest/api/3/issueLink', { json: { type: { name: 'Nope' }, inwardIssue: { key: target?.key }, outwardIssue: { key: source?.key } } })).status).toBe(404);
    expect((await ctx.call('POST', '/rest/api/3/issueLink', { json: { inwardIssue: { key: target?.key } } })).status).toBe(400);
    expect((await ctx.call('POST', '/rest/api/3/issueLink', { json: { type: { name: 'Relates' }, inwardIssue: { key: target?.key }, outwardIssue: { key: target?.key } } })).status).toBe(400);
  });

  it('hides a link whose other end the caller cannot browse, and drops links of a deleted issue', async () => {
    const [help] = issuesOf('HELP');
    const [ops] = issuesOf('ITOPS');
    await ctx.call('POST', '/rest/api/3/issueLink', { json: { type: { name: 'Relates' }, inwardIssue: { key: help?.key }, outwardIssue: { key: ops?.key } } });
    const limitedView = (await ctx.call('GET', `/rest/api/3/issue/${ops?.key}?fields=issuelinks`, { auth: ctx.limited })).body<{ fields: { issuelinks: unknown[] } }>();
    expect(limitedView.fields.issuelinks).toEqual([]);
    expect(ctx.state.issueLinks.size).toBe(1);
    expect((await ctx.call('DELETE', `/rest/api/3/issue/${help?.key}`)).status).toBe(204);
    expect(ctx.state.issueLinks.size).toBe(0);
  });
});

describe('remote links', () => {
  const chat = { url: 'https://chat.example.com/t/42', title: 'Chat with Ann' };

  it('creates a link (201), updates it in place for the same globalId (200), and reads it back', async () => {
    const [issue] = issuesOf('HELP');
    const base = `/rest/api/3/issue/${issue?.key}/remotelink`;
    expect((await ctx.call('GET', base)).body()).toEqual([]);
    const created = await ctx.call('POST', base, { json: { globalId: 'chat:42', relationship: 'chat transcript', application: { name: 'Chat', type: 'com.example.chat' }, object: chat } });
    expect(created.status).toBe(201);
    const { id, self } = created.body<{ id: number; self: string }>();
    expect(self).toBe(`${ctx.sb.url('jira-cloud')}/rest/api/3/issue/${issue?.id}/remotelink/${id}`);
    const again = await ctx.call('POST', base, { json: { globalId: 'chat:42', object: { ...chat, title: 'Chat with Ann (closed)', status: { resolved: true } } } });
    expect(again.status).toBe(200);
    expect(again.body<{ id: number }>().id).toBe(id);
    const links = (await ctx.call('GET', base)).body<{ id: number; globalId: string; object: { title: string; status: { resolved: boolean } } }[]>();
    expect(links).toHaveLength(1);
    expect(links[0]).toMatchObject({ id, globalId: 'chat:42', object: { title: 'Chat with Ann (closed)', status: { resolved: true } } });
    expect((await ctx.call('GET', `${base}?globalId=chat%3A42`)).body()).toMatchObject({ id });
    expect((await ctx.call('GET', `${base}/${id}`)).body()).toMatchObject({ id, globalId: 'chat:42' });
  });

  it('updates by id (PUT 204), deletes by id and by globalId, and checks its input', async () => {
    const [issue] = issuesOf('HELP');
    const base = `/rest/api/3/issue/${issue?.key}/remotelink`;
    const first = (await ctx.call('POST', base, { json: { object: chat } })).body<{ id: number }>();
    await ctx.call('POST', base, { json: { globalId: 'wiki:1', object: { url: 'https://wiki.example.com/1', title: 'Runbook' } } });
    expect((await ctx.call('PUT', `${base}/${first.id}`, { json: { object: { url: chat.url, title: 'Renamed' } } })).status).toBe(204);
    expect((await ctx.call('GET', `${base}/${first.id}`)).body<{ object: { title: string } }>().object.title).toBe('Renamed');
    expect((await ctx.call('DELETE', `${base}?globalId=wiki%3A1`)).status).toBe(204);
    expect((await ctx.call('DELETE', `${base}/${first.id}`)).status).toBe(204);
    expect((await ctx.call('GET', base)).body()).toEqual([]);
    expect((await ctx.call('GET', `${base}/${first.id}`)).status).toBe(404);
    expect((await ctx.call('DELETE', base)).status).toBe(400);
    const missingTitle = await ctx.call('POST', base, { json: { object: { url: chat.url } } });
    expect(missingTitle.status).toBe(400);
    expect(missingTitle.body()).toEqual({ errorMessages: [], errors: { title: "'title' is required." } });
    expect((await ctx.call('GET', '/rest/api/3/issue/HELP-99999/remotelink')).status).toBe(404);
    const [ops] = issuesOf('ITOPS');
    expect((await ctx.call('POST', `/rest/api/3/issue/${ops?.key}/remotelink`, { json: { object: chat }, auth: ctx.limited })).status).toBe(403);
  });
});

describe('watchers', () => {
  interface Watchers {
    self: string;
    isWatching: boolean;
    watchCount: number;
    watchers: { accountId: string }[];
  }

  it('starts with the creator and reporter, adds the caller or someone else, idempotently, and removes by accountId', async () => {
    const created = (await ctx.call('POST', '/rest/api/3/issue', { json: { fields: { project: { key: 'HELP' }, issuetype: { name: 'Incident' }, summary: 'Printer on fire', reporter: { accountId: ctx.state.facts.knownRequester.accountId } } } })).body<{ key: string }>();
    const path = `/rest/api/3/issue/${created.key}/watchers`;
    const read = async () => (await ctx.call('GET', path)).body<Watchers>();
    const me = ctx.state.facts.serviceAccount.accountId;
    const requester = ctx.state.facts.knownRequester.accountId;
    expect((await read()).watchers.map((watcher) => watcher.accountId).sort()).toEqual([me, requester].sort());

    expect((await ctx.call('DELETE', `${path}?accountId=${me}`)).status).toBe(204);
    expect(await read()).toMatchObject({ isWatching: false, watchCount: 1 });
    expect((await ctx.call('POST', path)).status).toBe(204);
    expect((await ctx.call('POST', path, { json: me })).status).toBe(204);
    const after = await read();
    expect(after).toMatchObject({ isWatching: true, watchCount: 2, self: `${ctx.sb.url('jira-cloud')}${path}` });
    const issue = (await ctx.call('GET', `/rest/api/3/issue/${created.key}?fields=watches`)).body<{ fields: { watches: { watchCount: number; isWatching: boolean } } }>();
    expect(issue.fields.watches).toMatchObject({ watchCount: 2, isWatching: true });
  });

  it('refuses an unknown account (404), a body that is not an account id (400), and a user who cannot see the issue (400)', async () => {
    const [help] = issuesOf('HELP');
    const path = `/rest/api/3/issue/${help?.key}/watchers`;
    expect((await ctx.call('POST', path, { json: 'no-such-account' })).status).toBe(404);
    expect((await ctx.call('POST', path, { json: { accountId: 'x' } })).status).toBe(400);
    expect((await ctx.call('DELETE', path)).status).toBe(400);
    const stranger = [...ctx.state.users.values()].find((user) => user.kind === 'customer' && user.accountId !== help?.reporterId && !help?.participants.includes(user.accountId));
    expect((await ctx.call('POST', path, { json: stranger?.accountId })).status).toBe(400);
    expect((await ctx.call('GET', '/rest/api/3/issue/HELP-99999/watchers')).status).toBe(404);
  });

  it('lets only someone who works on the issue change another user\'s watch (403 otherwise)', async () => {
    const [ops] = issuesOf('ITOPS');
    const other = ctx.state.facts.agent.accountId;
    expect((await ctx.call('POST', `/rest/api/3/issue/${ops?.key}/watchers`, { json: other, auth: ctx.limited })).status).toBe(403);
    expect((await ctx.call('POST', `/rest/api/3/issue/${ops?.key}/watchers`, { auth: ctx.limited })).status).toBe(204);
  });

  it('answers the bulk is-watching question for the issues the caller can see', async () => {
    const [help, other] = issuesOf('HELP');
    await ctx.call('POST', `/rest/api/3/issue/${help?.key}/watchers`);
    if (other !== undefined) other.watchers = [];
    const reply = await ctx.call('POST', '/rest/api/3/issue/watching', { json: { issueIds: [String(help?.id), String(other?.id), '1'] } });
    expect(reply.body()).toEqual({ issuesIsWatching: { [String(help?.id)]: true, [String(other?.id)]: false } });
  });
});

describe('issue properties', () => {
  it('stores any JSON (201, then 200), lists keys with self links, reads and deletes', async () => {
    const [issue] = issuesOf('HELP');
    const base = `/rest/api/3/issue/${issue?.key}/properties`;
    const existing = issue?.properties.map((property) => property.key) ?? [];
    const value = { conversation: 'c-42', turns: [1, 2, { nested: true }] };
    expect((await ctx.call('PUT', `${base}/bot.state`, { json: value })).status).toBe(201);
    expect((await ctx.call('PUT', `${base}/bot.state`, { json: { only: 'this' } })).status).toBe(200);
    expect((await ctx.call('GET', `${base}/bot.state`)).body()).toEqual({ key: 'bot.state', value: { only: 'this' } });
    const keys = (await ctx.call('GET', base)).body<{ keys: { key: string; self: string }[] }>().keys;
    expect(keys.map((entry) => entry.key)).toEqual([...existing, 'bot.state']);
    expect(keys.at(-1)?.self).toBe(`${ctx.sb.url('jira-cloud')}/rest/api/3/issue/${issue?.id}/properties/bot.state`);
    expect((await ctx.call('PUT', `${base}/flag`, { json: true })).status).toBe(201);
    expect((await ctx.call('GET', `${base}/flag`)).body()).toEqual({ key: 'flag', value: true });
    expect((await ctx.call('DELETE', `${base}/bot.state`)).status).toBe(204);
    expect((await ctx.call('GET', `${base}/bot.state`)).status).toBe(404);
    expect((await ctx.call('DELETE', `${base}/bot.state`)).status).toBe(404);
  });

  it('refuses a key over 255 characters, a value over 32 KB, an empty body, and a caller who cannot edit', async () => {
    const [issue] = issuesOf('HELP');
    const base = `/rest/api/3/issue/${issue?.key}/properties`;
    expect((await ctx.call('PUT', `${base}/${'k'.repeat(256)}`, { json: 1 })).status).toBe(400);
    expect((await ctx.call('PUT', `${base}/big`, { json: 'x'.repeat(40_000) })).status).toBe(400);
    expect((await ctx.call('PUT', `${base}/empty`, { body: '', headers: { 'content-type': 'application/json' } })).status).toBe(400);
    const [ops] = issuesOf('ITOPS');
    expect((await ctx.call('PUT', `/rest/api/3/issue/${ops?.key}/properties/x`, { json: 1, auth: ctx.limited })).status).toBe(403);
    expect((await ctx.call('GET', '/rest/api/3/issue/HELP-99999/properties/x')).status).toBe(404);
  });
});

describe('labels', () => {
  it('lists every label on the site, sorted, paged; a label put on through edit shows up', async () => {
    const [issue] = issuesOf('HELP');
    expect((await ctx.call('PUT', `/rest/api/3/issue/${issue?.key}`, { json: { update: { labels: [{ add: 'zz-bot-handled' }] } } })).status).toBe(204);
    const all = (await ctx.call('GET', '/rest/api/3/label')).body<{ values: string[]; total: number; isLast: boolean; startAt: number; maxResults: number }>();
    expect(all).toMatchObject({ startAt: 0, maxResults: 1000, isLast: true });
    expect(all.values).toEqual([...all.values].sort());
    expect(all.values.at(-1)).toBe('zz-bot-handled');
    const first = (await ctx.call('GET', '/rest/api/3/label?maxResults=1')).body<{ values: string[]; isLast: boolean; nextPage: string }>();
    expect(first.values).toEqual([all.values[0]]);
    expect(first.isLast).toBe(all.total === 1);
    const second = (await ctx.call('GET', '/rest/api/3/label?maxResults=1&startAt=1')).body<{ values: string[] }>();
    expect(second.values).toEqual([all.values[1]]);
  });

  it('refuses a label with spaces in update operations as in fields', async () => {
    const [issue] = issuesOf('HELP');
    const reply = await ctx.call('PUT', `/rest/api/3/issue/${issue?.key}`, { json: { update: { labels: [{ add: 'two words' }] } } });
    expect(reply.status).toBe(400);
    expect(reply.body()).toEqual({ errorMessages: [], errors: { labels: "The label 'two words' contains spaces which is invalid." } });
  });
});
