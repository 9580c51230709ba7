/**
 * Ivanti's timestamps: stored to the second (its JSON never carries milliseconds), written in the
 * tenant's UTC offset (`2020-08-12T16:33:37-07:00`, or `Z` on a UTC tenant), and read in `$filter`
 * as bare, unquoted ISO dates (`CreatedDateTime gt 2026-01-01`).
 *
 * @module
 */

const MINUTE = 60_000;

/** A time in milliseconds cut down to the whole second, as Ivanti stores it. */
export function toSecond(time: number): number {
  return Math.floor(time / 1000) * 1000;
}

/** `+02:00`, `-07:00`, or `Z` for a zero offset. */
export function offsetSuffix(offsetMinutes: number): string {
  if (offsetMinutes === 0) return 'Z';
  const sign = offsetMinutes > 0 ? '+' : '-';
  const absolute = Math.abs(offsetMinutes);
  return `${sign}${String(Math.floor(absolute / 60)).padStart(2, '0')}:${String(absolute % 60).padStart(2, '0')}`;
}

/** A stored time as Ivanti writes it: local time of the tenant, to the second, with its offset. */
export function formatIvantiDate(time: number, offsetMinutes: number): string {
  const local = new Date(toSecond(time) + offsetMinutes * MINUTE).toISOString().slice(0, 19);
  return `${local}${offsetSuffix(offsetMinutes)}`;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?)?(Z|[+-]\d{2}:?\d{2})?$/u;

/**
 * Reads an ISO 8601 date or date-time as Ivanti accepts it in a filter or a payload: `2026-01-01`,
 * `2026-01-01T10:00:00Z`, `2026-01-01T10:00:00.000Z`, `2026-01-01T10:00:00+02:00`. A value without
 * an offset is UTC. `undefined` when it is not such a date.
 */
export function parseIvantiDate(text: string): number | undefined {
  const match = ISO_DATE.exec(text.trim());
  if (match === null) return undefined;
  const [, year, month, day, hour = '00', minute = '00', second = '00', fraction = '', zone = 'Z'] = match;
  const millis = fraction === '' ? 0 : Math.floor(Number(`0.${fraction}`) * 1000);
  const utc = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second), millis);
  const check = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  if (check.getUTCMonth() !== Number(month) - 1 || check.getUTCDate() !== Number(day) || Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59) {
    return undefined;
  }
  if (zone === 'Z') return utc;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const offset = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4)));
  return utc - offset * MINUTE;
}
