/**
 * What Autotask does to a ticket besides storing its fields: its number (`T20260105.0042`: the day
 * it was created, UTC, and its sequence that day), default due dates by priority, the completion
 * fields that follow the status (to 5 = Complete: `completedDate`, `completedByResourceID`,
 * `resolvedDateTime`; away from it: cleared; out of New: the first response), and the activity
 * fields every write sets (`lastActivityDate`, which change feeds read, `lastTrackedModificationDateTime`,
 * `lastActivityResourceID`, `lastActivityPersonType`).
 *
 * @module
 */
import { dayStamp } from './dates.js';
import { PERSON_TYPE, STATUS_COMPLETE, STATUS_NEW } from './picklists.js';
import type { AutotaskState, Ticket } from './store.js';
import type { FieldValue } from './table.js';

const HOUR = 3_600_000;

/** Resolution targets by priority value, in hours (Critical, High, Medium, Low, Planning). */
const RESOLUTION_HOURS: Readonly<Record<number, number>> = { 4: 4, 1: 8, 2: 24, 3: 72, 5: 168 };
/** First-response targets by priority value, in hours. */
const FIRST_RESPONSE_HOURS: Readonly<Record<number, number>> = { 4: 0.5, 1: 1, 2: 4, 3: 8, 5: 24 };

/** The next ticket number for a ticket created at `at`. */
export function nextTicketNumber(state: Pick<AutotaskState, 'ticketNumberSequences'>, at: number): string {
  const day = dayStamp(at);
  const sequence = (state.ticketNumberSequences.get(day) ?? 0) + 1;
  state.ticketNumberSequences.set(day, sequence);
  return `T${day}.${String(sequence).padStart(4, '0')}`;
}

/** The due dates of a ticket created at `createdAt` with `priority`. */
export function dueDates(createdAt: number, priority: number): { dueDateTime: number; firstResponseDueDateTime: number; resolvedDueDateTime: number } {
  const resolution = (RESOLUTION_HOURS[priority] ?? 24) * HOUR;
  return {
    dueDateTime: createdAt + resolution,
    firstResponseDueDateTime: createdAt + (FIRST_RESPONSE_HOURS[priority] ?? 4) * HOUR,
    resolvedDueDateTime: createdAt + resolution,
  };
}

/** The fields a status change sets, from `previous` (`undefined` on create) to `next`. */
export function statusEffects(ticket: Ticket | undefined, next: number, at: number, resourceId: number): Record<string, FieldValue> {
  const previous = ticket?.status;
  const effects: Record<string, FieldValue> = {};
  if (next === STATUS_COMPLETE && previous !== STATUS_COMPLETE) {
    effects.completedDate = at;
    effects.completedByResourceID = resourceId;
    effects.resolvedDateTime = ticket?.resolvedDateTime ?? at;
  } else if (previous === STATUS_COMPLETE && next !== STATUS_COMPLETE) {
    effects.completedDate = null;
    effects.completedByResourceID = null;
    effects.resolvedDateTime = null;
  }
  if (next !== STATUS_NEW && (ticket?.firstResponseDateTime ?? null) === null && previous !== next) {
    effects.firstResponseDateTime = at;
    effects.firstResponseInitiatingResourceID = resourceId;
  }
  return effects;
}

/** The activity fields of a write to a ticket by a resource (or, with `contactId`, a contact). */
export function activityFields(at: number, resourceId: number | undefined, customerVisible: boolean): Record<string, FieldValue> {
  const fields: Record<string, FieldValue> = {
    lastActivityDate: at,
    lastTrackedModificationDateTime: at,
    lastActivityResourceID: resourceId ?? null,
    lastActivityPersonType: resourceId === undefined ? PERSON_TYPE.contact : PERSON_TYPE.resource,
  };
  if (customerVisible) fields.lastCustomerVisibleActivityDateTime = at;
  return fields;
}
