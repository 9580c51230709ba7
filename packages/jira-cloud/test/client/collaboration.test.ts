/**
 * Contracts of what a bot attaches to a ticket: watchers, issue links, remote links, worklogs, the
 * changelog, and JSM request participants — the request each method sends, what it makes of the
 * answer, which are retried, and the input each refuses before any request.
 */
import { InputError } from '@itsm/core';
import { describe, expect, it } from 'vitest';
import { textToAdf } from '../../src/index.js';
import { SITE, client, failure, route, useNock } from './support.js';

useNock();

const USER = { accountId: 'acc-1', displayName: 'Ann Lee', active: true };
const fast = { retryDelay: { baseMs: 1, maxMs: 1 } } as const;

describe('issues.watchers', () => {
  it('lists, adds (the body is the account id as a JSON string; none for the caller) and removes by query', async () => {
    const list = route('GET', '/rest/api/3/issue/HELP-1/watchers', [200, { self: `${SITE}/rest/api/3/issue/HELP-1/watchers`, isWatching: true, watchCount: 1, watchers: [USER] }]);
    const add = route('POST', '/rest/api/3/issue/HELP-1/watchers', [204], { times: 2 });
    const remove = route('DELETE', '/rest/api/3/issue/HELP-1/watchers', [204]);
    const jira = client();
    expect((await jira.issues.watchers.list('HELP-1')).watchers.map((watcher) => watcher.accountId)).toEqual(['acc-1']);
    await jira.issues.watchers.add('HELP-1', 'acc-2');
    await jira.issues.watchers.add('HELP-1');
    await jira.issues.watchers.remove('HELP-1', 'acc-2');
    expect(list).toHaveLength(1);
    expect(add.map((call) => call.text)).toEqual(['"acc-2"', '']);
    expect(add[0]?.headers.get('content-type')).toContain('application/json');
    expect(remove[0]?.query).toEqual({ accountId: 'acc-2' });
  });

  it('retries an add on a transient failure (adding twice changes nothing)', async () => {
    const add = route('POST', '/rest/api/3/issue/HELP-1/watchers', [[503, {}], [204]]);
    await client(fast).issues.watchers.add('HELP-1', 'acc-2');
    expect(add).toHaveLength(2);
  });

  it('refuses an empty account id before any request', async () => {
    expect(await failure(client().issues.watchers.add('HELP-1', ' '))).toMatchObject({ field: 'accountId', provider: 'jira-cloud' });
    expect(await failure(client().issues.watchers.remove('HELP-1', ''))).toBeInstanceOf(InputError);
  });
});

describe('issues.links', () => {
  it('lists the types, links two issues by key or id with a comment, reads and deletes a link', async () => {
    route('GET', '/rest/api/3/issueLinkType', [200, { issueLinkTypes: [{ id: '10003', name: 'Relates', inward: 'relates to', outward: 'relates to' }] }]);
    const create = route('POST', '/rest/api/3/issueLink', [201]);
    route('GET', '/rest/api/3/issueLink/10050', [200, { id: '10050', type: { id: '10003', name: 'Relates' }, inwardIssue: { key: 'HELP-3' }, outwardIssue: { key: 'HELP-7' } }]);
    const remove = route('DELETE', '/rest/api/3/issueLink/10050', [204]);
    const jira = client();
    expect((await jira.issues.links.types()).map((type) => type.name)).toEqual(['Relates']);
    await jira.issues.links.create({ type: 'Relates', inwardIssue: '10003', outwardIssue: 'HELP-7', comment: 'Same outage.' });
    expect(create[0]?.json()).toEqual({ type: { name: 'Relates' }, inwardIssue: { id: '10003' }, outwardIssue: { key: 'HELP-7' }, comment: { body: textToAdf('Same outage.') } });
    expect((await jira.issues.links.get('10050')).outwardIssue?.key).toBe('HELP-7');
    await jira.issues.links.delete('10050');
    expect(remove).toHaveLength(1);
  });

  it('does not retry creating a link', async () => {
    const create = route('POST', '/rest/api/3/issueLink', [503, {}]);
    await expect(client(fast).issues.links.create({ type: 'Relates', inwardIssue: 'HELP-3', outwardIssue: 'HELP-7' })).rejects.toThrow();
    expect(create).toHaveLength(1);
  });

  it('refuses a missing issue, an unknown key, or a format without a comment', async () => {
    const links = client().issues.links;
    expect(await failure(links.create({ type: 'Relates', inwardIssue: '', outwardIssue: 'HELP-7' }))).toMatchObject({ field: 'inwardIssue' });
    expect(await failure(links.create({ type: 'Relates', inwardIssue: 'HELP-3', outwardIssue: 'HELP-7', linkType: 'x' } as never))).toMatchObject({ field: 'linkType' });
    expect(await failure(links.create({ type: 'Relates', inwardIssue: 'HELP-3', outwardIssue: 'HELP-7', format: 'markdown' }))).toMatchObject({ field: 'format' });
  });
});

