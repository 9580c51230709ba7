/**
 * Issue links: `POST /rest/api/3/issueLink` (`LinkIssueRequestJsonBean`: `type` by id or name,
 * `inwardIssue` and `outwardIssue` by id or key, an optional `comment` added to the outward issue;
 * 201 with an empty body), `GET|DELETE /rest/api/3/issueLink/{linkId}`, and the link types
 * `GET /rest/api/3/issueLinkType` and `/issueLinkType/{issueLinkTypeId}`.
 *
 * A link shows on both issues (the `issuelinks` field), from each side as the other end. Linking
 * needs *Link issues* (here: work on the outward issue) and browsing both; an issue the caller
 * cannot browse is Jira's 404.
 *
 * @module
 */
import { isJsonObject } from '../../readers.js';
import { adfProblem, type AdfDocument } from '../adf.js';
import { ISSUE_LINK_TYPES, type IssueLinkTypeDef } from '../catalog.js';
import { failFields, failJira } from '../errors.js';
import { platformReader } from '../http.js';
import { readVisibility } from '../issue-input.js';
import { issueLinkJson, issueLinkTypeJson, type View } from '../serialize.js';
import { store, type Issue, type IssueLink, type JiraUser } from '../store.js';
import { addComment } from './comments.js';
import { authenticated, browseIssue, workIssue, type JiraRouter } from './context.js';

/** The most links an issue may have (Jira Cloud's per-issue limit); one more is a 413. */
export const MAX_LINKS_PER_ISSUE = 2000;

function findType(ref: unknown): IssueLinkTypeDef {
  const id = isJsonObject(ref) && (typeof ref.id === 'string' || typeof ref.id === 'number') ? String(ref.id) : undefined;
  const name = isJsonObject(ref) && typeof ref.name === 'string' ? ref.name.toLowerCase() : undefined;
  const type = ISSUE_LINK_TYPES.find((candidate) => (id !== undefined ? candidate.id === id : candidate.name.toLowerCase() === name));
  if (type === undefined) failJira(404, [`No issue link type with ${id !== undefined ? `id '${id}'` : `name '${String(isJsonObject(ref) ? ref.name : '')}'`} found.`]);
  return type;
}

function issueRef(ref: unknown): string {
  if (isJsonObject(ref)) {
    if (typeof ref.key === 'string' && ref.key !== '') return ref.key;
    if (typeof ref.id === 'string' || typeof ref.id === 'number') return String(ref.id);
  }
  return '';
}

function findLink(view: View, id: string): IssueLink {
  const link = /^\d+$/u.test(id) ? view.state.issueLinks.get(Number(id)) : undefined;
  if (link === undefined) return failJira(404, [`No issue link with id '${id}' exists.`]);
  const ends = [link.inwardIssueId, link.outwardIssueId].map((issueId) => view.state.issues.get(issueId));
  if (ends.some((issue) => issue === undefined)) return failJira(404, [`No issue link with id '${id}' exists.`]);
  for (const issue of ends as Issue[]) browseIssue(view, String(issue.id));
  return link;
}

function createLink(view: View, user: JiraUser, body: Record<string, unknown>): void {
  const missing = ['type', 'inwardIssue', 'outwardIssue'].filter((name) => !isJsonObject(body[name]));
  if (missing.length > 0) failFields(Object.fromEntries(missing.map((name) => [name, `The ${name} is required.`])));
  const type = findType(body.type);
  const inward = browseIssue(view, issueRef(body.inwardIssue));
  const outward = workIssue(view, issueRef(body.outwardIssue), 'link issues', 403);
  if (inward.id === outward.id) failJira(400, ['You cannot link an issue to itself.']);
  const { state } = view;
  for (const issue of [inward, outward]) {
    if (store.linksOf(state, issue).length >= MAX_LINKS_PER_ISSUE) failJira(413, [`Issue ${issue.key} has reached the limit of ${MAX_LINKS_PER_ISSUE} issue links.`]);
  }
  let comment: { body: AdfDocument; visibility: ReturnType<typeof readVisibility> } | undefined;
  if (body.comment !== undefined && body.comment !== null) {
    const errors: Record<string, string> = {};
    const input = isJsonObject(body.comment) ? body.comment : {};
    const problem = adfProblem(input.body);
    if (problem !== undefined) errors.comment = problem;
    const visibility = readVisibility(input.visibility, { caller: user, project: store.projectOf(state, outward) }, errors);
    if (Object.keys(errors).length > 0) failFields(errors);
    comment = { body: input.body as AdfDocument, visibility };
  }
  const exists = [...state.issueLinks.values()].some((link) => link.typeId === type.id && link.inwardIssueId === inward.id && link.outwardIssueId === outward.id);
  if (!exists) {
    state.issueLinks.set(state.counters.linkId, { id: state.counters.linkId, typeId: type.id, inwardIssueId: inward.id, outwardIssueId: outward.id });
    state.counters.linkId += 1;
    const now = Date.now();
    inward.updated = now;
    outward.updated = now;
  }
  if (comment !== undefined) {
    addComment(view, outward, user, { body: comment.body, visibility: comment.visibility, internal: false, properties: [] });
  }
}

/** Adds the issue link routes. */
export function linkRoutes(router: JiraRouter): void {
  router
    .post('/rest/api/3/issueLink', (request, context) => {
      const { user, view } = authenticated(request, context);
      createLink(view, user, platformReader.jsonObject(request));
      return { status: 201 };
    })
    .get('/rest/api/3/issueLink/:linkId', (request, context) => {
      const { view } = authenticated(request, context);
      return { status: 200, body: issueLinkJson(view, findLink(view, context.params.linkId)) };
    })
    .delete('/rest/api/3/issueLink/:linkId', (request, context) => {
      const { view } = authenticated(request, context);
      const link = findLink(view, context.params.linkId);
      workIssue(view, String(link.outwardIssueId), 'delete links of this issue', 403);
      context.state.issueLinks.delete(link.id);
      return { status: 204 };
    })
    .get('/rest/api/3/issueLinkType', (request, context) => {
      const { view } = authenticated(request, context);
      return { status: 200, body: { issueLinkTypes: ISSUE_LINK_TYPES.map((type) => issueLinkTypeJson(view, type)) } };
    })
    .get('/rest/api/3/issueLinkType/:issueLinkTypeId', (request, context) => {
      const { view } = authenticated(request, context);
      const type = ISSUE_LINK_TYPES.find((candidate) => candidate.id === context.params.issueLinkTypeId);
      if (type === undefined) return failJira(404, [`No issue link type with id '${context.params.issueLinkTypeId}' found.`]);
      return { status: 200, body: issueLinkTypeJson(view, type) };
    });
}
