/**
 * What `verifyAccess()` checks, by id, and the knowledge base it reads: public, and kept apart from
 * the checks themselves (`verify.ts`), which the connector loads only when `verifyAccess()` is called.
 *
 * @module
 */

/**
 * The stable ids of the checks `verifyAccess()` runs, in order.
 *
 * @category Access checks
 */
export const IVANTI_ACCESS_CHECKS = Object.freeze([
  'credentials',
  'service-account',
  'employees.read',
  'incidents.read',
  'service-requests.read',
  'knowledge.read',
  'offerings.read',
  'offerings.available',
  'idempotency.fields',
  'acting-account',
  'incident.status',
  'service-request.status',
  'journal.write',
  'attachment.write',
] as const);

/**
 * The id of one check of `verifyAccess()`.
 *
 * @category Access checks
 */
export type IvantiAccessCheckId = (typeof IVANTI_ACCESS_CHECKS)[number];

/**
 * The entity set `knowledge.read` reads (the name is not confirmed on every tenant).
 *
 * @category Access checks
 */
export const KNOWLEDGE_ENTITY_SET = 'frs_knowledges';
