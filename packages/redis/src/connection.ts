/**
 * The stores' connection to Redis: connects on first use, runs the scripts with a time limit, and
 * says whether Redis is reachable. While it is not, calls fail at once with
 * {@link RedisUnreachable} (the client reconnects in the background), so that the stores can fail
 * closed or fall back without waiting on every request.
 *
 * Commands are never queued while the connection is down (`disableOfflineQueue`): a count or a slot
 * taken long after it was asked for would be worse than none.
 *
 * @module
 */
import { createClient } from '@redis/client';
import type { ResolvedRedisStoresOptions } from './options.js';
import type { LuaScript } from './scripts.js';

/** Why a call to Redis did not happen or got no answer. Internal: the stores turn it into their outcome. */
export class RedisUnreachable extends Error {
  constructor(reason: string, options?: { cause?: unknown }) {
    super(reason, options);
    this.name = 'RedisUnreachable';
  }
}

/** What Redis answers a script with: numbers, strings, lists of them, or nothing. */
export type ScriptReply = number | string | null | ScriptReply[];

/** Told when Redis becomes unreachable (with the reason) and when it is back. */
export type ReachabilityListener = (reachable: boolean, reason: string) => void;

type Client = ReturnType<typeof createClient>;

/** The longest wait between two reconnection attempts, in milliseconds. */
const MAX_RECONNECT_DELAY_MS = 2_000;

/** While the connection is up but commands fail, how often one call tries again, in milliseconds. */
const RETRY_WHILE_DOWN_MS = 1_000;

/** A message for an error of the client, which never holds the URL. */
function reasonOf(error: unknown): string {
  return error instanceof Error && error.message !== '' ? error.message : String(error);
}

/** The connection of one set of stores. */
export class RedisConnection {
  readonly #options: ResolvedRedisStoresOptions;
  readonly #client: Client;
  readonly #onReachability: ReachabilityListener;
  #subscriber: Client | undefined;
  #started = false;
  #closed = false;
  /** `undefined` until the first call has an outcome. */
  #reachable: boolean | undefined;
  /** While Redis is connected but failing: when the next call may try it again (`Date.now()`). */
  #retryAt = 0;
  /** The wait for the connection shared by the calls that arrive while it is being made. */
  #connecting: Promise<void> | undefined;

