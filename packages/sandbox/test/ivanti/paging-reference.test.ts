/**
 * A collection query is filtered and sorted once and paged (`$skip`/`$top`) from a kept result
 * until the next write. These tests hold every page to a straightforward reference — every row of
 * the object, filtered, sorted with a comparator that reads the values at each comparison, sliced
 * at `$skip` — on the same store at the same moment, also after writes between pages.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareValues, compileReading } from '../../src/ivanti/odata/predicate.js';
import { readFilter } from '../../src/ivanti/odata/reading.js';
import { BUSINESS_OBJECTS, type BusinessObjectDef } from '../../src/ivanti/schema.js';
import { store } from '../../src/ivanti/store.js';
import type { FieldValue, Row } from '../../src/ivanti/table.js';
import { q, type Page } from './support/http.js';
import { useIvantiSandbox } from './support/sandbox.js';

const ctx = useIvantiSandbox({ tickets: 1_200 });

interface Clause {
  readonly field: string;
  readonly descending: boolean;
}

function compareNullable(a: FieldValue | undefined, b: FieldValue | undefined): number {
  const emptyA = a === null || a === undefined || a === '';
  const emptyB = b === null || b === undefined || b === '';
  if (emptyA || emptyB) return emptyA === emptyB ? 0 : emptyA ? -1 : 1;
  return compareValues(typeof a === 'string' ? a.toLowerCase() : (a as number | boolean), typeof b === 'string' ? b.toLowerCase() : (b as number | boolean));
}

/** The RecIds of the page at `skip`: filter every row, sort reading values at each comparison, slice. */
function referencePage(object: BusinessObjectDef, filter: string | undefined, orderBy: readonly Clause[] | undefined, skip: number, top: number): string[] {
  const table = store.table(ctx.state, object);
  const compiled = filter === undefined ? undefined : compileReading(readFilter(filter), object);
  const test = (row: Row) => compiled === undefined || compiled.test(row);
  const rows = [...table.rows()].filter((row) => store.belongs(object, row) && test(row));
  const clauses = orderBy ?? [{ field: 'LastModDateTime', descending: true }];
  const tie = (a: Row, b: Row) => (orderBy === undefined ? table.sequenceOf(b) - table.sequenceOf(a) : table.sequenceOf(a) - table.sequenceOf(b));
  rows.sort((a, b) => {
    for (const { field, descending } of clauses) {
      const order = compareNullable(a[field], b[field]);
      if (order !== 0) return descending ? -order : order;
    }
    return tie(a, b);
  });
  return rows.slice(skip, skip + top).map((row) => row.RecId);
}

function orderText(clauses: readonly Clause[]): string {
  return clauses.map(({ field, descending }) => `${field} ${descending ? 'desc' : 'asc'}`).join(', ');
}

/** Pages through a collection, checking every page against the reference; `between(n)` runs after page n. */
async function pageAgainstReference(
  object: BusinessObjectDef,
  options: { readonly filter?: string; readonly orderBy?: readonly Clause[]; readonly top: number },
  between: (pageNumber: number, recIds: readonly string[]) => Promise<void> = async () => {},
): Promise<number> {
  const { filter, orderBy, top } = options;
  let pages = 0;
  for (let skip = 0; ; skip += top) {
    const query = [`$top=${top}`, `$skip=${skip}`, `$select=RecId`, ...(filter === undefined ? [] : [`$filter=${q(filter)}`]), ...(orderBy === undefined ? [] : [`$orderby=${q(orderText(orderBy))}`])];
    const expected = referencePage(object, filter, orderBy, skip, top);
    const reply = await ctx.call('GET', `/api/odata/businessobject/${object.entitySet}?${query.join('&')}`);
    expect(reply.status, reply.text).toBe(200);
    const recIds = reply.text === '' ? [] : reply.body<Page<{ RecId: string }>>().value.map((row) => row.RecId);
    expect(recIds, `page ${pages + 1} (skip ${skip})`).toEqual(expected);
    pages += 1;
    if (recIds.length < top) return pages;
    await between(pages, recIds);
  }
}

const incidents = BUSINESS_OBJECTS.incidents;

/** Writes through the API that move rows in or out of a result, or across pages. */
const WRITES: readonly ((recIds: readonly string[]) => Promise<void>)[] = [
  // A row already read changes: it moves to the top of the default order.
  async (recIds) => {
    const reply = await ctx.call('PATCH', `/api/odata/businessobject/incidents('${recIds.at(-1) ?? ''}')`, { json: { Subject: 'Edited while paging', Priority: '1' } });
    expect(reply.status, reply.text).toBe(200);
  },
  // A new row joins.
  async () => {
    const reply = await ctx.call('POST', '/api/odata/businessobject/incidents', {
      json: { Subject: 'Created while paging', Symptom: 'x', ProfileLink_RecID: ctx.state.facts.knownRequester.recId, ProfileLink_Category: 'Employee' },
    });
    expect(reply.status, reply.text).toBe(201);
  },
  // A row not yet read leaves.
  async () => {
    const last = [...store.table(ctx.state, incidents).rows()].at(-1);
    const reply = await ctx.call('DELETE', `/api/odata/businessobject/incidents('${last?.RecId ?? ''}')`);
    expect(reply.status, reply.text).toBe(204);
  },
];

const CASES: readonly { readonly filter?: string; readonly orderBy?: readonly Clause[] }[] = [
  {},
  { orderBy: [{ field: 'Priority', descending: true }, { field: 'CreatedDateTime', descending: false }] },
  { filter: "Status eq 'Active' or Status eq 'Logged'", orderBy: [{ field: 'Owner', descending: false }] },
  { filter: "Priority ne '3'", orderBy: [{ field: 'Subject', descending: true }] },
  { filter: "OwnerTeam eq 'Service Desk'" },
];

describe('collection pages from a kept result', () => {
  it.each(CASES)('gives the reference pages for %j', async (options) => {
    expect(await pageAgainstReference(incidents, { ...options, top: 97 })).toBeGreaterThan(0);
  });

  it.each(CASES)('gives the reference pages for %j with writes between pages', async (options) => {
    await pageAgainstReference(incidents, { ...options, top: 83 }, async (pageNumber, recIds) => {
      await WRITES[(pageNumber - 1) % WRITES.length]?.(recIds);
    });
  });

  it('gives the reference pages for random sort orders, page sizes and writes between pages', async () => {
    const fields = ['Status', 'Priority', 'Owner', 'OwnerTeam', 'Subject', 'CreatedDateTime', 'LastModDateTime', 'IncidentNumber', 'Urgency', 'ResolvedDateTime'];
    await fc.assert(
      fc.asyncProperty(
        fc.option(fc.uniqueArray(fc.record({ field: fc.constantFrom(...fields), descending: fc.boolean() }), { minLength: 1, maxLength: 3, selector: (clause) => clause.field }), { nil: undefined }),
        fc.integer({ min: 20, max: 100 }),
        fc.array(fc.integer({ min: 0, max: WRITES.length * 2 }), { maxLength: 5 }),
        async (orderBy, top, writes) => {
          await ctx.sb.reset();
          await pageAgainstReference(incidents, { ...(orderBy === undefined ? {} : { orderBy }), top }, async (pageNumber, recIds) => {
            await WRITES[writes[pageNumber - 1] ?? WRITES.length]?.(recIds);
          });
        },
      ),
      { numRuns: 8 },
    );
  });
});
