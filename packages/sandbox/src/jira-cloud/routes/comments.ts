/**
 * Platform comments: `GET|POST /rest/api/3/issue/{key}/comment` (offset page `{startAt, maxResults,
 * total, comments}`, `orderBy=created|-created|+created`, `expand=renderedBody`), `GET|PUT|DELETE
 * /rest/api/3/issue/{key}/comment/{id}`, `POST /rest/api/3/comment/list`.
 *
 * Bodies are ADF. `visibility` restricts a comment to a role or group the author belongs to; the JSM
 * property `sd.public.comment` `{ "internal": true }` makes it an internal note (`jsdPublic: false`).
 * Comments the caller cannot see are left out, silently, as Jira does.
 *
 * @module
 */
import { offsetPage } from '../../offset-page.js';
import { isJsonObject, type JsonObject } from '../../readers.js';
import { adfProblem, type AdfDocument } from '../adf.js';
import { isAgent } from '../auth.js';
import { failFields, failJira } from '../errors.js';
import { platformReader } from '../http.js';
import { readVisibility } from '../issue-input.js';
import { commentJson, commentVisibleTo, type View } from '../serialize.js';
import { store, type EntityProperty, type Issue, type IssueComment, type JiraUser } from '../store.js';
import { authenticated, browseIssue, expandSet, workIssue, type JiraRouter } from './context.js';

/** The JSM property that marks a comment internal. */
export const JSM_PUBLIC_PROPERTY = 'sd.public.comment';

/** Reads comment `properties`; `internal` is whether `sd.public.comment` says `{ internal: true }`. */
function readProperties(value: unknown, errors: Record<string, string>): { properties: EntityProperty[]; internal: boolean } {
  if (value === undefined || value === null) return { properties: [], internal: false };
  if (!Array.isArray(value)) {
    errors.properties = 'Properties must be an array of {key, value} objects.';
    return { properties: [], internal: false };
  }
  const properties: EntityProperty[] = [];
  let internal = false;
  for (const item of value) {
    if (!isJsonObject(item) || typeof item.key !== 'string' || item.key === '') {
      errors.properties = 'Each property needs a non-empty key.';
      continue;
    }
    properties.push({ key: item.key, value: item.value });
    if (item.key === JSM_PUBLIC_PROPERTY && isJsonObject(item.value) && item.value.internal === true) internal = true;
  }
  return { properties, internal };
}

/** Adds a comment to an issue (used by the platform and JSM routes). */
export function addComment(
  view: View,
  issue: Issue,
  author: JiraUser,
  input: { body: AdfDocument; visibility?: IssueComment['visibility']; internal: boolean; properties: EntityProperty[]; source?: string },
): IssueComment {
  const { state } = view;
  const now = Date.now();
  const properties = input.properties.filter((property) => property.key !== JSM_PUBLIC_PROPERTY);
  if (input.internal) properties.push({ key: JSM_PUBLIC_PROPERTY, value: { internal: true } });
  const comment: IssueComment = {
    id: state.counters.commentId,
    issueId: issue.id,
    authorId: author.accountId,
    body: input.body,
    created: now,
    updated: now,
    updateAuthorId: author.accountId,
    visibility: input.visibility,
    jsdPublic: !input.internal,
    properties,
    source: input.source,
  };
  state.counters.commentId += 1;
  issue.comments.push(comment);
  state.commentIssue.set(comment.id, issue.id);
  issue.updated = now;
  return comment;
}

function readCommentBody(body: JsonObject, view: View, issue: Issue, author: JiraUser, requireBody: boolean) {
  const errors: Record<string, string> = {};
  let document: AdfDocument | undefined;
  if (body.body === undefined || body.body === null) {
    if (requireBody) errors.comment = 'Comment body can not be empty!';
  } else {
    const problem = adfProblem(body.body);
    if (problem !== undefined) errors.comment = problem;
    else document = body.body as AdfDocument;
  }
  const project = store.projectOf(view.state, issue);
  const visibility = readVisibility(body.visibility, { caller: author, project }, errors);
  const { properties, internal } = readProperties(body.properties, errors);
  if (Object.keys(errors).length > 0) failFields(errors);
  // Only agents of a service desk write internal notes; elsewhere the property is kept but means nothing.
  return { document, visibility, properties, internal: internal && project.typeKey === 'service_desk' && isAgent(project, author) };
}

function findComment(view: View, issue: Issue, id: string): IssueComment {
  const comment = issue.comments.find((candidate) => String(candidate.id) === id);
  if (comment === undefined || !commentVisibleTo(view, issue, comment)) failJira(404, [`Can not find a comment for the id: ${id}.`]);
  return comment;
}

