import { AuthenticationError, InputError, ItsmError } from '@itsm/core';
import { describe, expect, it } from 'vitest';
import { IvantiClient } from '../../src/index.js';
import { API_KEY, AUTHORIZATION, IDS, ODATA, TENANT, client, errorSurface, expectNoSecret, failure, incidentBody, ismError, route, useNock } from './support.js';

useNock();

const CSDL = '<?xml version="1.0" encoding="utf-8"?><edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx"><edmx:DataServices><Schema Namespace="MetaData" xmlns="http://docs.oasis-open.org/odata/ns/edm"><EntityType Name="Incident"/></Schema></edmx:DataServices></edmx:Edmx>';
const LOGIN_PAGE = '<!DOCTYPE html><html><head><title>Ivanti Service Manager - Login</title></head><body><form id="loginForm"></form></body></html>';

function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

describe('client options', () => {
  it('refuses bad options before any request, naming the option and the provider', () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ apiKey: API_KEY }, 'baseUrl'],
      [{ baseUrl: 'http://tenant.ivanticloud.com', apiKey: API_KEY }, 'baseUrl'],
      [{ baseUrl: `${TENANT}/HEAT/api/odata`, apiKey: API_KEY }, 'baseUrl'],
      [{ baseUrl: TENANT }, 'apiKey'],
      [{ baseUrl: TENANT, apiKey: ' ' }, 'apiKey'],
      [{ baseUrl: TENANT, apiKey: `rest_api_key=${API_KEY}` }, 'apiKey'],
      [{ baseUrl: TENANT, apiKey: `{${API_KEY}}` }, 'apiKey'],
      [{ baseUrl: TENANT, apiKey: `${API_KEY}\n` }, 'apiKey'],
      [{ baseUrl: TENANT, apiKey: API_KEY, probe: 'yes' }, 'probe'],
      [{ baseUrl: TENANT, apiKey: API_KEY, uploadForm: 'file' }, 'uploadForm'],
      [{ baseUrl: TENANT, apiKey: API_KEY, auth: () => undefined }, 'auth'],
      [{ baseUrl: TENANT, apiKey: API_KEY, timeot: 5 }, 'timeot'],
      [{ baseUrl: TENANT, apiKey: API_KEY, timeout: -1 }, 'timeout'],
    ];
    for (const [options, field] of cases) {
      const error = thrown(() => new IvantiClient(options as never)) as InputError;
      expect(error, field).toBeInstanceOf(InputError);
      expect(error.field, JSON.stringify(options)).toBe(field);
      expect(error.provider).toBe('ivanti');
      expectNoSecret(errorSurface(error));
    }
  });

  it('sends Authorization: rest_api_key=<key> on every request, and JSON Accept', async () => {
    const calls = route('GET', `${ODATA}/incidents('${IDS.incident}')`, [200, incidentBody()]);
    await client().incidents.get(IDS.incident);
    expect(calls[0]?.headers.get('authorization')).toBe(AUTHORIZATION);
    expect(calls[0]?.headers.get('accept')).toBe('application/json');
    expect(calls[0]?.headers.get('user-agent')).toMatch(/^@itsm\/ivanti/);
  });

  it('keeps the key out of every error, even when Ivanti echoes it', async () => {
    route('GET', `${ODATA}/incidents('${IDS.incident}')`, [401, ismError('ISM_4001', 'Invalid Session key or Authentication token or Host', `Authentication required for ${API_KEY}`)]);
    const error = await failure(client().incidents.get(IDS.incident));
    expect(error).toBeInstanceOf(AuthenticationError);
    expectNoSecret(errorSurface(error));
  });
});

