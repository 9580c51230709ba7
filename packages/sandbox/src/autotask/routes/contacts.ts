/**
 * Contacts are written only under their company: `POST`, `PATCH`, `PUT /Companies/{id}/Contacts`,
 * `DELETE /Companies/{id}/Contacts/{contactId}`, read with `GET /Companies/{id}/Contacts[/{contactId}]`
 * or at the root (`/Contacts/query`, `/Contacts/{id}`). `PATCH /Contacts` is IIS's HTML 404 and
 * `PUT /Contacts/{id}` a 405, as on live zones.
 *
 * Required: `firstName`, `lastName`, `isActive` (1 or 0). E-mail addresses are not unique in Autotask:
 * two contacts may share one (the seed has such a pair, see `facts.duplicateEmail`). A contact that
 * tickets refer to cannot be deleted.
 *
 * @module
 */
import { callerOf, type Caller } from '../auth.js';
import { CONTACTS } from '../entities/index.js';
import { failAutotask, NOTHING_TO_DELETE, NOTHING_TO_UPDATE } from '../errors.js';
import { API_PREFIX } from '../paths.js';
import { childCollection } from '../query/run.js';
import { activeCompany } from '../references.js';
import { recordJson } from '../serialize.js';
import type { AutotaskState, Contact } from '../store.js';
import type { FieldValue } from '../table.js';
import { checkFields, readWriteBody, replacementChanges, type WriteInput } from '../write.js';
import { queryContext } from './read.js';
import { itemId, pathId, requireId, writeBody, type AutotaskRouter } from './router.js';

function setUdfs(state: AutotaskState, id: number, input: WriteInput): void {
  for (const [name, value] of Object.entries(input.udfs)) state.tables.Contacts.setUdf(id, name, value);
}

function checkActive(changes: Readonly<Record<string, FieldValue>>): void {
  if ('isActive' in changes && changes.isActive !== 0 && changes.isActive !== 1) failAutotask('Value for field isActive must be 0 or 1.');
}

/** Creates a contact of a company; returns its id. */
export function createContact(state: AutotaskState, caller: Caller, companyId: number, input: WriteInput): number {
  activeCompany(state, companyId);
  const changes: Record<string, FieldValue> = { ...input.changes, companyID: companyId };
  checkFields(CONTACTS, undefined, changes, true);
  checkActive(changes);
  const now = state.clock();
  const table = state.tables.Contacts;
  const record: Record<string, FieldValue> = { id: table.allocateId() };
  const fields = { ...changes, createDate: now, lastActivityDate: now, lastModifiedDate: now, impersonatorCreatorResourceID: caller.impersonated === undefined ? null : caller.apiUser.id };
  for (const [name, value] of Object.entries(fields)) if (value !== null) record[name] = value;
  const contact = table.insert(record as unknown as Contact);
  setUdfs(state, contact.id, input);
  return contact.id;
}

function updateContact(state: AutotaskState, companyId: number, input: WriteInput, replace: boolean): number {
  const id = requireId(input.id, 'Contact');
  const contact = state.tables.Contacts.get(id);
  if (contact === undefined || contact.companyID !== companyId) failAutotask(NOTHING_TO_UPDATE);
  const changes = replace ? replacementChanges(CONTACTS, input.changes) : { ...input.changes };
  changes.companyID = companyId;
  checkFields(CONTACTS, contact, changes, replace);
  checkActive(changes);
  const now = state.clock();
  state.tables.Contacts.update(id, { ...changes, lastActivityDate: now, lastModifiedDate: now });
  setUdfs(state, id, input);
  return id;
}

/** Adds the contact routes under `/Companies/{id}/Contacts`. */
export function contactRoutes(router: AutotaskRouter): void {
  const path = `${API_PREFIX}/companies/:parentId/contacts`;
  router
    .get(path, (_request, { state, url, params }) => childCollection(queryContext(state, CONTACTS, url), 'companyID', pathId(params.parentId)))
    .post(path, (request, { state, params }) => itemId(createContact(state, callerOf(request), pathId(params.parentId), readWriteBody(CONTACTS, writeBody(request)))))
    .patch(path, (request, { state, params }) => itemId(updateContact(state, pathId(params.parentId), readWriteBody(CONTACTS, writeBody(request)), false)))
    .put(path, (request, { state, params }) => itemId(updateContact(state, pathId(params.parentId), readWriteBody(CONTACTS, writeBody(request)), true)))
    .get(`${path}/:id`, (_request, { state, params }) => {
      const contact = state.tables.Contacts.get(pathId(params.id));
      const found = contact !== undefined && contact.companyID === pathId(params.parentId) ? contact : undefined;
      return { status: 200, body: { item: found === undefined ? null : recordJson(state.tables.Contacts, found) } };
    })
    .delete(`${path}/:id`, (_request, { state, params }) => {
      const id = pathId(params.id);
      const contact = state.tables.Contacts.get(id);
      if (contact === undefined || contact.companyID !== pathId(params.parentId)) failAutotask(NOTHING_TO_DELETE);
      if (state.tables.Tickets.idsWhere('contactID', [id]).length > 0) failAutotask(`The contact ${id} cannot be deleted: tickets refer to it. Make it inactive instead.`);
      state.tables.Contacts.delete(id);
      return itemId(id);
    });
}
