/**
 * The names that go into OData URLs and filters: field names, entity sets, relationships and
 * RecIds. Each is checked for its form before it reaches a request, since a value that lands
 * inside OData syntax (a key literal `('…')`, a filter) could otherwise change what is asked.
 *
 * @module
 */
import { kit } from '../provider.js';

/**
 * A RecId: 32 hexadecimal digits, e.g. `05B5CD2DFAE54D86A04C74DBF616C1DE`.
 *
 * @category Queries
 */
export const REC_ID_PATTERN = /^[0-9A-Fa-f]{32}$/;

/**
 * A field, entity set, relationship or action name: a letter, then letters, digits and `_`.
 *
 * @category Queries
 */
export const NAME_PATTERN = /^[A-Za-z][A-Za-z0-9_]*$/;

/**
 * Whether a value is a RecId (32 hexadecimal digits, any case).
 *
 * @param value - What to test.
 * @example
 * ```ts
 * isRecId('05B5CD2DFAE54D86A04C74DBF616C1DE'); // true
 * isRecId("x') or ('1"); // false
 * ```
 *
 * @category Queries
 */
export function isRecId(value: unknown): value is string {
  return typeof value === 'string' && REC_ID_PATTERN.test(value);
}

/**
 * Checks a RecId given by a caller.
 *
 * @param value - The caller's value.
 * @param field - The argument's name, for the error.
 * @returns The RecId, trimmed.
 * @throws `InputError` naming `field` when it is not 32 hexadecimal digits.
 * @category Queries
 */
export function checkRecId(value: unknown, field: string): string {
  const trimmed = typeof value === 'string' ? value.trim() : value;
  if (!isRecId(trimmed)) kit.fail(field, 'must be a RecId (32 hexadecimal digits, e.g. 05B5CD2DFAE54D86A04C74DBF616C1DE)');
  return trimmed;
}

/**
 * Checks a name given by a caller: a field, an entity set, a relationship, a quick action.
 *
 * @param value - The caller's value.
 * @param field - The argument's name, for the error.
 * @returns The name.
 * @throws `InputError` naming `field` when it is not a letter followed by letters, digits and `_`.
 * @category Queries
 */
export function checkName(value: unknown, field: string): string {
  if (typeof value !== 'string' || !NAME_PATTERN.test(value)) {
    kit.fail(field, 'must be a name made of letters, digits and _ that starts with a letter (e.g. LastModDateTime)');
  }
  return value;
}
