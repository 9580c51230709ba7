/**
 * Authentication and permissions as Jira Cloud applies them to an API-token client.
 *
 * - `Authorization: Basic base64(email:apiToken)` (UTF-8). The sandbox's credentials are the service
 *   account's; `state.apiTokens` holds the tokens of other seeded accounts (the limited account).
 * - No credentials: the request is anonymous. Wrong credentials: anonymous too, but flagged, so the
 *   answer carries `X-Seraph-LoginReason: AUTHENTICATED_FAILED`. Endpoints that allow anonymous
 *   access (search, approximate count, server info) then answer **200** with an anonymous (empty)
 *   result — Jira's silent-failure quirk; every other endpoint answers 401.
 * - Permissions come from project roles: any role but *Service Desk Customers* browses a project;
 *   *Service Desk Team* and *Administrators* are agents of a service desk (see customers, post
 *   internal comments, raise requests on behalf of customers).
 *
 * @module
 */
import type { HandlerContext, SimRequest } from '../simulator.js';
import { SimResponseError } from '../simulator.js';
import { ROLES, type RoleName } from './catalog.js';
import { notAuthenticated } from './errors.js';
import { store, type Issue, type JiraState, type JiraUser, type Project } from './store.js';

/**
 * The credentials the sandbox hands out: the service account's e-mail and API token.
 *
 * @category Simulator
 */
export interface JiraCredentials {
  /** The service account's e-mail address (the Basic-auth user name). */
  readonly email: string;
  /** Its API token (the Basic-auth password). */
  readonly apiToken: string;
}

/** Who is calling. */
export interface Caller {
  /** The authenticated account; `undefined` for an anonymous request. */
  readonly user: JiraUser | undefined;
  /** Whether credentials were sent but not accepted (the request then runs anonymously). */
  readonly credentialsFailed: boolean;
}

const callers = new WeakMap<SimRequest, Caller>();

/** Decodes a Basic `Authorization` header into e-mail and token; `undefined` when it is not Basic auth. */
export function parseBasicAuth(header: string | undefined): { email: string; token: string } | undefined {
  if (header === undefined) return undefined;
  const match = /^Basic\s+([A-Za-z0-9+/=_-]+)\s*$/iu.exec(header);
  if (match === null) return undefined;
  const decoded = Buffer.from(match[1] ?? '', 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  return { email: decoded.slice(0, colon), token: decoded.slice(colon + 1) };
}

/** Works out (once per request) who is calling. */
export function callerOf(request: SimRequest, context: HandlerContext<JiraState, JiraCredentials>): Caller {
  const cached = callers.get(request);
  if (cached !== undefined) return cached;
  const caller = identify(request, context);
  callers.set(request, caller);
  return caller;
}

function identify(request: SimRequest, { state, credentials }: HandlerContext<JiraState, JiraCredentials>): Caller {
  const header = request.header('authorization');
  if (header === undefined || header.trim() === '') return { user: undefined, credentialsFailed: false };
  const basic = parseBasicAuth(header);
  if (basic === undefined) return { user: undefined, credentialsFailed: true };
  const email = basic.email.toLowerCase();
  let user: JiraUser | undefined;
  if (email === credentials.email.toLowerCase() && basic.token === credentials.apiToken) {
    user = [...state.users.values()].find((candidate) => candidate.email.toLowerCase() === email);
  } else if (state.apiTokens.get(email) === basic.token) {
    user = [...state.users.values()].find((candidate) => candidate.email.toLowerCase() === email);
  }
  if (user === undefined || !user.active) return { user: undefined, credentialsFailed: true };
  return { user, credentialsFailed: false };
}

/** The authenticated caller; throws Jira's 401 for an anonymous request. */
export function requireUser(request: SimRequest, context: HandlerContext<JiraState, JiraCredentials>): JiraUser {
  const caller = callerOf(request, context);
  if (caller.user === undefined) throw new SimResponseError(notAuthenticated(caller.credentialsFailed));
  return caller.user;
}

/**
 * The caller of an endpoint that allows anonymous access: the user, or `undefined` to answer
 * anonymously. Wrong credentials are a 401 anyway when the state turns the fallback off.
 */
export function optionalUser(request: SimRequest, context: HandlerContext<JiraState, JiraCredentials>): JiraUser | undefined {
  const caller = callerOf(request, context);
  if (caller.credentialsFailed && !context.state.settings.anonymousFallbackOnBadCredentials) {
    throw new SimResponseError(notAuthenticated(true));
  }
  return caller.user;
}

/** Whether the user holds `role` in the project. */
export function hasRole(project: Project, user: JiraUser | undefined, role: RoleName): boolean {
  return user !== undefined && (project.roles.get(role)?.has(user.accountId) ?? false);
}

/** The roles the user holds in the project. */
export function rolesOf(project: Project, user: JiraUser | undefined): RoleName[] {
  if (user === undefined) return [];
  return [...project.roles].filter(([, members]) => members.has(user.accountId)).map(([role]) => role);
}

/** Browse projects: any role but Service Desk Customers (portal-only customers use the portal). */
export function canBrowse(project: Project, user: JiraUser | undefined): boolean {
  return rolesOf(project, user).some((role) => role !== ROLES.serviceDeskCustomers.name);
}

/** Work on issues (create, edit, transition, comment, attach, delete): any role but Viewer and Service Desk Customers. */
export function canWork(project: Project, user: JiraUser | undefined): boolean {
  return rolesOf(project, user).some((role) => role !== ROLES.serviceDeskCustomers.name && role !== ROLES.viewer.name);
}

/** Whether the user is an agent of the project's service desk (Service Desk Team or Administrators). */
export function isAgent(project: Project, user: JiraUser | undefined): boolean {
  return hasRole(project, user, ROLES.serviceDeskTeam.name) || hasRole(project, user, ROLES.administrators.name);
}

/** Whether the user is a project administrator. */
export function isProjectAdmin(project: Project, user: JiraUser | undefined): boolean {
  return user?.admin === true || hasRole(project, user, ROLES.administrators.name);
}

/**
 * Whether the user can see an issue: by browsing its project, or — in a service project, where
 * customers browse nothing — as the request's reporter or one of its participants.
 */
export function canSeeIssue(state: JiraState, issue: Issue, user: JiraUser): boolean {
  return canBrowse(store.projectOf(state, issue), user) || issue.reporterId === user.accountId || issue.participants.includes(user.accountId);
}

/** The projects the user can browse. */
export function browsableProjects(state: JiraState, user: JiraUser | undefined): Project[] {
  return [...state.projects.values()].filter((project) => canBrowse(project, user));
}
