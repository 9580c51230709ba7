/**
 * `tickets.list(query)` as JQL: every filter of the query becomes a clause whose values are quoted
 * by the `jql` tag, dates are written in the account's time zone, and statuses and issue types are
 * chosen through the connector's mappings (so `statusMap` overrides hold in searches too).
 *
 * @internal
 * @module
 */
import { TicketQuerySchema, type StatusCategory, type TicketQuery, type TicketType } from '@itsm/core';
import type * as z from 'zod/mini';
import { jqlLowerBound } from '../jql/date.js';
import type { Jql, JqlScalar, JqlTag } from '../jql/index.js';
import { kit } from '../provider.js';
import type { ConnectorContext } from './context.js';
import { accountIdOf } from './users.js';

/** A parsed `TicketQuery`. */
export type ParsedTicketQuery = z.output<typeof TicketQuerySchema>;

/** What a list query searches for, in Jira's terms. */
export interface TicketSearchParts {
  /** The project key. */
  projectKey: string;
  /** Reporter account id. */
  reporter?: string | undefined;
  /** Assignee account id. */
  assignee?: string | undefined;
  /** Status ids (any of). */
  statusIds?: readonly string[] | undefined;
  /** Issue type ids (any of). */
  issueTypeIds?: readonly string[] | undefined;
  /** Updated at or after this instant (JQL floors it to the minute). */
  updatedSince?: Date | undefined;
  /** By last update, newest first (default) or oldest first. */
  order?: 'updated_desc' | 'updated_asc' | undefined;
}

/**
 * An id as a JQL value: a number when it is all digits (Jira then matches the id, not a name).
 *
 * @param id - A status or issue type id.
 * @internal
 */
export function idValue(id: string): JqlScalar {
  return /^\d{1,15}$/.test(id) ? Number(id) : id;
}

/**
 * The JQL of a ticket search. Every value goes through the tag, so an id or key can never change
 * the query's structure.
 *
 * @param parts - What to search for.
 * @param q - The `jql` tag, in the account's time zone (`client.jqlTag()`).
 * @example
 * ```ts
 * ticketSearchJql({ projectKey: 'HELP', reporter: '5b10…', statusIds: ['1', '3'] }, jql);
 * // project = "HELP" AND reporter = "5b10…" AND status IN (1, 3) ORDER BY updated DESC, key DESC
 * ```
 */
export function ticketSearchJql(parts: TicketSearchParts, q: JqlTag): Jql {
  const clauses: Jql[] = [q`project = ${parts.projectKey}`];
  if (parts.reporter !== undefined) clauses.push(q`reporter = ${parts.reporter}`);
  if (parts.assignee !== undefined) clauses.push(q`assignee = ${parts.assignee}`);
  if (parts.statusIds !== undefined) clauses.push(q`status IN ${parts.statusIds.map(idValue)}`);
  if (parts.issueTypeIds !== undefined) clauses.push(q`issuetype IN ${parts.issueTypeIds.map(idValue)}`);
  if (parts.updatedSince !== undefined) clauses.push(q`updated >= ${parts.updatedSince}`);
  const direction = parts.order === 'updated_asc' ? 'ASC' : 'DESC';
  return q.raw(`${clauses.map(String).join(' AND ')} ORDER BY updated ${direction}, key ${direction}`);
}

/** A search ready to run, or `null` when the query can match nothing (e.g. an email nobody has). */
export interface PlannedSearch {
  /** The query. */
  jql: Jql;
  /** The exact lower bound of `updatedAt`, in epoch milliseconds (JQL only has minutes). */
  updatedSinceMs: number | undefined;
  /** Issues per page. */
  pageSize: number | undefined;
}

/**
 * Plans a ticket search: validates the query, resolves people to account ids, categories to the
 * project's status ids and types to its issue type ids.
 *
 * @param context - The connector's context.
 * @param raw - The caller's query.
 * @returns The search, or `null` when nothing can match.
 * @throws `InputError` naming `query.<field>` for a bad query, before any request.
 * @throws `AmbiguousMatchError` when a person's email belongs to several accounts.
 */
export async function planTicketSearch(context: ConnectorContext, raw: TicketQuery | undefined): Promise<PlannedSearch | null> {
  const query = kit.parse(TicketQuerySchema, raw ?? {}, 'query');
  const parts: TicketSearchParts = { projectKey: context.options.projectKey, order: query.order };
  if (query.requester !== undefined) {
    const id = await accountIdOf(context, query.requester, 'query.requester', 'null');
    if (id === null) return null;
    parts.reporter = id;
  }
  if (query.assignee !== undefined) {
    const id = await accountIdOf(context, query.assignee, 'query.assignee', 'null');
    if (id === null) return null;
    parts.assignee = id;
  }
  if (query.categories !== undefined) {
    parts.statusIds = await context.statusIdsIn(query.categories as StatusCategory[]);
    if (parts.statusIds.length === 0) return null;
  }
  if (query.type !== undefined) {
    const types: TicketType[] = Array.isArray(query.type) ? query.type : [query.type];
    parts.issueTypeIds = (await context.issueTypesOf(types)).map((type) => type.id);
    if (parts.issueTypeIds.length === 0) return null;
  }
  const q = await context.client.jqlTag();
  let updatedSinceMs: number | undefined;
  if (query.updatedSince !== undefined) {
    const since = new Date(query.updatedSince);
    updatedSinceMs = since.getTime();
    parts.updatedSince = jqlLowerBound(since, q.timeZone);
  }
  return { jql: ticketSearchJql(parts, q), updatedSinceMs, pageSize: query.pageSize === undefined ? undefined : Math.min(query.pageSize, 100) };
}
