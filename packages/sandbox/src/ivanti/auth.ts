/**
 * REST API key authentication as Ivanti applies it, and the role checks.
 *
 * - The header is exactly `Authorization: rest_api_key=<key>`: an equals sign, no space, no braces,
 *   no `Bearer`. Anything else is a 401 `ISM_4001`: without the header, the documented
 *   "Invalid session key or session timed out"; with a header Ivanti refuses (wrong key, empty key,
 *   another scheme), the measured "Invalid Session key or Authentication token or Host".
 * - A key acts as its "On Behalf Of" employee in its role. The sandbox's key is the service
 *   account's (`HelpdeskBot`); `state.apiKeys` holds the others (the `ReportViewer` key).
 * - A role that cannot read an object reads it as empty (as Ivanti scopes OData to the role), and
 *   a write it lacks the rights for is a 400 "Role X does not have rights to …".
 *
 * @module
 */
import { before, type Middleware } from '../middleware.js';
import type { HandlerContext, SimRequest } from '../simulator.js';
import { SimResponseError } from '../simulator.js';
import { failRights, missingKey, refusedKey } from './errors.js';
import type { BusinessObjectDef } from './schema.js';
import type { IvantiRole, IvantiState } from './store.js';
import type { Row } from './table.js';

/**
 * The credentials the sandbox hands out: the service account's REST API key.
 *
 * @category Simulator
 */
export interface IvantiCredentials {
  /** The key, sent as `Authorization: rest_api_key=<apiKey>`. */
  readonly apiKey: string;
}

/** Who is calling: the key's role and its "On Behalf Of" employee. */
export interface Caller {
  /** The role. */
  readonly role: IvantiRole;
  /** The employee row the key acts for. */
  readonly employee: Row;
}

/** The handler context of the simulator. */
export type IvantiContext = HandlerContext<IvantiState, IvantiCredentials>;

const callers = new WeakMap<SimRequest, Caller>();

/** The key in an `Authorization` header of the exact form `rest_api_key=<key>`, or `undefined`. */
export function apiKeyOf(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  return /^rest_api_key=([^\s{}]+)$/u.exec(header)?.[1];
}

/** The caller of a request (worked out once per request); throws Ivanti's 401 when the key is missing or refused. */
export function callerOf(request: SimRequest, context: IvantiContext): Caller {
  const cached = callers.get(request);
  if (cached !== undefined) return cached;
  const header = request.header('authorization');
  if (header === undefined) throw new SimResponseError(missingKey());
  const key = apiKeyOf(header);
  const { state, credentials } = context;
  const grant = key === undefined ? undefined : key === credentials.apiKey ? state.serviceAccount : state.apiKeys.get(key);
  const role = grant === undefined ? undefined : state.roles.get(grant.role);
  const employee = grant === undefined ? undefined : state.tables.employees.get(grant.employeeRecId);
  if (role === undefined || employee === undefined) throw new SimResponseError(refusedKey());
  const caller = { role, employee };
  callers.set(request, caller);
  return caller;
}

/** Paths of the web application, which answer without a key (the login page). */
export function isWebPath(path: string): boolean {
  return path === '/' || /^\/(?:default|login)\.aspx$/iu.test(path);
}

/** The authentication step: every API request needs an accepted key. */
export const apiKeyAuth: Middleware<IvantiState, IvantiCredentials> = before((request, context) => {
  if (!isWebPath(request.path)) callerOf(request, context);
  return undefined;
});

/** Whether the caller's role reads the object. */
export function canRead(caller: Caller, object: BusinessObjectDef): boolean {
  return caller.role.read.has(object.table);
}

/** Throws the rights refusal unless the role may create records of the object. */
export function requireCreate(caller: Caller, object: BusinessObjectDef): void {
  if (!caller.role.create.has(object.table)) failRights(caller.role.name, `create object ${object.adminId}.`);
}

/** Throws the rights refusal unless the role may update the fields of the object's records. */
export function requireUpdate(caller: Caller, object: BusinessObjectDef, fields: readonly string[]): void {
  if (!caller.role.update.has(object.table)) failRights(caller.role.name, `update following fields: ${fields.join(', ')}`);
}

/** Throws the rights refusal unless the role may delete records of the object. */
export function requireDelete(caller: Caller, object: BusinessObjectDef): void {
  if (!caller.role.delete.has(object.table)) failRights(caller.role.name, `delete object ${object.adminId}.`);
}
