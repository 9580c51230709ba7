import { describe, expect, it } from 'vitest';
import { api, fixedClient, useNock } from './support.js';

useNock();

describe('the typed shortcuts write where Autotask serves each entity', () => {
  it('notes: updated under their ticket', async () => {
    const calls = api('PATCH', '/Tickets/7/Notes', [200, { itemId: 70 }]);
    expect(await fixedClient().ticketNotes.update(7, 70, { title: 'Updated' })).toEqual({ itemId: 70 });
    expect(calls[0]?.json()).toEqual({ title: 'Updated', id: 70 });
  });

  it('companies: created and updated at the root, read by id', async () => {
    const create = api('POST', '/Companies', [200, { itemId: 9 }]);
    const update = api('PATCH', '/Companies', [200, { itemId: 9 }]);
    api('GET', '/Companies/0', [200, { item: { id: 0, companyName: 'Acme MSP' } }]);
    const autotask = fixedClient();
    expect(await autotask.companies.create({ companyName: 'Globex', companyType: 1, ownerResourceID: 4 })).toEqual({ itemId: 9 });
    expect(await autotask.companies.update(9, { phone: '555' })).toEqual({ itemId: 9 });
    expect(await autotask.companies.get(0)).toMatchObject({ companyName: 'Acme MSP' });
    expect([create[0]?.json(), update[0]?.json()]).toEqual([{ companyName: 'Globex', companyType: 1, ownerResourceID: 4 }, { phone: '555', id: 9 }]);
  });

  it('attachments of one ticket: read with content and deleted under the ticket', async () => {
    api('GET', '/Tickets/7/Attachments/31', [200, { items: [{ id: 31, data: 'aGk=' }] }]);
    const remove = api('DELETE', '/Tickets/7/Attachments/31', [200, { itemId: 31 }]);
    const attachments = fixedClient().tickets.attachments(7);
    expect(await attachments.read(31)).toMatchObject({ id: 31, data: 'aGk=' });
    expect(await attachments.delete(31)).toEqual({ itemId: 31 });
    expect(remove).toHaveLength(1);
  });

  it('resources: read by id; contacts: read at the root', async () => {
    api('GET', '/Resources/4', [200, { item: { id: 4, userName: 'dcole', isActive: true } }]);
    api('GET', '/Contacts/5', [200, { item: { id: 5, isActive: 0 } }]);
    const autotask = fixedClient();
    expect(await autotask.resources.get(4)).toMatchObject({ userName: 'dcole' });
    expect(await autotask.contacts.get(5)).toMatchObject({ isActive: 0 });
  });

  it('a child record the parent does not have is a NotFoundError', async () => {
    api('GET', '/Tickets/7/Notes/99', [200, { item: null }]);
    await expect(fixedClient().tickets.notes(7).get(99)).rejects.toMatchObject({ name: 'NotFoundError', status: 200 });
  });
});
