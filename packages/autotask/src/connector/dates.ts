/**
 * Autotask's timestamps: UTC, usually written without an offset (`2026-01-05T09:30:00.123`).
 *
 * @module
 */
import { createTimestampReader, isoTimestampToUtc, type TimestampReader } from '@itsm/core/provider';
import { AUTOTASK } from '../provider.js';

/**
 * An Autotask timestamp as a UTC ISO 8601 instant (`…Z`), or `undefined` when it is not one.
 * Autotask stores and returns UTC, with or without an offset.
 *
 * @param value - The timestamp as Autotask sent it.
 * @example
 * ```ts
 * autotaskTimestampToUtc('2026-01-05T09:30:00.123'); // '2026-01-05T09:30:00.123Z'
 * ```
 *
 * @category Mapping
 */
export function autotaskTimestampToUtc(value: string): string | undefined {
  return isoTimestampToUtc(value, { assumeUtc: true });
}

/**
 * Reads Autotask's timestamps into the model's.
 *
 * @internal
 */
export const autotaskTimestamps: TimestampReader = createTimestampReader(AUTOTASK, autotaskTimestampToUtc);
