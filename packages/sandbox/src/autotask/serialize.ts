/**
 * A record's JSON as Autotask answers it: every field of the entity's model in the model's order
 * (`null` when unset, dates in UTC ISO 8601), then `userDefinedFields` (`[{ name, value }]`, every UDF
 * of the entity) for entities that have UDFs. With `IncludeFields`, only the named fields, and only
 * the named UDFs in `userDefinedFields`. An attachment's `data` (Base64) is only filled in where the
 * caller asks for it (the child GET by id).
 *
 * @module
 */
import { findField, findUdf, type EntityDefinition } from './entity.js';
import { failAutotask, unableToFind } from './errors.js';
import { formatDate } from './dates.js';
import type { FieldDefinition, UdfDefinition } from './fields.js';
import type { EntityRecord, EntityTable, FieldValue } from './table.js';

/** Which fields a query returns: `undefined` for all, else the resolved fields and UDFs. */
export interface FieldSelection {
  readonly fields: readonly FieldDefinition[];
  readonly udfs: readonly UdfDefinition[];
}

/** Resolves `IncludeFields` (any case; UDF names allowed); an unknown name is Autotask's 500. */
export function selectFields(entity: EntityDefinition, includeFields: readonly string[] | undefined): FieldSelection | undefined {
  if (includeFields === undefined) return undefined;
  const fields: FieldDefinition[] = [];
  const udfs: UdfDefinition[] = [];
  for (const name of includeFields) {
    const field = findField(entity, name);
    if (field !== undefined) {
      if (!fields.includes(field)) fields.push(field);
      continue;
    }
    const udf = findUdf(entity, name);
    if (udf === undefined) failAutotask(unableToFind(name, entity.internalName));
    if (!udfs.includes(udf)) udfs.push(udf);
  }
  fields.sort((a, b) => entity.fields.indexOf(a) - entity.fields.indexOf(b));
  return { fields, udfs };
}

/** A stored value as JSON for its field. */
export function fieldJson(field: FieldDefinition, value: FieldValue | undefined): FieldValue {
  if (value === undefined || value === null) return null;
  if (field.type === 'datetime' && typeof value === 'number') return formatDate(value);
  return value;
}

/** Options of {@link recordJson}. */
export interface RecordJsonOptions {
  /** The fields to include (default: all). */
  readonly selection?: FieldSelection | undefined;
  /** The attachment content to put in `data`. */
  readonly data?: Uint8Array | undefined;
}

/** A record's JSON. */
export function recordJson<R extends EntityRecord>(table: EntityTable<R>, record: R, options: RecordJsonOptions = {}): Record<string, unknown> {
  const { entity } = table;
  const fields = options.selection?.fields ?? entity.fields;
  const json: Record<string, unknown> = {};
  for (const field of fields) {
    json[field.name] = field.name === 'data' ? (options.data === undefined ? null : Buffer.from(options.data).toString('base64')) : fieldJson(field, record[field.name]);
  }
  if (entity.udfs !== undefined) {
    const values = table.udfValues(record.id);
    const udfs = options.selection?.udfs ?? entity.udfs;
    json.userDefinedFields = udfs.map((udf) => ({ name: udf.name, value: values.get(udf.name) ?? null }));
  }
  return json;
}
