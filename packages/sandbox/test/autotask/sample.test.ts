/** `sb.sample('autotask')`: a contact found by e-mail, one of their open tickets, an agent. */
import { describe, expect, it } from 'vitest';
import { api, type QueryPage } from './support/http.js';
import { useAutotaskSandbox } from './support/sandbox.js';

const at = useAutotaskSandbox();

describe('the Autotask sample', () => {
  it('names a contact found by e-mail, one of their open tickets, and an active agent', async () => {
    const sample = at.sb.sample('autotask');
    const filter = [{ op: 'eq', field: 'emailAddress', value: sample.requesterEmail }];
    const contacts = (await at.call('POST', api('Contacts/query'), { json: { filter } })).body<QueryPage>().items;
    expect(contacts.map((contact) => contact.id)).toHaveLength(1);
    expect(`${String(contacts[0]?.firstName)} ${String(contacts[0]?.lastName)}`).toBe(sample.requesterName);

    const { item } = (await at.call('GET', api(`Tickets/${sample.ticketId}`))).body<{ item: Record<string, unknown> }>();
    expect(item).toMatchObject({ ticketNumber: sample.ticketKey, contactID: contacts[0]?.id });
    expect(item.status).not.toBe(5);

    const resources = (await at.call('POST', api('Resources/query'), { json: { filter: [{ op: 'eq', field: 'email', value: sample.agentEmail }] } })).body<QueryPage>().items;
    expect(resources.map((resource) => resource.isActive)).toEqual([true]);
  });

  it('says how to get it back when a test deleted the ticket', async () => {
    const { ticketId, ticketKey } = at.sb.sample('autotask');
    at.state.tables.Tickets.delete(Number(ticketId));
    expect(() => at.sb.sample('autotask')).toThrow(`The sample ticket ${ticketKey} no longer exists (deleted by a test?); sandbox.reset() brings it back.`);
  });
});
