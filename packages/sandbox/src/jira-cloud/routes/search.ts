/**
 * Search: the enhanced `GET|POST /rest/api/3/search/jql` (`{ issues, nextPageToken, isLast }`, no
 * `total`; opaque `nextPageToken`, absent on the last page; default `fields` = `id`; `maxResults`
 * default 50, at most 5000 when only ids/keys are asked for, else 100; the JQL must be bounded;
 * `reconcileIssues` takes numeric ids),
 * `POST /rest/api/3/search/approximate-count`, `POST /rest/api/3/jql/parse`, and the removed
 * `/rest/api/{2,3,latest}/search` that now answers **410 Gone**.
 *
 * An anonymous caller — including one whose credentials were refused, Jira's silent-failure quirk —
 * gets an empty 200 instead of an error (the simulator adds `X-Seraph-LoginReason:
 * AUTHENTICATED_FAILED` to every answer to refused credentials).
 *
 * Consistency, the simulator's choice: Jira's search index is eventually consistent (a fresh write
 * may be missing for a while unless its id is in `reconcileIssues`); the simulator's is not — every
 * write is visible at once, so `reconcileIssues` is validated and then has nothing to do.
 *
 * Paging under concurrent writes follows Jira's cursor semantics. Jira's page token (a protobuf
 * carrying the last issue's sort values, e.g. `#String&…%Int&…` for the key, the page size and the
 * JQL) is a search-after cursor, not an offset; so is the simulator's, the framework's
 * `searchAfterPage` token holding the last issue's sort position and a hash of the JQL. The next page
 * starts after that issue wherever it now stands: no issue that stays in the result is lost or
 * repeated; one that is updated into the part not yet read comes once more.
 *
 * @module
 */
import { isJsonObject, listParam } from '../../readers.js';
import { searchAfterPage } from '../../search-after.js';
import { SimResponseError, type SimRequest, type SimResponse } from '../../simulator.js';
import { optionalUser, requireUser } from '../auth.js';
import { failJira, jiraError, SEARCH_REMOVED } from '../errors.js';
import { platformReader } from '../http.js';
import { browsableIssues, compileIssueQuery } from '../jql-fields.js';
import { JqlError, jqlMessages, jqlStructure, parseJql, quoteJqlString, type CompiledJql, type JqlRanked, type JqlSortPosition } from '../jql/index.js';
import { searchResult } from '../search-results.js';
import { FIELD_NAMES, fieldSchema, issueJson, selectFields, type View } from '../serialize.js';
import type { Issue } from '../store.js';
import { expandSet, viewFor, type JiraContext, type JiraRouter } from './context.js';

/** The largest page when only ids or keys are asked for (the spec: "It returns max 5000 issues"). */
export const SEARCH_MAX_IDS = 5000;
/** The largest page when fields are asked for (inferred: Jira returns fewer issues per page with fields). */
export const SEARCH_MAX_WITH_FIELDS = 100;
const COUNT_BODY_KEYS = new Set(['jql']);
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

/** Jira's answer to a page token of another query, or one it cannot read. */
const INVALID_TOKEN = 'The provided next page token is invalid or expired.';

/** Jira's JSON reader's answer to a `reconcileIssues` item that is not a number (an issue key, say). */
function notAnIssueId(value: unknown): never {
  return failJira(400, [`Cannot deserialize value of type \`java.lang.Long\` from String ${JSON.stringify(String(value))}: not a valid \`java.lang.Long\` value (reconcileIssues takes numeric issue ids)`]);
}

function readIds(values: readonly unknown[]): number[] {
  return values.map((value) => {
    const id = typeof value === 'number' ? value : typeof value === 'string' && /^\d+$/u.test(value.trim()) ? Number(value) : Number.NaN;
    return Number.isSafeInteger(id) ? id : notAnIssueId(value);
  });
}

function readGet(request: SimRequest): SearchInput {
  const query = request.query;
  const maxResults = query.has('maxResults') ? platformReader.integer(request, 'maxResults', 50) : undefined;
  return {
    jql: query.get('jql') ?? '',
    nextPageToken: query.get('nextPageToken') ?? undefined,
    maxResults,
    fields: listParam(request, 'fields'),
    expand: expandSet(query.getAll('expand')),
    properties: listParam(request, 'properties') ?? [],
    reconcileIssues: readIds(listParam(request, 'reconcileIssues') ?? []),
  };
}

