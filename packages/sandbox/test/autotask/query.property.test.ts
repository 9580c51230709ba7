/**
 * Property: for random filters (every operator, nested and/or groups, unknown operators, nullable
 * fields, dates, booleans, text), the tickets the simulator returns are exactly those a reference
 * evaluation over the seeded rows selects. The reference is written from Autotask's documented
 * semantics over the JSON the simulator serves, independently of its query engine.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, type QueryPage } from './support/http.js';
import { useAutotaskSandbox } from './support/sandbox.js';

const at = useAutotaskSandbox({ tickets: 300 });

type Row = Record<string, unknown>;
type Filter = { op: string; field?: string; value?: unknown; items?: Filter[] };

let rows: Row[] = [];

beforeAll(async () => {
  rows = [];
  let url: string | null = api('Tickets/query');
  while (url !== null) {
    const page: QueryPage = (await at.call('POST', url, { json: { filter: [{ op: 'exist', field: 'id' }] } })).body<QueryPage>();
    rows.push(...page.items);
    url = page.pageDetails.nextPageUrl;
  }
});

const NUMBER_FIELDS = ['status', 'priority', 'queueID', 'contactID', 'companyID', 'assignedResourceID', 'issueType', 'source'] as const;
const TEXT_FIELDS = ['title', 'ticketNumber', 'description'] as const;
const DATE_FIELDS = ['createDate', 'lastActivityDate', 'completedDate'] as const;
const COMPARISONS = ['eq', 'noteq', 'gt', 'gte', 'lt', 'lte'] as const;

function valuesOf(field: string): unknown[] {
  return [...new Set(rows.map((row) => row[field]).filter((value) => value !== null))];
}

const numberFilter = fc.constantFrom(...NUMBER_FIELDS).chain((field) =>
  fc.oneof(
    fc.record({ op: fc.constantFrom(...COMPARISONS), field: fc.constant(field), value: fc.constantFrom(...valuesOf(field), 0, 3, 99_999_999) }),
    fc.record({ op: fc.constantFrom('in', 'notIn'), field: fc.constant(field), value: fc.subarray(valuesOf(field), { minLength: 1, maxLength: 4 }) }),
    fc.record({ op: fc.constantFrom('exist', 'notExist'), field: fc.constant(field) }),
  ),
);
const textFilter = fc.constantFrom(...TEXT_FIELDS).chain((field) =>
  fc.record({
    op: fc.constantFrom('eq', 'noteq', 'beginsWith', 'endsWith', 'contains', 'gt', 'lt'),
    field: fc.constant(field),
    value: fc.oneof(
      fc.constantFrom('vpn', 'PASSWORD', 'T2025', '.0001', 'printer', 'a', 'laptop will not boot'),
      fc.constantFrom(...valuesOf(field)).map((value) => String(value).slice(0, 12)),
    ),
  }),
);
const dateFilter = fc.constantFrom(...DATE_FIELDS).chain((field) =>
  fc.oneof(
    fc.record({ op: fc.constantFrom(...COMPARISONS), field: fc.constant(field), value: fc.date({ min: new Date('2024-12-01T00:00:00Z'), max: new Date('2026-01-02T00:00:00Z'), noInvalidDate: true }).map((date) => date.toISOString().replace('Z', '')) }),
    fc.record({ op: fc.constantFrom('exist', 'notExist'), field: fc.constant(field) }),
  ),
);
const boolFilter = fc.record({ op: fc.constantFrom('eq', 'noteq'), field: fc.constant('serviceLevelAgreementHasBeenMet'), value: fc.boolean() });
const unknownFilter = fc.record({ op: fc.constantFrom('ne', 'isNull', 'between', 'like'), field: fc.constant('status'), value: fc.constant(5) });
const leaf: fc.Arbitrary<Filter> = fc.oneof({ weight: 4, arbitrary: numberFilter }, { weight: 3, arbitrary: textFilter }, { weight: 2, arbitrary: dateFilter }, boolFilter, unknownFilter);
const filterArbitrary: fc.Arbitrary<Filter> = fc.letrec<{ node: Filter }>((tie) => ({
  node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, { weight: 5, arbitrary: leaf }, fc.record({ op: fc.constantFrom('and', 'or'), items: fc.array(tie('node'), { minLength: 1, maxLength: 3 }) })),
})).node;

const KNOWN = new Set(['eq', 'noteq', 'gt', 'gte', 'lt', 'lte', 'beginswith', 'endswith', 'contains', 'exist', 'notexist', 'in', 'notin', 'and', 'or']);

/** Comparable form of a JSON value: dates as epoch ms, text lower-case, booleans 0/1. */
function comparable(field: string, value: unknown): number | string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'number') return value;
  if ((DATE_FIELDS as readonly string[]).includes(field)) return Date.parse(String(value).endsWith('Z') ? String(value) : `${String(value)}Z`);
  return String(value).toLowerCase();
}

/** The reference: undefined for a condition Autotask drops. */
function reference(filter: Filter, row: Row): boolean | undefined {
  const op = filter.op.toLowerCase();
  if (!KNOWN.has(op)) return undefined;
  if (op === 'and' || op === 'or') {
    const results = (filter.items ?? []).map((item) => reference(item, row)).filter((result): result is boolean => result !== undefined);
    if (results.length === 0) return undefined;
    return op === 'and' ? results.every(Boolean) : results.some(Boolean);
  }
  const field = filter.field ?? '';
  const stored = comparable(field, row[field]);
  if (op === 'exist') return stored !== null;
  if (op === 'notexist') return stored === null;
  if (stored === null) return false;
  if (op === 'in' || op === 'notin') {
    const list = (filter.value as unknown[]).map((value) => comparable(field, value));
    return op === 'in' ? list.includes(stored) : !list.includes(stored);
  }
  const operand = comparable(field, filter.value) as number | string;
  const text = String(row[field]).toLowerCase();
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
    case 'beginswith':
      return text.startsWith(String(operand));
    case 'endswith':
      return text.endsWith(String(operand));
    default:
      return text.includes(String(operand));
  }
}

describe('query property', () => {
  it('returns exactly the rows a reference evaluation selects', async () => {
    expect(rows).toHaveLength(300);
    await fc.assert(
      fc.asyncProperty(fc.array(filterArbitrary, { minLength: 1, maxLength: 3 }), async (filter) => {
        const expected = rows.filter((row) => filter.every((node) => reference(node, row) !== false)).map((row) => row.id);
        const reply = await at.call('POST', api('Tickets/query'), { json: { filter, IncludeFields: ['id'] } });
        expect(reply.status, reply.text).toBe(200);
        const ids = reply.body<QueryPage>().items.map((item) => item.id);
        expect(ids).toEqual(expected);
        const counted = (await at.call('POST', api('Tickets/query/count'), { json: { filter } })).body<{ queryCount: number }>().queryCount;
        expect(counted).toBe(expected.length);
      }),
      { numRuns: 150, seed: 20_260_101 },
    );
  });
});
