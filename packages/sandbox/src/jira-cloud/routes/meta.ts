/**
 * Site metadata: `serverInfo`, projects (`/project/{key}`, `/project/{key}/statuses`,
 * `/project/search`), statuses, status categories, priorities, resolutions, issue types and fields
 * (system and custom, including JSM's "Request Type" `customfield_10010`).
 *
 * @module
 */
import { offsetPage } from '../../offset-page.js';
import { canBrowse, optionalUser } from '../auth.js';
import {
  catalog,
  ISSUE_TYPES,
  PRIORITIES,
  RESOLUTIONS,
  STATUS_CATEGORIES,
  STATUSES,
  type StatusCategoryDef,
} from '../catalog.js';
import { jiraDateTime } from '../dates.js';
import { failJira } from '../errors.js';
import { platformReader } from '../http.js';
import {
  ALL_FIELD_IDS,
  FIELD_NAMES,
  fieldSchema,
  issueTypeJson,
  priorityJson,
  projectJson,
  resolutionJson,
  statusCategoryJson,
  statusJson,
  type View,
} from '../serialize.js';
import { store, type Project } from '../store.js';
import { workflowOf, workflowStatuses } from '../workflows.js';
import { authenticated, type JiraRouter } from './context.js';

/** The build the simulator reports. */
export const SERVER_VERSION = { version: '1001.0.0-SNAPSHOT', versionNumbers: [1001, 0, 0], buildNumber: 100_290, buildDate: Date.UTC(2025, 11, 15) } as const;

/** The fields that are navigable-but-not-searchable or similar (`/rest/api/3/field` flags). */
const NOT_SEARCHABLE = new Set(['aggregatetimespent', 'aggregatetimeoriginalestimate', 'aggregatetimeestimate', 'aggregateprogress', 'progress', 'timetracking', 'worklog', 'lastViewed', 'watches', 'subtasks', 'parent']);

function clauseNames(fieldId: string): string[] {
  const custom = catalog.customField(fieldId);
  if (custom !== undefined) return [`cf[${custom.numericId}]`, custom.name];
  const aliases: Readonly<Record<string, string[]>> = {
    issuetype: ['issuetype', 'type'],
    resolutiondate: ['resolutiondate', 'resolved'],
    created: ['created', 'createdDate'],
    updated: ['updated', 'updatedDate'],
    duedate: ['due', 'duedate'],
    statuscategorychangedate: ['statusCategoryChangedDate'],
    fixVersions: ['fixVersion'],
    versions: ['affectedVersion'],
    components: ['component'],
    attachment: ['attachments'],
    issuelinks: ['issueLink'],
  };
  return aliases[fieldId] ?? [fieldId];
}

function fieldDetails(fieldId: string): Record<string, unknown> {
  const custom = catalog.customField(fieldId);
  const schema = fieldSchema(fieldId);
  return {
    id: fieldId,
    key: fieldId,
    name: FIELD_NAMES[fieldId] ?? fieldId,
    custom: custom !== undefined,
    orderable: !['statuscategorychangedate', 'created', 'updated', 'resolutiondate', 'lastViewed', 'creator', 'status', 'subtasks', 'comment', 'worklog', 'watches', 'votes', 'progress', 'aggregateprogress', 'workratio'].includes(fieldId),
    navigable: !['comment', 'attachment', 'worklog', 'timetracking'].includes(fieldId),
    searchable: !NOT_SEARCHABLE.has(fieldId),
    clauseNames: clauseNames(fieldId),
    ...(schema === undefined ? {} : { schema }),
  };
}

function browsableProject(view: View, idOrKey: string): Project {
  const project = store.project(view.state, idOrKey);
  if (project === undefined || !canBrowse(project, view.viewer)) {
    return failJira(404, [/^\d+$/u.test(idOrKey) ? `No project could be found with id '${idOrKey}'.` : `No project could be found with key '${idOrKey}'.`]);
  }
  return project;
}

function categoryOf(idOrKey: string): StatusCategoryDef | undefined {
  return Object.values(STATUS_CATEGORIES).find((category) => String(category.id) === idOrKey || category.key === idOrKey);
}

