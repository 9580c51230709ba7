/**
 * What `verifyAccess()` checks, by id: public, and kept apart from the checks themselves
 * (`verify.ts`), which the connector loads only when `verifyAccess()` is called.
 *
 * @module
 */

/** The stable ids of the checks `verifyAccess()` runs, in order. */
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

/** The id of one check of `verifyAccess()`. */
export type AutotaskAccessCheckId = (typeof AUTOTASK_ACCESS_CHECKS)[number];
