/**
 * Shared setup of the client's contract tests: a client against a nock'd zone (its lookup included),
 * a recorder of what reached the server, and the checks that no secret leaks.
 */
import nock from 'nock';
import { assertNoSecret, createRouteRecorder, type RouteReply, type SeenRequest } from '@itsm/core/testing';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { AutotaskClient, createZoneCache, type AutotaskClientOptions } from '../../src/index.js';

export { errorSurface, failure } from '@itsm/core/testing';

/** Where zones are looked up. */
export const LOOKUP = 'https://webservices.autotask.net';
/** The zone's origin. */
export const ZONE = 'https://webservices5.autotask.net';
/** The REST base path on the zone. */
export const API = '/ATServicesRest/V1.0';
/** The zone's web UI. */
export const WEB = 'https://ww5.autotask.net';

export const USERNAME = 'h7kqz2m4x9trq@acme.example';
export const SECRET = 'Sx9$kQ2#mP7wL4vN-secret';
export const TRACKING_ID = 'TRK0A7B9C2D4E6F8H1J3K5L7M9N0';

/** The zone lookup's answer for the test user. */
export const ZONE_ANSWER = { zoneName: 'America East', url: `${ZONE}/ATServicesRest/`, webUrl: `${WEB}/`, ci: 51 };

/** What one request looked like when it reached the server. */
export type Seen = SeenRequest;

/** A reply: status, body, headers. */
export type Reply = RouteReply;

/** Routes on the zone's origin; pass `{ origin: LOOKUP }` for the lookup. */
export const route = createRouteRecorder(nock, ZONE);

/** Expects the zone lookup (`times` times), answering with `answer`. */
export function zoneRoute(answer: Reply = [200, ZONE_ANSWER], times = 1): Seen[] {
  return route('GET', `${API}/zoneInformation`, answer, { origin: LOOKUP, times });
}

/** Expects requests to `method API+path` on the zone. */
export function api(method: string, path: string, replies: Reply | Reply[] | ((seen: Seen, index: number) => Reply), options: { times?: number } = {}): Seen[] {
  return route(method, `${API}${path}`, replies, options);
}

/**
 * A client with its own zone cache, fast retries and no threshold readings (tests of the limits turn
 * them on), discovering its zone unless `baseUrl` is given.
 */
export function client(options: Partial<AutotaskClientOptions> = {}): AutotaskClient {
  return new AutotaskClient({
    username: USERNAME,
    secret: SECRET,
    trackingId: TRACKING_ID,
    zoneCache: createZoneCache(),
    retryDelay: { baseMs: 1, maxMs: 2 },
    ...options,
    limits: { readThresholds: false, ...options.limits },
  });
}

/** A client on a fixed base URL (no zone lookup). */
export function fixedClient(options: Partial<AutotaskClientOptions> = {}): AutotaskClient {
  return client({ baseUrl: `${ZONE}/ATServicesRest`, ...options });
}

/** Fails when any form of the secret or the tracking identifier shows. */
export function expectNoSecret(text: string): void {
  assertNoSecret(text, [SECRET, TRACKING_ID]);
}

/** nock on, real network off, every mock used. */
export function useNock(): void {
  beforeAll(() => nock.disableNetConnect());
  afterEach(() => {
    const pending = nock.pendingMocks();
    nock.cleanAll();
    expect(pending).toEqual([]);
  });
  afterAll(() => nock.enableNetConnect());
}

/** A query page as Autotask sends it. */
export function page(items: unknown[], nextPageUrl: string | null = null, requestCount = 500): Record<string, unknown> {
  return { items, pageDetails: { count: items.length, requestCount, prevPageUrl: null, nextPageUrl } };
}

/** A ticket as Autotask sends it. */
export function ticketBody(id: number, fields: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id,
    ticketNumber: `T20260105.${String(id % 10_000).padStart(4, '0')}`,
    title: `Ticket ${id}`,
    description: null,
    status: 1,
    priority: 2,
    queueID: 29682833,
    companyID: 174,
    contactID: 29683001,
    assignedResourceID: null,
    createDate: '2026-01-05T09:30:00.123',
    lastActivityDate: '2026-01-05T10:00:00',
    userDefinedFields: [],
    ...fields,
  };
}
