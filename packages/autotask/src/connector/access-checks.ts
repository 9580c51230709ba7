/**
 * What `verifyAccess()` checks, by id: public, and kept apart from the checks themselves
 * (`verify.ts`), which the connector loads only when `verifyAccess()` is called.
 *
 * @module
 */

/**
 * The stable ids of the checks `verifyAccess()` runs, in order.
 *
 * @category Access checks
 */
export const AUTOTASK_ACCESS_CHECKS = Object.freeze([
  'zone',
  'credentials',
  'thresholds',
  'tickets',
  'contacts',
  'create',
  'configuration',
  'statuses',
  'contact-emails',
  'portal',
] as const);

/**
 * The id of one check of `verifyAccess()`.
 *
 * @category Access checks
 */
export type AutotaskAccessCheckId = (typeof AUTOTASK_ACCESS_CHECKS)[number];
