/**
 * Compiles a query's filters into a predicate over an entity's records, with Autotask's semantics:
 *
 * - operators `eq noteq gt gte lt lte beginsWith endsWith contains exist notExist in notIn`, and
 *   `and`/`or` groups of `items`; operator names in any case;
 * - an **unknown operator is silently ignored**: its condition is dropped (a group left empty is
 *   dropped too), so `{"op":"ne",...}` filters nothing, as on the live service;
 * - an unknown field is a 500 `Unable to find X in the Ticket Entity`; a field that is not queryable
 *   (`creatorType`) too; `udf: true` names a user-defined field, one per query at most;
 * - more than 500 OR conditions (the items of `or` groups plus the values of `in`/`notIn` lists) is
 *   the 500 `Invalid query syntax...`;
 * - values are read for the field's type: numbers (a numeric string works, `true`/`false` are 1/0),
 *   strings (compared case-insensitively, as Autotask's database collation does), dates (ISO 8601,
 *   UTC when no offset), booleans (literal `true`/`false` only); a missing or null value for a
 *   comparison is a 500;
 * - SQL's null rule: a comparison with a field that is null is false, `noteq` and `notIn` included;
 *   only `notExist` matches a null field;
 * - `beginsWith`, `endsWith` and `contains` compare the text of the value (for a number, its digits).
 *
 * @module
 */
import { findField, findUdf, type EntityDefinition } from '../entity.js';
import { failAutotask, TOO_MANY_OR_CONDITIONS, unableToFind } from '../errors.js';
import type { FieldDefinition, UdfDefinition } from '../fields.js';
import { formatDate, parseDate } from '../dates.js';
import type { EntityRecord, FieldValue } from '../table.js';
import type { FilterNode } from './model.js';

/** The comparison operators. */
export const FIELD_OPERATORS = ['eq', 'noteq', 'gt', 'gte', 'lt', 'lte', 'beginsWith', 'endsWith', 'contains', 'exist', 'notExist', 'in', 'notIn'] as const;
/** A comparison operator. */
export type FieldOperator = (typeof FIELD_OPERATORS)[number];
/** The grouping operators. */
export const GROUP_OPERATORS = ['and', 'or'] as const;

/**
 * The most OR conditions one query may hold.
 *
 * @category Definitions
 */
export const MAX_OR_CONDITIONS = 500;

const OPERATOR_BY_LOWER = new Map<string, FieldOperator | 'and' | 'or'>([...FIELD_OPERATORS, ...GROUP_OPERATORS].map((op) => [op.toLowerCase(), op]));

/** A comparable value: a number (numbers, dates, booleans as 0/1) or a lower-case string. */
type Comparable = number | string;

/** A compiled condition. */
export type Condition =
  | {
      readonly kind: 'field';
      readonly field: FieldDefinition;
      readonly op: FieldOperator;
      /** The operand(s), read for the field's type (`in`/`notIn`: several). */
      readonly operands: readonly Comparable[];
    }
  | {
      readonly kind: 'udf';
      readonly udf: UdfDefinition;
      readonly op: FieldOperator;
      readonly operands: readonly Comparable[];
    }
  | { readonly kind: 'group'; readonly op: 'and' | 'or'; readonly items: readonly Condition[] };

/** A record and (read lazily) its UDF values. */
export type Predicate = (record: EntityRecord, udfs: () => ReadonlyMap<string, string>) => boolean;

/** A compiled filter. */
export interface CompiledFilter {
  /** The top-level conditions (all must match), unknown operators dropped. */
  readonly conditions: readonly Condition[];
  /** Whether a record matches. */
  readonly matches: Predicate;
}

const TEXT_OPERATORS = new Set<FieldOperator>(['beginsWith', 'endsWith', 'contains']);

function invalidValue(name: string, type: string, value: unknown): never {
  failAutotask(`The value ${JSON.stringify(value) ?? 'undefined'} is not valid for ${name} (${type}).`);
}

/** Reads one operand for a field type. */
function operandFor(name: string, type: FieldDefinition['type'] | UdfDefinition['type'], value: unknown): Comparable {
  if (value === null || value === undefined) failAutotask(`Value cannot be null.\r\nParameter name: ${name}`);
  switch (type) {
    case 'integer':
    case 'long':
    case 'double': {
      if (typeof value === 'number' && Number.isFinite(value)) return value;
      if (typeof value === 'boolean') return value ? 1 : 0;
      if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
      return invalidValue(name, type, value);
    }
    case 'datetime': {
      const time = typeof value === 'string' ? parseDate(value) : undefined;
      return time ?? invalidValue(name, type, value);
    }
    case 'boolean':
      if (typeof value === 'boolean') return value ? 1 : 0;
      return invalidValue(name, type, value);
    default:
      if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value).toLowerCase();
      return invalidValue(name, type, value);
  }
}

/** The text a `beginsWith`/`endsWith`/`contains` operand is, for any field type. */
function textOperand(name: string, value: unknown): string {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value).toLowerCase();
  if (value === null || value === undefined) failAutotask(`Value cannot be null.\r\nParameter name: ${name}`);
  return invalidValue(name, 'string', value);
}

