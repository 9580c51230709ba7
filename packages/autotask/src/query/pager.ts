/**
 * Paging Autotask queries to their real end. A query page holds at most 500 records; the rest is
 * reached either by following `pageDetails.nextPageUrl` — **POSTed with the same body** when the
 * query was POSTed (a GET of it is a 405 that careless clients swallow, silently stopping at 500) —
 * or by asking again for the records whose `id` is above the highest one received, which Autotask
 * documents as the way to page. The next-page URL is followed only on the zone's own origin: the
 * credentials never go anywhere else.
 *
 * @module
 */
import { ApiError, NotFoundError, Paginator, ResponseShapeError, type PageFetcher } from '@itsm/core';
import { AUTOTASK } from '../provider.js';
import type { PageDetails } from '../schemas/common.js';
import type { Filter } from './filter.js';
import type { QueryPlan } from './plan.js';

/**
 * How a query reaches its next pages:
 * - `auto` (default): follow `nextPageUrl` while it is on the zone's origin and answers; otherwise
 *   (another origin, a 404 or 405 for it) go on by id from the highest id received;
 * - `next-page-url`: follow `nextPageUrl` only; one on another origin is a `ResponseShapeError`;
 * - `id`: ask for `id > highest id received` each time (needs no cursor kept by Autotask).
 *
 * @category Queries
 */
export type PagingMode = 'auto' | 'next-page-url' | 'id';

/**
 * How a page was reached.
 *
 * @category Queries
 */
export type PagedBy = 'first-page' | 'next-page-url' | 'id';

/**
 * The envelope of each page of a query (`page.envelope` in `pages()`).
 *
 * @category Queries
 */
export interface QueryPageEnvelope {
  /** What Autotask said about the page. */
  readonly pageDetails: PageDetails | undefined;
  /** How the page was reached. */
  readonly pagedBy: PagedBy;
  /** Which of the plan's queries the page belongs to (0 unless a long `in` list was split). */
  readonly part: number;
  /** How many queries the plan has. */
  readonly parts: number;
}

/**
 * The body of a query: Autotask's `QueryModel`.
 *
 * @category Queries
 */
export interface QueryBody {
  /** The conditions, all of which must hold. */
  filter: readonly Filter[];
  /** The fields to return (`id` always among them). */
  includeFields?: readonly string[];
  /** The page size, 1 to 500. */
  maxRecords?: number;
}

/** One page as the endpoint answered it. */
export interface QueryAnswer<T> {
  /** The records. */
  items: T[];
  /** `pageDetails`, when present. */
  pageDetails?: PageDetails | null | undefined;
}

/** How the pager sends a request: a query POST (to a path, or to a next-page URL) with a body. */
export type QuerySender<T> = (target: string, body: QueryBody, signal: AbortSignal) => Promise<QueryAnswer<T>>;

/** What {@link queryPaginator} needs. */
export interface QueryPagerOptions<T extends { id: number }> {
  /** The query path relative to the base URL, e.g. `/Tickets/query`. */
  path: string;
  /** The queries to run, one after the other. */
  plan: QueryPlan;
  /** Fields to return, `id` included. */
  includeFields: readonly string[] | undefined;
  /** The page size asked for, when given. */
  maxRecords: number | undefined;
  /** How pages are reached. */
  paging: PagingMode;
  /** The zone's origin, where next-page URLs must point (resolved when the first page is fetched). */
  origin: () => Promise<string>;
  /** Sends one query request. */
  send: QuerySender<T>;
}

/**
 * The largest page, and Autotask's default.
 *
 * @category Queries
 */
export const MAX_RECORDS = 500;

/** What the cursor of a query page holds. */
interface Position {
  /** The plan's query. */
  p: number;
  /** The next-page URL to follow. */
  u?: string;
  /** The highest id received so far in this query, to go on by id. */
  a?: number;
}

function encode(position: Position): string {
  return JSON.stringify(position);
}

function decode(cursor: string | undefined): Position {
  if (cursor === undefined) return { p: 0 };
  return JSON.parse(cursor) as Position;
}

function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

/** Whether a failed next-page request means the URL cannot be used (rather than that the query failed). */
function isUnusableNextPage(error: unknown): boolean {
  return error instanceof NotFoundError || (error instanceof ApiError && error.status === 405);
}

/**
 * A paginator over an Autotask query: every record that matches, each once, across as many pages
 * (and, for a split `in` list, queries) as it takes. Each page's envelope says how it was reached.
 *
 * @param options - The query, its plan, the paging mode and how to send.
 */
