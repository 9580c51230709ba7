/**
 * What `create()` and `update()` send: a JSM request raised on behalf of the requester (then an edit
 * for what request forms lack), or a platform issue with the requester as reporter; honest refusals
 * for what Jira cannot do.
 */
import { InputError, UnsupportedError } from '@itsm/core';
import { describe, expect, it } from 'vitest';
import { createJiraConnector, textToAdf, type JiraConnectorOptions } from '../../src/index.js';
import { API_TOKEN, CATEGORY, EMAIL, SITE, failure, issueBody, route, useNock } from '../client/support.js';

useNock();

function connector(options: Partial<JiraConnectorOptions> = {}) {
  return createJiraConnector({ baseUrl: SITE, email: EMAIL, apiToken: API_TOKEN, timeZone: 'UTC', projectKey: 'HELP', ...options } as JiraConnectorOptions);
}

const created = (id: string, key: string) =>
  issueBody(key, id, {
    status: { id: '10001', name: 'Waiting for support', statusCategory: CATEGORY.new },
    created: '2026-01-01T00:00:00.000+0000',
    updated: '2026-01-01T00:00:00.000+0000',
    reporter: { accountId: 'acc-ann', displayName: 'Ann', emailAddress: 'ann@example.com' },
  });

const ANN = { accountId: 'acc-ann', displayName: 'Ann', emailAddress: 'ann@example.com', accountType: 'customer' };
const BOT = { accountId: 'acc-bot', displayName: 'Helpdesk bot', active: true, timeZone: 'UTC' };
/** The issue property a create keeps its generated idempotency key in. */
const GENERATED_KEY = { key: 'itsm.idempotency', value: { key: expect.stringMatching(/^itsm-[0-9a-f-]{36}$/) } };

