/**
 * What every route module shares: the router type of the simulator, the caller's {@link View},
 * and the look-ups that answer Jira's 404/403 (an issue the caller cannot browse is a 404, as in Jira).
 *
 * @module
 */
import { offsetPage } from '../../offset-page.js';
import type { Router } from '../../router.js';
import type { HandlerContext, SimRequest } from '../../simulator.js';
import { canBrowse, canWork, requireUser, type JiraCredentials } from '../auth.js';
import { failIssueNotFound, failJira } from '../errors.js';
import type { View } from '../serialize.js';
import { store, type Issue, type JiraState, type JiraUser } from '../store.js';

/** The simulator's router. */
export type JiraRouter = Router<JiraState, JiraCredentials>;

/** The simulator's handler context. */
export type JiraContext = HandlerContext<JiraState, JiraCredentials>;

/** The view of a caller. */
export function viewFor(context: JiraContext, viewer: JiraUser | undefined): View {
  return { state: context.state, url: context.url, viewer };
}

/** The authenticated caller and its view; 401 when anonymous. */
export function authenticated(request: SimRequest, context: JiraContext): { user: JiraUser; view: View } {
  const user = requireUser(request, context);
  return { user, view: viewFor(context, user) };
}

/** An issue the caller can browse; Jira's 404 otherwise. */
export function browseIssue(view: View, idOrKey: string): Issue {
  const issue = store.issue(view.state, idOrKey);
  if (issue === undefined || !canBrowse(store.projectOf(view.state, issue), view.viewer)) failIssueNotFound();
  return issue;
}

/**
 * An issue the caller can work on (edit, transition, comment, attach, delete): 404 when it cannot
 * browse it; when it can only look, `status` — what the spec documents for the operation: 400 for a
 * transition or a comment ("the user does not have permission to …"), 403 for a delete or an upload.
 */
export function workIssue(view: View, idOrKey: string, what: string, status: 400 | 403): Issue {
  const issue = browseIssue(view, idOrKey);
  if (!canWork(store.projectOf(view.state, issue), view.viewer)) failJira(status, [`You do not have permission to ${what}.`]);
  return issue;
}

/** The comma-separated `expand` parameter as a set. */
export function expandSet(value: string | readonly string[] | null | undefined): Set<string> {
  const list = value === null || value === undefined ? [] : typeof value === 'string' ? [value] : value;
  return new Set(list.flatMap((item) => item.split(',')).map((item) => item.trim()).filter((item) => item !== ''));
}

/**
 * A platform `PageBean…` of `all` (`startAt`/`maxResults`): `{ self, nextPage?, maxResults, startAt,
 * total, isLast, values }`, its links carrying `query` (the filters that made the list).
 */
export function pageBean<T>(
  view: View,
  path: string,
  all: readonly T[],
  startAt: number,
  maxResults: number,
  json: (item: T) => unknown,
  query: Readonly<Record<string, string>> = {},
): Record<string, unknown> {
  const page = offsetPage(all, startAt, maxResults);
  const link = (offset: number) => `${view.url}${path}?${new URLSearchParams({ ...query, startAt: String(offset), maxResults: String(page.limit) }).toString()}`;
  return {
    self: link(page.offset),
    ...(page.nextOffset === undefined ? {} : { nextPage: link(page.nextOffset) }),
    maxResults: page.limit,
    startAt: page.offset,
    total: page.total,
    isLast: page.isLast,
    values: page.items.map(json),
  };
}
