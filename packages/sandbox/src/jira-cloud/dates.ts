/**
 * Dates as Jira writes them. The platform API writes `2021-01-17T12:34:00.000+0000`, JSM writes a
 * `{ iso8601, jira, friendly, epochMillis }` object; both in the calling user's profile time zone
 * (the service account's `America/Danmarkshavn` is UTC+0 all year, which is why the seed asks for it).
 *
 * @module
 */
import { assertTimeZone, wallClock } from './jql/dates.js';

/** The wall-clock parts of an instant in a time zone, and the zone's offset in minutes. */
export interface LocalTime {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly millisecond: number;
  readonly offsetMinutes: number;
}

/** The local time of `ms` in `timeZone` (an invalid zone falls back to UTC). */
export function localTime(ms: number, timeZone: string): LocalTime {
  let wall: ReturnType<typeof wallClock>;
  try {
    wall = wallClock(ms, timeZone);
  } catch {
    wall = wallClock(ms, 'UTC');
  }
  const { year, month, day, hour, minute, second } = wall;
  const millisecond = ((ms % 1000) + 1000) % 1000;
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second, millisecond);
  return { year, month, day, hour, minute, second, millisecond, offsetMinutes: Math.round((asUtc - ms) / 60_000) };
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

function offset(minutes: number, colon: boolean): string {
  const sign = minutes < 0 ? '-' : '+';
  const absolute = Math.abs(minutes);
  return `${sign}${pad(Math.floor(absolute / 60))}${colon ? ':' : ''}${pad(absolute % 60)}`;
}

/** `2021-01-17T12:34:00.000+0000`: the platform API's date-time format, in `timeZone`. */
export function jiraDateTime(ms: number, timeZone: string): string {
  const t = localTime(ms, timeZone);
  return `${t.year}-${pad(t.month)}-${pad(t.day)}T${pad(t.hour)}:${pad(t.minute)}:${pad(t.second)}.${pad(t.millisecond, 3)}${offset(t.offsetMinutes, false)}`;
}

/** `2021-01-17`: a date in `timeZone`. */
export function jiraDate(ms: number, timeZone: string): string {
  const t = localTime(ms, timeZone);
  return `${t.year}-${pad(t.month)}-${pad(t.day)}`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/** JSM's date object: `{ iso8601, jira, friendly, epochMillis }`. */
export interface JsmDate {
  readonly iso8601: string;
  readonly jira: string;
  readonly friendly: string;
  readonly epochMillis: number;
}

/** The JSM date object of an instant, in `timeZone`. */
export function jsmDate(ms: number, timeZone: string): JsmDate {
  const t = localTime(ms, timeZone);
  const hour12 = t.hour % 12 === 0 ? 12 : t.hour % 12;
  return {
    iso8601: `${t.year}-${pad(t.month)}-${pad(t.day)}T${pad(t.hour)}:${pad(t.minute)}:${pad(t.second)}${offset(t.offsetMinutes, false)}`,
    jira: jiraDateTime(ms, timeZone),
    friendly: `${pad(t.day)}/${MONTHS[t.month - 1] ?? 'Jan'}/${pad(t.year % 100)} ${hour12}:${pad(t.minute)} ${t.hour < 12 ? 'AM' : 'PM'}`,
    epochMillis: ms,
  };
}

/** Whether `timeZone` is an IANA zone this runtime knows. */
export function isTimeZone(timeZone: string): boolean {
  try {
    assertTimeZone(timeZone);
    return true;
  } catch {
    return false;
  }
}

/**
 * A date-time as Jira reads one in a request body (`2021-01-17T12:34:00.000+0000`, also with
 * `+00:00`, `Z`, or without milliseconds), in milliseconds; `undefined` when it is not one.
 */
export function parseJiraDateTime(text: string): number | undefined {
  const match = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?)(Z|[+-]\d{2}:?\d{2})$/u.exec(text.trim());
  if (match === null) return undefined;
  const offset = match[2] === 'Z' ? 'Z' : `${match[2]?.slice(0, 3)}:${match[2]?.slice(-2)}`;
  const ms = Date.parse(`${match[1]}${offset}`);
  return Number.isNaN(ms) ? undefined : ms;
}
