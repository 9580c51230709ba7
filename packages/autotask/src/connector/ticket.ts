/**
 * An Autotask ticket as a `Ticket` of the shared model.
 *
 * @module
 */
import type { PriorityLevel, StatusCategory, Ticket, TicketType, UserRef } from '@itsm/core';
import type { CategoryMapper } from '@itsm/core/provider';
import type { EntityPicklists } from '../picklists.js';
import { AUTOTASK } from '../provider.js';
import type { AutotaskTicket } from '../schemas/entities.js';
import { autotaskTimestamps } from './dates.js';
import { contactRef, resourceRef } from './users.js';

/**
 * What {@link autotaskTicketToTicket} needs besides the ticket.
 *
 * @category Mapping
 */
export interface TicketMapping {
  /** The tenant's ticket picklists (status, priority, queue and ticket type labels). */
  picklists: EntityPicklists;
  /** The status mapping. */
  statusCategory: CategoryMapper<StatusCategory>;
  /** The priority mapping. */
  priorityLevel: CategoryMapper<PriorityLevel>;
  /** The ticket type mapping. */
  ticketType: CategoryMapper<TicketType>;
  /** The ticket's page in Autotask (`client.links.ticket(id)`). */
  url?: string | undefined;
  /** The requester, when the caller knows more of them than their id (their email and name). */
  requester?: UserRef | undefined;
}

function present<T>(value: T | null | undefined): value is T {
  return value !== null && value !== undefined;
}

/**
 * Maps an Autotask ticket to a `Ticket`:
 *
 * - `id` is the numeric id (as a string), `key` the ticket number (`T20260105.0042`), `url` the one given;
 * - `subject` the title, `description` the description (Autotask keeps it as plain text);
 * - `status`, `priority` and `type` through the mappings, with the tenant's labels as `native`;
 * - `requester` the contact (`contact:<id>`), `assignee` the resource (`resource:<id>`), `team` the queue;
 * - `createdAt` (`createDate`), `updatedAt` (`lastActivityDate`), `resolvedAt` (`completedDate`,
 *   else `resolvedDateTime`), all UTC;
 * - `customFields` the user-defined fields by name; `raw` the ticket untouched.
 *
 * @param ticket - The ticket, with every field (no `includeFields`).
 * @param mapping - Picklists, mappings, link and requester.
 * @throws `ResponseShapeError` when the ticket has no `createDate` or `lastActivityDate`.
 * @category Mapping
 */
export function autotaskTicketToTicket(ticket: AutotaskTicket, mapping: TicketMapping): Ticket {
  const { picklists } = mapping;
  const statusLabel = picklists.get('status')?.label(ticket.status) ?? (present(ticket.status) ? `Status ${ticket.status}` : 'Unknown');
  const status = { id: ticket.status ?? undefined, name: statusLabel };
  const customFields: Record<string, unknown> = {};
  for (const field of ticket.userDefinedFields ?? []) if (present(field.value)) customFields[field.name] = field.value;
  const priorityLabel = present(ticket.priority) ? (picklists.get('priority')?.label(ticket.priority) ?? `Priority ${ticket.priority}`) : undefined;
  const typeLabel = present(ticket.ticketType) ? picklists.get('ticketType')?.label(ticket.ticketType) : undefined;
  const resolvedAt = autotaskTimestamps.optional(ticket.completedDate) ?? autotaskTimestamps.optional(ticket.resolvedDateTime);
  const requester = present(ticket.contactID) ? { ...contactRef(ticket.contactID), ...(mapping.requester?.id === contactRef(ticket.contactID).id ? mapping.requester : {}) } : undefined;
  return {
    provider: AUTOTASK,
    id: String(ticket.id),
    key: ticket.ticketNumber ?? String(ticket.id),
    ...(mapping.url === undefined ? {} : { url: mapping.url }),
    type: present(ticket.ticketType) ? mapping.ticketType({ id: ticket.ticketType, ...(typeLabel === undefined ? {} : { name: typeLabel }) }) : 'other',
    subject: ticket.title ?? '',
    ...(present(ticket.description) ? { description: ticket.description } : {}),
    status: {
      category: mapping.statusCategory(status),
      native: { ...(present(ticket.status) ? { id: String(ticket.status) } : {}), name: statusLabel },
    },
    ...(priorityLabel === undefined
      ? {}
      : { priority: { level: mapping.priorityLevel({ id: ticket.priority ?? undefined, name: priorityLabel }), native: { id: String(ticket.priority), name: priorityLabel } } }),
    ...(requester === undefined ? {} : { requester }),
    ...(present(ticket.assignedResourceID) ? { assignee: resourceRef(ticket.assignedResourceID) } : {}),
    ...(present(ticket.queueID) ? { team: { id: String(ticket.queueID), name: picklists.get('queueID')?.label(ticket.queueID) ?? `Queue ${ticket.queueID}` } } : {}),
    createdAt: autotaskTimestamps.required(ticket.createDate, 'createDate', ticket),
    updatedAt: autotaskTimestamps.required(ticket.lastActivityDate, 'lastActivityDate', ticket),
    ...(resolvedAt === undefined ? {} : { resolvedAt }),
    customFields,
    raw: ticket,
  };
}
