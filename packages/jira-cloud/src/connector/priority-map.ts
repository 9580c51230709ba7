/**
 * Priorities: Jira priority names to the model's levels, and back.
 *
 * @module
 */
import type { PriorityInput, PriorityLevel } from '@itsm/core';
import { createCategoryMapper } from '@itsm/core/provider';

/**
 * The level of a Jira priority name (compared case-insensitively); any other name is `unknown`.
 *
 * | Jira priority | level |
 * |---|---|
 * | Highest, Blocker, Critical | `critical` |
 * | High, Major | `high` |
 * | Medium | `medium` |
 * | Low, Lowest, Minor, Trivial | `low` |
 *
 * @category Mapping
 */
export const DEFAULT_JIRA_PRIORITY_LEVELS: Readonly<Record<string, PriorityLevel>> = Object.freeze({
  highest: 'critical',
  blocker: 'critical',
  critical: 'critical',
  high: 'high',
  major: 'high',
  medium: 'medium',
  low: 'low',
  lowest: 'low',
  minor: 'low',
  trivial: 'low',
});

/**
 * The Jira priority a level is written as: Jira Cloud's default priority scheme (`Highest`, `High`, `Medium`, `Low`).
 *
 * @category Mapping
 */
export const DEFAULT_JIRA_PRIORITY_NAMES: Readonly<Record<PriorityInput, string>> = Object.freeze({
  critical: 'Highest',
  high: 'High',
  medium: 'Medium',
  low: 'Low',
});

const priorityLevel = createCategoryMapper<PriorityLevel>({ defaults: DEFAULT_JIRA_PRIORITY_LEVELS, fallback: 'unknown' });

/**
 * The level of a Jira priority.
 *
 * @param name - The priority's name, e.g. `Highest`.
 * @example
 * ```ts
 * jiraPriorityLevel('Blocker'); // 'critical'
 * jiraPriorityLevel('P2');      // 'unknown'
 * ```
 *
 * @category Mapping
 */
export function jiraPriorityLevel(name: string): PriorityLevel {
  return priorityLevel({ name });
}
