/**
 * Ticket writes: required fields, routing, references, picklists, PATCH and PUT, completion, the
 * activity fields change feeds read, GET by id.
 */
import { describe, expect, it } from 'vitest';
import { api } from './support/http.js';
import { useAutotaskSandbox } from './support/sandbox.js';

const at = useAutotaskSandbox();

function minimal(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const { knownRequester, queue } = at.state.facts;
  return { companyID: knownRequester.companyId, contactID: knownRequester.id, title: 'VPN drops every hour', status: 1, priority: 2, queueID: queue.id, ...overrides };
}

async function create(body: Record<string, unknown>): Promise<number> {
  const reply = await at.call('POST', api('Tickets'), { json: body });
  expect(reply.status, reply.text).toBe(200);
  return reply.body<{ itemId: number }>().itemId;
}

async function createError(body: Record<string, unknown>): Promise<string> {
  const reply = await at.call('POST', api('Tickets'), { json: body });
  expect(reply.status, reply.text).toBe(500);
  return reply.body<{ errors: string[] }>().errors[0] ?? '';
}

describe('create', () => {
  it('creates a ticket with a T-number of the day, the API user as creator and activity set now', async () => {
    at.state.clock = () => Date.parse('2026-03-04T10:00:00Z');
    const id = await create(minimal({ QueueID: at.state.facts.queue.id, description: 'Since Monday' }));
    const { item } = (await at.call('GET', api(`Tickets/${id}`))).body<{ item: Record<string, unknown> }>();
    expect(item).toMatchObject({
      id,
      ticketNumber: 'T20260304.0001',
      title: 'VPN drops every hour',
      description: 'Since Monday',
      status: 1,
      creatorResourceID: at.state.facts.apiUser.resourceId,
      creatorType: 1,
      createDate: '2026-03-04T10:00:00.000Z',
      lastActivityDate: '2026-03-04T10:00:00.000Z',
      ticketCategory: 3,
      ticketType: 1,
      dueDateTime: '2026-03-05T10:00:00.000Z',
      completedDate: null,
    });
    expect(await create(minimal())).toBe(id + 1);
    expect(at.state.tables.Tickets.get(id + 1)?.ticketNumber).toBe('T20260304.0002');
  });

  it('requires companyID, title, status and priority', async () => {
    const { companyID: _company, ...noCompany } = minimal();
    expect(await createError(noCompany)).toBe('Missing Required Field: companyID.');
    expect(await createError(minimal({ title: '  ' }))).toBe('Missing Required Field: title.');
    expect(await createError(minimal({ status: undefined }))).toBe('Value does not reference an existing entity for status.');
    expect(await createError(minimal({ priority: null }))).toBe('Value does not reference an existing entity for priority.');
  });

  it('refuses inactive or unknown picklist values and a sub-issue type of another issue type', async () => {
    expect(await createError(minimal({ priority: 5 }))).toBe('Value does not reference an existing entity for priority.');
    expect(await createError(minimal({ status: 99 }))).toBe('Value does not reference an existing entity for status.');
    expect(await createError(minimal({ issueType: 3, subIssueType: 401 }))).toBe('Value does not reference an existing entity for subIssueType.');
    expect(await create(minimal({ issueType: 4, subIssueType: 401 }))).toBeGreaterThan(0);
  });

  it('routes to a queue, or to a resource with a role it has', async () => {
    const { agent } = at.state.facts;
    expect(await createError(minimal({ queueID: undefined }))).toMatch(/queue or a resource/u);
    expect(await createError(minimal({ queueID: undefined, assignedResourceID: agent.id }))).toBe(
      'When assigning a Resource, you must assign both a assignedResourceID and assignedResourceRoleID.',
    );
    expect(await createError(minimal({ assignedResourceID: agent.id, assignedResourceRoleID: 1 }))).toMatch(/assignedResourceRoleID/u);
    expect(await createError(minimal({ assignedResourceID: at.state.facts.apiUser.resourceId, assignedResourceRoleID: agent.roleId }))).toMatch(/assignedResourceID/u);
    expect(await create(minimal({ queueID: undefined, assignedResourceID: agent.id, assignedResourceRoleID: agent.roleId }))).toBeGreaterThan(0);
  });

  it('refuses a contact of another company, an inactive contact, an unknown company', async () => {
    const { duplicateEmail, inactiveContact } = at.state.facts;
    expect(await createError(minimal({ contactID: duplicateEmail.contactIds[1] }))).toBe('Value does not reference an existing entity for contactID.');
    expect(await createError(minimal({ contactID: inactiveContact.id }))).toMatch(/contactID of type: Contact/u);
    expect(await createError(minimal({ companyID: 9999, contactID: undefined }))).toMatch(/companyID/u);
  });

  it('converts values like Json.NET and refuses what it cannot convert', async () => {
    expect(await create(minimal({ status: '8', priority: 1 }))).toBeGreaterThan(0);
    expect(await createError(minimal({ status: 'open' }))).toMatch(/Could not convert string to integer: open/u);
    expect(await createError(minimal({ dueDateTime: 'tomorrow' }))).toMatch(/DateTime/u);
    expect(await createError(minimal({ title: 'x'.repeat(256) }))).toMatch(/too long/u);
  });

  it('ignores read-only and unknown fields', async () => {
    const id = await create(minimal({ ticketNumber: 'T1', createDate: '2000-01-01T00:00:00Z', impersonatorCreatorResourceID: 5, whatever: 1 }));
    const ticket = at.state.tables.Tickets.get(id);
    expect(ticket?.ticketNumber).not.toBe('T1');
    expect(ticket?.impersonatorCreatorResourceID).toBeUndefined();
  });

  it('stores user-defined fields', async () => {
    const id = await create(minimal({ userDefinedFields: [{ name: 'external reference', value: 'CUST-42' }] }));
    const { item } = (await at.call('GET', api(`Tickets/${id}`))).body<{ item: { userDefinedFields: unknown[] } }>();
    expect(item.userDefinedFields).toContainEqual({ name: 'External Reference', value: 'CUST-42' });
    expect(await createError(minimal({ userDefinedFields: [{ name: 'Nope', value: 'x' }] }))).toMatch(/Nope/u);
    expect(await createError(minimal({ userDefinedFields: [{ name: 'Root Cause', value: '9' }] }))).toMatch(/list values/u);
  });
});

