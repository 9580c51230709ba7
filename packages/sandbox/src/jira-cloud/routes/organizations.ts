/**
 * JSM organizations — groups of customers (a department, a client company) that get access to a
 * service desk at once: `GET|POST /rest/servicedeskapi/organization` (list, with `accountId` the
 * organizations of one member; create `{ name }`), `GET|DELETE /organization/{organizationId}`,
 * `GET|POST|DELETE /organization/{organizationId}/user` (members; `{ accountIds }`), and
 * `GET|POST|DELETE /servicedesk/{serviceDeskId}/organization` (the desk's organizations;
 * `{ organizationId }`). A member of an organization added to a desk is a customer of that desk.
 *
 * Anyone may list organizations — a customer sees those it belongs to, an agent all; filtering by
 * `accountId`, and reading or changing members, needs an agent. Creating one and managing a desk's organizations needs a project admin, or an agent when
 * agents may manage customers (`settings.agentsCanManageCustomers`); deleting one needs a Jira admin.
 *
 * @module
 */
import { isAgent } from '../auth.js';
import { jsmDate } from '../dates.js';
import { failJsm } from '../errors.js';
import { jsmReader } from '../http.js';
import { zoneOf, type View } from '../serialize.js';
import type { JiraUser, Organization } from '../store.js';
import { authenticated, type JiraRouter } from './context.js';
import { canManageCustomers, findDesk, jsmPage, jsmUser, paging, readAccountIds } from './jsm.js';

/** An organization as `OrganizationDTO`. */
function organizationJson(view: View, organization: Organization): Record<string, unknown> {
  return {
    id: organization.id,
    name: organization.name,
    created: jsmDate(organization.created, zoneOf(view)),
    scimManaged: false,
    _links: { self: `${view.url}/rest/servicedeskapi/organization/${organization.id}` },
  };
}

function isAnyAgent(view: View, user: JiraUser): boolean {
  return user.admin || [...view.state.projects.values()].some((project) => project.typeKey === 'service_desk' && isAgent(project, user));
}

function requireAgent(view: View, user: JiraUser): void {
  if (!isAnyAgent(view, user)) failJsm(403, 'You do not have permission to manage organizations.', 'sd.organization.error.no.permission');
}

function mayCreate(view: View, user: JiraUser): boolean {
  return user.admin || [...view.state.projects.values()].some((project) => project.typeKey === 'service_desk' && canManageCustomers(view, project));
}

function findOrganization(view: View, id: string): Organization {
  const organization = view.state.organizations.get(id);
  if (organization === undefined) return failJsm(404, `The organization with id '${id}' does not exist.`, 'sd.organization.error.not.found', [id]);
  return organization;
}

function readOrganizationId(body: Record<string, unknown>): string {
  const id = body.organizationId;
  if ((typeof id !== 'number' || !Number.isInteger(id)) && (typeof id !== 'string' || !/^\d+$/u.test(id))) {
    return failJsm(400, 'organizationId must be the id of an organization.', 'sd.organization.error.id.required');
  }
  return String(id);
}

const byName = (a: Organization, b: Organization) => a.name.localeCompare(b.name) || Number(a.id) - Number(b.id);

