/**
 * Autotask's query filters, and {@link where}, the builder that writes them.
 *
 * A filter is data (`{ op, field, value }`, `{ op: 'and' | 'or', items }`), sent as JSON: a value
 * can never change a filter's structure, since it only ever lands in `value`. Only Autotask's real
 * operators exist here, because Autotask **silently ignores** an operator it does not know (`ne`,
 * `isNull`, `between`) and then returns every record.
 *
 * @module
 */

/**
 * The comparison operators Autotask knows.
 *
 * @category Queries
 */
export const FIELD_OPERATORS = [
  'eq',
  'noteq',
  'gt',
  'gte',
  'lt',
  'lte',
  'beginsWith',
  'endsWith',
  'contains',
  'exist',
  'notExist',
  'in',
  'notIn',
] as const;

/**
 * The grouping operators Autotask knows.
 *
 * @category Queries
 */
export const GROUP_OPERATORS = ['and', 'or'] as const;

/**
 * A comparison operator.
 *
 * @category Queries
 */
export type FieldOperator = (typeof FIELD_OPERATORS)[number];

/**
 * A grouping operator.
 *
 * @category Queries
 */
export type GroupOperator = (typeof GROUP_OPERATORS)[number];

/**
 * A value a condition compares with. Dates are sent as ISO 8601 in UTC.
 *
 * @category Queries
 */
export type FilterScalar = string | number | boolean;

/**
 * A condition on one field (or, with `udf: true`, on a user-defined field by its name).
 *
 * @category Queries
 */
export interface FieldFilter {
  /** The operator. */
  readonly op: FieldOperator;
  /** The field name (case-insensitive for Autotask), or a user-defined field's name. */
  readonly field: string;
  /** The value: none for `exist`/`notExist`, a list for `in`/`notIn`, one value otherwise. */
  readonly value?: FilterScalar | readonly FilterScalar[];
  /** `true` when `field` names a user-defined field. */
  readonly udf?: true;
}

/**
 * A group: all (`and`) or any (`or`) of its items.
 *
 * @category Queries
 */
export interface GroupFilter {
  /** The operator. */
  readonly op: GroupOperator;
  /** The conditions and groups it holds (at least one). */
  readonly items: readonly Filter[];
}

/**
 * One node of a query's filter. A query's filter is a list of them, all of which must hold.
 *
 * @category Queries
 */
export type Filter = FieldFilter | GroupFilter;

/**
 * A value a builder method accepts: a scalar, or a `Date` (sent as ISO 8601 in UTC).
 *
 * @category Queries
 */
export type FilterInputValue = FilterScalar | Date;

/**
 * The comparison methods of {@link where}, also under `where.udf` for user-defined fields.
 *
 * @category Queries
 */
export interface ConditionBuilder {
  /** `field` equals `value` (strings compare case-insensitively). */
  eq(field: string, value: FilterInputValue): FieldFilter;
  /** `field` is not `value` (a `null` field matches neither `eq` nor `noteq`: use `notExist`). */
  noteq(field: string, value: FilterInputValue): FieldFilter;
  /** `field` is greater than `value`. */
  gt(field: string, value: FilterInputValue): FieldFilter;
  /** `field` is greater than or equal to `value`. */
  gte(field: string, value: FilterInputValue): FieldFilter;
  /** `field` is less than `value`. */
  lt(field: string, value: FilterInputValue): FieldFilter;
  /** `field` is less than or equal to `value`. */
  lte(field: string, value: FilterInputValue): FieldFilter;
  /** `field` begins with `text`. */
  beginsWith(field: string, text: string): FieldFilter;
  /** `field` ends with `text`. */
  endsWith(field: string, text: string): FieldFilter;
  /** `field` contains `text`. */
  contains(field: string, text: string): FieldFilter;
  /** `field` has a value (is not null). */
  exist(field: string): FieldFilter;
  /** `field` has no value (is null). */
  notExist(field: string): FieldFilter;
  /** `field` is one of `values` (a long list is split into several queries by the client). */
  in(field: string, values: readonly FilterInputValue[]): FieldFilter;
  /** `field` is none of `values`. */
  notIn(field: string, values: readonly FilterInputValue[]): FieldFilter;
}

/**
 * The filter builder: see {@link where}.
 *
 * @category Queries
 */
export interface WhereBuilder extends ConditionBuilder {
  /** All of the filters hold. */
  and(...items: Filter[]): GroupFilter;
  /** Any of the filters holds. */
  or(...items: Filter[]): GroupFilter;
  /** Every record (`id` exists): Autotask requires a filter, and an empty one is refused by the client. */
  all(): FieldFilter;
  /** Conditions on user-defined fields, by the field's name (one user-defined field per query). */
  readonly udf: ConditionBuilder;
}

function plain(value: FilterInputValue): FilterScalar {
  return value instanceof Date ? value.toISOString() : value;
}

function condition(op: FieldOperator, field: string, udf: boolean, value?: FilterInputValue | readonly FilterInputValue[]): FieldFilter {
  const node: { op: FieldOperator; field: string; value?: FilterScalar | readonly FilterScalar[]; udf?: true } = { op, field };
  if (value !== undefined) node.value = Array.isArray(value) ? (value as readonly FilterInputValue[]).map(plain) : plain(value as FilterInputValue);
  if (udf) node.udf = true;
  return Object.freeze(node);
}

function conditions(udf: boolean): ConditionBuilder {
  return {
    eq: (field, value) => condition('eq', field, udf, value),
    noteq: (field, value) => condition('noteq', field, udf, value),
    gt: (field, value) => condition('gt', field, udf, value),
    gte: (field, value) => condition('gte', field, udf, value),
    lt: (field, value) => condition('lt', field, udf, value),
    lte: (field, value) => condition('lte', field, udf, value),
    beginsWith: (field, text) => condition('beginsWith', field, udf, text),
    endsWith: (field, text) => condition('endsWith', field, udf, text),
    contains: (field, text) => condition('contains', field, udf, text),
    exist: (field) => condition('exist', field, udf),
    notExist: (field) => condition('notExist', field, udf),
    in: (field, values) => condition('in', field, udf, values),
    notIn: (field, values) => condition('notIn', field, udf, values),
  };
}

/**
 * Builds Autotask filters. Each method returns plain data; the client checks every filter it is
 * given (built here or written by hand) before any request: an unknown operator, an empty filter or
 * group, a missing or extra value, or more than 500 OR conditions is an `InputError`.
 *
 * @example
 * ```ts
 * const since = new Date(Date.now() - 90 * 86_400_000);
 * const filter = [
 *   where.eq('contactID', 29683001),
 *   where.gte('lastActivityDate', since),
 *   where.or(where.noteq('status', 5), where.gte('completedDate', since)),
 * ];
 * for await (const ticket of autotask.tickets.query({ filter, includeFields: ['id', 'ticketNumber', 'title', 'status'] })) {
 *   console.log(ticket.ticketNumber, ticket.title);
 * }
 * where.udf.eq('Customer Ranking', 'Golden'); // a user-defined field, by its name
 * ```
 *
 * @category Queries
 */
export const where: WhereBuilder = Object.freeze({
  ...conditions(false),
  and: (...items: Filter[]): GroupFilter => Object.freeze({ op: 'and' as const, items: Object.freeze([...items]) }),
  or: (...items: Filter[]): GroupFilter => Object.freeze({ op: 'or' as const, items: Object.freeze([...items]) }),
  all: () => condition('exist', 'id', false),
  udf: Object.freeze(conditions(true)),
});
