/**
 * {@link ODataFilter}: a `$filter` that Ivanti reads the way it was meant.
 *
 * Ivanti's `$filter` knows eight operators, `eq ne lt le gt ge and or`. Anything else is worse than
 * refused: `contains()`, `startswith()` and other functions, and `not`, are silently dropped and
 * the whole unfiltered set comes back. Parentheses are honoured only at the very start of a filter
 * (`(A or B) and C` works; `C and (A or B)` does not), and an `and` after an `or` is misread
 * (`A or B and C`). So a filter here is built from comparisons with `and` and `or` only, and its
 * shape is checked as it is built:
 *
 * - comparisons joined by `and`, or joined by `or`: written as they are;
 * - one group of `or`-comparisons combined with `and`-comparisons: the group is written first,
 *   whatever its place in the call (`and` does not care about order): `(A or B) and C and D`;
 * - anything else (two `or` groups under one `and`, an `and` inside an `or`) cannot be written so
 *   that Ivanti reads it right, and is an `InputError`.
 *
 * Values never become syntax: see {@link formatLiteral}.
 *
 * @module
 */
import { InputError } from '@itsm/core';
import { IVANTI, kit } from '../provider.js';
import { bareDate, formatLiteral, type BareDate, type ODataValue } from './literal.js';
import { checkName } from './names.js';

/**
 * The six comparison operators Ivanti supports.
 *
 * @category Queries
 */
export const COMPARISON_OPERATORS = ['eq', 'ne', 'lt', 'le', 'gt', 'ge'] as const;

/**
 * A comparison operator: `eq`, `ne`, `lt`, `le`, `gt` or `ge`.
 *
 * @category Queries
 */
export type ComparisonOperator = (typeof COMPARISON_OPERATORS)[number];

/**
 * One comparison: `Field op value`.
 *
 * @category Queries
 */
export interface ODataComparison {
  /** Always `comparison`. */
  readonly kind: 'comparison';
  /** The field name. */
  readonly field: string;
  /** The operator. */
  readonly operator: ComparisonOperator;
  /** The value. */
  readonly value: Exclude<ODataValue, Date>;
}

/**
 * Comparisons joined by `or`.
 *
 * @category Queries
 */
export interface ODataAnyOf {
  /** Always `or`. */
  readonly kind: 'or';
  /** At least two comparisons. */
  readonly items: readonly ODataComparison[];
}

/**
 * The shape of a filter as Ivanti can read it: one comparison, comparisons joined by `or`, or
 * terms joined by `and` of which at most one is a group of `or`-comparisons.
 *
 * @category Queries
 */
export type ODataFilterNode =
  | ODataComparison
  | ODataAnyOf
  | {
      /** Always `and`. */
      readonly kind: 'and';
      /** The group written first, if any. */
      readonly anyOf: ODataAnyOf | undefined;
      /** The comparisons after it. */
      readonly items: readonly ODataComparison[];
    };

const FILTER_BRAND = Symbol.for('@itsm/ivanti/odata-filter');

/**
 * A `$filter` expression Ivanti reads as written: made by the `odata` builder (`odata.eq()`,
 * `odata.and()`, ...) or by `odata.parse()`, never by concatenating text. `String(filter)` gives
 * the text to send.
 *
 * @example
 * ```ts
 * const filter = odata.and(odata.eq('Status', 'Active'), odata.or(odata.eq('Priority', '1'), odata.eq('Priority', '2')));
 * String(filter); // "(Priority eq '1' or Priority eq '2') and Status eq 'Active'"
 * ```
 *
 * @category Queries
 */
export class ODataFilter {
  /** The filter's structure. */
  readonly node: ODataFilterNode;
  /** The filter text. */
  readonly text: string;

  /** @internal */
  constructor(node: ODataFilterNode) {
    this.node = node;
    this.text = render(node);
    Object.defineProperty(this, FILTER_BRAND, { value: true });
    Object.freeze(this);
  }

  /**
   * Whether a value is an {@link ODataFilter}, also one made by another copy of this package (its
   * ESM and CJS builds loaded side by side).
   *
   * @param value - What to test.
   */
  static isFilter(value: unknown): value is ODataFilter {
    return value instanceof ODataFilter || (typeof value === 'object' && value !== null && (value as { [FILTER_BRAND]?: unknown })[FILTER_BRAND] === true);
  }

  /** The filter text. */
  toString(): string {
    return this.text;
  }

  /** The filter text, so that `JSON.stringify` gives a string. */
  toJSON(): string {
    return this.text;
  }
}

function renderComparison(comparison: ODataComparison): string {
  return `${comparison.field} ${comparison.operator} ${formatLiteral(comparison.value, comparison.field)}`;
}

