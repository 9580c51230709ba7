/**
 * Dates in JQL: minute precision, no offset, read in the calling user's profile time zone.
 *
 * @module
 */
import { InputError } from '@itsm/core';
import { JIRA_CLOUD } from '../provider.js';

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Instants whose local year is within 1–9999 in every time zone (offsets stay within ±14 h). */
const EARLIEST = Date.parse('0001-01-02T00:00:00Z');
const LATEST = Date.parse('9999-12-30T00:00:00Z');

/**
 * A cached formatter for `timeZone`.
 *
 * @throws `InputError` when the runtime does not know the time zone.
 * @internal
 */
export function zoneFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      });
    } catch (cause) {
      throw new InputError(`Unknown time zone ${JSON.stringify(timeZone)}; expected an IANA name such as "Europe/Amsterdam"`, {
        provider: JIRA_CLOUD,
        field: 'timeZone',
        cause,
      });
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * Formats an instant as a JQL date-time literal, `yyyy-MM-dd HH:mm`, in `timeZone`.
 *
 * JQL date-times have minute precision and no offset: Jira reads them in the **calling user's
 * profile time zone** (`myself().timeZone`, which falls back to the site default). Pass that zone
 * here and the literal names the same instant Jira will think of.
 *
 * - Seconds are dropped, which **floors** the instant to its minute: `updated >= "<formatted>"`
 *   includes everything since the instant and never misses an update (it may return some from
 *   the same minute again, so de-duplicate).
 * - Correct across daylight-saving changes (uses `Intl.DateTimeFormat`). In the hour a clock is
 *   set back, the same wall-clock minute happens twice and Jira picks one of them; poll with an
 *   overlap window of more than an hour around such a change, or use a zone without DST.
 * - A zone with a fixed zero offset and no DST, e.g. `America/Danmarkshavn` (what the reference
 *   setup gives the bot's account), formats the same as `UTC`.
 *
 * The result has a space, so quote it in JQL — the {@link jql} tag does that for `Date` values.
 *
 * @param date - The instant.
 * @param timeZone - IANA time zone of the Jira user running the query, e.g. `Europe/Amsterdam`. Default `UTC`.
 * @returns e.g. `2025-03-30 03:05`.
 * @throws `InputError` for an invalid date or an unknown time zone.
 *
 * @example
 * ```ts
 * const me = await jira.myself();                                    // { timeZone: 'Europe/Amsterdam', … }
 * formatJqlDate(new Date('2025-07-01T12:34:56Z'), me.timeZone);       // '2025-07-01 14:34'
 * formatJqlDate(new Date('2025-07-01T12:34:56Z'), 'America/Danmarkshavn'); // '2025-07-01 12:34'
 * ```
 *
 * @category JQL
 */
export function formatJqlDate(date: Date, timeZone = 'UTC'): string {
  const formatter = zoneFormatter(timeZone);
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) {
    throw new InputError('Invalid date: cannot format it for JQL', { provider: JIRA_CLOUD, field: 'date' });
  }
  if (date.getTime() < EARLIEST || date.getTime() > LATEST) {
    throw new InputError(`Date ${date.toISOString()} is outside the years 1 to 9999`, { provider: JIRA_CLOUD, field: 'date' });
  }
  const parts: Record<string, string> = {};
  for (const part of formatter.formatToParts(date)) parts[part.type] = part.value;
  return `${(parts.year ?? '').padStart(4, '0')}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

/**
 * The UTC offset of `timeZone` at an instant, in milliseconds (minute precision).
 *
 * @param time - The instant, in epoch milliseconds.
 * @param timeZone - An IANA time zone.
 * @throws `InputError` when the runtime does not know the time zone.
 * @internal
 */
export function offsetAt(time: number, timeZone: string): number {
  const parts: Record<string, string> = {};
  for (const part of zoneFormatter(timeZone).formatToParts(time)) parts[part.type] = part.value;
  const wall = new Date(0);
  wall.setUTCFullYear(Number(parts.year), Number(parts.month) - 1, Number(parts.day)); // Date.UTC maps years 0-99 to 1900-1999
  wall.setUTCHours(Number(parts.hour), Number(parts.minute));
  return wall.getTime() - Math.floor(time / 60_000) * 60_000;
}

/** Longer than any daylight-saving shift in use (Antarctica/Troll moves its clocks by 2 hours). */
const LONGEST_SHIFT_MS = 3 * 3_600_000;

/**
 * An instant to write as the lower bound of a JQL date condition (`updated >= …`) so that Jira,
 * reading the literal in `timeZone`, never starts later than `date`.
 *
 * In the hours before clocks are set back, a local minute happens twice, and Jira may read the
 * literal as the second one, skipping everything in between. Such a `date` is moved back by the
 * shift, whose local minute is not ambiguous; any other `date` is returned as it is. The caller
 * filters the extra records out by their exact time.
 *
 * @param date - The instant the condition starts at.
 * @param timeZone - The IANA time zone Jira reads JQL dates in.
 * @example
 * ```ts
 * const tz = await client.timeZone();
 * const query = jql.withTimeZone(tz)`project = HELP AND updated >= ${jqlLowerBound(since, tz)} ORDER BY updated ASC`;
 * // then keep only issues whose updated time is >= since
 * ```
 *
 * @category JQL
 */
export function jqlLowerBound(date: Date, timeZone: string): Date {
  const time = date.getTime();
  const shift = offsetAt(time, timeZone) - offsetAt(time + LONGEST_SHIFT_MS, timeZone);
  return shift > 0 ? new Date(time - shift) : date;
}
