/**
 * Site metadata: `serverInfo`, projects (`/project/{key}`, `/project/{key}/statuses`,
 * `/project/search`), statuses, status categories, priorities, resolutions, issue types and fields
 * (system and custom, including JSM's "Request Type" `customfield_10010`).
 *
 * @module
 */
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
import { intParam } from '../http.js';
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
      const startAt = intParam(request.query, 'startAt', 0);
      const maxResults = intParam(request.query, 'maxResults', 50);
      const all = [...context.state.projects.values()].filter((project) => canBrowse(project, view.viewer));
      const values = all.slice(startAt, startAt + maxResults).map((project) => projectJson(view, project));
      return {
        status: 200,
        body: {
          self: `${context.url}/rest/api/3/project/search?startAt=${startAt}&maxResults=${maxResults}`,
          maxResults,
          startAt,
          total: all.length,
          isLast: startAt + values.length >= all.length,
          values,
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
    .get('/rest/api/3/status', (request, context) => {
      const { view } = authenticated(request, context);
      return { status: 200, body: STATUSES.map((status) => statusJson(view, status)) };
    })
    .get('/rest/api/3/status/:idOrName', (request, context) => {
      const { view } = authenticated(request, context);
      const wanted = context.params.idOrName.toLowerCase();
      const status = STATUSES.find((candidate) => candidate.id === wanted || candidate.name.toLowerCase() === wanted);
      if (status === undefined) return failJira(404, [`The status with id '${context.params.idOrName}' does not exist`]);
      return { status: 200, body: statusJson(view, status) };
    })
    .get('/rest/api/3/statuscategory', (request, context) => {
      const { view } = authenticated(request, context);
      return { status: 200, body: Object.values(STATUS_CATEGORIES).map((category) => statusCategoryJson(view, category)) };
    })
    .get('/rest/api/3/statuscategory/:idOrKey', (request, context) => {
      const { view } = authenticated(request, context);
      const category = categoryOf(context.params.idOrKey);
      if (category === undefined) return failJira(404, [`The status category '${context.params.idOrKey}' does not exist`]);
      return { status: 200, body: statusCategoryJson(view, category) };
    })
    .get('/rest/api/3/priority', (request, context) => {
      const { view } = authenticated(request, context);
      return { status: 200, body: PRIORITIES.map((priority) => priorityJson(view, priority)) };
    })
    .get('/rest/api/3/priority/:id', (request, context) => {
      const { view } = authenticated(request, context);
      const priority = catalog.priority(context.params.id);
      if (priority === undefined) return failJira(404, [`The priority with id '${context.params.id}' does not exist`]);
      return { status: 200, body: priorityJson(view, priority) };
    })
    .get('/rest/api/3/resolution', (request, context) => {
      const { view } = authenticated(request, context);
      return { status: 200, body: RESOLUTIONS.map((resolution) => resolutionJson(view, resolution)) };
    })
    .get('/rest/api/3/resolution/:id', (request, context) => {
      const { view } = authenticated(request, context);
      const resolution = catalog.resolution(context.params.id);
      if (resolution === undefined) return failJira(404, [`The resolution with id '${context.params.id}' does not exist`]);
      return { status: 200, body: resolutionJson(view, resolution) };
    })
    .get('/rest/api/3/issuetype', (request, context) => {
      const { view } = authenticated(request, context);
      return { status: 200, body: ISSUE_TYPES.map((type) => issueTypeJson(view, type)) };
    })
    .get('/rest/api/3/issuetype/:id', (request, context) => {
      const { view } = authenticated(request, context);
      const type = catalog.issueType(context.params.id);
      if (type === undefined) return failJira(404, [`The issue type with id '${context.params.id}' does not exist`]);
      return { status: 200, body: issueTypeJson(view, type) };
    })
    .get('/rest/api/3/field', (request, context) => {
      authenticated(request, context);
      return { status: 200, body: ALL_FIELD_IDS.map(fieldDetails) };
    });
}
