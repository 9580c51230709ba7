import { ConflictError, InputError } from '@itsm/core';
import { describe, expect, it } from 'vitest';
import { SITE, client, failure, route, useNock } from './support.js';

useNock();

function page(values: unknown[], start: number, limit: number, isLastPage: boolean) {
  return {
    _expands: [],
    size: values.length,
    start,
    limit,
    isLastPage,
    _links: { base: `${SITE}/rest/servicedeskapi`, context: '', self: `${SITE}/rest/servicedeskapi/x` },
    values,
  };
}

function desk(id: string, key: string) {
  return { id, projectId: `1000${id}`, projectKey: key, projectName: `${key} desk`, _links: { self: `${SITE}/rest/servicedeskapi/servicedesk/${id}` } };
}

const REQUEST = {
  _expands: ['participant', 'status', 'sla', 'requestType', 'serviceDesk', 'attachment', 'action', 'comment'],
  issueId: '107001',
  issueKey: 'HELP-1',
  requestTypeId: '25',
  serviceDeskId: '10',
  createdDate: { iso8601: '2015-10-08T14:42:00+0700', jira: '2015-10-08T14:42:00.000+0700', friendly: 'Monday 14:42 PM', epochMillis: 1444290120000 },
  reporter: { accountId: 'qm:a713c8ea:5ad6d3581db05e2a66fa80b', displayName: 'Fred F. User', emailAddress: 'fred@example.com', active: true, timeZone: 'Australia/Sydney' },
  requestFieldValues: [{ fieldId: 'summary', label: 'What do you need?', value: 'Request JSD help via REST' }],
  currentStatus: { status: 'Waiting for Support', statusCategory: 'NEW', statusDate: { iso8601: '2015-10-08T14:42:00+0700', epochMillis: 1444290120000 } },
  _links: { jiraRest: `${SITE}/rest/api/2/issue/107001`, web: `${SITE}/servicedesk/customer/portal/2/HELP-1`, agent: `${SITE}/browse/HELP-1`, self: `${SITE}/rest/servicedeskapi/request/107001` },
};

describe('serviceDesk.desks', () => {
  it('pages with start/limit until isLastPage, over 3 pages', async () => {
    const calls = route('GET', '/rest/servicedeskapi/servicedesk', (seen) => {
      const start = Number(seen.query.start);
      const all = [desk('1', 'HELP'), desk('2', 'IT'), desk('3', 'HR'), desk('4', 'FAC'), desk('5', 'SEC')];
      return [200, page(all.slice(start, start + 2), start, 2, start + 2 >= all.length)];
    }, { times: 3 });
    const desks = await client().serviceDesk.desks({ pageSize: 2 }).toArray({ limit: Infinity });
    expect(desks.map((item) => item.projectKey)).toEqual(['HELP', 'IT', 'HR', 'FAC', 'SEC']);
    expect(calls.map((call) => call.query)).toEqual([{ start: '0', limit: '2' }, { start: '2', limit: '2' }, { start: '4', limit: '2' }]);
    expect(calls.every((call) => call.headers.get('x-experimentalapi') === null)).toBe(true);
  });
});

describe('serviceDesk request types', () => {
  const type = {
    _expands: ['field'], id: '25', name: 'Get IT help', description: 'Get IT help', helpText: 'Please tell us',
    issueTypeId: '10006', serviceDeskId: '10', portalId: '2', groupIds: ['12'], canCreateRequest: true, restrictionStatus: 'OPEN',
    icon: { id: '10', _links: { iconUrls: {} } }, _links: { self: `${SITE}/rest/servicedeskapi/servicedesk/10/requesttype/25` },
  };

  it('lists request types with their portal links', async () => {
    const calls = route('GET', '/rest/servicedeskapi/servicedesk/10/requesttype', [200, page([type, { ...type, id: '26', name: 'No portal', portalId: undefined }], 0, 50, true)]);
    const types = await client().serviceDesk.requestTypes('10', { searchQuery: 'help' }).toArray({ limit: 10 });
    expect(calls[0]?.query).toEqual({ searchQuery: 'help', start: '0', limit: '50' });
    expect(types[0]).toMatchObject({ id: '25', name: 'Get IT help', issueTypeId: '10006', portalUrl: `${SITE}/servicedesk/customer/portal/2/create/25` });
    expect(types[1]?.portalUrl).toBeUndefined();
  });

  it('with cloudId only, reads the site URL once from serverInfo for the portal links', async () => {
    const gateway = 'https://api.atlassian.com';
    const info = route('GET', '/ex/jira/abc/rest/api/3/serverInfo', [200, { baseUrl: 'https://acme.atlassian.net', deploymentType: 'Cloud' }], { origin: gateway });
    route('GET', '/ex/jira/abc/rest/servicedeskapi/servicedesk/10/requesttype', [200, page([type, { ...type, id: '27' }], 0, 50, true)], { origin: gateway });
    const types = await client({ baseUrl: undefined, cloudId: 'abc' }).serviceDesk.requestTypes('10').toArray({ limit: 10 });
    expect(types.map((item) => item.portalUrl)).toEqual([
      'https://acme.atlassian.net/servicedesk/customer/portal/2/create/25',
      'https://acme.atlassian.net/servicedesk/customer/portal/2/create/27',
    ]);
    expect(info).toHaveLength(1);
  });

  it('reads a request type’s form: field ids, required flags, nested valid values', async () => {
    const calls = route('GET', '/rest/servicedeskapi/servicedesk/10/requesttype/25/field', [200, {
      canRaiseOnBehalfOf: true,
      canAddRequestParticipants: true,
      requestTypeFields: [
        { fieldId: 'summary', name: 'What do you need?', required: true, visible: true, validValues: [], defaultValues: [], presetValues: [], jiraSchema: { type: 'string', system: 'summary' } },
        {
          fieldId: 'customfield_10200', name: 'Laptop model', required: false,
          validValues: [{ value: '10301', label: 'ThinkPad', children: [{ value: '10302', label: 'X1', children: [] }] }],
          jiraSchema: { type: 'option-with-child', custom: 'com.atlassian.jira.plugin.system.customfieldtypes:cascadingselect', customId: 10200 },
        },
      ],
    }]);
    const form = await client().serviceDesk.requestTypeFields('10', '25', { includeHidden: true });
    expect(calls[0]?.query).toEqual({ expand: 'hiddenFields' });
    expect(form.canRaiseOnBehalfOf).toBe(true);
    expect(form.requestTypeFields.filter((field) => field.required).map((field) => field.fieldId)).toEqual(['summary']);
    expect(form.requestTypeFields[1]?.validValues?.[0]?.children?.[0]).toMatchObject({ value: '10302', label: 'X1' });
  });
});

