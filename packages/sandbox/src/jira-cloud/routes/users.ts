/**
 * Users: `GET /rest/api/3/myself`, `GET /rest/api/3/user?accountId=`, `GET /rest/api/3/user/search`,
 * `GET /rest/api/3/users/search`, `GET /rest/api/3/user/assignable/search`.
 *
 * Privacy as on Jira Cloud: users are identified by `accountId`; `emailAddress` is absent when the
 * profile hides it, and a query only matches an e-mail address the caller may see. Portal-only
 * customers are visible only to agents of a service desk (the Service Desk Team role); anonymous
 * user searches answer an empty list.
 *
 * @module
 */
import { offsetPage } from '../../offset-page.js';
import type { SimRequest } from '../../simulator.js';
import { isAgent, optionalUser } from '../auth.js';
import { failJira } from '../errors.js';
import { platformReader } from '../http.js';
import { isAssignable } from '../issue-input.js';
import { emailVisibleTo, userBean, type View } from '../serialize.js';
import { store, type JiraUser, type Project } from '../store.js';
import { authenticated, browseIssue, expandSet, type JiraRouter } from './context.js';

const USER_NOT_FOUND = 'Specified user does not exist or you do not have required permissions';

/** Whether the viewer may see the user at all (portal-only customers: agents only). */
export function userVisibleTo(view: View, user: JiraUser): boolean {
  if (user.accountType !== 'customer') return true;
  if (view.viewer?.accountId === user.accountId) return true;
  return [...view.state.projects.values()].some((project) => project.typeKey === 'service_desk' && isAgent(project, view.viewer));
}

/** Whether a user search query matches the user: a prefix of the display name or of one of its words, or of a visible e-mail. */
export function matchesUserQuery(view: View, user: JiraUser, query: string): boolean {
  const needle = query.trim().toLowerCase();
  if (needle === '') return false;
  const name = user.displayName.toLowerCase();
  if (name.startsWith(needle) || name.split(/\s+/u).some((word) => word.startsWith(needle))) return true;
  return emailVisibleTo(user, view.viewer) && user.email.toLowerCase().startsWith(needle);
}

/** The `startAt`/`maxResults` page of a user list (Jira's user lists are bare arrays); `maxResults` at most `cap`. */
function page<T>(request: SimRequest, items: readonly T[], cap = Number.POSITIVE_INFINITY): T[] {
  return offsetPage(items, platformReader.integer(request, 'startAt', 0), Math.min(cap, platformReader.integer(request, 'maxResults', 50))).items;
}

function usersOf(view: View): JiraUser[] {
  return [...view.state.users.values()].filter((user) => userVisibleTo(view, user));
}

/** Adds the user routes. */
export function userRoutes(router: JiraRouter): void {
  router
    .get('/rest/api/3/myself', (request, context) => {
      const { user, view } = authenticated(request, context);
      return { status: 200, body: userBean(view, user, expandSet(request.query.getAll('expand'))) };
    })
    .get('/rest/api/3/user', (request, context) => {
      const { view } = authenticated(request, context);
      const accountId = request.query.get('accountId');
      if (accountId === null || accountId === '') {
        return failJira(400, ['The accountId query parameter needs to be provided.']);
      }
      const user = context.state.users.get(accountId);
      if (user === undefined || !userVisibleTo(view, user)) return failJira(404, [USER_NOT_FOUND]);
      return { status: 200, body: userBean(view, user, expandSet(request.query.getAll('expand'))) };
    })
    .get('/rest/api/3/user/search', (request, context) => {
      const viewer = optionalUser(request, context);
      const view: View = { state: context.state, url: context.url, viewer };
      const query = request.query.get('query');
      const accountId = request.query.get('accountId');
      if (query !== null && accountId !== null) return failJira(400, ["The 'query' and 'accountId' parameters can't be used together."]);
      if (query === null && accountId === null && request.query.get('property') === null) {
        return failJira(400, ["One of 'query', 'accountId' or 'property' parameters must be provided."]);
      }
      if (viewer === undefined) return { status: 200, body: [] };
      const matches = usersOf(view).filter((user) =>
        user.active && (accountId !== null ? user.accountId === accountId : query !== null && matchesUserQuery(view, user, query)),
      );
      return { status: 200, body: page(request, matches, 1000).map((user) => userBean(view, user)) };
    })
    .get('/rest/api/3/users/search', (request, context) => {
      const { view } = authenticated(request, context);
      return { status: 200, body: page(request, usersOf(view), 1000).map((user) => userBean(view, user)) };
    })
    .get('/rest/api/3/users', (request, context) => {
      const { view } = authenticated(request, context);
      return { status: 200, body: page(request, usersOf(view), 1000).map((user) => userBean(view, user)) };
    })
    .get('/rest/api/3/user/assignable/search', (request, context) => {
      const { view } = authenticated(request, context);
      const projectRef = request.query.get('project');
      const issueRef = request.query.get('issueKey') ?? request.query.get('issueId');
      let project: Project | undefined;
      if (issueRef !== null) {
        project = store.projectOf(context.state, browseIssue(view, issueRef));
      } else if (projectRef !== null) {
        project = store.project(context.state, projectRef);
        if (project === undefined) return failJira(404, [`No project could be found with key '${projectRef}'.`]);
      } else {
        return failJira(400, ["One of 'project', 'issueKey' or 'issueId' parameters must be provided."]);
      }
      const scope = project;
      const query = request.query.get('query');
      const accountId = request.query.get('accountId');
      const matches = [...context.state.users.values()].filter(
        (user) =>
          isAssignable(scope, user) &&
          (accountId !== null ? user.accountId === accountId : query === null || query === '' || matchesUserQuery(view, user, query)),
      );
      return { status: 200, body: page(request, matches).map((user) => userBean(view, user)) };
    });
}
