/**
 * Which status a ticket moves to for a category: the configured one (`transitionStatus`), else the
 * tenant's status with a preferred name, else the first active status of the category.
 *
 * @module
 */
import { unsupported, type StatusCategory, type StatusInput } from '@itsm/core';
import { normaliseName } from '@itsm/core/provider';
import type { Picklist, PicklistEntry } from '../picklists.js';
import { AUTOTASK } from '../provider.js';
import type { PicklistChoice } from './options.js';
import { PREFERRED_AUTOTASK_STATUSES, type StatusMapper } from './status-map.js';

/**
 * What a status choice needs.
 *
 * @category Mapping
 */
export interface StatusChoiceContext {
  /** The tenant's `status` picklist. */
  statuses: Picklist;
  /** The status mapping. */
  statusCategory: StatusMapper;
  /** The configured status per category (`transitionStatus`). */
  configured: Partial<Record<StatusInput, PicklistChoice>>;
}

/** The active statuses of a category, in Autotask's order. */
export function statusesIn(context: Pick<StatusChoiceContext, 'statuses' | 'statusCategory'>, category: StatusCategory): PicklistEntry[] {
  return context.statuses.active().filter((entry) => context.statusCategory({ id: entry.value, name: entry.label }) === category);
}

/**
 * The status a ticket moves to for a category.
 *
 * @param context - The picklist, the mapping and the configured statuses.
 * @param to - The category.
 * @param from - The ticket's category now (reopening a resolved or closed ticket prefers `Re-Opened`).
 * @throws `InputError` when the configured status is not an active status of the tenant;
 *   `UnsupportedError` when no active status maps to the category.
 *
 * @category Mapping
 */
export function chooseStatus(context: StatusChoiceContext, to: StatusInput, from?: StatusCategory): PicklistEntry {
  const configured = context.configured[to];
  if (configured !== undefined) return context.statuses.require(configured, `transitionStatus.${to}`);
  const candidates = statusesIn(context, to);
  const preferred = [...PREFERRED_AUTOTASK_STATUSES[to]];
  if (to === 'open' && (from === 'resolved' || from === 'closed')) preferred.reverse();
  for (const wanted of preferred) {
    const found = candidates.find((entry) => (typeof wanted === 'number' ? entry.value === wanted : normaliseName(entry.label) === normaliseName(wanted)));
    if (found !== undefined) return found;
  }
  const first = candidates[0];
  if (first === undefined) {
    throw unsupported(
      AUTOTASK,
      `transition to ${to}`,
      `no active ticket status of this tenant maps to ${to}; map one with the statusMap option (e.g. statusMap: { 'Closed': '${to}' }) or name it in transitionStatus`,
    );
  }
  return first;
}
