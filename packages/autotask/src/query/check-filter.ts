/**
 * {@link checkFilter}: a query's filter, checked before any request. Autotask answers many mistakes
 * with silence (an unknown operator is dropped, so the query returns everything), so the client
 * refuses them first, with an `InputError` naming the offending node (`filter.1.items.0.op`).
 *
 * @module
 */
import { kit } from '../provider.js';
import {
  FIELD_OPERATORS,
  GROUP_OPERATORS,
  type FieldFilter,
  type FieldOperator,
  type Filter,
  type FilterScalar,
  type GroupOperator,
} from './filter.js';

/**
 * The most OR conditions (items of `or` groups, values of `in`/`notIn` lists) one query may hold.
 *
 * @category Queries
 */
export const MAX_OR_CONDITIONS = 500;

/** Operators by lower-case name: Autotask reads them in any case, the client writes them canonically. */
const OPERATORS = new Map<string, FieldOperator | GroupOperator>(
  [...FIELD_OPERATORS, ...GROUP_OPERATORS].map((op) => [op.toLowerCase(), op]),
);

/** Operators of other query languages people reach for, and Autotask's word for them. */
const LOOKALIKES: Readonly<Record<string, string>> = {
  ne: 'noteq',
  neq: 'noteq',
  not: 'noteq',
  notequal: 'noteq',
  equals: 'eq',
  equal: 'eq',
  ge: 'gte',
  le: 'lte',
  like: 'contains',
  startswith: 'beginsWith',
  isnull: 'notExist',
  null: 'notExist',
  isnotnull: 'exist',
  notnull: 'exist',
  exists: 'exist',
  notexists: 'notExist',
  between: 'gte and lte',
  nin: 'notIn',
};

const NODE_KEYS = ['op', 'field', 'value', 'udf', 'items'];
/** An Autotask field name. User-defined fields are named freely (`Number of Employees`). */
const FIELD_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const CONTROL = /[\u0000-\u001f\u007f]/;

const TEXT_OPERATORS: ReadonlySet<FieldOperator> = new Set(['beginsWith', 'endsWith', 'contains']);
const LIST_OPERATORS: ReadonlySet<FieldOperator> = new Set(['in', 'notIn']);
const PRESENCE_OPERATORS: ReadonlySet<FieldOperator> = new Set(['exist', 'notExist']);

/**
 * A filter as checked: the nodes (canonical operators, no empty lists) and what the limits count.
 *
 * @category Queries
 */
export interface CheckedFilter {
  /** The top-level nodes, all of which must hold. */
  readonly nodes: readonly Filter[];
  /** OR conditions in the whole filter: items of `or` groups plus values of `in`/`notIn` lists. */
  readonly orConditions: number;
  /** The user-defined fields it names (Autotask allows one per query). */
  readonly udfs: ReadonlySet<string>;
}

function scalar(value: unknown, path: string): FilterScalar {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) kit.fail(path, 'must be a valid date');
    return value.toISOString();
  }
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) kit.fail(path, 'must be a finite number');
    return value;
  }
  if (value === null || value === undefined) {
    return kit.fail(path, 'must not be null or missing: use notExist to match a field without a value, or exist for one with any value');
  }
  return kit.fail(path, 'must be a string, a number, a boolean or a Date');
}

function operatorOf(value: unknown, path: string): FieldOperator | GroupOperator {
  if (typeof value !== 'string' || value === '') return kit.fail(`${path}.op`, 'is required: an Autotask operator such as eq, noteq, in, or');
  const op = OPERATORS.get(value.toLowerCase());
  if (op !== undefined) return op;
  const instead = LOOKALIKES[value.toLowerCase()];
  return kit.fail(
    `${path}.op`,
    `${JSON.stringify(value)} is not an Autotask operator${instead ? ` (use ${instead})` : ''}: Autotask would ignore it and return every record. ` +
      `Operators: ${[...FIELD_OPERATORS, ...GROUP_OPERATORS].join(', ')}`,
  );
}

function fieldName(value: unknown, udf: boolean, path: string): string {
  if (typeof value !== 'string' || value.trim() === '') return kit.fail(`${path}.field`, 'is required: the field to compare');
  if (CONTROL.test(value)) kit.fail(`${path}.field`, 'must not contain control characters');
  if (!udf && !FIELD_NAME.test(value)) {
    kit.fail(`${path}.field`, `${JSON.stringify(value)} is not an Autotask field name (letters, digits and _); for a user-defined field set udf: true`);
  }
  return udf ? value.trim() : value;
}

/** The state of one check: what the limits count. */
interface Counters {
  orConditions: number;
  udfs: Set<string>;
}

