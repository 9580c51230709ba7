/**
 * What the client gained on the provider kit: the methods the connector once called raw
 * (`serviceDesk.desk`, `serviceDesk.requestTypeGroups`, `myself({ expand })`), each page's envelope
 * from `pages()`, and call options that refuse an unknown key before any request.
 */
import { InputError } from '@itsm/core';
import { describe, expect, it } from 'vitest';
import { client, failure, route, useNock } from './support.js';

useNock();

const ME = { accountId: 'svc-1', displayName: 'Helpdesk bot', active: true, timeZone: 'America/Danmarkshavn' };

describe('client methods for what the connector reads', () => {
  it('serviceDesk.desk reads one desk by id', async () => {
    const calls = route('GET', '/rest/servicedeskapi/servicedesk/1', [200, { id: '1', projectId: '10000', projectKey: 'HELP', projectName: 'Help' }]);
    await expect(client().serviceDesk.desk('1')).resolves.toMatchObject({ id: '1', projectKey: 'HELP' });
    expect(calls).toHaveLength(1);
    expect(await failure(client().serviceDesk.desk('..'))).toMatchObject({ field: 'serviceDeskId', provider: 'jira-cloud' });
  });

  it('serviceDesk.requestTypeGroups pages the groups with start/limit', async () => {
    const calls = route('GET', '/rest/servicedeskapi/servicedesk/1/requesttypegroup', [
      [200, { start: 0, limit: 2, size: 2, isLastPage: false, values: [{ id: '10', name: 'Hardware' }, { id: '11', name: 'Access' }] }],
      [200, { start: 2, limit: 2, size: 1, isLastPage: true, values: [{ id: '12', name: 'Other' }] }],
    ]);
    const groups = await client().serviceDesk.requestTypeGroups('1', { pageSize: 2 }).toArray({ limit: Infinity });
    expect(groups.map((group) => group.name)).toEqual(['Hardware', 'Access', 'Other']);
    expect(calls.map((call) => call.query)).toEqual([{ start: '0', limit: '2' }, { start: '2', limit: '2' }]);
  });

  it('myself({ expand }) asks for the groups and application roles', async () => {
    const calls = route('GET', '/rest/api/3/myself', [200, {
      ...ME,
      groups: { size: 1, items: [{ name: 'jira-servicedesk-users', groupId: 'g1' }] },
      applicationRoles: { size: 1, items: [{ key: 'jira-servicedesk', name: 'Jira Service Management' }] },
    }]);
    const me = await client().myself({ expand: ['groups', 'applicationRoles'] });
    expect(calls[0]?.query).toEqual({ expand: 'groups,applicationRoles' });
    expect(me.groups?.items?.[0]?.name).toBe('jira-servicedesk-users');
    expect(me.applicationRoles?.items?.[0]?.key).toBe('jira-servicedesk');
  });
});

describe('page envelopes', () => {
  it('hands out each comment page with its total', async () => {
    route('GET', '/rest/api/3/issue/HELP-1/comment', [
      [200, { startAt: 0, maxResults: 1, total: 2, comments: [{ id: '1', created: '2026-01-01T10:00:00.000+0000' }] }],
      [200, { startAt: 1, maxResults: 1, total: 2, comments: [{ id: '2', created: '2026-01-01T11:00:00.000+0000' }] }],
    ]);
    const totals: (number | undefined)[] = [];
    for await (const page of client().issues.comments.list('HELP-1', { pageSize: 1 }).pages()) totals.push(page.envelope?.total);
    expect(totals).toEqual([2, 2]);
  });

  it('hands out each search page as Jira sent it', async () => {
    route('POST', '/rest/api/3/search/jql', [200, { issues: [], isLast: true, names: { summary: 'Summary' } }]);
    const envelopes: unknown[] = [];
    for await (const page of client().issues.search({ jql: 'project = HELP' }).pages()) envelopes.push(page.envelope);
    expect(envelopes).toEqual([{ issues: [], isLast: true, names: { summary: 'Summary' } }]);
  });
});

describe('call options', () => {
  it('refuses an option the method does not know, before any request', async () => {
    const error = await failure(client().issues.get('HELP-1', { feilds: ['summary'] } as never));
    expect(error).toBeInstanceOf(InputError);
    expect(error).toMatchObject({ field: 'feilds', provider: 'jira-cloud' });
    expect(() => client().users.search('ann', { pagesize: 5 } as never)).toThrow(InputError);
    expect(() => client().serviceDesk.desks({ limit: 5 } as never)).toThrow(/limit is not a known field/);
  });

  it('still applies the call options it knows', async () => {
    const calls = route('GET', '/rest/api/3/project/HELP', [200, { id: '10000', key: 'HELP', name: 'Help' }]);
    await client().projects.get('HELP', { expand: ['lead'], headers: { 'x-trace': 't-7' } });
    expect(calls[0]?.query).toEqual({ expand: 'lead' });
    expect(calls[0]?.headers.get('x-trace')).toBe('t-7');
  });
});
