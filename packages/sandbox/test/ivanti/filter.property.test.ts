/**
 * The filter engine against a reference: random filters of the grammar Ivanti reads as written — an
 * optional leading group (all `or` or all `and`) then `and` clauses, or a flat `and … or …` sequence
 * with every `and` before the first `or` — over the seeded incidents, evaluated by the simulator and
 * by a straightforward evaluator of OData's meaning (with Ivanti's case-insensitive strings and
 * SQL's empty fields) must select the same rows.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runQuery } from '../../src/ivanti/odata/query.js';
import { BUSINESS_OBJECTS } from '../../src/ivanti/schema.js';
import { seedState } from '../../src/ivanti/seed.js';
import type { Row } from '../../src/ivanti/table.js';
import { Random } from '../../src/random.js';
import { INCIDENT_STATUSES } from '../../src/ivanti/picklists.js';

const state = seedState({ random: new Random('filter-property'), seed: 'filter-property', tickets: 250, seededUntil: new Date('2026-01-01T00:00:00Z') });
const rows: Row[] = [...state.tables.incidents.rows()];
const object = BUSINESS_OBJECTS.incidents;

type Op = 'eq' | 'ne' | 'lt' | 'le' | 'gt' | 'ge';
type Value = { kind: 'string'; value: string } | { kind: 'null' } | { kind: 'number'; value: number } | { kind: 'date'; value: number } | { kind: 'bool'; value: boolean };
interface Comparison {
  field: string;
  op: Op;
  value: Value;
}
type Filter = { kind: 'grouped'; groupOp: 'and' | 'or'; group: Comparison[]; rest: Comparison[] } | { kind: 'flat'; ands: Comparison[]; ors: Comparison[] };

const ops: Op[] = ['eq', 'ne', 'lt', 'le', 'gt', 'ge'];
const pickFrom = <T>(values: readonly T[]) => fc.constantFrom(...values);
const fromRows = (field: string) => [...new Set(rows.map((row) => row[field]).filter((value): value is string => typeof value === 'string'))];
const caseVariant = (text: string) => fc.constantFrom(text, text.toLowerCase(), text.toUpperCase());

const stringField = (field: string, values: readonly string[]) =>
  fc.record({
    field: fc.constant(field),
    op: pickFrom(ops),
    value: fc.oneof(
      pickFrom(values).chain(caseVariant).map((value): Value => ({ kind: 'string', value })),
      fc.constant<Value>({ kind: 'null' }),
    ),
  });

const comparison: fc.Arbitrary<Comparison> = fc.oneof(
  stringField('Status', [...INCIDENT_STATUSES]),
  stringField('Priority', ['1', '2', '3', '4', '5']),
  stringField('Owner', fromRows('Owner')),
  stringField('Category', fromRows('Category')),
  stringField('ProfileFullName', fromRows('ProfileFullName')),
  fc.record({ field: fc.constant('IncidentNumber'), op: pickFrom(ops), value: fc.integer({ min: 9990, max: 10300 }).map((value): Value => ({ kind: 'number', value })) }),
  fc.record({
    field: fc.constantFrom('CreatedDateTime', 'LastModDateTime', 'ResolvedDateTime'),
    op: pickFrom(ops),
    value: fc.integer({ min: Date.parse('2025-06-01T00:00:00Z') / 1000, max: Date.parse('2026-01-01T00:00:00Z') / 1000 }).map((seconds): Value => ({ kind: 'date', value: seconds * 1000 })),
  }),
  fc.record({ field: fc.constantFrom('IsVIP', 'FirstCallResolution'), op: fc.constantFrom<Op>('eq', 'ne'), value: fc.boolean().map((value): Value => ({ kind: 'bool', value })) }),
);

const filter: fc.Arbitrary<Filter> = fc.oneof(
  fc.record({ kind: fc.constant('grouped' as const), groupOp: fc.constantFrom('and' as const, 'or' as const), group: fc.array(comparison, { minLength: 1, maxLength: 3 }), rest: fc.array(comparison, { maxLength: 2 }) }),
  fc.record({ kind: fc.constant('flat' as const), ands: fc.array(comparison, { minLength: 1, maxLength: 3 }), ors: fc.array(comparison, { maxLength: 2 }) }),
);

function literal(value: Value): string {
  switch (value.kind) {
    case 'string':
      return `'${value.value.replaceAll("'", "''")}'`;
    case 'null':
      return "'$NULL'";
    case 'number':
      return String(value.value);
    case 'date':
      return new Date(value.value).toISOString().replace('.000Z', 'Z');
    case 'bool':
      return String(value.value);
  }
}

const print = (item: Comparison) => `${item.field} ${item.op} ${literal(item.value)}`;

function printFilter(input: Filter): string {
  if (input.kind === 'grouped') return [`(${input.group.map(print).join(` ${input.groupOp} `)})`, ...input.rest.map(print)].join(' and ');
  return [input.ands.map(print).join(' and '), ...input.ors.map(print)].join(' or ');
}

/** OData's meaning, with strings compared without case and empty fields failing every comparison but `$NULL`. */
function holds(row: Row, item: Comparison): boolean {
  const actual = row[item.field];
  const empty = actual === null || actual === undefined || actual === '';
  if (item.value.kind === 'null') return item.op === 'eq' ? empty : item.op === 'ne' ? !empty : false;
  if (empty) return false;
  const [a, b] = item.value.kind === 'string' ? [String(actual).toLowerCase(), item.value.value.toLowerCase()] : [actual, item.value.value];
  switch (item.op) {
    case 'eq':
      return a === b;
    case 'ne':
      return a !== b;
    case 'lt':
      return (a as number) < (b as number);
    case 'le':
      return (a as number) <= (b as number);
    case 'gt':
      return (a as number) > (b as number);
    case 'ge':
      return (a as number) >= (b as number);
  }
}

function reference(input: Filter): Set<string> {
  const test = (row: Row): boolean => {
    if (input.kind === 'grouped') {
      const group = input.groupOp === 'and' ? input.group.every((item) => holds(row, item)) : input.group.some((item) => holds(row, item));
      return group && input.rest.every((item) => holds(row, item));
    }
    return input.ands.every((item) => holds(row, item)) || input.ors.some((item) => holds(row, item));
  };
  return new Set(rows.filter(test).map((row) => row.RecId));
}

describe('the $filter engine', () => {
  it('selects what OData means, for every filter of the grammar Ivanti reads as written', () => {
    fc.assert(
      fc.property(filter, (input) => {
        const text = printFilter(input);
        const actual = new Set(runQuery(state, { object, filter: text }));
        expect(actual, text).toEqual(reference(input));
      }),
      { numRuns: 300 },
    );
  });
});
