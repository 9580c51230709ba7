/**
 * Autotask's dates: "The REST API stores and returns all time data in Coordinated Universal Time
 * (UTC)". The simulator stores epoch milliseconds and answers ISO 8601 with `Z`
 * (`2026-01-05T09:30:00.000Z`). It reads what clients send: with an offset or `Z`, or without one
 * (`2030-03-21T00:00:00`, `2020-10-05T10:59:57.537`), which means UTC, or a date alone (midnight UTC).
 *
 * @module
 */

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?)?(Z|[+-]\d{2}:?\d{2})?$/u;

/** An epoch-ms instant as Autotask answers it. */
export function formatDate(epochMs: number): string {
  return new Date(epochMs).toISOString();
}

/** An Autotask date string as epoch ms, or `undefined` when it is not one. */
export function parseDate(text: string): number | undefined {
  const match = ISO.exec(text.trim());
  if (match === null) return undefined;
  const [, year, month, day, hour = '00', minute = '00', second = '00', fraction = '0', zone] = match;
  const milliseconds = Number(fraction.padEnd(3, '0').slice(0, 3));
  let time = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second), milliseconds);
  const check = new Date(time);
  if (check.getUTCFullYear() !== Number(year) || check.getUTCMonth() !== Number(month) - 1 || check.getUTCDate() !== Number(day)) return undefined;
  if (Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59) return undefined;
  if (zone !== undefined && zone !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    time -= sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
  }
  return time;
}

/** `YYYYMMDD` of an instant (UTC), as in ticket numbers `T20260105.0042`. */
export function dayStamp(epochMs: number): string {
  return formatDate(epochMs).slice(0, 10).replaceAll('-', '');
}
