/**
 * Offset paging: one page of a list by position, as Jira (`startAt`/`maxResults`), Jira Service
 * Management (`start`/`limit`) and Ivanti OData (`$skip`/`$top`) page. The helper slices and says
 * whether more follows; each simulator puts the numbers into its provider's envelope.
 *
 * @example
 * ```ts
 * // Ivanti: GET /api/odata/businessobject/incidents?$skip=25&$top=25
 * const page = offsetPage(incidents, read.integer(request, '$skip', 0, { min: 0 }), read.integer(request, '$top', 25, { min: 1, max: 100 }));
 * return { status: 200, body: { '@odata.count': page.total, value: page.items } };
 * ```
 *
 * @module
 */

/**
 * One page of a list, from {@link offsetPage}.
 *
 * @category Simulator framework
 */
export interface OffsetPage<T> {
  /** The items of the page, at most `limit`. */
  readonly items: T[];
  /** Where the page starts: the requested offset, or 0 for a negative one. */
  readonly offset: number;
  /** The page size asked for: the requested limit, or 0 for a negative one. */
  readonly limit: number;
  /** How many items the whole list has. */
  readonly total: number;
  /** Whether no item follows this page (`offset + items.length >= total`). */
  readonly isLast: boolean;
  /** The offset of the next page (`offset + items.length`); `undefined` on the last page. */
  readonly nextOffset: number | undefined;
  /** The offset of the previous page (`offset - limit`, at least 0); `undefined` on a page that starts at 0. */
  readonly previousOffset: number | undefined;
}

/**
 * The page of `all` that starts at `offset` and holds at most `limit` items. A negative offset or
 * limit counts as 0; an offset past the end gives an empty last page. Offsets and limits are whole
 * numbers (a request reader checks them first).
 *
 * @category Simulator framework
 */
export function offsetPage<T>(all: readonly T[], offset: number, limit: number): OffsetPage<T> {
  const start = Math.max(0, offset);
  const size = Math.max(0, limit);
  const items = all.slice(start, start + size);
  const isLast = start + items.length >= all.length;
  return {
    items,
    offset: start,
    limit: size,
    total: all.length,
    isLast,
    nextOffset: isLast ? undefined : start + items.length,
    previousOffset: start > 0 ? Math.max(0, start - size) : undefined,
  };
}
