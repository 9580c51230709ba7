/**
 * The router type the Autotask routes are declared on, and small helpers they share.
 *
 * @module
 */
import type { JsonObject } from '../../readers.js';
import type { Router } from '../../router.js';
import { SimResponseError, type SimRequest, type SimResponse } from '../../simulator.js';
import type { AutotaskCredentials } from '../auth.js';
import { failAutotask, invalidRequest } from '../errors.js';
import { read } from '../http.js';
import type { AutotaskState } from '../store.js';

/** The Autotask simulator's router. */
export type AutotaskRouter = Router<AutotaskState, AutotaskCredentials>;

/** A path id as a number; a non-numeric one is Web API's 400 (the parameter does not bind). */
export function pathId(text: string): number {
  if (!/^\d{1,15}$/u.test(text)) throw new SimResponseError(invalidRequest());
  return Number(text);
}

/** The JSON object body of a write. */
export function writeBody(request: SimRequest): JsonObject {
  return read.jsonObject(request);
}

/** The `{ "itemId": n }` answer of a successful create, update or delete. */
export function itemId(id: number): SimResponse {
  return { status: 200, body: { itemId: id } };
}

/** Throws the 500 for an update without an id in its body. */
export function requireId(id: number | undefined, entity: string): number {
  if (id === undefined) failAutotask(`The id of the ${entity} to update is missing from the request body.`);
  return id;
}
