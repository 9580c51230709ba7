/**
 * REST v2 for rich text: the platform's v2 issue, comment and worklog routes take and give rich
 * text as wiki-markup strings where v3 uses ADF. jira.js, among others, sends string descriptions
 * and comments there (`POST /rest/api/2/issue`, `POST|PUT /rest/api/2/issue/{key}/comment[/{id}]`,
 * `POST|PUT /rest/api/2/issue/{key}/worklog[/{id}]`) and reads the result back through v3.
 *
 * A middleware, because the routes are v3's with a conversion on each side: a v2 request for one of
 * {@link V2_ROUTES} goes on as the v3 request, its strings (`fields.description`,
 * `fields.environment`, `update.description[].set`, `update.comment[].add.body`, a comment's `body`,
 * a worklog's `comment`) turned into documents with {@link wikiToAdf}; the v3 answer comes back with
 * its documents written as markup ({@link adfToWiki}) and its `self` links on v2. A rich-text value
 * that is not a string is v2's 400 ("Operation value must be a string"). Other v2 paths are not
 * served (except the removed search, which answers 410).
 *
 * @module
 */
import type { Middleware } from '../middleware.js';
import { isJsonObject, type JsonObject } from '../readers.js';
import { createSimRequest } from '../request.js';
import type { SimRequest, SimResponse } from '../simulator.js';
import type { AdfNode } from './adf.js';
import type { JiraCredentials } from './auth.js';
import { failFields } from './errors.js';
import type { JiraState } from './store.js';
import { adfToWiki, wikiToAdf } from './wiki.js';

/** The v3 routes REST v2 also serves, with wiki markup for rich text. */
export const V2_ROUTES: ReadonlySet<string> = new Set([
  '/rest/api/3/issue',
  '/rest/api/3/issue/:issueIdOrKey',
  '/rest/api/3/issue/:issueIdOrKey/comment',
  '/rest/api/3/issue/:issueIdOrKey/comment/:id',
  '/rest/api/3/issue/:issueIdOrKey/worklog',
  '/rest/api/3/issue/:issueIdOrKey/worklog/:id',
]);

const V2_PREFIX = '/rest/api/2/';
const V3_PREFIX = '/rest/api/3/';
const MUST_BE_STRING = 'Operation value must be a string';

/** A rich-text value of a v2 request as a document; a non-string is recorded in `errors`. */
function toDocument(value: unknown, field: string, errors: Record<string, string>): unknown {
  if (value === null || value === undefined) return value;
  if (typeof value !== 'string') {
    errors[field] = MUST_BE_STRING;
    return value;
  }
  return wikiToAdf(value);
}

/** The v2 request body with its markup turned into documents (a body that is not a JSON object is left alone). */
function v3Body(body: JsonObject, route: string): JsonObject {
  const errors: Record<string, string> = {};
  const out: JsonObject = { ...body };
  if (route === '/rest/api/3/issue' || route === '/rest/api/3/issue/:issueIdOrKey') {
    if (isJsonObject(body.fields)) {
      const fields: JsonObject = { ...body.fields };
      for (const name of ['description', 'environment']) if (name in fields) fields[name] = toDocument(fields[name], name, errors);
      out.fields = fields;
    }
    if (isJsonObject(body.update)) {
      const update: JsonObject = { ...body.update };
      const description = update.description;
      if (Array.isArray(description)) {
        update.description = description.map((operation) => (isJsonObject(operation) && 'set' in operation ? { ...operation, set: toDocument(operation.set, 'description', errors) } : operation));
      }
      const comment = update.comment;
      if (Array.isArray(comment)) {
        update.comment = comment.map((operation) =>
          isJsonObject(operation) && isJsonObject(operation.add) ? { ...operation, add: { ...operation.add, body: toDocument(operation.add.body, 'comment', errors) } } : operation,
        );
      }
      out.update = update;
    }
  } else if (route.includes('/comment')) {
    if ('body' in body) out.body = toDocument(body.body, 'comment', errors);
  } else if ('comment' in body) {
    out.comment = toDocument(body.comment, 'comment', errors);
  }
  if (Object.keys(errors).length > 0) failFields(errors);
  return out;
}

function markup(value: unknown): unknown {
  return isJsonObject(value) && value.type === 'doc' ? adfToWiki(value as unknown as AdfNode) : value;
}

function commentV2(comment: unknown): unknown {
  return isJsonObject(comment) ? { ...comment, body: markup(comment.body), self: v2Link(comment.self) } : comment;
}

function worklogV2(worklog: unknown): unknown {
  return isJsonObject(worklog) ? { ...worklog, ...('comment' in worklog ? { comment: markup(worklog.comment) } : {}), self: v2Link(worklog.self) } : worklog;
}

function v2Link(value: unknown): unknown {
  return typeof value === 'string' ? value.replace(V3_PREFIX, V2_PREFIX) : value;
}

/** The v3 answer as v2 gives it: documents as markup, `self` on v2. */
function v2Body(body: unknown, route: string): unknown {
  if (Array.isArray(body) || !isJsonObject(body)) return body;
  if (route.endsWith('/comment/:id')) return commentV2(body);
  if (route.endsWith('/comment')) return Array.isArray(body.comments) ? { ...body, comments: body.comments.map(commentV2) } : commentV2(body);
  if (route.endsWith('/worklog/:id')) return worklogV2(body);
  if (route.endsWith('/worklog')) return Array.isArray(body.worklogs) ? { ...body, worklogs: body.worklogs.map(worklogV2) } : worklogV2(body);
  const out: JsonObject = { ...body, self: v2Link(body.self) };
  if (isJsonObject(body.fields)) {
    const fields: JsonObject = { ...body.fields };
    for (const name of ['description', 'environment']) if (name in fields) fields[name] = markup(fields[name]);
    if (isJsonObject(fields.comment) && Array.isArray(fields.comment.comments)) fields.comment = { ...fields.comment, comments: fields.comment.comments.map(commentV2) };
    if (isJsonObject(fields.worklog) && Array.isArray(fields.worklog.worklogs)) fields.worklog = { ...fields.worklog, worklogs: fields.worklog.worklogs.map(worklogV2) };
    out.fields = fields;
  }
  return out;
}

/** The v3 request for a v2 one: path, and a JSON object body with its markup converted. */
function v3Request(request: SimRequest, path: string, route: string): SimRequest {
  let body: unknown;
  try {
    body = request.text().trim() === '' ? undefined : request.json();
  } catch {
    body = undefined;
  }
  const converted = isJsonObject(body) ? JSON.stringify(v3Body(body, route)) : request.body;
  const query = request.query.toString();
  return createSimRequest({ method: request.method, target: `${path}${query === '' ? '' : `?${query}`}`, headers: request.headers, body: converted });
}

/**
 * Serves {@link V2_ROUTES} under `/rest/api/2`; `resolve` is the router's, to tell which v3 route a
 * path reaches.
 */
export function restV2(resolve: (method: string, path: string) => string | undefined): Middleware<JiraState, JiraCredentials> {
  return async (request, _context, next) => {
    if (!request.path.startsWith(V2_PREFIX)) return next();
    const path = `${V3_PREFIX}${request.path.slice(V2_PREFIX.length)}`;
    const route = resolve(request.method, path);
    if (route === undefined || !V2_ROUTES.has(route)) return next();
    const response: SimResponse = await next(v3Request(request, path, route));
    if (response.status >= 300 || response.body === undefined) return response;
    return { ...response, body: v2Body(response.body, route) as SimResponse['body'] };
  };
}
