/**
 * Reads a create or update body (`TicketModel`, `ContactModel`, ...) as Autotask's JSON reader does:
 * property names in any case (`QueueID` works), unknown properties ignored, read-only fields ignored
 * (`impersonatorCreatorResourceID`, `createDate`, ...), values converted to the field's type (a numeric
 * string for a number, a number for a string) or refused with the reader's 500; and checks what every
 * entity checks: required fields, string lengths, active picklist values (and a dependent picklist's
 * parent), UDF names and values.
 *
 * @module
 */
import { isJsonObject, type JsonObject } from '../readers.js';
import { findField, findUdf, type EntityDefinition } from './entity.js';
import { failAutotask } from './errors.js';
import { activePicklistValue, type FieldDefinition } from './fields.js';
import { parseDate } from './dates.js';
import { propertyOf } from './query/model.js';
import type { EntityRecord, FieldValue } from './table.js';

/** A body read for an entity. */
export interface WriteInput {
  /** The `id` of the body, when it has one. */
  readonly id: number | undefined;
  /** Writable fields the body sets (canonical names; `null` clears). */
  readonly changes: Record<string, FieldValue>;
  /** UDF values the body sets, by canonical UDF name (`null` clears). */
  readonly udfs: Record<string, string | null>;
}

function convertError(field: FieldDefinition, value: unknown, type: string): never {
  failAutotask(`Could not convert ${typeof value === 'string' ? `string to ${type}: ${value}` : `${JSON.stringify(value)} to ${type}`}. Path '${field.name}'.`);
}

/** Converts one body value to a field's stored value. */
export function convertValue(field: FieldDefinition, value: unknown): FieldValue {
  if (value === null || value === undefined) return null;
  switch (field.type) {
    case 'integer':
    case 'long': {
      const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
      if (typeof number === 'number' && Number.isSafeInteger(number)) return number;
      return convertError(field, value, 'integer');
    }
    case 'double': {
      const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
      if (typeof number === 'number' && Number.isFinite(number)) return number;
      return convertError(field, value, 'double');
    }
    case 'boolean':
      if (typeof value === 'boolean') return value;
      if (value === 'true' || value === 'false') return value === 'true';
      if (value === 0 || value === 1) return value === 1;
      return convertError(field, value, 'boolean');
    case 'datetime': {
      const time = typeof value === 'string' ? parseDate(value) : undefined;
      return time ?? convertError(field, value, 'DateTime');
    }
    default: {
      if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') return convertError(field, value, 'String');
      const text = String(value);
      if (field.length !== undefined && text.length > field.length) {
        failAutotask(`The value for field ${field.name} is too long: it has ${text.length} characters, the maximum is ${field.length}.`);
      }
      return text;
    }
  }
}

function readUdfs(entity: EntityDefinition, value: unknown): Record<string, string | null> {
  const udfs: Record<string, string | null> = {};
  if (value === null || value === undefined) return udfs;
  if (!Array.isArray(value) || entity.udfs === undefined) failAutotask(`Could not convert ${JSON.stringify(value)} to a list of user-defined fields. Path 'userDefinedFields'.`);
  for (const entry of value) {
    if (!isJsonObject(entry)) failAutotask(`Could not convert ${JSON.stringify(entry)} to a user-defined field. Path 'userDefinedFields'.`);
    const name = propertyOf(entry, 'name');
    const udf = typeof name === 'string' ? findUdf(entity, name) : undefined;
    if (udf === undefined) failAutotask(`Unable to find the user-defined field ${String(name)} in the ${entity.internalName} Entity`);
    const raw = propertyOf(entry, 'value');
    if (raw === null || raw === undefined || raw === '') {
      udfs[udf.name] = null;
      continue;
    }
    const text = String(raw);
    if (udf.type === 'double' && !Number.isFinite(Number(text))) failAutotask(`The value ${text} of the user-defined field ${udf.name} is not a number.`);
    if (udf.type === 'list' && udf.picklist?.some((item) => item.value === text) !== true) failAutotask(`The value ${text} of the user-defined field ${udf.name} is not one of its list values.`);
    if (udf.length !== undefined && text.length > udf.length) failAutotask(`The value of the user-defined field ${udf.name} is longer than ${udf.length} characters.`);
    udfs[udf.name] = text;
  }
  return udfs;
}

/** Reads a body for an entity (see the module description). */
export function readWriteBody(entity: EntityDefinition, body: JsonObject): WriteInput {
  const changes: Record<string, FieldValue> = {};
  let id: number | undefined;
  let udfs: Record<string, string | null> = {};
  for (const [key, value] of Object.entries(body)) {
    if (key.toLowerCase() === 'userdefinedfields') {
      udfs = readUdfs(entity, value);
      continue;
    }
    const field = findField(entity, key);
    if (field === undefined) continue;
    if (field.name === 'id') {
      const converted = convertValue(field, value);
      id = typeof converted === 'number' ? converted : undefined;
      continue;
    }
    if (field.readOnly === true) continue;
    changes[field.name] = convertValue(field, value);
  }
  return { id, changes, udfs };
}

/** The value a field will have: the change if there is one, else the record's. */
export function resulting(record: EntityRecord | undefined, changes: Readonly<Record<string, FieldValue>>, name: string): FieldValue {
  if (name in changes) return changes[name] ?? null;
  return record?.[name] ?? null;
}

/** The message for a picklist value that is not an active one. */
export function badPicklistValue(field: string): string {
  return `Value does not reference an existing entity for ${field}.`;
}

/**
 * Checks required fields (when `checkRequired`: on creates and replacements), and the picklist values
 * the body sets: active, and under the right parent for a dependent picklist.
 */
export function checkFields(entity: EntityDefinition, record: EntityRecord | undefined, changes: Readonly<Record<string, FieldValue>>, checkRequired: boolean): void {
  for (const field of entity.fields) {
    const value = resulting(record, changes, field.name);
    const changed = field.name in changes;
    if (field.required === true && (checkRequired || changed) && (value === null || (typeof value === 'string' && value.trim() === ''))) {
      failAutotask(field.picklist === undefined ? `Missing Required Field: ${field.name}.` : badPicklistValue(field.name));
    }
    if (!changed || value === null || field.picklist === undefined) continue;
    const entry = activePicklistValue(field, typeof value === 'boolean' ? String(value) : value);
    if (entry === undefined) failAutotask(badPicklistValue(field.name));
    if (field.picklistParent !== undefined && entry.parentValue !== undefined) {
      const parent = resulting(record, changes, field.picklistParent);
      if (String(parent) !== entry.parentValue) failAutotask(badPicklistValue(field.name));
    }
  }
}

/** The changes of a PUT: every writable field the body does not give is cleared (nulled), as Autotask's replace does. */
export function replacementChanges(entity: EntityDefinition, changes: Readonly<Record<string, FieldValue>>): Record<string, FieldValue> {
  const all: Record<string, FieldValue> = {};
  for (const field of entity.fields) if (field.readOnly !== true && field.name !== 'id') all[field.name] = changes[field.name] ?? null;
  return all;
}
