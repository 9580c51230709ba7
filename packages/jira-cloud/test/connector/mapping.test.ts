/**
 * The mappings from Jira to the shared model: statuses (defaults, name overrides, `statusMap` by
 * name and id), priorities, issue types, timestamps to UTC, issues, comments, users, time zones.
 */
import { TicketSchema } from '@itsm/core';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_JIRA_STATUS_NAMES,
  IssueSchema,
  createStatusMapper,
  createTypeMapper,
  isUtcLikeTimeZone,
  jiraCommentToComment,
  jiraCommentVisibility,
  jiraIssueToTicket,
  jiraPriorityLevel,
  jiraTimestampToUtc,
  jiraUserToUser,
  requestTypeToCatalogItem,
  textToAdf,
} from '../../src/index.js';

const status = (name: string, key: string, id = '1') => ({ id, name, statusCategory: { key } });

describe('status mapping', () => {
  const category = createStatusMapper();

  it('maps the Jira status categories', () => {
    expect(category(status('To Do', 'new'))).toBe('open');
    expect(category(status('In Review', 'indeterminate'))).toBe('in_progress');
    expect(category(status('Done', 'done'))).toBe('resolved');
    expect(category(status('Triage', 'undefined'))).toBe('unknown');
    expect(category({ name: 'Triage' })).toBe('unknown');
    expect(category(status('Odd', 'in-flight'))).toBe('unknown');
  });

  it('overrides the category by status name, case-insensitively', () => {
    expect(category(status('Waiting for customer', 'indeterminate'))).toBe('waiting_for_user');
    expect(category(status('WAITING FOR CUSTOMER', 'new'))).toBe('waiting_for_user');
    expect(category(status('Pending', 'indeterminate'))).toBe('waiting_for_user');
    expect(category(status('Awaiting  customer', 'indeterminate'))).toBe('waiting_for_user');
    expect(category(status('Closed', 'done'))).toBe('closed');
    expect(category(status('Canceled', 'done'))).toBe('closed');
    expect(category(status('Won\u2019t do', 'done'))).toBe('closed');
    expect(category(status('Reopened', 'indeterminate'))).toBe('open');
    expect(category(status('Resolved', 'done'))).toBe('resolved');
    expect(Object.keys(DEFAULT_JIRA_STATUS_NAMES)).toContain('waiting for customer');
  });

  it('never mistakes an inherited property for a mapping', () => {
    expect(category(status('constructor', 'new'))).toBe('open');
    expect(category(status('toString', 'toString'))).toBe('unknown');
  });

  it('lets statusMap win, by name or by id, the id before the name', () => {
    const custom = createStatusMapper({ 'waiting for approval': 'waiting_for_user', Closed: 'resolved', '10005': 'closed', Done: 'closed' });
    expect(custom(status('Waiting for Approval', 'indeterminate'))).toBe('waiting_for_user');
    expect(custom(status('Closed', 'done'))).toBe('resolved');
    expect(custom(status('Done', 'done', '10005'))).toBe('closed');
    expect(custom(status('Resolved', 'done', '10005'))).toBe('closed');
    expect(custom(status('In Progress', 'indeterminate'))).toBe('in_progress');
  });
});

describe('priority and type mapping', () => {
  it('maps priority names to levels', () => {
    for (const name of ['Highest', 'Blocker', 'critical']) expect(jiraPriorityLevel(name)).toBe('critical');
    expect(jiraPriorityLevel('High')).toBe('high');
    expect(jiraPriorityLevel('medium')).toBe('medium');
    for (const name of ['Low', 'Lowest', 'Minor', 'Trivial']) expect(jiraPriorityLevel(name)).toBe('low');
    expect(jiraPriorityLevel('P1')).toBe('unknown');
  });

  it('maps issue types, with typeMap overrides by name and id', () => {
    const type = createTypeMapper();
    expect(type({ name: 'Incident' })).toBe('incident');
    expect(type({ name: 'Service Request with Approvals' })).toBe('service_request');
    expect(type({ name: 'Request' })).toBe('service_request');
    expect(type({ name: 'Problem' })).toBe('problem');
    expect(type({ name: 'Change' })).toBe('change');
    expect(type({ name: 'Sub-task' })).toBe('task');
    expect(type({ name: 'Epic' })).toBe('other');
    const custom = createTypeMapper({ bug: 'incident', '10004': 'task' });
    expect(custom({ name: 'Bug' })).toBe('incident');
    expect(custom({ id: '10004', name: 'Service Request' })).toBe('task');
    expect(custom({ name: 'Service Request' })).toBe('service_request');
  });
});

