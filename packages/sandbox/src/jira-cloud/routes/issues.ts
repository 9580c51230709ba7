/**
 * Issue CRUD: `POST /rest/api/3/issue` (201 `{id, key, self}`), `GET|PUT|DELETE
 * /rest/api/3/issue/{issueIdOrKey}` (`fields`, `expand`; `notifyUsers`, `returnIssue`;
 * `deleteSubtasks`).
 *
 * @module
 */
import { booleanParam, isJsonObject, listParam } from '../../readers.js';
import { canWork, isProjectAdmin } from '../auth.js';
import { failFields, failJira } from '../errors.js';
import { platformReader } from '../http.js';
import { applyChanges, checkHierarchy, NOT_ON_SCREEN, readIssueInput } from '../issue-input.js';
import { issueJson, selectFields } from '../serialize.js';
import { store, type Issue, type JiraState, type JiraUser, type NewIssue, type Project } from '../store.js';
import { workflowOf } from '../workflows.js';
import { authenticated, browseIssue, expandSet, workIssue, type JiraRouter } from './context.js';

/** What a client gives a new issue; the rest follows from the workflow and the clock. */
export type IssueInput = Omit<NewIssue, 'statusId' | 'resolutionId' | 'resolutionDate' | 'creatorId' | 'created' | 'updated' | 'statusCategoryChanged'>;

/** Creates an issue as the API does (platform create or JSM request): the workflow's first status, unresolved, dated now, indexed. */
export function openIssue(state: JiraState, project: Project, creator: JiraUser, now: number, input: IssueInput): Issue {
  const statusId = workflowOf(project.workflowId).initialStatus;
  const issue = store.newIssue(state, project, { ...input, statusId, resolutionId: null, resolutionDate: null, creatorId: creator.accountId, created: now, updated: now, statusCategoryChanged: now });
  store.addIssue(state, issue);
  return issue;
}

/** Adds the issue routes. */
export function issueRoutes(router: JiraRouter): void {
  router
    .post('/rest/api/3/issue', (request, context) => {
      const { user, view } = authenticated(request, context);
      const body = platformReader.jsonObject(request);
      const changes = readIssueInput(body, 'create', { state: context.state, caller: user });
      const project = store.project(context.state, changes.projectId ?? '');
      if (project === undefined) return failJira(400, [], { project: 'Specify a valid project ID or key' });
      if (!canWork(project, user)) return failJira(403, ['You do not have permission to create issues in this project.']);
      checkHierarchy(changes);
      const now = Date.now();
      const state = context.state;
      const issue = openIssue(state, project, user, now, {
        issueTypeId: changes.issueTypeId ?? project.issueTypeIds[0] ?? '10000',
        summary: changes.summary ?? '',
        description: changes.description ?? null,
        priorityId: changes.priorityId ?? '3',
        reporterId: changes.reporterId === undefined ? user.accountId : changes.reporterId,
        assigneeId: changes.assigneeId ?? null,
        labels: changes.labels ?? [],
        dueDate: changes.dueDate ?? null,
        requestTypeId: changes.requestTypeId ?? null,
        customFields: Object.fromEntries(Object.entries(changes.customFields ?? {}).filter((entry): entry is [string, string] => entry[1] !== null)),
        parentId: changes.parentId ?? null,
        properties: Array.isArray(body.properties)
          ? body.properties.filter(isJsonObject).flatMap((property) => (typeof property.key === 'string' ? [{ key: property.key, value: property.value }] : []))
          : [],
      });
      if (changes.comments !== undefined) applyChanges(state, issue, { comments: changes.comments }, user, now);
      return { status: 201, body: { id: String(issue.id), key: issue.key, self: `${view.url}/rest/api/3/issue/${issue.id}` } };
    })
    .get('/rest/api/3/issue/:issueIdOrKey', (request, context) => {
      const { view } = authenticated(request, context);
      const issue = browseIssue(view, context.params.issueIdOrKey);
      return {
        status: 200,
        body: issueJson(view, issue, { fields: selectFields(listParam(request, 'fields'), '*all'), expand: expandSet(request.query.getAll('expand')) }),
      };
    })
    .put('/rest/api/3/issue/:issueIdOrKey', (request, context) => {
      const { user, view } = authenticated(request, context);
      const issue = browseIssue(view, context.params.issueIdOrKey);
      const project = store.projectOf(context.state, issue);
      if (!booleanParam(request, 'notifyUsers', true) && !isProjectAdmin(project, user)) {
        return failJira(403, ['To discard the user notification either admin or project admin permissions are required.']);
      }
      const body = platformReader.jsonObject(request);
      if (!canWork(project, user)) {
        // Without Edit issues the edit screen is empty (editmeta lists nothing): every field is refused, with 400.
        const names = [...Object.keys(isJsonObject(body.fields) ? body.fields : {}), ...Object.keys(isJsonObject(body.update) ? body.update : {})];
        if (names.length === 0) return failJira(400, ['You do not have permission to edit this issue.']);
        return failFields(Object.fromEntries(names.map((name) => [name, NOT_ON_SCREEN(name)])));
      }
      const changes = readIssueInput(body, 'edit', { state: context.state, caller: user, project, issue });
      applyChanges(context.state, issue, changes, user, Date.now());
      if (booleanParam(request, 'returnIssue', false)) {
        return { status: 200, body: issueJson(view, issue, { fields: selectFields(undefined, '*all'), expand: expandSet(request.query.getAll('expand')) }) };
      }
      return { status: 204 };
    })
    .delete('/rest/api/3/issue/:issueIdOrKey', (request, context) => {
      const { view } = authenticated(request, context);
      const issue = workIssue(view, context.params.issueIdOrKey, 'delete this issue', 403);
      const subtasks = store.subtasks(context.state, issue);
      if (subtasks.length > 0 && !booleanParam(request, 'deleteSubtasks', false)) {
        return failJira(400, [`The issue '${issue.key}' has subtasks. To delete it, set the 'deleteSubtasks' parameter to true.`]);
      }
      for (const subtask of subtasks) store.removeIssue(context.state, subtask);
      store.removeIssue(context.state, issue);
      return { status: 204 };
    });
}
