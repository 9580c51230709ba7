/**
 * Autotask's thread limit: at most 3 requests in flight per tracking identifier and entity endpoint
 * (`/Tickets/query` and `/Tickets/7` share `Tickets`; `/Tickets/7/Notes` is `TicketNotes`;
 * `ThresholdInformation` is its own endpoint and not exempt; zone discovery is). The next request is
 * refused at once, never queued, with the `Itgenatr005` thread-threshold error.
 *
 * Status: **500**. The reports of this error say it "may come with a non-429 status"; Autotask
 * answers its errors with 500, so a client has to recognise it by its text (`Itgenatr005`,
 * "thread threshold ... exceeded"), not by the status. The limit is `state.settings.threadLimit`.
 *
 * A request is in flight for as long as its handling awaits: the usage latency, or `state.hold`, the
 * hook tests use to keep requests open.
 *
 * @module
 */
import type { Middleware } from '../middleware.js';
import { callerOf, type AutotaskCredentials } from './auth.js';
import { autotaskError } from './errors.js';
import { endpointOf } from './paths.js';
import type { AutotaskState } from './store.js';

/**
 * The thread-limit error's message.
 *
 * @category Simulator
 */
export function threadThresholdMessage(limit: number, method: string): string {
  return `Thread Threshold Exceeded — The Autotask API thread threshold of ${limit} threads has been exceeded. Method: ${method}. Error code: Itgenatr005`;
}

/** Holds a thread place per tracking identifier and endpoint around the inner layers. */
export const threadLimit: Middleware<AutotaskState, AutotaskCredentials> = (request, { state }, next) => {
  const endpoint = endpointOf(request.path);
  if (endpoint === undefined) return next();
  state.threads.limit = state.settings.threadLimit;
  const key = `${callerOf(request).trackingId}|${endpoint}`;
  return state.threads.run(key, () => next(), ({ limit }) => autotaskError([threadThresholdMessage(limit, `${request.method} ${endpoint}`)]));
};

/** Awaits the test hook `state.hold`, inside the thread gate. */
export const testHold: Middleware<AutotaskState, AutotaskCredentials> = async (request, { state }, next) => {
  if (state.hold !== undefined && endpointOf(request.path) !== undefined) await state.hold(request);
  return next();
};
