/**
 * The entity table keeps its id order and its indexes right through inserts, updates and deletes, and
 * a query that uses an index finds what a scan finds.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CONTACTS, TICKETS } from '../../src/autotask/entities/index.js';
import { compileFilter } from '../../src/autotask/query/filter.js';
import { countMatches, scanPage } from '../../src/autotask/query/scan.js';
import { EntityTable, type EntityRecord } from '../../src/autotask/table.js';

function tickets(): EntityTable<EntityRecord> {
  const table = new EntityTable<EntityRecord>(TICKETS, 1);
  for (let id = 1; id <= 20; id += 1) table.insert({ id: id * 10, status: id % 3 === 0 ? 5 : 1, contactID: id % 4, title: `Ticket ${id}` });
  return table;
}

describe('EntityTable', () => {
  it('keeps ids ascending, also for an id inserted out of order, and allocates after the largest', () => {
    const table = tickets();
    table.insert({ id: 15, status: 1 });
    expect(table.ids.slice(0, 3)).toEqual([10, 15, 20]);
    expect(table.allocateId()).toBe(201);
    expect(() => table.insert({ id: 15 })).toThrow(/exists/u);
  });

  it('maintains its indexes through updates and deletes', () => {
    const table = tickets();
    expect(table.idsWhere('status', [5])).toEqual([30, 60, 90, 120, 150, 180]);
    table.update(30, { status: 1 });
    table.update(40, { status: 5 });
    table.delete(60);
    expect(table.idsWhere('status', [5])).toEqual([40, 90, 120, 150, 180]);
    table.update(90, { status: null });
    expect(table.idsWhere('status', [5])).toEqual([40, 120, 150, 180]);
    expect(table.get(90)?.status).toBeUndefined();
    expect(table.ids).not.toContain(60);
  });

  it('indexes text case-insensitively', () => {
    const table = new EntityTable<EntityRecord>(CONTACTS, 1);
    table.insert({ id: 1, emailAddress: 'Ann.Lee@Example.com' });
    expect(table.idsWhere('emailAddress', ['ann.lee@example.COM'])).toEqual([1]);
  });

  it('finds through an index what a scan finds, page by page', () => {
    const table = tickets();
    const indexed = compileFilter(TICKETS, [{ op: 'in', field: 'contactID', value: [1, 3], udf: false, items: [] }]);
    const scanned = compileFilter(TICKETS, [{ op: 'or', field: undefined, udf: false, value: undefined, items: [1, 3].map((value) => ({ op: 'eq', field: 'contactID', udf: false, value, items: [] })) }]);
    expect(countMatches(table, indexed)).toBe(countMatches(table, scanned));
    const first = scanPage(table, indexed, undefined, 4);
    const second = scanPage(table, indexed, { after: first.items.at(-1)?.id ?? 0 }, 4);
    const all = scanPage(table, scanned, undefined, 100).items.map((record) => record.id);
    expect([...first.items, ...second.items].map((record) => record.id)).toEqual(all.slice(0, 8));
    expect(first).toMatchObject({ hasNext: true, hasPrevious: false });
    expect(second.hasPrevious).toBe(true);
    const back = scanPage(table, indexed, { before: second.items[0]?.id ?? 0 }, 4);
    expect(back.items).toEqual(first.items);
  });

  it('narrows by an id range', () => {
    const table = tickets();
    const filter = compileFilter(TICKETS, [
      { op: 'gt', field: 'id', udf: false, value: 50, items: [] },
      { op: 'lte', field: 'id', udf: false, value: 120, items: [] },
    ]);
    expect(scanPage(table, filter, undefined, 100).items.map((record) => record.id)).toEqual([60, 70, 80, 90, 100, 110, 120]);
  });

  it('finds through an index what a scan finds after any inserts, updates and deletes (one record or many per value)', () => {
    const operation = fc.oneof(
      fc.record({ kind: fc.constant('insert' as const), id: fc.integer({ min: 1, max: 40 }), value: fc.option(fc.integer({ min: 0, max: 4 }), { nil: null }) }),
      fc.record({ kind: fc.constant('update' as const), id: fc.integer({ min: 1, max: 40 }), value: fc.option(fc.integer({ min: 0, max: 4 }), { nil: null }) }),
      fc.record({ kind: fc.constant('delete' as const), id: fc.integer({ min: 1, max: 40 }), value: fc.constant(null) }),
    );
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 80 }), (operations) => {
        const table = new EntityTable<EntityRecord>(TICKETS, 1);
        for (const { kind, id, value } of operations) {
          const exists = table.get(id) !== undefined;
          if (kind === 'insert' && !exists) table.insert(value === null ? { id } : { id, ticketNumber: `T${value}` });
          if (kind === 'update' && exists) table.update(id, { ticketNumber: value === null ? null : `T${value}` });
          if (kind === 'delete') table.delete(id);
        }
        for (let value = 0; value <= 4; value += 1) {
          const scanned = [...table.rows()].filter((record) => record.ticketNumber === `T${value}`).map((record) => record.id);
          expect(table.idsWhere('ticketNumber', [`t${value}`])).toEqual(scanned);
        }
      }),
    );
  });
});
