/**
 * Runs a collection query — filter, keyword search, sort — once, and keeps the sorted RecIds for
 * the pages that follow (`$skip`), until the next write. Candidates come from an index when the
 * filter pins an indexed field with `eq`, else from a scan.
 *
 * The default order is Ivanti's "latest created/modified on top": `LastModDateTime` descending,
 * then the newest record first. An explicit `$orderby` breaks ties by age, oldest first.
 *
 * @module
 */
import type { BusinessObjectDef } from '../schema.js';
import { store, type IvantiState } from '../store.js';
import type { Row } from '../table.js';
import { compileReading } from './predicate.js';
import { readFilter } from './reading.js';
import { compareSortKeys, sortKeysOf, type SortClause } from './orderby.js';
import { compileSearch } from './search.js';

/** What to read. */
export interface CollectionQuery {
  /** The business object. */
  readonly object: BusinessObjectDef;
  /** The raw `$filter`, if any. */
  readonly filter?: string | undefined;
  /** The raw `$search`, if any. */
  readonly search?: string | undefined;
  /** The sort; `undefined` for the default order. */
  readonly orderBy?: readonly SortClause[] | undefined;
  /** A further restriction (a saved search's rule), with a key that names it for the cache. */
  readonly scope?: { readonly key: string; readonly test: (row: Row) => boolean } | undefined;
}

const CACHE_SIZE = 32;

/** Ivanti's default order: the latest modified first. */
const DEFAULT_ORDER: readonly SortClause[] = [{ field: 'LastModDateTime', descending: true }];

/** The RecIds of every matching row, sorted; throws Ivanti's 400 for a filter it refuses. */
export function runQuery(state: IvantiState, query: CollectionQuery): readonly string[] {
  const { object } = query;
  const key = [object.entitySet, query.filter ?? '', query.search ?? '', JSON.stringify(query.orderBy ?? null), query.scope?.key ?? ''].join('\u0001');
  const cached = state.queryCache.get(key);
  if (cached !== undefined && cached.version === state.version) return cached.recIds;

  const table = store.table(state, object);
  const filter = query.filter === undefined ? undefined : compileReading(readFilter(query.filter), object);
  // An object without indexed text finds nothing by keyword.
  const search = query.search === undefined ? undefined : object.search === undefined ? () => false : compileSearch(query.search, object.search.mode);
  const hint = filter?.indexHint;
  const candidates: Iterable<Row> =
    hint !== undefined && table.isIndexed(hint.field) ? rowsOf(state, object, table.lookup(hint.field, hint.value) ?? []) : table.rows();

  const matches: Row[] = [];
  for (const row of candidates) {
    if (!store.belongs(object, row)) continue;
    if (filter !== undefined && !filter.test(row)) continue;
    if (query.scope !== undefined && !query.scope.test(row)) continue;
    if (search !== undefined && !search(searchText(state, object, row))) continue;
    matches.push(row);
  }

  // Decorate, sort, undecorate: each row's keys and position are read once, not at every comparison.
  const clauses = query.orderBy ?? DEFAULT_ORDER;
  const ties = query.orderBy === undefined ? -1 : 1; // the default order puts the newest first
  const keyed = matches.map((row) => ({ recId: row.RecId, keys: sortKeysOf(clauses, row), sequence: table.sequenceOf(row) }));
  keyed.sort((a, b) => compareSortKeys(clauses, a.keys, b.keys) || ties * (a.sequence - b.sequence));
  const recIds = keyed.map((entry) => entry.recId);

  state.queryCache.delete(key);
  state.queryCache.set(key, { version: state.version, recIds });
  while (state.queryCache.size > CACHE_SIZE) {
    const oldest = state.queryCache.keys().next().value;
    if (oldest === undefined) break;
    state.queryCache.delete(oldest);
  }
  return recIds;
}

function* rowsOf(state: IvantiState, object: BusinessObjectDef, recIds: Iterable<string>): Generator<Row> {
  const table = store.table(state, object);
  for (const recId of recIds) {
    const row = table.get(recId);
    if (row !== undefined) yield row;
  }
}

/** The text `$search` looks at: the object's search fields, and a ticket's notes. */
function searchText(state: IvantiState, object: BusinessObjectDef, row: Row): string {
  const parts: string[] = [];
  for (const name of object.search?.fields ?? []) {
    const value = row[name];
    if (typeof value === 'string') parts.push(value);
  }
  if (object.search?.includeNotes === true) {
    for (const recId of state.tables.journals.lookup('ParentLink_RecID', row.RecId) ?? []) {
      const note = state.tables.journals.get(recId);
      if (note === undefined) continue;
      for (const name of ['Subject', 'NotesBody']) {
        const value = note[name];
        if (typeof value === 'string') parts.push(value);
      }
    }
  }
  return parts.join('\n');
}
