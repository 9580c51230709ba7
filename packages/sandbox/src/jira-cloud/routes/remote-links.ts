/**
 * Remote issue links — an issue's links to things outside Jira, such as the transcript of the chat a
 * bot raised the ticket from: `GET|POST|DELETE /rest/api/3/issue/{key}/remotelink` (list, or the one
 * with `globalId`; create, or update the one with the same `globalId` — 201 or 200 with
 * `{ id, self }`; delete by `globalId`) and `GET|PUT|DELETE /rest/api/3/issue/{key}/remotelink/{linkId}`.
 *
 * `object.url` and `object.title` are required (`"'title' is required."`); what the client gives
 * besides is kept and answered as given. Changing links needs *Link issues* (403 otherwise).
 *
 * @module
 */
import { isJsonObject, type JsonObject } from '../../readers.js';
import { failFields, failJira } from '../errors.js';
import { platformReader } from '../http.js';
import type { View } from '../serialize.js';
import type { Issue, RemoteLink } from '../store.js';
import { authenticated, browseIssue, workIssue, type JiraRouter } from './context.js';

/** The most remote links an issue may have (Jira Cloud's per-issue limit); one more is a 413. */
export const MAX_REMOTE_LINKS_PER_ISSUE = 2000;

/** What a `RemoteIssueLinkRequest` sets. */
type RemoteLinkFields = Omit<RemoteLink, 'id'>;

function optionalString(body: JsonObject, name: string, errors: Record<string, string>): string | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') errors[name] = `'${name}' must be a string.`;
  return typeof value === 'string' ? value : undefined;
}

function readRemoteLink(body: JsonObject): RemoteLinkFields {
  const errors: Record<string, string> = {};
  const object = isJsonObject(body.object) ? body.object : undefined;
  if (object === undefined) errors.object = "'object' is required.";
  for (const name of ['url', 'title'] as const) {
    if (object !== undefined && (typeof object[name] !== 'string' || object[name].trim() === '')) errors[name] = `'${name}' is required.`;
  }
  const globalId = optionalString(body, 'globalId', errors);
  const relationship = optionalString(body, 'relationship', errors);
  if (body.application !== undefined && body.application !== null && !isJsonObject(body.application)) errors.application = "'application' must be an object.";
  if (Object.keys(errors).length > 0) failFields(errors);
  return { globalId, relationship, application: isJsonObject(body.application) ? body.application : undefined, object: object ?? {} };
}

/** A remote link as `RemoteIssueLink`. */
function remoteLinkJson(view: View, issue: Issue, link: RemoteLink): Record<string, unknown> {
  return {
    id: link.id,
    self: `${view.url}/rest/api/3/issue/${issue.id}/remotelink/${link.id}`,
    ...(link.globalId === undefined ? {} : { globalId: link.globalId }),
    ...(link.application === undefined ? {} : { application: link.application }),
    ...(link.relationship === undefined ? {} : { relationship: link.relationship }),
    object: link.object,
  };
}

function findRemoteLink(issue: Issue, linkId: string): RemoteLink {
  const link = issue.remoteLinks.find((candidate) => String(candidate.id) === linkId);
  if (link === undefined) return failJira(404, [`No remote issue link with id '${linkId}' exists on issue ${issue.key}.`]);
  return link;
}

function byGlobalId(issue: Issue, globalId: string): RemoteLink {
  const link = issue.remoteLinks.find((candidate) => candidate.globalId === globalId);
  if (link === undefined) return failJira(404, [`No remote issue link with global id '${globalId}' exists on issue ${issue.key}.`]);
  return link;
}

/** Adds the remote link routes. */
export function remoteLinkRoutes(router: JiraRouter): void {
  const base = '/rest/api/3/issue/:issueIdOrKey/remotelink';
  router
    .get(base, (request, context) => {
      const { view } = authenticated(request, context);
      const issue = browseIssue(view, context.params.issueIdOrKey);
      const globalId = request.query.get('globalId');
      if (globalId !== null) return { status: 200, body: remoteLinkJson(view, issue, byGlobalId(issue, globalId)) };
      return { status: 200, body: issue.remoteLinks.map((link) => remoteLinkJson(view, issue, link)) };
    })
    .post(base, (request, context) => {
      const { view } = authenticated(request, context);
      const issue = workIssue(view, context.params.issueIdOrKey, 'link issues', 403);
      const fields = readRemoteLink(platformReader.jsonObject(request));
      const existing = fields.globalId === undefined ? undefined : issue.remoteLinks.find((link) => link.globalId === fields.globalId);
      issue.updated = Date.now();
      if (existing !== undefined) {
        Object.assign(existing, fields);
        return { status: 200, body: { id: existing.id, self: remoteLinkJson(view, issue, existing).self } };
      }
      if (issue.remoteLinks.length >= MAX_REMOTE_LINKS_PER_ISSUE) return failJira(413, [`Issue ${issue.key} has reached the limit of ${MAX_REMOTE_LINKS_PER_ISSUE} remote links.`]);
      const link: RemoteLink = { id: context.state.counters.remoteLinkId, ...fields };
      context.state.counters.remoteLinkId += 1;
      issue.remoteLinks.push(link);
      return { status: 201, body: { id: link.id, self: remoteLinkJson(view, issue, link).self } };
    })
    .delete(base, (request, context) => {
      const { view } = authenticated(request, context);
      const issue = workIssue(view, context.params.issueIdOrKey, 'link issues', 403);
      const globalId = request.query.get('globalId');
      if (globalId === null || globalId === '') return failJira(400, ['The globalId parameter is required.']);
      const link = byGlobalId(issue, globalId);
      issue.remoteLinks = issue.remoteLinks.filter((candidate) => candidate !== link);
      issue.updated = Date.now();
      return { status: 204 };
    })
    .get(`${base}/:linkId`, (request, context) => {
      const { view } = authenticated(request, context);
      const issue = browseIssue(view, context.params.issueIdOrKey);
      return { status: 200, body: remoteLinkJson(view, issue, findRemoteLink(issue, context.params.linkId)) };
    })
    .put(`${base}/:linkId`, (request, context) => {
      const { view } = authenticated(request, context);
      const issue = workIssue(view, context.params.issueIdOrKey, 'link issues', 403);
      const link = findRemoteLink(issue, context.params.linkId);
      const fields = readRemoteLink(platformReader.jsonObject(request));
      if (fields.globalId !== undefined && issue.remoteLinks.some((other) => other !== link && other.globalId === fields.globalId)) {
        return failFields({ globalId: `Another remote issue link of ${issue.key} has the global id '${fields.globalId}'.` });
      }
      Object.assign(link, fields);
      issue.updated = Date.now();
      return { status: 204 };
    })
    .delete(`${base}/:linkId`, (request, context) => {
      const { view } = authenticated(request, context);
      const issue = workIssue(view, context.params.issueIdOrKey, 'link issues', 403);
      const link = findRemoteLink(issue, context.params.linkId);
      issue.remoteLinks = issue.remoteLinks.filter((candidate) => candidate !== link);
      issue.updated = Date.now();
      return { status: 204 };
    });
}