describe('tickets.create', () => {
  it('raises a JSM request on behalf of the requester, then sets priority and assignee by an edit', async () => {
    route('GET', '/rest/api/3/user/search', [200, [ANN]], { times: 1 });
    route('GET', '/rest/servicedeskapi/servicedesk/1/customer', [200, { values: [ANN], isLastPage: true }]);
    const request = route('POST', '/rest/servicedeskapi/request', [201, { issueId: '10100', issueKey: 'HELP-100' }]);
    const marker = route('PUT', '/rest/api/3/issue/10100/properties/itsm.idempotency', [201, {}]);
    const edit = route('PUT', '/rest/api/3/issue/10100', [204]);
    route('GET', '/rest/api/3/issue/10100', [200, created('10100', 'HELP-100')]);
    const ticket = await connector({ serviceDeskId: '1', requestTypeId: '4' }).tickets.create({
      subject: 'VPN drops',
      description: 'Since *Monday*.\nEvery hour.',
      requester: 'ann@example.com',
      assignee: { id: 'acc-eve' },
      priority: 'critical',
      providerFields: { customfield_10040: 'IT-1' },
    });
    expect(request[0]?.json()).toEqual({
      serviceDeskId: '1',
      requestTypeId: '4',
      requestFieldValues: { customfield_10040: 'IT-1', summary: 'VPN drops', description: textToAdf('Since *Monday*.\nEvery hour.') },
      raiseOnBehalfOf: 'acc-ann',
      isAdfRequest: true,
    });
    expect(marker[0]?.json()).toEqual(GENERATED_KEY.value);
    expect(edit[0]?.json()).toEqual({ fields: { priority: { name: 'Highest' }, assignee: { accountId: 'acc-eve' } } });
    expect(ticket).toMatchObject({ id: '10100', key: 'HELP-100', requester: { email: 'ann@example.com' }, status: { category: 'open' } });
  });

  it('picks a request type whose issue type fits input.type', async () => {
    route('GET', '/rest/api/3/project/HELP/statuses', [200, [
      { id: '10003', name: 'Incident', subtask: false, statuses: [] },
      { id: '10004', name: 'Service Request', subtask: false, statuses: [] },
    ]]);
    route('GET', '/rest/servicedeskapi/servicedesk/1/requesttype', [200, {
      values: [
        { id: '1', name: 'Get IT help', issueTypeId: '10004', portalId: '1' },
        { id: '2', name: 'Report a system problem', issueTypeId: '10003', portalId: '1' },
      ],
      isLastPage: true,
    }]);
    route('GET', '/rest/api/3/myself', [200, BOT]);
    const request = route('POST', '/rest/servicedeskapi/request', [201, { issueId: '10101', issueKey: 'HELP-101' }]);
    route('PUT', '/rest/api/3/issue/10101/properties/itsm.idempotency', [201, {}]);
    route('GET', '/rest/api/3/issue/10101', [200, created('10101', 'HELP-101')]);
    const jira = connector({ serviceDeskId: '1', requestTypeId: '1' });
    await jira.tickets.create({ subject: 'Printer down', type: 'incident' });
    expect(request[0]?.json()).toEqual({ serviceDeskId: '1', requestTypeId: '2', requestFieldValues: { summary: 'Printer down' } });
    const error = await failure(jira.tickets.create({ subject: 'x', type: 'change' }));
    expect((error as InputError).field).toBe('input.type');
  });

  it('creates a platform issue with the requester as reporter and the issue type of input.type', async () => {
    route('GET', '/rest/api/3/project/HELP/statuses', [200, [
      { id: '10000', name: 'Task', subtask: false, statuses: [] },
      { id: '10001', name: 'Sub-task', subtask: true, statuses: [] },
      { id: '10002', name: 'Bug', subtask: false, statuses: [] },
    ]]);
    route('GET', '/rest/api/3/myself', [200, BOT]);
    const create = route('POST', '/rest/api/3/issue', [[201, { id: '10102', key: 'HELP-102' }], [201, { id: '10103', key: 'HELP-103' }]]);
    route('GET', '/rest/api/3/issue/10102', [200, created('10102', 'HELP-102')]);
    route('GET', '/rest/api/3/issue/10103', [200, created('10103', 'HELP-103')]);
    const jira = connector({ typeMap: { Bug: 'incident' } });
    await jira.tickets.create({ subject: 'Disk full', description: 'On srv-1', requester: { id: 'acc-ann' }, priority: 'low' });
    await jira.tickets.create({ subject: 'Outage', type: 'incident' });
    expect(create[0]?.json()).toEqual({
      fields: {
        project: { key: 'HELP' },
        issuetype: { id: '10000' },
        summary: 'Disk full',
        description: textToAdf('On srv-1'),
        reporter: { accountId: 'acc-ann' },
        priority: { name: 'Low' },
      },
      properties: [GENERATED_KEY],
    });
    expect(create[1]?.json()).toMatchObject({ fields: { issuetype: { id: '10002' } } });
  });

  it('refuses, before any request, what Jira cannot take', async () => {
    const jira = connector();
    expect(await failure(jira.tickets.create({ subject: 'x', team: 'Network' }))).toBeInstanceOf(UnsupportedError);
    expect(((await failure(jira.tickets.create({ subject: 'two\nlines' }))) as InputError).field).toBe('input.subject');
    expect(((await failure(jira.tickets.create({ subject: 'x'.repeat(256) }))) as InputError).field).toBe('input.subject');
    expect(((await failure(jira.tickets.create({ subject: 'x', requester: 'not an email@' }))) as InputError).field).toMatch(/^input\.requester/);
  });

  it('refuses providerFields that would override what the connector sets, instead of dropping one of them', async () => {
    const jira = connector();
    for (const [providerFields, field] of [
      [{ project: { key: 'OTHER' } }, 'input.providerFields.project'],
      [{ issuetype: { id: '1' } }, 'input.providerFields.issuetype'],
      [{ summary: 'Another subject' }, 'input.providerFields.summary'],
    ] as const) {
      const error = await failure(jira.tickets.create({ subject: 'x', providerFields }));
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).field).toBe(field);
    }
    const jsm = connector({ serviceDeskId: '1', requestTypeId: '4' });
    const error = await failure(jsm.tickets.create({ subject: 'x', priority: 'low', providerFields: { priority: { name: 'High' } } }));
    expect((error as InputError).field).toBe('input.providerFields.priority');
  });

  it('names input.requester when nobody shows the email', async () => {
    route('GET', '/rest/api/3/user/search', [200, []]);
    const error = await failure(connector().tickets.create({ subject: 'x', requester: 'ghost@example.com' }));
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).field).toBe('input.requester');
    expect((error as Error).message).toMatch(/privacy/);
  });
});

describe('tickets.update', () => {
  it('edits the fields given, unassigns with null, and returns the ticket', async () => {
    const edit = route('PUT', '/rest/api/3/issue/HELP-7', [204]);
    route('GET', '/rest/api/3/issue/HELP-7', [200, created('10007', 'HELP-7')]);
    await connector().tickets.update('HELP-7', { subject: 'New', description: null, assignee: null, priority: 'high', providerFields: { labels: ['vpn'] } });
    expect(edit[0]?.json()).toEqual({ fields: { labels: ['vpn'], summary: 'New', description: null, priority: { name: 'High' }, assignee: null } });
  });

  it('refuses providerFields that the patch also sets', async () => {
    const error = await failure(connector().tickets.update('HELP-7', { subject: 'New', providerFields: { summary: 'Other' } }));
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).field).toBe('patch.providerFields.summary');
  });

  it('refuses a type change and a team, which Jira cannot edit', async () => {
    const type = await failure(connector().tickets.update('HELP-7', { type: 'incident' }));
    expect(type).toBeInstanceOf(UnsupportedError);
    expect((type as UnsupportedError).capability).toBe('changeType');
    expect(await failure(connector().tickets.update('HELP-7', { team: 'Network' }))).toBeInstanceOf(UnsupportedError);
    expect(((await failure(connector().tickets.update('HELP-7', { status: 'resolved' } as never))) as InputError).field).toBe('patch.status');
  });
});
