import { AuthenticationError, ResponseShapeError } from '@itsm/core';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { BASIC, CATEGORY, SITE, client, route, useNock } from './support.js';

useNock();

const ME = {
  self: `${SITE}/rest/api/3/user?accountId=bot-1`,
  accountId: 'bot-1',
  accountType: 'atlassian',
  emailAddress: 'helpdesk-bot@acme.example',
  avatarUrls: { '48x48': `${SITE}/avatar.png` },
  displayName: 'Helpdesk Bot',
  active: true,
  timeZone: 'Europe/Amsterdam',
  locale: 'en_US',
  groups: { size: 3, items: [] },
};

describe('myself and the time zone', () => {
  it('myself() returns the typed account and keeps unknown fields', async () => {
    const calls = route('GET', '/rest/api/3/myself', [200, ME]);
    const me = await client().myself();
    expect(me).toMatchObject({ accountId: 'bot-1', displayName: 'Helpdesk Bot', timeZone: 'Europe/Amsterdam', locale: 'en_US', active: true });
    expect(me.groups).toEqual({ size: 3, items: [] });
    expect(calls[0]?.headers.get('authorization')).toBe(BASIC);
  });

  it('myself() without a timeZone is a ResponseShapeError', async () => {
    route('GET', '/rest/api/3/myself', [200, { accountId: 'x', displayName: 'x', active: true }]);
    await expect(client().myself()).rejects.toBeInstanceOf(ResponseShapeError);
  });

  it('timeZone() asks once and caches; jqlTag() formats dates in that zone', async () => {
    const calls = route('GET', '/rest/api/3/myself', [200, ME]);
    const jira = client();
    const [a, b] = await Promise.all([jira.timeZone(), jira.timeZone()]);
    expect([a, b]).toEqual(['Europe/Amsterdam', 'Europe/Amsterdam']);
    const q = await jira.jqlTag();
    expect(q.timeZone).toBe('Europe/Amsterdam');
    // 09:30 UTC in July is 11:30 in Amsterdam (CEST).
    expect(String(q`updated >= ${new Date('2025-07-01T09:30:00Z')}`)).toBe('updated >= "2025-07-01 11:30"');
    expect(calls).toHaveLength(1);
  });

  it('a failed lookup is not cached, and refresh asks again', async () => {
    const calls = route('GET', '/rest/api/3/myself', [[401, ''], [200, ME], [200, { ...ME, timeZone: 'America/Danmarkshavn' }]]);
    const jira = client();
    await expect(jira.timeZone()).rejects.toBeInstanceOf(AuthenticationError);
    await expect(jira.timeZone()).resolves.toBe('Europe/Amsterdam');
    await expect(jira.timeZone({ refresh: true })).resolves.toBe('America/Danmarkshavn');
    await expect(jira.timeZone()).resolves.toBe('America/Danmarkshavn');
    expect(calls).toHaveLength(3);
  });

  it('the timeZone option skips the lookup', async () => {
    const jira = client({ timeZone: 'America/Danmarkshavn' });
    await expect(jira.timeZone()).resolves.toBe('America/Danmarkshavn');
    const q = await jira.jqlTag();
    expect(String(q`updated >= ${new Date('2025-07-01T09:30:00Z')}`)).toBe('updated >= "2025-07-01 09:30"');
  });

  it('myself() refreshes the cached zone', async () => {
    const calls = route('GET', '/rest/api/3/myself', [200, { ...ME, timeZone: 'Asia/Tokyo' }]);
    const jira = client();
    await jira.myself();
    await expect(jira.timeZone()).resolves.toBe('Asia/Tokyo');
    expect(calls).toHaveLength(1);
  });
});

