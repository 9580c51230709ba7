/**
 * How an Autotask priority becomes a `PriorityLevel`: priorities are a tenant picklist, mapped by
 * label, with the caller's `priorityMap` on top.
 *
 * | priority (label, case-insensitive) | level |
 * |---|---|
 * | Critical, Urgent | `critical` |
 * | High | `high` |
 * | Medium, Normal | `medium` |
 * | Low | `low` |
 * | anything else | `unknown` |
 *
 * @module
 */
import type { PriorityLevel } from '@itsm/core';
import { createCategoryMapper, type CategoryMapper } from '@itsm/core/provider';

/**
 * The default level of Autotask priorities, by label.
 *
 * @category Mapping
 */
export const DEFAULT_AUTOTASK_PRIORITY_NAMES: Readonly<Record<string, PriorityLevel>> = Object.freeze({
  critical: 'critical',
  urgent: 'critical',
  high: 'high',
  medium: 'medium',
  normal: 'medium',
  low: 'low',
});

/**
 * The priority mapping: `priorityMap` (by value, then label), then {@link DEFAULT_AUTOTASK_PRIORITY_NAMES}, else `unknown`.
 *
 * @param priorityMap - Overrides by priority value or label.
 * @category Mapping
 */
export function createPriorityMapper(priorityMap: Readonly<Record<string, PriorityLevel>> = {}): CategoryMapper<PriorityLevel> {
  return createCategoryMapper<PriorityLevel>({ overrides: priorityMap, defaults: DEFAULT_AUTOTASK_PRIORITY_NAMES, fallback: 'unknown' });
}
