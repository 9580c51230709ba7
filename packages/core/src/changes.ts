/**
 * The change feed behind `connector.tickets.changes()` and `connector.tickets.watch()`. A connector
 * supplies one query, "records updated since T" ({@link ChangeFeedSource}); {@link createChangeFeed}
 * turns it into a stateless, resumable feed that never loses an update and never returns the same
 * version of a record twice.
 *
 * ## How
 * A *version* is a record id plus its `updatedAt` instant. The cursor holds:
 * - `low`, a lower bound: every version with `updatedAt < low` has been delivered already or lies
 *   before the requested start. Each call queries "updated since `low`";
 * - the versions delivered with `updatedAt >= low`, so the overlap can be de-duplicated.
 *
 * After a call, `low` rises to `min(newest delivered updatedAt, client clock) - overlapMs` (it never
 * falls). The watermark is therefore made of server timestamps; the client clock can only hold it
 * back (so one record stamped far in the future cannot make the feed skip everything before it),
 * never push it forward. Versions below `low` are discarded, which absorbs providers that return
 * extra older records (Jira's minute-precision JQL dates).
 *
 * ## Guarantees, and their limits
 * - **No duplicates:** a version (id + updatedAt instant, whatever its string form) is returned at
 *   most once along a chain of cursors. A new version of a record is a new change and is returned.
 * - **No loss:** every version that is (or becomes) visible to the source's query is returned,
 *   provided `overlapMs` covers the provider's index lag plus timestamp lateness (a timestamp set
 *   later than the change became visible, as Ivanti's `LastModDateTime` can be) — and, for a feed
 *   started with neither cursor nor `since`, plus the client's clock skew. A feed started with
 *   `since` reads from `since - latenessMs` (see {@link ChangeFeedOptions.latenessMs}), so that a
 *   change made after `since` but stamped before it is returned once it becomes visible after the
 *   first call; a version stamped before `since` that the first call already sees is taken as
 *   history, not returned. A version that a newer one
 *   replaced before any call could see it cannot be returned: providers keep only the current state.
 *   Two changes of one record with the same `updatedAt` are indistinguishable and count as one.
 * - **Order:** each call returns versions sorted by `updatedAt`, then id. Across calls, a version
 *   that became visible late may be older than one returned earlier.
 * - **Limit:** with `limit`, a call returns the first versions in that order and its cursor resumes
 *   exactly after them, even in the middle of many versions sharing one timestamp.
 * - **Cursor size** grows with the number of versions delivered within `overlapMs` of the newest
 *   one (about 10-40 bytes each), not with the feed's history.
 *
 * @module
 */
import * as z from 'zod/mini';
import { InputError, ResponseShapeError } from './errors.js';
import type { ChangesOptions, ChangesResult } from './changes-call.js';
import type { ProviderId } from './model.js';
import { watchChanges, type WatchOptions } from './watch.js';

export type { ChangesOptions, ChangesResult } from './changes-call.js';
export * from './watch.js';

/**
 * The default overlap window: 5 minutes (Jira's index lag is seconds; Ivanti stamps up to 3 minutes late).
 *
 * @category Change feed
 */
export const DEFAULT_OVERLAP_MS = 5 * 60_000;

/**
 * What the change feed needs of a record: a stable id and the instant of its last update.
 *
 * @category Change feed
 */
export interface ChangeRecord {
  /** The provider's stable id. */
  id: string;
  /** When the record was last updated: an ISO 8601 date-time (any offset). */
  updatedAt: string;
}

/**
 * The one query a connector supplies to get a change feed.
 *
 * @example
 * ```ts
 * const source: ChangeFeedSource<Ticket> = {
 *   ascending: true, // ORDER BY updated ASC
 *   fetchUpdatedSince: (since, { signal }) =>
 *     searchIssues(jql`project = ${key} AND updated >= ${minuteOf(since)} ORDER BY updated ASC`, { signal }).map(toTicket),
 * };
 * ```
 *
 * @category Change feed
 */
