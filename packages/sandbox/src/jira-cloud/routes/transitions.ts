/**
 * Workflow transitions: `GET /rest/api/3/issue/{key}/transitions` (per workflow; `expand=transitions.fields`
 * lists the screen fields such as Assignee and Resolution; `transitionId` filters) and `POST` (perform,
 * with screen `fields` and `update.comment`; 204; 400 for a transition not available from the current
 * status or a required screen field left out).
 *
 * @module
 */
import { isJsonObject } from '../../readers.js';
import { statusOf } from '../catalog.js';
import { failFields, failJira } from '../errors.js';
import { platformReader } from '../http.js';
import { applyChanges, readIssueInput } from '../issue-input.js';
import { issueTransitions, transitionJson } from '../serialize.js';
import { canWork } from '../auth.js';
import { store, type Issue, type JiraState, type JiraUser } from '../store.js';
import { availableTransitions, workflowOf, type TransitionDef } from '../workflows.js';
import { authenticated, browseIssue, expandSet, workIssue, type JiraRouter } from './context.js';

/** Moves an issue to the transition's target status, with the resolution rules of the workflow. */
export function performTransition(state: JiraState, issue: Issue, transition: TransitionDef, author: JiraUser, now: number, resolutionId?: string): void {
  const from = statusOf(issue.statusId);
  const to = statusOf(transition.to);
  if (from.id !== to.id) {
    issue.changelog.push({
      id: state.counters.historyId,
      authorId: author.accountId,
      created: now,
      items: [{ field: 'status', fieldtype: 'jira', fieldId: 'status', from: from.id, fromString: from.name, to: to.id, toString: to.name }],
    });
    state.counters.historyId += 1;
    issue.statusId = to.id;
    if (from.category !== to.category) issue.statusCategoryChanged = now;
  }
  const resolution = resolutionId ?? (to.category === 'done' ? transition.setsResolution : transition.setsResolution === null ? null : undefined);
  if (resolution !== undefined && resolution !== issue.resolutionId) applyChanges(state, issue, { resolutionId: resolution }, author, now);
  issue.updated = now;
}

/** The transition with `id` available on the issue now, or `undefined`. */
export function findAvailable(state: JiraState, issue: Issue, id: string): TransitionDef | undefined {
  return availableTransitions(workflowOf(store.projectOf(state, issue).workflowId), issue.statusId).find((transition) => transition.id === id);
}

/** Adds the transition routes. */
export function transitionRoutes(router: JiraRouter): void {
  router
    .get('/rest/api/3/issue/:issueIdOrKey/transitions', (request, context) => {
      const { user, view } = authenticated(request, context);
      const issue = browseIssue(view, context.params.issueIdOrKey);
      const withFields = expandSet(request.query.getAll('expand')).has('transitions.fields');
      const only = request.query.get('transitionId');
      const transitions = canWork(store.projectOf(context.state, issue), user)
        ? issueTransitions(view, issue).filter((transition) => only === null || transition.id === only)
        : [];
      return { status: 200, body: { expand: 'transitions', transitions: transitions.map((transition) => transitionJson(view, issue, transition, withFields)) } };
    })
    .post('/rest/api/3/issue/:issueIdOrKey/transitions', (request, context) => {
      const { user, view } = authenticated(request, context);
      const issue = workIssue(view, context.params.issueIdOrKey, 'transition this issue', 400);
      const body = platformReader.jsonObject(request);
      const ref = isJsonObject(body.transition) ? body.transition.id : undefined;
      const id = typeof ref === 'string' || typeof ref === 'number' ? String(ref) : undefined;
      if (id === undefined) return failJira(400, ["Missing 'transition' identifier"]);
      const transition = findAvailable(context.state, issue, id);
      if (transition === undefined) return failJira(400, [`Transition id '${id}' is not valid for this issue.`]);
      const project = store.projectOf(context.state, issue);
      const changes = readIssueInput(body, 'transition', { state: context.state, caller: user, project, issue, screen: [...transition.screen] });
      const missing = transition.required.filter((field) => (field === 'resolution' ? changes.resolutionId === undefined : changes.assigneeId === undefined));
      if (missing.length > 0) {
        return failFields(Object.fromEntries(missing.map((field) => [field, `${field === 'resolution' ? 'Resolution' : 'Assignee'} is required.`])));
      }
      const now = Date.now();
      const { resolutionId, ...rest } = changes;
      applyChanges(context.state, issue, rest, user, now);
      performTransition(context.state, issue, transition, user, now, resolutionId ?? undefined);
      return { status: 204 };
    });
}
