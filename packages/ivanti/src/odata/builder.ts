/**
 * The `odata` builder: `$filter` expressions from comparisons, `and` and `or`, with every value
 * quoted as Ivanti reads it. See {@link ODataFilter} for what Ivanti can and cannot read.
 *
 * @module
 */
import { kit } from '../provider.js';
import { and, compare, or, type ODataFilter } from './filter.js';
import { bareDate, type BareDate, type ODataValue } from './literal.js';
import { parseFilter } from './parse.js';

/**
 * The `odata` builder; see {@link odata}.
 *
 * @category Queries
 */
export interface ODataBuilder {
  /** `field eq value`; Ivanti compares strings without regard to case. `null` tests for an empty field. */
  eq(field: string, value: ODataValue): ODataFilter;
  /** `field ne value`. `null` tests for a field that is set. */
  ne(field: string, value: ODataValue): ODataFilter;
  /** `field lt value`. */
  lt(field: string, value: ODataValue): ODataFilter;
  /** `field le value`. */
  le(field: string, value: ODataValue): ODataFilter;
  /** `field gt value`. */
  gt(field: string, value: ODataValue): ODataFilter;
  /** `field ge value`. */
  ge(field: string, value: ODataValue): ODataFilter;
  /**
   * `field eq v1 or field eq v2 …`: the field has one of the values (at least one).
   *
   * @throws `InputError` naming `values` when the list is empty.
   */
  anyOf(field: string, values: readonly ODataValue[]): ODataFilter;
  /** All must hold; at most one may be an `or` (it is written first). */
  and(...filters: ODataFilter[]): ODataFilter;
  /** One must hold; none may hold an `and`. */
  or(...filters: ODataFilter[]): ODataFilter;
  /** A date written bare exactly as given, e.g. `odata.date('2026-01-01')`; a `Date` works directly too. */
  date(value: string | Date): BareDate;
  /** Reads a filter written as text, refusing what Ivanti would ignore or misread. */
  parse(text: string): ODataFilter;
}

/**
 * Builds Ivanti `$filter` expressions. Every value is a literal (strings quoted with `'` doubled,
 * dates bare, `null` as `'$NULL'`), so no value can change a filter's structure; field names must
 * be names (letters, digits, `_`). Only what Ivanti honours can be built: see {@link ODataFilter}.
 *
 * @example
 * ```ts
 * import { odata } from '@itsm/ivanti';
 *
 * const since = new Date('2026-01-05T10:00:00Z');
 * const filter = odata.and(
 *   odata.eq('ProfileLink_RecID', '2F851094BFE5437C97D19871D1C539C7'),
 *   odata.anyOf('Status', ['Logged', 'Active']),
 *   odata.ge('LastModDateTime', since),
 * );
 * String(filter);
 * // "(Status eq 'Logged' or Status eq 'Active') and ProfileLink_RecID eq '2F85…' and LastModDateTime ge 2026-01-05T10:00:00.000Z"
 * odata.eq('LastName', "O'Brien").text; // "LastName eq 'O''Brien'"
 * odata.parse("contains(Subject,'vpn')"); // throws InputError: Ivanti ignores functions and returns every row
 * ```
 *
 * @category Queries
 */
export const odata: ODataBuilder = Object.freeze({
  eq: (field: string, value: ODataValue) => compare(field, 'eq', value),
  ne: (field: string, value: ODataValue) => compare(field, 'ne', value),
  lt: (field: string, value: ODataValue) => compare(field, 'lt', value),
  le: (field: string, value: ODataValue) => compare(field, 'le', value),
  gt: (field: string, value: ODataValue) => compare(field, 'gt', value),
  ge: (field: string, value: ODataValue) => compare(field, 'ge', value),
  anyOf(field: string, values: readonly ODataValue[]) {
    if (!Array.isArray(values) || values.length === 0) kit.fail('values', 'must hold at least one value');
    return or(...values.map((value) => compare(field, 'eq', value)));
  },
  and,
  or,
  date: (value: string | Date) => bareDate(value, 'date'),
  parse: parseFilter,
});
