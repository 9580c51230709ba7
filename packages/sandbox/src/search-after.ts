/**
 * Search-after paging: a page token holds the sort position of the last item returned, not an
 * offset, so the next page starts right after that item wherever it now stands. Items that leave or
 * join the result between two pages shift nothing: none is skipped, and one that moves into the part
 * not yet read comes (once more) when the client gets there. Jira's `/search/jql` `nextPageToken`
 * works this way; so does Autotask's documented "id greater than the last one" loop, and a simulator
 * can put the same kind of token into Autotask's `nextPageUrl`.
 *
 * A token is bound to a scope (typically the query text): a token of another query is refused.
 * Tokens are opaque to clients (base64url of JSON), deterministic, and carry only a short hash of the scope.
 *
 * @example
 * ```ts
 * // Autotask-style: results sorted by id, the token remembers the last id.
 * const page = searchAfterPage(sortedById, {
 *   token: request.query.get('paging') ?? undefined,
 *   scope: searchText,
 *   limit: maxRecords,
 *   positionOf: (ticket) => ticket.id,
 *   isPosition: (position): position is number => typeof position === 'number',
 *   isAfter: (ticket, lastId) => ticket.id > lastId,
 *   invalidToken: () => ({ status: 500, body: { errors: ['Invalid paging token.'] } }),
 * });
 * // page.items, page.isLast, page.nextToken (undefined on the last page)
 * ```
 *
 * @module
 */
import { createHash } from 'node:crypto';
import { SimResponseError, type SimResponse } from './simulator.js';

/**
 * A JSON value: what a sort position in a page token may be.
 *
 * @category Simulator framework
 */
export type JsonValue = null | boolean | number | string | readonly JsonValue[] | { readonly [key: string]: JsonValue };

function scopeHash(scope: string): string {
  return createHash('sha256').update(scope).digest('base64url').slice(0, 12);
}

/**
 * A page token for `position` under `scope`: base64url of `{"q": <scope hash>, "p": position}`.
 *
 * @category Simulator framework
 */
export function encodePageToken(position: JsonValue, scope: string): string {
  return Buffer.from(JSON.stringify({ q: scopeHash(scope), p: position })).toString('base64url');
}

/**
 * The position in a token from {@link encodePageToken}; `undefined` when the token is malformed or was issued under another scope.
 *
 * @category Simulator framework
 */
export function decodePageToken(token: string, scope: string): JsonValue | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (typeof value === 'object' && value !== null && 'q' in value && 'p' in value && value.q === scopeHash(scope)) return value.p as JsonValue;
  } catch {
    // not base64url JSON: malformed
  }
  return undefined;
}

/**
 * Options of {@link searchAfterPage}.
 *
 * @category Simulator framework
 */
export interface SearchAfterOptions<T, Position extends JsonValue> {
  /** The token of the previous page; `undefined` for the first page. */
  readonly token: string | undefined;
  /** What the token is bound to, typically the query text. */
  readonly scope: string;
  /** The most items in the page; at least 1 is used. */
  readonly limit: number;
  /** An item's sort position: plain JSON, what the next token keeps. */
  readonly positionOf: (item: T) => Position;
  /** Whether a decoded position has the shape `positionOf` gives; one that has not makes the token invalid. */
  readonly isPosition: (position: JsonValue) => position is Position;
  /**
   * Whether an item sorts strictly after `position`; `undefined` when the position cannot be compared
   * with the item (e.g. a position of other sort fields), which makes the token invalid.
   */
  readonly isAfter: (item: T, position: Position) => boolean | undefined;
  /** The provider's answer to an invalid token: malformed, of another scope, or of another shape. */
  readonly invalidToken: () => SimResponse;
}

/**
 * One page from {@link searchAfterPage}.
 *
 * @category Simulator framework
 */
export interface SearchAfterPage<T> {
  /** The items of the page, in the list's order. */
  readonly items: T[];
  /** Whether no item follows this page. */
  readonly isLast: boolean;
  /** The token of the next page; `undefined` on the last page. */
  readonly nextToken: string | undefined;
}

/**
 * The page of the sorted list `sorted` that follows the token's position (from the start without a
 * token). Throws the `invalidToken` answer as a {@link SimResponseError} for an invalid token.
 *
 * @category Simulator framework
 */
export function searchAfterPage<T, Position extends JsonValue>(sorted: readonly T[], options: SearchAfterOptions<T, Position>): SearchAfterPage<T> {
  const invalid = (): never => {
    throw new SimResponseError(options.invalidToken(), 'invalid page token');
  };
  let rest = sorted;
  if (options.token !== undefined) {
    const position = decodePageToken(options.token, options.scope);
    if (position === undefined || !options.isPosition(position)) return invalid();
    const after = sorted.map((item) => options.isAfter(item, position));
    if (after.includes(undefined)) return invalid();
    rest = sorted.filter((_, index) => after[index] === true);
  }
  const items = rest.slice(0, Math.max(1, options.limit));
  const isLast = items.length >= rest.length;
  const last = items.at(-1);
  return { items, isLast, nextToken: isLast || last === undefined ? undefined : encodePageToken(options.positionOf(last), options.scope) };
}
