/**
 * Ivanti's timestamps as the model's: UTC ISO 8601 instants. Ivanti writes them with the tenant's
 * offset (`2020-08-12T16:33:37-07:00`) or `Z`, and `0001-01-01T00:00:00` for an empty date.
 *
 * @module
 */
import { createTimestampReader, isoTimestampToUtc, type TimestampReader } from '@itsm/core/provider';
import { IVANTI } from '../provider.js';

/**
 * An Ivanti timestamp as a UTC instant (`…Z`), or `undefined` for Ivanti's empty date
 * (`0001-01-01…`) and for text that is not a date-time. A date-time without an offset is read as UTC.
 *
 * @param value - The timestamp as Ivanti sent it.
 * @example
 * ```ts
 * ivantiTimestampToUtc('2020-08-12T16:33:37-07:00'); // '2020-08-12T23:33:37.000Z'
 * ivantiTimestampToUtc('0001-01-01T00:00:00Z');      // undefined
 * ```
 *
 * @category Mapping
 */
export function ivantiTimestampToUtc(value: string): string | undefined {
  if (value.trim().startsWith('0001-01-01')) return undefined;
  return isoTimestampToUtc(value, { assumeUtc: true });
}

/** Reads Ivanti's timestamps into the model's. */
export const ivantiTimestamps: TimestampReader = createTimestampReader(IVANTI, ivantiTimestampToUtc);