describe('serviceDesk.requests', () => {
  it('creates a request with field values, on behalf of a customer, with participants; not retried', async () => {
    const calls = route('POST', '/rest/servicedeskapi/request', [201, REQUEST]);
    const created = await client().serviceDesk.requests.create({
      serviceDeskId: '10',
      requestTypeId: '25',
      requestFieldValues: { summary: 'Request JSD help via REST', description: 'I need a new *mouse*', customfield_10200: { id: '10301' } },
      raiseOnBehalfOf: 'qm:a713c8ea:5ad6d3581db05e2a66fa80b',
      requestParticipants: ['5b10ac8d82e05b22cc7d4ef5'],
    });
    expect(calls[0]?.json()).toEqual({
      serviceDeskId: '10',
      requestTypeId: '25',
      requestFieldValues: { summary: 'Request JSD help via REST', description: 'I need a new *mouse*', customfield_10200: { id: '10301' } },
      raiseOnBehalfOf: 'qm:a713c8ea:5ad6d3581db05e2a66fa80b',
      requestParticipants: ['5b10ac8d82e05b22cc7d4ef5'],
    });
    expect(created).toMatchObject({ issueKey: 'HELP-1', currentStatus: { statusCategory: 'NEW' }, _links: { web: `${SITE}/servicedesk/customer/portal/2/HELP-1` } });
    expect(created.createdDate?.epochMillis).toBe(1444290120000);
  });

  it('is not retried on a 503', async () => {
    const calls = route('POST', '/rest/servicedeskapi/request', [503, '']);
    await expect(client({ maxRetries: 2 }).serviceDesk.requests.create({ serviceDeskId: '10', requestTypeId: '25', requestFieldValues: { summary: 'x' } }))
      .rejects.toMatchObject({ status: 503 });
    expect(calls).toHaveLength(1);
  });

  it('refuses missing ids and field values before any request', async () => {
    await expect(client().serviceDesk.requests.create({ serviceDeskId: '', requestTypeId: '25', requestFieldValues: {} })).rejects.toMatchObject({ field: 'serviceDeskId' });
    await expect(client().serviceDesk.requests.create({ serviceDeskId: '1', requestTypeId: '25', requestFieldValues: [] as never })).rejects.toMatchObject({ field: 'requestFieldValues' });
  });

  it('gets a request with expansions', async () => {
    const calls = route('GET', '/rest/servicedeskapi/request/HELP-1', [200, REQUEST]);
    await expect(client().serviceDesk.requests.get('HELP-1', { expand: ['requestType', 'status'] })).resolves.toMatchObject({ issueId: '107001' });
    expect(calls[0]?.query).toEqual({ expand: 'requestType,status' });
  });

  it('lists request comments (start/limit) and adds a public reply and an internal note', async () => {
    const jsmComment = (id: string, isPublic: boolean) => ({
      id, body: `comment ${id}`, public: isPublic, author: { accountId: 'acc-1', displayName: 'Agent' },
      created: { iso8601: '2025-01-17T12:34:00+0000', epochMillis: 1737117240000 }, _links: { self: `${SITE}/x` },
    });
    const list = route('GET', '/rest/servicedeskapi/request/HELP-1/comment', [
      [200, page([jsmComment('1', true), jsmComment('2', false)], 0, 2, false)],
      [200, page([jsmComment('3', true)], 2, 2, true)],
    ]);
    const comments = await client().serviceDesk.requests.comments.list('HELP-1', { pageSize: 2, internal: false }).toArray({ limit: 10 });
    expect(comments.map((item) => [item.id, item.public])).toEqual([['1', true], ['2', false], ['3', true]]);
    expect(list.map((call) => call.query)).toEqual([{ internal: 'false', start: '0', limit: '2' }, { internal: 'false', start: '2', limit: '2' }]);

    const add = route('POST', '/rest/servicedeskapi/request/HELP-1/comment', [[201, jsmComment('4', true)], [201, jsmComment('5', false)]]);
    await client().serviceDesk.requests.comments.add('HELP-1', { body: 'We are on it.', public: true });
    const note = await client().serviceDesk.requests.comments.add('HELP-1', { body: 'Agent note', public: false });
    expect(add.map((call) => call.json())).toEqual([{ body: 'We are on it.', public: true }, { body: 'Agent note', public: false }]);
    expect(note.public).toBe(false);
    await expect(client().serviceDesk.requests.comments.add('HELP-1', { body: 'x' } as never)).rejects.toMatchObject({ field: 'public' });
  });

  it('lists and performs customer transitions', async () => {
    const list = route('GET', '/rest/servicedeskapi/request/HELP-1/transition', [200, page([{ id: '2', name: 'Close' }, { id: '3', name: 'Reopen' }], 0, 50, true)]);
    await expect(client().serviceDesk.requests.transitions.list('HELP-1').toArray({ limit: 10 })).resolves.toEqual([{ id: '2', name: 'Close' }, { id: '3', name: 'Reopen' }]);
    expect(list[0]?.query).toEqual({ start: '0', limit: '50' });
    const perform = route('POST', '/rest/servicedeskapi/request/HELP-1/transition', [[204], [204]]);
    await client().serviceDesk.requests.transitions.perform('HELP-1', { transitionId: '2', comment: 'Thanks, closing.' });
    await client().serviceDesk.requests.transitions.perform('HELP-1', { transitionId: '3' });
    expect(perform.map((call) => call.json())).toEqual([{ id: '2', additionalComment: { body: 'Thanks, closing.' } }, { id: '3' }]);
  });
});

