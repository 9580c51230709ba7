/**
 * OData literals as Ivanti reads them: strings in single quotes with `'` doubled, numbers and
 * booleans bare, dates bare ISO 8601 (`CreatedDateTime gt 2026-01-01T00:00:00.000Z`), and null as
 * the string `'$NULL'`.
 *
 * @module
 */
import { kit } from '../provider.js';

const BARE_DATE_BRAND = Symbol.for('@itsm/ivanti/odata-date');

/** A bare ISO 8601 date or date-time: `2026-01-01`, `2026-01-01T10:00:00Z`, `2026-01-01T10:00:00.000+02:00`. */
export const ISO_DATE_PATTERN = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,7})?)?(?:Z|[+-]\d{2}:\d{2}))?$/;

/**
 * A date written bare in a filter, exactly as given (`2026-01-01`). Made by `odata.date()`; a
 * `Date` is written as its UTC ISO 8601 form instead.
 *
 * @category Queries
 */
export interface BareDate {
  /** The ISO 8601 text. */
  readonly iso: string;
}

/**
 * A value a filter compares a field with. `null` is written `'$NULL'`.
 *
 * @category Queries
 */
export type ODataValue = string | number | boolean | Date | BareDate | null;

/**
 * Whether a value is a {@link BareDate}.
 *
 * @category Queries
 */
export function isBareDate(value: unknown): value is BareDate {
  return typeof value === 'object' && value !== null && (value as { [BARE_DATE_BRAND]?: unknown })[BARE_DATE_BRAND] === true;
}

/**
 * A {@link BareDate} from ISO 8601 text or a `Date`.
 *
 * @param value - `2026-01-01`, `2026-01-01T10:00:00Z`, ... or a `Date`.
 * @param field - The argument's name, for the error.
 * @throws `InputError` naming `field` when it is not such a date.
 */
export function bareDate(value: string | Date, field = 'date'): BareDate {
  let iso: string;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) kit.fail(field, 'must be a valid Date');
    iso = value.toISOString();
  } else if (typeof value === 'string' && ISO_DATE_PATTERN.test(value) && !Number.isNaN(Date.parse(value))) {
    iso = value;
  } else {
    return kit.fail(field, 'must be an ISO 8601 date or date-time with an offset, such as 2026-01-01 or 2026-01-01T09:30:00Z, or a Date');
  }
  const date = { iso };
  Object.defineProperty(date, BARE_DATE_BRAND, { value: true });
  return Object.freeze(date);
}

/**
 * Whether a string is Ivanti's null literal, which a string value must never be (`Owner eq
 * '$NULL'` tests for an empty field; `eq` ignores case).
 */
export function isNullLiteral(text: string): boolean {
  return text.toLowerCase() === '$null';
}

/**
 * An OData literal from a value.
 *
 * - a string: `'…'`, each `'` doubled (`O'Brien` → `'O''Brien'`); the text `$NULL` itself is refused, since
 *   Ivanti would read it as null (pass `null` for that);
 * - a finite number written without an exponent, `true`/`false`;
 * - a `Date` as bare UTC ISO 8601 (`2026-01-01T09:30:00.000Z`), a {@link BareDate} as given;
 * - `null` as `'$NULL'`.
 *
 * @param value - The value.
 * @param field - Where it was given, for the error.
 * @throws `InputError` naming `field` for a value that has no literal.
 * @example
 * ```ts
 * formatLiteral("O'Brien", 'value');                  // "'O''Brien'"
 * formatLiteral(new Date('2026-01-01T00:00:00Z'), 'value'); // '2026-01-01T00:00:00.000Z'
 * formatLiteral(null, 'value');                       // "'$NULL'"
 * ```
 *
 * @category Queries
 */
export function formatLiteral(value: ODataValue, field: string): string {
  if (value === null) return "'$NULL'";
  if (typeof value === 'string') {
    if (isNullLiteral(value)) kit.fail(field, "must not be the text '$NULL', which Ivanti reads as null: pass null to test for an empty field");
    if (value.includes('\u0000')) kit.fail(field, 'must not contain a NUL character');
    return `'${value.replaceAll("'", "''")}'`;
  }
  if (typeof value === 'number') {
    const text = String(value);
    if (!Number.isFinite(value) || /e/i.test(text)) kit.fail(field, 'must be a finite number that needs no exponent');
    return text;
  }
  if (typeof value === 'boolean') return String(value);
  if (value instanceof Date) return bareDate(value, field).iso;
  if (isBareDate(value)) return value.iso;
  return kit.fail(field, 'must be a string, a number, a boolean, a Date, odata.date(...) or null');
}
