/**
 * The read routes every entity has: `query` (GET with `search`, POST with a body), `query/next`,
 * `query/count` and `GET /{Entity}/{id}` (`{ "item": {...} }`, or `{ "item": null }` for an id that
 * does not exist, as `@apigrate/autotask-restapi`'s live tests and django-autotask expect).
 * TicketAttachments queries must filter on `ticketID`; their `data` is always `null` here.
 *
 * @module
 */
import type { EntityDefinition } from '../entity.js';
import { ENTITY_LIST } from '../entities/index.js';
import { API_PREFIX } from '../paths.js';
import { queryCount, queryFirstPage, queryNextPage, type QueryContext } from '../query/run.js';
import { recordJson } from '../serialize.js';
import type { AutotaskState } from '../store.js';
import type { EntityRecord, EntityTable } from '../table.js';
import { pathId, type AutotaskRouter } from './router.js';

/** The table of an entity. */
export function tableOf(state: AutotaskState, entity: EntityDefinition): EntityTable<EntityRecord> {
  return state.tables[entity.name] as EntityTable<EntityRecord>;
}

/** The query context of an entity. */
export function queryContext(state: AutotaskState, entity: EntityDefinition, url: string): QueryContext<EntityRecord> {
  return { table: tableOf(state, entity), url, options: entity.name === 'TicketAttachments' ? { requiredParentField: 'ticketID' } : {} };
}

/** Adds the query routes of every entity (before the by-id route, which would match `query`). */
export function queryRoutes(router: AutotaskRouter): void {
  for (const entity of ENTITY_LIST) {
    const base = `${API_PREFIX}/${entity.name.toLowerCase()}`;
    router
      .route(['GET', 'POST'], `${base}/query`, (request, { state, url }) => queryFirstPage(request, queryContext(state, entity, url)))
      .route(['GET', 'POST'], `${base}/query/next`, (request, { state, url }) => queryNextPage(request, queryContext(state, entity, url)))
      .route(['GET', 'POST'], `${base}/query/count`, (request, { state, url }) => queryCount(request, queryContext(state, entity, url)));
  }
}

/** Adds `GET /{Entity}/{id}` for every entity (after every literal route of the entity). */
export function itemRoutes(router: AutotaskRouter): void {
  for (const entity of ENTITY_LIST) {
    router.get(`${API_PREFIX}/${entity.name.toLowerCase()}/:id`, (_request, { state, params }) => {
      const table = tableOf(state, entity);
      const record = table.get(pathId(params.id));
      return { status: 200, body: { item: record === undefined ? null : recordJson(table, record) } };
    });
  }
}
