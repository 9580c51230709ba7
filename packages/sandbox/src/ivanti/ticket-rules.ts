/**
 * What Ivanti's business rules do when an incident or a service request is saved:
 *
 * - the customer's name, e-mail, phone, login, location and VIP flag follow `ProfileLink`;
 *   the owner's e-mail follows `Owner`;
 * - an incident's priority follows urgency × impact when either changes without a priority;
 * - **conditional required fields fire on a status change**: an incident goes `Active` only with a
 *   `Category` and an `Owner` (already set or in the same call), else 400 "Required field …";
 * - **prompt-gated transitions**: an incident goes `Resolved` or `Closed` only with a `Resolution`
 *   and a `CauseCode`; without them Ivanti asks for a prompt the API cannot answer and refuses with
 *   400 `ISM_4000` carrying `DataLayer.PromptException` (the `Resolve_Incident`/`Close_Incident`
 *   quick actions carry the prompts);
 * - resolved/closed stamps follow the status, `ReadOnly` is true for a closed (or cancelled)
 *   record — and nothing stops a PATCH to a closed record, as on a live tenant.
 *
 * @module
 */
import { failBadRequest } from './errors.js';
import type { Changes } from './field-values.js';
import { priorityOf } from './picklists.js';
import type { BusinessObjectDef } from './schema.js';
import { store, type IvantiState } from './store.js';
import type { FieldValue, Row } from './table.js';

/** Statuses after which a ticket counts as resolved, and as closed (read-only). */
const RESOLVED = new Set(['Resolved', 'Fulfilled']);
const FINAL = new Set(['Closed', 'Cancelled']);

/** The text of the prompt refusal. */
export function promptRefusal(object: BusinessObjectDef, status: string, missing: readonly string[]): string {
  return `DataLayer.PromptException: ${object.name} needs the prompted value(s) ${missing.join(', ')} to change the status to '${status}'. Run the quick action that prompts for them.`;
}

/**
 * Applies the rules to `merged` (the record as it will be saved: the old values with `changes`
 * over them); `before` is the stored record (undefined on create). Throws Ivanti's refusals.
 */
export function applyTicketRules(state: IvantiState, object: BusinessObjectDef, before: Row | undefined, merged: Changes, changes: Changes, actor: string): void {
  const now = store.stamp(state);
  if ('ProfileLink' in changes || before === undefined) customer(state, object, merged);
  if ('Owner' in changes) {
    const owner = merged.Owner_Valid === null || merged.Owner_Valid === undefined ? undefined : state.tables.employees.get(String(merged.Owner_Valid));
    merged.OwnerEmail = owner?.PrimaryEmail ?? null;
    if (object.table === 'incidents') merged.OwnerType = owner === undefined ? null : 'Employee';
  }
  if (!('Priority' in changes) && ('Urgency' in changes || 'Impact' in changes || before === undefined)) {
    const priority = priorityOf(text(merged.Urgency), text(merged.Impact));
    merged.Priority = priority;
    merged.Priority_Valid = state.picklists.get('Priority')?.find((entry) => entry.value === priority)?.recId ?? null;
  }
  const status = text(merged.Status);
  const statusChanged = before === undefined || ('Status' in changes && text(before.Status) !== status);
  if (statusChanged && status !== null) statusRules(object, status, merged);
  if (statusChanged && status !== null) {
    if (RESOLVED.has(status) || (status === 'Closed' && merged.ResolvedDateTime === null)) {
      merged.ResolvedDateTime = now;
      merged.ResolvedBy = actor;
    }
    if (FINAL.has(status)) {
      merged.ClosedDateTime = now;
      merged.ClosedBy = actor;
    }
    if (!RESOLVED.has(status) && !FINAL.has(status)) {
      for (const name of ['ResolvedDateTime', 'ResolvedBy', 'ClosedDateTime', 'ClosedBy']) merged[name] = null;
    }
  }
  merged.ReadOnly = status !== null && FINAL.has(status);
  merged.IsInFinalState = false;
  if (object.table === 'servicereqs') {
    merged.IsDraft = status === 'Draft';
    merged.Cancelable = status === 'Draft' || status === 'Submitted' || status === 'Approved';
    merged.IsEditable = !merged.ReadOnly;
  }
  const number = object.table === 'incidents' ? merged.IncidentNumber : merged.ServiceReqNumber;
  merged.SocialTextHeader = `${object.table === 'incidents' ? 'Incident' : 'Service Request'} ${String(number)}: ${String(merged.Subject ?? '')}`;
}

function statusRules(object: BusinessObjectDef, status: string, merged: Changes): void {
  if (object.table !== 'incidents') return;
  if (status === 'Active') {
    const missing = [
      ['Category', 'Category'],
      ['Owner', 'Owner'],
    ].filter(([name]) => empty(merged[name as string]));
    if (missing.length > 0) failBadRequest(...missing.map(([, display]) => `Required field Incident.${display as string} value must be provided.`));
  }
  if (status === 'Resolved' || status === 'Closed') {
    const missing = [
      ['CauseCode', 'Cause Code'],
      ['Resolution', 'Resolution'],
    ].filter(([name]) => empty(merged[name as string]));
    if (missing.length > 0) failBadRequest(promptRefusal(object, status, missing.map(([, display]) => display as string)));
  }
}

/** The customer fields that follow `ProfileLink`. */
function customer(state: IvantiState, object: BusinessObjectDef, merged: Changes): void {
  const recId = merged.ProfileLink_RecID;
  const employee = recId === null || recId === undefined ? undefined : state.tables.employees.get(String(recId));
  merged.ProfileFullName = employee?.DisplayName ?? null;
  merged.Email = employee?.PrimaryEmail ?? null;
  merged.Phone = employee?.Phone1 ?? null;
  merged[object.table === 'incidents' ? 'LoginId' : 'ProfileLoginId'] = employee?.LoginID ?? null;
  if (empty(merged.CustomerLocation)) merged.CustomerLocation = employee?.EmployeeLocation ?? null;
  if (object.table === 'incidents') merged.IsVIP = employee?.IsVIP === true;
}

function empty(value: FieldValue | undefined): boolean {
  return value === null || value === undefined || value === '';
}

function text(value: FieldValue | undefined): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}