describe('metadata', () => {
  it('projects.get and projects.statuses (statuses per issue type with category)', async () => {
    const project = route('GET', '/rest/api/3/project/HELP', [200, {
      id: '10000', key: 'HELP', name: 'Helpdesk', projectTypeKey: 'service_desk', simplified: false, style: 'classic',
      issueTypes: [{ id: '10004', name: 'Service Request', subtask: false }], lead: { accountId: 'lead-1', displayName: 'Lead' },
    }]);
    const statuses = route('GET', '/rest/api/3/project/HELP/statuses', [200, [
      {
        self: `${SITE}/rest/api/3/issueType/10004`, id: '10004', name: 'Service Request', subtask: false,
        statuses: [
          { self: `${SITE}/rest/api/3/status/1`, description: '', iconUrl: '', name: 'Open', id: '1', statusCategory: CATEGORY.new },
          { self: `${SITE}/rest/api/3/status/5`, description: '', iconUrl: '', name: 'Resolved', id: '5', statusCategory: CATEGORY.done },
        ],
      },
    ]]);
    const jira = client();
    await expect(jira.projects.get('HELP', { expand: ['description', 'lead'] })).resolves.toMatchObject({ key: 'HELP', projectTypeKey: 'service_desk' });
    expect(project[0]?.query).toEqual({ expand: 'description,lead' });
    const list = await jira.projects.statuses('HELP');
    expect(list[0]?.statuses.map((status) => [status.name, status.statusCategory.key])).toEqual([['Open', 'new'], ['Resolved', 'done']]);
    expect(statuses).toHaveLength(1);
  });

  it('statusCategories, priorities, issueTypes, fields, serverInfo', async () => {
    route('GET', '/rest/api/3/statuscategory', [200, [
      { self: `${SITE}/rest/api/3/statuscategory/1`, id: 1, key: 'undefined', colorName: 'medium-gray', name: 'No Category' },
      CATEGORY.new, CATEGORY.done, CATEGORY.indeterminate,
    ]]);
    route('GET', '/rest/api/3/priority', [200, [{ self: `${SITE}/rest/api/3/priority/2`, statusColor: '#ff7452', description: 'Serious', iconUrl: 'x', name: 'High', id: '2', isDefault: false }]]);
    route('GET', '/rest/api/3/issuetype', [200, [{ self: 'x', id: '10004', description: '', iconUrl: '', name: 'Service Request', untranslatedName: 'Service Request', subtask: false, avatarId: 1, hierarchyLevel: 0 }]]);
    route('GET', '/rest/api/3/field', [200, [
      { id: 'summary', key: 'summary', name: 'Summary', custom: false, orderable: true, navigable: true, searchable: true, clauseNames: ['summary'], schema: { type: 'string', system: 'summary' } },
      { id: 'customfield_10010', key: 'customfield_10010', name: 'Request Type', custom: true, clauseNames: ['cf[10010]', 'Request Type'], schema: { type: 'sd-customerrequesttype', custom: 'com.atlassian.servicedesk:vp-origin', customId: 10010 } },
    ]]);
    route('GET', '/rest/api/3/serverInfo', [200, { baseUrl: SITE, version: '1001.0.0', deploymentType: 'Cloud', serverTimeZone: 'Etc/UTC' }]);
    const jira = client();
    expect((await jira.statusCategories()).map((category) => category.key)).toEqual(['undefined', 'new', 'done', 'indeterminate']);
    expect((await jira.priorities())[0]).toMatchObject({ id: '2', name: 'High' });
    expect((await jira.issueTypes())[0]).toMatchObject({ id: '10004', untranslatedName: 'Service Request' });
    expect((await jira.fields())[1]).toMatchObject({ id: 'customfield_10010', clauseNames: ['cf[10010]', 'Request Type'], schema: { customId: 10010 } });
    expect(await jira.serverInfo()).toMatchObject({ baseUrl: SITE, deploymentType: 'Cloud' });
  });

  it('siteUrl and browseUrl: from baseUrl without a request, from serverInfo once with cloudId only', async () => {
    await expect(client().browseUrl('HELP-1')).resolves.toBe(`${SITE}/browse/HELP-1`);
    const info = route('GET', '/ex/jira/abc/rest/api/3/serverInfo', [200, { baseUrl: `${SITE}/` }], { origin: 'https://api.atlassian.com' });
    const jira = client({ baseUrl: undefined, cloudId: 'abc' });
    await expect(jira.siteUrl()).resolves.toBe(SITE);
    await expect(jira.browseUrl('HELP-2')).resolves.toBe(`${SITE}/browse/HELP-2`);
    expect(info).toHaveLength(1);
  });
});

describe('request(): the escape hatch', () => {
  it('sends any request with the client’s auth, retries and schema validation', async () => {
    const calls = route('POST', '/rest/api/3/issue/bulkfetch', [[503, ''], [200, { issues: [{ id: '1', key: 'HELP-1' }], issueErrors: [] }]]);
    const Bulk = z.looseObject({ issues: z.array(z.looseObject({ key: z.string() })) });
    const result = await client().request('POST', '/rest/api/3/issue/bulkfetch', {
      json: { issueIdsOrKeys: ['HELP-1'], fields: ['summary'] },
      retryable: true,
      schema: Bulk,
    });
    expect(result.issues[0]?.key).toBe('HELP-1');
    expect(calls).toHaveLength(2);
    expect(calls[1]?.headers.get('authorization')).toBe(BASIC);
    expect(calls[1]?.json()).toEqual({ issueIdsOrKeys: ['HELP-1'], fields: ['summary'] });
  });

  it('maps errors the same way (seraph header included)', async () => {
    route('GET', '/rest/api/3/issue/createmeta/HELP/issuetypes', [200, { values: [] }, { 'x-seraph-loginreason': 'AUTHENTICATED_FAILED' }]);
    await expect(client().request('GET', '/rest/api/3/issue/createmeta/HELP/issuetypes')).rejects.toBeInstanceOf(AuthenticationError);
  });

  it('per-call headers are sent, but never override the headers a method needs', async () => {
    const calls = route('POST', '/rest/api/3/issue/HELP-1/attachments', [200, []]);
    await client().issues.attachments.add('HELP-1', { filename: 'a.txt', content: 'a' }, {
      headers: { 'x-trace': 't-1', 'X-Atlassian-Token': 'check' },
    });
    expect(calls[0]?.headers.get('x-trace')).toBe('t-1');
    expect(calls[0]?.headers.get('x-atlassian-token')).toBe('no-check');
  });

  it('per-call options reach the transport: an aborted signal stops the call before any request', async () => {
    const controller = new AbortController();
    controller.abort(new Error('stop'));
    await expect(client().issues.get('HELP-1', { signal: controller.signal })).rejects.toThrow('stop');
  });
});
