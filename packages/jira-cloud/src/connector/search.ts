/**
 * Running ticket searches: JQL searches of the native client with the ticket fields, mapped to tickets.
 *
 * @internal
 * @module
 */
import { Paginator, type Ticket } from '@itsm/core';
import type { Jql } from '../jql/index.js';
import type { Issue, IssueSearchPage } from '../schemas/issues.js';
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
    raw: context.options.raw,
    customFields: context.options.customFields,
  });
}

/**
 * The issues of a JQL search with the ticket fields, page after page.
 *
 * @param context - The connector's context.
 * @param jql - The query.
 * @param pageSize - Issues per page. Default {@link SEARCH_PAGE_SIZE}.
 */
export function searchIssues(context: ConnectorContext, jql: Jql, pageSize: number = SEARCH_PAGE_SIZE): Paginator<Issue, IssueSearchPage> {
  return context.client.issues.search({ jql, fields: [...TICKET_FIELDS], maxResults: pageSize });
}

/**
 * A paginator of tickets over a search planned lazily, when the first page is asked for (so bad
 * input surfaces there, as an `InputError`). A search planned as `null` matches nothing. Tickets
 * updated before the exact `updatedSince` (JQL dates stop at the minute) are left out.
 *
 * @param context - The connector's context.
 * @param plan - Plans the search.
 */
export function ticketSearch(context: ConnectorContext, plan: () => Promise<PlannedSearch | null>): Paginator<Ticket> {
  return Paginator.defer<Ticket>(async () => {
    const search = await plan();
    if (search === null) return Paginator.of<Ticket>([]);
    const tickets = searchIssues(context, search.jql, search.pageSize).map((issue) => toTicket(context, issue));
    const since = search.updatedSinceMs;
    return since === undefined ? tickets : tickets.filter((ticket) => Date.parse(ticket.updatedAt) >= since);
  });
}
