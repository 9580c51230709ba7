/**
 * What the Service Management route modules share: JSM pages (`{ size, start, limit, isLastPage,
 * values, _links }`) and their `start`/`limit`, `UserDTO`s, and the look-ups that answer JSM's 404s
 * (a desk or a request the caller cannot use is one that does not exist).
 *
 * @module
 */
import { offsetPage } from '../../offset-page.js';
import type { SimRequest } from '../../simulator.js';
import { isAgent, isProjectAdmin } from '../auth.js';
import { failJsm, ISSUE_NOT_FOUND } from '../errors.js';
import { jsmReader } from '../http.js';
import { emailVisibleTo, type View } from '../serialize.js';
import { store, type Issue, type JiraUser, type Project, type ServiceDesk } from '../store.js';

const DESK_MISSING = 'The Service Desk you are trying to view does not exist.';

/** A JSM page of `values`, with `_links` to the previous and next pages. */
export function jsmPage<T>(view: View, path: string, all: readonly T[], start: number, limit: number, extra: Readonly<Record<string, string>> = {}): Record<string, unknown> {
  const base = `${view.url}/rest/servicedeskapi`;
  const page = offsetPage(all, start, limit);
  const link = (from: number) => {
    const query = new URLSearchParams({ ...extra, start: String(from), limit: String(page.limit) });
    return `${base}${path}?${query.toString()}`;
  };
  const links: Record<string, string> = { base, context: '', self: link(page.offset) };
  if (page.nextOffset !== undefined) links.next = link(page.nextOffset);
  if (page.previousOffset !== undefined) links.prev = link(page.previousOffset);
  return { _expands: [], size: page.items.length, start: page.offset, limit: page.limit, isLastPage: page.isLast, _links: links, values: page.items };
}

/** A JSM list's `start` and `limit` (1 to 100, default 50). */
export function paging(request: SimRequest): { start: number; limit: number } {
  const start = Math.max(0, jsmReader.integer(request, 'start', 0));
  const limit = Math.max(1, Math.min(100, jsmReader.integer(request, 'limit', 50)));
  return { start, limit };
}

/** A user as JSM's `UserDTO`. */
export function jsmUser(view: View, user: JiraUser | undefined): Record<string, unknown> | undefined {
  if (user === undefined) return undefined;
  const self = `${view.url}/rest/api/3/user?accountId=${encodeURIComponent(user.accountId)}`;
  return {
    accountId: user.accountId,
    ...(emailVisibleTo(user, view.viewer) ? { emailAddress: user.email } : {}),
    displayName: user.displayName,
    active: user.active,
    timeZone: user.timeZone,
    _links: {
      jiraRest: self,
      avatarUrls: Object.fromEntries(['48x48', '24x24', '16x16', '32x32'].map((size) => [size, `${view.url}/rest/api/3/universal_avatar/view/type/user/avatar/${encodeURIComponent(user.accountId)}?size=${size}`])),
      self,
    },
  };
}

/** A service desk as `ServiceDeskDTO`. */
export function deskJson(view: View, desk: ServiceDesk): Record<string, unknown> {
  const project = view.state.projects.get(desk.projectId);
  return {
    id: desk.id,
    projectId: desk.projectId,
    projectName: project?.name ?? '',
    projectKey: project?.key ?? '',
    projectTypeKey: 'service_desk',
    _links: { self: `${view.url}/rest/servicedeskapi/servicedesk/${desk.id}` },
  };
}

/** Whether the user is a customer of the desk: directly, or as a member of an organization added to it. */
export function isDeskCustomer(view: View, desk: ServiceDesk, accountId: string): boolean {
  return desk.customers.has(accountId) || [...view.state.organizations.values()].some((org) => org.serviceDeskIds.has(desk.id) && org.members.has(accountId));
}

/** Whether the user can use the desk: an agent, or one of its customers. */
export function canUseDesk(view: View, desk: ServiceDesk, project: Project): boolean {
  const user = view.viewer;
  return user !== undefined && (isAgent(project, user) || user.admin || isDeskCustomer(view, desk, user.accountId));
}

/** A desk the caller can use, by desk id or project id/key; JSM's 404 otherwise. */
export function findDesk(view: View, idOrProject: string): { desk: ServiceDesk; project: Project } {
  let desk = view.state.serviceDesks.get(idOrProject);
  if (desk === undefined) {
    const project = store.project(view.state, idOrProject);
    desk = project === undefined ? undefined : store.serviceDeskOf(view.state, project);
  }
  const project = desk === undefined ? undefined : view.state.projects.get(desk.projectId);
  if (desk === undefined || project === undefined || !canUseDesk(view, desk, project)) failJsm(404, DESK_MISSING, 'sd.agent.servicedesk.error.servicedesk.missing');
  return { desk, project };
}

/** Whether the issue is a customer request the caller may see (agents: all; others: their own and those shared with them). */
export function requestVisible(view: View, issue: Issue): boolean {
  const project = store.projectOf(view.state, issue);
  // Every issue of a service project is a request, also one created through the platform API without a request type.
  if (project.typeKey !== 'service_desk') return false;
  const user = view.viewer;
  return user !== undefined && (isAgent(project, user) || user.admin || issue.reporterId === user.accountId || issue.participants.includes(user.accountId));
}

/** A request the caller may see; JSM's 404 otherwise. */
export function findRequest(view: View, idOrKey: string): Issue {
  const issue = store.issue(view.state, idOrKey);
  if (issue === undefined || !requestVisible(view, issue)) failJsm(404, ISSUE_NOT_FOUND, 'sd.request.error.request.not.found', [idOrKey]);
  return issue;
}

/** Whether the caller may manage the desk's customers and organizations: a project admin, or an agent when agents may. */
export function canManageCustomers(view: View, project: Project): boolean {
  return isProjectAdmin(project, view.viewer) || (view.state.settings.agentsCanManageCustomers && isAgent(project, view.viewer));
}

/** The `accountIds` of a JSM body (at least one). */
export function readAccountIds(body: Record<string, unknown>): string[] {
  const ids = Array.isArray(body.accountIds) ? body.accountIds.filter((id): id is string => typeof id === 'string') : [];
  if (ids.length === 0) failJsm(400, 'Provide at least one account id in accountIds.', 'sd.customers.error.accounts.required');
  return ids;
}

