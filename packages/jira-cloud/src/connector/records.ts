/**
 * Small helpers over plain records.
 *
 * @internal
 * @module
 */

/**
 * A record's own value for a key, never an inherited one (so a status named `constructor` is not
 * mistaken for `Object.prototype.constructor`).
 *
 * @param record - The record.
 * @param key - The key.
 */
export function own<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
