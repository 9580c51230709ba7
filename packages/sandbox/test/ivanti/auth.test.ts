import { describe, expect, it } from 'vitest';
import { useIvantiSandbox } from './support/sandbox.js';
import type { Page } from './support/http.js';

const ctx = useIvantiSandbox({ tickets: 60 });

describe('REST API key authentication', () => {
  it('accepts exactly `rest_api_key=<key>`', async () => {
    const reply = await ctx.call('GET', '/api/odata/businessobject/incidents?$top=1');
    expect(reply.status).toBe(200);
    expect(reply.body<Page>().value).toHaveLength(1);
  });

  it('answers a request without the header with the documented 401 ISM_4001', async () => {
    const reply = await ctx.call('GET', '/api/odata/businessobject/incidents', { auth: false });
    expect(reply.status).toBe(401);
    expect(reply.body()).toEqual({ code: 'ISM_4001', description: 'Invalid session key or session timed out', message: ['Authentication required'], help: '' });
  });

  it.each([
    ['a wrong key', 'rest_api_key=0123456789ABCDEF0123456789ABCDEF'],
    ['an empty key', 'rest_api_key='],
    ['the Bearer scheme', 'Bearer KEY'],
    ['a space instead of the equals sign', 'rest_api_key KEY'],
    ['braces around the key', 'rest_api_key={KEY}'],
    ['the key alone', 'KEY'],
  ])('refuses %s with the measured 401 ISM_4001', async (_name, header) => {
    const key = ctx.sb.credentials.ivanti.apiKey ?? '';
    const reply = await ctx.call('GET', '/api/odata/businessobject/employees', { auth: header.replace('KEY', key) });
    expect(reply.status).toBe(401);
    expect(reply.body()).toEqual({ code: 'ISM_4001', description: 'Invalid Session key or Authentication token or Host', message: ['Authentication required'], help: '' });
  });

  it('checks the key on the REST API and $metadata too, but not on the login page', async () => {
    expect((await ctx.call('GET', `/api/rest/Template/${ctx.state.facts.knownRequester.recId}/_All_`, { auth: false })).status).toBe(401);
    expect((await ctx.call('GET', '/api/odata/incidents/$metadata', { auth: false, headers: { accept: 'application/xml' } })).status).toBe(401);
    expect((await ctx.call('GET', '/Default.aspx', { auth: false })).status).toBe(200);
  });

  it('answers with the JSON content type of OData and an OData-Version', async () => {
    const reply = await ctx.call('GET', '/api/odata/businessobject/incidents?$top=1');
    expect(reply.headers.get('content-type')).toMatch(/^application\/json; odata\.metadata=minimal/);
    expect(reply.headers.get('odata-version')).toBe('4.0');
  });
});

describe('the limited key (ReportViewer)', () => {
  it('reads employees and incidents', async () => {
    const employees = await ctx.call('GET', '/api/odata/businessobject/employees?$top=5', { auth: ctx.limited });
    expect(employees.status).toBe(200);
    expect(employees.body<Page>().value).toHaveLength(5);
    const incidents = await ctx.call('GET', '/api/odata/businessobject/incidents?$top=5', { auth: ctx.limited });
    expect(incidents.body<Page>().value).toHaveLength(5);
  });

  it('reads service requests and the catalog as empty, as Ivanti scopes OData to the role', async () => {
    const requests = await ctx.call('GET', '/api/odata/businessobject/servicereqs', { auth: ctx.limited });
    expect([requests.status, requests.text]).toEqual([200, '']);
    const templates = await ctx.call('GET', '/api/odata/businessobject/ServiceReqTemplates', { auth: ctx.limited });
    expect([templates.status, templates.text]).toEqual([200, '']);
    const offerings = await ctx.call('GET', `/api/rest/Template/${ctx.state.facts.knownRequester.recId}/_All_`, { auth: ctx.limited });
    expect(offerings.status).toBe(204);
    const one = await ctx.call('GET', `/api/odata/businessobject/servicereqs('${ctx.state.facts.serviceRequestWithParams.recId}')`, { auth: ctx.limited });
    expect(one.status).toBe(400);
    expect(one.body<{ message: string[] }>().message).toEqual(['Invalid key']);
  });

  it('may write nothing: each refusal names the role', async () => {
    const { facts } = ctx.state;
    const create = await ctx.call('POST', '/api/odata/businessobject/incidents', {
      auth: ctx.limited,
      json: { Subject: 'x', Symptom: 'y', ProfileLink_RecID: facts.knownRequester.recId, ProfileLink_Category: 'Employee' },
    });
    expect(create.status).toBe(400);
    expect(create.body()).toEqual({ code: 'ISM_4000', description: 'Invalid Request Payload', message: ['Role ReportViewer does not have rights to create object Incident#.'], help: '' });
    const update = await ctx.call('PATCH', `/api/odata/businessobject/incidents('${facts.loggedIncident.recId}')`, { auth: ctx.limited, json: { Status: 'Active', Subject: 'z' } });
    expect(update.body<{ message: string[] }>().message).toEqual(['Role ReportViewer does not have rights to update following fields: Status, Subject']);
    const remove = await ctx.call('DELETE', `/api/odata/businessobject/incidents('${facts.loggedIncident.recId}')`, { auth: ctx.limited });
    expect(remove.body<{ message: string[] }>().message).toEqual(['Role ReportViewer does not have rights to delete object Incident#.']);
  });

  it('does not see the service account\'s quick actions or saved searches in $metadata', async () => {
    const mine = await ctx.call('GET', '/api/odata/incidents/$metadata', { headers: { accept: 'application/xml' } });
    const limited = await ctx.call('GET', '/api/odata/incidents/$metadata', { auth: ctx.limited, headers: { accept: 'application/xml' } });
    expect(mine.text).toContain('<Action Name="Close_Incident">');
    expect(mine.text).toContain('<Function Name="My_Open_Incidents">');
    expect(limited.text).not.toContain('<Action ');
    expect(limited.text).not.toContain('<Function ');
    expect(limited.text).toContain('<EntityType Name="incident">');
  });
});
