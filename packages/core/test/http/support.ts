/**
 * What the transport tests share: a transport with tiny retry delays, one that records its
 * telemetry events, the nock and loopback-server wiring, `failure()` to get at a rejection, and a
 * fake clock that moves only when a test says so (no test depends on how fast the machine is).
 */
import nock from 'nock';
import { afterAll, afterEach, beforeAll, beforeEach, expect, vi } from 'vitest';
import {
  createTransport,
  type RequestEvent,
  type ResponseEvent,
  type Transport,
  type TransportOptions,
} from '../../src/http/index.js';
import { startLoopback, type Handler, type Loopback } from './loopback.js';

/** Backoff small enough that retries do not slow the tests down. */
export const TINY_RETRY_DELAY = { baseMs: 5, maxMs: 20 } as const;

/** A transport with {@link TINY_RETRY_DELAY} unless the options say otherwise. */
export function testTransport(options: TransportOptions): Transport {
  return createTransport({ retryDelay: TINY_RETRY_DELAY, ...options });
}

/** What {@link recordingTransport} returns. */
export interface RecordingTransport {
  http: Transport;
  /** Every `onRequest` event: one per attempt. */
  attempts: RequestEvent[];
  /** Every `onRequest` and `onResponse` event, in the order they fired. */
  events: (RequestEvent | ResponseEvent)[];
}

/** A {@link testTransport} that records its telemetry events. */
export function recordingTransport(options: TransportOptions): RecordingTransport {
  const attempts: RequestEvent[] = [];
  const events: (RequestEvent | ResponseEvent)[] = [];
  const http = testTransport({
    onRequest: (event) => {
      attempts.push(event);
      events.push(event);
    },
    onResponse: (event) => events.push(event),
    ...options,
  });
  return { http, attempts, events };
}

export { failure } from '../../src/testing/failure.js';

/**
 * Intercepts with nock for the tests of this file: no real connection may be made, and every
 * interceptor a test sets up must have been used by its end.
 */
export function useNock(): void {
  beforeAll(() => nock.disableNetConnect());
  afterEach(() => {
    const done = nock.isDone();
    nock.cleanAll();
    expect(done).toBe(true);
  });
  afterAll(() => nock.enableNetConnect());
}

/**
 * Lets the tests of this file start a loopback server, closed again after each test.
 *
 * @returns `serve`, which starts the server of the current test.
 */
export function useLoopback(): (handler: Handler) => Promise<Loopback> {
  let server: Loopback | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });
  return async (handler) => {
    server = await startLoopback(handler);
    return server;
  };
}

/**
 * A fake clock for the tests of this file: `setTimeout`, `clearTimeout`, `Date` and `performance.now`
 * are faked (every time limit, retry delay and Retry-After wait of the transport runs on them), while
 * I/O and `setImmediate` stay real. Time passes only through {@link advanceUntil}.
 */
export function useFakeClock(): void {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date', 'performance'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });
}

/** One turn of the real event loop. */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Waits, turn by turn of the real event loop, until `condition()` holds. The fake clock stands still. */
export async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await nextTurn();
}

/** A promise, and whether it has settled yet. */
export interface Tracked<T> {
  readonly promise: Promise<T>;
  readonly settled: boolean;
}

/** Follows a promise's settling (without handling its rejection for the caller). */
export function track<T>(promise: Promise<T>): Tracked<T> {
  let settled = false;
  promise.then(
    () => (settled = true),
    () => (settled = true),
  );
  return {
    promise,
    get settled() {
      return settled;
    },
  };
}

/**
 * Moves the fake clock forward 1 ms at a time until `done()` holds, with a turn of the real event
 * loop after each step. The clock moves only while `idle()` holds (e.g. "every request sent has
 * reached the server"): while I/O is under way, it waits for the I/O instead, so a time limit can
 * never run out because the machine is slow. Resolves with how many milliseconds the clock moved.
 *
 * @param options.maxMs - Fails the test when the clock would pass this (a guard against a wait that never ends).
 */
export async function advanceUntil(done: () => boolean, options: { idle?: () => boolean; maxMs?: number } = {}): Promise<number> {
  const { idle = () => true, maxMs = 3_600_000 } = options;
  let moved = 0;
  while (!done()) {
    if (idle()) {
      if (moved >= maxMs) throw new Error(`the fake clock moved ${moved} ms and the awaited event did not happen`);
      await vi.advanceTimersByTimeAsync(1);
      moved += 1;
    }
    await nextTurn();
  }
  return moved;
}

/** Moves the fake clock `ms` forward as {@link advanceUntil} does: 1 ms at a time, only while `idle()` holds. */
export async function advanceBy(ms: number, options: { idle?: () => boolean } = {}): Promise<void> {
  const { idle = () => true } = options;
  let moved = 0;
  while (moved < ms) {
    if (idle()) {
      await vi.advanceTimersByTimeAsync(1);
      moved += 1;
    }
    await nextTurn();
  }
}