function render(node: ODataFilterNode): string {
  if (node.kind === 'comparison') return renderComparison(node);
  if (node.kind === 'or') return node.items.map(renderComparison).join(' or ');
  const rest = node.items.map(renderComparison);
  return [...(node.anyOf ? [`(${render(node.anyOf)})`] : []), ...rest].join(' and ');
}

/** The terms of a filter combined with `and`: its comparisons and or-groups. */
function andTerms(node: ODataFilterNode): (ODataComparison | ODataAnyOf)[] {
  if (node.kind === 'and') return [...(node.anyOf ? [node.anyOf] : []), ...node.items];
  return [node];
}

function structureError(field: string, message: string): InputError {
  return new InputError(`${field} ${message}`, { provider: IVANTI, field });
}

/**
 * Filters that must all hold. At most one of them may be an `or` of comparisons: Ivanti honours a
 * group of parentheses only at the start of a filter, so it is written first.
 *
 * @param filters - At least one filter.
 * @throws `InputError` when more than one is an `or`, or when none is given.
 */
export function and(...filters: ODataFilter[]): ODataFilter {
  const terms = checkFilters(filters, 'and').flatMap((filter) => andTerms(filter.node));
  const groups = terms.filter((term): term is ODataAnyOf => term.kind === 'or');
  const items = terms.filter((term): term is ODataComparison => term.kind === 'comparison');
  if (groups.length > 1) {
    throw structureError(
      'filter',
      "combines two groups of 'or' with 'and': Ivanti honours parentheses only at the start of a filter, so only one such group can be written; split the query in two, or list the values of one group in a single field's 'or'",
    );
  }
  const [anyOf] = groups;
  if (anyOf === undefined && items.length === 1) return new ODataFilter(items[0] as ODataComparison);
  if (anyOf !== undefined && items.length === 0) return new ODataFilter(anyOf);
  return new ODataFilter({ kind: 'and', anyOf, items });
}

/**
 * Filters of which at least one must hold. Each must be a comparison (or an `or` of comparisons):
 * Ivanti misreads an `and` inside an `or`, and a group anywhere but at the start.
 *
 * @param filters - At least one filter.
 * @throws `InputError` when one of them holds an `and`, or when none is given.
 */
export function or(...filters: ODataFilter[]): ODataFilter {
  const items: ODataComparison[] = [];
  for (const filter of checkFilters(filters, 'or')) {
    const node = filter.node;
    if (node.kind === 'and') {
      throw structureError(
        'filter',
        "puts an 'and' inside an 'or': Ivanti misreads that (parentheses count only at the start of a filter, and 'A or B and C' is read wrongly); run one query per alternative instead",
      );
    }
    items.push(...(node.kind === 'or' ? node.items : [node]));
  }
  return items.length === 1 ? new ODataFilter(items[0] as ODataComparison) : new ODataFilter({ kind: 'or', items });
}

function checkFilters(filters: unknown[], name: string): ODataFilter[] {
  if (filters.length === 0) kit.fail('filters', `of odata.${name}() must hold at least one filter`);
  filters.forEach((filter, index) => {
    if (!ODataFilter.isFilter(filter)) kit.fail(`filters.${index}`, `of odata.${name}() must be a filter made by the odata builder (odata.eq(), odata.parse(), ...)`);
  });
  return filters as ODataFilter[];
}

/**
 * One comparison: `field operator value`.
 *
 * @param field - The field name (letters, digits and `_`).
 * @param operator - `eq`, `ne`, `lt`, `le`, `gt` or `ge` (`eq` ignores case on Ivanti).
 * @param value - The value; `null` only with `eq` and `ne`.
 * @throws `InputError` for a bad field name, operator or value.
 */
export function compare(field: string, operator: ComparisonOperator, value: ODataValue): ODataFilter {
  checkName(field, 'field');
  if (!(COMPARISON_OPERATORS as readonly string[]).includes(operator)) {
    kit.fail('operator', `must be one of ${COMPARISON_OPERATORS.join(', ')} (Ivanti supports no other; functions such as contains() are silently ignored)`);
  }
  if (value === null && operator !== 'eq' && operator !== 'ne') kit.fail('value', `null can only be compared with eq or ne, not ${operator}`);
  // -0 is written as 0, and kept as 0, so that what is stored is what the text says.
  const stored: Exclude<ODataValue, Date> = value instanceof Date ? dateOf(value) : Object.is(value, -0) ? 0 : value;
  formatLiteral(stored, field);
  return new ODataFilter({ kind: 'comparison', field, operator, value: stored });
}

function dateOf(value: Date): BareDate {
  // A Date is kept as its ISO text, so the filter does not change when the caller's Date does.
  return bareDate(value, 'value');
}