/** Adds the organization routes. */
export function organizationRoutes(router: JiraRouter): void {
  const base = '/rest/servicedeskapi';
  router
    .get(`${base}/organization`, (request, context) => {
      const { user, view } = authenticated(request, context);
      const accountId = request.query.get('accountId');
      if (accountId !== null) requireAgent(view, user);
      const { start, limit } = paging(request);
      // A customer sees only the organizations it belongs to.
      const agent = isAnyAgent(view, user);
      const organizations = [...context.state.organizations.values()]
        .filter((org) => (accountId === null || org.members.has(accountId)) && (agent || org.members.has(user.accountId)))
        .sort(byName);
      const extra: Record<string, string> = accountId === null ? {} : { accountId };
      return { status: 200, body: jsmPage(view, '/organization', organizations.map((org) => organizationJson(view, org)), start, limit, extra) };
    })
    .post(`${base}/organization`, (request, context) => {
      const { user, view } = authenticated(request, context);
      if (!mayCreate(view, user)) return failJsm(403, 'You do not have permission to create organizations.', 'sd.organization.error.no.permission');
      const body = jsmReader.jsonObject(request);
      const name = typeof body.name === 'string' ? body.name.trim() : '';
      if (name === '') return failJsm(400, 'Enter a name for the organization.', 'sd.organization.error.name.required');
      if (name.length > 200) return failJsm(400, 'The organization name must be at most 200 characters.', 'sd.organization.error.name.too.long');
      if ([...context.state.organizations.values()].some((org) => org.name.toLowerCase() === name.toLowerCase())) {
        return failJsm(400, `An organization with the name '${name}' already exists.`, 'sd.organization.error.name.exists', [name]);
      }
      const organization: Organization = { id: String(context.state.counters.organizationId), name, created: Date.now(), members: new Set(), serviceDeskIds: new Set() };
      context.state.counters.organizationId += 1;
      context.state.organizations.set(organization.id, organization);
      return { status: 201, body: organizationJson(view, organization) };
    })
    .get(`${base}/organization/:organizationId`, (request, context) => {
      const { view } = authenticated(request, context);
      return { status: 200, body: organizationJson(view, findOrganization(view, context.params.organizationId)) };
    })
    .delete(`${base}/organization/:organizationId`, (request, context) => {
      const { user, view } = authenticated(request, context);
      const organization = findOrganization(view, context.params.organizationId);
      if (!user.admin) return failJsm(403, 'Only Jira administrators can delete organizations.', 'sd.organization.error.no.permission');
      context.state.organizations.delete(organization.id);
      return { status: 204 };
    })
    .get(`${base}/organization/:organizationId/user`, (request, context) => {
      const { user, view } = authenticated(request, context);
      const organization = findOrganization(view, context.params.organizationId);
      requireAgent(view, user);
      const { start, limit } = paging(request);
      const members = [...organization.members].flatMap((id) => {
        const member = jsmUser(view, context.state.users.get(id));
        return member === undefined ? [] : [member];
      });
      return { status: 200, body: jsmPage(view, `/organization/${organization.id}/user`, members, start, limit) };
    })
    .post(`${base}/organization/:organizationId/user`, (request, context) => {
      const { user, view } = authenticated(request, context);
      const organization = findOrganization(view, context.params.organizationId);
      requireAgent(view, user);
      const ids = readAccountIds(jsmReader.jsonObject(request));
      const unknown = ids.filter((id) => !context.state.users.has(id));
      if (unknown.length > 0) failJsm(400, `The following accounts do not exist: ${unknown.join(', ')}`, 'sd.organization.error.accounts.not.found', unknown);
      for (const id of ids) organization.members.add(id);
      return { status: 204 };
    })
    .delete(`${base}/organization/:organizationId/user`, (request, context) => {
      const { user, view } = authenticated(request, context);
      const organization = findOrganization(view, context.params.organizationId);
      requireAgent(view, user);
      for (const id of readAccountIds(jsmReader.jsonObject(request))) organization.members.delete(id);
      return { status: 204 };
    })
    .get(`${base}/servicedesk/:serviceDeskId/organization`, (request, context) => {
      const { user, view } = authenticated(request, context);
      const { desk } = findDesk(view, context.params.serviceDeskId);
      const accountId = request.query.get('accountId');
      if (accountId !== null) requireAgent(view, user);
      const { start, limit } = paging(request);
      const organizations = [...context.state.organizations.values()]
        .filter((org) => org.serviceDeskIds.has(desk.id) && (accountId === null || org.members.has(accountId)))
        .sort(byName);
      return { status: 200, body: jsmPage(view, `/servicedesk/${desk.id}/organization`, organizations.map((org) => organizationJson(view, org)), start, limit) };
    })
    .post(`${base}/servicedesk/:serviceDeskId/organization`, (request, context) => {
      const { view } = authenticated(request, context);
      const { desk, project } = findDesk(view, context.params.serviceDeskId);
      if (!canManageCustomers(view, project)) return failJsm(403, 'You do not have permission to add organizations to this service desk.', 'sd.organization.error.no.permission');
      findOrganization(view, readOrganizationId(jsmReader.jsonObject(request))).serviceDeskIds.add(desk.id);
      return { status: 204 };
    })
    .delete(`${base}/servicedesk/:serviceDeskId/organization`, (request, context) => {
      const { view } = authenticated(request, context);
      const { desk, project } = findDesk(view, context.params.serviceDeskId);
      if (!canManageCustomers(view, project)) return failJsm(403, 'You do not have permission to remove organizations from this service desk.', 'sd.organization.error.no.permission');
      findOrganization(view, readOrganizationId(jsmReader.jsonObject(request))).serviceDeskIds.delete(desk.id);
      return { status: 204 };
    });
}
