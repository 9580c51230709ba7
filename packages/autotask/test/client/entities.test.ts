import { InputError, NotFoundError } from '@itsm/core';
import { describe, expect, it } from 'vitest';
import { where } from '../../src/index.js';
import { API, ZONE, api, failure, fixedClient, page, ticketBody, useNock } from './support.js';

useNock();

describe('tickets', () => {
  it('reads by id and by number', async () => {
    api('GET', '/Tickets/7', [200, { item: ticketBody(7) }]);
    const query = api('POST', '/Tickets/query', [200, page([ticketBody(7)])]);
    const autotask = fixedClient();
    expect(await autotask.tickets.get(7)).toMatchObject({ id: 7, ticketNumber: 'T20260105.0007', status: 1 });
    expect(await autotask.tickets.byNumber('T20260105.0007')).toMatchObject({ id: 7 });
    expect(query[0]?.json()).toEqual({ filter: [{ op: 'eq', field: 'ticketNumber', value: 'T20260105.0007' }], maxRecords: 1 });
    await expect(autotask.tickets.byNumber('7')).rejects.toThrow(/T20260105\.0042/);
  });

  it('says when no ticket has a number', async () => {
    api('POST', '/Tickets/query', [200, page([])]);
    await expect(fixedClient().tickets.byNumber('T20260105.0099')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('creates with POST /Tickets and updates with PATCH /Tickets, the id in the body', async () => {
    const create = api('POST', '/Tickets', [200, { itemId: 12 }]);
    const update = api('PATCH', '/Tickets', [200, { itemId: 12 }]);
    const autotask = fixedClient();
    const fields = { companyID: 0, title: 'VPN drops', status: 1, priority: 2, queueID: 29682833 };
    expect(await autotask.tickets.create(fields)).toEqual({ itemId: 12 });
    expect(await autotask.tickets.update(12, { status: 5 })).toEqual({ itemId: 12 });
    expect(create[0]?.json()).toEqual(fields);
    expect(update[0]?.json()).toEqual({ status: 5, id: 12 });
    await expect(autotask.tickets.update(12, { id: 13, status: 5 })).rejects.toThrow(/fields\.id/);
    await expect(autotask.tickets.create([] as never)).rejects.toBeInstanceOf(InputError);
  });

  it("reads and writes a ticket's notes under the ticket", async () => {
    const create = api('POST', '/Tickets/7/Notes', [200, { itemId: 70 }], { times: 2 });
    const list = api('GET', '/Tickets/7/Notes', [200, page([{ id: 70, ticketID: 7 }], `${ZONE}${API}/Tickets/query/next?paging=70&search=x`)]);
    const next = api('GET', '/Tickets/query/next', [200, page([{ id: 71, ticketID: 7 }])]);
    const autotask = fixedClient();
    await autotask.tickets.notes(7).create({ title: 'Update', description: 'On it.', noteType: 1, publish: 1 });
    await autotask.ticketNotes.create(7, { description: 'On it.', noteType: 1, publish: 2 });
    expect(create.map((call) => call.json())).toEqual([
      { title: 'Update', description: 'On it.', noteType: 1, publish: 1 },
      { description: 'On it.', noteType: 1, publish: 2, ticketID: 7 },
    ]);
    expect((await autotask.tickets.notes(7).list().toArray({ limit: 10 })).map((note) => note.id)).toEqual([70, 71]);
    expect([list.length, next.length]).toEqual([1, 1]);
    await expect(autotask.ticketNotes.create(7, { ticketID: 8, description: 'x' })).rejects.toThrow(/fields\.ticketID/);
  });

  it('refuses a child list whose next page is on another origin', async () => {
    api('GET', '/Tickets/7/Notes', [200, page([{ id: 70 }], 'https://elsewhere.example.com/next')]);
    await expect(fixedClient().tickets.notes(7).list().toArray({ limit: 10 })).rejects.toThrow(/not at the zone's origin/);
  });
});

describe('contacts and resources', () => {
  it('finds contacts by any of their three addresses, active ones unless asked, and checks the match', async () => {
    const calls = api('POST', '/Contacts/query', [200, page([
      { id: 1, emailAddress: 'ann@example.com', isActive: 1 },
      { id: 2, emailAddress: 'x@example.com', emailAddress2: 'ANN@example.com ', isActive: 1 },
      { id: 3, emailAddress: 'annie@example.com', isActive: 1 },
    ])], { times: 3 });
    const autotask = fixedClient();
    expect((await autotask.contacts.withEmail(' Ann@Example.com')).map((contact) => contact.id)).toEqual([1, 2]);
    await autotask.contacts.withEmail('ann@example.com');
    calls.shift();
    await autotask.contacts.withEmail('ann@example.com', { includeInactive: true });
    expect(calls[0]?.json()).toEqual({
      filter: [
        { op: 'or', items: ['emailAddress', 'emailAddress2', 'emailAddress3'].map((field) => ({ op: 'eq', field, value: 'ann@example.com' })) },
        { op: 'eq', field: 'isActive', value: 1 },
      ],
    });
    expect((calls[1]?.json() as { filter: unknown[] }).filter).toHaveLength(1);
    await expect(autotask.contacts.withEmail('not an email')).rejects.toBeInstanceOf(InputError);
  });

  it('writes contacts under their company', async () => {
    const create = api('POST', '/Companies/12/Contacts', [200, { itemId: 5 }]);
    const update = api('PATCH', '/Companies/12/Contacts', [200, { itemId: 5 }]);
    const remove = api('DELETE', '/Companies/12/Contacts/5', [200, { itemId: 5 }]);
    const list = api('GET', '/Companies/12/Contacts', [200, page([{ id: 5 }])]);
    const autotask = fixedClient();
    await autotask.contacts.create(12, { firstName: 'Ann', lastName: 'Lee', emailAddress: 'ann@example.com', isActive: 1 });
    await autotask.contacts.update(12, 5, { mobilePhone: '+31 6 1234 5678' });
    await autotask.contacts.delete(12, 5);
    expect(await autotask.companies.contacts(12).list().toArray({ limit: 5 })).toEqual([{ id: 5 }]);
    expect(create[0]?.json()).toMatchObject({ companyID: 12, firstName: 'Ann' });
    expect(update[0]?.json()).toEqual({ mobilePhone: '+31 6 1234 5678', id: 5 });
    expect([remove.length, list.length]).toEqual([1, 1]);
  });

  it('finds resources by email and updates them with PATCH /Resources', async () => {
    const query = api('POST', '/Resources/query', [200, page([{ id: 4, email: 'dana@example.com', isActive: true }])]);
    const update = api('PATCH', '/Resources', [200, { itemId: 4 }]);
    const autotask = fixedClient();
    expect((await autotask.resources.withEmail('dana@example.com')).map((resource) => resource.id)).toEqual([4]);
    expect((query[0]?.json() as { filter: unknown[] }).filter[1]).toEqual({ op: 'eq', field: 'isActive', value: true });
    await autotask.resources.update(4, { title: 'Engineer' });
    expect(update[0]?.json()).toEqual({ title: 'Engineer', id: 4 });
  });
});

describe('any entity', () => {
  it('reads, writes, deletes and reaches child collections of an entity by name', async () => {
    const query = api('POST', '/CompanyLocations/query', [200, page([{ id: 3, name: 'HQ' }])]);
    const count = api('POST', '/CompanyLocations/query/count', [200, { queryCount: 1 }]);
    api('POST', '/Companies', [200, { itemId: 9 }]);
    api('PATCH', '/Companies', [200, { itemId: 9 }]);
    api('DELETE', '/ContactGroups/4', [200, { itemId: 4 }]);
    const child = api('POST', '/Companies/9/Notes', [200, { itemId: 90 }]);
    const autotask = fixedClient();
    expect(await autotask.entity('CompanyLocations').query({ filter: where.eq('companyID', 9) }).toArray({ limit: 5 })).toEqual([{ id: 3, name: 'HQ' }]);
    expect(await autotask.entity('CompanyLocations').count({ filter: where.eq('companyID', 9) })).toBe(1);
    expect(await autotask.entity('Companies').create({ companyName: 'Acme' })).toEqual({ itemId: 9 });
    expect(await autotask.entity('Companies').update(9, { phone: '1' })).toEqual({ itemId: 9 });
    expect(await autotask.entity('ContactGroups').delete(4)).toEqual({ itemId: 4 });
    expect(await autotask.entity('Companies').child(9, 'Notes').create({ title: 'Kick-off' })).toEqual({ itemId: 90 });
    expect([query.length, count.length, child.length]).toEqual([1, 1, 1]);
  });

  it('reads what an entity allows, its fields and its user-defined fields', async () => {
    api('GET', '/Tickets/entityInformation', [200, { info: { name: 'Tickets', canCreate: true, canDelete: false, canQuery: true, canUpdate: true, userAccessForCreate: {} } }]);
    api('GET', '/Tickets/entityInformation/fields', [200, { fields: [{ name: 'status', dataType: 'integer', isPickList: true, picklistValues: [] }] }]);
    api('GET', '/Companies/entityInformation/userDefinedFields', [200, { fields: [{ name: 'Customer Ranking', type: 'string' }] }]);
    const autotask = fixedClient();
    expect(await autotask.tickets.info()).toMatchObject({ canCreate: true, canDelete: false });
    expect((await autotask.tickets.fields()).map((field) => field.name)).toEqual(['status']);
    expect((await autotask.companies.userDefinedFields()).map((field) => field.name)).toEqual(['Customer Ranking']);
  });

  it('refuses names and ids that are not Autotask names and ids, before any request', async () => {
    const autotask = fixedClient();
    expect(() => autotask.entity('Tickets/../Resources')).toThrow(InputError);
    expect(() => autotask.entity('')).toThrow(/entity name/);
    expect(() => autotask.entity('Tickets').child(1, 'Notes/x')).toThrow(/child collection name/);
    expect(() => autotask.entity('Tickets').child(-1, 'Notes')).toThrow(/parentId/);
    const error = await failure(autotask.tickets.get('7; DROP' as never));
    expect(error).toMatchObject({ name: 'InputError', field: 'id', provider: 'autotask' });
  });

  it('sends anything through request(), with the credentials and the limits', async () => {
    const calls = api('GET', '/Resources/4/ServiceDeskRoles', [200, page([{ id: 1 }])]);
    expect(await fixedClient().request('GET', '/Resources/4/ServiceDeskRoles')).toMatchObject({ items: [{ id: 1 }] });
    expect(calls[0]?.headers.get('apiintegrationcode')).toBeTruthy();
  });

  it('acts as another resource when asked (ImpersonationResourceId)', async () => {
    const calls = api('POST', '/Tickets', [200, { itemId: 1 }]);
    await fixedClient({ impersonationResourceId: 29682885 }).tickets.create({ title: 'x' });
    expect(calls[0]?.headers.get('ImpersonationResourceId')).toBe('29682885');
  });
});
