/**
 * Dates in JQL: literals (`"2024-01-31"`, `"2024/01/31 13:45"`), periods relative to now (`-5m`,
 * `-2h`, `-1d`, `"-4w 2d"`), epoch milliseconds, and the calendar arithmetic behind `startOfDay()`
 * and friends — all read in the caller's profile time zone, with `Intl` for the zone rules.
 *
 * Jira compares dates to the minute: a literal has no seconds, so the evaluator truncates record
 * times to the minute too. Wall times that a DST change skips (`02:30` on the night clocks go
 * forward) move forward by the gap; wall times that happen twice take the earlier instant — the
 * rules of `java.time`, which Jira runs on (inference: not documented for JQL).
 *
 * @module
 */

/** One minute in milliseconds. */
export const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A wall-clock time in some zone; `month` is 1–12. */
export interface LocalDateTime {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
}

/** Truncates epoch milliseconds to the start of their minute. */
export function floorToMinute(ms: number): number {
  return Math.floor(ms / MINUTE) * MINUTE;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, format);
  }
  return format;
}

/**
 * Throws a `RangeError` unless `timeZone` is an IANA zone `Intl` knows.
 */
export function assertTimeZone(timeZone: string): void {
  formatter(timeZone);
}

/** The wall-clock time of an instant in `timeZone`, to the second. Throws a `RangeError` for an unknown zone. */
export function wallClock(ms: number, timeZone: string): LocalDateTime & { second: number } {
  const fields: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(new Date(ms))) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  const get = (name: string) => fields[name] ?? 0;
  return {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    hour: get('hour'),
    minute: get('minute'),
    second: get('second'),
  };
}

/** The wall-clock time of an instant in `timeZone`. */
export function toLocal(ms: number, timeZone: string): LocalDateTime {
  const { year, month, day, hour, minute } = wallClock(ms, timeZone);
  return { year, month, day, hour, minute };
}

function naive(local: LocalDateTime): number {
  return Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute);
}

/** The zone's offset from UTC at an instant, in milliseconds. */
function offsetAt(ms: number, timeZone: string): number {
  const wall = wallClock(ms, timeZone);
  const wholeSeconds = Math.floor(ms / 1000) * 1000;
  return Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second) - wholeSeconds;
}

/** The instant a wall-clock time in `timeZone` denotes (skipped times move forward, repeated ones take the earlier instant). */
export function toInstant(local: LocalDateTime, timeZone: string): number {
  const wall = naive(local);
  const before = offsetAt(wall - DAY, timeZone);
  const after = offsetAt(wall + DAY, timeZone);
  const valid = [...new Set([before, after])].map((offset) => wall - offset).filter((ms) => offsetAt(ms, timeZone) === wall - ms);
  return valid.length > 0 ? Math.min(...valid) : wall - before;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** A day as a number (days since 1970-01-01), for comparing `date` fields. */
export function dayNumber(local: Pick<LocalDateTime, 'year' | 'month' | 'day'>): number {
  return Date.UTC(local.year, local.month - 1, local.day) / DAY;
}

const ABSOLUTE = /^(\d{4})([/-])(\d{1,2})\2(\d{1,2})(?:\s+(\d{1,2}):(\d{1,2}))?$/;

/**
 * Reads `yyyy/MM/dd HH:mm`, `yyyy-MM-dd HH:mm`, `yyyy/MM/dd` or `yyyy-MM-dd`; `undefined` for
 * anything else, including impossible dates such as `2010/02/35`.
 */
export function parseAbsoluteDate(text: string): { local: LocalDateTime; hasTime: boolean } | undefined {
  const match = ABSOLUTE.exec(text.trim());
  if (match === null) return undefined;
  const year = Number(match[1]);
  const month = Number(match[3]);
  const day = Number(match[4]);
  const hour = Number(match[5] ?? 0);
  const minute = Number(match[6] ?? 0);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59) return undefined;
  return { local: { year, month, day, hour, minute }, hasTime: match[5] !== undefined };
}

const PERIOD_UNITS: Readonly<Record<string, number>> = { w: 7 * DAY, d: DAY, h: HOUR, m: MINUTE };

/**
 * Reads a period relative to now — `-5m`, `-2h`, `-1d`, `-1w`, `"4w 2d"`, `"-4w 2d"` (the sign
 * applies to the whole period) — as signed milliseconds; `undefined` if `text` is not one.
 */
export function parsePeriod(text: string): number | undefined {
  const match = /^([-+]?)\s*((?:\d+\s*[wdhm]\s*)+)$/.exec(text.trim());
  if (match === null) return undefined;
  let total = 0;
  for (const part of (match[2] ?? '').matchAll(/(\d+)\s*([wdhm])/g)) {
    total += Number(part[1]) * (PERIOD_UNITS[part[2] ?? ''] ?? 0);
  }
  return match[1] === '-' ? -total : total;
}

/** Units of calendar arithmetic, from smallest to largest. */
export type CalendarUnit = 'm' | 'h' | 'd' | 'w' | 'M' | 'y';

/** Adds `amount` units to a wall-clock time (months and years keep the day, clamped to the month's length). */
export function addCalendar(local: LocalDateTime, amount: number, unit: CalendarUnit): LocalDateTime {
  if (unit === 'M' || unit === 'y') {
    const months = local.year * 12 + (local.month - 1) + (unit === 'y' ? amount * 12 : amount);
    const year = Math.floor(months / 12);
    const month = months - year * 12 + 1;
    return { ...local, year, month, day: Math.min(local.day, daysInMonth(year, month)) };
  }
  const step = { m: MINUTE, h: HOUR, d: DAY, w: 7 * DAY }[unit];
  const date = new Date(naive(local) + amount * step);
  return {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    hour: date.getUTCHours(),
    minute: date.getUTCMinutes(),
  };
}

/** The calendar periods of `startOfDay()` … `endOfYear()`. */
export type CalendarPeriod = 'day' | 'week' | 'month' | 'year';

/** The first minute of the period containing `local`; weeks start on Sunday (Jira's default locale). */
export function startOfPeriod(local: LocalDateTime, period: CalendarPeriod): LocalDateTime {
  const midnight = { ...local, hour: 0, minute: 0 };
  switch (period) {
    case 'day':
      return midnight;
    case 'week':
      return addCalendar(midnight, -new Date(naive(midnight)).getUTCDay(), 'd');
    case 'month':
      return { ...midnight, day: 1 };
    case 'year':
      return { ...midnight, month: 1, day: 1 };
  }
}
