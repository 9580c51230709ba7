/**
 * The OData business-object endpoints: `GET|POST /api/odata/businessobject/{set}` and
 * `GET|PUT|PATCH|DELETE /api/odata/businessobject/{set}('{RecId}')`.
 *
 * Collections page with `$top` (default 25, at most 100: 101 is a 400) and `$skip`, filter with
 * Ivanti's `$filter` dialect, search with `$search`, sort with `$orderby`, and project with
 * `$select`; `@odata.count` comes unasked. The "no rows" answers are Ivanti's: an entity set with
 * nothing to show is a **200 with an empty body**; a misspelt `$orderby` is a **204**. A single
 * record asked for with `$select` answers only its `@odata.context`. A role that cannot read an
 * object sees it as empty.
 *
 * @module
 */
import { offsetPage } from '../../offset-page.js';
import { SimResponseError, type SimRequest, type SimResponse } from '../../simulator.js';
import { canRead, type Caller, type IvantiContext } from '../auth.js';
import { failBadRequest, failRecordNotFound, failRights, notFoundPath, serverError } from '../errors.js';
import { DEFAULT_TOP, MAX_TOP, read } from '../http.js';
import { parseOrderBy, type SortClause } from '../odata/orderby.js';
import { runQuery } from '../odata/query.js';
import { parseSelect } from '../odata/select.js';
import type { BusinessObjectDef } from '../schema.js';
import { collectionJson, entityJson, odataRoot } from '../serialize.js';
import { store } from '../store.js';
import type { Row } from '../table.js';
import { createRecord, deleteRecord, updateRecord } from '../write.js';
import { readableRow, requireKey, resolve, type IvantiRouter } from './context.js';

/** The collection options of a request, checked in Ivanti's order. */
export interface CollectionOptions {
  readonly top: number;
  readonly skip: number;
  readonly select: string[] | undefined;
  /** `undefined` for the default order, `'invalid'` for an `$orderby` Ivanti answers with 204. */
  readonly orderBy: SortClause[] | undefined | 'invalid';
  readonly filter: string | undefined;
  readonly search: string | undefined;
}

/** Reads `$top`, `$skip`, `$select`, `$orderby`, `$filter` and `$search`; throws Ivanti's answers to bad ones. */
export function collectionOptions(request: SimRequest, object: BusinessObjectDef): CollectionOptions {
  const top = read.integer(request, '$top', DEFAULT_TOP, { min: 0, max: MAX_TOP });
  const skip = read.integer(request, '$skip', 0, { min: 0 });
  const selectText = request.query.get('$select');
  if (selectText !== null && selectText.trim() === '') throw500('The Select value cannot be empty. Provide a valid Select value and try again');
  const orderText = request.query.get('$orderby');
  if (orderText !== null && orderText.trim() === '') throw500("The parameter 'orderby' cannot be empty. Provide a valid orderby value and try again");
  const searchText = request.query.get('$search');
  if (searchText !== null && searchText.trim() === '') failBadRequest('Search keyword cannot be blank, provide a keyword and try again');
  const filterText = request.query.get('$filter');
  return {
    top,
    skip,
    select: selectText === null ? undefined : parseSelect(selectText, object),
    orderBy: orderText === null ? undefined : (parseOrderBy(orderText, object) ?? 'invalid'),
    filter: filterText === null || filterText.trim() === '' ? undefined : filterText,
    search: searchText ?? undefined,
  };
}

function throw500(message: string): never {
  throw new SimResponseError(serverError(message));
}

/** The rows of a page, looked up by RecId. */
export function rowsOf(context: IvantiContext, object: BusinessObjectDef, recIds: readonly string[]): Row[] {
  return recIds.map((recId) => store.row(context.state, object, recId)).filter((row): row is Row => row !== undefined);
}

function list(request: SimRequest, context: IvantiContext, caller: Caller, object: BusinessObjectDef): SimResponse {
  const options = collectionOptions(request, object);
  if (options.orderBy === 'invalid') return { status: 204 };
  const recIds = canRead(caller, object) ? runQuery(context.state, { object, filter: options.filter, search: options.search, orderBy: options.orderBy }) : [];
  const page = offsetPage(recIds, options.skip, options.top);
  if (page.items.length === 0) return { status: 200 };
  return { status: 200, body: collectionJson(context.url, context.state, object, rowsOf(context, object, page.items), page.total, options.select) };
}

function getOne(request: SimRequest, context: IvantiContext, caller: Caller, object: BusinessObjectDef, key: string): SimResponse {
  const row = readableRow(context.state, caller, object, key);
  if (request.query.has('$select')) {
    return { status: 200, body: { '@odata.context': `${odataRoot(context.url, context.state)}/$metadata#${object.entitySet}/$entity` } };
  }
  return { status: 200, body: entityJson(context.url, context.state, object, row) };
}

/** Adds the business-object routes. */
export function odataRoutes(router: IvantiRouter): void {
  router
    .get('/api/odata/businessobject/:segment', (request, context) => {
      if (context.params.segment === '$metadata') return notFoundPath();
      const { caller, object, segment } = resolve(request, context, context.params.segment);
      return segment.key === undefined ? list(request, context, caller, object) : getOne(request, context, caller, object, requireKey(segment));
    })
    .post('/api/odata/businessobject/:segment', (request, context) => {
      const { caller, object, segment } = resolve(request, context, context.params.segment);
      if (segment.key !== undefined) return failBadRequest('Invalid Request Payload');
      const body = read.jsonObject(request);
      if (object.table === 'attachments') failRights(caller.role.name, `create object ${object.adminId}.`);
      const row = createRecord(context.state, object, body, caller);
      return { status: 201, body: entityJson(context.url, context.state, object, row) };
    })
    .route(['PUT', 'PATCH'], '/api/odata/businessobject/:segment', (request, context) => {
      const { caller, object, segment } = resolve(request, context, context.params.segment);
      const key = requireKey(segment);
      const row = canRead(caller, object) ? store.row(context.state, object, key) : undefined;
      if (row === undefined) return failRecordNotFound(key, object.name);
      const body = read.jsonObject(request);
      updateRecord(context.state, object, row, body, caller);
      return { status: 200, body: entityJson(context.url, context.state, object, row) };
    })
    .delete('/api/odata/businessobject/:segment', (request, context) => {
      const { caller, object, segment } = resolve(request, context, context.params.segment);
      const key = requireKey(segment);
      const row = canRead(caller, object) ? store.row(context.state, object, key) : undefined;
      if (row === undefined) return failRecordNotFound(key, object.name);
      deleteRecord(context.state, object, row, caller);
      return { status: 204 };
    });
}
