/**
 * Priorities: Ivanti's `Priority` (`1`, the most urgent, to `5`) read as a level, and a level
 * written as `Urgency` × `Impact`, from which Ivanti computes the priority.
 *
 * @module
 */
import type { PriorityInput, PriorityLevel } from '@itsm/core';

/**
 * The level of each stock priority.
 *
 * | Priority | level |
 * |---|---|
 * | 1 | `critical` |
 * | 2 | `high` |
 * | 3 | `medium` |
 * | 4, 5 | `low` |
 *
 * @category Mapping
 */
export const DEFAULT_IVANTI_PRIORITY_LEVELS: Readonly<Record<string, PriorityLevel>> = Object.freeze({
  1: 'critical',
  2: 'high',
  3: 'medium',
  4: 'low',
  5: 'low',
});

/**
 * What a level writes: `Urgency` and `Impact`, from which Ivanti's stock matrix gives the priority
 * (High × High is 1, High × Medium 2, Medium × Medium 3, Low × Medium 4).
 *
 * @category Mapping
 */
export const DEFAULT_IVANTI_PRIORITY_FIELDS: Readonly<Record<PriorityInput, { Urgency: string; Impact: string }>> = Object.freeze({
  critical: { Urgency: 'High', Impact: 'High' },
  high: { Urgency: 'High', Impact: 'Medium' },
  medium: { Urgency: 'Medium', Impact: 'Medium' },
  low: { Urgency: 'Low', Impact: 'Medium' },
});

/**
 * The level of an Ivanti priority; one the table does not know is `unknown`.
 *
 * @param priority - The `Priority` field (Ivanti sends it as text; some tenants as a number).
 * @example
 * ```ts
 * ivantiPriorityLevel('2'); // 'high'
 * ```
 *
 * @category Mapping
 */
export function ivantiPriorityLevel(priority: string | number): PriorityLevel {
  return DEFAULT_IVANTI_PRIORITY_LEVELS[String(priority).trim()] ?? 'unknown';
}
