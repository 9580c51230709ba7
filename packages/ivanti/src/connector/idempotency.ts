/**
 * Where the Ivanti connector keeps idempotency keys, and how it finds what a create made.
 *
 * A stock Ivanti tenant has no field meant for an integration's marker, so keys are kept only where
 * the administrator added one: a custom text field of Incident and ServiceReq (the connector's
 * `idempotencyField`) and of Journal notes (`noteIdempotencyField`). The create writes the key into
 * it (`atomic`), and a look-up is one exact `$filter` on it (`eq` ignores case on Ivanti, so the
 * match is made exact here).
 *
 * Without such a field (`none`), nothing can recognise a record as the one a call made. When a
 * create's answer is lost, the connector still looks for the records that fit the call — same
 * subject and customer, created since the call began (or, for a note, same text on the same ticket)
 * — and names them in the `OutcomeUnknownError`'s `recovery`, for a person to judge: it cannot tell
 * a record the call made from an identical one made by someone else at the same time, and a create
 * still running on the server (tenant workflows can take longer than the timeout) shows up only later.
 *
 * @internal
 * @module
 */
import { OutcomeUnknownError } from '@itsm/core';
import { errorSummary } from '@itsm/core/provider';
import { odata } from '../odata/builder.js';
import type { ODataFilter } from '../odata/filter.js';
import { isNullLiteral } from '../odata/literal.js';
import { IVANTI, kit } from '../provider.js';
import type { JournalNote } from '../schemas/activity.js';
import type { Incident, ServiceRequest } from '../schemas/tickets.js';
import type { ConnectorContext } from './context.js';
import { TICKET_KINDS, type TicketKind } from './kinds.js';
import { ticketKey } from './ticket-ref.js';

/**
 * How far before a call the records it may have made are looked for: the difference between the
 * client's clock and Ivanti's it allows, in ms (the connector's `latenessMs` is added to it).
 */
export const CLOCK_SKEW_MS = 5 * 60_000;

/** Records read per look-up: enough for the few that can share a key or fit a lost call. */
const LOOKUP_SIZE = 20;

/**
 * Refuses a key Ivanti would read as an empty field in a filter (`'$NULL'`, any case).
 *
 * @param key - The idempotency key.
 */
export function checkStorableKey(key: string): void {
  if (isNullLiteral(key)) kit.fail('options.idempotencyKey', "must not be '$NULL', which Ivanti reads as an empty field");
}

/** The value of a record's field, when it is a string. */
function text(record: Record<string, unknown>, field: string): string | undefined {
  const value = record[field];
  return typeof value === 'string' ? value : undefined;
}

/**
 * The ticket of a kind whose idempotency field holds `key` (exactly), the oldest when several do;
 * `undefined` when none does.
 *
 * @param context - The connector's context.
 * @param kind - The kind of ticket the call creates.
 * @param field - The idempotency field.
 * @param key - The idempotency key.
 */
export async function findTicketWithKey(context: ConnectorContext, kind: TicketKind, field: string, key: string): Promise<Incident | ServiceRequest | undefined> {
  const records = await context
    .resource(kind)
    .list({ filter: odata.eq(field, key), orderBy: ['CreatedDateTime asc', 'RecId asc'], pageSize: LOOKUP_SIZE })
    .toArray({ limit: LOOKUP_SIZE });
  return records.find((record) => text(record, field) === key);
}

/**
 * The note of a ticket whose idempotency field holds `key` (exactly); `undefined` when none does.
 *
 * @param context - The connector's context.
 * @param recId - The ticket's RecId.
 * @param field - The idempotency field of notes.
 * @param key - The idempotency key.
 */
export async function findNoteWithKey(context: ConnectorContext, recId: string, field: string, key: string): Promise<JournalNote | undefined> {
  const notes = await context.client.journalNotes
    .list({ filter: odata.and(odata.eq('ParentLink_RecID', recId), odata.eq(field, key)), orderBy: ['CreatedDateTime asc', 'RecId asc'], pageSize: LOOKUP_SIZE })
    .toArray({ limit: LOOKUP_SIZE });
  return notes.find((note) => text(note, field) === key);
}

/** What a lost create of a ticket was: enough to look for what it may have made. */
export interface TicketCall {
  /** The kind of ticket. */
  kind: TicketKind;
  /** The subject sent. */
  subject: string;
  /** The customer's RecId, when the call named one. */
  requester: string | undefined;
  /** The earliest `CreatedDateTime` the record can have. */
  since: Date;
}

