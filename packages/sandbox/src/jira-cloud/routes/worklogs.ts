/**
 * Worklogs — time logged on an issue, such as the minutes a bot spent on a request:
 * `GET|POST /rest/api/3/issue/{key}/worklog` (`PageOfWorklogs`: `startAt`, `maxResults` default
 * 5000, `startedAfter`/`startedBefore` in epoch milliseconds; create 201 with the `Worklog`),
 * `GET|PUT|DELETE /rest/api/3/issue/{key}/worklog/{id}`, and `POST /rest/api/3/worklog/list`
 * (`{ ids }` → the worklogs the caller can see).
 *
 * A worklog needs `timeSpent` (`1h 30m`; a day is 8 hours, a week 5 days) or `timeSpentSeconds`;
 * `started` defaults to now; `comment` is ADF. The issue's `timetracking`, `timespent` and `worklog`
 * fields add them up, and each change is in the changelog (`timespent`, `WorklogId`), as in Jira.
 * `adjustEstimate` is checked as Jira checks it (`new` needs `newEstimate`, `manual` needs
 * `reduceBy` or `increaseBy`); the simulator keeps no remaining estimate, so it changes nothing.
 *
 * @module
 */
import { isJsonObject, type JsonObject } from '../../readers.js';
import type { SimRequest } from '../../simulator.js';
import { adfProblem, type AdfDocument } from '../adf.js';
import { canWork } from '../auth.js';
import { parseJiraDateTime } from '../dates.js';
import { parseDuration } from '../duration.js';
import { failFields, failJira } from '../errors.js';
import { platformReader } from '../http.js';
import { readVisibility } from '../issue-input.js';
import { timeSpentSeconds, visibleTo, worklogJson, type View } from '../serialize.js';
import { store, type EntityProperty, type Issue, type JiraState, type JiraUser, type Worklog } from '../store.js';
import { authenticated, browseIssue, expandSet, workIssue, type JiraRouter } from './context.js';

/** The most worklogs an issue may have (Jira Cloud's per-issue limit); one more is a 413. */
export const MAX_WORKLOGS_PER_ISSUE = 10_000;

/** What a `Worklog` body sets. */
interface WorklogInput {
  timeSpentSeconds?: number;
  started?: number;
  comment?: AdfDocument | null;
  visibility?: Worklog['visibility'];
  properties?: EntityProperty[];
}

function readWorklog(body: JsonObject, view: View, issue: Issue, caller: JiraUser, creating: boolean): WorklogInput {
  const errors: Record<string, string> = {};
  const input: WorklogInput = {};
  if (typeof body.timeSpent === 'string') {
    const seconds = parseDuration(body.timeSpent);
    if (seconds === undefined || seconds <= 0) errors.timeLogged = 'Invalid time duration entered.';
    else input.timeSpentSeconds = seconds;
  } else if (typeof body.timeSpentSeconds === 'number') {
    if (!Number.isSafeInteger(body.timeSpentSeconds) || body.timeSpentSeconds <= 0) errors.timeLogged = 'Time Spent must be a positive number of seconds.';
    else input.timeSpentSeconds = body.timeSpentSeconds;
  } else if (body.timeSpent !== undefined || body.timeSpentSeconds !== undefined) {
    errors.timeLogged = 'Invalid time duration entered.';
  } else if (creating) {
    errors.timeLogged = 'You must indicate the time spent working.';
  }
  if (body.started !== undefined && body.started !== null) {
    const started = typeof body.started === 'string' ? parseJiraDateTime(body.started) : undefined;
    if (started === undefined) errors.started = 'You must specify a valid start date, such as 2021-01-17T12:34:00.000+0000.';
    else input.started = started;
  }
  if (body.comment !== undefined) {
    const problem = body.comment === null ? undefined : adfProblem(body.comment);
    if (problem !== undefined) errors.comment = problem;
    else input.comment = body.comment === null ? null : (body.comment as AdfDocument);
  }
  if ('visibility' in body) input.visibility = readVisibility(body.visibility, { caller, project: store.projectOf(view.state, issue) }, errors);
  if (body.properties !== undefined) {
    if (!Array.isArray(body.properties) || !body.properties.every((property) => isJsonObject(property) && typeof property.key === 'string' && property.key !== '')) {
      errors.properties = 'Properties must be an array of {key, value} objects.';
    } else input.properties = body.properties.map((property) => ({ key: (property as JsonObject).key as string, value: (property as JsonObject).value }));
  }
  if (Object.keys(errors).length > 0) failFields(errors);
  return input;
}

