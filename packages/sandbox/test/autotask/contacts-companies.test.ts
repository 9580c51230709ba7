/**
 * Contacts (written under their company), resources and companies; e-mail lookups, including the
 * ambiguous duplicate and the second address.
 */
import { describe, expect, it } from 'vitest';
import { api, type QueryPage } from './support/http.js';
import { useAutotaskSandbox } from './support/sandbox.js';

const at = useAutotaskSandbox();

async function contactsByEmail(email: string): Promise<number[]> {
  const filter = [{ op: 'or', items: ['emailAddress', 'emailAddress2', 'emailAddress3'].map((field) => ({ op: 'eq', field, value: email })) }];
  const reply = await at.call('POST', api('Contacts/query'), { json: { filter } });
  return reply.body<QueryPage>().items.map((item) => item.id as number);
}

describe('contacts', () => {
  it('finds a contact by e-mail in any case, by its second address, and both twins of the duplicate', async () => {
    const { knownRequester, aliasContact, duplicateEmail } = at.state.facts;
    expect(await contactsByEmail(knownRequester.email.toUpperCase())).toEqual([knownRequester.id]);
    expect(await contactsByEmail(aliasContact.alias)).toEqual([aliasContact.id]);
    expect(await contactsByEmail(duplicateEmail.email)).toEqual([...duplicateEmail.contactIds]);
  });

  it('returns isActive as 0 or 1', async () => {
    const { item } = (await at.call('GET', api(`Contacts/${at.state.facts.inactiveContact.id}`))).body<{ item: { isActive: number } }>();
    expect(item.isActive).toBe(0);
  });

  it('creates, updates, replaces and deletes a contact under its company', async () => {
    const company = at.state.facts.company.id;
    const path = api(`Companies/${company}/Contacts`);
    const created = await at.call('POST', path, { json: { companyID: company, firstName: 'Tester', middleInitial: 'X', lastName: 'Testington', isActive: 1, emailAddress: 'tester@riverbend.example' } });
    expect(created.status, created.text).toBe(200);
    const { itemId } = created.body<{ itemId: number }>();
    expect((await at.call('PATCH', path, { json: { id: itemId, firstName: 'Ingrid' } })).status).toBe(200);
    expect(at.state.tables.Contacts.get(itemId)).toMatchObject({ firstName: 'Ingrid', middleInitial: 'X', lastName: 'Testington' });
    expect((await at.call('PUT', path, { json: { id: itemId, firstName: 'William', lastName: 'Adama', isActive: 1, title: 'Commander' } })).status).toBe(200);
    const { item } = (await at.call('GET', api(`Contacts/${itemId}`))).body<{ item: Record<string, unknown> }>();
    expect(item).toMatchObject({ firstName: 'William', lastName: 'Adama', title: 'Commander', middleInitial: null, isActive: 1, companyID: company });
    expect((await at.call('GET', `${path}/${itemId}`)).body<{ item: { id: number } }>().item.id).toBe(itemId);
    expect((await at.call('DELETE', `${path}/${itemId}`)).json).toEqual({ itemId });
    expect((await at.call('GET', api(`Contacts/${itemId}`))).json).toEqual({ item: null });
  });

  it('requires firstName, lastName and isActive (0 or 1), and refuses to delete a contact tickets refer to', async () => {
    const company = at.state.facts.company.id;
    const path = api(`Companies/${company}/Contacts`);
    expect((await at.call('POST', path, { json: { firstName: 'A', isActive: 1 } })).json).toEqual({ errors: ['Missing Required Field: lastName.'] });
    expect((await at.call('POST', path, { json: { firstName: 'A', lastName: 'B', isActive: 2 } })).status).toBe(500);
    const requester = at.state.facts.knownRequester;
    expect((await at.call('DELETE', api(`Companies/${requester.companyId}/Contacts/${requester.id}`))).status).toBe(500);
  });

  it('has no writes at the root: PATCH /Contacts is an HTML 404, PUT /Contacts/{id} a 405', async () => {
    const id = at.state.facts.knownRequester.id;
    const patch = await at.call('PATCH', api('Contacts'), { json: { id, firstName: 'X' } });
    expect(patch.status).toBe(404);
    expect(patch.headers.get('content-type')).toMatch(/text\/html/u);
    const put = await at.call('PUT', api(`Contacts/${id}`), { json: { id, firstName: 'X' } });
    expect(put.status).toBe(405);
    expect(put.json).toEqual({ Message: "The requested resource does not support http method 'PUT'." });
  });

  it('lists a company\'s contacts', async () => {
    const company = at.state.facts.company.id;
    const page = (await at.call('GET', api(`Companies/${company}/Contacts`))).body<QueryPage>();
    expect(page.items.length).toBe([...at.state.tables.Contacts.rows()].filter((contact) => contact.companyID === company).length);
  });
});

describe('resources and companies', () => {
  it('finds the agent by e-mail and the API user by user name', async () => {
    const { agent, apiUser } = at.state.facts;
    const byEmail = await at.call('POST', api('Resources/query'), { json: { filter: [{ op: 'eq', field: 'email', value: agent.email }] } });
    expect(byEmail.body<QueryPage>().items).toEqual([expect.objectContaining({ id: agent.id, userName: agent.userName, isActive: true, licenseType: 1 })]);
    const byName = await at.call('POST', api('Resources/query'), { json: { filter: [{ op: 'eq', field: 'userName', value: apiUser.username }] } });
    expect(byName.body<QueryPage>().items).toEqual([expect.objectContaining({ id: apiUser.resourceId, licenseType: 7 })]);
    expect(Object.keys(byName.body<QueryPage>().items[0] ?? {})).not.toContain('userDefinedFields');
  });

  it('updates a resource, and refuses to create one', async () => {
    const { agent } = at.state.facts;
    expect((await at.call('PATCH', api('Resources'), { json: { id: agent.id, officePhone: '+1 555 0100' } })).status).toBe(200);
    expect(at.state.tables.Resources.get(agent.id)?.officePhone).toBe('+1 555 0100');
    expect((await at.call('POST', api('Resources'), { json: { firstName: 'A' } })).status).toBe(405);
  });

  it('has the own company as id 0, creates and updates companies', async () => {
    expect((await at.call('GET', api('Companies/0'))).body<{ item: { companyName: string } }>().item.companyName).toBe(at.state.facts.ownCompany.name);
    const owner = at.state.facts.agent.id;
    const created = await at.call('POST', api('Companies'), { json: { companyName: 'A Company', companyType: 1, ownerResourceID: owner, phone: '5555555555', userDefinedFields: [{ name: 'CustomerRanking', value: 'Golden' }] } });
    expect(created.status, created.text).toBe(200);
    const { itemId } = created.body<{ itemId: number }>();
    expect((await at.call('PATCH', api('Companies'), { json: { id: itemId, companyName: 'ABC Company' } })).status).toBe(200);
    const { item } = (await at.call('GET', api(`Companies/${itemId}`))).body<{ item: { companyName: string; userDefinedFields: unknown[] } }>();
    expect(item.companyName).toBe('ABC Company');
    expect(item.userDefinedFields).toContainEqual({ name: 'CustomerRanking', value: 'Golden' });
    expect((await at.call('POST', api('Companies'), { json: { companyName: 'B', companyType: 1, ownerResourceID: at.state.facts.apiUser.resourceId, phone: '1' } })).status).toBe(500);
  });
});
