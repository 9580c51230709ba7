/**
 * Robustness: malformed bodies, queries and paths get Ivanti's answers, never the sandbox's own 500
 * (which is what an exception in a handler becomes). Ivanti's deliberate 500s (`ISM_5000`) carry
 * its error body.
 */
import { describe, expect, it } from 'vitest';
import { useIvantiSandbox } from './support/sandbox.js';

const ctx = useIvantiSandbox({ tickets: 30 });

const BODIES: unknown[] = [
  null, [], 'x', 5, true, {},
  { Subject: null, Symptom: [], ProfileLink_RecID: {} }, { Subject: 5, Symptom: true, ProfileLink: 5, ProfileLink_Category: [] },
  { Status: 5 }, { Status: null }, { Status: 'Active', Owner: {} }, { Urgency: [], Impact: {} }, { CreatedDateTime: 'x', IncidentNumber: 'x' },
  { '@odata.context': 'x', RecId: 5 }, { ParentLink_RecID: 5, ParentLink_Category: 5 }, { PublishToWeb: 'yes' }, { __proto__: { Subject: 'x' } },
  { ActionId: null, PromptParams: 'x' }, { ActionId: 5, PromptParams: [null, 5, { FieldName: 5 }] },
  { subscriptionId: 5, strUserId: null }, { subscriptionId: 'x', strUserId: 'y', parameters: 'x' }, { subscriptionId: 'x', strUserId: 'y', parameters: { 'par-x': {} }, serviceReqData: [] },
  { constraintParams: 'x', query: 5 }, { constraintParams: [null, { queryFieldName: 5 }] },
  { Text: 5, ObjectType: {} }, { Text: 'x', ObjectType: 'Incident', Top: 'x', Skip: -5 },
];

describe('malformed input', () => {
  it('answers malformed bodies with Ivanti\'s errors, never an exception', { timeout: 120_000 }, async () => {
    const { facts } = ctx.state;
    const param = [...ctx.state.tables.servicereqtemplateparams.rows()][1]?.RecId ?? 'x';
    const routes: [string, string][] = [
      ['POST', '/api/odata/businessobject/incidents'],
      ['PATCH', `/api/odata/businessobject/incidents('${facts.loggedIncident.recId}')`],
      ['PUT', `/api/odata/businessobject/servicereqs('${facts.serviceRequestWithParams.recId}')`],
      ['POST', '/api/odata/businessobject/journal__notess'],
      ['POST', `/api/odata/businessobject/incidents('${facts.loggedIncident.recId}')/Close_Incident`],
      ['POST', '/api/rest/ServiceRequest/new'],
      ['POST', `/api/rest/ServiceRequest/${param}/ValidationList`],
      ['POST', '/api/rest/search/fulltext'],
      ['POST', '/api/rest/Attachment'],
    ];
    for (const [method, path] of routes) {
      for (const body of BODIES) await ctx.call(method, path, { json: body });
      for (const raw of ['', '{', 'nul', '\u0000', '{"a":1}{']) await ctx.call(method, path, { body: raw, headers: { 'content-type': 'application/json' } });
    }
    for (const path of [
      "/api/odata/businessobject/incidents('x",
      '/api/odata/businessobject/incidents(%27%E0%A4%A%27)',
      "/api/odata/businessobject/incidents?$filter=%27&$orderby=,,&$select=,",
      "/api/odata/businessobject/incidents?$filter=((((Status eq 'x'",
      "/api/odata/businessobject/incidents?$filter=Status eq eq 'x'",
      "/api/odata/businessobject/incidents?$filter=contains(Subject,'a'&$top=-5",
      '/api/odata/businessobject/incidents?$top=1e3&$skip=abc',
      "/api/odata/businessobject/incidents('x')/IncidentContainsJournal('y')/$Ref",
      '/api/odata/businessobject/incidents/Nope?ActionId=x',
      '/api/rest/Template/x/_All_',
      '/api/rest/Attachment?ID=%00',
    ]) {
      for (const method of ['GET', 'POST', 'PATCH', 'DELETE']) await ctx.call(method, path);
    }
    const failures = ctx.sb.requests.filter((entry) => entry.error !== undefined).map((entry) => `${entry.method} ${entry.path} ${entry.error ?? ''}`);
    expect(failures).toEqual([]);
    expect(ctx.sb.requests.length).toBeGreaterThan(300);
  });
});
