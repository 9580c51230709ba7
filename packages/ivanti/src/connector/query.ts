/**
 * `tickets.list(query)` as OData: per kind of ticket, a filter from the query (people resolved to
 * RecIds, categories to the statuses that map to them), with the group of statuses written first
 * as Ivanti requires; both kinds merged in the order asked.
 *
 * @internal
 * @module
 */
import { TicketQuerySchema, type StatusCategory, type TicketType } from '@itsm/core';
import { odata } from '../odata/builder.js';
import type { ODataFilter } from '../odata/filter.js';
import { kit } from '../provider.js';
import type { ConnectorContext } from './context.js';
import { isTicketKind, type TicketKind } from './kinds.js';
import { statusesIn } from './status-map.js';
import { employeeIdOf } from './users.js';

/** The most tickets asked for per request. */
export const TICKET_PAGE_SIZE = 100;

/** A planned search: the filter of each kind to read, the order and the page size. */
export interface PlannedTicketSearch {
  /** Each kind to read, with its filter (`undefined`: every record). */
  kinds: { kind: TicketKind; filter: ODataFilter | undefined }[];
  /** `desc` (newest update first, the default) or `asc`. */
  direction: 'asc' | 'desc';
  /** Tickets per request. */
  pageSize: number;
}

/**
 * Plans a ticket search: validates the query, resolves people to RecIds and categories to statuses.
 *
 * @param context - The connector's context.
 * @param raw - The caller's query.
 * @returns The search; `kinds` is empty when nothing can match (e.g. an e-mail nobody has).
 * @throws `InputError` naming `query.<field>` for a bad query.
 */
export async function planTicketSearch(context: ConnectorContext, raw: unknown): Promise<PlannedTicketSearch> {
  const query = kit.parse(TicketQuerySchema, raw ?? {}, 'query');
  const direction = query.order === 'updated_asc' ? 'asc' : 'desc';
  const pageSize = Math.min(query.pageSize ?? TICKET_PAGE_SIZE, TICKET_PAGE_SIZE);
  const none: PlannedTicketSearch = { kinds: [], direction, pageSize };
  const types: TicketType[] = query.type === undefined ? ['incident', 'service_request'] : Array.isArray(query.type) ? query.type : [query.type];
  const kinds = [...new Set(types)].filter(isTicketKind);
  const common: ODataFilter[] = [];
  if (query.requester !== undefined) {
    const id = await employeeIdOf(context.client, query.requester, 'query.requester', 'null');
    if (id === null) return none;
    common.push(odata.eq('ProfileLink_RecID', id));
  }
  if (query.assignee !== undefined) {
    const id = await employeeIdOf(context.client, query.assignee, 'query.assignee', 'null');
    if (id === null) return none;
    common.push(odata.eq('Owner_Valid', id));
  }
  if (query.updatedSince !== undefined) common.push(odata.ge('LastModDateTime', new Date(query.updatedSince)));
  const planned: PlannedTicketSearch['kinds'] = [];
  for (const kind of kinds) {
    const parts = [...common];
    if (query.categories !== undefined) {
      const statuses = statusesIn(context.statusCategory, kind, query.categories as StatusCategory[], context.options.statusMap, context.options.targets);
      if (statuses.length === 0) continue;
      parts.unshift(odata.anyOf('Status', statuses));
    }
    planned.push({ kind, filter: parts.length === 0 ? undefined : odata.and(...parts) });
  }
  return { kinds: planned, direction, pageSize };
}