describe('issues.remoteLinks', () => {
  const LINK = { id: 10000, globalId: 'chat:42', relationship: 'chat transcript', object: { url: 'https://chat.example.com/42', title: 'Chat with Ann' } };

  it('upserts a link from flat input, retried when it has a globalId', async () => {
    const upsert = route('POST', '/rest/api/3/issue/HELP-1/remotelink', [[503, {}], [201, { id: 10000, self: `${SITE}/rest/api/3/issue/10001/remotelink/10000` }]]);
    const created = await client(fast).issues.remoteLinks.upsert('HELP-1', {
      globalId: 'chat:42',
      url: 'https://chat.example.com/42',
      title: 'Chat with Ann',
      relationship: 'chat transcript',
      summary: '14 messages',
      icon: { url16x16: 'https://chat.example.com/favicon.png' },
      resolved: false,
      application: { name: 'Chat' },
    });
    expect(created.id).toBe('10000');
    expect(upsert).toHaveLength(2);
    expect(upsert[1]?.json()).toEqual({
      globalId: 'chat:42',
      relationship: 'chat transcript',
      application: { name: 'Chat' },
      object: { url: 'https://chat.example.com/42', title: 'Chat with Ann', summary: '14 messages', icon: { url16x16: 'https://chat.example.com/favicon.png' }, status: { resolved: false } },
    });
  });

  it('does not retry an upsert without a globalId (it could add the link twice)', async () => {
    const upsert = route('POST', '/rest/api/3/issue/HELP-1/remotelink', [503, {}]);
    await expect(client(fast).issues.remoteLinks.upsert('HELP-1', { url: 'https://wiki.example.com/r', title: 'Runbook' })).rejects.toThrow();
    expect(upsert).toHaveLength(1);
  });

  it('lists (all, or the one with a globalId), reads, and deletes by id or global id', async () => {
    const list = route('GET', '/rest/api/3/issue/HELP-1/remotelink', [[200, [LINK]], [200, LINK]]);
    route('GET', '/rest/api/3/issue/HELP-1/remotelink/10000', [200, LINK]);
    const removeById = route('DELETE', '/rest/api/3/issue/HELP-1/remotelink/10000', [204]);
    const removeByGlobal = route('DELETE', '/rest/api/3/issue/HELP-1/remotelink', [204]);
    const links = client().issues.remoteLinks;
    expect((await links.list('HELP-1')).map((link) => link.id)).toEqual(['10000']);
    expect((await links.list('HELP-1', { globalId: 'chat:42' })).map((link) => link.globalId)).toEqual(['chat:42']);
    expect(list[1]?.query).toEqual({ globalId: 'chat:42' });
    expect((await links.get('HELP-1', '10000')).object.title).toBe('Chat with Ann');
    await links.delete('HELP-1', '10000');
    await links.deleteByGlobalId('HELP-1', 'chat:42');
    expect(removeById).toHaveLength(1);
    expect(removeByGlobal[0]?.query).toEqual({ globalId: 'chat:42' });
  });

  it('refuses a URL that is not http(s), a missing title, and unknown keys', async () => {
    const links = client().issues.remoteLinks;
    expect(await failure(links.upsert('HELP-1', { url: 'javascript:alert(1)', title: 'x' }))).toMatchObject({ field: 'url' });
    expect(await failure(links.upsert('HELP-1', { url: 'https://x.example', title: ' ' }))).toMatchObject({ field: 'title' });
    expect(await failure(links.upsert('HELP-1', { url: 'https://x.example', title: 'x', icon: { url: 'y' } } as never))).toMatchObject({ field: 'icon.url' });
    expect(await failure(links.upsert('HELP-1', { url: 'https://x.example', title: 'x', href: 'y' } as never))).toMatchObject({ field: 'href' });
  });
});

