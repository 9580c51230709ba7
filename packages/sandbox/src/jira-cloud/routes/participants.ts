/**
 * Request participants — the people a JSM request is shared with (they see it on the portal and
 * are notified): `GET|POST|DELETE /rest/servicedeskapi/request/{key}/participant` (a JSM page of
 * `UserDTO`; adding and removing take `{ accountIds }` and answer the participants after the change).
 *
 * Agents manage participants; the reporter may share the request too. An unknown or inactive
 * account is a 400 naming it; adding one already there changes nothing.
 *
 * @module
 */
import { isAgent } from '../auth.js';
import { failJsm } from '../errors.js';
import { jsmReader } from '../http.js';
import type { View } from '../serialize.js';
import { store, type Issue, type JiraUser } from '../store.js';
import { authenticated, type JiraRouter } from './context.js';
import { findRequest, jsmPage, jsmUser, paging, readAccountIds } from './jsm.js';

/** The participants of a request as `UserDTO`s. */
export function participantsOf(view: View, issue: Issue): Record<string, unknown>[] {
  return issue.participants.flatMap((accountId) => {
    const user = jsmUser(view, view.state.users.get(accountId));
    return user === undefined ? [] : [user];
  });
}

function checkManager(view: View, issue: Issue, user: JiraUser): void {
  if (!isAgent(store.projectOf(view.state, issue), user) && !user.admin && issue.reporterId !== user.accountId) {
    failJsm(403, 'You do not have permission to manage the participants of this request.', 'sd.request.participants.no.permission');
  }
}

/** Adds the participant routes. */
export function participantRoutes(router: JiraRouter): void {
  const path = '/rest/servicedeskapi/request/:issueIdOrKey/participant';
  const answer = (view: View, issue: Issue, start = 0, limit = 50) => ({
    status: 200,
    body: jsmPage(view, `/request/${issue.id}/participant`, participantsOf(view, issue), start, limit),
  });
  router
    .get(path, (request, context) => {
      const { view } = authenticated(request, context);
      const issue = findRequest(view, context.params.issueIdOrKey);
      const { start, limit } = paging(request);
      return answer(view, issue, start, limit);
    })
    .post(path, (request, context) => {
      const { user, view } = authenticated(request, context);
      const issue = findRequest(view, context.params.issueIdOrKey);
      checkManager(view, issue, user);
      const ids = readAccountIds(jsmReader.jsonObject(request));
      const unknown = ids.filter((id) => context.state.users.get(id)?.active !== true);
      if (unknown.length > 0) failJsm(400, `The following accounts do not exist: ${unknown.join(', ')}`, 'sd.request.participants.error.accounts.not.found', unknown);
      for (const id of ids) if (!issue.participants.includes(id)) issue.participants.push(id);
      issue.updated = Date.now();
      return answer(view, issue);
    })
    .delete(path, (request, context) => {
      const { user, view } = authenticated(request, context);
      const issue = findRequest(view, context.params.issueIdOrKey);
      checkManager(view, issue, user);
      const ids = readAccountIds(jsmReader.jsonObject(request));
      issue.participants = issue.participants.filter((id) => !ids.includes(id));
      issue.updated = Date.now();
      return answer(view, issue);
    });
}
