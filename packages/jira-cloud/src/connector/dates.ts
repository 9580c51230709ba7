/**
 * Jira timestamps (`2025-01-17T12:34:00.000+0000`, in the caller's profile zone) to the model's
 * UTC ISO 8601 instants (`2025-01-17T12:34:00.000Z`).
 *
 * @module
 */
import { createTimestampReader, isoTimestampToUtc } from '@itsm/core/provider';
import { JIRA_CLOUD } from '../provider.js';

/**
 * A Jira timestamp as a UTC ISO 8601 instant, `…Z`, with milliseconds. Accepts Jira's `+0000`
 * offsets, `+00:00` offsets, `Z`, and a missing seconds or milliseconds part.
 *
 * @param value - The timestamp as Jira sent it.
 * @returns The instant in UTC, or `undefined` when `value` is not a date-time with an offset.
 * @example
 * ```ts
 * jiraTimestampToUtc('2025-07-01T14:34:56.789+0200'); // '2025-07-01T12:34:56.789Z'
 * ```
 *
 * @category Mapping
 */
export function jiraTimestampToUtc(value: string): string | undefined {
  return isoTimestampToUtc(value);
}

/**
 * Reads Jira's timestamps for the model: `required` throws a `ResponseShapeError` for a missing or
 * unreadable one, `optional` gives `undefined`.
 *
 * @internal
 */
export const jiraTimestamps = createTimestampReader(JIRA_CLOUD, jiraTimestampToUtc);
