/**
 * Reads a write payload into stored values, field by field, as Ivanti does: unknown keys are a 400;
 * values the engine owns (`RecId`, counters, stamps, `_Valid` companions, values derived from links)
 * are ignored; a link is written as `X_RecID` (or `X`) plus `X_Category` and must name an existing
 * record; a validated field must hold a value of its list (else Ivanti's 500 with an empty message).
 *
 * @module
 */
import { isJsonObject, type JsonObject } from '../readers.js';
import { parseIvantiDate, toSecond } from './dates.js';
import { failBadRequest, failInvalidPicklistValue, failRights } from './errors.js';
import { fieldOf, objectOfTable, tableOfCategory, type BusinessObjectDef, type FieldDef } from './schema.js';
import { store, type IvantiState, type PicklistEntry } from './store.js';
import type { FieldValue } from './table.js';

/** Field values to store; `undefined` counts as `null` (it lets a row's optional reads pass straight through). */
export type Changes = Record<string, FieldValue | undefined>;

/** Reads `body` for a create (`creating`) or an update; throws Ivanti's answers to what it refuses. */
export function readChanges(state: IvantiState, object: BusinessObjectDef, body: JsonObject, creating: boolean, role: string): Changes {
  const changes: Changes = {};
  const links = new Map<string, { recId?: FieldValue; category?: FieldValue }>();
  for (const [key, raw] of Object.entries(body)) {
    if (key.startsWith('@odata.')) continue;
    const field = fieldOf(object, key);
    if (field === undefined) failBadRequest(`The field '${key}' is not a field of business object '${object.name}'.`);
    if (field.write === 'engine' || (field.write === 'create' && !creating)) continue;
    const linkName = field.linkTargets !== undefined ? field.name : field.linkOf;
    if (linkName !== undefined) {
      const entry = links.get(linkName) ?? {};
      const value = readValue(field, raw);
      if (field.name.endsWith('_Category')) entry.category = value;
      else entry.recId = entry.recId ?? value;
      if (field.name.endsWith('_RecID')) entry.recId = value;
      links.set(linkName, entry);
      continue;
    }
    const value = readValue(field, raw);
    changes[field.name] = field.picklist === undefined ? value : validated(state, field, value, changes);
  }
  for (const [name, link] of links) Object.assign(changes, resolveLink(state, object, name, link, role));
  return changes;
}

/** The stored form of a JSON value for a field; throws 400 for a value of the wrong type. */
function readValue(field: FieldDef, raw: unknown): FieldValue {
  if (raw === null || raw === undefined || raw === '') return null;
  const wrong = (): never => failBadRequest(`The value '${String(isJsonObject(raw) || Array.isArray(raw) ? JSON.stringify(raw) : raw)}' is not valid for the field '${field.name}'.`);
  switch (field.type) {
    case 'String':
      return typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean' ? String(raw) : wrong();
    case 'Int32':
    case 'Double': {
      const number = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : Number.NaN;
      if (!Number.isFinite(number) || (field.type === 'Int32' && !Number.isInteger(number))) return wrong();
      return number;
    }
    case 'Boolean':
      if (typeof raw === 'boolean') return raw;
      if (typeof raw === 'string' && /^(true|false)$/iu.test(raw)) return raw.toLowerCase() === 'true';
      return wrong();
    case 'DateTimeOffset': {
      const time = typeof raw === 'string' ? parseIvantiDate(raw) : undefined;
      return time === undefined ? wrong() : toSecond(time);
    }
  }
}

/** A validated field's value as its list spells it, with the `_Valid` companion set in `changes`. */
function validated(state: IvantiState, field: FieldDef, value: FieldValue, changes: Changes): FieldValue {
  const companion = `${field.name}_Valid`;
  if (value === null) {
    changes[companion] = null;
    return null;
  }
  const entry = picklistEntry(state, field, String(value));
  if (entry === undefined) return failInvalidPicklistValue();
  changes[companion] = entry.recId;
  return entry.value;
}

/** The list entry for a value (any case): analysts' logins for `Owner`, team names for `Team`, the static lists otherwise. */
export function picklistEntry(state: IvantiState, field: FieldDef, value: string): PicklistEntry | undefined {
  if (field.picklist === 'Owner') {
    const employee = store.employeeByLogin(state, value);
    return employee !== undefined && store.isAnalyst(employee) ? { recId: employee.RecId, value: String(employee.LoginID) } : undefined;
  }
  if (field.picklist === undefined) return undefined;
  const lower = value.toLowerCase();
  return state.picklists.get(field.picklist)?.find((entry) => entry.value.toLowerCase() === lower);
}

/** A link's three stored fields from what the payload gave; throws when it names no record. */
function resolveLink(state: IvantiState, object: BusinessObjectDef, name: string, link: { recId?: FieldValue; category?: FieldValue }, role: string): Changes {
  const field = fieldOf(object, name);
  const targets = field?.linkTargets ?? [];
  const recId = link.recId ?? null;
  if (recId === null) return { [name]: null, [`${name}_RecID`]: null, [`${name}_Category`]: null };
  const category = link.category === null || link.category === undefined ? undefined : String(link.category);
  if (object.table === 'attachments' && category !== undefined && !category.includes('#')) {
    // Measured: linking an attachment with `ParentLink_Category: 'Incident'` is refused as a rights problem; `Incident#` works.
    failRights(role, `update following fields: ${name}_Category`);
  }
  const named = category === undefined ? undefined : tableOfCategory(category);
  const candidates = named === undefined ? targets : targets.filter((table) => table === named);
  for (const table of candidates) {
    const row = state.tables[table].get(String(recId));
    if (row === undefined) continue;
    const targetName = objectOfTable(table).name;
    const stored = object.table === 'attachments' ? (category ?? `${targetName}#`) : targetName;
    return { [name]: row.RecId, [`${name}_RecID`]: row.RecId, [`${name}_Category`]: stored };
  }
  const adminId = named === undefined ? (targets[0] === undefined ? `${name}#` : objectOfTable(targets[0]).adminId) : objectOfTable(named).adminId;
  return failBadRequest(`Record '${String(recId)}' cannot be found in the related business object '${adminId}'.`);
}