  /**
   * @param options - The stores' options.
   * @param onReachability - Told when Redis becomes unreachable, and when it is back.
   */
  constructor(options: ResolvedRedisStoresOptions, onReachability: ReachabilityListener) {
    this.#options = options;
    this.#onReachability = onReachability;
    this.#client = createClient({
      url: options.url,
      disableOfflineQueue: true,
      socket: {
        connectTimeout: options.connectTimeoutMs,
        reconnectStrategy: (retries: number) => Math.min(50 * 2 ** Math.min(retries, 10), MAX_RECONNECT_DELAY_MS),
      },
    });
    // The client reports every failed reconnection here; the stores report the change once instead.
    this.#client.on('error', () => undefined);
    this.#client.on('ready', () => {
      if (this.#reachable === false) this.#mark(true, 'connected again');
    });
  }

  /** `host:port` of the server. */
  get server(): string {
    return this.#options.server;
  }

  /** Whether the last call reached Redis (`undefined` before the first). */
  get reachable(): boolean | undefined {
    return this.#reachable;
  }

  #mark(reachable: boolean, reason: string): void {
    if (this.#reachable === reachable) return;
    const first = this.#reachable === undefined;
    this.#reachable = reachable;
    if (!(first && reachable)) this.#onReachability(reachable, reason);
  }

  #unreachable(reason: string, cause?: unknown): RedisUnreachable {
    this.#retryAt = Date.now() + RETRY_WHILE_DOWN_MS;
    this.#mark(false, reason);
    return new RedisUnreachable(reason, { cause });
  }

  /** Waits for the connection: up to `connectTimeoutMs` while Redis was reachable (or not yet tried), not at all while it is known to be down. */
  async #ready(signal: AbortSignal | undefined): Promise<void> {
    if (this.#closed) throw new RedisUnreachable('the stores were closed');
    if (this.#reachable === false && this.#client.isReady) {
      // Connected, but the last command failed or went unanswered: one call a second tries again,
      // the others fail at once instead of each waiting for the command timeout.
      if (Date.now() < this.#retryAt) throw new RedisUnreachable(`${this.server} did not answer`);
      this.#retryAt = Date.now() + RETRY_WHILE_DOWN_MS;
      return;
    }
    if (this.#client.isReady) return;
    if (!this.#started) {
      this.#started = true;
      // connect() keeps retrying (reconnectStrategy) until it succeeds or the client is closed.
      this.#client.connect().catch(() => undefined);
    }
    if (this.#reachable === false) throw new RedisUnreachable(`not connected to ${this.server}`);
    this.#connecting ??= this.#waitForReady().finally(() => {
      this.#connecting = undefined;
    });
    await abortable(this.#connecting, signal);
  }

  #waitForReady(): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const onReady = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        this.#client.off('ready', onReady);
        reject(this.#unreachable(`could not connect to ${this.server} within ${this.#options.connectTimeoutMs} ms`));
      }, this.#options.connectTimeoutMs);
      this.#client.once('ready', onReady);
    });
  }

  /**
   * Runs a script (by its SHA-1, loading it when Redis does not know it yet).
   *
   * @param script - The script.
   * @param keys - Its keys.
   * @param args - Its arguments.
   * @param signal - Stops waiting for the connection (a script already sent still runs).
   * @throws RedisUnreachable when Redis cannot be reached or does not answer in time, or the script fails.
   */
  async run(script: LuaScript, keys: readonly string[], args: readonly (string | number)[], signal?: AbortSignal): Promise<ScriptReply> {
    await this.#ready(signal);
    const tail = [String(keys.length), ...keys, ...args.map(String)];
    try {
      const reply = await this.#withTimeout(this.#client.sendCommand(['EVALSHA', script.sha, ...tail]).catch((error: unknown) => {
        if (reasonOf(error).startsWith('NOSCRIPT')) return this.#client.sendCommand(['EVAL', script.source, ...tail]);
        throw error;
      }));
      this.#mark(true, 'answered');
      return reply as unknown as ScriptReply;
    } catch (error) {
      if (error instanceof RedisUnreachable) throw error;
      throw this.#unreachable(`${script.name} failed on ${this.server}: ${reasonOf(error)}`, error);
    }
  }

  /**
   * Checks that Redis answers (`PING`), connecting first if need be.
   *
   * @param signal - Stops waiting for the connection.
   * @throws RedisUnreachable when it does not answer in time.
   */
  async ping(signal?: AbortSignal): Promise<void> {
    await this.#ready(signal);
    try {
      await this.#withTimeout(this.#client.sendCommand(['PING']));
      this.#mark(true, 'answered');
    } catch (error) {
      if (error instanceof RedisUnreachable) throw error;
      throw this.#unreachable(`PING failed on ${this.server}: ${reasonOf(error)}`, error);
    }
  }

  #withTimeout<T>(pending: Promise<T>): Promise<T> {
    const limit = this.#options.commandTimeoutMs;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => reject(this.#unreachable(`${this.server} did not answer within ${limit} ms`)), limit);
      pending.then(
        (value) => {
          clearTimeout(timer);
          resolve(value);
        },
        (error: unknown) => {
          clearTimeout(timer);
          reject(error);
        },
      );
    });
  }

  /**
   * Listens to a channel on a second connection (a subscribed connection runs no other command).
   * Best effort: when it cannot subscribe, the listener is simply not called and the callers'
   * polling covers for it.
   *
   * @param channel - The channel.
   * @param listener - Gets each message.
   */
  subscribe(channel: string, listener: (message: string) => void): void {
    if (this.#subscriber !== undefined || this.#closed) return;
    const subscriber = this.#client.duplicate();
    this.#subscriber = subscriber;
    subscriber.on('error', () => undefined);
    // Subscriptions are restored by the client after a reconnection.
    subscriber
      .connect()
      .then(() => subscriber.SUBSCRIBE(channel, (message: string) => listener(message)))
      .catch(() => undefined);
  }

  /** Closes both connections. Calls after it fail with {@link RedisUnreachable}. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await Promise.all([this.#client, this.#subscriber].map(async (client) => {
      if (client === undefined || !client.isOpen) return;
      if (client.isReady) await client.close().catch(() => client.destroy());
      else client.destroy();
    }));
  }
}

/** Waits for `pending`, or rejects with the signal's reason when it aborts first. */
export function abortable<T>(pending: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (signal === undefined) return pending;
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    pending.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