/** Checks `adjustEstimate` and the parameter its mode needs (`reduceBy` when adding, `increaseBy` when deleting). */
function checkEstimate(request: SimRequest, manualParameter: 'reduceBy' | 'increaseBy' | undefined): void {
  const mode = request.query.get('adjustEstimate') ?? 'auto';
  const modes = manualParameter === undefined ? ['new', 'leave', 'auto'] : ['new', 'leave', 'manual', 'auto'];
  if (!modes.includes(mode)) failJira(400, [`The value '${mode}' is not valid for 'adjustEstimate'. Valid values are: ${modes.join(', ')}.`]);
  const needs = mode === 'new' ? 'newEstimate' : mode === 'manual' ? manualParameter : undefined;
  if (needs === undefined) return;
  const value = request.query.get(needs);
  if (value === null || parseDuration(value) === undefined) failJira(400, [`The '${needs}' parameter must be a valid duration, such as 2d, when 'adjustEstimate' is '${mode}'.`]);
}

/** Records the change of the issue's time spent in its changelog, as Jira does on each worklog change. */
function recordTimeSpent(state: JiraState, issue: Issue, author: JiraUser, now: number, before: number, worklogId: number, removed: boolean): void {
  const after = timeSpentSeconds(issue);
  const seconds = (value: number) => (value === 0 ? null : String(value));
  issue.changelog.push({
    id: state.counters.historyId,
    authorId: author.accountId,
    created: now,
    items: [
      { field: 'timespent', fieldtype: 'jira', fieldId: 'timespent', from: seconds(before), fromString: seconds(before), to: seconds(after), toString: seconds(after) },
      { field: 'WorklogId', fieldtype: 'jira', fieldId: 'worklogId', from: removed ? String(worklogId) : null, fromString: removed ? String(worklogId) : null, to: removed ? null : String(worklogId), toString: removed ? null : String(worklogId) },
    ],
  });
  state.counters.historyId += 1;
  issue.updated = now;
}

function findWorklog(view: View, issue: Issue, id: string): Worklog {
  const worklog = issue.worklogs.find((candidate) => String(candidate.id) === id);
  if (worklog === undefined || !visibleTo(view, issue, worklog.visibility)) return failJira(404, [`Cannot find worklog with id: ${id}`]);
  return worklog;
}

/** Only the author of a worklog or someone who works on the issue's project may change it. */
function changeableWorklog(view: View, issue: Issue, id: string, caller: JiraUser, what: string): Worklog {
  const worklog = findWorklog(view, issue, id);
  if (worklog.authorId !== caller.accountId && !canWork(store.projectOf(view.state, issue), caller)) failJira(400, [`You do not have permission to ${what} this worklog.`]);
  return worklog;
}

