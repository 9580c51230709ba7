/**
 * Search: the enhanced `GET|POST /rest/api/3/search/jql` (`{ issues, nextPageToken, isLast }`, no
 * `total`; opaque `nextPageToken`, absent on the last page; default `fields` = `id`; `maxResults`
 * default 50, at most 5000 when only ids/keys are asked for, else 100; the JQL must be bounded),
 * `POST /rest/api/3/search/approximate-count`, `POST /rest/api/3/jql/parse`, and the removed
 * `/rest/api/{2,3,latest}/search` that now answers **410 Gone**.
 *
 * An anonymous caller — including one whose credentials were refused, Jira's silent-failure quirk —
 * gets an empty 200 with `X-Seraph-LoginReason: AUTHENTICATED_FAILED` instead of an error.
 *
 * @module
 */
import { createHash } from 'node:crypto';
import { SimResponseError, type SimRequest, type SimResponse } from '../../simulator.js';
import { callerOf, optionalUser, requireUser } from '../auth.js';
import { failJira, jiraError, SEARCH_REMOVED } from '../errors.js';
import { intParam, isObject, listParam, readJsonObject } from '../http.js';
import { browsableIssues, compileIssueQuery } from '../jql-fields.js';
import { JqlError, jqlMessages, parseJql } from '../jql/index.js';
import { FIELD_NAMES, fieldSchema, issueJson, selectFields, type View } from '../serialize.js';
import type { Issue } from '../store.js';
import { expandSet, viewFor, type JiraContext, type JiraRouter } from './context.js';

/** The largest page when only ids or keys are asked for (the spec: "It returns max 5000 issues"). */
export const SEARCH_MAX_IDS = 5000;
/** The largest page when fields are asked for (inferred: Jira returns fewer issues per page with fields). */
export const SEARCH_MAX_WITH_FIELDS = 100;
const SEARCH_BODY_KEYS = new Set(['jql', 'nextPageToken', 'maxResults', 'fields', 'expand', 'properties', 'fieldsByKeys', 'failFast', 'reconcileIssues']);

interface SearchInput {
  readonly jql: string;
  readonly nextPageToken: string | undefined;
  readonly maxResults: number | undefined;
  readonly fields: string[] | undefined;
  readonly expand: Set<string>;
  readonly properties: string[];
  readonly reconcileIssues: number[];
}

function queryHash(jql: string): string {
  return createHash('sha256').update(jql).digest('base64url').slice(0, 12);
}

/** An opaque page token: the offset and a hash of the query it belongs to. */
function encodeToken(offset: number, jql: string): string {
  return Buffer.from(JSON.stringify({ o: offset, q: queryHash(jql) })).toString('base64url');
}

function decodeToken(token: string, jql: string): number {
  try {
    const value: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (isObject(value) && typeof value.o === 'number' && Number.isSafeInteger(value.o) && value.o >= 0 && value.q === queryHash(jql)) return value.o;
  } catch {
    // fall through
  }
  return failJira(400, ['The provided next page token is invalid or expired.']);
}

function readGet(request: SimRequest): SearchInput {
  const query = request.query;
  const maxResults = query.has('maxResults') ? intParam(query, 'maxResults', 50) : undefined;
  return {
    jql: query.get('jql') ?? '',
    nextPageToken: query.get('nextPageToken') ?? undefined,
    maxResults,
    fields: listParam(query, 'fields'),
    expand: expandSet(query.getAll('expand')),
    properties: listParam(query, 'properties') ?? [],
    reconcileIssues: (listParam(query, 'reconcileIssues') ?? []).map(Number).filter(Number.isSafeInteger),
  };
}

function readPost(request: SimRequest): SearchInput {
  const body = readJsonObject(request);
  const unknown = Object.keys(body).find((key) => !SEARCH_BODY_KEYS.has(key));
  if (unknown !== undefined) return failJira(400, [`Unrecognized field "${unknown}" (class SearchAndReconcileRequestBean), not marked as ignorable`]);
  const strings = (value: unknown) => (Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : typeof value === 'string' ? value.split(',') : undefined);
  if (body.maxResults !== undefined && (typeof body.maxResults !== 'number' || !Number.isInteger(body.maxResults))) {
    return failJira(400, ['The maxResults parameter must be an integer.']);
  }
  return {
    jql: typeof body.jql === 'string' ? body.jql : '',
    nextPageToken: typeof body.nextPageToken === 'string' ? body.nextPageToken : undefined,
    maxResults: typeof body.maxResults === 'number' ? body.maxResults : undefined,
    fields: strings(body.fields)?.map((field) => field.trim()).filter((field) => field !== ''),
    expand: expandSet(typeof body.expand === 'string' ? body.expand : strings(body.expand)),
    properties: strings(body.properties) ?? [],
    reconcileIssues: Array.isArray(body.reconcileIssues) ? body.reconcileIssues.filter((id): id is number => typeof id === 'number' && Number.isSafeInteger(id)) : [],
  };
}

