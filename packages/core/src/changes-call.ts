/**
 * The options and the result of one call of a change feed's `changes()`: what the feed
 * (`changes.ts`) answers and what the polling loop (`watch.ts`) consumes, in a file of their own so
 * that neither of the two has to import the other's module for them.
 *
 * @module
 */
/**
 * Options of {@link ChangeFeed.changes}.
 *
 * @category Change feed
 */
export interface ChangesOptions {
  /**
   * Resume after the call that returned this cursor. Takes precedence over `since`, so
   * `{ cursor: stored, since: start }` means "resume, or begin at `start` the first time".
   */
  cursor?: string | undefined;
  /**
   * Without a cursor: return every version updated at or after this instant (a `Date`, or an ISO 8601
   * date or date-time with an offset). With neither `cursor` nor `since`, the call returns no tickets
   * and a cursor from which every change that becomes visible afterwards will be returned.
   */
  since?: Date | string | undefined;
  /** The most versions to return: a positive integer or `Infinity` (default). */
  limit?: number | undefined;
  /** Aborts the call. */
  signal?: AbortSignal | undefined;
}

/**
 * Result of {@link ChangeFeed.changes}.
 *
 * @category Change feed
 */
export interface ChangesResult<T> {
  /** New versions, sorted by `updatedAt` then id. */
  tickets: T[];
  /** Pass it to the next call. Opaque, URL-safe, versioned. */
  cursor: string;
  /** `true` when `limit` cut the answer short: call again at once for the rest. */
  hasMore: boolean;
}
