/**
 * Answers Autotask's query endpoints for any entity:
 *
 * - `GET /{Entity}/query?search=<json>` and `POST /{Entity}/query` → `{ items, pageDetails }`, records
 *   by ascending id, at most `MaxRecords` (500) per page;
 * - `pageDetails = { count, requestCount, prevPageUrl, nextPageUrl }`: `nextPageUrl` is the absolute
 *   URL `<origin>/ATServicesRest/V1.0/{Entity}/query/next?paging=<token>`; for a GET-started query it
 *   also carries `&search=<json>` and is followed with GET; for a POST-started one it must be
 *   **POSTed with the same body** — a GET on it is Web API's 405
 *   `{"Message":"The requested resource does not support http method 'GET'."}`;
 * - the token holds the last id returned (the next page starts after it; the previous page ends
 *   before the first one), so pages stay consistent while records change: none is returned twice,
 *   none that matched throughout is skipped. It is bound to the entity and the filter: another
 *   filter with it is a 500;
 * - `GET /{Entity}/query/count?search=` and `POST /{Entity}/query/count` → `{ "queryCount": n }`.
 *
 * @module
 */
import { isJsonObject } from '../../readers.js';
import { decodePageToken, encodePageToken } from '../../search-after.js';
import type { SimRequest, SimResponse } from '../../simulator.js';
import { failAutotask, methodNotSupported } from '../errors.js';
import { queryJson } from '../http.js';
import { recordJson, selectFields } from '../serialize.js';
import type { EntityRecord, EntityTable } from '../table.js';
import { compileFilter, type CompiledFilter } from './filter.js';
import { filterScope, readQueryModel, type QueryModel } from './model.js';
import { countMatches, scanPage, type PageCursor } from './scan.js';

/** The 500 for a paging token that is malformed or belongs to another query. */
export const INVALID_PAGING = 'The paging information is invalid for this query.';

/** Options of the query answers. */
export interface QueryOptions {
  /**
   * A field the filter must constrain at its top level with `eq` or `in` (attachments must be
   * queried by their parent's id since Autotask 2021.1).
   */
  readonly requiredParentField?: string;
}

/** What the query answers need besides the request. */
export interface QueryContext<R extends EntityRecord> {
  readonly table: EntityTable<R>;
  /** The sandbox origin, for absolute page URLs. */
  readonly url: string;
  readonly options?: QueryOptions;
}

interface ParsedQuery {
  readonly model: QueryModel;
  readonly filter: CompiledFilter;
  /** The `search` text of a GET-started query (kept in its page URLs); `undefined` for POST. */
  readonly searchText: string | undefined;
}

function parse<R extends EntityRecord>(request: SimRequest, { table, options }: QueryContext<R>): ParsedQuery {
  const model = readQueryModel(queryJson(request));
  const filter = compileFilter(table.entity, model.filter);
  const parent = options?.requiredParentField;
  if (parent !== undefined) {
    const constrained = filter.conditions.some((condition) => condition.kind === 'field' && condition.field.name === parent && (condition.op === 'eq' || condition.op === 'in'));
    if (!constrained) failAutotask(`A query of ${table.entity.name} must filter on ${parent}.`);
  }
  return { model, filter, searchText: request.method === 'POST' ? undefined : (request.query.get('search') ?? undefined) };
}

function scopeOf(table: EntityTable<EntityRecord>, model: QueryModel): string {
  return `${table.entity.name}|${filterScope(model.filter)}`;
}

function pageUrl(context: QueryContext<EntityRecord>, token: string, searchText: string | undefined): string {
  const base = `${context.url}/ATServicesRest/V1.0/${context.table.entity.name}/query/next?paging=${token}`;
  return searchText === undefined ? base : `${base}&search=${encodeURIComponent(searchText)}`;
}

function answerPage<R extends EntityRecord>(context: QueryContext<R>, parsed: ParsedQuery, cursor: PageCursor): SimResponse {
  const { table } = context;
  const { model, filter, searchText } = parsed;
  const selection = selectFields(table.entity, model.includeFields);
  const page = scanPage(table, filter, cursor, model.maxRecords);
  const scope = scopeOf(table as EntityTable<EntityRecord>, model);
  const first = page.items[0];
  const last = page.items.at(-1);
  const generic = context as QueryContext<EntityRecord>;
  const nextPageUrl = page.hasNext && last !== undefined ? pageUrl(generic, encodePageToken({ a: last.id }, scope), searchText) : null;
  const prevPageUrl = page.hasPrevious && first !== undefined ? pageUrl(generic, encodePageToken({ b: first.id }, scope), searchText) : null;
  return {
    status: 200,
    body: {
      items: page.items.map((record) => recordJson(table, record, { selection })),
      pageDetails: { count: page.items.length, requestCount: model.maxRecords, prevPageUrl, nextPageUrl },
    },
  };
}

/** `GET|POST /{Entity}/query`: the first page. */
export function queryFirstPage<R extends EntityRecord>(request: SimRequest, context: QueryContext<R>): SimResponse {
  return answerPage(context, parse(request, context), undefined);
}

/** `GET|POST /{Entity}/query/next?paging=`: the page the token points at. */
export function queryNextPage<R extends EntityRecord>(request: SimRequest, context: QueryContext<R>): SimResponse {
  // A POST-started query's page URL has no `search`: Web API finds no GET action for it.
  if (request.method !== 'POST' && request.query.get('search') === null) return methodNotSupported(request.method);
  const parsed = parse(request, context);
  const position = decodePageToken(request.query.get('paging') ?? '', scopeOf(context.table as EntityTable<EntityRecord>, parsed.model));
  let cursor: PageCursor;
  if (isJsonObject(position)) {
    if (typeof position.a === 'number') cursor = { after: position.a };
    else if (typeof position.b === 'number') cursor = { before: position.b };
  }
  if (cursor === undefined) failAutotask(INVALID_PAGING);
  return answerPage(context, parsed, cursor);
}

/** `GET|POST /{Entity}/query/count`. */
export function queryCount<R extends EntityRecord>(request: SimRequest, context: QueryContext<R>): SimResponse {
  const { filter } = parse(request, context);
  return { status: 200, body: { queryCount: countMatches(context.table, filter) } };
}

/**
 * A child collection (`GET /Tickets/{id}/Notes`): the first page of the query "`parentField` eq
 * `parentId`", as a GET-started query, so its `nextPageUrl` is a GET.
 */
export function childCollection<R extends EntityRecord>(context: QueryContext<R>, parentField: string, parentId: number): SimResponse {
  const searchText = JSON.stringify({ filter: [{ op: 'eq', field: parentField, value: parentId }] });
  const model = readQueryModel(JSON.parse(searchText));
  return answerPage(context, { model, filter: compileFilter(context.table.entity, model.filter), searchText }, undefined);
}