/** The filter of the tickets that fit a lost create (the subject is compared exactly afterwards). */
function ticketFilter(call: TicketCall): ODataFilter {
  const parts: ODataFilter[] = [];
  if (call.requester !== undefined) parts.push(odata.eq('ProfileLink_RecID', call.requester));
  if (!isNullLiteral(call.subject)) parts.push(odata.eq('Subject', call.subject));
  parts.push(odata.ge('CreatedDateTime', call.since));
  return parts.length === 1 ? (parts[0] as ODataFilter) : odata.and(...parts);
}

/**
 * Where a person finds what a lost create of a ticket may have made.
 *
 * @param call - The call.
 */
export function ticketHowToFind(call: TicketCall): string {
  const { noun, entitySet } = TICKET_KINDS[call.kind];
  const customer = call.requester === undefined ? '' : ` for the customer (ProfileLink) ${call.requester}`;
  return `look for ${noun === 'incident' ? 'an' : 'a'} ${noun} with the subject "${call.subject}"${customer} created at or after ${call.since.toISOString()} ` +
    `(${entitySet} with $filter=${ticketFilter(call).text})`;
}

/**
 * Where a person finds what a lost create of a note may have made.
 *
 * @param ticket - The ticket's key.
 * @param body - The note's text.
 * @param since - The earliest `CreatedDateTime` the note can have.
 */
export function noteHowToFind(ticket: string, body: string, since: Date): string {
  return `look among the notes of ${ticket} added at or after ${since.toISOString()} for one with the text "${excerpt(body)}"`;
}

/** The first 80 characters of a text, on one line. */
function excerpt(body: string): string {
  const line = body.replace(/\s+/g, ' ').trim();
  return line.length > 80 ? `${line.slice(0, 79)}…` : line;
}

/**
 * The tickets that fit a lost create, oldest first.
 *
 * @param context - The connector's context.
 * @param call - The call.
 */
export async function ticketCandidates(context: ConnectorContext, call: TicketCall): Promise<(Incident | ServiceRequest)[]> {
  const records = await context
    .resource(call.kind)
    .list({ filter: ticketFilter(call), orderBy: ['CreatedDateTime asc', 'RecId asc'], pageSize: LOOKUP_SIZE })
    .toArray({ limit: LOOKUP_SIZE });
  return records.filter((record) => record.Subject === call.subject);
}

/**
 * The notes of a ticket that fit a lost create, oldest first.
 *
 * @param context - The connector's context.
 * @param recId - The ticket's RecId.
 * @param body - The note's text.
 * @param since - The earliest `CreatedDateTime` the note can have.
 */
export async function noteCandidates(context: ConnectorContext, recId: string, body: string, since: Date): Promise<JournalNote[]> {
  const notes = await context.client.journalNotes
    .list({ filter: odata.and(odata.eq('ParentLink_RecID', recId), odata.ge('CreatedDateTime', since)), orderBy: ['CreatedDateTime asc', 'RecId asc'], pageSize: 100 })
    .toArray({ limit: 500 });
  return notes.filter((note) => note.NotesBody === body);
}

/**
 * How a ticket record is named in a recovery text.
 *
 * @param kind - Its kind.
 * @param record - The record.
 */
export function ticketLabel(kind: TicketKind, record: Incident | ServiceRequest): string {
  const number = (record as Record<string, unknown>)[TICKET_KINDS[kind].numberField];
  const key = typeof number === 'number' || typeof number === 'string' ? ticketKey(kind, number) : record.RecId;
  return `${key} (RecId ${record.RecId}, created ${record.CreatedDateTime ?? 'at an unknown time'})`;
}

/**
 * The `OutcomeUnknownError` of a create whose answer was lost where no key can be kept, with what a
 * look-up right after the failure found added to its `recovery`: the records that fit the call, or
 * that there were none yet, or that the look-up failed. Never throws.
 *
 * @param error - The error `idempotentWrite` threw.
 * @param lookUp - Names the records that fit the call (an empty list when none does).
 */
export async function withCandidates(error: OutcomeUnknownError, lookUp: () => Promise<string[]>): Promise<OutcomeUnknownError> {
  let found: string;
  try {
    const labels = await lookUp();
    found = labels.length === 0
      ? 'A look-up right after the failure found none; a create can still be running on the server (tenant workflows can take longer than the timeout), so look again in a few minutes before you send it again.'
      : `A look-up right after the failure found ${labels.length === 1 ? 'one that fits' : `${labels.length} that fit`}: ${labels.join('; ')}. ` +
        `Check ${labels.length === 1 ? 'it is' : 'which one is'} the one this call made (someone else may have made an identical one) before you send it again.`;
  } catch (lookupError) {
    found = `Looking for it right after the failure failed too (${errorSummary(lookupError)}).`;
  }
  return new OutcomeUnknownError({
    provider: IVANTI,
    operation: error.operation,
    idempotencyKey: error.idempotencyKey,
    failure: error.cause,
    recovery: `${error.recovery} ${found}`,
    cause: error.cause,
  });
}
