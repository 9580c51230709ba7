/**
 * Evaluates Ivanti's reading of a filter against rows, with the comparison rules of its SQL
 * back end:
 *
 * - field names are case-sensitive; an unknown one is a 400 (`Could not find a property named …`);
 * - strings compare without regard to case (`FirstName eq 'harold'` matches `Harold`);
 * - `Field eq '$NULL'` matches an empty field (null or empty string), `ne '$NULL'` a filled one;
 * - any other comparison with an empty field is false (SQL's NULL), so `Owner ne 'x'` skips
 *   unowned records;
 * - numbers are bare (`IncidentNumber eq 12345`), booleans bare (`PublishToWeb eq true`), dates bare
 *   ISO (`CreatedDateTime gt 2026-01-01`); quoted numbers, booleans and dates are read too. A value
 *   that does not fit its field's type is a 400.
 *
 * @module
 */
import { failFilter } from '../errors.js';
import { parseIvantiDate } from '../dates.js';
import { fieldOf, type BusinessObjectDef, type FieldDef } from '../schema.js';
import type { FieldValue, Row } from '../table.js';
import type { CompareOp, Literal, Reading } from './reading.js';

/** A compiled filter. */
export interface CompiledFilter {
  /** Whether a row matches. */
  readonly test: (row: Row) => boolean;
  /** An `eq` on an indexed field that every match must satisfy (to read candidates from the index), if any. */
  readonly indexHint?: { readonly field: string; readonly value: FieldValue };
}

/** Compiles a reading for the object's fields; throws Ivanti's 400 for an unknown field or a value of the wrong type. */
export function compileReading(reading: Reading, object: BusinessObjectDef): CompiledFilter {
  const test = compile(reading, object);
  const hint = indexHint(reading, object);
  return hint === undefined ? { test } : { test, indexHint: hint };
}

type Test = (row: Row) => boolean;

function compile(reading: Reading, object: BusinessObjectDef): Test {
  switch (reading.kind) {
    case 'all':
      return () => true;
    case 'and': {
      const terms = reading.terms.map((term) => compile(term, object));
      return (row) => terms.every((term) => term(row));
    }
    case 'or': {
      const terms = reading.terms.map((term) => compile(term, object));
      return (row) => terms.some((term) => term(row));
    }
    case 'compare':
      return compileComparison(object, reading.field, reading.op, reading.literal);
  }
}

/** The value a literal stands for in a field: `null` for `'$NULL'`/`null`. */
function literalValue(field: FieldDef, literal: Literal): FieldValue {
  if ((literal.kind === 'string' && literal.value === '$NULL') || (literal.kind === 'keyword' && literal.value === null)) return null;
  const text = literal.kind === 'keyword' ? String(literal.value) : literal.kind === 'string' ? literal.value : literal.text;
  switch (field.type) {
    case 'String':
      return text;
    case 'Int32':
    case 'Double': {
      const number = Number(text);
      if (text.trim() === '' || !Number.isFinite(number) || (field.type === 'Int32' && !Number.isInteger(number))) return failFilter();
      return number;
    }
    case 'Boolean': {
      const lower = text.toLowerCase();
      if (lower !== 'true' && lower !== 'false') return failFilter();
      return lower === 'true';
    }
    case 'DateTimeOffset': {
      const time = parseIvantiDate(text);
      return time === undefined ? failFilter() : time;
    }
  }
}

function resolveField(object: BusinessObjectDef, name: string): FieldDef {
  const field = fieldOf(object, name);
  if (field === undefined) failFilter(`Could not find a property named '${name}' on type 'MetaData.${object.csdlType}'.`);
  return field;
}

function compileComparison(object: BusinessObjectDef, name: string, op: CompareOp, literal: Literal): Test {
  const field = resolveField(object, name);
  const value = literalValue(field, literal);
  if (value === null) {
    if (op === 'eq') return (row) => isEmpty(row[name]);
    if (op === 'ne') return (row) => !isEmpty(row[name]);
    return () => false; // SQL: an ordering comparison with NULL is never true

  }
  const wanted = typeof value === 'string' ? value.toLowerCase() : value;
  return (row) => {
    const actual = row[name];
    if (actual === null || actual === undefined || actual === '') return false;
    return holds(op, compareValues(typeof actual === 'string' ? actual.toLowerCase() : actual, wanted));
  };
}

function isEmpty(value: FieldValue | undefined): boolean {
  return value === null || value === undefined || value === '';
}

/** -1, 0 or 1; values of different kinds compare by their text. */
export function compareValues(a: Exclude<FieldValue, null>, b: Exclude<FieldValue, null>): number {
  if (typeof a === typeof b) {
    if (a === b) return 0;
    return a < b ? -1 : 1;
  }
  const left = String(a);
  const right = String(b);
  return left === right ? 0 : left < right ? -1 : 1;
}

function holds(op: CompareOp, order: number): boolean {
  switch (op) {
    case 'eq':
      return order === 0;
    case 'ne':
      return order !== 0;
    case 'lt':
      return order < 0;
    case 'le':
      return order <= 0;
    case 'gt':
      return order > 0;
    case 'ge':
      return order >= 0;
  }
}

function indexHint(reading: Reading, object: BusinessObjectDef): CompiledFilter['indexHint'] {
  const terms = reading.kind === 'and' ? reading.terms : [reading];
  for (const term of terms) {
    if (term.kind !== 'compare' || term.op !== 'eq' || !object.indexed.includes(term.field)) continue;
    const field = resolveField(object, term.field);
    return { field: term.field, value: literalValue(field, term.literal) };
  }
  return undefined;
}
