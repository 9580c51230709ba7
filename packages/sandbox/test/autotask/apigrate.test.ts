/**
 * A well-known client works against the simulator unchanged: `@apigrate/autotask-restapi` 2.0.1,
 * pointed at the sandbox through its `base_url` option (where it asks `zoneInformation`, then it uses
 * the zone's `url`). Paging is its documented id loop (`id gt <last id>`), as the library has no paging
 * helper.
 */
import { AutotaskApiError, AutotaskRestApi, FilterOperators } from '@apigrate/autotask-restapi';
import { describe, expect, it, vi } from 'vitest';
import { useAutotaskSandbox } from './support/sandbox.js';

const at = useAutotaskSandbox({ tickets: 1_203 });

function client(overrides: { user?: string; secret?: string; code?: string } = {}): AutotaskRestApi {
  const { username = '', secret = '', trackingId = '' } = at.sb.credentials.autotask;
  return new AutotaskRestApi(overrides.user ?? username, overrides.secret ?? secret, overrides.code ?? trackingId, { base_url: `${at.sb.url('autotask')}/ATServicesRest/` });
}

interface Page {
  items: { id: number; status?: number }[];
  pageDetails: { count: number };
}

describe('@apigrate/autotask-restapi', () => {
  it('discovers the zone, pages tickets by id, counts them, reads picklists and gets one', async () => {
    const autotask = client();
    const fields = (await autotask.Tickets.fieldInfo()) as { fields: { name: string; picklistValues: { value: string; label: string }[] }[] };
    expect(autotask.zoneInfo?.url).toBe(`${at.sb.url('autotask')}/ATServicesRest/`);
    const status = fields.fields.find((field) => field.name === 'status');
    expect(status?.picklistValues.find((entry) => entry.value === '5')?.label).toBe('Complete');

    const ids: number[] = [];
    let last = -1;
    for (;;) {
      const page = (await autotask.Tickets.query({ MaxRecords: 500, includeFields: ['id', 'status'], filter: [{ op: FilterOperators.gt, field: 'id', value: last }] })) as Page;
      ids.push(...page.items.map((item) => item.id));
      if (page.items.length < 500) break;
      last = Math.max(...page.items.map((item) => item.id));
    }
    expect(ids).toHaveLength(1_203);
    expect(new Set(ids).size).toBe(1_203);
    const counted = (await autotask.Tickets.count({ filter: [{ op: FilterOperators.gte, field: 'id', value: 0 }] })) as { queryCount: number };
    expect(counted.queryCount).toBe(1_203);

    const { openTicket } = at.state.facts;
    const got = (await autotask.Tickets.get(openTicket.id)) as { item: { ticketNumber: string } };
    expect(got.item.ticketNumber).toBe(openTicket.ticketNumber);
    expect(await autotask.Companies.get(9_999_999)).toEqual({ item: null });
  });

  it('creates a ticket, a note under it, reads an attachment and manages a contact', async () => {
    const autotask = client();
    const { knownRequester, queue, ticketWithAttachment } = at.state.facts;
    const created = (await autotask.Tickets.create({ companyID: knownRequester.companyId, contactID: knownRequester.id, title: 'Created by apigrate', status: 1, priority: 2, queueID: queue.id })) as { itemId: number };
    expect(at.state.tables.Tickets.get(created.itemId)?.title).toBe('Created by apigrate');
    await autotask.Tickets.update({ id: created.itemId, status: 5 });
    expect(at.state.tables.Tickets.get(created.itemId)?.status).toBe(5);
    const note = (await autotask.TicketNotes.create(created.itemId, { ticketID: created.itemId, title: 'Note', description: 'Done', noteType: 1, publish: 1 })) as { itemId: number };
    expect(at.state.tables.TicketNotes.get(note.itemId)?.ticketID).toBe(created.itemId);
    const attachment = (await autotask.TicketAttachments.get(ticketWithAttachment.ticketId, ticketWithAttachment.attachmentId)) as { items: { data: string }[] };
    expect(attachment.items[0]?.data.length).toBeGreaterThan(0);

    const contact = (await autotask.CompanyContacts.create(knownRequester.companyId, { companyID: knownRequester.companyId, firstName: 'Tester', middleInitial: 'Xavier', lastName: 'Testington', isActive: 0 })) as { itemId: number };
    await autotask.CompanyContacts.update(knownRequester.companyId, { id: contact.itemId, firstName: 'Ingrid', isActive: 0 });
    await autotask.CompanyContacts.replace(knownRequester.companyId, { id: contact.itemId, title: 'Commander', firstName: 'William', lastName: 'Adama', isActive: 1 });
    const after = (await autotask.Contacts.get(contact.itemId)) as { item: Record<string, unknown> };
    expect(after.item).toMatchObject({ title: 'Commander', firstName: 'William', middleInitial: null, isActive: 1 });
    await autotask.CompanyContacts.delete(knownRequester.companyId, contact.itemId);
    expect(await autotask.Contacts.get(contact.itemId)).toEqual({ item: null });
  });

  it('surfaces Autotask\'s auth errors: 401 for a wrong secret, 500 for a wrong integration code or user', async () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const statusOf = async (autotask: AutotaskRestApi) => {
        const error: unknown = await autotask.Companies.get(0).then(
          () => undefined,
          (thrown: unknown) => thrown,
        );
        expect(error).toBeInstanceOf(AutotaskApiError);
        return { status: (error as AutotaskApiError).status, details: (error as AutotaskApiError).details };
      };
      expect((await statusOf(client({ secret: 'wrong' }))).status).toBe(401);
      expect(await statusOf(client({ code: 'WRONG' }))).toEqual({ status: 500, details: { errors: ['IntegrationCode is invalid.'] } });
      expect(quiet).not.toHaveBeenCalled();
    } finally {
      quiet.mockRestore();
    }
  });
});
