/**
 * The row store keeps its indexes right through inserts, updates and deletes: a look-up finds what
 * a scan finds, strings without case, the empty string as null, numbers apart from text.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Table, type FieldValue, type Row } from '../../src/ivanti/table.js';

const recId = (n: number) => n.toString(16).toUpperCase().padStart(32, '0');

/** What a scan finds for `value` under the index's rules. */
function scan(table: Table, field: string, value: FieldValue): string[] {
  const key = (candidate: FieldValue | undefined) =>
    candidate === null || candidate === undefined || candidate === '' ? 'null' : typeof candidate === 'string' ? `s:${candidate.toLowerCase()}` : `${typeof candidate}:${String(candidate)}`;
  return [...table.rows()].filter((row) => key(row[field]) === key(value)).map((row) => row.RecId);
}

describe('Table', () => {
  it('looks values up without case, the empty string as null, numbers apart from text', () => {
    const table = new Table(['Status']);
    table.insert({ RecId: recId(1), Status: 'Active' });
    table.insert({ RecId: recId(2), Status: '' });
    table.insert({ RecId: recId(3), Status: 1 });
    table.insert({ RecId: recId(4), Status: '1' });
    table.insert({ RecId: recId(5), Status: true });
    expect([...(table.lookup('Status', 'ACTIVE') ?? [])]).toEqual([recId(1)]);
    expect([...(table.lookup('Status', null) ?? [])]).toEqual([recId(2)]);
    expect([...(table.lookup('Status', 1) ?? [])]).toEqual([recId(3)]);
    expect([...(table.lookup('Status', '1') ?? [])]).toEqual([recId(4)]);
    expect([...(table.lookup('Status', true) ?? [])]).toEqual([recId(5)]);
    expect(table.lookup('Subject', 'x')).toBeUndefined();
    expect(table.sequenceOf(table.get(recId(3)) as Row)).toBe(3);
  });

  it('finds through an index what a scan finds after any inserts, updates and deletes (one row or many per value)', () => {
    const value = fc.constantFrom<FieldValue>(null, '', 'a', 'A', 'b', 1, 2, '2', true);
    const operation = fc.oneof(
      fc.record({ kind: fc.constant('insert' as const), n: fc.integer({ min: 1, max: 30 }), value }),
      fc.record({ kind: fc.constant('update' as const), n: fc.integer({ min: 1, max: 30 }), value }),
      fc.record({ kind: fc.constant('delete' as const), n: fc.integer({ min: 1, max: 30 }), value }),
    );
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 80 }), (operations) => {
        const table = new Table(['Status']);
        for (const { kind, n, value: next } of operations) {
          const row = table.get(recId(n));
          if (kind === 'insert' && row === undefined) table.insert({ RecId: recId(n).toLowerCase(), Status: next });
          if (kind === 'update' && row !== undefined) table.update(row, { Status: next });
          if (kind === 'delete') table.delete(recId(n));
        }
        for (const probe of [null, 'a', 'b', 1, 2, '2', true] as const) {
          expect([...(table.lookup('Status', probe) ?? [])].map((id) => id.toUpperCase()).sort()).toEqual(scan(table, 'Status', probe).map((id) => id.toUpperCase()).sort());
        }
      }),
    );
  });
});