export interface ChangeFeedSource<T extends ChangeRecord> {
  /**
   * Every record whose `updatedAt >= since`, in any order. Extra older records are fine (e.g. a query
   * that truncates `since` to the minute); a search index that lags may miss very recent updates
   * until a later call (the feed's overlap window covers that). A {@link Paginator} fits.
   */
  fetchUpdatedSince(since: Date, context: { signal?: AbortSignal | undefined }): AsyncIterable<T>;
  /**
   * Set to `true` only when records always come in ascending `updatedAt` order: a call with a `limit`
   * then stops reading once it knows its answer, instead of reading everything since the watermark.
   */
  readonly ascending?: boolean | undefined;
}

/**
 * Options of {@link createChangeFeed}.
 *
 * @category Change feed
 */
export interface ChangeFeedOptions {
  /**
   * How far behind the newest delivered update each query starts, in whole milliseconds. It must cover the
   * provider's index lag plus timestamp lateness (and client clock skew, for feeds started "now").
   * Default {@link DEFAULT_OVERLAP_MS}.
   */
  overlapMs?: number | undefined;
  /** The client clock. Default `() => new Date()`. */
  now?: (() => Date) | undefined;
  /**
   * Identifies the feed: what a cursor may resume. A cursor issued under another scope is refused
   * with an {@link InputError} saying to start again with `since`. Only a short hash of it goes into
   * cursors. Make it name what the records are, not how they are reached: the provider, the site's
   * own identity (e.g. Jira's cloud id, not the URL, which changes with a proxy, a port or a renamed
   * site) and the project — so that the same feed reached another way keeps its cursors, and a cursor
   * from another site or project is refused rather than misread.
   *
   * A function is called once, when a call first needs the scope (e.g. to ask the service for its
   * identity), and its answer kept; when it fails, the call fails and the next call asks again.
   */
  scope?: string | ((context: { signal?: AbortSignal | undefined }) => string | Promise<string>) | undefined;
  /** The provider whose records the feed reads: named by every `InputError` about its options and cursors. */
  provider?: ProviderId | undefined;
  /**
   * How much earlier than the moment a change becomes visible its `updatedAt` may lie, in whole
   * milliseconds (Ivanti stamps `LastModDateTime` up to about three minutes early this way). A feed
   * started with `since` then reads from `since - latenessMs`: the versions stamped before `since`
   * that its first call sees are history (recorded in the cursor, not returned), and those that
   * become visible later are returned — they were changed after the first call, however early
   * their stamp. Without it, such a change is lost. At most `overlapMs`, which covers it for the
   * calls that follow. Default 0.
   */
  latenessMs?: number | undefined;
}

/**
 * A change feed: see {@link createChangeFeed}.
 *
 * @category Change feed
 */
export interface ChangeFeed<T> {
  /**
   * Returns the versions that are new since the cursor (or since `since`), and the next cursor.
   * Stateless: store the cursor anywhere and resume from it, in this process or another.
   *
   * @throws {@link InputError} naming `cursor`, `since`, `limit`, `signal` or an unknown option when one is invalid, before any request.
   */
  changes(options?: ChangesOptions): Promise<ChangesResult<T>>;
  /**
   * Polls {@link ChangeFeed.changes} and yields every new version once; see {@link WatchOptions}.
   *
   * @throws {@link InputError} at once when an option is invalid.
   */
  watch(options?: WatchOptions): AsyncIterable<T>;
}

/** One version of a record, with its parsed `updatedAt`. */
interface Version<T> {
  record: T;
  id: string;
  at: number;
}

/** The decoded cursor: see the module comment. `seen` maps an instant to the ids delivered at it. */
interface FeedState {
  low: number;
  seen: Map<number, Set<string>>;
}

/**
 * Builds a change feed over a source of "records updated since T".
 *
 * @param source - The connector's query; see {@link ChangeFeedSource}.
 * @param options - See {@link ChangeFeedOptions}.
 * @throws {@link InputError} naming `source`, `overlapMs`, `now` or `scope` when one is invalid.
 * @example
 * ```ts
 * const feed = createChangeFeed(source, { provider: 'jira-cloud', scope: `jira-cloud:${cloudId}:ITS` });
 * let { tickets, cursor } = await feed.changes({ since: '2026-01-01T00:00:00Z', limit: 100 });
 * // ...later, maybe in another process:
 * ({ tickets, cursor } = await feed.changes({ cursor }));
 *
 * for await (const ticket of feed.watch({ cursor, onCursor: save, signal })) handle(ticket);
 * ```
 *
 * @category Change feed
 */