describe('timestamps', () => {
  it('turns Jira offsets into UTC instants ending in Z', () => {
    expect(jiraTimestampToUtc('2025-01-17T12:34:00.000+0000')).toBe('2025-01-17T12:34:00.000Z');
    expect(jiraTimestampToUtc('2025-07-01T14:34:56.789+0200')).toBe('2025-07-01T12:34:56.789Z');
    expect(jiraTimestampToUtc('2025-07-01T05:04:56.789+0530')).toBe('2025-06-30T23:34:56.789Z');
    expect(jiraTimestampToUtc('2025-12-31T20:00:00.000-0800')).toBe('2026-01-01T04:00:00.000Z');
    expect(jiraTimestampToUtc('2025-07-01T14:34:56+02:00')).toBe('2025-07-01T12:34:56.000Z');
    expect(jiraTimestampToUtc('2025-07-01T14:34Z')).toBe('2025-07-01T14:34:00.000Z');
  });

  it('refuses what is not a date-time with an offset', () => {
    expect(jiraTimestampToUtc('2025-07-01T14:34:56')).toBeUndefined();
    expect(jiraTimestampToUtc('2025-07-01')).toBeUndefined();
    expect(jiraTimestampToUtc('yesterday')).toBeUndefined();
    expect(jiraTimestampToUtc('2025-13-45T99:99:00+0000')).toBeUndefined();
  });
});

describe('issues as tickets', () => {
  const issue = IssueSchema.parse({
    id: '10042',
    key: 'HELP-42',
    fields: {
      summary: 'VPN drops',
      description: textToAdf('Since Monday.\nEvery hour.'),
      status: { id: '10002', name: 'Waiting for customer', statusCategory: { key: 'indeterminate' } },
      issuetype: { id: '10003', name: 'Incident' },
      priority: { id: '2', name: 'High' },
      reporter: { accountId: 'qm:1', displayName: 'Ann Lee', emailAddress: 'ann@example.com', accountType: 'customer' },
      assignee: { accountId: '5b10', displayName: 'Eve Agent' },
      created: '2026-03-01T10:00:00.000+0100',
      updated: '2026-03-02T10:00:00.123-0500',
      resolutiondate: null,
      customfield_10020: { id: '10021', value: 'Significant / Large' },
      customfield_10040: null,
      customfield_10050: 0,
      labels: ['vpn'],
    },
  });

  it('maps every field of the model, dates in UTC', () => {
    const ticket = jiraIssueToTicket(issue, { url: 'https://acme.atlassian.net/browse/HELP-42' });
    expect(TicketSchema.parse(ticket)).toBeTruthy();
    expect(ticket).toMatchObject({
      provider: 'jira-cloud',
      id: '10042',
      key: 'HELP-42',
      url: 'https://acme.atlassian.net/browse/HELP-42',
      type: 'incident',
      subject: 'VPN drops',
      description: 'Since Monday.\nEvery hour.',
      status: { category: 'waiting_for_user', native: { id: '10002', name: 'Waiting for customer' } },
      priority: { level: 'high', native: { id: '2', name: 'High' } },
      requester: { id: 'qm:1', email: 'ann@example.com', name: 'Ann Lee' },
      assignee: { id: '5b10', name: 'Eve Agent' },
      createdAt: '2026-03-01T09:00:00.000Z',
      updatedAt: '2026-03-02T15:00:00.123Z',
    });
    expect(ticket.resolvedAt).toBeUndefined();
    expect(ticket.team).toBeUndefined();
    expect(ticket.assignee).not.toHaveProperty('email');
    expect(ticket.customFields).toEqual({ customfield_10020: { id: '10021', value: 'Significant / Large' }, customfield_10050: 0 });
    expect(ticket.raw).toBe(issue);
  });

  it('uses the mappings it is given, and sets resolvedAt from resolutiondate', () => {
    const done = IssueSchema.parse({
      ...issue,
      fields: { ...issue.fields, status: { id: '6', name: 'Finished', statusCategory: { key: 'done' } }, resolutiondate: '2026-03-03T00:00:00.000+0000', priority: null, description: null },
    });
    const ticket = jiraIssueToTicket(done, { statusCategory: createStatusMapper({ '6': 'closed' }), ticketType: createTypeMapper({ Incident: 'problem' }) });
    expect(ticket.status.category).toBe('closed');
    expect(ticket.type).toBe('problem');
    expect(ticket.resolvedAt).toBe('2026-03-03T00:00:00.000Z');
    expect(ticket.priority).toBeUndefined();
    expect(ticket.description).toBeUndefined();
    expect(ticket.url).toBeUndefined();
  });

  it('refuses an issue without timestamps', () => {
    const bare = IssueSchema.parse({ id: '1', key: 'HELP-1', fields: { summary: 'x' } });
    expect(() => jiraIssueToTicket(bare)).toThrow(/created/);
  });
});

