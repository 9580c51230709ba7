/**
 * Provider timestamps to the model's UTC ISO 8601 instants (`2025-01-17T12:34:00.000Z`).
 *
 * @module
 */
import { ResponseShapeError, type ProviderId } from '@itsm/core';

const TIMESTAMP = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * An ISO 8601 date-time as a UTC instant, `…Z`, with milliseconds. Accepts `Z`, `+00:00` and
 * `+0000` offsets, and a missing seconds or fraction part. A date-time without an offset is
 * refused, unless `assumeUtc` says the provider writes UTC without one (as Autotask does).
 *
 * @param value - The timestamp as the provider sent it.
 * @param options - `assumeUtc`: read a date-time without an offset as UTC.
 * @returns The instant in UTC, or `undefined` when `value` is not such a date-time.
 * @example
 * ```ts
 * isoTimestampToUtc('2025-07-01T14:34:56.789+0200');                    // '2025-07-01T12:34:56.789Z'
 * isoTimestampToUtc('2025-07-01T14:34:56');                             // undefined
 * isoTimestampToUtc('2025-07-01T14:34:56.537', { assumeUtc: true });    // '2025-07-01T14:34:56.537Z'
 * ```
 *
 * @category Mapping
 */
export function isoTimestampToUtc(value: string, options: { assumeUtc?: boolean | undefined } = {}): string | undefined {
  const match = TIMESTAMP.exec(value.trim());
  if (match === null) return undefined;
  const [, local = '', offset] = match;
  if (offset === undefined && !options.assumeUtc) return undefined;
  const zone = offset === undefined || /^z$/i.test(offset) ? 'Z' : `${offset.slice(0, 3)}:${offset.slice(-2)}`;
  const time = Date.parse(`${local}${zone}`);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

/**
 * Reads a provider's timestamps into the model's. Made by {@link createTimestampReader}.
 *
 * @category Mapping
 */
export interface TimestampReader {
  /**
   * A timestamp the model requires (`createdAt`, `updatedAt`).
   *
   * @param value - The value as the provider sent it.
   * @param field - Where it came from, for the error (e.g. `fields.updated`).
   * @param raw - The payload, kept in the error.
   * @throws `ResponseShapeError` when it is missing or unreadable.
   */
  required(value: unknown, field: string, raw: unknown): string;
  /**
   * An optional timestamp: `undefined` when absent or unreadable.
   *
   * @param value - The value as the provider sent it, or nothing.
   */
  optional(value: unknown): string | undefined;
}

/**
 * A {@link TimestampReader} over a provider's parse function.
 *
 * @param provider - The provider, set on the error.
 * @param parse - Turns one of the provider's timestamps into a UTC ISO 8601 instant, or `undefined`
 *   (it may also drop a sentinel such as Ivanti's `0001-01-01T00:00:00Z`). Default {@link isoTimestampToUtc}.
 * @example
 * ```ts
 * const dates = createTimestampReader('autotask', (value) => isoTimestampToUtc(value, { assumeUtc: true }));
 * dates.required('2026-01-05T09:30:00.123', 'createDate', {}); // '2026-01-05T09:30:00.123Z'
 * ```
 *
 * @category Mapping
 */
export function createTimestampReader(provider: ProviderId, parse: (value: string) => string | undefined = isoTimestampToUtc): TimestampReader {
  const optional = (value: unknown) => (typeof value === 'string' ? parse(value) : undefined);
  return {
    required(value, field, raw) {
      const utc = optional(value);
      if (utc === undefined) {
        throw new ResponseShapeError(`${provider} sent no valid ${field} (${JSON.stringify(value)})`, {
          provider,
          issues: [{ path: field.split('.'), message: 'expected a date-time with an offset' }],
          raw,
        });
      }
      return utc;
    },
    optional,
  };
}