export function createChangeFeed<T extends ChangeRecord>(
  source: ChangeFeedSource<T>,
  options: ChangeFeedOptions = {},
): ChangeFeed<T> {
  if (typeof source?.fetchUpdatedSince !== 'function') {
    throw new InputError('source must have a fetchUpdatedSince method', { field: 'source' });
  }
  const { overlapMs = DEFAULT_OVERLAP_MS, now = () => new Date(), scope, provider, latenessMs = 0 } = options;
  if (!Number.isSafeInteger(overlapMs) || overlapMs < 0) {
    throw new InputError('overlapMs must be a non-negative integer number of milliseconds', { field: 'overlapMs', provider });
  }
  if (!Number.isSafeInteger(latenessMs) || latenessMs < 0) {
    throw new InputError('latenessMs must be a non-negative integer number of milliseconds', { field: 'latenessMs', provider });
  }
  if (latenessMs > overlapMs) {
    throw new InputError(`latenessMs must be at most overlapMs (${overlapMs}): the overlap window must cover the lateness`, { field: 'latenessMs', provider });
  }
  if (typeof now !== 'function') throw new InputError('now must be a function', { field: 'now', provider });
  if (scope !== undefined && typeof scope !== 'string' && typeof scope !== 'function') {
    throw new InputError('scope must be a string or a function that returns one', { field: 'scope', provider });
  }
  const ascending = source.ascending === true;
  const tags = new ScopeTags(scope, provider);

  /**
   * Reads the source from `state.low`; returns the versions not delivered yet, sorted, and (with a
   * `floor`) apart from them the versions stamped before it: history, to record but not return.
   */
  async function collect(state: FeedState, limit: number, signal: AbortSignal | undefined, floor = -Infinity) {
    const found = new Map<string, Version<T>>();
    const history: Version<T>[] = [];
    let boundary: number | undefined; // ascending sources: updatedAt of the limit-th new version
    let hasMore = false;
    for await (const record of source.fetchUpdatedSince(new Date(state.low), { signal })) {
      const version = versionOf(record);
      if (version.at < state.low || state.seen.get(version.at)?.has(version.id)) continue;
      if (version.at < floor) {
        history.push(version);
        continue;
      }
      if (boundary !== undefined && version.at > boundary) {
        hasMore = true; // every later record is newer still: the answer is complete
        break;
      }
      const key = `${version.at} ${version.id}`;
      if (found.has(key)) continue;
      found.set(key, version);
      if (ascending && found.size === limit) boundary = version.at;
    }
    const fresh = [...found.values()].sort(byVersion);
    return { fresh, history, hasMore: hasMore || fresh.length > limit };
  }

  /** Records what was delivered, raises `low` and forgets versions below it. */
  function settle(state: FeedState, delivered: readonly Version<T>[], tag: string | undefined): string {
    for (const { at, id } of delivered) {
      const ids = state.seen.get(at);
      if (ids) ids.add(id);
      else state.seen.set(at, new Set([id]));
    }
    let newest = -Infinity;
    for (const at of state.seen.keys()) newest = Math.max(newest, at);
    if (newest > -Infinity) state.low = Math.max(state.low, Math.min(newest, clock(now, provider)) - overlapMs);
    for (const at of state.seen.keys()) if (at < state.low) state.seen.delete(at);
    return encodeCursor(state, tag);
  }

  async function changes(changesOptions: ChangesOptions = {}): Promise<ChangesResult<T>> {
    const { cursor, since, limit, signal } = checkChangesOptions(changesOptions, provider);
    // A malformed cursor is refused before the scope is worked out (which may take a request).
    const resumed = cursor === undefined ? undefined : decodeCursor(cursor, provider);
    signal?.throwIfAborted();
    const tag = await tags.get(signal);
    let state: FeedState;
    if (resumed !== undefined) {
      if (resumed.tag !== tag) {
        throw cursorError(`belongs to another change feed: it was issued for another ${provider === undefined ? '' : `${provider} `}site or project (or by a connector set up differently)`, provider);
      }
      state = resumed.state;
    } else if (since !== undefined) {
      // Read from `since - latenessMs`: what is visible now and stamped before `since` is history.
      state = { low: since - latenessMs, seen: new Map() };
      const { fresh, history, hasMore } = await collect(state, limit, signal, since);
      const delivered = fresh.slice(0, limit);
      return { tickets: delivered.map((version) => version.record), cursor: settle(state, [...history, ...delivered], tag), hasMore };
    } else {
      // Start "now": what is visible at this moment is history, everything after is a change.
      state = { low: clock(now, provider) - overlapMs, seen: new Map() };
      const { fresh } = await collect(state, Infinity, signal);
      return { tickets: [], cursor: settle(state, fresh, tag), hasMore: false };
    }
    const { fresh, hasMore } = await collect(state, limit, signal);
    const delivered = fresh.slice(0, limit);
    return { tickets: delivered.map((version) => version.record), cursor: settle(state, delivered, tag), hasMore };
  }

  return {
    changes,
    watch(watchOptions: WatchOptions = {}) {
      const watching = watchChanges(changes, watchOptions, { provider });
      checkChangesOptions({ cursor: watchOptions.cursor, since: watchOptions.since }, provider);
      return watching;
    },
  };
}