/** Adds the comment routes. */
export function commentRoutes(router: JiraRouter): void {
  router
    .get('/rest/api/3/issue/:issueIdOrKey/comment', (request, context) => {
      const { view } = authenticated(request, context);
      const issue = browseIssue(view, context.params.issueIdOrKey);
      const orderBy = request.query.get('orderBy');
      if (orderBy !== null && !['created', '-created', '+created'].includes(orderBy)) {
        return failJira(400, [`The value '${orderBy}' is not valid for 'orderBy'. Valid values are: created, -created, +created.`]);
      }
      const startAt = platformReader.integer(request, 'startAt', 0);
      const maxResults = Math.min(5000, platformReader.integer(request, 'maxResults', 100));
      const expand = expandSet(request.query.getAll('expand'));
      const visible = issue.comments.filter((comment) => commentVisibleTo(view, issue, comment));
      const ordered = orderBy === '-created' ? [...visible].sort((a, b) => b.created - a.created || b.id - a.id) : [...visible].sort((a, b) => a.created - b.created || a.id - b.id);
      const page = offsetPage(ordered, startAt, maxResults);
      return { status: 200, body: { startAt: page.offset, maxResults: page.limit, total: page.total, comments: page.items.map((comment) => commentJson(view, issue, comment, expand)) } };
    })
    .post('/rest/api/3/issue/:issueIdOrKey/comment', (request, context) => {
      const { user, view } = authenticated(request, context);
      const issue = workIssue(view, context.params.issueIdOrKey, 'comment on this issue', 400);
      const input = readCommentBody(platformReader.jsonObject(request), view, issue, user, true);
      if (input.document === undefined) return failFields({ comment: 'Comment body can not be empty!' });
      if (issue.comments.length >= 5000) return failJira(413, ['The issue has reached the maximum number of comments (5000).']);
      const comment = addComment(view, issue, user, { body: input.document, visibility: input.visibility, internal: input.internal, properties: input.properties });
      return { status: 201, body: commentJson(view, issue, comment, expandSet(request.query.getAll('expand'))) };
    })
    .get('/rest/api/3/issue/:issueIdOrKey/comment/:id', (request, context) => {
      const { view } = authenticated(request, context);
      const issue = browseIssue(view, context.params.issueIdOrKey);
      const comment = findComment(view, issue, context.params.id);
      return { status: 200, body: commentJson(view, issue, comment, expandSet(request.query.getAll('expand'))) };
    })
    .put('/rest/api/3/issue/:issueIdOrKey/comment/:id', (request, context) => {
      const { user, view } = authenticated(request, context);
      const issue = workIssue(view, context.params.issueIdOrKey, 'edit comments on this issue', 400);
      const comment = findComment(view, issue, context.params.id);
      const project = store.projectOf(context.state, issue);
      if (comment.authorId !== user.accountId && !isAgent(project, user)) return failJira(400, ['You do not have the permission to edit this comment.']);
      const body = platformReader.jsonObject(request);
      const input = readCommentBody(body, view, issue, user, false);
      const now = Date.now();
      if (input.document !== undefined) {
        comment.body = input.document;
        comment.source = undefined;
      }
      if ('visibility' in body) comment.visibility = input.visibility;
      if (body.properties !== undefined) {
        comment.properties = input.properties;
        comment.jsdPublic = !input.internal;
      }
      comment.updated = now;
      comment.updateAuthorId = user.accountId;
      issue.updated = now;
      return { status: 200, body: commentJson(view, issue, comment, expandSet(request.query.getAll('expand'))) };
    })
    .delete('/rest/api/3/issue/:issueIdOrKey/comment/:id', (request, context) => {
      const { user, view } = authenticated(request, context);
      const issue = workIssue(view, context.params.issueIdOrKey, 'delete comments on this issue', 400);
      const comment = findComment(view, issue, context.params.id);
      if (comment.authorId !== user.accountId && !isAgent(store.projectOf(context.state, issue), user)) {
        return failJira(400, ['You do not have the permission to delete this comment.']);
      }
      issue.comments = issue.comments.filter((candidate) => candidate !== comment);
      context.state.commentIssue.delete(comment.id);
      issue.updated = Date.now();
      return { status: 204 };
    })
    .post('/rest/api/3/comment/list', (request, context) => {
      const { view } = authenticated(request, context);
      const body = platformReader.jsonObject(request);
      const ids = Array.isArray(body.ids) ? body.ids.filter((id): id is number => typeof id === 'number' && Number.isInteger(id)) : [];
      if (ids.length > 1000) return failJira(400, ['The number of comment ids must not exceed 1000.']);
      const values = ids.flatMap((id) => {
        const issueId = context.state.commentIssue.get(id);
        const issue = issueId === undefined ? undefined : context.state.issues.get(issueId);
        const comment = issue?.comments.find((candidate) => candidate.id === id);
        if (issue === undefined || comment === undefined) return [];
        try {
          browseIssue(view, String(issue.id));
        } catch {
          return [];
        }
        return commentVisibleTo(view, issue, comment) ? [commentJson(view, issue, comment, expandSet(request.query.getAll('expand')))] : [];
      });
      return { status: 200, body: { maxResults: 1000, startAt: 0, total: values.length, isLast: true, values } };
    });
}
