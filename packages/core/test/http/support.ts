/**
 * What the transport tests share: a transport with tiny retry delays, one that records its
 * telemetry events, the nock and loopback-server wiring, and `failure()` to get at a rejection.
 */
import nock from 'nock';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
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
