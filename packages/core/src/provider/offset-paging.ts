/**
 * Paginators over offset-paged lists: `startAt`/`maxResults`, `start`/`limit`, OData's
 * `$skip`/`$top`. The offset of the next page is the offset of this one plus the items it held,
 * until the provider says it was the last page, or the page itself shows it.
 *
 * @module
 */
import { InputError, Paginator } from '@itsm/core';

/**
 * One offset page as the endpoint returned it.
 *
 * @category Pagination
 */
export interface OffsetPage<T, E = unknown> {
  /** The items. */
  items: T[];
  /** The offset of the first item (the one asked for, when the body does not say). */
  start: number;
  /** The total number of items, when the endpoint says (and it can be trusted to end the list). */
  total?: number | undefined;
  /** Whether this is the last page, when the endpoint says. */
  isLast?: boolean | undefined;
  /** The page's envelope (e.g. the body), handed out as `Page.envelope` by `pages()`. */
  envelope?: E | undefined;
}

/**
 * How to spot the last page of an endpoint that says neither `total` nor `isLast`:
 * - `short-page`: a page shorter than the page size asked for (the endpoint pages after
 *   filtering, as OData's `$top`/`$skip` and Jira's user search do);
 * - `empty-page`: only an empty page (the endpoint filters after paging and may return short
 *   pages before the end).
 *
 * @category Pagination
 */
export type EndRule = 'short-page' | 'empty-page';

/**
 * The offset of the next page, or `undefined` after the last page. An empty page, `isLast: true`,
 * or an offset reaching `total` end the list; otherwise `rule` decides.
 *
 * @param page - The page just fetched.
 * @param pageSize - The page size asked for.
 * @param rule - How to spot the last page when the body says neither `total` nor `isLast`.
 * @example
 * ```ts
 * nextOffset({ items: [1, 2], start: 0 }, 2, 'short-page'); // 2
 * nextOffset({ items: [3], start: 2 }, 2, 'short-page');    // undefined
 * ```
 *
 * @category Pagination
 */
export function nextOffset(page: OffsetPage<unknown, unknown>, pageSize: number, rule: EndRule): number | undefined {
  const next = page.start + page.items.length;
  if (page.items.length === 0 || page.isLast === true) return undefined;
  if (page.total !== undefined) return next < page.total ? next : undefined;
  if (page.isLast === false) return next;
  return rule === 'short-page' && page.items.length < pageSize ? undefined : next;
}

/**
 * Options of {@link offsetPaginator}.
 *
 * @category Pagination
 */
export interface OffsetPaginatorOptions {
  /** The page size asked of the endpoint (a positive integer). */
  pageSize: number;
  /** How to spot the last page when the body says neither `total` nor `isLast`. Default `short-page`. */
  end?: EndRule | undefined;
}

/**
 * A paginator over an offset-paged endpoint. Cursors are the offsets, as strings; each page's
 * envelope is the one `fetchPage` returned.
 *
 * @param fetchPage - Fetches the page at offset `start`; pass `signal` on to the request.
 * @param options - The page size and the end rule.
 * @throws `InputError` naming `pageSize` when it is not a positive integer.
 * @example
 * ```ts
 * declare function fetchIncidents(skip: number, top: number, signal: AbortSignal): Promise<{ value: string[] }>;
 * const incidents = offsetPaginator(async (start, signal) => {
 *   const body = await fetchIncidents(start, 100, signal);
 *   return { items: body.value, start, envelope: body };
 * }, { pageSize: 100 });
 * ```
 *
 * @category Pagination
 */
export function offsetPaginator<T, E = unknown>(
  fetchPage: (start: number, signal: AbortSignal) => Promise<OffsetPage<T, E>>,
  options: OffsetPaginatorOptions,
): Paginator<T, E> {
  const { pageSize, end = 'short-page' } = options;
  if (!Number.isSafeInteger(pageSize) || pageSize < 1) throw new InputError('pageSize must be a positive integer', { field: 'pageSize' });
  return new Paginator<T, E>(async (cursor, { signal }) => {
    const start = cursor === undefined ? 0 : Number(cursor);
    const page = await fetchPage(start, signal);
    const next = nextOffset(page, pageSize, end);
    return { items: page.items, nextCursor: next === undefined ? undefined : String(next), envelope: page.envelope };
  });
}
