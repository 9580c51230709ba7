/**
 * Runs a compiled filter over a table without scanning every record where it can: a top-level
 * `eq`/`in` on an indexed field (or on `id`) names the candidates, a top-level `id` range narrows
 * the ids, and a page starts at its cursor (ids are ascending; a page after id X starts at the first
 * id above X). Every candidate is still checked against the whole filter.
 *
 * @module
 */
import type { EntityRecord, EntityTable } from '../table.js';
import type { CompiledFilter, Condition } from './filter.js';

/** Ascending ids to look at: `ids[start..end)`. */
interface Candidates {
  readonly ids: readonly number[];
  readonly start: number;
  readonly end: number;
}

/** Where a page starts: after an id (the next page), before one (the previous page), or at the start. */
export type PageCursor = { readonly after: number } | { readonly before: number } | undefined;

/** One page of matches and whether more lie on either side. */
export interface ScanPage<R extends EntityRecord> {
  readonly items: R[];
  /** Whether a match follows the last item. */
  readonly hasNext: boolean;
  /** Whether a match precedes the first item. */
  readonly hasPrevious: boolean;
}

function lowerBound(ids: readonly number[], id: number, start: number, end: number): number {
  let low = start;
  let high = end;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((ids[middle] as number) < id) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The candidates of a filter: the smallest index hit among the top-level conditions, narrowed by an id range. */
function candidatesOf<R extends EntityRecord>(table: EntityTable<R>, conditions: readonly Condition[]): Candidates {
  let best: readonly number[] | undefined;
  let low = -Infinity;
  let high = Infinity;
  for (const condition of conditions) {
    if (condition.kind !== 'field') continue;
    const { field, op, operands } = condition;
    if (field.name === 'id') {
      const bound = operands[0];
      if (typeof bound === 'number') {
        if (op === 'gt') low = Math.max(low, Math.floor(bound) + 1);
        if (op === 'gte') low = Math.max(low, Math.ceil(bound));
        if (op === 'lt') high = Math.min(high, Math.ceil(bound) - 1);
        if (op === 'lte') high = Math.min(high, Math.floor(bound));
      }
      if (op === 'eq' || op === 'in') {
        const ids = [...new Set(operands.filter((value): value is number => typeof value === 'number'))].sort((a, b) => a - b);
        if (best === undefined || ids.length < best.length) best = ids;
      }
      continue;
    }
    if ((op === 'eq' || op === 'in') && table.isIndexed(field.name)) {
      const ids = table.idsWhere(field.name, operands);
      if (best === undefined || ids.length < best.length) best = ids;
    }
  }
  const ids = best ?? table.ids;
  const start = low === -Infinity ? 0 : lowerBound(ids, low, 0, ids.length);
  const end = high === Infinity ? ids.length : lowerBound(ids, high + 1, start, ids.length);
  return { ids, start, end };
}

function matchAt<R extends EntityRecord>(table: EntityTable<R>, filter: CompiledFilter, id: number): R | undefined {
  const record = table.get(id);
  if (record === undefined) return undefined;
  return filter.matches(record, () => table.udfValues(id)) ? record : undefined;
}

/** Whether any candidate in `ids[from..to)` matches. */
function anyMatch<R extends EntityRecord>(table: EntityTable<R>, filter: CompiledFilter, candidates: Candidates, from: number, to: number): boolean {
  for (let position = from; position < to; position += 1) if (matchAt(table, filter, candidates.ids[position] as number) !== undefined) return true;
  return false;
}

/** One page of at most `limit` matches from the cursor, in ascending id order. */
export function scanPage<R extends EntityRecord>(table: EntityTable<R>, filter: CompiledFilter, cursor: PageCursor, limit: number): ScanPage<R> {
  const candidates = candidatesOf(table, filter.conditions);
  const { ids, start, end } = candidates;
  if (cursor !== undefined && 'before' in cursor) {
    const stop = lowerBound(ids, cursor.before, start, end);
    const found: R[] = [];
    let position = stop - 1;
    for (; position >= start && found.length <= limit; position -= 1) {
      const record = matchAt(table, filter, ids[position] as number);
      if (record !== undefined) found.push(record);
    }
    const hasPrevious = found.length > limit;
    const items = found.slice(0, limit).reverse();
    return { items, hasPrevious, hasNext: anyMatch(table, filter, candidates, stop, end) };
  }
  const from = cursor === undefined ? start : lowerBound(ids, cursor.after + 1, start, end);
  const found: R[] = [];
  let position = from;
  for (; position < end && found.length <= limit; position += 1) {
    const record = matchAt(table, filter, ids[position] as number);
    if (record !== undefined) found.push(record);
  }
  const hasNext = found.length > limit;
  const items = found.slice(0, limit);
  const hasPrevious = cursor !== undefined && anyMatch(table, filter, candidates, start, from);
  return { items, hasNext, hasPrevious };
}

/** How many records match. */
export function countMatches<R extends EntityRecord>(table: EntityTable<R>, filter: CompiledFilter): number {
  const candidates = candidatesOf(table, filter.conditions);
  let count = 0;
  for (let position = candidates.start; position < candidates.end; position += 1) if (matchAt(table, filter, candidates.ids[position] as number) !== undefined) count += 1;
  return count;
}
