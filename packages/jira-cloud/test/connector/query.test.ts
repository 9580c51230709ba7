/**
 * `tickets.list()` as JQL: values stay literals, people become account ids, categories become the
 * project's status ids through the mapping (overrides included), dates are written in the account's
 * time zone and filtered exactly, and a person nobody is ends the search before it starts.
 */
import { AmbiguousMatchError, InputError } from '@itsm/core';
import { describe, expect, it } from 'vitest';
import { createJiraConnector, jql, type JiraConnectorOptions } from '../../src/index.js';
import { ticketSearchJql } from '../../src/connector/query.js';
import { API_TOKEN, CATEGORY, EMAIL, SITE, failure, issueBody, route, useNock } from '../client/support.js';

useNock();

function connector(options: Partial<JiraConnectorOptions> = {}) {
  return createJiraConnector({
    baseUrl: SITE,
    email: EMAIL,
    apiToken: API_TOKEN,
    timeZone: 'UTC',
    retryDelay: { baseMs: 1, maxMs: 2 },
    projectKey: 'HELP',
    ...options,
  } as JiraConnectorOptions);
}

const STATUSES = [
  { id: '10001', name: 'Waiting for support', statusCategory: CATEGORY.new },
  { id: '10002', name: 'Waiting for customer', statusCategory: CATEGORY.indeterminate },
  { id: '3', name: 'In Progress', statusCategory: CATEGORY.indeterminate },
  { id: '10010', name: 'Waiting for approval', statusCategory: CATEGORY.indeterminate },
  { id: '5', name: 'Resolved', statusCategory: CATEGORY.done },
  { id: '6', name: 'Closed', statusCategory: CATEGORY.done },
];
const PROJECT_STATUSES = [
  { id: '10003', name: 'Incident', subtask: false, statuses: STATUSES },
  { id: '10004', name: 'Service Request', subtask: false, statuses: STATUSES.slice(0, 3) },
];

function issue(key: string, id: string, updated: string) {
  return issueBody(key, id, { created: '2025-12-01T00:00:00.000+0000', updated, reporter: { accountId: 'acc-ann', displayName: 'Ann', emailAddress: 'ann@example.com' } });
}

function jqlOf(calls: { json(): unknown }[], index = 0): string {
  return (calls[index]?.json() as { jql: string }).jql;
}

describe('ticketSearchJql', () => {
  it('keeps every value one literal, whatever it holds', () => {
    const evil = 'x" OR project = SECRET OR reporter = "y';
    const text = String(ticketSearchJql({ projectKey: 'HELP" OR project != "X', reporter: evil, assignee: 'a\\"b', statusIds: ['10001', '3'], issueTypeIds: ['10003'] }, jql));
    expect(text).toBe(
      'project = "HELP\\" OR project != \\"X" AND reporter = "x\\" OR project = SECRET OR reporter = \\"y" AND assignee = "a\\\\\\"b" ' +
        'AND status IN (10001, 3) AND issuetype IN (10003) ORDER BY updated DESC, key DESC',
    );
  });

  it('writes the date floored to the minute in the tag\'s time zone, and the order asked for', () => {
    const since = new Date('2026-01-01T00:00:30.500Z');
    expect(String(ticketSearchJql({ projectKey: 'HELP', updatedSince: since, order: 'updated_asc' }, jql.withTimeZone('Asia/Kolkata')))).toBe(
      'project = "HELP" AND updated >= "2026-01-01 05:30" ORDER BY updated ASC, key ASC',
    );
  });
});