describe('comments, users and catalog items', () => {
  it('tells internal comments from public ones', () => {
    const body = textToAdf('note');
    expect(jiraCommentVisibility({ id: '1', body, jsdPublic: true })).toBe('public');
    expect(jiraCommentVisibility({ id: '1', body })).toBe('public');
    expect(jiraCommentVisibility({ id: '1', body, jsdPublic: false })).toBe('internal');
    expect(jiraCommentVisibility({ id: '1', body, properties: [{ key: 'sd.public.comment', value: { internal: true } }] })).toBe('internal');
    expect(jiraCommentVisibility({ id: '1', body, properties: [{ key: 'sd.public.comment', value: { internal: false } }] })).toBe('public');
    expect(jiraCommentVisibility({ id: '1', body, visibility: { type: 'role', value: 'Administrators' } })).toBe('internal');
    const comment = jiraCommentToComment({ id: '7', body, jsdPublic: false, created: '2026-01-01T01:00:00.000+0100', author: { accountId: 'a1', displayName: 'Eve' } }, '10042');
    expect(comment).toMatchObject({ id: '7', ticketId: '10042', body: 'note', visibility: 'internal', createdAt: '2026-01-01T00:00:00.000Z', author: { id: 'a1', name: 'Eve' } });
  });

  it('maps accounts to users by account type, without a hidden email', () => {
    expect(jiraUserToUser({ accountId: 'qm:1', accountType: 'customer', displayName: 'Ann', emailAddress: 'ann@example.com', active: true })).toMatchObject({ kind: 'customer', email: 'ann@example.com', name: 'Ann', active: true });
    expect(jiraUserToUser({ accountId: 'app1', accountType: 'app', displayName: 'Automation' }).kind).toBe('agent');
    const hidden = jiraUserToUser({ accountId: '5b', accountType: 'atlassian', displayName: 'Bob', emailAddress: null, active: false });
    expect(hidden).toMatchObject({ kind: 'employee', active: false });
    expect(hidden).not.toHaveProperty('email');
  });

  it('maps request types to catalog items with portal links and group names', () => {
    const item = requestTypeToCatalogItem(
      { id: '3', name: 'New laptop', description: '', helpText: 'Needs approval', groupIds: ['9', '2'], portalUrl: 'https://acme.atlassian.net/servicedesk/customer/portal/1/create/3' },
      new Map([['2', 'Hardware']]),
    );
    expect(item).toMatchObject({ id: '3', name: 'New laptop', description: 'Needs approval', category: 'Hardware', url: 'https://acme.atlassian.net/servicedesk/customer/portal/1/create/3' });
  });
});

describe('time zones', () => {
  it('knows which zones are UTC all year', () => {
    for (const zone of ['America/Danmarkshavn', 'UTC', 'Etc/UTC', 'Atlantic/Reykjavik']) expect(isUtcLikeTimeZone(zone, 2026), zone).toBe(true);
    for (const zone of ['Europe/London', 'Europe/Berlin', 'Asia/Kolkata', 'America/New_York', 'Not/AZone']) expect(isUtcLikeTimeZone(zone, 2026), zone).toBe(false);
  });
});