describe('issues.worklogs', () => {
  const WORKLOG = { id: '10100', issueId: '10001', timeSpent: '1h 30m', timeSpentSeconds: 5400, started: '2026-01-05T09:30:00.000+0000', author: USER, comment: textToAdf('Reset the VPN profile.') };

  it('logs time with a comment and a start, and the estimate rule; not retried', async () => {
    const add = route('POST', '/rest/api/3/issue/HELP-1/worklog', [201, WORKLOG]);
    const worklog = await client().issues.worklogs.add(
      'HELP-1',
      { timeSpent: '1h 30m', started: new Date('2026-01-05T09:30:00Z'), comment: 'Reset the VPN profile.' },
      { adjustEstimate: 'manual', reduceBy: '1h' },
    );
    expect(worklog.timeSpentSeconds).toBe(5400);
    expect(add[0]?.json()).toEqual({ timeSpent: '1h 30m', started: '2026-01-05T09:30:00.000+0000', comment: textToAdf('Reset the VPN profile.') });
    expect(add[0]?.query).toEqual({ adjustEstimate: 'manual', reduceBy: '1h' });
    const failing = route('POST', '/rest/api/3/issue/HELP-2/worklog', [503, {}]);
    await expect(client(fast).issues.worklogs.add('HELP-2', { timeSpentSeconds: 60 })).rejects.toThrow();
    expect(failing).toHaveLength(1);
  });

  it('pages the list with startAt/total and a time window; updates and deletes', async () => {
    const list = route('GET', '/rest/api/3/issue/HELP-1/worklog', [
      [200, { startAt: 0, maxResults: 1, total: 2, worklogs: [WORKLOG] }],
      [200, { startAt: 1, maxResults: 1, total: 2, worklogs: [{ ...WORKLOG, id: '10101' }] }],
    ]);
    const all = await client().issues.worklogs.list('HELP-1', { pageSize: 1, startedAfter: new Date('2026-01-01T00:00:00Z') }).toArray({ limit: Infinity });
    expect(all.map((worklog) => worklog.id)).toEqual(['10100', '10101']);
    expect(list.map((call) => call.query)).toEqual([
      { startAt: '0', maxResults: '1', startedAfter: String(Date.parse('2026-01-01T00:00:00Z')) },
      { startAt: '1', maxResults: '1', startedAfter: String(Date.parse('2026-01-01T00:00:00Z')) },
    ]);
    const update = route('PUT', '/rest/api/3/issue/HELP-1/worklog/10100', [200, { ...WORKLOG, timeSpent: '2h', timeSpentSeconds: 7200 }]);
    expect((await client().issues.worklogs.update('HELP-1', '10100', { timeSpent: '2h' })).timeSpentSeconds).toBe(7200);
    expect(update[0]?.json()).toEqual({ timeSpent: '2h' });
    const remove = route('DELETE', '/rest/api/3/issue/HELP-1/worklog/10100', [204]);
    await client().issues.worklogs.delete('HELP-1', '10100', { adjustEstimate: 'leave' });
    expect(remove[0]?.query).toEqual({ adjustEstimate: 'leave' });
  });

  it('refuses what Jira would: no time, both forms, a bad duration, an estimate mode without its value, unknown keys', async () => {
    const worklogs = client().issues.worklogs;
    expect(await failure(worklogs.add('HELP-1', {}))).toMatchObject({ field: 'timeSpent' });
    expect(await failure(worklogs.add('HELP-1', { timeSpent: '1h', timeSpentSeconds: 3600 }))).toMatchObject({ field: 'timeSpent' });
    expect(await failure(worklogs.add('HELP-1', { timeSpent: 'an hour' }))).toMatchObject({ field: 'timeSpent' });
    expect(await failure(worklogs.add('HELP-1', { timeSpentSeconds: -5 }))).toMatchObject({ field: 'timeSpentSeconds' });
    expect(await failure(worklogs.add('HELP-1', { timeSpent: '1h' }, { adjustEstimate: 'new' }))).toMatchObject({ field: 'newEstimate' });
    expect(await failure(worklogs.add('HELP-1', { timeSpent: '1h' }, { reduceBy: '1h' }))).toMatchObject({ field: 'reduceBy' });
    expect(await failure(worklogs.update('HELP-1', '1', { timeSpent: '1h' }, { adjustEstimate: 'manual' }))).toMatchObject({ field: 'adjustEstimate' });
    expect(await failure(worklogs.update('HELP-1', '1', {}))).toMatchObject({ field: 'input' });
    expect(await failure(worklogs.add('HELP-1', { timeSpent: '1h', minutes: 5 } as never))).toMatchObject({ field: 'minutes' });
    expect(() => worklogs.list('HELP-1', { startedAfter: new Date('nope') })).toThrow(InputError);
  });
});