describe('tickets.list', () => {
  it('sends an injected id as one literal', async () => {
    const search = route('POST', '/rest/api/3/search/jql', [200, { issues: [], isLast: true }]);
    await connector().tickets.list({ requester: { id: 'x" OR project = SECRET OR reporter = "y' } }).toArray({ limit: 10 });
    expect(jqlOf(search)).toBe('project = "HELP" AND reporter = "x\\" OR project = SECRET OR reporter = \\"y" ORDER BY updated DESC, key DESC');
    expect(search[0]?.json()).toMatchObject({ fields: expect.arrayContaining(['summary', 'status', 'reporter', 'updated', '*navigable']) });
  });

  it('finds the requester by email and searches by account id', async () => {
    const users = route('GET', '/rest/api/3/user/search', [200, [
      { accountId: 'acc-ann', displayName: 'Ann', emailAddress: 'Ann@Example.com', accountType: 'atlassian' },
      { accountId: 'acc-annie', displayName: 'Annie', emailAddress: 'ann@example.com.au', accountType: 'atlassian' },
    ]]);
    const search = route('POST', '/rest/api/3/search/jql', [200, { issues: [issue('HELP-1', '10001', '2026-01-01T00:00:00.000+0000')], isLast: true }]);
    const tickets = await connector().tickets.list({ requester: 'ann@example.com' }).toArray({ limit: 10 });
    expect(users[0]?.query.query).toBe('ann@example.com');
    expect(jqlOf(search)).toBe('project = "HELP" AND reporter = "acc-ann" ORDER BY updated DESC, key DESC');
    expect(tickets.map((ticket) => ticket.key)).toEqual(['HELP-1']);
    expect(tickets[0]?.url).toBe(`${SITE}/browse/HELP-1`);
  });

  it('returns nothing, without searching, for an email nobody shows', async () => {
    route('GET', '/rest/api/3/user/search', [200, []]);
    expect(await connector().tickets.list({ assignee: 'nobody@example.com' }).toArray({ limit: 10 })).toEqual([]);
  });

  it('throws AmbiguousMatchError when a user and a customer of the desk share the email', async () => {
    route('GET', '/rest/api/3/user/search', [200, [{ accountId: 'acc-ann', displayName: 'Ann', emailAddress: 'ann@example.com' }]]);
    const customers = route('GET', '/rest/servicedeskapi/servicedesk/1/customer', [200, {
      values: [
        { accountId: 'acc-ann', displayName: 'Ann', emailAddress: 'ann@example.com' },
        { accountId: 'qm:ann', displayName: 'Ann (portal)', emailAddress: 'ANN@example.com' },
      ],
      isLastPage: true,
    }]);
    const error = await failure(connector({ serviceDeskId: '1' }).tickets.list({ requester: 'ann@example.com' }).toArray({ limit: 1 }));
    expect(error).toBeInstanceOf(AmbiguousMatchError);
    expect((error as AmbiguousMatchError).matchIds).toEqual(['acc-ann', 'qm:ann']);
    expect(customers[0]?.headers.get('x-experimentalapi')).toBe('opt-in');
  });

  it('turns categories into the status ids the mapping gives, statusMap included', async () => {
    route('GET', '/rest/api/3/project/HELP/statuses', [200, PROJECT_STATUSES]);
    const search = route('POST', '/rest/api/3/search/jql', [200, { issues: [], isLast: true }], { times: 3 });
    const jira = connector({ statusMap: { 'Waiting for approval': 'waiting_for_user', '6': 'resolved' } });
    await jira.tickets.list({ categories: ['waiting_for_user'] }).toArray({ limit: 1 });
    await jira.tickets.list({ categories: ['resolved'], type: 'incident' }).toArray({ limit: 1 });
    await jira.tickets.list({ categories: ['open', 'in_progress'] }).toArray({ limit: 1 });
    expect(jqlOf(search, 0)).toBe('project = "HELP" AND status IN (10002, 10010) ORDER BY updated DESC, key DESC');
    expect(jqlOf(search, 1)).toBe('project = "HELP" AND status IN (5, 6) AND issuetype IN (10003) ORDER BY updated DESC, key DESC');
    expect(jqlOf(search, 2)).toBe('project = "HELP" AND status IN (10001, 3) ORDER BY updated DESC, key DESC');
  });

  it('returns nothing for a category no status of the project maps to', async () => {
    route('GET', '/rest/api/3/project/HELP/statuses', [200, PROJECT_STATUSES]);
    expect(await connector().tickets.list({ categories: ['closed'], type: 'problem' }).toArray({ limit: 1 })).toEqual([]);
  });

  it('writes updatedSince in the account\'s time zone and drops what JQL\'s minute lets through', async () => {
    route('GET', '/rest/api/3/myself', [200, { accountId: 'bot', displayName: 'Bot', active: true, timeZone: 'Asia/Kolkata' }]);
    const search = route('POST', '/rest/api/3/search/jql', [200, {
      issues: [issue('HELP-2', '10002', '2026-01-01T06:00:45.000+0530'), issue('HELP-1', '10001', '2026-01-01T05:30:10.000+0530')],
      isLast: true,
    }]);
    const tickets = await connector({ timeZone: undefined }).tickets
      .list({ updatedSince: '2026-01-01T00:00:30Z', order: 'updated_asc', pageSize: 20 })
      .toArray({ limit: 10 });
    expect(jqlOf(search)).toBe('project = "HELP" AND updated >= "2026-01-01 05:30" ORDER BY updated ASC, key ASC');
    expect(search[0]?.json()).toMatchObject({ maxResults: 20 });
    expect(tickets.map((ticket) => [ticket.key, ticket.updatedAt])).toEqual([['HELP-2', '2026-01-01T00:30:45.000Z']]);
  });

  it('writes a date that is ambiguous in the account\'s zone (clocks set back) as a bound no later than the instant', async () => {
    // 2025-10-26 in Berlin: 02:00-03:00 happens twice. 00:30Z is the first 02:30 (CEST); Jira may
    // read "02:30" as the second one (01:30Z) and skip an hour, so the bound is written as 01:30.
    const search = route('POST', '/rest/api/3/search/jql', [[200, { issues: [], isLast: true }], [200, { issues: [], isLast: true }]]);
    route('GET', '/_edge/tenant_info', [200, { cloudId: 'cloud-1' }]); // the change feed's scope
    const jira = connector({ timeZone: 'Europe/Berlin' });
    await jira.tickets.list({ updatedSince: '2025-10-26T00:30:00Z' }).toArray({ limit: 10 });
    expect(jqlOf(search)).toBe('project = "HELP" AND updated >= "2025-10-26 01:30" ORDER BY updated DESC, key DESC');
    await jira.tickets.changes({ since: '2025-10-26T00:30:00Z' });
    expect(jqlOf(search, 1)).toBe('project = "HELP" AND updated >= "2025-10-26 01:30" ORDER BY updated ASC, key ASC');
  });

  it('follows nextPageToken', async () => {
    const search = route('POST', '/rest/api/3/search/jql', [
      [200, { issues: [issue('HELP-2', '10002', '2026-01-02T00:00:00.000+0000')], nextPageToken: 'page-2' }],
      [200, { issues: [issue('HELP-1', '10001', '2026-01-01T00:00:00.000+0000')], isLast: true }],
    ]);
    const tickets = await connector().tickets.list().toArray({ limit: 10 });
    expect(tickets.map((ticket) => ticket.key)).toEqual(['HELP-2', 'HELP-1']);
    expect(search[1]?.json()).toMatchObject({ nextPageToken: 'page-2' });
  });

  it('rejects a bad query with an InputError naming the field, before any request', async () => {
    const bad = await failure(connector().tickets.list({ categories: [] }).toArray({ limit: 1 }));
    expect(bad).toBeInstanceOf(InputError);
    expect((bad as InputError).field).toBe('query.categories');
    expect((bad as InputError).provider).toBe('jira-cloud');
    const unknown = await failure(connector().tickets.list({ reporter: 'x' } as never).toArray({ limit: 1 }));
    expect((unknown as InputError).field).toBe('query.reporter');
  });
});
