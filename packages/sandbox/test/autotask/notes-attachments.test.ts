/**
 * Notes and attachments under their ticket: child routes only, required fields, contact notes,
 * Base64 content, the size and byte-window limits.
 */
import { describe, expect, it } from 'vitest';
import { api, type QueryPage } from './support/http.js';
import { useAutotaskSandbox } from './support/sandbox.js';

const at = useAutotaskSandbox();

describe('notes', () => {
  it('creates a note under its ticket and counts it as activity on the ticket', async () => {
    const { openTicket, apiUser } = at.state.facts;
    at.state.clock = () => Date.parse('2026-02-03T12:00:00Z');
    const reply = await at.call('POST', api(`Tickets/${openTicket.id}/Notes`), { json: { ticketID: openTicket.id, title: 'Update', description: 'Rebooted the router', noteType: 1, publish: 1 } });
    expect(reply.status, reply.text).toBe(200);
    const { itemId } = reply.body<{ itemId: number }>();
    const { item } = (await at.call('GET', api(`Tickets/${openTicket.id}/Notes/${itemId}`))).body<{ item: Record<string, unknown> }>();
    expect(item).toMatchObject({ id: itemId, ticketID: openTicket.id, description: 'Rebooted the router', publish: 1, noteType: 1, creatorResourceID: apiUser.resourceId, createdByContactID: null, createDateTime: '2026-02-03T12:00:00.000Z' });
    expect(at.state.tables.Tickets.get(openTicket.id)).toMatchObject({ lastActivityDate: Date.parse('2026-02-03T12:00:00Z'), lastCustomerVisibleActivityDateTime: Date.parse('2026-02-03T12:00:00Z') });
    const root = await at.call('POST', api('TicketNotes/query'), { json: { filter: [{ op: 'eq', field: 'ticketID', value: openTicket.id }] } });
    expect(root.body<QueryPage>().items.map((note) => note.id)).toContain(itemId);
  });

  it('requires description, noteType and publish, with active picklist values', async () => {
    const { openTicket } = at.state.facts;
    const post = (json: unknown) => at.call('POST', api(`Tickets/${openTicket.id}/Notes`), { json });
    expect((await post({ description: 'x', noteType: 1 })).json).toEqual({ errors: ['Value does not reference an existing entity for publish.'] });
    expect((await post({ noteType: 1, publish: 2 })).json).toEqual({ errors: ['Missing Required Field: description.'] });
    expect((await post({ description: 'x', noteType: 13, publish: 2 })).json).toEqual({ errors: ['Value does not reference an existing entity for noteType.'] });
    expect((await at.call('POST', api('Tickets/1/Notes'), { json: { description: 'x', noteType: 1, publish: 1 } })).status).toBe(500);
  });

  it('writes a note as a contact of the ticket\'s company, published to all', async () => {
    const { openTicket, knownRequester, duplicateEmail, apiUser } = at.state.facts;
    const post = (json: unknown) => at.call('POST', api(`Tickets/${openTicket.id}/Notes`), { json });
    const reply = await post({ description: 'Still broken', noteType: 1, publish: 1, createdByContactID: knownRequester.id });
    expect(reply.status, reply.text).toBe(200);
    const note = at.state.tables.TicketNotes.get(reply.body<{ itemId: number }>().itemId);
    expect(note).toMatchObject({ createdByContactID: knownRequester.id, impersonatorCreatorResourceID: apiUser.resourceId });
    expect(note?.creatorResourceID).toBeUndefined();
    expect((await post({ description: 'x', noteType: 1, publish: 2, createdByContactID: knownRequester.id })).status).toBe(500);
    const other = duplicateEmail.contactIds.find((id) => at.state.tables.Contacts.get(id)?.companyID !== knownRequester.companyId) ?? 0;
    expect((await post({ description: 'x', noteType: 1, publish: 1, createdByContactID: other })).status).toBe(500);
  });

  it('updates a note with PATCH under its ticket', async () => {
    const { ticketWithInternalNote } = at.state.facts;
    const reply = await at.call('PATCH', api(`Tickets/${ticketWithInternalNote.ticketId}/Notes`), { json: { id: ticketWithInternalNote.internalNoteId, description: 'Edited' } });
    expect(reply.status, reply.text).toBe(200);
    expect(at.state.tables.TicketNotes.get(ticketWithInternalNote.internalNoteId)?.description).toBe('Edited');
  });

  it('has no root create: POST /TicketNotes is IIS\'s HTML 404', async () => {
    const reply = await at.call('POST', api('TicketNotes'), { json: { ticketID: at.state.facts.openTicket.id, description: 'x', noteType: 1, publish: 1 } });
    expect(reply.status).toBe(404);
    expect(reply.headers.get('content-type')).toMatch(/text\/html/u);
  });
});

