/**
 * Ticket notes under their ticket: `GET /Tickets/{id}/Notes` (a page, GET-style `nextPageUrl`),
 * `GET /Tickets/{id}/Notes/{noteId}`, `POST /Tickets/{id}/Notes` (create), `PATCH` and `PUT` (update,
 * `id` in the body). There is no `POST /TicketNotes`: that path is IIS's HTML 404, as live.
 *
 * `description`, `noteType` and `publish` are required (picklist values: read them from
 * `/TicketNotes/entityInformation/fields`; `noteType` 13, the workflow-rule note, is not writable).
 * A note written "as a contact" gives `createdByContactID`: the contact must be active, belong to the
 * ticket's company, and the note must be published to all (`publish` 1); the API user is then its
 * `impersonatorCreatorResourceID`. A resource impersonation (`ImpersonationResourceId`) makes that
 * resource the creator. A note counts as activity on its ticket (`lastActivityDate`, and
 * `lastCustomerVisibleActivityDateTime` for a published note).
 *
 * @module
 */
import { actingResource, callerOf, type Caller } from '../auth.js';
import { TICKET_NOTES } from '../entities/index.js';
import { failAutotask, NOTHING_TO_UPDATE } from '../errors.js';
import { API_PREFIX } from '../paths.js';
import { PUBLISH_ALL } from '../picklists.js';
import { childCollection } from '../query/run.js';
import { contactOfCompany, badReference } from '../references.js';
import { recordJson } from '../serialize.js';
import type { AutotaskState, Ticket, TicketNote } from '../store.js';
import type { FieldValue } from '../table.js';
import { activityFields } from '../ticket-rules.js';
import { checkFields, readWriteBody, replacementChanges, resulting } from '../write.js';
import { queryContext } from './read.js';
import { itemId, pathId, requireId, writeBody, type AutotaskRouter } from './router.js';

function parentTicket(state: AutotaskState, id: number): Ticket {
  const ticket = state.tables.Tickets.get(id);
  if (ticket === undefined) failAutotask(badReference('ticketID', 'Ticket'));
  return ticket;
}

/** Records activity on a ticket: by a resource, or (`resourceId` undefined) by a contact. */
export function touchTicket(state: AutotaskState, ticketId: number, resourceId: number | undefined, customerVisible: boolean): void {
  state.tables.Tickets.update(ticketId, activityFields(state.clock(), resourceId, customerVisible));
}

/** Creates a note on a ticket; returns its id. */
export function createNote(state: AutotaskState, caller: Caller, ticketId: number, body: Record<string, unknown>): number {
  const ticket = parentTicket(state, ticketId);
  const input = readWriteBody(TICKET_NOTES, body);
  const changes: Record<string, FieldValue> = { ...input.changes, ticketID: ticket.id };
  checkFields(TICKET_NOTES, undefined, changes, true);
  const contactId = typeof changes.createdByContactID === 'number' ? changes.createdByContactID : undefined;
  if (contactId !== undefined) {
    contactOfCompany(state, contactId, ticket.companyID, 'createdByContactID');
    if (changes.publish !== PUBLISH_ALL) failAutotask('A note created by a contact must be published to All Autotask Users (publish 1).');
  }
  const now = state.clock();
  const actor = actingResource(caller);
  const impersonating = contactId !== undefined || caller.impersonated !== undefined;
  const fields: Record<string, FieldValue> = {
    ...changes,
    createDateTime: now,
    lastActivityDate: now,
    creatorResourceID: contactId === undefined ? actor.id : null,
    impersonatorCreatorResourceID: impersonating ? caller.apiUser.id : null,
  };
  const table = state.tables.TicketNotes;
  const record: Record<string, FieldValue> = { id: table.allocateId() };
  for (const [name, value] of Object.entries(fields)) if (value !== null) record[name] = value;
  const note = table.insert(record as unknown as TicketNote);
  touchTicket(state, ticket.id, contactId === undefined ? actor.id : undefined, changes.publish === PUBLISH_ALL);
  return note.id;
}

function updateNote(state: AutotaskState, caller: Caller, ticketId: number, body: Record<string, unknown>, replace: boolean): number {
  parentTicket(state, ticketId);
  const input = readWriteBody(TICKET_NOTES, body);
  const id = requireId(input.id, 'TicketNote');
  const note = state.tables.TicketNotes.get(id);
  if (note === undefined || note.ticketID !== ticketId) failAutotask(NOTHING_TO_UPDATE);
  const changes = replace ? replacementChanges(TICKET_NOTES, input.changes) : { ...input.changes };
  changes.ticketID = ticketId;
  if ('createdByContactID' in changes && resulting(note, changes, 'createdByContactID') !== (note.createdByContactID ?? null)) {
    failAutotask('The createdByContactID of a note cannot be changed.');
  }
  checkFields(TICKET_NOTES, note, changes, replace);
  const now = state.clock();
  state.tables.TicketNotes.update(id, { ...changes, lastActivityDate: now, impersonatorUpdaterResourceID: caller.impersonated === undefined ? null : caller.apiUser.id });
  touchTicket(state, ticketId, actingResource(caller).id, resulting(note, changes, 'publish') === PUBLISH_ALL);
  return id;
}

/** Adds the note routes under `/Tickets/{id}/Notes`. */
export function noteRoutes(router: AutotaskRouter): void {
  const path = `${API_PREFIX}/tickets/:parentId/notes`;
  router
    .get(path, (_request, { state, url, params }) => childCollection(queryContext(state, TICKET_NOTES, url), 'ticketID', pathId(params.parentId)))
    .post(path, (request, { state, params }) => itemId(createNote(state, callerOf(request), pathId(params.parentId), writeBody(request))))
    .patch(path, (request, { state, params }) => itemId(updateNote(state, callerOf(request), pathId(params.parentId), writeBody(request), false)))
    .put(path, (request, { state, params }) => itemId(updateNote(state, callerOf(request), pathId(params.parentId), writeBody(request), true)))
    .get(`${path}/:id`, (_request, { state, params }) => {
      const note = state.tables.TicketNotes.get(pathId(params.id));
      const found = note !== undefined && note.ticketID === pathId(params.parentId) ? note : undefined;
      return { status: 200, body: { item: found === undefined ? null : recordJson(state.tables.TicketNotes, found) } };
    });
}
