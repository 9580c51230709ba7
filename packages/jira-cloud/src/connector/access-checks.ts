/**
 * What `verifyAccess()` checks, by id, and the time-zone rule of the service account: public, and
 * kept apart from the checks themselves (`verify.ts`), which the connector loads only when
 * `verifyAccess()` is called.
 *
 * @module
 */
import { offsetAt, zoneFormatter } from '../jql/date.js';

/**
 * The time zone the service-account setup asks for: UTC all year, no daylight saving time.
 *
 * @category Access checks
 */
export const RECOMMENDED_TIME_ZONE = 'America/Danmarkshavn';

/**
 * The stable ids of the checks `verifyAccess()` runs, in order.
 *
 * @category Access checks
 */
export const JIRA_ACCESS_CHECKS = Object.freeze([
  'credentials',
  'timezone',
  'project',
  'service-desk',
  'product-access',
  'customers',
  'transition.resolve',
  'transition.in_progress',
  'transition.reopen',
  'resolve-screen.assignee',
] as const);

/**
 * The id of one check of `verifyAccess()`.
 *
 * @category Access checks
 */
export type JiraAccessCheckId = (typeof JIRA_ACCESS_CHECKS)[number];

/**
 * Whether a time zone is UTC all year: its offset is zero on the 1st and 15th of every month of
 * `year` (so `UTC`, `Etc/UTC`, `America/Danmarkshavn`, `Atlantic/Reykjavik` are; `Europe/London`,
 * with summer time, is not). An unknown zone is not.
 *
 * @param timeZone - An IANA time zone.
 * @param year - The year to check. Default: the current one.
 * @example
 * ```ts
 * isUtcLikeTimeZone('America/Danmarkshavn'); // true
 * isUtcLikeTimeZone('Europe/London');        // false
 * ```
 *
 * @category Access checks
 */
export function isUtcLikeTimeZone(timeZone: string, year: number = new Date().getUTCFullYear()): boolean {
  try {
    zoneFormatter(timeZone);
  } catch {
    return false;
  }
  for (let month = 0; month < 12; month++) {
    for (const day of [1, 15]) {
      if (offsetAt(Date.UTC(year, month, day, 12), timeZone) !== 0) return false;
    }
  }
  return true;
}