export function queryPaginator<T extends { id: number }>(options: QueryPagerOptions<T>): Paginator<T, QueryPageEnvelope> {
  return new Paginator<T, QueryPageEnvelope>(queryFetcher(options));
}

/**
 * The page fetcher behind {@link queryPaginator}, for lists made of several sources.
 *
 * @param options - The query, its plan, the paging mode and how to send.
 * @internal
 */
export function queryFetcher<T extends { id: number }>(options: QueryPagerOptions<T>): PageFetcher<T, QueryPageEnvelope> {
  const { plan, includeFields, maxRecords, paging } = options;
  const parts = plan.filters.length;

  const body = (part: number, afterId?: number): QueryBody => {
    const filter = plan.filters[part] as readonly Filter[];
    const query: QueryBody = { filter: afterId === undefined ? filter : [...filter, { op: 'gt', field: 'id', value: afterId }] };
    if (includeFields !== undefined) query.includeFields = includeFields;
    if (maxRecords !== undefined) query.maxRecords = maxRecords;
    return query;
  };

  const fetchPage: PageFetcher<T, QueryPageEnvelope> = async (cursor, { signal }) => {
    const position = decode(cursor);
    const { p: part } = position;
    let pagedBy: PagedBy = 'first-page';
    let answer: QueryAnswer<T> | undefined;
    if (position.u !== undefined) {
      const zone = await options.origin();
      const target = originOf(position.u);
      if (target === zone) {
        try {
          answer = await options.send(position.u, body(part), signal);
          pagedBy = 'next-page-url';
        } catch (error) {
          if (paging !== 'auto' || !isUnusableNextPage(error)) throw error;
        }
      } else if (paging === 'next-page-url') {
        throw new ResponseShapeError(
          `Autotask's nextPageUrl points at ${target ?? 'something that is not a URL'}, not at the zone's origin ${zone}: ` +
            "the client does not send the API user's credentials there (with paging 'auto' or 'id' it goes on by id instead)",
          { provider: AUTOTASK, issues: [{ path: ['pageDetails', 'nextPageUrl'], message: 'not on the zone origin' }], raw: { origin: target ?? null } },
        );
      }
    }
    if (answer === undefined) {
      answer = await options.send(options.path, body(part, position.a), signal);
      pagedBy = position.a === undefined ? 'first-page' : 'id';
    }
    const items = answer.items;
    let highest = position.a;
    for (const item of items) if (highest === undefined || item.id > highest) highest = item.id;
    const details = answer.pageDetails ?? undefined;
    const pageSize = maxRecords ?? details?.requestCount ?? MAX_RECORDS;
    const nextUrl = details?.nextPageUrl ?? undefined;
    const more = items.length > 0 && (nextUrl !== undefined || (paging === 'id' && items.length >= pageSize));
    let next: Position | undefined;
    if (more && paging !== 'id' && nextUrl !== undefined && pagedBy !== 'id') next = { p: part, u: nextUrl, ...(highest === undefined ? {} : { a: highest }) };
    else if (more && highest !== undefined) next = { p: part, a: highest };
    else if (part + 1 < parts) next = { p: part + 1 };
    const envelope: QueryPageEnvelope = { pageDetails: details, pagedBy, part, parts };
    return { items, nextCursor: next === undefined ? undefined : encode(next), envelope };
  };
  return fetchPage;
}

/**
 * One list from several page fetchers, one after the other, each item mapped by its source's
 * function (e.g. the contacts, then the resources, of a user search).
 *
 * @param sources - The fetchers and how to map their items.
 * @internal
 */
export function concatenate<U>(sources: readonly { fetch: PageFetcher<unknown, unknown>; map: (item: never) => U }[]): Paginator<U> {
  return new Paginator<U>(async (cursor, context) => {
    const { s: index, c: inner } = cursor === undefined ? { s: 0, c: undefined } : (JSON.parse(cursor) as { s: number; c?: string });
    const source = sources[index];
    if (source === undefined) return { items: [] };
    const page = await source.fetch(inner, context);
    const items = page.items.map((item) => source.map(item as never));
    const next = page.nextCursor !== undefined ? { s: index, c: page.nextCursor } : index + 1 < sources.length ? { s: index + 1 } : undefined;
    return { items, nextCursor: next === undefined ? undefined : JSON.stringify(next) };
  });
}
