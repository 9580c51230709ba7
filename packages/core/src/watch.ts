/**
 * Watching: a polling loop over a `changes()` function that yields each new version once, sleeps
 * between polls only when it has caught up, and stops cleanly when its `AbortSignal` aborts.
 *
 * @module
 */
import type { ChangesOptions, ChangesResult } from './changes-call.js';
import { InputError } from './errors.js';
import type { ProviderId } from './model.js';

/**
 * The default pause between polls once caught up: 30 seconds.
 *
 * @category Change feed
 */
export const DEFAULT_WATCH_INTERVAL_MS = 30_000;

/**
 * The default number of versions asked for per poll.
 *
 * @category Change feed
 */
export const DEFAULT_WATCH_BATCH_SIZE = 100;

/**
 * The longest pause between polls: one day (a longer one is a mistake, such as seconds given as milliseconds twice).
 *
 * @category Change feed
 */
export const MAX_WATCH_INTERVAL_MS = 24 * 60 * 60_000;

/**
 * The most versions asked for per poll.
 *
 * @category Change feed
 */
export const MAX_WATCH_BATCH_SIZE = 10_000;

/**
 * Options of `watch()`: see {@link watchChanges}.
 *
 * @category Change feed
 */
export interface WatchOptions {
  /** Resume after this cursor (e.g. the last one `onCursor` reported). Takes precedence over `since`. */
  cursor?: string | undefined;
  /** Without a cursor: start with the versions updated at or after this instant. Without either: start now. */
  since?: Date | string | undefined;
  /**
   * Pause between polls once caught up, in milliseconds: 0 to {@link MAX_WATCH_INTERVAL_MS}. Default
   * {@link DEFAULT_WATCH_INTERVAL_MS}.
   */
  intervalMs?: number | undefined;
  /** Stops the watch: the iteration then ends normally, also while a poll or a pause is under way. Must be an `AbortSignal`. */
  signal?: AbortSignal | undefined;
  /**
   * Called with each new cursor, once every version of the poll that produced it has been yielded
   * (and the consumer has asked for the next one). Store it: resuming from it skips nothing.
   */
  onCursor?: ((cursor: string) => void) | undefined;
  /** The most versions asked for per poll: 1 to {@link MAX_WATCH_BATCH_SIZE}. Default {@link DEFAULT_WATCH_BATCH_SIZE}. */
  limit?: number | undefined;
}

/** The keys of {@link WatchOptions}; any other is refused. */
const WATCH_OPTION_KEYS: readonly string[] = Object.keys({
  cursor: true, since: true, intervalMs: true, signal: true, onCursor: true, limit: true,
} satisfies Record<keyof WatchOptions, true>);

/**
 * Polls `changes` and yields every version it returns, in order. After a poll that caught up
 * (`hasMore` false) it waits `intervalMs`; after a poll cut short by `limit` it polls again at once.
 *
 * Delivery is at-least-once across restarts and exactly-once within one watch: if the consumer stops
 * in the middle of a poll's versions (break, crash, abort), that poll's cursor is never reported, so
 * resuming from the last reported cursor yields those versions again. An error from `changes` ends
 * the iteration with that error (the transport has already retried); resume from the last cursor.
 *
 * @param changes - Usually a connector's `tickets.changes`.
 * @param options - See {@link WatchOptions}.
 * @param context - `provider`: the provider named by the `InputError`s about the options.
 * @throws {@link InputError} at once, naming `intervalMs`, `limit`, `signal`, `onCursor` or an unknown option, when one is invalid.
 * @example
 * ```ts
 * const controller = new AbortController();
 * process.once('SIGTERM', () => controller.abort());
 * for await (const ticket of connector.tickets.watch({
 *   cursor: await store.get('cursor'),
 *   onCursor: (cursor) => store.set('cursor', cursor),
 *   signal: controller.signal,
 * })) {
 *   await handle(ticket);
 * }
 * ```
 *
 * @category Change feed
 */
export function watchChanges<T>(
  changes: (options: ChangesOptions) => Promise<ChangesResult<T>>,
  options: WatchOptions = {},
  context: { provider?: ProviderId | undefined } = {},
): AsyncIterable<T> {
  const fail = (field: string, message: string): never => {
    throw new InputError(`${field} ${message}`, { provider: context.provider, field });
  };
  if (options === null || typeof options !== 'object') fail('options', 'must be an object');
  for (const [key, value] of Object.entries(options)) {
    if (value !== undefined && !WATCH_OPTION_KEYS.includes(key)) fail(key, `is not a known option (known: ${WATCH_OPTION_KEYS.join(', ')})`);
  }
  const { intervalMs = DEFAULT_WATCH_INTERVAL_MS, limit = DEFAULT_WATCH_BATCH_SIZE, onCursor, signal } = options;
  if (typeof intervalMs !== 'number' || !Number.isFinite(intervalMs) || intervalMs < 0 || intervalMs > MAX_WATCH_INTERVAL_MS) {
    fail('intervalMs', `must be a number of milliseconds from 0 to ${MAX_WATCH_INTERVAL_MS} (one day)`);
  }
  if (!Number.isSafeInteger(limit) || limit < 1 || limit > MAX_WATCH_BATCH_SIZE) fail('limit', `must be an integer from 1 to ${MAX_WATCH_BATCH_SIZE}`);
  if (onCursor !== undefined && typeof onCursor !== 'function') fail('onCursor', 'must be a function');
  if (signal !== undefined && !(signal instanceof AbortSignal)) fail('signal', 'must be an AbortSignal');
  return poll(changes, { ...options, intervalMs, limit });
}

async function* poll<T>(
  changes: (options: ChangesOptions) => Promise<ChangesResult<T>>,
  options: WatchOptions & { intervalMs: number; limit: number },
): AsyncGenerator<T, void, undefined> {
  const { signal, intervalMs, limit, onCursor } = options;
  let { cursor, since } = options;
  while (!signal?.aborted) {
    let result: ChangesResult<T>;
    try {
      result = await changes({ cursor, since, limit, signal });
    } catch (error) {
      if (signal?.aborted) return;
      throw error;
    }
    for (const ticket of result.tickets) {
      if (signal?.aborted) return; // this poll's cursor is not reported: its versions come again
      yield ticket;
    }
    if (result.cursor !== cursor) {
      cursor = result.cursor;
      onCursor?.(cursor);
    }
    since = undefined;
    if (!result.hasMore) await sleep(intervalMs, signal);
  }
}

/** Resolves after `ms`, or as soon as `signal` aborts. */
function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}
