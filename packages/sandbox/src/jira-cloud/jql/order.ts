/**
 * `ORDER BY`: how two records compare on the sort fields.
 *
 * Values compare by type: options by `rank` (else name), users by display name, keys by project
 * then number (`HELP-9` before `HELP-10`), dates as instants (`date` fields by day), text and
 * strings case-insensitively. A multi-valued field sorts by its first value. Empty values sort
 * after every value in ascending order and before them in descending order (inference: Jira
 * documents no rule). Records equal on every sort field are ordered by issue key, descending — also
 * Jira's order when a query has no `ORDER BY` (inference from observed results).
 *
 * @module
 */
import { fieldValues, type JqlField } from './fields.js';
import { dayOf, instantOf, issueKeyOf, rankOf, sortNameOf } from './literals.js';

/** One resolved `ORDER BY` field. */
export interface JqlResolvedSort {
  /** The canonical field name (`issuekey`, `created`, …). */
  readonly field: string;
  /** The name as written in the query. */
  readonly name: string;
  /** The direction: as written, or the field's default. */
  readonly direction: 'asc' | 'desc';
}

/** A sort field with the field description the comparator reads it through. */
export interface SortSpec<R> {
  readonly field: JqlField<R>;
  readonly direction: 'asc' | 'desc';
}

/** One sort value: a number, a string, or an issue key as project and number. */
export type SortKey = number | string | readonly [string, number];

/**
 * Where a record stands in a sorted result: its sort value on each sort field (`null` when the field
 * is empty). Plain JSON, so that a search can hand it out as its page cursor.
 */
export type SortPosition = readonly (SortKey | null)[];

function sortKey<R>(field: JqlField<R>, record: R, timeZone: string): SortKey | null {
  const value = fieldValues(field.get(record))[0];
  if (value === undefined) return null;
  switch (field.type) {
    case 'option':
      return rankOf(value) ?? sortNameOf(value);
    case 'number':
      return typeof value === 'number' ? value : Number(value);
    case 'datetime':
      return instantOf(value) ?? null;
    case 'date':
      return dayOf(value, timeZone) ?? null;
    case 'key': {
      const key = issueKeyOf(value);
      return key === undefined ? sortNameOf(value) : [key.project, key.number];
    }
    default:
      return sortNameOf(value);
  }
}

const KIND_ORDER = { number: 0, string: 1, object: 2 } as const;

function compareKeys(a: SortKey, b: SortKey): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'object' && typeof b === 'object') return compareKeys(a[0], b[0]) || a[1] - b[1];
  return KIND_ORDER[typeof a as 'number' | 'string' | 'object'] - KIND_ORDER[typeof b as 'number' | 'string' | 'object'];
}

/** Whether a value read back from a cursor is a {@link SortKey} (or `null`). */
export function isSortKey(value: unknown): value is SortKey | null {
  if (value === null || typeof value === 'string') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  return Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && typeof value[1] === 'number' && Number.isFinite(value[1]);
}

/** The position of a record under the sort fields. */
export function sortPosition<R>(sorts: readonly SortSpec<R>[], record: R, timeZone: string): SortPosition {
  return sorts.map(({ field }) => sortKey(field, record, timeZone));
}

/** Compares two positions under the sort fields' directions; empty values count as greater than any value. */
export function comparePositions<R>(sorts: readonly SortSpec<R>[], a: SortPosition, b: SortPosition): number {
  // An indexed loop: this runs for every comparison of a sort, n log n times.
  for (let index = 0; index < sorts.length; index += 1) {
    const left = a[index] ?? null;
    const right = b[index] ?? null;
    let result: number;
    if (left === null || right === null) result = left === right ? 0 : left === null ? 1 : -1;
    else result = compareKeys(left, right);
    if (result !== 0 && !Number.isNaN(result)) return (sorts[index] as SortSpec<R>).direction === 'asc' ? Math.sign(result) : -Math.sign(result);
  }
  return 0;
}

/** A comparator applying the sort fields in order; empty values count as greater than any value. */
export function comparator<R>(sorts: readonly SortSpec<R>[], timeZone: string): (a: R, b: R) => number {
  return (a, b) => comparePositions(sorts, sortPosition(sorts, a, timeZone), sortPosition(sorts, b, timeZone));
}
