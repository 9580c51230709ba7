import { describe, expect, it } from 'vitest';
import {
  EntityPicklists,
  autotaskAttachmentToAttachment,
  autotaskNoteToComment,
  autotaskNoteVisibility,
  autotaskTicketToTicket,
  autotaskTimestampToUtc,
  createPriorityMapper,
  createStatusMapper,
  createTypeMapper,
  parsePersonId,
} from '../../src/index.js';

const value = (v: string, label: string) => ({ value: v, label, isActive: true });
const picklists = new EntityPicklists('Tickets', [
  { name: 'status', dataType: 'integer', isPickList: true, picklistValues: [value('1', 'New'), value('8', 'In Progress'), value('5', 'Complete'), value('21', 'Waiting Parts')] },
  { name: 'priority', dataType: 'integer', isPickList: true, picklistValues: [value('4', 'Critical'), value('1', 'High'), value('2', 'Medium'), value('3', 'Low')] },
  { name: 'queueID', dataType: 'integer', isPickList: true, picklistValues: [value('29682833', 'Level I Support')] },
  { name: 'ticketType', dataType: 'integer', isPickList: true, picklistValues: [value('1', 'Service Request'), value('2', 'Incident'), value('5', 'Alert')] },
]);

describe('the status table', () => {
  it('maps by label, Complete by its value, and lets statusMap win', () => {
    const category = createStatusMapper();
    const cases: [number, string, string][] = [
      [1, 'New', 'open'],
      [14, 'Re-Opened', 'open'],
      [8, 'In Progress', 'in_progress'],
      [10, 'Scheduled', 'in_progress'],
      [11, 'Escalate', 'in_progress'],
      [7, 'Waiting Customer', 'waiting_for_user'],
      [12, 'Waiting Vendor', 'waiting_for_user'],
      [17, 'On Hold', 'waiting_for_user'],
      [21, 'Waiting Parts', 'waiting_for_user'],
      [5, 'Complete', 'resolved'],
      [5, 'Done', 'resolved'],
      [19, 'Resolved', 'resolved'],
      [20, 'Closed', 'closed'],
      [22, 'Cancelled', 'closed'],
      [30, 'Customer Note Added', 'unknown'],
    ];
    for (const [id, name, expected] of cases) expect(category({ id, name }), name).toBe(expected);
    const custom = createStatusMapper({ 'On Hold': 'in_progress', 5: 'closed' });
    expect(custom({ id: 17, name: 'on  hold' })).toBe('in_progress');
    expect(custom({ id: 5, name: 'Complete' })).toBe('closed');
  });

  it('maps priorities and ticket types by label', () => {
    const level = createPriorityMapper({ 'P1 - Urgent': 'critical' });
    expect([level({ name: 'Critical' }), level({ name: 'high' }), level({ name: 'Medium' }), level({ name: 'Low' }), level({ name: 'P1 - Urgent' }), level({ name: 'Planning' })]).toEqual(['critical', 'high', 'medium', 'low', 'critical', 'unknown']);
    const type = createTypeMapper({ Alert: 'other' });
    expect([type({ name: 'Service Request' }), type({ name: 'Incident' }), type({ name: 'Problem' }), type({ name: 'Change Request' }), type({ name: 'Alert' }), type({ name: 'Project' })]).toEqual(['service_request', 'incident', 'problem', 'change', 'other', 'other']);
  });
});