function checkNode(value: unknown, path: string, counters: Counters): Filter {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return kit.fail(path, 'must be a filter object such as { op: "eq", field: "status", value: 5 }');
  }
  kit.knownKeys(value, NODE_KEYS, path);
  const node = value as Record<string, unknown>;
  const op = operatorOf(node.op, path);
  if (op === 'and' || op === 'or') {
    for (const key of ['field', 'value', 'udf'] as const) {
      if (node[key] !== undefined) kit.fail(`${path}.${key}`, `must not be given on an ${op} group (a group has items only)`);
    }
    if (!Array.isArray(node.items) || node.items.length === 0) {
      return kit.fail(`${path}.items`, `must be a non-empty list: an empty ${op} group would be ignored by Autotask`);
    }
    if (op === 'or') counters.orConditions += node.items.length;
    const items = node.items.map((item, index) => checkNode(item, `${path}.items.${index}`, counters));
    return Object.freeze({ op, items: Object.freeze(items) });
  }
  if (node.items !== undefined) kit.fail(`${path}.items`, `must not be given on a ${op} condition (only and/or groups have items)`);
  if (node.udf !== undefined && typeof node.udf !== 'boolean') kit.fail(`${path}.udf`, 'must be true or false');
  const udf = node.udf === true;
  const field = fieldName(node.field, udf, path);
  if (udf) counters.udfs.add(field.toLowerCase());
  const checked: { op: FieldOperator; field: string; value?: FilterScalar | readonly FilterScalar[]; udf?: true } = { op, field };
  if (udf) checked.udf = true;
  if (PRESENCE_OPERATORS.has(op)) {
    if (node.value !== undefined) kit.fail(`${path}.value`, `must not be given with ${op} (it tests whether the field has a value)`);
  } else if (LIST_OPERATORS.has(op)) {
    if (!Array.isArray(node.value) || node.value.length === 0) return kit.fail(`${path}.value`, `must be a non-empty list of values for ${op}`);
    const values: FilterScalar[] = [];
    const seen = new Set<string>();
    node.value.forEach((item, index) => {
      const one = scalar(item, `${path}.value.${index}`);
      const key = `${typeof one}:${String(one)}`;
      if (!seen.has(key)) {
        seen.add(key);
        values.push(one);
      }
    });
    counters.orConditions += values.length;
    checked.value = Object.freeze(values);
  } else if (TEXT_OPERATORS.has(op)) {
    if (typeof node.value !== 'string' || node.value === '') return kit.fail(`${path}.value`, `must be a non-empty string for ${op}`);
    checked.value = node.value;
  } else {
    if (Array.isArray(node.value)) kit.fail(`${path}.value`, `must be one value for ${op} (use in for a list)`);
    checked.value = scalar(node.value, `${path}.value`);
  }
  return Object.freeze(checked as FieldFilter);
}

/**
 * Checks a query's filter: one filter or a list of them (all must hold), built with `where` or
 * written by hand. Operators are read in any case and written canonically; duplicate values of an
 * `in`/`notIn` list are dropped. The OR-condition limit is not enforced here: the query planner
 * splits a long top-level `in` list first (see `planQuery`).
 *
 * @param filter - What the caller gave.
 * @param root - The argument's name, for errors (default `filter`).
 * @throws `InputError` naming the first bad node: an unknown operator (with the one to use), an
 *   empty filter or group, a field that is not a field name, a missing, extra or wrong value, or
 *   more than one user-defined field (Autotask allows one per query).
 * @example
 * ```ts
 * checkFilter([{ op: 'eq', field: 'status', value: 5 }]).nodes; // [{ op: 'eq', field: 'status', value: 5 }]
 * checkFilter({ op: 'ne', field: 'status', value: 5 });         // InputError: filter.0.op "ne" is not an Autotask operator (use noteq) ...
 * ```
 *
 * @category Queries
 */
export function checkFilter(filter: unknown, root = 'filter'): CheckedFilter {
  const list = Array.isArray(filter) ? filter : filter === undefined || filter === null ? [] : [filter];
  if (list.length === 0) {
    kit.fail(root, 'must hold at least one condition: Autotask requires a filter, and returns every record for an empty one (use where.all() to ask for every record on purpose)');
  }
  const counters: Counters = { orConditions: 0, udfs: new Set() };
  const nodes = list.map((node, index) => checkNode(node, `${root}.${index}`, counters));
  if (counters.udfs.size > 1) {
    kit.fail(root, `names ${counters.udfs.size} user-defined fields; Autotask queries one user-defined field at a time`);
  }
  return { nodes: Object.freeze(nodes), orConditions: counters.orConditions, udfs: counters.udfs };
}
