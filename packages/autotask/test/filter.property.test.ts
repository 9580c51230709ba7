import { InputError } from '@itsm/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FIELD_OPERATORS, checkFilter, planQuery, where, type FieldOperator, type Filter } from '../src/index.js';

/** The shape of a filter: operators, fields and nesting, everything but the values. */
type Shape = { op: string; field?: string; udf?: boolean; items?: Shape[] };

function shapeOf(node: unknown): Shape {
  const value = node as { op: string; field?: string; udf?: boolean; items?: unknown[] };
  return {
    op: value.op.toLowerCase(),
    ...(value.field === undefined ? {} : { field: value.field }),
    ...(value.udf ? { udf: true } : {}),
    ...(value.items === undefined ? {} : { items: value.items.map(shapeOf) }),
  };
}

/** The filter as Autotask receives it: the JSON of the checked nodes, read back. */
function sent(filter: unknown): unknown[] {
  return JSON.parse(JSON.stringify(checkFilter(filter).nodes)) as unknown[];
}

const fieldName = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,20}$/);
/** Strings meant to break a query language: quotes, braces, operators, JSON. */
const hostile = fc.oneof(
  fc.string(),
  fc.constantFrom('", "op": "or", "items": [', '{"op":"ne"}', '\\', '\u0000', ']}', "' OR 1=1 --", '${x}', '__proto__', 'constructor'),
  fc.string().map((text) => `${text}"}],"filter":[{"op":"exist","field":"id"`),
);
const scalar = fc.oneof(hostile, fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.date({ noInvalidDate: true }));
const anything = fc.anything({ withDate: true, withMap: true, withSet: true, withNullPrototype: true, withTypedArray: true });

const COMPARISONS = ['eq', 'noteq', 'gt', 'gte', 'lt', 'lte'] as const;
const TEXT = ['beginsWith', 'endsWith', 'contains'] as const;

describe('the filter builder (property)', () => {
  it('puts any value in `value` only: a value never changes the structure', () => {
    fc.assert(
      fc.property(fc.constantFrom(...COMPARISONS), fieldName, scalar, (op, field, value) => {
        const [node] = sent(where[op](field, value));
        // JSON has no -0: what Autotask receives is the value as JSON writes it.
        expect(node).toEqual({ op, field, value: JSON.parse(JSON.stringify(value instanceof Date ? value.toISOString() : value)) });
        expect(Object.keys(node as object).sort()).toEqual(['field', 'op', 'value']);
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.constantFrom(...TEXT), fieldName, hostile.filter((text) => text !== ''), (op, field, text) => {
        expect(sent(where[op](field, text))).toEqual([{ op, field, value: text }]);
      }),
      { numRuns: 200 },
    );
    fc.assert(
      fc.property(fc.constantFrom('in', 'notIn' as const), fieldName, fc.array(fc.oneof(hostile, fc.integer()), { minLength: 1, maxLength: 30 }), (op, field, values) => {
        const [node] = sent(where[op](field, values)) as { value: unknown[] }[];
        expect(shapeOf(node)).toEqual({ op: op.toLowerCase(), field });
        expect(node?.value).toEqual([...new Map(values.map((item) => [`${typeof item}:${String(item)}`, item])).values()]);
      }),
      { numRuns: 200 },
    );
  });

  it('refuses any value that is not a scalar, a Date or (for in/notIn) a list of them, and never lets it through as structure', () => {
    fc.assert(
      fc.property(fc.constantFrom(...FIELD_OPERATORS), fieldName, anything, fc.boolean(), (op, field, value, udf) => {
        const raw = { op, field: udf ? `${field} x` : field, value, ...(udf ? { udf: true } : {}) };
        let nodes: unknown[];
        try {
          nodes = sent(raw);
        } catch (error) {
          expect(error).toBeInstanceOf(InputError);
          return;
        }
        const [node] = nodes as { value?: unknown }[];
        expect(shapeOf(node)).toEqual(shapeOf(raw));
        const isScalar = (item: unknown) => ['string', 'number', 'boolean'].includes(typeof item);
        if (op === 'exist' || op === 'notExist') expect(node?.value).toBeUndefined();
        else if (op === 'in' || op === 'notIn') expect(Array.isArray(node?.value) && (node.value as unknown[]).every(isScalar)).toBe(true);
        else expect(isScalar(node?.value)).toBe(true);
      }),
      { numRuns: 1_000 },
    );
  });

  it('keeps the shape of any tree of groups, and round-trips every operator in any case', () => {
    const leaf: fc.Arbitrary<Filter> = fc
      .tuple(fc.constantFrom(...COMPARISONS, 'in', 'exist'), fieldName, fc.oneof(fc.integer(), hostile))
      .map(([op, field, value]): Filter => (op === 'exist' ? where.exist(field) : op === 'in' ? where.in(field, [value]) : where[op as (typeof COMPARISONS)[number]](field, value)));
    const tree = fc.letrec<{ node: Filter }>((tie) => ({
      node: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        leaf,
        fc.tuple(fc.constantFrom('and', 'or'), fc.array(tie('node'), { minLength: 1, maxLength: 4 })).map(([op, items]) => (op === 'and' ? where.and(...items) : where.or(...items))),
      ),
    })).node;
    fc.assert(
      fc.property(fc.array(tree, { minLength: 1, maxLength: 4 }), (filter) => {
        expect(sent(filter).map(shapeOf)).toEqual(filter.map(shapeOf));
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.constantFrom(...FIELD_OPERATORS), fc.boolean(), (op: FieldOperator, upper) => {
        const spelled = upper ? op.toUpperCase() : op.toLowerCase();
        const value = op === 'exist' || op === 'notExist' ? undefined : op === 'in' || op === 'notIn' ? [1] : op === 'beginsWith' || op === 'endsWith' || op === 'contains' ? 'x' : 1;
        const [node] = sent({ op: spelled, field: 'status', ...(value === undefined ? {} : { value }) }) as { op: string }[];
        expect(node?.op).toBe(op);
      }),
    );
  });

  it('plans any filter into queries of at most 500 OR conditions that cover every value of a split list once', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2_000 }), fc.integer({ min: 0, max: 120 }), (listLength, others) => {
        const values = Array.from({ length: listLength }, (_, index) => index);
        const filter = [where.in('id', values), ...(others > 0 ? [where.or(...Array.from({ length: others }, (_, index) => where.eq('status', index)))] : [])];
        const plan = planQuery(checkFilter(filter));
        const lists = plan.filters.map((part) => (part[0] as unknown as { value: number[] }).value);
        expect(lists.flat()).toEqual(values);
        for (const list of lists) expect(list.length + others).toBeLessThanOrEqual(500);
        if (listLength + others <= 500) expect(plan.filters).toHaveLength(1);
      }),
      { numRuns: 200 },
    );
  });
});