interface Counters {
  orConditions: number;
  udfs: Set<string>;
}

function compileNode(entity: EntityDefinition, node: FilterNode, counters: Counters): Condition | undefined {
  const op = OPERATOR_BY_LOWER.get(node.op.toLowerCase());
  if (op === undefined) return undefined; // Autotask's silent-ignore: the condition is dropped.
  if (op === 'and' || op === 'or') {
    if (op === 'or') counters.orConditions += node.items.length;
    const items = node.items.map((item) => compileNode(entity, item, counters)).filter((item): item is Condition => item !== undefined);
    return items.length === 0 ? undefined : { kind: 'group', op, items };
  }
  const name = node.field ?? '';
  const type = node.udf ? findUdf(entity, name) : findField(entity, name);
  if (type === undefined) failAutotask(unableToFind(name, entity.internalName));
  if (!node.udf && (type as FieldDefinition).queryable === false) failAutotask(`The field ${type.name} of the ${entity.internalName} Entity cannot be queried.`);
  if (node.udf) counters.udfs.add(type.name);
  const fieldType = type.type;
  let operands: Comparable[];
  if (op === 'exist' || op === 'notExist') operands = [];
  else if (op === 'in' || op === 'notIn') {
    const values = Array.isArray(node.value) ? (node.value as unknown[]) : [node.value];
    counters.orConditions += values.length;
    operands = values.map((value) => operandFor(type.name, fieldType, value));
  } else if (TEXT_OPERATORS.has(op)) operands = [textOperand(type.name, node.value)];
  else operands = [operandFor(type.name, fieldType, node.value)];
  return node.udf ? { kind: 'udf', udf: type as UdfDefinition, op, operands } : { kind: 'field', field: type as FieldDefinition, op, operands };
}

/** A stored value as a comparable for a field type; `null` when the field is null. */
function storedComparable(type: FieldDefinition['type'] | UdfDefinition['type'], value: FieldValue | undefined): Comparable | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'number') return value;
  if (type === 'double') {
    const number = Number(value);
    return Number.isFinite(number) ? number : null;
  }
  return value.toLowerCase();
}

/** A stored value's text for `beginsWith`/`endsWith`/`contains`. */
function storedText(type: FieldDefinition['type'] | UdfDefinition['type'], value: FieldValue | undefined): string | null {
  if (value === null || value === undefined) return null;
  if (type === 'datetime' && typeof value === 'number') return formatDate(value).toLowerCase();
  return String(value).toLowerCase();
}

function compare(op: FieldOperator, stored: Comparable | null, text: string | null, operands: readonly Comparable[]): boolean {
  if (op === 'exist') return stored !== null;
  if (op === 'notExist') return stored === null;
  if (stored === null) return false;
  const operand = operands[0] as Comparable;
  switch (op) {
    case 'eq':
      return stored === operand;
    case 'noteq':
      return stored !== operand;
    case 'gt':
      return stored > operand;
    case 'gte':
      return stored >= operand;
    case 'lt':
      return stored < operand;
    case 'lte':
      return stored <= operand;
    case 'in':
      return operands.includes(stored);
    case 'notIn':
      return !operands.includes(stored);
    case 'beginsWith':
      return text !== null && text.startsWith(operand as string);
    case 'endsWith':
      return text !== null && text.endsWith(operand as string);
    default:
      return text !== null && text.includes(operand as string);
  }
}

function evaluate(condition: Condition, record: EntityRecord, udfs: () => ReadonlyMap<string, string>): boolean {
  switch (condition.kind) {
    case 'group':
      return condition.op === 'and'
        ? condition.items.every((item) => evaluate(item, record, udfs))
        : condition.items.some((item) => evaluate(item, record, udfs));
    case 'field': {
      const value = record[condition.field.name];
      const type = condition.field.type;
      return compare(condition.op, storedComparable(type, value), TEXT_OPERATORS.has(condition.op) ? storedText(type, value) : null, condition.operands);
    }
    default: {
      const value = udfs().get(condition.udf.name);
      const type = condition.udf.type;
      return compare(condition.op, storedComparable(type, value), TEXT_OPERATORS.has(condition.op) ? storedText(type, value) : null, condition.operands);
    }
  }
}

/** Compiles the filters of a query for an entity; throws Autotask's 500 for an unknown field, a bad value or too many ORs. */
export function compileFilter(entity: EntityDefinition, filter: readonly FilterNode[]): CompiledFilter {
  const counters: Counters = { orConditions: 0, udfs: new Set() };
  const conditions = filter.map((node) => compileNode(entity, node, counters)).filter((condition): condition is Condition => condition !== undefined);
  if (counters.orConditions > MAX_OR_CONDITIONS) failAutotask(TOO_MANY_OR_CONDITIONS);
  if (counters.udfs.size > 1) failAutotask('You can only query by one user-defined field at a time.');
  return { conditions, matches: (record, udfs) => conditions.every((condition) => evaluate(condition, record, udfs)) };
}
