/**
 * Creates, updates and deletes business-object records as Ivanti does: rights first, then the
 * payload (see `field-values.ts`), the object's defaults, the fields a create requires (named by
 * their display names, all at once: "Required field Incident.Description value must be provided."),
 * the object's business rules, and the engine's stamps — `CreatedBy` kept when a create sends it,
 * `LastModBy` always the key's account, `LastModDateTime` from the lagging clock.
 *
 * @module
 */
import type { JsonObject } from '../readers.js';
import { requireCreate, requireDelete, requireUpdate, type Caller } from './auth.js';
import { failBadRequest } from './errors.js';
import { picklistEntry, readChanges, type Changes } from './field-values.js';
import { fieldOf, type BusinessObjectDef } from './schema.js';
import { store, type IvantiState } from './store.js';
import type { FieldValue, Row } from './table.js';
import { applyTicketRules } from './ticket-rules.js';

/** The values an object's new records start with (validated fields get their `_Valid` too). */
function defaults(state: IvantiState, object: BusinessObjectDef): Changes {
  const values: Record<string, FieldValue> = {};
  switch (object.table) {
    case 'incidents':
      Object.assign(values, { Status: 'Logged', Urgency: 'Medium', Impact: 'Medium', Source: 'Phone', TypeOfIncident: 'Failure', Service: 'Service Desk', OwnerTeam: state.facts.defaultTeam, FirstCallResolution: false });
      break;
    case 'servicereqs':
      Object.assign(values, { Status: 'Submitted', Urgency: 'Medium', Impact: 'Medium', Source: 'Self Service', Service: 'Service Desk', OwnerTeam: state.facts.defaultTeam });
      break;
    case 'journals':
      Object.assign(values, { Category: 'Memo', Source: 'Other', PublishToWeb: false, IsUnRead: true, ReadOnly: false });
      break;
    case 'employees':
      Object.assign(values, { Status: 'Active', Disabled: false, IsManager: false, IsVIP: false, IsLDAPUserAccountEnabled: true });
      break;
    default:
      break;
  }
  for (const [name, value] of Object.entries(values)) {
    const field = fieldOf(object, name);
    if (field?.picklist !== undefined && typeof value === 'string') values[`${name}_Valid`] = picklistEntry(state, field, value)?.recId ?? null;
  }
  return values;
}

/** Object rules that run on every save. */
function applyRules(state: IvantiState, object: BusinessObjectDef, before: Row | undefined, merged: Changes, changes: Changes, actor: string): void {
  if (object.table === 'incidents' || object.table === 'servicereqs') applyTicketRules(state, object, before, merged, changes, actor);
  if (object.table === 'journals') {
    merged.DisplayText = [merged.Subject, merged.NotesBody].filter((part) => typeof part === 'string' && part !== '').join(' ') || null;
  }
  if (object.table === 'employees') {
    merged.DisplayName = [merged.FirstName, merged.MiddleName, merged.LastName].filter((part) => typeof part === 'string' && part !== '').join(' ') || null;
  }
}

/** The messages for the required fields a new record lacks. */
function missingRequired(object: BusinessObjectDef, merged: Changes): string[] {
  return object.required
    .filter((name) => {
      const value = merged[name];
      return value === null || value === undefined || value === '';
    })
    .map((name) => `Required field ${object.name}.${fieldOf(object, name)?.display ?? name} value must be provided.`);
}

/** Per object: a row with every field `null`, in field order (`RecId` first), to copy new rows from. */
const blankRows = new WeakMap<BusinessObjectDef, Readonly<Row>>();

function blankRow(object: BusinessObjectDef): Readonly<Row> {
  let blank = blankRows.get(object);
  if (blank === undefined) {
    blank = Object.fromEntries([['RecId', ''], ...object.fields.filter((field) => field.name !== 'RecId').map((field) => [field.name, null])]) as Row;
    blankRows.set(object, blank);
  }
  return blank;
}

/**
 * A full row of an object: every field, the value from `values` where given, `null` elsewhere.
 * Copied from a blank row rather than built one field at a time: V8 keeps a copy's fields in a
 * compact layout, while an object given ~50 fields by name one after the other falls back to a
 * hash table — three times the memory, and the collector's time, for a 100,000-ticket seed.
 */
export function buildRow(object: BusinessObjectDef, recId: string, values: Changes): Row {
  const row: Record<string, FieldValue> = { ...blankRow(object) };
  row.RecId = recId;
  for (const field of object.fields) if (field.name !== 'RecId') row[field.name] = values[field.name] ?? null;
  return row as Row;
}

/** Creates a record from a payload, as `caller`. */
export function createRecord(state: IvantiState, object: BusinessObjectDef, body: JsonObject, caller: Caller): Row {
  requireCreate(caller, object);
  const changes = readChanges(state, object, body, true, caller.role.name);
  const actor = String(caller.employee.LoginID);
  const stamp = store.stamp(state);
  const merged: Changes = { ...defaults(state, object), ...changes };
  if (object.view !== undefined) merged[object.view.field] = object.view.value;
  const missing = missingRequired(object, merged);
  if (missing.length > 0) failBadRequest(...missing);
  if (object.table === 'incidents') merged.IncidentNumber = state.counters.incident;
  if (object.table === 'servicereqs') merged.ServiceReqNumber = state.counters.serviceReq;
  applyRules(state, object, undefined, merged, changes, actor);
  const row = buildRow(object, store.newRecId(state), merged);
  row.CreatedBy = typeof changes.CreatedBy === 'string' ? changes.CreatedBy : actor;
  row.CreatedDateTime = stamp;
  row.LastModBy = actor;
  row.LastModDateTime = stamp;
  if (object.table === 'incidents') state.counters.incident += 1;
  if (object.table === 'servicereqs') state.counters.serviceReq += 1;
  store.table(state, object).insert(row);
  store.touch(state);
  return row;
}

/** Updates a stored record from a payload (PUT and PATCH alike: only the fields sent change). */
export function updateRecord(state: IvantiState, object: BusinessObjectDef, row: Row, body: JsonObject, caller: Caller): Row {
  const sent = Object.keys(body).filter((key) => !key.startsWith('@odata.'));
  requireUpdate(caller, object, sent);
  const changes = readChanges(state, object, body, false, caller.role.name);
  const actor = String(caller.employee.LoginID);
  const merged: Changes = { ...row, ...changes };
  applyRules(state, object, row, merged, changes, actor);
  const update: Changes = {};
  for (const field of object.fields) {
    const value = merged[field.name] ?? null;
    if (field.name !== 'RecId' && value !== row[field.name]) update[field.name] = value;
  }
  update.LastModBy = actor;
  update.LastModDateTime = store.stamp(state);
  store.table(state, object).update(row, update);
  store.touch(state);
  return row;
}

/** Deletes a record; a read-only (closed) one is refused with 400. */
export function deleteRecord(state: IvantiState, object: BusinessObjectDef, row: Row, caller: Caller): void {
  requireDelete(caller, object);
  if (row.ReadOnly === true) failBadRequest(`The record ${object.adminId} '${row.RecId}' is read-only and cannot be deleted.`);
  store.table(state, object).delete(row.RecId);
  if (object.table === 'attachments') state.files.delete(row.RecId.toUpperCase());
  store.touch(state);
}
