/**
 * Jira's time-tracking durations: `1w 2d 3h 30m` (weeks, days, hours, minutes; a bare number is
 * minutes), read and written with the site's default working time: a day is 8 hours, a week 5 days.
 *
 * @module
 */

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 8 * HOUR;
const WEEK = 5 * DAY;
const UNITS: Readonly<Record<string, number>> = { w: WEEK, d: DAY, h: HOUR, m: MINUTE };

/** Seconds in `text` (`1h 30m` → 5400, `45` → 2700), or `undefined` when Jira would not read it. */
export function parseDuration(text: string): number | undefined {
  const trimmed = text.trim().toLowerCase();
  if (/^\d+(?:\.\d+)?$/u.test(trimmed)) return Math.round(Number(trimmed) * MINUTE);
  const parts = trimmed.split(/\s+/u);
  let seconds = 0;
  let seen = '';
  for (const part of parts) {
    const match = /^(\d+(?:\.\d+)?)([wdhm])$/u.exec(part);
    if (match === null) return undefined;
    const unit = match[2] as string;
    // Each unit once, largest first, as Jira writes them.
    if (seen.includes(unit) || (seen !== '' && 'wdhm'.indexOf(unit) < 'wdhm'.indexOf(seen.at(-1) ?? 'w'))) return undefined;
    seen += unit;
    seconds += Number(match[1]) * (UNITS[unit] ?? 0);
  }
  return trimmed === '' ? undefined : Math.round(seconds);
}

/** `seconds` as Jira writes a duration: `1d 2h 30m`; `0m` for nothing. */
export function formatDuration(seconds: number): string {
  let rest = Math.max(0, Math.round(seconds / MINUTE) * MINUTE);
  const parts: string[] = [];
  for (const [unit, size] of Object.entries(UNITS)) {
    const count = Math.floor(rest / size);
    if (count > 0) parts.push(`${count}${unit}`);
    rest -= count * size;
  }
  return parts.length === 0 ? '0m' : parts.join(' ');
}
