/**
 * Quick actions: `POST …/{set}('{RecId}')/{QuickActionName}` with
 * `{ ActionId, ShouldSave, ActionParams, PromptParams: [{ FieldName, Value, … }] }`.
 *
 * - The ActionId is per tenant and role (read it from `$metadata`); another one is a 400.
 * - `Resolve_Incident` and `Close_Incident` carry the prompts a status PATCH cannot answer: a
 *   `CauseCode` and a `Resolution` (from the prompts or the record).
 * - Failures come back with HTTP 200: `status: 'error'` and the reasons in
 *   `validationErrors[recId].fieldErrors[field].fieldMessages[]`. Reopening a closed record answers
 *   `saved: true, status: 'error'` and changes nothing. A `UIAction` (`Print_Incident`) answers OK
 *   and does nothing. `ShouldSave: false` checks without saving.
 *
 * @module
 */
import { isJsonObject, type JsonObject } from '../readers.js';
import type { Caller } from './auth.js';
import { failBadRequest } from './errors.js';
import { picklistEntry, type Changes } from './field-values.js';
import { fieldOf, type BusinessObjectDef, type QuickActionDef } from './schema.js';
import type { IvantiState } from './store.js';
import type { Row } from './table.js';
import { updateRecord } from './write.js';

/** What a quick action answers. */
export interface QuickActionResult {
  status: 'OK' | 'error';
  saved: boolean;
  validationErrors: Record<string, { fieldErrors: Record<string, { fieldMessages: string[] }> }>;
  errorMessages: string[];
}

/** The ActionId of an action or saved search for a role (`undefined` when the role does not have it). */
export function actionIdOf(state: IvantiState, role: string, object: BusinessObjectDef, name: string): string | undefined {
  return state.actionIds.get(`${role}|${object.entitySet}|${name}`);
}

/** The prompt values of a quick-action body: field name → value. */
function promptValues(body: JsonObject): Map<string, string> {
  const values = new Map<string, string>();
  const prompts = body.PromptParams;
  if (!Array.isArray(prompts)) return values;
  for (const prompt of prompts) {
    if (!isJsonObject(prompt) || typeof prompt.FieldName !== 'string') continue;
    const value = prompt.Value;
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') values.set(prompt.FieldName, String(value));
  }
  return values;
}

/** Runs a quick action on `row`. */
export function runQuickAction(state: IvantiState, object: BusinessObjectDef, action: QuickActionDef, row: Row, body: JsonObject, caller: Caller): QuickActionResult {
  const expected = actionIdOf(state, caller.role.name, object, action.name);
  if (expected === undefined || typeof body.ActionId !== 'string' || body.ActionId.toLowerCase() !== expected.toLowerCase()) {
    failBadRequest(`The quick action '${action.name}' with ActionId '${String(body.ActionId ?? '')}' is not available to role ${caller.role.name}.`);
  }
  const result: QuickActionResult = { status: 'OK', saved: false, validationErrors: {}, errorMessages: [] };
  if (action.kind === 'ui') return { ...result, saved: true };
  if (row.ReadOnly === true) return { ...result, status: 'error', saved: true, errorMessages: [`${object.name} is read-only.`] };

  const prompts = promptValues(body);
  const changes: Changes = {};
  const fieldErrors: Record<string, { fieldMessages: string[] }> = {};
  const incident = object.table === 'incidents';
  const target = targetStatus(action, incident);
  if (target === undefined || (action.kind === 'cancel' && row.Cancelable !== true)) {
    return { ...result, status: 'error', errorMessages: [`The quick action '${action.name}' cannot run on ${object.name} in status '${String(row.Status)}'.`] };
  }
  changes.Status = target;
  if (incident && (action.kind === 'resolve' || action.kind === 'close')) {
    for (const [name, display] of [
      ['CauseCode', 'Cause Code'],
      ['Resolution', 'Resolution'],
    ] as const) {
      const value = prompts.get(name) ?? (typeof row[name] === 'string' && row[name] !== '' ? String(row[name]) : undefined);
      if (value === undefined || value === '') {
        fieldErrors[name] = { fieldMessages: [`${name}: Required field Incident.${display} value must be provided`] };
        continue;
      }
      const field = fieldOf(object, name);
      if (field?.picklist !== undefined && picklistEntry(state, field, value) === undefined) {
        fieldErrors[name] = { fieldMessages: [`${name}: '${value}' is not a valid value of the validation list`] };
        continue;
      }
      changes[name] = value;
    }
  }
  if (action.kind === 'reopen' && incident) {
    for (const [name, display] of [
      ['Category', 'Category'],
      ['Owner', 'Owner'],
    ] as const) {
      if (row[name] === null || row[name] === '') fieldErrors[name] = { fieldMessages: [`${name}: Required field Incident.${display} value must be provided`] };
    }
  }
  if (Object.keys(fieldErrors).length > 0) return { ...result, status: 'error', validationErrors: { [row.RecId]: { fieldErrors } } };
  if (body.ShouldSave === false) return result;
  updateRecord(state, object, row, changes, caller);
  return { ...result, saved: true };
}

function targetStatus(action: QuickActionDef, incident: boolean): string | undefined {
  switch (action.kind) {
    case 'resolve':
      return incident ? 'Resolved' : 'Fulfilled';
    case 'close':
      return 'Closed';
    case 'reopen':
      return 'Active';
    case 'cancel':
      return incident ? undefined : 'Cancelled';
    case 'ui':
      return undefined;
  }
}
