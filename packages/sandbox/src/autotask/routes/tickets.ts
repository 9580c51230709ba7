/**
 * Ticket writes: `POST /Tickets` (create), `PATCH /Tickets` (the fields the body gives, `id` in the
 * body), `PUT /Tickets` (replace: writable fields the body omits are cleared). Each answers
 * `{ "itemId": id }`. Tickets cannot be deleted.
 *
 * Rules: `companyID`, `title`, `status` and `priority` are required; a ticket is routed to a queue
 * (`queueID`) or a resource (`assignedResourceID` **and** `assignedResourceRoleID`, a role the
 * resource has; API-only users cannot be assigned); picklist values must be active; the contact must
 * be an active contact of the ticket's company. `ticketCategory` and `ticketType` default to their
 * picklist defaults, the due dates to targets by priority. Impersonation (`ImpersonationResourceId`)
 * makes the impersonated resource the creator, with the API user as `impersonatorCreatorResourceID`.
 * A completed ticket can be updated like any other; moving it out of Complete clears its completion.
 *
 * @module
 */
import { actingResource, callerOf, type Caller } from '../auth.js';
import { TICKETS } from '../entities/index.js';
import { failAutotask, NOTHING_TO_UPDATE } from '../errors.js';
import { API_PREFIX } from '../paths.js';
import { PERSON_TYPE, TICKET_CATEGORIES, TICKET_TYPES } from '../picklists.js';
import { activeCompany, checkAssignment, contactOfCompany } from '../references.js';
import type { AutotaskState, Ticket } from '../store.js';
import type { FieldValue } from '../table.js';
import { activityFields, dueDates, nextTicketNumber, statusEffects } from '../ticket-rules.js';
import { checkFields, readWriteBody, replacementChanges, resulting, type WriteInput } from '../write.js';
import { itemId, requireId, writeBody, type AutotaskRouter } from './router.js';

function defaultOf(values: readonly { value: string; isDefaultValue?: boolean }[]): number {
  return Number(values.find((entry) => entry.isDefaultValue === true)?.value ?? values[0]?.value);
}

function numberOrNull(value: FieldValue): number | null {
  return typeof value === 'number' ? value : null;
}

/** Checks the references and the routing of a ticket after `changes`. */
function checkTicket(state: AutotaskState, ticket: Ticket | undefined, changes: Readonly<Record<string, FieldValue>>): void {
  const companyId = numberOrNull(resulting(ticket, changes, 'companyID'));
  if (ticket === undefined || 'companyID' in changes) activeCompany(state, companyId ?? -1);
  const contactId = numberOrNull(resulting(ticket, changes, 'contactID'));
  if (contactId !== null && (ticket === undefined || 'contactID' in changes || 'companyID' in changes)) contactOfCompany(state, contactId, companyId ?? -1);
  const resourceId = numberOrNull(resulting(ticket, changes, 'assignedResourceID'));
  const roleId = numberOrNull(resulting(ticket, changes, 'assignedResourceRoleID'));
  if (ticket === undefined || 'assignedResourceID' in changes || 'assignedResourceRoleID' in changes) checkAssignment(state, resourceId, roleId);
  if (numberOrNull(resulting(ticket, changes, 'queueID')) === null && resourceId === null) {
    failAutotask('A ticket must be assigned to a queue or a resource: give queueID, or assignedResourceID and assignedResourceRoleID.');
  }
}

function setUdfs(state: AutotaskState, id: number, input: WriteInput): void {
  for (const [name, value] of Object.entries(input.udfs)) state.tables.Tickets.setUdf(id, name, value);
}

/** Creates a ticket from a body; returns its id. */
export function createTicket(state: AutotaskState, caller: Caller, input: WriteInput): number {
  const changes: Record<string, FieldValue> = { ...input.changes };
  changes.ticketCategory ??= defaultOf(TICKET_CATEGORIES);
  changes.ticketType ??= defaultOf(TICKET_TYPES);
  checkFields(TICKETS, undefined, changes, true);
  checkTicket(state, undefined, changes);
  const table = state.tables.Tickets;
  const now = state.clock();
  const actor = actingResource(caller);
  const dues = dueDates(now, changes.priority as number);
  const fields: Record<string, FieldValue> = {
    ...dues,
    ...changes,
    ticketNumber: nextTicketNumber(state, now),
    createDate: now,
    creatorResourceID: actor.id,
    creatorType: PERSON_TYPE.resource,
    impersonatorCreatorResourceID: caller.impersonated === undefined ? null : caller.apiUser.id,
    ...activityFields(now, actor.id, true),
    ...statusEffects(undefined, changes.status as number, now, actor.id),
  };
  const record: Record<string, FieldValue> = { id: table.allocateId() };
  for (const [name, value] of Object.entries(fields)) if (value !== null) record[name] = value;
  const ticket = table.insert(record as unknown as Ticket);
  setUdfs(state, ticket.id, input);
  return ticket.id;
}

/** Updates a ticket (PATCH, or PUT with `replace`); returns its id. */
export function updateTicket(state: AutotaskState, caller: Caller, input: WriteInput, replace: boolean): number {
  const id = requireId(input.id, 'Ticket');
  const table = state.tables.Tickets;
  const ticket = table.get(id);
  if (ticket === undefined) failAutotask(NOTHING_TO_UPDATE);
  const changes = replace ? replacementChanges(TICKETS, input.changes) : { ...input.changes };
  checkFields(TICKETS, ticket, changes, replace);
  checkTicket(state, ticket, changes);
  const now = state.clock();
  const actor = actingResource(caller);
  const status = resulting(ticket, changes, 'status') as number;
  table.update(id, { ...changes, ...statusEffects(ticket, status, now, actor.id), ...activityFields(now, actor.id, false) });
  setUdfs(state, id, input);
  return id;
}

/** Adds `POST`, `PATCH` and `PUT /Tickets`. */
export function ticketRoutes(router: AutotaskRouter): void {
  const path = `${API_PREFIX}/tickets`;
  router
    .post(path, (request, { state }) => itemId(createTicket(state, callerOf(request), readWriteBody(TICKETS, writeBody(request)))))
    .patch(path, (request, { state }) => itemId(updateTicket(state, callerOf(request), readWriteBody(TICKETS, writeBody(request)), false)))
    .put(path, (request, { state }) => itemId(updateTicket(state, callerOf(request), readWriteBody(TICKETS, writeBody(request)), true)));
}