/** The hash of the feed's scope that goes into its cursors, worked out once (see `ChangeFeedOptions.scope`). */
class ScopeTags {
  readonly #scope: ChangeFeedOptions['scope'];
  readonly #provider: ProviderId | undefined;
  #tag: Promise<string | undefined> | undefined;

  constructor(scope: ChangeFeedOptions['scope'], provider: ProviderId | undefined) {
    this.#scope = scope;
    this.#provider = provider;
    if (typeof scope !== 'function') this.#tag = Promise.resolve(scope === undefined ? undefined : hashScope(scope));
  }

  /** The tag; a scope function that fails is asked again by the next call. */
  get(signal: AbortSignal | undefined): Promise<string | undefined> {
    if (this.#tag === undefined) {
      const resolve = this.#scope as (context: { signal?: AbortSignal | undefined }) => string | Promise<string>;
      const pending = Promise.resolve()
        .then(() => resolve({ signal }))
        .then((scope) => {
          if (typeof scope !== 'string' || scope === '') {
            throw new InputError('scope() must return a non-empty string', { field: 'scope', provider: this.#provider });
          }
          return hashScope(scope);
        });
      this.#tag = pending;
      pending.catch(() => {
        if (this.#tag === pending) this.#tag = undefined;
      });
    }
    return this.#tag;
  }
}

function byVersion(a: Version<unknown>, b: Version<unknown>): number {
  return a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function clock(now: () => Date, provider: ProviderId | undefined): number {
  const at = now().getTime();
  if (!Number.isFinite(at)) throw new InputError('now() returned an invalid Date', { field: 'now', provider });
  return at;
}

function versionOf<T extends ChangeRecord>(record: T): Version<T> {
  const { id, updatedAt } = (record ?? {}) as Partial<ChangeRecord>;
  if (typeof id !== 'string' || id === '') {
    throw new ResponseShapeError('a change-feed record has no id', { issues: [{ path: ['id'], message: 'expected a non-empty string' }], raw: record });
  }
  const at = typeof updatedAt === 'string' ? Date.parse(updatedAt) : Number.NaN;
  if (!Number.isFinite(at)) {
    throw new ResponseShapeError(`change-feed record ${id} has no valid updatedAt`, {
      issues: [{ path: ['updatedAt'], message: 'expected an ISO 8601 date-time' }],
      raw: record,
    });
  }
  return { record, id, at };
}

const IsoInstantSchema = z.union([z.iso.datetime({ offset: true }), z.iso.date()]);

/** The keys of {@link ChangesOptions}; any other is refused. */
const CHANGES_OPTION_KEYS: readonly string[] = Object.keys({ cursor: true, since: true, limit: true, signal: true } satisfies Record<keyof ChangesOptions, true>);

/** Validates {@link ChangesOptions}; `since` comes back as epoch milliseconds. */
function checkChangesOptions(options: ChangesOptions, provider: ProviderId | undefined): {
  cursor: string | undefined;
  since: number | undefined;
  limit: number;
  signal: AbortSignal | undefined;
} {
  const fail = (field: string, message: string): never => {
    throw new InputError(`${field} ${message}`, { provider, field });
  };
  if (options === null || typeof options !== 'object') throw new InputError('options must be an object', { provider, field: '' });
  for (const [key, value] of Object.entries(options)) {
    if (value !== undefined && !CHANGES_OPTION_KEYS.includes(key)) fail(key, `is not a known option (known: ${CHANGES_OPTION_KEYS.join(', ')})`);
  }
  const { cursor, since, limit = Infinity, signal } = options;
  if (cursor !== undefined && (typeof cursor !== 'string' || cursor === '')) fail('cursor', 'must be a cursor returned by changes()');
  let sinceMs: number | undefined;
  if (since !== undefined) {
    sinceMs = since instanceof Date ? since.getTime() : typeof since === 'string' && IsoInstantSchema.safeParse(since).success ? Date.parse(since) : Number.NaN;
    if (!Number.isFinite(sinceMs)) fail('since', 'must be a valid Date or an ISO 8601 date-time with an offset, e.g. 2026-01-31T09:30:00Z');
  }
  if (limit !== Infinity && !(Number.isSafeInteger(limit) && limit >= 1)) fail('limit', 'must be a positive integer or Infinity');
  if (signal !== undefined && !(signal instanceof AbortSignal)) fail('signal', 'must be an AbortSignal');
  return { cursor, since: sinceMs, limit, signal };
}

// ---------------------------------------------------------------------------------------------------
// The cursor: "cf1." + base64url(JSON { l: low, s: [[at - low, ...ids], ...], f?: scope hash }).

const CURSOR_PREFIX = 'cf1.';

const CursorSchema = z.strictObject({
  l: z.int(),
  s: z.array(z.tuple([z.int().check(z.nonnegative())], z.string().check(z.minLength(1)))),
  f: z.optional(z.string()),
});

function encodeCursor(state: FeedState, tag: string | undefined): string {
  const groups = [...state.seen]
    .sort(([a], [b]) => a - b)
    .map(([at, ids]): [number, ...string[]] => [at - state.low, ...[...ids].sort()]);
  const body: z.infer<typeof CursorSchema> = { l: state.low, s: groups };
  if (tag !== undefined) body.f = tag;
  return CURSOR_PREFIX + toBase64Url(JSON.stringify(body));
}

/** What to do with a cursor this feed cannot resume. */
const START_AGAIN = 'Start again without it: changes({ since }) from the last change you handled (or no cursor to start from now), and store the new cursor.';

/** The InputError for a cursor this feed cannot resume: what is wrong, and what to do. */
function cursorError(why: string, provider: ProviderId | undefined): InputError {
  return new InputError(`cursor ${why}. ${START_AGAIN}`, { field: 'cursor', provider });
}

/** Reads a cursor: the feed state, and the scope tag it was issued under. */
function decodeCursor(cursor: string, provider: ProviderId | undefined): { state: FeedState; tag: string | undefined } {
  const invalid = (why: string) => cursorError(why, provider);
  if (!cursor.startsWith(CURSOR_PREFIX)) throw invalid('is not a change-feed cursor (or comes from a newer SDK version)');
  let body: z.infer<typeof CursorSchema>;
  try {
    body = CursorSchema.parse(JSON.parse(fromBase64Url(cursor.slice(CURSOR_PREFIX.length))));
  } catch {
    throw invalid('is malformed');
  }
  if (!isInstant(body.l)) throw invalid('is malformed');
  const seen = new Map<number, Set<string>>();
  for (const [offset, ...ids] of body.s) {
    const at = body.l + offset;
    if (!isInstant(at)) throw invalid('is malformed');
    const known = seen.get(at) ?? new Set<string>();
    for (const id of ids) known.add(id);
    seen.set(at, known);
  }
  return { state: { low: body.l, seen }, tag: body.f };
}

/** Whether epoch milliseconds name an instant a `Date` can hold. */
function isInstant(ms: number): boolean {
  return Number.isSafeInteger(ms) && !Number.isNaN(new Date(ms).getTime());
}

function toBase64Url(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): string {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error('not base64url');
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (char) => char.charCodeAt(0)));
}

/** FNV-1a, 32 bits, base 36: enough to tell feeds apart without putting the scope in the cursor. */
function hashScope(scope: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < scope.length; index += 1) {
    hash ^= scope.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36);
}