/** A JSON body of a bean with `additionalProperties: false`: an unknown key is Jira's 400. */
function readBean(request: SimRequest, bean: string, keys: ReadonlySet<string>): Record<string, unknown> {
  const body = platformReader.jsonObject(request);
  const unknown = Object.keys(body).find((key) => !keys.has(key));
  if (unknown !== undefined) return failJira(400, [`Unrecognized field "${unknown}" (class ${bean}), not marked as ignorable`]);
  return body;
}

function readPost(request: SimRequest): SearchInput {
  const body = readBean(request, 'SearchAndReconcileRequestBean', SEARCH_BODY_KEYS);
  // `expand` is a comma-delimited string even here (the spec says so, unlike every other expand).
  if (Array.isArray(body.expand) || isJsonObject(body.expand)) {
    const kind = Array.isArray(body.expand) ? 'Array' : 'Object';
    return failJira(400, [`Cannot deserialize value of type \`java.lang.String\` from ${kind} value: expand is a comma-delimited string such as "names,changelog"`]);
  }
  const strings = (value: unknown) => (Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : typeof value === 'string' ? value.split(',') : undefined);
  if (body.maxResults !== undefined && (typeof body.maxResults !== 'number' || !Number.isInteger(body.maxResults))) {
    return failJira(400, ['The maxResults parameter must be an integer.']);
  }
  return {
    jql: typeof body.jql === 'string' ? body.jql : '',
    nextPageToken: typeof body.nextPageToken === 'string' ? body.nextPageToken : undefined,
    maxResults: typeof body.maxResults === 'number' ? body.maxResults : undefined,
    fields: strings(body.fields)?.map((field) => field.trim()).filter((field) => field !== ''),
    expand: expandSet(typeof body.expand === 'string' || typeof body.expand === 'number' || typeof body.expand === 'boolean' ? String(body.expand) : undefined),
    properties: strings(body.properties) ?? [],
    reconcileIssues: Array.isArray(body.reconcileIssues) ? readIds(body.reconcileIssues) : body.reconcileIssues === undefined || body.reconcileIssues === null ? [] : notAnIssueId(body.reconcileIssues),
  };
}

/** The result of a bounded query for the caller, sorted; JQL errors become Jira's 400. */
interface QueryResult {
  /** The matches, sorted, each with its sort position. */
  readonly ranked: readonly JqlRanked<Issue>[];
  /** The compiled query (absent when an anonymous caller's query names values it cannot see). */
  readonly compiled: CompiledJql<Issue> | undefined;
}

/** A query of nothing but words (letters, digits, `_`, `-`, `'`), such as `vpn keeps dropping`. */
const BARE_WORDS = /^[\p{L}\p{N}_'-]+(?:\s+[\p{L}\p{N}_'-]+)*$/u;

/**
 * The query the enhanced search runs for `jql`: the JQL itself, or — when it does not parse and is
 * nothing but bare words — a text search for those words (`text ~ "…"`). Jira Cloud's enhanced
 * search answers `this is not jql` with 200 and the issues that match the text (jira.js's live
 * suite against Jira Cloud, `tests/live/cloud/issueSearch.test.ts`: "accepts bare words as a text
 * search rather than rejecting them"), while a query that is malformed in any other way (an
 * unfinished string, an unbalanced parenthesis) is still a 400.
 */
export function enhancedSearchJql(jql: string): string {
  try {
    parseJql(jql);
    return jql;
  } catch (error) {
    if (error instanceof JqlError && error.kind === 'syntax' && BARE_WORDS.test(jql.trim())) return `text ~ ${quoteJqlString(jql.trim())}`;
    throw error;
  }
}

/**
 * Runs `run` on the query `jql` stands for, which must be bounded. JQL errors become Jira's 400,
 * except an anonymous caller's value errors: it cannot see any project, so they are hidden behind
 * the empty result `hidden`.
 */
function withQuery<T>(jql: string, anonymous: boolean, hidden: T, run: (query: string) => T): T {
  try {
    const query = enhancedSearchJql(jql);
    if (parseJql(query).where === undefined) return failJira(400, [jqlMessages.unbounded]);
    return run(query);
  } catch (error) {
    if (error instanceof JqlError) {
      if (anonymous && error.kind === 'validation') return hidden;
      throw new SimResponseError(jiraError(400, error.errorMessages));
    }
    throw error;
  }
}