describe('the /HEAT prefix', () => {
  it('probes /HEAT first, keeps it when the answer is CSDL, and probes only once', async () => {
    const probe = route('GET', '/HEAT/api/odata/incidents/$metadata', [200, CSDL, { 'content-type': 'application/xml' }]);
    const calls = route('GET', `/HEAT${ODATA}/incidents('${IDS.incident}')`, [200, incidentBody()], { times: 2 });
    const ivanti = client({ probe: true });
    await ivanti.incidents.get(IDS.incident);
    await ivanti.incidents.get(IDS.incident);
    expect(probe).toHaveLength(1);
    expect(probe[0]?.headers.get('accept')).toBe('application/xml');
    expect(probe[0]?.headers.get('authorization')).toBe(AUTHORIZATION);
    expect(calls).toHaveLength(2);
    expect(await ivanti.baseUrl()).toBe(`${TENANT}/HEAT`);
  });

  it('moves on when /HEAT answers with the login page (a 200 that is not CSDL) or a 404', async () => {
    for (const answer of [[200, LOGIN_PAGE, { 'content-type': 'text/html' }], [404, '<html>404 - File or directory not found.</html>', { 'content-type': 'text/html' }]] as const) {
      route('GET', '/HEAT/api/odata/incidents/$metadata', [answer[0], answer[1], answer[2]]);
      route('GET', '/api/odata/incidents/$metadata', [200, CSDL, { 'content-type': 'application/xml' }]);
      const calls = route('GET', `${ODATA}/incidents('${IDS.incident}')`, [200, incidentBody()]);
      const ivanti = client({ probe: true });
      await ivanti.incidents.get(IDS.incident);
      expect(calls).toHaveLength(1);
      expect(await ivanti.baseUrl()).toBe(TENANT);
    }
  });

  it('keeps the prefix that answered 401, and the request fails with the AuthenticationError', async () => {
    route('GET', '/HEAT/api/odata/incidents/$metadata', [401, ismError('ISM_4001', 'Invalid Session key or Authentication token or Host', 'Authentication required')], { times: 2 });
    const calls = route('GET', `/HEAT${ODATA}/incidents('${IDS.incident}')`, [401, ismError('ISM_4001', 'Invalid Session key or Authentication token or Host', 'Authentication required')]);
    const error = await failure(client({ probe: true }).incidents.get(IDS.incident));
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as Error).message).toMatch(/Reference ID of an activated REST API key/);
    expect(calls).toHaveLength(1);
  });

  it('says where it looked when neither prefix has the API', async () => {
    route('GET', '/HEAT/api/odata/incidents/$metadata', [404, '<html>not found</html>', { 'content-type': 'text/html' }]);
    route('GET', '/api/odata/incidents/$metadata', [200, LOGIN_PAGE, { 'content-type': 'text/html' }]);
    const error = await failure(client({ probe: true }).incidents.get(IDS.incident));
    expect(error).toBeInstanceOf(ItsmError);
    expect(error).toMatchObject({ provider: 'ivanti', outcome: 'not_applied' });
    expect((error as Error).message).toMatch(/neither https:\/\/tenant\.ivanticloud\.com\/HEAT\/api\/odata nor https:\/\/tenant\.ivanticloud\.com\/api\/odata/);
  });

  it('does not probe when the base URL ends with /HEAT, or with probe: false', async () => {
    const heat = route('GET', `/heat${ODATA}/incidents('${IDS.incident}')`, [200, incidentBody()]);
    await client({ baseUrl: `${TENANT}/heat/`, probe: true }).incidents.get(IDS.incident);
    expect(heat).toHaveLength(1);
    const root = route('GET', `${ODATA}/incidents('${IDS.incident}')`, [200, incidentBody()]);
    await client({ probe: false }).incidents.get(IDS.incident);
    expect(root).toHaveLength(1);
  });

  it('builds links on the web URL: the webUrl option, else the API base after the probe', async () => {
    route('GET', '/HEAT/api/odata/incidents/$metadata', [200, CSDL, { 'content-type': 'application/xml' }]);
    const probed = client({ probe: true });
    expect(await probed.requestOfferings.directLink(IDS.offering)).toBe(`${TENANT}/HEAT/?Scope=SelfService&CommandId=NewServiceRequestByOfferingId&Tab=ServiceCatalog&Template=${IDS.offering}`);
    expect(await probed.recordLink('Incident', IDS.incident)).toBe(`${TENANT}/HEAT/Default.aspx?Scope=SelfService&CommandId=Open&Tab=Incident%23&ItemId=${IDS.incident}`);
    const sso = client({ webUrl: 'https://sso.example.com/HEAT' });
    expect(await sso.requestOfferings.directLink(IDS.offering, { commandId: 'New' })).toBe(`https://sso.example.com/HEAT/?Scope=SelfService&CommandId=New&Tab=ServiceCatalog&Template=${IDS.offering}`);
  });
});
