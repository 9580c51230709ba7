/**
 * Watchers: `GET /rest/api/3/issue/{key}/watchers` (`Watchers`: `self`, `isWatching`, `watchCount`,
 * `watchers`), `POST` (the body is the account id as a JSON string, or nothing for the caller;
 * adding one already there changes nothing; 204), `DELETE ?accountId=` (204), and
 * `POST /rest/api/3/issue/watching` (`{ issueIds }` → `{ issuesIsWatching: { id: boolean } }`).
 *
 * Anyone who can see the issue may watch it — an agent, or in a service project the request's
 * reporter or a participant (a bot adds the requester). Changing someone else's watch needs
 * *Manage watchers* (here: work on the issue), 403 otherwise; an unknown account is a 404.
 *
 * @module
 */
import { canBrowse, canSeeIssue, canWork } from '../auth.js';
import { failJira } from '../errors.js';
import { platformReader } from '../http.js';
import { userDetails, type View } from '../serialize.js';
import { store, type Issue, type JiraUser } from '../store.js';
import { authenticated, browseIssue, type JiraRouter } from './context.js';

function watcherOf(view: View, issue: Issue, accountId: string, caller: JiraUser): JiraUser {
  const user = view.state.users.get(accountId);
  if (user === undefined || !user.active) return failJira(404, [`The user with account ID '${accountId}' does not exist.`]);
  if (user.accountId !== caller.accountId && !canWork(store.projectOf(view.state, issue), caller)) {
    return failJira(403, ['You do not have the permission to manage the watcher list.']);
  }
  return user;
}

/** Adds the watcher routes. */
export function watcherRoutes(router: JiraRouter): void {
  router
    .get('/rest/api/3/issue/:issueIdOrKey/watchers', (request, context) => {
      const { user, view } = authenticated(request, context);
      const issue = browseIssue(view, context.params.issueIdOrKey);
      const watchers = issue.watchers.map((accountId) => context.state.users.get(accountId)).filter((watcher) => watcher !== undefined);
      return {
        status: 200,
        body: {
          self: `${view.url}/rest/api/3/issue/${issue.key}/watchers`,
          isWatching: issue.watchers.includes(user.accountId),
          watchCount: watchers.length,
          watchers: watchers.map((watcher) => userDetails(view, watcher)),
        },
      };
    })
    .post('/rest/api/3/issue/:issueIdOrKey/watchers', (request, context) => {
      const { user, view } = authenticated(request, context);
      const issue = browseIssue(view, context.params.issueIdOrKey);
      const body = request.text().trim() === '' ? user.accountId : platformReader.json(request);
      if (typeof body !== 'string' || body === '') return failJira(400, ['The request body must be the account ID of the user to add, as a JSON string.']);
      const watcher = watcherOf(view, issue, body, user);
      if (!canSeeIssue(context.state, issue, watcher)) return failJira(400, [`The user '${watcher.displayName}' does not have permission to view this issue and cannot watch it.`]);
      if (!issue.watchers.includes(watcher.accountId)) issue.watchers.push(watcher.accountId);
      return { status: 204 };
    })
    .delete('/rest/api/3/issue/:issueIdOrKey/watchers', (request, context) => {
      const { user, view } = authenticated(request, context);
      const issue = browseIssue(view, context.params.issueIdOrKey);
      const accountId = request.query.get('accountId');
      if (accountId === null || accountId === '') return failJira(400, ['The accountId query parameter needs to be provided.']);
      const watcher = watcherOf(view, issue, accountId, user);
      issue.watchers = issue.watchers.filter((candidate) => candidate !== watcher.accountId);
      return { status: 204 };
    })
    .post('/rest/api/3/issue/watching', (request, context) => {
      const { user, view } = authenticated(request, context);
      const body = platformReader.jsonObject(request);
      if (!Array.isArray(body.issueIds) || !body.issueIds.every((id) => typeof id === 'string' || typeof id === 'number')) {
        return failJira(400, ['issueIds must be a list of issue ids.']);
      }
      const answer: Record<string, boolean> = {};
      for (const id of body.issueIds.map(String)) {
        const issue = /^\d+$/u.test(id) ? context.state.issues.get(Number(id)) : undefined;
        if (issue !== undefined && canBrowse(store.projectOf(context.state, issue), view.viewer)) answer[id] = issue.watchers.includes(user.accountId);
      }
      return { status: 200, body: { issuesIsWatching: answer } };
    });
}