function search(request: SimRequest, context: JiraContext, input: SearchInput): SimResponse {
  const user = optionalUser(request, context);
  const view = viewFor(context, user);
  if (input.properties.length > 5) return failJira(400, ['The number of properties must not exceed 5.']);
  if (input.reconcileIssues.length > 50) return failJira(400, ['The number of reconcileIssues must not exceed 50.']);
  const anonymous = user === undefined;
  const nothing: QueryResult = { ranked: [], compiled: undefined };
  // A page that continues a search reuses the sorted result of the pages before it while nothing changed.
  const { ranked, compiled } = withQuery(input.jql, anonymous, nothing, (query) =>
    anonymous ? { ...nothing, compiled: compileIssueQuery(view, query) } : searchResult(view, query, input.nextPageToken !== undefined),
  );
  const fields = selectFields(input.fields, 'id');
  const cap = fields.idsOnly ? SEARCH_MAX_IDS : SEARCH_MAX_WITH_FIELDS;
  const size = Math.max(1, Math.min(cap, input.maxResults ?? 50));
  const { items, isLast, nextToken } = searchAfterPage(ranked, {
    token: input.nextPageToken,
    scope: input.jql,
    limit: size,
    positionOf: (match) => match.position,
    isPosition: (position): position is JqlSortPosition => Array.isArray(position),
    isAfter: (match, position) => compiled?.follows(match.position, position),
    invalidToken: () => jiraError(400, [INVALID_TOKEN]),
    // `ranked` is in the order `follows` tests, and `follows` refuses a position for every match or for none.
    ordered: true,
  });
  const page = items.map((match) => match.record);
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
  if (nextToken !== undefined) body.nextPageToken = nextToken;
  const returned = [...new Set(issues.flatMap((issue) => Object.keys((issue as { fields?: object }).fields ?? {})))];
  if (input.expand.has('names')) body.names = Object.fromEntries(returned.map((id) => [id, FIELD_NAMES[id] ?? id]));
  if (input.expand.has('schema')) body.schema = Object.fromEntries(returned.flatMap((id) => (fieldSchema(id) === undefined ? [] : [[id, fieldSchema(id)]])));
  return { status: 200, body };
}

/**
 * One query of `POST /jql/parse` (`ParsedJqlQuery`): a syntax error is an error in every mode, with
 * no structure; validation problems are errors (`strict`, no structure), warnings (`warn`, with the
 * structure) or not looked for (`none`).
 */
function parsedQuery(view: View, query: string, validation: 'strict' | 'warn' | 'none'): Record<string, unknown> {
  let structure: Record<string, unknown>;
  try {
    structure = jqlStructure(parseJql(query));
  } catch (error) {
    if (error instanceof JqlError) return { query, errors: [...error.errorMessages] };
    throw error;
  }
  if (validation === 'none') return { query, structure };
  try {
    compileIssueQuery(view, query);
    return { query, structure };
  } catch (error) {
    if (!(error instanceof JqlError)) throw error;
    if (validation === 'warn' && error.kind === 'validation') return { query, structure, warnings: [...error.errorMessages] };
    return { query, errors: [...error.errorMessages] };
  }
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
      const body = readBean(request, 'JQLCountRequestBean', COUNT_BODY_KEYS);
      const jql = typeof body.jql === 'string' ? body.jql : '';
      const anonymous = user === undefined;
      const count = withQuery(jql, anonymous, 0, (query) => {
        const compiled = compileIssueQuery(view, query);
        return anonymous ? 0 : browsableIssues(view).filter((issue) => compiled.matches(issue)).length;
      });
      return { status: 200, body: { count } };
    })
    .post('/rest/api/3/jql/parse', (request, context) => {
      const user = requireUser(request, context);
      const view = viewFor(context, user);
      const body = platformReader.jsonObject(request);
      if (!Array.isArray(body.queries) || !body.queries.every((query) => typeof query === 'string')) {
        return failJira(400, ['The queries field is required and must be a list of JQL strings.']);
      }
      const validation = request.query.get('validation') ?? 'strict';
      if (!['strict', 'warn', 'none'].includes(validation)) {
        return failJira(400, [`The value '${validation}' is not valid for 'validation'. Valid values are: strict, warn, none.`]);
      }
      const queries = (body.queries as string[]).map((query) => parsedQuery(view, query, validation as 'strict' | 'warn' | 'none'));
      return { status: 200, body: { queries } };
    })
    .route(['GET', 'POST'], '/rest/api/3/search', gone)
    .route(['GET', 'POST'], '/rest/api/2/search', gone)
    .route(['GET', 'POST'], '/rest/api/latest/search', gone)
    .route('POST', '/rest/api/3/search/id', gone);
}
