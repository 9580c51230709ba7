/**
 * Running ticket searches: JQL pages from `POST /rest/api/3/search/jql`, mapped to tickets.
 *
 * @internal
 * @module
 */
import { Paginator, type Ticket } from '@itsm/core';
import type { Jql } from '../jql/index.js';
import { nextSearchToken } from '../resources/issues.js';
import { IssueSearchPageSchema, type Issue } from '../schemas/issues.js';
import type { ConnectorContext } from './context.js';
import type { PlannedSearch } from './query.js';
import { jiraIssueToTicket, TICKET_FIELDS } from './ticket.js';

/** The most issues Jira returns per page when fields are asked for. */
export const SEARCH_PAGE_SIZE = 100;

/**
 * An issue as a ticket of this connector (its mappings, its web link).
 *
 * @param context - The connector's context.
 * @param issue - The issue, read with {@link TICKET_FIELDS}.
 */
export async function toTicket(context: ConnectorContext, issue: Issue): Promise<Ticket> {
  return jiraIssueToTicket(issue, {
    statusCategory: context.statusCategory,
    ticketType: context.ticketType,
    url: await context.client.browseUrl(issue.key),
  });
}

/**
 * One page of a JQL search with the ticket fields.
 *
 * @param context - The connector's context.
 * @param jql - The query.
 * @param cursor - The `nextPageToken` of the previous page.
 * @param options - Page size and abort signal.
 */
export async function searchPage(
  context: ConnectorContext,
  jql: Jql,
  cursor: string | undefined,
  options: { pageSize?: number | undefined; signal?: AbortSignal | undefined },
): Promise<{ issues: Issue[]; nextCursor: string | undefined }> {
  const json: Record<string, unknown> = { jql: jql.text, fields: [...TICKET_FIELDS], maxResults: options.pageSize ?? SEARCH_PAGE_SIZE };
  if (cursor !== undefined) json.nextPageToken = cursor;
  const page = await context.client.request('POST', '/rest/api/3/search/jql', {
    json,
    schema: IssueSearchPageSchema,
    ...(options.signal ? { signal: options.signal } : {}),
  });
  return { issues: page.issues, nextCursor: nextSearchToken(page) };
}

/**
 * A paginator of tickets over a search planned lazily, when the first page is asked for (so bad
 * input surfaces there, as an `InputError`). A search planned as `null` matches nothing.
 *
 * @param context - The connector's context.
 * @param plan - Plans the search.
 */
export function ticketSearch(context: ConnectorContext, plan: () => Promise<PlannedSearch | null>): Paginator<Ticket> {
  let planned: Promise<PlannedSearch | null> | undefined;
  return new Paginator<Ticket>(async (cursor, { signal }) => {
    if (planned === undefined) {
      const pending = plan();
      planned = pending;
      pending.catch(() => {
        if (planned === pending) planned = undefined;
      });
    }
    const search = await planned;
    if (search === null) return { items: [] };
    const { issues, nextCursor } = await searchPage(context, search.jql, cursor, { pageSize: search.pageSize, signal });
    const tickets = await Promise.all(issues.map((issue) => toTicket(context, issue)));
    const since = search.updatedSinceMs;
    return { items: since === undefined ? tickets : tickets.filter((ticket) => Date.parse(ticket.updatedAt) >= since), nextCursor };
  });
}
