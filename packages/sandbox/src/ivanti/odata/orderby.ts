/**
 * `$orderby` as Ivanti reads it: comma-separated clauses `Field [asc|desc]` (direction in any case).
 * A misspelt field or direction is not an error: Ivanti answers **204 No Content**, which looks like
 * "no rows" ({@link parseOrderBy} returns `undefined` for it). An empty `$orderby` is a 500.
 *
 * @module
 */
import { fieldOf, type BusinessObjectDef } from '../schema.js';
import type { FieldValue, Row } from '../table.js';
import { compareValues } from './predicate.js';

/** One sort clause. */
export interface SortClause {
  /** The field. */
  readonly field: string;
  /** Whether it sorts from the highest value. */
  readonly descending: boolean;
}

/** The clauses of an `$orderby`; `undefined` when a field or a direction is unknown (Ivanti's 204). */
export function parseOrderBy(text: string, object: BusinessObjectDef): SortClause[] | undefined {
  const clauses: SortClause[] = [];
  for (const part of text.split(',')) {
    const words = part.trim().split(/\s+/u);
    const [name, direction, extra] = words;
    if (name === undefined || name === '' || extra !== undefined || fieldOf(object, name) === undefined) return undefined;
    const lower = direction?.toLowerCase();
    if (lower !== undefined && lower !== 'asc' && lower !== 'desc') return undefined;
    clauses.push({ field: name, descending: lower === 'desc' });
  }
  return clauses;
}

/** A row's value on one sort clause, ready to compare: `null` when empty, strings lower-cased. */
export type SortKey = Exclude<FieldValue, null> | null;

/** A row's sort keys under `clauses`, read once per row (not once per comparison). */
export function sortKeysOf(clauses: readonly SortClause[], row: Row): SortKey[] {
  return clauses.map(({ field }) => {
    const value = row[field];
    if (value === null || value === undefined || value === '') return null;
    return typeof value === 'string' ? value.toLowerCase() : value;
  });
}

/** Compares two rows' {@link sortKeysOf}: empty values first when ascending (as SQL sorts NULL), strings without case. */
export function compareSortKeys(clauses: readonly SortClause[], a: readonly SortKey[], b: readonly SortKey[]): number {
  for (let index = 0; index < clauses.length; index += 1) {
    const left = a[index] ?? null;
    const right = b[index] ?? null;
    const order = left === null || right === null ? (left === right ? 0 : left === null ? -1 : 1) : compareValues(left, right);
    if (order !== 0) return (clauses[index] as SortClause).descending ? -order : order;
  }
  return 0;
}
