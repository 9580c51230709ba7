/**
 * The routes below a record or an entity set:
 *
 * - `GET …/{set}('{RecId}')/{Relationship}`: related records; none is **200
 *   `{"value":"No instances found."}`** (a string, not an array);
 * - `PATCH|DELETE …/{set}('{RecId}')/{Relationship}('{TargetRecId}')/$Ref`: link and unlink, answered
 *   `{"code":"ISM_2000","description":"Ok","message":["Successfully Created the link"],"help":""}`;
 * - `POST …/{set}('{RecId}')/{QuickAction}`: a quick action (see `quick-actions.ts`);
 * - `GET …/{set}/{SavedSearch}?ActionId=…`: a saved search; none is a **204**.
 *
 * @module
 */
import { offsetPage } from '../../offset-page.js';
import { SimResponseError, type SimRequest, type SimResponse } from '../../simulator.js';
import { canRead, requireUpdate, type Caller, type IvantiContext } from '../auth.js';
import { failBadRequest, notFoundPath, ok } from '../errors.js';
import { DEFAULT_TOP, MAX_TOP, read } from '../http.js';
import { runQuery } from '../odata/query.js';
import { actionIdOf, runQuickAction } from '../quick-actions.js';
import { link, linkTarget, relatedRows, targetObject, unlink } from '../relations.js';
import { savedSearchScope } from '../saved-searches.js';
import type { BusinessObjectDef, RelationshipDef } from '../schema.js';
import { odataRoot, rowJson } from '../serialize.js';
import { store } from '../store.js';
import { collectionOptions, rowsOf } from './odata.js';
import { parseSegment, readableRow, requireKey, resolve, type IvantiRouter } from './context.js';

/**
 * The sentinel Ivanti answers for a relationship without records.
 *
 * @category Simulator
 */
export const NO_INSTANCES = 'No instances found.';

function relationshipOf(object: BusinessObjectDef, name: string): RelationshipDef {
  const relationship = object.relationships.find((candidate) => candidate.name.toLowerCase() === name.toLowerCase());
  if (relationship === undefined) return failNotFound();
  return relationship;
}

function failNotFound(): never {
  throw new SimResponseError(notFoundPath());
}

function related(request: SimRequest, context: IvantiContext, caller: Caller, object: BusinessObjectDef, key: string, name: string): SimResponse {
  const relationship = relationshipOf(object, name);
  const source = readableRow(context.state, caller, object, key);
  const target = targetObject(relationship);
  const top = read.integer(request, '$top', DEFAULT_TOP, { min: 0, max: MAX_TOP });
  const skip = read.integer(request, '$skip', 0, { min: 0 });
  const rows = canRead(caller, target) ? relatedRows(context.state, relationship, source) : [];
  const page = offsetPage(rows, skip, top);
  if (page.items.length === 0) return { status: 200, body: { value: NO_INSTANCES } };
  return {
    status: 200,
    body: {
      '@odata.context': `${odataRoot(context.url, context.state)}/$metadata#Collection(MetaData.${target.csdlType})`,
      value: page.items.map((row) => rowJson(context.state, target, row)),
    },
  };
}

function savedSearch(request: SimRequest, context: IvantiContext, caller: Caller, object: BusinessObjectDef, name: string): SimResponse {
  const search = object.savedSearches.find((candidate) => candidate.name.toLowerCase() === name.toLowerCase());
  if (search === undefined) return notFoundPath();
  const expected = actionIdOf(context.state, caller.role.name, object, search.name);
  const given = request.query.get('ActionId') ?? request.query.get('actionId');
  if (expected === undefined || given === null || given.toLowerCase() !== expected.toLowerCase()) {
    return failBadRequest(`The saved search '${search.name}' with ActionId '${given ?? ''}' is not available to role ${caller.role.name}.`);
  }
  const options = collectionOptions(request, object);
  if (options.orderBy === 'invalid') return { status: 204 };
  const recIds = canRead(caller, object)
    ? runQuery(context.state, { object, filter: options.filter, search: options.search, orderBy: options.orderBy, scope: savedSearchScope(context.state, search, caller) })
    : [];
  const page = offsetPage(recIds, options.skip, options.top);
  if (page.items.length === 0) return { status: 204 };
  const select = options.select === undefined ? undefined : new Set(options.select);
  const value = rowsOf(context, object, page.items).map((row) => {
    const json = rowJson(context.state, object, row);
    if (select !== undefined) for (const key of Object.keys(json)) if (!select.has(key)) json[key] = null;
    return json;
  });
  return { status: 200, body: { '@odata.context': `${odataRoot(context.url, context.state)}/$metadata#${object.entitySet}`, '@odata.count': page.total, value } };
}

function linkRoute(request: SimRequest, context: IvantiContext, raw: { segment: string; target: string }, linking: boolean): SimResponse {
  const { caller, object, segment } = resolve(request, context, raw.segment);
  const source = readableRow(context.state, caller, object, requireKey(segment));
  const targetSegment = parseSegment(raw.target);
  if (targetSegment === undefined) return notFoundPath();
  const relationship = relationshipOf(object, targetSegment.name);
  const target = linkTarget(context.state, relationship, requireKey(targetSegment));
  requireUpdate(caller, relationship.via.kind === 'parent' ? targetObject(relationship) : object, [relationship.name]);
  const changed = linking ? link(context.state, object, relationship, source, target) : unlink(context.state, relationship, source, target);
  if (changed !== undefined) {
    store.table(context.state, targetObject(relationship)).update(changed, { LastModBy: String(caller.employee.LoginID), LastModDateTime: store.stamp(context.state) });
  }
  store.touch(context.state);
  return ok(linking ? 'Successfully Created the link' : 'Successfully Deleted the link');
}

/** Adds the relationship, saved-search and quick-action routes. */
export function relatedRoutes(router: IvantiRouter): void {
  router
    .get('/api/odata/businessobject/:segment/:name', (request, context) => {
      const { caller, object, segment } = resolve(request, context, context.params.segment);
      if (segment.key === undefined) return savedSearch(request, context, caller, object, context.params.name);
      return related(request, context, caller, object, requireKey(segment), context.params.name);
    })
    .post('/api/odata/businessobject/:segment/:name', (request, context) => {
      const { caller, object, segment } = resolve(request, context, context.params.segment);
      const action = object.quickActions.find((candidate) => candidate.name.toLowerCase() === context.params.name.toLowerCase());
      if (action === undefined || segment.key === undefined) return notFoundPath();
      const row = readableRow(context.state, caller, object, requireKey(segment));
      const body = read.jsonObject(request);
      return { status: 200, body: runQuickAction(context.state, object, action, row, body, caller) };
    })
    .route(['PATCH', 'PUT'], '/api/odata/businessobject/:segment/:target/:ref', (request, context) => {
      if (context.params.ref.toLowerCase() !== '$ref') return notFoundPath();
      return linkRoute(request, context, context.params, true);
    })
    .delete('/api/odata/businessobject/:segment/:target/:ref', (request, context) => {
      if (context.params.ref.toLowerCase() !== '$ref') return notFoundPath();
      return linkRoute(request, context, context.params, false);
    });
}
