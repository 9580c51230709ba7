/**
 * Paginators over Jira's offset-paged lists: the platform's `startAt`/`maxResults` (with `total`
 * or `isLast`, or a bare array) and JSM's `start`/`limit`/`isLastPage`.
 *
 * @module
 */
import { Paginator } from '@itsm/core';

/** One offset page as the endpoint returned it. */
export interface OffsetPage<T> {
  /** The items. */
  items: T[];
  /** The offset of the first item (the one asked for, when the body does not say). */
  start: number;
  /** The total number of items, when the endpoint says. */
  total?: number | undefined;
  /** Whether this is the last page, when the endpoint says. */
  isLast?: boolean | undefined;
}

/**
 * When a page is the last one, for endpoints that say neither `total` nor `isLast`:
 * - `short-page`: a page shorter than the page size asked for (the endpoint pages after filtering);
 * - `empty-page`: only an empty page (the endpoint filters after paging and may return short pages).
 */
export type EndRule = 'short-page' | 'empty-page';

/**
 * The offset of the next page, or `undefined` after the last page.
 *
 * @param page - The page just fetched.
 * @param size - The page size asked for.
 * @param rule - How to spot the last page when the body does not say.
 */
export function nextOffset<T>(page: OffsetPage<T>, size: number, rule: EndRule): number | undefined {
  const next = page.start + page.items.length;
  if (page.items.length === 0 || page.isLast === true) return undefined;
  if (page.total !== undefined) return next < page.total ? next : undefined;
  if (page.isLast === false) return next;
  return rule === 'short-page' && page.items.length < size ? undefined : next;
}

/**
 * A paginator over an offset-paged endpoint. Cursors are the offsets, as strings.
 *
 * @param fetchPage - Fetches the page at `start`.
 * @param size - The page size asked for.
 * @param rule - How to spot the last page when the body says neither `total` nor `isLast`.
 */
export function offsetPaginator<T>(
  fetchPage: (start: number, signal: AbortSignal) => Promise<OffsetPage<T>>,
  size: number,
  rule: EndRule = 'short-page',
): Paginator<T> {
  return new Paginator<T>(async (cursor, { signal }) => {
    const start = cursor === undefined ? 0 : Number(cursor);
    const page = await fetchPage(start, signal);
    const next = nextOffset(page, size, rule);
    return { items: page.items, nextCursor: next === undefined ? undefined : String(next) };
  });
}
