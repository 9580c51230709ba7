/**
 * Authentication as Autotask checks it, on every call but zone discovery: three headers (names in any
 * case, as HTTP has them), checked in this order, each failure with the live service's answer:
 *
 * 1. `UserName`: missing → 401 (nothing to authenticate); unknown → **500**
 *    `{"errors":["Zone information could not be determined"]}` (the server looks the user's zone up
 *    first, so a wrong user name is not a 401);
 * 2. `Secret`: missing or wrong → **401** with an empty body ("Failed authentication to the REST API
 *    will result in the return of a 401 error");
 * 3. `ApiIntegrationCode` (the tracking identifier): missing or wrong → **500**
 *    `{"errors":["IntegrationCode is invalid."]}`.
 *
 * That order is what users of `@apigrate/autotask-restapi` report from live tenants: an invalid user
 * name is a 500, a valid user name with a wrong password a 401, valid credentials with a wrong
 * integration code a 500.
 *
 * `ImpersonationResourceId` (optional) makes writes appear as done by that resource; it must be an
 * active resource that is not an API-only user ("API Only security levels do not support
 * impersonation"), else the call is refused with a 500.
 *
 * @module
 */
import { before, type Middleware } from '../middleware.js';
import { SimResponseError, type HandlerContext, type SimRequest } from '../simulator.js';
import { autotaskError, INTEGRATION_CODE_INVALID, ZONE_UNKNOWN } from './errors.js';
import { API_PREFIX } from './paths.js';
import { LICENSE_API_USER } from './picklists.js';
import type { AutotaskState, Resource } from './store.js';

/**
 * The credentials the sandbox hands out: the API user's name and secret, and the integration's tracking identifier.
 *
 * @category Simulator
 */
export interface AutotaskCredentials {
  /** The API-only user's user name (`UserName` header; `zoneInformation?user=`). */
  readonly username: string;
  /** Its secret (`Secret` header). */
  readonly secret: string;
  /** The API tracking identifier of the integration (`ApiIntegrationCode` header). */
  readonly trackingId: string;
}

/** Who is calling. */
export interface Caller {
  /** The API user. */
  readonly apiUser: Resource;
  /** The resource named by `ImpersonationResourceId`, when there is one. */
  readonly impersonated: Resource | undefined;
  /** The tracking identifier the call came with. */
  readonly trackingId: string;
}

const callers = new WeakMap<SimRequest, Caller>();

/** The caller of an authenticated request (set by {@link authenticate}). */
export function callerOf(request: SimRequest): Caller {
  const caller = callers.get(request);
  if (caller === undefined) throw new Error('callerOf: the request was not authenticated');
  return caller;
}

/** The resource a write is attributed to: the impersonated one, else the API user. */
export function actingResource(caller: Caller): Resource {
  return caller.impersonated ?? caller.apiUser;
}

/** The API user's resource, found by user name (any case). */
export function apiUserResource(state: AutotaskState, username: string): Resource | undefined {
  const [id] = state.tables.Resources.idsWhere('userName', [username]);
  const resource = id === undefined ? undefined : state.tables.Resources.get(id);
  return resource?.licenseType === LICENSE_API_USER && resource.isActive ? resource : undefined;
}

function identify(request: SimRequest, { state, credentials }: HandlerContext<AutotaskState, AutotaskCredentials>): Caller {
  const username = request.header('username');
  if (username === undefined || username.trim() === '') throw new SimResponseError({ status: 401 });
  const apiUser = username.toLowerCase() === credentials.username.toLowerCase() ? apiUserResource(state, username) : undefined;
  if (apiUser === undefined) throw new SimResponseError(autotaskError([ZONE_UNKNOWN]));
  if (request.header('secret') !== credentials.secret) throw new SimResponseError({ status: 401 });
  const trackingId = request.header('apiintegrationcode');
  if (trackingId !== credentials.trackingId) throw new SimResponseError(autotaskError([INTEGRATION_CODE_INVALID]));
  return { apiUser, impersonated: impersonatedResource(state, request.header('impersonationresourceid')), trackingId };
}

function impersonatedResource(state: AutotaskState, header: string | undefined): Resource | undefined {
  if (header === undefined || header.trim() === '') return undefined;
  const id = /^\s*\d+\s*$/u.test(header) ? Number(header) : Number.NaN;
  const resource = Number.isSafeInteger(id) ? state.tables.Resources.get(id) : undefined;
  if (resource === undefined || !resource.isActive) {
    throw new SimResponseError(autotaskError([`ImpersonationResourceId: Value ${header.trim()} does not reference an existing, active resource.`]));
  }
  if (resource.licenseType === LICENSE_API_USER) {
    throw new SimResponseError(autotaskError([`ImpersonationResourceId: Resource ${resource.id} has an API Only security level, which does not support impersonation.`]));
  }
  return resource;
}

/** Authenticates every request to the REST API (zone discovery answers before it). */
export const authenticate: Middleware<AutotaskState, AutotaskCredentials> = before((request, context) => {
  if (request.path !== API_PREFIX && !request.path.startsWith(`${API_PREFIX}/`)) return undefined;
  callers.set(request, identify(request, context));
  return undefined;
});