/** Adds the worklog routes. */
export function worklogRoutes(router: JiraRouter): void {
  const base = '/rest/api/3/issue/:issueIdOrKey/worklog';
  router
    .get(base, (request, context) => {
      const { view } = authenticated(request, context);
      const issue = browseIssue(view, context.params.issueIdOrKey);
      const startAt = platformReader.integer(request, 'startAt', 0, { min: 0 });
      const maxResults = platformReader.integer(request, 'maxResults', 5000, { min: 1 });
      const after = platformReader.integer(request, 'startedAfter', Number.NEGATIVE_INFINITY);
      const before = platformReader.integer(request, 'startedBefore', Number.POSITIVE_INFINITY);
      const expand = expandSet(request.query.getAll('expand'));
      const worklogs = issue.worklogs.filter((worklog) => visibleTo(view, issue, worklog.visibility) && worklog.started >= after && worklog.started <= before);
      const page = worklogs.slice(startAt, startAt + maxResults);
      return { status: 200, body: { startAt, maxResults, total: worklogs.length, worklogs: page.map((worklog) => worklogJson(view, issue, worklog, expand)) } };
    })
    .post(base, (request, context) => {
      const { user, view } = authenticated(request, context);
      const issue = workIssue(view, context.params.issueIdOrKey, 'log work on this issue', 400);
      checkEstimate(request, 'reduceBy');
      const input = readWorklog(platformReader.jsonObject(request), view, issue, user, true);
      if (issue.worklogs.length >= MAX_WORKLOGS_PER_ISSUE) return failJira(413, [`Issue ${issue.key} has reached the limit of ${MAX_WORKLOGS_PER_ISSUE} worklogs.`]);
      const now = Date.now();
      const before = timeSpentSeconds(issue);
      const worklog: Worklog = {
        id: context.state.counters.worklogId,
        issueId: issue.id,
        authorId: user.accountId,
        updateAuthorId: user.accountId,
        comment: input.comment ?? null,
        started: input.started ?? now,
        timeSpentSeconds: input.timeSpentSeconds ?? 0,
        created: now,
        updated: now,
        visibility: input.visibility,
        properties: input.properties ?? [],
      };
      context.state.counters.worklogId += 1;
      issue.worklogs.push(worklog);
      recordTimeSpent(context.state, issue, user, now, before, worklog.id, false);
      return { status: 201, body: worklogJson(view, issue, worklog, expandSet(request.query.getAll('expand'))) };
    })
    .get(`${base}/:id`, (request, context) => {
      const { view } = authenticated(request, context);
      const issue = browseIssue(view, context.params.issueIdOrKey);
      return { status: 200, body: worklogJson(view, issue, findWorklog(view, issue, context.params.id), expandSet(request.query.getAll('expand'))) };
    })
    .put(`${base}/:id`, (request, context) => {
      const { user, view } = authenticated(request, context);
      const issue = browseIssue(view, context.params.issueIdOrKey);
      const worklog = changeableWorklog(view, issue, context.params.id, user, 'update');
      checkEstimate(request, undefined);
      const input = readWorklog(platformReader.jsonObject(request), view, issue, user, false);
      const now = Date.now();
      const before = timeSpentSeconds(issue);
      if (input.timeSpentSeconds !== undefined) worklog.timeSpentSeconds = input.timeSpentSeconds;
      if (input.started !== undefined) worklog.started = input.started;
      if (input.comment !== undefined) worklog.comment = input.comment;
      if (input.properties !== undefined) worklog.properties = input.properties;
      if (input.visibility !== undefined) worklog.visibility = input.visibility;
      worklog.updated = now;
      worklog.updateAuthorId = user.accountId;
      if (timeSpentSeconds(issue) !== before) recordTimeSpent(context.state, issue, user, now, before, worklog.id, false);
      else issue.updated = now;
      return { status: 200, body: worklogJson(view, issue, worklog, expandSet(request.query.getAll('expand'))) };
    })
    .delete(`${base}/:id`, (request, context) => {
      const { user, view } = authenticated(request, context);
      const issue = browseIssue(view, context.params.issueIdOrKey);
      const worklog = changeableWorklog(view, issue, context.params.id, user, 'delete');
      checkEstimate(request, 'increaseBy');
      const before = timeSpentSeconds(issue);
      issue.worklogs = issue.worklogs.filter((candidate) => candidate !== worklog);
      recordTimeSpent(context.state, issue, user, Date.now(), before, worklog.id, true);
      return { status: 204 };
    })
    .post('/rest/api/3/worklog/list', (request, context) => {
      const { view } = authenticated(request, context);
      const body = platformReader.jsonObject(request);
      if (!Array.isArray(body.ids) || !body.ids.every((id) => typeof id === 'number' && Number.isInteger(id))) {
        return failJira(400, ['ids must be a list of worklog ids.']);
      }
      if (body.ids.length > 1000) return failJira(400, ['The number of worklog ids must not exceed 1000.']);
      const wanted = new Set(body.ids as number[]);
      const found = [...context.state.issues.values()].flatMap((issue) =>
        issue.worklogs
          .filter((worklog) => wanted.has(worklog.id))
          .filter(() => {
            try {
              browseIssue(view, String(issue.id));
              return true;
            } catch {
              return false;
            }
          })
          .filter((worklog) => visibleTo(view, issue, worklog.visibility))
          .map((worklog) => worklogJson(view, issue, worklog, expandSet(request.query.getAll('expand')))),
      );
      return { status: 200, body: found };
    });
}

