/**
 * Ivanti's JSON for business objects: flat records with every field of the object (about fifty on a
 * ticket; a real tenant has nearer two hundred), dates in the tenant's offset to the second, and
 * the OData envelopes — `{ "@odata.context", "@odata.count", "value": [...] }` for a collection
 * (`@odata.count` arrives unasked), the record's fields beside `@odata.context` for a single one.
 *
 * @module
 */
import { formatIvantiDate } from './dates.js';
import type { BusinessObjectDef } from './schema.js';
import type { IvantiState } from './store.js';
import type { Row } from './table.js';

/** A record as JSON. */
export type RecordJson = Record<string, string | number | boolean | null>;

/** The OData root of the tenant as a client reaches it: `http://host:port/HEAT/api/odata`. */
export function odataRoot(origin: string, state: IvantiState): string {
  return `${origin}${state.settings.basePath}/api/odata`;
}

/** A row as Ivanti writes it; with `select`, only those fields (in the object's order). */
export function rowJson(state: IvantiState, object: BusinessObjectDef, row: Row, select?: readonly string[]): RecordJson {
  const wanted = select === undefined ? undefined : new Set(select);
  const json: RecordJson = {};
  for (const field of object.fields) {
    if (wanted !== undefined && !wanted.has(field.name)) continue;
    const value = row[field.name] ?? null;
    json[field.name] = field.type === 'DateTimeOffset' && typeof value === 'number' ? formatIvantiDate(value, state.settings.utcOffsetMinutes) : value;
  }
  return json;
}

/** A single record with its `@odata.context`. */
export function entityJson(origin: string, state: IvantiState, object: BusinessObjectDef, row: Row): RecordJson {
  return { '@odata.context': `${odataRoot(origin, state)}/$metadata#${object.entitySet}/$entity`, ...rowJson(state, object, row) };
}

/** A page of a collection with its `@odata.context` and `@odata.count`. */
export function collectionJson(
  origin: string,
  state: IvantiState,
  object: BusinessObjectDef,
  rows: readonly Row[],
  total: number,
  select?: readonly string[],
): Record<string, unknown> {
  const context = `${odataRoot(origin, state)}/$metadata#${object.entitySet}${select === undefined ? '' : `(${select.join(',')})`}`;
  return { '@odata.context': context, '@odata.count': total, value: rows.map((row) => rowJson(state, object, row, select)) };
}