/** Adds the metadata routes. */
export function metaRoutes(router: JiraRouter): void {
  router
    .get('/rest/api/3/serverInfo', (request, context) => {
      optionalUser(request, context);
      const now = Date.now();
      return {
        status: 200,
        body: {
          baseUrl: context.url,
          displayUrl: context.url,
          displayUrlServicedeskHelpCenter: `${context.url}/servicedesk/customer`,
          version: SERVER_VERSION.version,
          versionNumbers: [...SERVER_VERSION.versionNumbers],
          deploymentType: 'Cloud',
          buildNumber: SERVER_VERSION.buildNumber,
          buildDate: jiraDateTime(SERVER_VERSION.buildDate, 'UTC'),
          serverTime: jiraDateTime(now, 'UTC'),
          scmInfo: '9d700605f271b9e38f3e73c4116a686dae8d11d7',
          serverTitle: 'Jira',
          serverTimeZone: 'Etc/UTC',
        },
      };
    })
    .get('/rest/api/3/project', (request, context) => {
      const { view } = authenticated(request, context);
      return { status: 200, body: [...context.state.projects.values()].filter((project) => canBrowse(project, view.viewer)).map((project) => projectJson(view, project)) };
    })
    .get('/rest/api/3/project/search', (request, context) => {
      const { view } = authenticated(request, context);
      const all = [...context.state.projects.values()].filter((project) => canBrowse(project, view.viewer));
      const page = offsetPage(all, platformReader.integer(request, 'startAt', 0), platformReader.integer(request, 'maxResults', 50));
      return {
        status: 200,
        body: {
          self: `${context.url}/rest/api/3/project/search?startAt=${page.offset}&maxResults=${page.limit}`,
          maxResults: page.limit,
          startAt: page.offset,
          total: page.total,
          isLast: page.isLast,
          values: page.items.map((project) => projectJson(view, project)),
        },
      };
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
    })
    .get('/rest/api/3/field', (request, context) => {
      authenticated(request, context);
      return { status: 200, body: ALL_FIELD_IDS.map(fieldDetails) };
    });
  const byId = <T extends { readonly id: string | number }>(list: readonly T[]) => (id: string) => list.find((item) => String(item.id) === id);
  listAndItem(router, '/rest/api/3/status', 'idOrName', STATUSES, (wanted) => STATUSES.find((status) => status.id === wanted || status.name.toLowerCase() === wanted.toLowerCase()), statusJson, 'The status with id');
  listAndItem(router, '/rest/api/3/statuscategory', 'idOrKey', Object.values(STATUS_CATEGORIES), categoryOf, statusCategoryJson, 'The status category');
  listAndItem(router, '/rest/api/3/priority', 'id', PRIORITIES, byId(PRIORITIES), priorityJson, 'The priority with id');
  listAndItem(router, '/rest/api/3/resolution', 'id', RESOLUTIONS, byId(RESOLUTIONS), resolutionJson, 'The resolution with id');
  listAndItem(router, '/rest/api/3/issuetype', 'id', ISSUE_TYPES, byId(ISSUE_TYPES), issueTypeJson, 'The issue type with id');
}

/**
 * `GET {path}` (the whole list) and `GET {path}/:param` (one item, or Jira's 404 "{what} '…' does
 * not exist") for a catalogue of the site: statuses, status categories, priorities, resolutions, issue types.
 */
function listAndItem<T>(
  router: JiraRouter,
  path: string,
  param: string,
  list: readonly T[],
  find: (wanted: string) => T | undefined,
  json: (view: View, item: T) => Record<string, unknown>,
  what: string,
): void {
  router
    .get(path, (request, context) => {
      const { view } = authenticated(request, context);
      return { status: 200, body: list.map((item) => json(view, item)) };
    })
    .get(`${path}/:${param}`, (request, context) => {
      const { view } = authenticated(request, context);
      const wanted = (context.params as Readonly<Record<string, string>>)[param] ?? '';
      const item = find(wanted);
      if (item === undefined) return failJira(404, [`${what} '${wanted}' does not exist`]);
      return { status: 200, body: json(view, item) };
    });
}
