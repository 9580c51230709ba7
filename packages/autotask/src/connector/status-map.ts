/**
 * How an Autotask ticket status becomes a `StatusCategory` of the shared model. Statuses are a
 * tenant picklist; only `5` = Complete is the same in every tenant, so everything else is mapped by
 * the status's label, with the caller's `statusMap` on top.
 *
 * | status (label, case-insensitive) | category |
 * |---|---|
 * | New, Re-Opened, Reopened | `open` |
 * | In Progress, Scheduled, Dispatched, Escalate | `in_progress` |
 * | Waiting Customer, Waiting Materials, Waiting Vendor, Waiting Approval, On Hold, any other "Waiting …" | `waiting_for_user` |
 * | Complete (value `5`, whatever its label), Resolved | `resolved` |
 * | Closed, Cancelled, Canceled | `closed` |
 * | anything else | `unknown` (the native value is kept) |
 *
 * Autotask has one terminal status of its own, Complete, which can be reopened: it is `resolved`.
 * A tenant with a status of its own for closed tickets (`Closed`) maps it to `closed`; otherwise a
 * transition to `closed` is refused (map one with `statusMap`).
 *
 * @module
 */
import type { StatusCategory, StatusInput } from '@itsm/core';
import { createCategoryMapper, type CategoryMapper, type NativeRef } from '@itsm/core/provider';
import { AUTOTASK_STATUS_COMPLETE } from '../picklists.js';

/**
 * The default category of Autotask statuses, by label (and `5`, Complete, by value).
 *
 * @category Mapping
 */
export const DEFAULT_AUTOTASK_STATUS_NAMES: Readonly<Record<string, StatusCategory>> = Object.freeze({
  [AUTOTASK_STATUS_COMPLETE]: 'resolved',
  new: 'open',
  're-opened': 'open',
  reopened: 'open',
  'in progress': 'in_progress',
  scheduled: 'in_progress',
  dispatched: 'in_progress',
  escalate: 'in_progress',
  'waiting customer': 'waiting_for_user',
  'waiting materials': 'waiting_for_user',
  'waiting vendor': 'waiting_for_user',
  'waiting approval': 'waiting_for_user',
  'on hold': 'waiting_for_user',
  complete: 'resolved',
  resolved: 'resolved',
  closed: 'closed',
  cancelled: 'closed',
  canceled: 'closed',
});

/**
 * The statuses `transition()` prefers for each category, by label (or value), in order; without
 * one of them it takes the first active status of the category. Reopening a resolved or closed
 * ticket prefers `Re-Opened` over `New`.
 *
 * @category Mapping
 */
export const PREFERRED_AUTOTASK_STATUSES: Readonly<Record<StatusInput, readonly (number | string)[]>> = Object.freeze({
  open: Object.freeze(['New', 'Re-Opened', 'Reopened']),
  in_progress: Object.freeze(['In Progress']),
  waiting_for_user: Object.freeze(['Waiting Customer']),
  resolved: Object.freeze([AUTOTASK_STATUS_COMPLETE, 'Resolved']),
  closed: Object.freeze(['Closed']),
});

/**
 * Maps Autotask statuses (value and label) to categories.
 *
 * @category Mapping
 */
export type StatusMapper = CategoryMapper<StatusCategory>;

/**
 * The status mapping: the caller's `statusMap` (by value, then label), then
 * {@link DEFAULT_AUTOTASK_STATUS_NAMES}, then any label beginning with "Waiting" as
 * `waiting_for_user`, else `unknown`.
 *
 * @param statusMap - Overrides by status value or label.
 * @example
 * ```ts
 * const category = createStatusMapper({ 'Waiting Vendor': 'in_progress' });
 * category({ id: 5, name: 'Done' });            // 'resolved'
 * category({ id: 12, name: 'Waiting Vendor' }); // 'in_progress'
 * category({ id: 21, name: 'Waiting Parts' });  // 'waiting_for_user'
 * ```
 *
 * @category Mapping
 */
export function createStatusMapper(statusMap: Readonly<Record<string, StatusCategory>> = {}): StatusMapper {
  return createCategoryMapper<StatusCategory, NativeRef>({
    overrides: statusMap,
    defaults: DEFAULT_AUTOTASK_STATUS_NAMES,
    fallback: (status) => (/^\s*waiting\b/i.test(status.name ?? '') ? 'waiting_for_user' : 'unknown'),
  });
}