describe('issues.changelog', () => {
  it('pages the changelog until isLast', async () => {
    const history = (id: string) => ({ id, created: '2026-01-05T10:00:00.000+0000', author: USER, items: [{ field: 'status', fromString: 'Open', toString: 'Done', from: '1', to: '3' }] });
    const calls = route('GET', '/rest/api/3/issue/HELP-1/changelog', [
      [200, { startAt: 0, maxResults: 1, total: 2, isLast: false, values: [history('1')] }],
      [200, { startAt: 1, maxResults: 1, total: 2, isLast: true, values: [history('2')] }],
    ]);
    const entries = await client().issues.changelog('HELP-1', { pageSize: 1 }).toArray({ limit: Infinity });
    expect(entries.map((entry) => entry.id)).toEqual(['1', '2']);
    expect(entries[0]?.items[0]?.toString).toBe('Done');
    expect(calls.map((call) => call.query)).toEqual([{ startAt: '0', maxResults: '1' }, { startAt: '1', maxResults: '1' }]);
    expect(() => client().issues.changelog('HELP-1', { pageSize: 101 })).toThrow(InputError);
  });
});

describe('serviceDesk.requests.participants', () => {
  const page = (values: unknown[]) => ({ start: 0, limit: 50, size: values.length, isLastPage: true, values });

  it('lists, adds and removes participants ({ accountIds }), retried on transient failures', async () => {
    route('GET', '/rest/servicedeskapi/request/HELP-1/participant', [200, page([USER])]);
    const add = route('POST', '/rest/servicedeskapi/request/HELP-1/participant', [[503, {}], [200, page([USER, { accountId: 'acc-2' }])]]);
    const remove = route('DELETE', '/rest/servicedeskapi/request/HELP-1/participant', [200, page([USER])]);
    const participants = client(fast).serviceDesk.requests.participants;
    expect((await participants.list('HELP-1').toArray({ limit: 10 })).map((user) => user.accountId)).toEqual(['acc-1']);
    expect((await participants.add('HELP-1', ['acc-2'])).map((user) => user.accountId)).toEqual(['acc-1', 'acc-2']);
    expect(add).toHaveLength(2);
    expect(add[1]?.json()).toEqual({ accountIds: ['acc-2'] });
    expect((await participants.remove('HELP-1', ['acc-2'])).map((user) => user.accountId)).toEqual(['acc-1']);
    expect(remove[0]?.json()).toEqual({ accountIds: ['acc-2'] });
  });

  it('refuses an empty list or an empty id', async () => {
    const participants = client().serviceDesk.requests.participants;
    expect(await failure(participants.add('HELP-1', []))).toMatchObject({ field: 'accountIds' });
    expect(await failure(participants.remove('HELP-1', ['']))).toMatchObject({ field: 'accountIds' });
  });
});
