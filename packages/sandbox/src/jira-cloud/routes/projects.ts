/**
 * Projects: `GET /rest/api/3/project` (every project the caller can browse), `GET
 * /rest/api/3/project/search` (a `PageBeanProject`: `query`, `keys`, `id`, `typeKey`, `action`,
 * `orderBy` — default `key`, `-` for descending — `startAt`, `maxResults` up to 100),
 * `GET /rest/api/3/project/{projectIdOrKey}` and `/statuses`.
 *
 * Project keys in the path are case sensitive, as the spec's `projectIdOrKey` says: `help` is not
 * `HELP` (404), unlike JQL and issue fields, where Jira reads a key in any case.
 *
 * @module
 */
import type { SimRequest } from '../../simulator.js';
import { canBrowse, canWork } from '../auth.js';
import { catalog } from '../catalog.js';
import { failJira } from '../errors.js';
import { platformReader } from '../http.js';
import { projectJson, statusJson, type View } from '../serialize.js';
import type { Project } from '../store.js';
import { workflowOf, workflowStatuses } from '../workflows.js';
import { authenticated, pageBean, type JiraRouter } from './context.js';

/** The largest `maxResults` of `/project/search` (a larger one is taken as 100). */
export const PROJECT_SEARCH_MAX = 100;

/** The sort keys of `/project/search` `orderBy` (each also with `+` or `-`). */
const ORDER_KEYS = ['category', 'key', 'name', 'owner', 'issueCount', 'lastIssueUpdatedDate', 'archivedDate', 'deletedDate'] as const;
type OrderKey = (typeof ORDER_KEYS)[number];

/** A project by id, or by key exactly as written. */
function projectByIdOrKey(view: View, idOrKey: string): Project | undefined {
  return view.state.projects.get(idOrKey) ?? [...view.state.projects.values()].find((project) => project.key === idOrKey);
}

/** A project the caller can browse; Jira's 404 otherwise (a key in another case is another key). */
function browsableProject(view: View, idOrKey: string): Project {
  const project = projectByIdOrKey(view, idOrKey);
  if (project === undefined || !canBrowse(project, view.viewer)) {
    return failJira(404, [/^\d+$/u.test(idOrKey) ? `No project could be found with id '${idOrKey}'.` : `No project could be found with key '${idOrKey}'.`]);
  }
  return project;
}

function readOrder(request: SimRequest): { key: OrderKey; descending: boolean } {
  const raw = request.query.get('orderBy') ?? 'key';
  const match = /^([+-]?)(.+)$/u.exec(raw);
  const key = match?.[2] as OrderKey | undefined;
  if (key === undefined || !ORDER_KEYS.includes(key)) {
    return failJira(400, [`The value '${raw}' is not valid for 'orderBy'. Valid values are: ${ORDER_KEYS.flatMap((name) => [name, `-${name}`, `+${name}`]).join(', ')}.`]);
  }
  return { key, descending: match?.[1] === '-' };
}

/** The value a project sorts by; projects equal on it keep key order. */
function sortValue(view: View, project: Project, key: OrderKey): string | number {
  const issues = () => [...view.state.issues.values()].filter((issue) => issue.projectId === project.id);
  switch (key) {
    case 'key':
      return project.key;
    case 'name':
      return project.name.toLowerCase();
    case 'owner':
      return (view.state.users.get(project.leadAccountId)?.displayName ?? '').toLowerCase();
    case 'issueCount':
      return issues().length;
    case 'lastIssueUpdatedDate':
      return Math.max(0, ...issues().map((issue) => issue.updated));
    default:
      // No project has a category, and none is archived or deleted: all are equal.
      return 0;
  }
}

function compare(a: string | number, b: string | number): number {
  return typeof a === 'number' && typeof b === 'number' ? a - b : String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
}

/** The projects `/project/search` returns, filtered and sorted. */
function searchProjects(view: View, request: SimRequest): Project[] {
  const query = (request.query.get('query') ?? '').toLowerCase();
  const keys = request.query.getAll('keys').flatMap((value) => value.split(',')).filter((key) => key !== '');
  const ids = request.query.getAll('id').flatMap((value) => value.split(',')).filter((id) => id !== '');
  const types = (request.query.get('typeKey') ?? '').split(',').map((type) => type.trim()).filter((type) => type !== '');
  const action = request.query.get('action') ?? 'view';
  if (!['view', 'browse', 'edit', 'create'].includes(action)) {
    return failJira(400, [`The value '${action}' is not valid for 'action'. Valid values are: view, browse, edit, create.`]);
  }
  const order = readOrder(request);
  const allowed = (project: Project) => (action === 'view' || action === 'browse' ? canBrowse(project, view.viewer) : canWork(project, view.viewer));
  const matches = [...view.state.projects.values()].filter(
    (project) =>
      allowed(project) &&
      (query === '' || project.key.toLowerCase().includes(query) || project.name.toLowerCase().includes(query)) &&
      (keys.length === 0 || keys.includes(project.key)) &&
      (ids.length === 0 || ids.includes(project.id)) &&
      (types.length === 0 || types.includes(project.typeKey)),
  );
  const byKey = (a: Project, b: Project) => compare(a.key, b.key);
  return matches.sort((a, b) => {
    const result = compare(sortValue(view, a, order.key), sortValue(view, b, order.key)) || byKey(a, b);
    return order.descending ? -result : result;
  });
}

/** The filters of a search, repeated in its page links. */
function searchLinkQuery(request: SimRequest): Record<string, string> {
  const query: Record<string, string> = {};
  for (const name of ['query', 'typeKey', 'orderBy', 'action']) {
    const value = request.query.get(name);
    if (value !== null) query[name] = value;
  }
  return query;
}

/** Adds the project routes. */
export function projectRoutes(router: JiraRouter): void {
  router
    .get('/rest/api/3/project', (request, context) => {
      const { view } = authenticated(request, context);
      return { status: 200, body: [...context.state.projects.values()].filter((project) => canBrowse(project, view.viewer)).map((project) => projectJson(view, project)) };
    })
    .get('/rest/api/3/project/search', (request, context) => {
      const { view } = authenticated(request, context);
      const projects = searchProjects(view, request);
      const startAt = platformReader.integer(request, 'startAt', 0, { min: 0 });
      const maxResults = Math.min(PROJECT_SEARCH_MAX, platformReader.integer(request, 'maxResults', 50, { min: 1 }));
      return { status: 200, body: pageBean(view, '/rest/api/3/project/search', projects, startAt, maxResults, (project) => projectJson(view, project), searchLinkQuery(request)) };
    })
    .get('/rest/api/3/project/:projectIdOrKey', (request, context) => {
      const { view } = authenticated(request, context);
      return { status: 200, body: projectJson(view, browsableProject(view, context.params.projectIdOrKey)) };
    })
    .get('/rest/api/3/project/:projectIdOrKey/statuses', (request, context) => {
      const { view } = authenticated(request, context);
      const project = browsableProject(view, context.params.projectIdOrKey);
      const statuses = workflowStatuses(workflowOf(project.workflowId)).map((status) => statusJson(view, status));
      return {
        status: 200,
        body: project.issueTypeIds.flatMap((id) => {
          const type = catalog.issueType(id);
          return type === undefined ? [] : [{ self: `${context.url}/rest/api/3/issuetype/${type.id}`, id: type.id, name: type.name, subtask: type.subtask, statuses }];
        }),
      };
    });
}
