/**
 * Ivanti's error answers: `{ "code": "ISM_xxxx", "description": "...", "message": ["..."], "help": "" }`,
 * with the wordings the notes record. Helpers return a {@link SimResponse}, or throw it as a
 * {@link SimResponseError} (`fail…`) so that a check deep in a handler can answer directly.
 *
 * | code | status | used for |
 * |---|---|---|
 * | ISM_2000 | 200 | a link made or removed |
 * | ISM_4000 | 400 | bad payload, missing record ("Invalid key"), bad filter, `$top` over 100, required fields, rights, prompt-gated transitions |
 * | ISM_4001 | 401 | a missing or refused API key |
 * | ISM_4004 | 404 | a path or business object that does not exist |
 * | ISM_5000 | 500 | empty `$orderby`/`$select`, an invalid validated value, `$metadata` asked for as JSON |
 *
 * @module
 */
import { SimResponseError, type SimResponse } from '../simulator.js';

/** An Ivanti error body. */
export interface IsmError {
  code: string;
  description: string;
  message: string[];
  help: string;
}

/** An Ivanti error answer. */
export function ismError(status: number, code: string, description: string, messages: readonly string[]): SimResponse {
  const body: IsmError = { code, description, message: [...messages], help: '' };
  return { status, body };
}

/** Throws an Ivanti error answer. */
export function failIsm(status: number, code: string, description: string, messages: readonly string[]): never {
  throw new SimResponseError(ismError(status, code, description, messages));
}

/** 400 ISM_4000 "Invalid Request Payload" with the given messages. */
export function badRequest(...messages: string[]): SimResponse {
  return ismError(400, 'ISM_4000', 'Invalid Request Payload', messages);
}

/** Throws 400 ISM_4000 "Invalid Request Payload". */
export function failBadRequest(...messages: string[]): never {
  throw new SimResponseError(badRequest(...messages));
}

/** The filter message Ivanti's documentation gives for a filter it cannot read. */
export const INVALID_FILTER = 'Invalid Filter Value. Provide a valid Filter value and try again';

/** Throws 400 ISM_4000 for a filter Ivanti refuses. */
export function failFilter(message: string = INVALID_FILTER): never {
  failBadRequest(message);
}

/** Throws 400 ISM_4000 "Invalid key": a RecId that names no record (Ivanti has no 404 for records). */
export function failInvalidKey(): never {
  failBadRequest('Invalid key');
}

/** Throws the update/delete wording for a missing record: "Record 'X' cannot be found in the business object 'incident'". */
export function failRecordNotFound(recId: string, objectName: string): never {
  failBadRequest(`Record '${recId}' cannot be found in the business object '${objectName.toLowerCase()}'`);
}

/** 404 ISM_4004 for a path or entity set that does not exist. */
export function notFoundPath(): SimResponse {
  return ismError(404, 'ISM_4004', 'Requested resource not found', ["No service for type 'Microsoft.OData.Edm.IEdmModel' has been registered."]);
}

/** 500 ISM_5000 "Internal server error". */
export function serverError(...messages: string[]): SimResponse {
  return ismError(500, 'ISM_5000', 'Internal server error', messages);
}

/** Throws 500 ISM_5000 with an empty message: what Ivanti answers to a value a validation list does not hold. */
export function failInvalidPicklistValue(): never {
  throw new SimResponseError(serverError(''));
}

/** The 401 for a request without an `Authorization` header (the documented wording). */
export function missingKey(): SimResponse {
  return ismError(401, 'ISM_4001', 'Invalid session key or session timed out', ['Authentication required']);
}

/** The 401 for a key Ivanti refuses (the wording measured on a live tenant, for a wrong or an empty key). */
export function refusedKey(): SimResponse {
  return ismError(401, 'ISM_4001', 'Invalid Session key or Authentication token or Host', ['Authentication required']);
}

/** Throws "Role X does not have rights to …" (400 ISM_4000). */
export function failRights(role: string, what: string): never {
  failBadRequest(`Role ${role} does not have rights to ${what}`);
}

/** 200 ISM_2000 "Ok" with a message: a link made or removed. */
export function ok(message: string): SimResponse {
  return ismError(200, 'ISM_2000', 'Ok', [message]);
}
