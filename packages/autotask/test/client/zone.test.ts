import { AuthenticationError, InputError } from '@itsm/core';
import { describe, expect, it } from 'vitest';
import { AutotaskClient, apiBaseUrlOf, createZoneCache } from '../../src/index.js';
import {
  API,
  LOOKUP,
  SECRET,
  TRACKING_ID,
  USERNAME,
  WEB,
  ZONE,
  ZONE_ANSWER,
  api,
  client,
  errorSurface,
  expectNoSecret,
  failure,
  page,
  route,
  useNock,
  zoneRoute,
} from './support.js';

useNock();

describe('zone discovery', () => {
  it('looks the zone up without credentials, then sends everything to its V1.0 base with the three headers', async () => {
    const lookups = zoneRoute();
    const calls = api('GET', '/Tickets/7', [200, { item: { id: 7 } }]);
    const autotask = client();
    expect(await autotask.tickets.get(7)).toMatchObject({ id: 7 });
    expect(lookups).toHaveLength(1);
    expect(lookups[0]?.query).toEqual({ user: USERNAME });
    for (const header of ['username', 'secret', 'apiintegrationcode']) expect(lookups[0]?.headers.get(header)).toBeNull();
    expect(calls[0]?.headers.get('UserName')).toBe(USERNAME);
    expect(calls[0]?.headers.get('Secret')).toBe(SECRET);
    expect(calls[0]?.headers.get('ApiIntegrationCode')).toBe(TRACKING_ID);
    expect(await autotask.baseUrl()).toBe(`${ZONE}/ATServicesRest/V1.0`);
    expect(await autotask.zone()).toMatchObject({ ci: 51, webUrl: `${WEB}/` });
    expect(await autotask.webUrl()).toBe(WEB);
  });

  it('looks a user name up once for concurrent calls and for clients sharing a cache', async () => {
    const lookups = zoneRoute();
    api('GET', '/Tickets/1', [200, { item: { id: 1 } }], { times: 6 });
    const zones = createZoneCache();
    const first = client({ zoneCache: zones });
    const second = client({ zoneCache: zones });
    await Promise.all([first.tickets.get(1), first.tickets.get(1), first.tickets.get(1), second.tickets.get(1), second.tickets.get(1), second.tickets.get(1)]);
    expect(lookups).toHaveLength(1);
  });

  it('looks the zone up again once its time in the cache is over', async () => {
    let now = 1_000;
    const zones = createZoneCache({ ttlMs: 60_000, now: () => now });
    const lookups = zoneRoute([200, ZONE_ANSWER], 2);
    api('GET', '/Tickets/1', [200, { item: { id: 1 } }], { times: 2 });
    await client({ zoneCache: zones }).tickets.get(1);
    now += 60_001;
    await client({ zoneCache: zones }).tickets.get(1);
    expect(lookups).toHaveLength(2);
  });

  it('looks the zone up again once after a refused login, and follows the database to its new zone', async () => {
    const moved = 'https://webservices22.autotask.net';
    const lookups = route('GET', `${API}/zoneInformation`, [[200, ZONE_ANSWER], [200, { ...ZONE_ANSWER, url: `${moved}/ATServicesRest/`, ci: 77 }]], { origin: LOOKUP });
    const refused = api('GET', '/Tickets/1', [401, '']);
    const served = route('GET', `${API}/Tickets/1`, [200, { item: { id: 1 } }], { origin: moved });
    const autotask = client();
    expect(await autotask.tickets.get(1)).toMatchObject({ id: 1 });
    expect([lookups.length, refused.length, served.length]).toEqual([2, 1, 1]);
    expect(await autotask.baseUrl()).toBe(`${moved}/ATServicesRest/V1.0`);
    expect((await autotask.zone()).ci).toBe(77);
  });

  it('looks again once, and when the zone did not move, the refusal stands', async () => {
    zoneRoute([200, ZONE_ANSWER], 2);
    const refused = api('GET', '/Tickets/1', [401, '']);
    const error = await failure(client().tickets.get(1));
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as Error).message).toMatch(/check the secret/);
    expect(refused).toHaveLength(1);
  });

  it('says so when Autotask cannot place the user name', async () => {
    zoneRoute([500, { errors: ['Zone information could not be determined'] }]);
    const error = await failure(client().tickets.get(1));
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ status: 500, messages: ['Zone information could not be determined'], provider: 'autotask' });
    expect((error as Error).message).toMatch(/could not place this API user name: check the username option/);
    expectNoSecret(errorSurface(error));
  });

  it('is skipped with an explicit baseUrl, whatever its trailing slashes and version', async () => {
    const cases: [string, string][] = [
      [`${ZONE}/ATServicesRest/`, `${API}/Tickets/1`],
      [`${ZONE}/ATServicesRest`, `${API}/Tickets/1`],
      [`${ZONE}/ATServicesRest/V1.0/`, `${API}/Tickets/1`],
      [`${ZONE}/atservicesrest/v1.0`, '/atservicesrest/V1.0/Tickets/1'],
    ];
    for (const [baseUrl, path] of cases) {
      const calls = route('GET', path, [200, { item: { id: 1 } }]);
      const autotask = new AutotaskClient({ username: USERNAME, secret: SECRET, trackingId: TRACKING_ID, baseUrl, limits: { readThresholds: false } });
      await autotask.tickets.get(1);
      expect(calls).toHaveLength(1);
      expect(await autotask.webUrl()).toBe(WEB);
    }
  });

  it('refuses a base URL of another API version, and says where links need a webUrl', async () => {
    expect(() => client({ baseUrl: `${ZONE}/ATServicesRest/V2.0` })).toThrow(/V1\.0/);
    const custom = client({ baseUrl: 'https://proxy.example.com/autotask' });
    const error = await failure(custom.links.ticket(1));
    expect(error).toBeInstanceOf(InputError);
    expect(error).toMatchObject({ field: 'webUrl', provider: 'autotask' });
    expect(await client({ baseUrl: 'https://proxy.example.com/autotask', webUrl: 'https://ww5.autotask.net/' }).links.ticket(1)).toBe(
      `${WEB}/Autotask/AutotaskExtend/ExecuteCommand.aspx?Code=OpenTicketDetail&TicketID=1`,
    );
  });

  it('pins V1.0 whatever the zone URL holds', () => {
    expect(apiBaseUrlOf('https://webservices5.autotask.net/ATServicesRest/')).toBe('https://webservices5.autotask.net/ATServicesRest/V1.0');
    expect(apiBaseUrlOf('https://webservices5.autotask.net/ATServicesRest//')).toBe('https://webservices5.autotask.net/ATServicesRest/V1.0');
    expect(apiBaseUrlOf('https://webservices5.autotask.net/atservicesrest/v2.0/')).toBe('https://webservices5.autotask.net/atservicesrest/V1.0');
  });

  it('refuses a zone answer whose URL is not https', async () => {
    zoneRoute([200, { ...ZONE_ANSWER, url: 'http://webservices5.autotask.net/ATServicesRest/' }]);
    const error = await failure(client().tickets.get(1));
    expect(error).toMatchObject({ name: 'ResponseShapeError', provider: 'autotask' });
  });

  it('reaches a query page through the zone it discovered', async () => {
    zoneRoute();
    api('POST', '/Tickets/query', [200, page([{ id: 3 }])]);
    expect(await client().tickets.query({ filter: { op: 'eq', field: 'id', value: 3 } }).toArray({ limit: 10 })).toEqual([{ id: 3 }]);
  });
});
