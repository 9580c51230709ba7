/**
 * `tickets.list(query)` as an Autotask filter: the requester's contact (found by email, which must
 * be unique), the assignee's resource, the status values of the categories and the ticket types
 * (through the connector's mappings, so `statusMap` holds in lists too), and `lastActivityDate` for
 * `updatedSince`.
 *
 * @internal
 * @module
 */
import { TicketQuerySchema, type StatusCategory, type TicketQuery, type TicketType, type UserRef } from '@itsm/core';
import type * as z from 'zod/mini';
import { kit } from '../provider.js';
import { where, type Filter } from '../query/filter.js';
import { MAX_RECORDS } from '../query/pager.js';
import type { ConnectorContext } from './context.js';
import { assigneeResource, requesterContact } from './people.js';
import { autotaskContactToUser, userRef } from './users.js';

/** A parsed `TicketQuery`. */
export type ParsedTicketQuery = z.output<typeof TicketQuerySchema>;

/** A list ready to run, or `null` when the query can match nothing (e.g. an email nobody has). */
export interface PlannedList {
  /** The filter. */
  filter: Filter[];
  /** The requester, when the query named one (its email and name fill the tickets' `requester`). */
  requester: UserRef | undefined;
  /** Tickets per page asked of Autotask (`MaxRecords`). */
  pageSize: number | undefined;
  /** Newest update first (default) or oldest first. */
  order: 'updated_desc' | 'updated_asc';
}

/**
 * Plans a ticket list: validates the query, resolves people, categories and types.
 *
 * @param context - The connector's context.
 * @param raw - The caller's query.
 * @returns The list, or `null` when nothing can match.
 * @throws `InputError` naming `query.<field>` for a bad query, before any request;
 *   `AmbiguousMatchError` when the requester's email belongs to several contacts.
 */
export async function planTicketList(context: ConnectorContext, raw: TicketQuery | undefined): Promise<PlannedList | null> {
  const query = kit.parse(TicketQuerySchema, raw ?? {}, 'query');
  const filter: Filter[] = [];
  let requester: UserRef | undefined;
  if (query.requester !== undefined) {
    const contact = await requesterContact(context, query.requester, 'query.requester', 'null');
    if (contact === null) return null;
    requester = userRef(autotaskContactToUser(contact));
    filter.push(where.eq('contactID', contact.id));
  }
  if (query.assignee !== undefined) {
    const resource = await assigneeResource(context, query.assignee, 'query.assignee', 'null');
    if (resource === null) return null;
    filter.push(where.eq('assignedResourceID', resource.id));
  }
  if (query.categories !== undefined) {
    const values = await context.statusValuesIn(query.categories as StatusCategory[]);
    if (values.length === 0) return null;
    filter.push(where.in('status', values));
  }
  if (query.type !== undefined) {
    const types: TicketType[] = Array.isArray(query.type) ? query.type : [query.type];
    const ticketTypes = (await context.picklist('Tickets', 'ticketType')).entries.filter((entry) => types.includes(context.ticketType({ id: entry.value, name: entry.label })));
    if (ticketTypes.length === 0) return null;
    filter.push(where.in('ticketType', ticketTypes.map((entry) => entry.value)));
  }
  if (query.updatedSince !== undefined) filter.push(where.gte('lastActivityDate', new Date(query.updatedSince)));
  if (filter.length === 0) filter.push(where.all());
  return {
    filter,
    requester,
    pageSize: query.pageSize === undefined ? undefined : Math.min(query.pageSize, MAX_RECORDS),
    order: query.order ?? 'updated_desc',
  };
}
