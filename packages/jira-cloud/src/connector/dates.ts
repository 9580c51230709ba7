/**
 * Jira timestamps (`2025-01-17T12:34:00.000+0000`, in the caller's profile zone) to the model's
 * UTC ISO 8601 instants (`2025-01-17T12:34:00.000Z`).
 *
 * @module
 */
import { ResponseShapeError } from '@itsm/core';

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
 */
export function jiraTimestampToUtc(value: string): string | undefined {
  const match = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)(Z|[+-]\d{2}:?\d{2})$/i.exec(value.trim());
  if (match === null) return undefined;
  const [, local = '', offset = ''] = match;
  const zone = /^z$/i.test(offset) ? 'Z' : `${offset.slice(0, 3)}:${offset.slice(-2)}`;
  const time = Date.parse(`${local}${zone}`);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

/**
 * {@link jiraTimestampToUtc} for a timestamp the model requires.
 *
 * @param value - The timestamp as Jira sent it.
 * @param field - Where it came from, for the error (e.g. `fields.updated`).
 * @param raw - The payload, kept in the error.
 * @throws `ResponseShapeError` when the value is missing or not a date-time with an offset.
 * @internal
 */
export function requiredUtc(value: unknown, field: string, raw: unknown): string {
  const utc = typeof value === 'string' ? jiraTimestampToUtc(value) : undefined;
  if (utc === undefined) {
    throw new ResponseShapeError(`Jira sent no valid ${field} (${JSON.stringify(value)})`, {
      provider: 'jira-cloud',
      issues: [{ path: field.split('.'), message: 'expected a date-time with an offset' }],
      raw,
    });
  }
  return utc;
}

/**
 * {@link jiraTimestampToUtc} for an optional timestamp: `undefined` when absent or unreadable.
 *
 * @param value - The timestamp as Jira sent it, or nothing.
 * @internal
 */
export function optionalUtc(value: unknown): string | undefined {
  return typeof value === 'string' ? jiraTimestampToUtc(value) : undefined;
}
