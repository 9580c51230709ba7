import { InputError, ResponseShapeError, TicketSchema } from '@itsm/core';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_INCIDENT_TARGETS,
  DEFAULT_SERVICE_REQUEST_TARGETS,
  createStatusMapper,
  employeeToUser,
  htmlToText,
  ivantiPriorityLevel,
  ivantiRecordToTicket,
  ivantiTimestampToUtc,
  journalNoteToComment,
  parseTicketRef,
  planTransition,
  ticketKey,
} from '../../src/index.js';
import { IDS, incidentBody } from '../client/support.js';

describe('ids and keys', () => {
  it('reads RecIds, INC-/SR- keys in any case and spelling, and bare numbers', () => {
    expect(parseTicketRef(IDS.incident, 'id')).toEqual({ recId: IDS.incident });
    expect(parseTicketRef(IDS.incident.toLowerCase(), 'id')).toEqual({ recId: IDS.incident.toLowerCase() });
    expect(parseTicketRef('INC-10234', 'id')).toEqual({ kind: 'incident', number: 10234 });
    expect(parseTicketRef('inc10234', 'id')).toEqual({ kind: 'incident', number: 10234 });
    expect(parseTicketRef('SR#10196', 'id')).toEqual({ kind: 'service_request', number: 10196 });
    expect(parseTicketRef(' 10234 ', 'id')).toEqual({ kind: undefined, number: 10234 });
    expect(ticketKey('service_request', 10196)).toBe('SR-10196');
    for (const bad of ['HELP-1', '', 'INC-', "1' or '1", '0A89BD6EDB214B9C8D4488500E26867']) {
      expect(() => parseTicketRef(bad, 'idOrKey')).toThrow(InputError);
    }
  });
});

describe('status mapping', () => {
  it('maps the stock statuses of each kind, with overrides for both', () => {
    const category = createStatusMapper();
    expect(['Logged', 'Active', 'Waiting for Customer', 'Waiting for 3rd Party', 'Waiting for Resolution', 'Resolved', 'Closed'].map((status) => category('incident', status)))
      .toEqual(['open', 'in_progress', 'waiting_for_user', 'waiting_for_user', 'in_progress', 'resolved', 'closed']);
    expect(['Draft', 'Submitted', 'Approved', 'In Procurement', 'Active', 'Fulfilled', 'Cancelled', 'Approval Rejected', 'Closed'].map((status) => category('service_request', status)))
      .toEqual(['open', 'open', 'in_progress', 'in_progress', 'in_progress', 'resolved', 'closed', 'closed', 'closed']);
    expect(category('incident', 'Pending Vendor')).toBe('unknown');
    expect(category('incident', '')).toBe('unknown');
    const custom = createStatusMapper({ 'pending vendor': 'waiting_for_user', Resolved: 'closed' });
    expect(custom('incident', 'Pending Vendor')).toBe('waiting_for_user');
    expect(custom('incident', 'resolved')).toBe('closed');
  });

  it('always maps a transition target to its category', () => {
    const category = createStatusMapper({}, { incident: { ...DEFAULT_INCIDENT_TARGETS, in_progress: 'Work In Progress' }, service_request: DEFAULT_SERVICE_REQUEST_TARGETS });
    expect(category('incident', 'Work In Progress')).toBe('in_progress');
  });
});