/** Runs a bounded query for the caller; JQL errors become Jira's 400. */
function runQuery(view: View, jql: string, anonymous: boolean): Issue[] {
  try {
    if (parseJql(jql).where === undefined) return failJira(400, [jqlMessages.unbounded]);
    const compiled = compileIssueQuery(view, jql);
    return anonymous ? [] : compiled.select(browsableIssues(view));
  } catch (error) {
    if (error instanceof JqlError) {
      // An anonymous caller cannot see any project, so its value errors are hidden behind an empty result.
      if (anonymous && error.kind === 'validation') return [];
      throw new SimResponseError(jiraError(400, error.errorMessages));
    }
    throw error;
  }
}

function search(request: SimRequest, context: JiraContext, input: SearchInput): SimResponse {
  const user = optionalUser(request, context);
  const view = viewFor(context, user);
  const failed = callerOf(request, context).credentialsFailed;
  const headers = failed ? { 'x-seraph-loginreason': 'AUTHENTICATED_FAILED' } : undefined;
  if (input.properties.length > 5) return failJira(400, ['The number of properties must not exceed 5.']);
  if (input.reconcileIssues.length > 50) return failJira(400, ['The number of reconcileIssues must not exceed 50.']);
  const matches = runQuery(view, input.jql, user === undefined);
  const fields = selectFields(input.fields, 'id');
  const cap = fields.idsOnly ? SEARCH_MAX_IDS : SEARCH_MAX_WITH_FIELDS;
  const size = Math.max(1, Math.min(cap, input.maxResults ?? 50));
  const offset = input.nextPageToken === undefined ? 0 : decodeToken(input.nextPageToken, input.jql);
  const page = matches.slice(offset, offset + size);
  const isLast = offset + page.length >= matches.length;
  const wantsKey = input.fields?.includes('key') ?? false;
  const issues = page.map((issue) => {
    if (fields.idsOnly && input.expand.size === 0 && input.properties.length === 0) {
      return wantsKey ? { id: String(issue.id), key: issue.key } : { id: String(issue.id) };
    }
    const json = issueJson(view, issue, { fields, expand: new Set([...input.expand].filter((item) => item !== 'names' && item !== 'schema')) });
    if (input.properties.length > 0) {
      json.properties = Object.fromEntries(issue.properties.filter((property) => input.properties.includes(property.key)).map((property) => [property.key, property.value]));
    }
    return json;
  });
  const body: Record<string, unknown> = { issues, isLast };
  if (!isLast) body.nextPageToken = encodeToken(offset + page.length, input.jql);
  const returned = [...new Set(issues.flatMap((issue) => Object.keys((issue as { fields?: object }).fields ?? {})))];
  if (input.expand.has('names')) body.names = Object.fromEntries(returned.map((id) => [id, FIELD_NAMES[id] ?? id]));
  if (input.expand.has('schema')) body.schema = Object.fromEntries(returned.flatMap((id) => (fieldSchema(id) === undefined ? [] : [[id, fieldSchema(id)]])));
  return headers === undefined ? { status: 200, body } : { status: 200, headers, body };
}

/** Adds the search routes. */
export function searchRoutes(router: JiraRouter): void {
  const gone = (): SimResponse => jiraError(410, [SEARCH_REMOVED]);
  router
    .get('/rest/api/3/search/jql', (request, context) => search(request, context, readGet(request)))
    .post('/rest/api/3/search/jql', (request, context) => search(request, context, readPost(request)))
    .post('/rest/api/3/search/approximate-count', (request, context) => {
      const user = optionalUser(request, context);
      const view = viewFor(context, user);
      const body = readJsonObject(request);
      const jql = typeof body.jql === 'string' ? body.jql : '';
      const count = runQuery(view, jql, user === undefined).length;
      const failed = callerOf(request, context).credentialsFailed;
      return failed ? { status: 200, headers: { 'x-seraph-loginreason': 'AUTHENTICATED_FAILED' }, body: { count } } : { status: 200, body: { count } };
    })
    .post('/rest/api/3/jql/parse', (request, context) => {
      const user = requireUser(request, context);
      const view = viewFor(context, user);
      const body = readJsonObject(request);
      if (!Array.isArray(body.queries) || !body.queries.every((query) => typeof query === 'string')) {
        return failJira(400, ['The queries field is required and must be a list of JQL strings.']);
      }
      const validation = request.query.get('validation') ?? 'strict';
      const queries = (body.queries as string[]).map((query) => {
        try {
          parseJql(query);
          if (validation !== 'none') compileIssueQuery(view, query);
          return { query };
        } catch (error) {
          if (!(error instanceof JqlError)) throw error;
          if (validation === 'warn' && error.kind === 'validation') return { query, warnings: [...error.errorMessages] };
          return { query, errors: [...error.errorMessages] };
        }
      });
      return { status: 200, body: { queries } };
    })
    .route(['GET', 'POST'], '/rest/api/3/search', gone)
    .route(['GET', 'POST'], '/rest/api/2/search', gone)
    .route(['GET', 'POST'], '/rest/api/latest/search', gone)
    .route('POST', '/rest/api/3/search/id', gone);
}
