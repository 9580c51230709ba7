/**
 * How the connector names tickets. Incidents and service requests number themselves with separate
 * counters, so a number alone can name one of each:
 *
 * - `id` is the record's RecId (32 hexadecimal digits, unique across every business object);
 * - `key` is the number with its kind: `INC-10234` for an incident, `SR-10196` for a service request.
 *
 * `tickets.get()` and the other methods take either; a bare number (`10234`) is looked up in both,
 * and is an `AmbiguousMatchError` when both have it.
 *
 * @module
 */
import { isRecId } from '../odata/names.js';
import { kit } from '../provider.js';
import { TICKET_KINDS, type TicketKind } from './kinds.js';

/**
 * What an id or key names.
 *
 * @category Mapping
 */
export type TicketRef =
  | {
      /** A RecId. */
      readonly recId: string;
    }
  | {
      /** The kind, when the key says; `undefined` for a bare number. */
      readonly kind: TicketKind | undefined;
      /** The number. */
      readonly number: number;
    };

const KEY = /^(INC|SR)[-\s#]?(\d{1,12})$/i;

/**
 * The key of a ticket: `INC-10234` or `SR-10196`.
 *
 * @param kind - The kind of ticket.
 * @param number - Its number.
 * @category Mapping
 */
export function ticketKey(kind: TicketKind, number: number | string): string {
  return `${TICKET_KINDS[kind].keyPrefix}-${number}`;
}

/**
 * Reads an id or key given by a caller.
 *
 * @param value - A RecId, a key (`INC-10234`, `SR-10196`, any case) or a bare number.
 * @param field - The argument's name, for the error.
 * @throws `InputError` naming `field` when it is none of these.
 * @example
 * ```ts
 * parseTicketRef('INC-10234', 'idOrKey'); // { kind: 'incident', number: 10234 }
 * parseTicketRef('0A89BD6EDB214B9C8D4488500E26867B', 'idOrKey'); // { recId: '0A89BD6E…' }
 * ```
 *
 * @category Mapping
 */
export function parseTicketRef(value: unknown, field: string): TicketRef {
  const text = typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : undefined;
  if (text !== undefined && isRecId(text)) return { recId: text };
  const key = text === undefined ? null : KEY.exec(text);
  if (key !== null) return { kind: key[1]?.toUpperCase() === 'INC' ? 'incident' : 'service_request', number: Number(key[2]) };
  if (text !== undefined && /^\d{1,12}$/.test(text)) return { kind: undefined, number: Number(text) };
  return kit.fail(field, 'must be a ticket id (a RecId: 32 hexadecimal digits) or key (INC-10234 for an incident, SR-10196 for a service request)');
}