describe('records as the model', () => {
  it('maps an incident to a ticket that fits the model', () => {
    const ticket = ivantiRecordToTicket(incidentBody({ Owner: 'jdoe', Owner_Valid: IDS.employee2, OwnerEmail: 'jdoe@example.com', Priority: '2' }) as never, 'incident', { url: 'https://x/Default.aspx' });
    expect(TicketSchema.parse(ticket)).toBeTruthy();
    expect(ticket).toMatchObject({
      provider: 'ivanti',
      id: IDS.incident,
      key: 'INC-12345',
      type: 'incident',
      url: 'https://x/Default.aspx',
      subject: 'VPN drops every hour',
      description: 'Since Monday the VPN disconnects every hour.',
      status: { category: 'open', native: { id: 'AB3D0090B6D8471FB0D2720D301A22AF', name: 'Logged' } },
      priority: { level: 'high', native: { name: '2' } },
      requester: { id: IDS.employee, email: 'ann.lee@example.com', name: 'Ann Lee' },
      assignee: { id: IDS.employee2, email: 'jdoe@example.com', name: 'jdoe' },
      team: { id: '2E4BABD54FB9420D94F836F0D9B80C47', name: 'Service Desk' },
      createdAt: '2026-01-05T17:00:00.000Z',
      updatedAt: '2026-01-05T17:02:30.000Z',
    });
    expect(ticket.resolvedAt).toBeUndefined();
    expect(ticket.customFields).toMatchObject({ CustomerLocation: 'Amsterdam', Urgency: 'Medium', Service: 'Service Desk' });
    expect(ticket.customFields).not.toHaveProperty('Category');
    expect(ticket.customFields).not.toHaveProperty('@odata.context');
  });

  it('reads resolvedAt, ignores Ivanti\'s empty date, and refuses a record without timestamps', () => {
    const resolved = ivantiRecordToTicket(incidentBody({ Status: 'Resolved', ResolvedDateTime: '2026-01-06T08:00:00Z', ClosedDateTime: '0001-01-01T00:00:00' }) as never, 'incident');
    expect(resolved.resolvedAt).toBe('2026-01-06T08:00:00.000Z');
    expect(ivantiTimestampToUtc('0001-01-01T00:00:00Z')).toBeUndefined();
    expect(ivantiTimestampToUtc('2026-01-06T08:00:00')).toBe('2026-01-06T08:00:00.000Z');
    expect(() => ivantiRecordToTicket(incidentBody({ LastModDateTime: null }) as never, 'incident')).toThrow(ResponseShapeError);
  });

  it('reads HTML descriptions and notes as plain text, and leaves other text alone', () => {
    expect(htmlToText('<p>VPN drops&nbsp;hourly</p><p>Since <b>Monday</b> &amp; today</p><ul><li>one</li><li>two &#8364;</li></ul>')).toBe('VPN drops hourly\nSince Monday & today\n- one\n- two €');
    expect(htmlToText('a < b and c > d, Tom & Jerry')).toBe('a < b and c > d, Tom & Jerry');
    expect(ivantiRecordToTicket(incidentBody({ Symptom: 'Line one<br>Line two' }) as never, 'incident').description).toBe('Line one\nLine two');
  });

  it('maps priorities, employees and notes', () => {
    expect(['1', '2', '3', '4', '5', 'P9'].map(ivantiPriorityLevel)).toEqual(['critical', 'high', 'medium', 'low', 'low', 'unknown']);
    expect(employeeToUser({ RecId: IDS.employee, DisplayName: 'Ann M Lee', PrimaryEmail: 'ann@example.com', Status: 'Active' })).toMatchObject({ id: IDS.employee, name: 'Ann M Lee', active: true, kind: 'employee' });
    expect(employeeToUser({ RecId: IDS.employee, FirstName: 'Jo', LastName: 'Doe', Status: 'Terminated', Team: 'Service Desk' })).toMatchObject({ name: 'Jo Doe', active: false, kind: 'agent' });
    expect(employeeToUser({ RecId: IDS.employee, LoginID: 'jo', Disabled: true })).toMatchObject({ name: 'jo', active: false });
    expect(journalNoteToComment({ RecId: IDS.note, NotesBody: 'Hi', PublishToWeb: false, CreatedBy: 'svc', CreatedDateTime: '2026-01-05T10:00:00Z' }, IDS.incident))
      .toMatchObject({ id: IDS.note, ticketId: IDS.incident, body: 'Hi', visibility: 'internal', author: { id: 'svc' } });
  });
});

describe('transitions', () => {
  const base = { targets: DEFAULT_INCIDENT_TARGETS, category: 'General Support', owner: 'svc-bot', causeCode: 'Other', defaultResolution: undefined, resolution: undefined, comment: undefined };

  it('fills Category and Owner for Active, only where the incident has none', () => {
    expect(planTransition('incident', { RecId: IDS.incident }, 'in_progress', base)).toEqual({ Status: 'Active', Category: 'General Support', Owner: 'svc-bot' });
    expect(planTransition('incident', { RecId: IDS.incident, Category: 'VPN', Owner: 'jdoe' }, 'in_progress', base)).toEqual({ Status: 'Active' });
  });

  it('fills Resolution and CauseCode to resolve or close an incident', () => {
    expect(planTransition('incident', { RecId: IDS.incident }, 'resolved', { ...base, comment: 'Reset the password' })).toEqual({ Status: 'Resolved', Resolution: 'Reset the password', CauseCode: 'Other' });
    expect(planTransition('incident', { RecId: IDS.incident }, 'closed', base)).toEqual({ Status: 'Closed', Resolution: 'Resolved.', CauseCode: 'Other' });
    expect(planTransition('incident', { RecId: IDS.incident, Resolution: 'Done', CauseCode: 'Training' }, 'closed', base)).toEqual({ Status: 'Closed' });
    expect(planTransition('incident', { RecId: IDS.incident, Resolution: 'Done' }, 'resolved', { ...base, resolution: 'Replaced the cable' })).toEqual({ Status: 'Resolved', Resolution: 'Replaced the cable', CauseCode: 'Other' });
    expect(planTransition('incident', { RecId: IDS.incident }, 'resolved', { ...base, causeCode: undefined, defaultResolution: 'Fixed by the bot' })).toEqual({ Status: 'Resolved', Resolution: 'Fixed by the bot' });
  });

  it('moves service requests by status alone', () => {
    expect(planTransition('service_request', { RecId: IDS.serviceRequest }, 'resolved', { ...base, targets: DEFAULT_SERVICE_REQUEST_TARGETS })).toEqual({ Status: 'Fulfilled' });
    expect(planTransition('service_request', { RecId: IDS.serviceRequest }, 'open', { ...base, targets: DEFAULT_SERVICE_REQUEST_TARGETS })).toEqual({ Status: 'Submitted' });
  });
});