describe('records as the model', () => {
  const mapping = { picklists, statusCategory: createStatusMapper(), priorityLevel: createPriorityMapper(), ticketType: createTypeMapper() };

  it('maps a ticket: labels as native values, people with their kind, UTC times, UDFs as custom fields', () => {
    const raw = {
      id: 7601,
      ticketNumber: 'T20260105.0042',
      title: 'VPN drops',
      description: 'Every hour.',
      status: 5,
      priority: 1,
      queueID: 29682833,
      ticketType: 2,
      contactID: 29684001,
      assignedResourceID: 29682900,
      createDate: '2026-01-05T09:30:00.123',
      lastActivityDate: '2026-01-06T10:00:00',
      completedDate: '2026-01-06T10:00:00Z',
      userDefinedFields: [{ name: 'Asset Tag', value: 'LT-0042' }, { name: 'Empty', value: null }],
    };
    const ticket = autotaskTicketToTicket(raw, { ...mapping, url: 'https://ww5.autotask.net/x', requester: { id: 'contact:29684001', email: 'yuki@example.com', name: 'Yuki' } });
    expect(ticket).toEqual({
      provider: 'autotask',
      id: '7601',
      key: 'T20260105.0042',
      url: 'https://ww5.autotask.net/x',
      type: 'incident',
      subject: 'VPN drops',
      description: 'Every hour.',
      status: { category: 'resolved', native: { id: '5', name: 'Complete' } },
      priority: { level: 'high', native: { id: '1', name: 'High' } },
      requester: { id: 'contact:29684001', email: 'yuki@example.com', name: 'Yuki' },
      assignee: { id: 'resource:29682900' },
      team: { id: '29682833', name: 'Level I Support' },
      createdAt: '2026-01-05T09:30:00.123Z',
      updatedAt: '2026-01-06T10:00:00.000Z',
      resolvedAt: '2026-01-06T10:00:00.000Z',
      customFields: { 'Asset Tag': 'LT-0042' },
      raw,
    });
  });

  it('keeps a value the picklist does not know, and refuses a ticket without its dates', () => {
    const ticket = autotaskTicketToTicket({ id: 1, status: 99, createDate: '2026-01-05T09:30:00', lastActivityDate: '2026-01-05T09:30:00' }, mapping);
    expect(ticket.status).toEqual({ category: 'unknown', native: { id: '99', name: 'Status 99' } });
    expect(ticket.key).toBe('1');
    expect(() => autotaskTicketToTicket({ id: 1, status: 1 }, mapping)).toThrow(/createDate/);
  });

  it('reads a note as public or internal by its publish label', () => {
    const publish = new EntityPicklists('TicketNotes', [{ name: 'publish', dataType: 'integer', isPickList: true, picklistValues: [value('1', 'All Autotask Users'), value('2', 'Internal Only'), value('3', 'Internal & Co-managed')] }]).require('publish');
    expect([1, 2, 3, null].map((item) => autotaskNoteVisibility(item, publish))).toEqual(['public', 'internal', 'internal', 'public']);
    expect(autotaskNoteVisibility(1, publish, 1)).toBe('internal');
    const comment = autotaskNoteToComment({ id: 9, ticketID: 7, title: 'Called', description: 'Rebooted the router.', creatorResourceID: 4, createDateTime: '2026-01-05T09:30:00' }, 'public');
    expect(comment).toMatchObject({ id: '9', ticketId: '7', body: 'Called\n\nRebooted the router.', author: { id: 'resource:4' }, createdAt: '2026-01-05T09:30:00.000Z' });
    expect(autotaskNoteToComment({ id: 9, ticketID: 7, title: 'Rebooted', description: 'Rebooted the router.', createdByContactID: 5, createDateTime: '2026-01-05T09:30:00' }, 'internal')).toMatchObject({ body: 'Rebooted the router.', author: { id: 'contact:5' } });
  });

  it('maps an attachment without its content', () => {
    const attachment = autotaskAttachmentToAttachment({ id: 3, ticketID: 7, fullPath: 'log.txt', fileSize: 12, contentType: 'text/plain', attachDate: '2026-01-05T09:30:00', data: 'aGVsbG8=' });
    expect(attachment).toEqual({ provider: 'autotask', id: '3', ticketId: '7', filename: 'log.txt', size: 12, contentType: 'text/plain', createdAt: '2026-01-05T09:30:00.000Z', raw: { id: 3, ticketID: 7, fullPath: 'log.txt', fileSize: 12, contentType: 'text/plain', attachDate: '2026-01-05T09:30:00' } });
  });

  it('reads user ids with their kind', () => {
    expect(parsePersonId('contact:12', 'id')).toEqual({ kind: 'contact', id: 12 });
    expect(parsePersonId('Resource:7', 'id')).toEqual({ kind: 'resource', id: 7 });
    expect(parsePersonId(' 42 ', 'id')).toEqual({ kind: undefined, id: 42 });
    expect(() => parsePersonId('u-12', 'id')).toThrow(/contact:<id>/);
    expect(autotaskTimestampToUtc('2026-01-05T09:30:00+0100')).toBe('2026-01-05T08:30:00.000Z');
  });
});
