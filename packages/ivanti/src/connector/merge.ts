/**
 * Two sorted, offset-paged lists read as one sorted list: incidents and service requests live in
 * two business objects, and a ticket list or the change feed wants them in one order.
 *
 * @module
 */
import { Paginator } from '@itsm/core';

/** One source: its items from offset `start`, at most `size` of them; fewer means the end. */
export type SortedSource<T> = (start: number, size: number, signal: AbortSignal) => Promise<T[]>;

/**
 * Merges sorted sources into one sorted paginator. A page reads `pageSize` items from each source
 * at its offset, keeps the first `pageSize` of the merge, and moves each offset past what it kept;
 * the cursor holds the offsets, so a page can be fetched again from its cursor.
 *
 * @param sources - The sources, each sorted by `compare`.
 * @param compare - The order of the merge.
 * @param pageSize - Items per page and per request.
 */
export function mergeSorted<T>(sources: readonly SortedSource<T>[], compare: (a: T, b: T) => number, pageSize: number): Paginator<T> {
  if (sources.length === 1) {
    const [only] = sources as [SortedSource<T>];
    return new Paginator<T>(async (cursor, { signal }) => {
      const start = cursor === undefined ? 0 : Number(cursor);
      const items = await only(start, pageSize, signal);
      return { items, nextCursor: items.length < pageSize ? undefined : String(start + items.length) };
    });
  }
  return new Paginator<T>(async (cursor, { signal }) => {
    const offsets = cursor === undefined ? sources.map(() => 0) : cursor.split(',').map(Number);
    const open = offsets.map((offset) => offset >= 0);
    const fetched = await Promise.all(sources.map((source, index) => (open[index] ? source(offsets[index] as number, pageSize, signal) : Promise.resolve([]))));
    const tagged = fetched.flatMap((items, index) => items.map((item) => ({ item, index })));
    tagged.sort((a, b) => compare(a.item, b.item) || a.index - b.index);
    const kept = tagged.slice(0, pageSize);
    const next = offsets.map((offset, index) => {
      if (!open[index]) return -1;
      const used = kept.filter((entry) => entry.index === index).length;
      const ended = (fetched[index] as T[]).length < pageSize && used === (fetched[index] as T[]).length;
      return ended ? -1 : offset + used;
    });
    return { items: kept.map((entry) => entry.item), nextCursor: next.every((offset) => offset < 0) ? undefined : next.join(',') };
  });
}