describe('attachments', () => {
  const data = Buffer.from('Test text file to attach.\r\nLine 2\r\n').toString('base64');

  it('creates, downloads (items[0].data) and deletes an attachment', async () => {
    const { openTicket } = at.state.facts;
    const created = await at.call('POST', api(`Tickets/${openTicket.id}/Attachments`), { json: { id: 0, attachmentType: 'FILE_ATTACHMENT', fullPath: 'TestText.txt', publish: 1, title: 'Test text', data } });
    expect(created.status, created.text).toBe(200);
    const { itemId } = created.body<{ itemId: number }>();
    const download = (await at.call('GET', api(`Tickets/${openTicket.id}/Attachments/${itemId}`))).body<{ items: Record<string, unknown>[] }>();
    expect(download.items).toHaveLength(1);
    expect(download.items[0]).toMatchObject({ id: itemId, data, fullPath: 'TestText.txt', contentType: 'text/plain', fileSize: 35, ticketID: openTicket.id, attachedByResourceID: at.state.facts.apiUser.resourceId });
    const list = (await at.call('GET', api(`Tickets/${openTicket.id}/Attachments`))).body<QueryPage>();
    expect(list.items.find((item) => item.id === itemId)?.data).toBeNull();
    expect((await at.call('DELETE', api(`Tickets/${openTicket.id}/Attachments/${itemId}`))).json).toEqual({ itemId });
    expect((await at.call('DELETE', api(`Tickets/${openTicket.id}/Attachments/${itemId}`))).json).toEqual({
      errors: ['No message. No matching records found. The logged in Resource may not have the required permissions to delete the data.'],
    });
  });

  it('downloads the seeded attachment', async () => {
    const { ticketWithAttachment } = at.state.facts;
    const { items } = (await at.call('GET', api(`Tickets/${ticketWithAttachment.ticketId}/Attachments/${ticketWithAttachment.attachmentId}`))).body<{ items: { data: string }[] }>();
    expect(Buffer.from(items[0]?.data ?? '', 'base64').toString('utf8')).toContain(at.state.facts.openTicket.ticketNumber);
  });

  it('refuses bad Base64, a missing data, a file over the size limit, and uploads past the 5-minute byte budget', async () => {
    const { openTicket } = at.state.facts;
    const post = (json: Record<string, unknown>) => at.call('POST', api(`Tickets/${openTicket.id}/Attachments`), { json: { attachmentType: 'FILE_ATTACHMENT', fullPath: 'a.txt', publish: 1, title: 'a', ...json } });
    expect((await post({ data: 'not base64!' })).status).toBe(500);
    expect((await post({})).json).toEqual({ errors: ['Missing Required Field: data.'] });
    at.state.settings.attachmentMaxBytes = 10;
    expect((await post({ data })).body<{ errors: string[] }>().errors[0]).toMatch(/largest attachment allowed is 10 bytes/u);
    at.state.settings.attachmentMaxBytes = 1_000;
    at.state.settings.attachmentBytesPerWindow = 50;
    let now = Date.parse('2026-02-01T00:00:00Z');
    at.state.clock = () => now;
    expect((await post({ data })).status).toBe(200);
    expect((await post({ data })).body<{ errors: string[] }>().errors[0]).toMatch(/upload limit exceeded/u);
    now += 4 * 60_000;
    expect((await post({ data: Buffer.from('x').toString('base64') })).body<{ errors: string[] }>().errors[0]).toMatch(/blocked/u);
    now += 2 * 60_000;
    expect((await post({ data })).status).toBe(200);
  });

  it('creates a URL attachment without content', async () => {
    const { openTicket } = at.state.facts;
    const reply = await at.call('POST', api(`Tickets/${openTicket.id}/Attachments`), { json: { attachmentType: 'URL', fullPath: 'https://status.example/incident/42', publish: 2, title: 'Status page' } });
    expect(reply.status, reply.text).toBe(200);
    const { items } = (await at.call('GET', api(`Tickets/${openTicket.id}/Attachments/${reply.body<{ itemId: number }>().itemId}`))).body<{ items: { data: unknown; fileSize: number }[] }>();
    expect(items[0]).toMatchObject({ data: null, fileSize: 0 });
  });
});