describe('serviceDesk.customers', () => {
  it('lists customers with X-ExperimentalApi: opt-in and a query', async () => {
    const calls = route('GET', '/rest/servicedeskapi/servicedesk/10/customer', [
      [200, page([{ accountId: 'qm:1', displayName: 'Fred', emailAddress: 'fred@example.com', active: true }], 0, 1, false)],
      [200, page([], 1, 1, true)],
    ]);
    const customers = await client().serviceDesk.customers.list('10', { query: 'fred', pageSize: 1 }).toArray({ limit: 10 });
    expect(customers.map((item) => item.accountId)).toEqual(['qm:1']);
    expect(calls.map((call) => call.headers.get('x-experimentalapi'))).toEqual(['opt-in', 'opt-in']);
    expect(calls[0]?.query).toEqual({ query: 'fred', start: '0', limit: '1' });
  });

  it('adds accounts to a desk', async () => {
    const calls = route('POST', '/rest/servicedeskapi/servicedesk/10/customer', [204]);
    await client().serviceDesk.customers.add('10', ['qm:1', '5b10ac8d82e05b22cc7d4ef5']);
    expect(calls[0]?.json()).toEqual({ accountIds: ['qm:1', '5b10ac8d82e05b22cc7d4ef5'] });
    expect(calls[0]?.headers.get('x-experimentalapi')).toBeNull();
    await expect(client().serviceDesk.customers.add('10', [])).rejects.toBeInstanceOf(InputError);
  });

  it('creates a customer, asking for 409 on a duplicate, which is a ConflictError', async () => {
    const calls = route('POST', '/rest/servicedeskapi/customer', [
      [201, { accountId: 'qm:new', displayName: 'Ada Lovelace', emailAddress: 'ada@example.com', active: true, timeZone: 'UTC', _links: { self: 'x' } }],
      [409, { errorMessage: 'An account already exists for this email', i18nErrorMessage: { i18nKey: 'sd.customer.duplicate', parameters: [] } }],
    ]);
    const created = await client().serviceDesk.customers.create({ email: ' ada@example.com ', displayName: 'Ada Lovelace' });
    expect(created).toMatchObject({ accountId: 'qm:new', emailAddress: 'ada@example.com' });
    expect(calls[0]?.query).toEqual({ strictConflictStatusCode: 'true' });
    expect(calls[0]?.json()).toEqual({ email: 'ada@example.com', displayName: 'Ada Lovelace' });
    const error = await failure(client().serviceDesk.customers.create({ email: 'ada@example.com', displayName: 'Ada' }));
    expect(error).toBeInstanceOf(ConflictError);
    expect(error).toMatchObject({ messages: ['An account already exists for this email'] });
    await expect(client().serviceDesk.customers.create({ email: 'nope', displayName: 'x' })).rejects.toMatchObject({ field: 'email' });
  });
});