describe('update', () => {
  it('PATCHes only the given fields and sets the activity fields', async () => {
    const { openTicket } = at.state.facts;
    const before = at.state.tables.Tickets.get(openTicket.id);
    at.state.clock = () => Date.parse('2026-02-01T08:00:00Z');
    const reply = await at.call('PATCH', api('Tickets'), { json: { id: openTicket.id, title: 'Renamed' } });
    expect(reply.json).toEqual({ itemId: openTicket.id });
    const after = at.state.tables.Tickets.get(openTicket.id);
    expect(after).toMatchObject({ title: 'Renamed', status: before?.status, lastActivityDate: Date.parse('2026-02-01T08:00:00Z'), lastTrackedModificationDateTime: Date.parse('2026-02-01T08:00:00Z') });
    const changed = await at.call('POST', api('Tickets/query/count'), { json: { filter: [{ op: 'gt', field: 'lastActivityDate', value: '2026-02-01T07:59:59Z' }] } });
    expect(changed.json).toEqual({ queryCount: 1 });
  });

  it('completes (status 5) and reopens a ticket, and updates a completed one', async () => {
    const { openTicket, completedTicket } = at.state.facts;
    at.state.clock = () => Date.parse('2026-02-02T09:00:00Z');
    await at.call('PATCH', api('Tickets'), { json: { id: openTicket.id, status: 5 } });
    expect(at.state.tables.Tickets.get(openTicket.id)).toMatchObject({ status: 5, completedDate: Date.parse('2026-02-02T09:00:00Z'), completedByResourceID: at.state.facts.apiUser.resourceId });
    await at.call('PATCH', api('Tickets'), { json: { id: openTicket.id, status: 8 } });
    expect(at.state.tables.Tickets.get(openTicket.id)?.completedDate).toBeUndefined();
    const reply = await at.call('PATCH', api('Tickets'), { json: { id: completedTicket.id, resolution: 'Replaced the cable.' } });
    expect(reply.status).toBe(200);
    expect(at.state.tables.Tickets.get(completedTicket.id)).toMatchObject({ status: 5, resolution: 'Replaced the cable.' });
  });

  it('refuses a PATCH without id or of an unknown ticket, and a company change that orphans the contact', async () => {
    const { openTicket, duplicateEmail } = at.state.facts;
    expect((await at.call('PATCH', api('Tickets'), { json: { title: 'x' } })).status).toBe(500);
    const unknown = await at.call('PATCH', api('Tickets'), { json: { id: 1, title: 'x' } });
    expect(unknown.body<{ errors: string[] }>().errors[0]).toMatch(/No matching records found/u);
    const other = at.state.tables.Contacts.get(duplicateEmail.contactIds[1]);
    const orphan = await at.call('PATCH', api('Tickets'), { json: { id: openTicket.id, companyID: other?.companyID } });
    expect(orphan.json).toEqual({ errors: ['Value does not reference an existing entity for contactID.'] });
  });

  it('PUT replaces: writable fields the body omits are cleared', async () => {
    const id = await create(minimal({ description: 'to be cleared', estimatedHours: 2 }));
    const reply = await at.call('PUT', api('Tickets'), { json: { ...minimal({ title: 'Replaced' }), id } });
    expect(reply.status, reply.text).toBe(200);
    const ticket = at.state.tables.Tickets.get(id);
    expect(ticket).toMatchObject({ title: 'Replaced', status: 1 });
    expect(ticket?.description).toBeUndefined();
    expect(ticket?.estimatedHours).toBeUndefined();
    const missing = await at.call('PUT', api('Tickets'), { json: { id, title: 'No company' } });
    expect(missing.status).toBe(500);
  });
});

describe('reads and routing', () => {
  it('answers { item: null } for a missing id and 400 for a non-numeric one', async () => {
    expect((await at.call('GET', api('Tickets/1'))).json).toEqual({ item: null });
    const bad = await at.call('GET', api('Tickets/abc'));
    expect(bad.status).toBe(400);
    expect(bad.json).toEqual({ Message: 'The request is invalid.' });
  });

  it('serves paths in any case with a trailing slash', async () => {
    const { openTicket } = at.state.facts;
    const reply = await at.call('GET', `/atservicesrest/v1.0/tickets/${openTicket.id}/`);
    expect(reply.body<{ item: { ticketNumber: string } }>().item.ticketNumber).toBe(openTicket.ticketNumber);
  });

  it('cannot delete tickets: 405 with Message', async () => {
    const reply = await at.call('DELETE', api(`Tickets/${at.state.facts.openTicket.id}`));
    expect(reply.status).toBe(405);
    expect(reply.json).toEqual({ Message: "The requested resource does not support http method 'DELETE'." });
  });

  it('answers IIS\'s HTML 404 for a path no route serves', async () => {
    const reply = await at.call('GET', api('Nothing/query'));
    expect(reply.status).toBe(404);
    expect(reply.text).toContain('404 - File or directory not found.');
  });
});
