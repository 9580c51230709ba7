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

/** A comparator for rows: empty values first when ascending (as SQL sorts NULL), strings without case. */
export function rowComparator(clauses: readonly SortClause[]): (a: Row, b: Row) => number {
  return (a, b) => {
    for (const { field, descending } of clauses) {
      const order = compareNullable(a[field], b[field]);
      if (order !== 0) return descending ? -order : order;
    }
    return 0;
  };
}

function compareNullable(a: FieldValue | undefined, b: FieldValue | undefined): number {
  const emptyA = a === null || a === undefined || a === '';
  const emptyB = b === null || b === undefined || b === '';
  if (emptyA || emptyB) return emptyA === emptyB ? 0 : emptyA ? -1 : 1;
  return compareValues(typeof a === 'string' ? a.toLowerCase() : (a as number | boolean), typeof b === 'string' ? b.toLowerCase() : (b as number | boolean));
}
