/**
 * Shared setup of the client's contract tests: a client against a nock'd tenant, a recorder of what
 * reached the server, record fixtures shaped from the reference notes, and the checks that no
 * secret leaks.
 */
import nock from 'nock';
import { assertNoSecret, createRouteRecorder, type RouteReply, type SeenRequest } from '@itsm/core/testing';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { IvantiClient, type IvantiClientOptions } from '../../src/index.js';

export { errorSurface, failure } from '@itsm/core/testing';

export const TENANT = 'https://tenant.ivanticloud.com';
export const API_KEY = '1A2B3CC4D5E67F8901G2HI345J6K7L89';
export const AUTHORIZATION = `rest_api_key=${API_KEY}`;
export const ODATA = '/api/odata/businessobject';

/** A client on the tenant root (no probe) with fast retries, unless told otherwise. */
export function client(options: Partial<IvantiClientOptions> = {}): IvantiClient {
  return new IvantiClient({ baseUrl: TENANT, apiKey: API_KEY, probe: false, retryDelay: { baseMs: 1, maxMs: 2 }, ...options });
}

/** What one request looked like when it reached the server. */
export type Seen = SeenRequest;

/** A reply: status, body, headers. */
export type Reply = RouteReply;

/** Expects requests to `method pathname` on the tenant (any query), answers them in order, records them. */
export const route = createRouteRecorder(nock, TENANT);

/** Fails when any form of the API key shows. */
export function expectNoSecret(text: string): void {
  assertNoSecret(text, [API_KEY]);
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

/** RecIds for fixtures. */
export const IDS = {
  incident: '085867F47547496783005D95CB82D557',
  incident2: '0A8C17C5DF534513AACCBB543C60B1D5',
  serviceRequest: '0A89BD6EDB214B9C8D4488500E26867B',
  employee: '2F851094BFE5437C97D19871D1C539C7',
  employee2: '1087342EA6954D7D96140D64B452E597',
  note: '9F8299197F7C4FCBA0943EC384128237',
  attachment: '1968C01EFAB244AD8C67648E7578A30E',
  offering: 'A299658A3EC84DC1BC401A065C0697D9',
  subscription: '0C1780F4EC814CB2B8E045325D8CFB66',
  param: '1A2B3C4D5E6F7A8B9C0D1E2F3A4B5C6D',
  param2: '9F8E7D6C5B4A39281706F5E4D3C2B1A0',
  option: '11223344556677889900AABBCCDDEEFF',
  missing: '00000000000000000000000000000000',
} as const;

/** An incident as Ivanti sends it (from the notes' R7 record). */
export function incidentBody(fields: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    '@odata.context': `${TENANT}/api/odata/$metadata#incidents/$entity`,
    RecId: IDS.incident,
    IncidentNumber: 12345,
    Subject: 'VPN drops every hour',
    Symptom: 'Since Monday the VPN disconnects every hour.',
    Status: 'Logged',
    Status_Valid: 'AB3D0090B6D8471FB0D2720D301A22AF',
    Priority: '3',
    Priority_Valid: 'DA5FF948701D4022927500E08FCF574E',
    Urgency: 'Medium',
    Impact: 'Medium',
    Category: null,
    Service: 'Service Desk',
    Source: 'Phone',
    ProfileLink: IDS.employee,
    ProfileLink_RecID: IDS.employee,
    ProfileLink_Category: 'Employee',
    ProfileFullName: 'Ann Lee',
    Email: 'ann.lee@example.com',
    Owner: null,
    Owner_Valid: null,
    OwnerTeam: 'Service Desk',
    OwnerTeam_Valid: '2E4BABD54FB9420D94F836F0D9B80C47',
    Resolution: null,
    CauseCode: null,
    CreatedBy: 'svc-bot',
    CreatedDateTime: '2026-01-05T10:00:00-07:00',
    LastModBy: 'svc-bot',
    LastModDateTime: '2026-01-05T10:02:30-07:00',
    ResolvedDateTime: null,
    ClosedDateTime: null,
    IsInFinalState: false,
    ReadOnly: false,
    CustomerLocation: 'Amsterdam',
    ...fields,
  };
}

/** An error body as Ivanti sends it. */
export function ismError(code: string, description: string, ...message: string[]): Record<string, unknown> {
  return { code, description, message, help: '' };
}
