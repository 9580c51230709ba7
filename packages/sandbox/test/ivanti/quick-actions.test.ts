import { describe, expect, it } from 'vitest';
import type { Page } from './support/http.js';
import { useIvantiSandbox } from './support/sandbox.js';

const ctx = useIvantiSandbox({ tickets: 80 });

type Json = Record<string, unknown>;

function actionId(set: string, name: string): string {
  return ctx.state.actionIds.get(`HelpdeskBot|${set}|${name}`) ?? '';
}

async function activeIncident(): Promise<string> {
  const reply = await ctx.call('POST', '/api/odata/businessobject/incidents', {
    json: { Subject: 'Printer jam', Symptom: 'x', ProfileLink_RecID: ctx.state.facts.knownRequester.recId, Status: 'Active', Category: 'Printing', Owner: ctx.state.facts.agent.loginId },
  });
  expect(reply.status, reply.text).toBe(201);
  return reply.body<{ RecId: string }>().RecId;
}

function closeBody(recId: string, prompts: { FieldName: string; Value: string }[]): Json {
  const id = actionId('incidents', 'Close_Incident');
  return {
    ActionId: id,
    ShouldSave: true,
    ActionParams: { FormParams: { actionId: id, actualObjectType: 'Incident#', objectId: recId }, GridParams: null },
    PromptParams: prompts.map((prompt) => ({ __type: 'DataLayer.PromptData', IsNewPrompt: true, ...prompt })),
  };
}

describe('quick actions', () => {
  it('closes an incident with the prompts a PATCH cannot give', async () => {
    const recId = await activeIncident();
    const gated = await ctx.call('PATCH', `/api/odata/businessobject/incidents('${recId}')`, { json: { Status: 'Closed' } });
    expect(gated.body<{ message: string[] }>().message[0]).toMatch(/DataLayer\.PromptException/);
    const reply = await ctx.call('POST', `/api/odata/businessobject/incidents('${recId}')/Close_Incident`, {
      json: closeBody(recId, [
        { FieldName: 'Status', Value: 'Closed' },
        { FieldName: 'CauseCode', Value: 'Hardware' },
        { FieldName: 'Resolution', Value: 'Cleared the jam' },
      ]),
    });
    expect(reply.status).toBe(200);
    expect(reply.body()).toEqual({ status: 'OK', saved: true, validationErrors: {}, errorMessages: [] });
    const closed = await ctx.call('GET', `/api/odata/businessobject/incidents('${recId}')`);
    expect(closed.body<Json>()).toMatchObject({ Status: 'Closed', CauseCode: 'Hardware', Resolution: 'Cleared the jam', ReadOnly: true });
  });

  it('reports a missing prompt in validationErrors with HTTP 200, and changes nothing', async () => {
    const recId = await activeIncident();
    const reply = await ctx.call('POST', `/api/odata/businessobject/incidents('${recId}')/Close_Incident`, { json: closeBody(recId, [{ FieldName: 'Resolution', Value: 'Done' }]) });
    expect(reply.status).toBe(200);
    expect(reply.body()).toEqual({
      status: 'error',
      saved: false,
      validationErrors: { [recId]: { fieldErrors: { CauseCode: { fieldMessages: ['CauseCode: Required field Incident.Cause Code value must be provided'] } } } },
      errorMessages: [],
    });
    expect((await ctx.call('GET', `/api/odata/businessobject/incidents('${recId}')`)).body<Json>().Status).toBe('Active');
  });

  it('checks without saving when ShouldSave is false', async () => {
    const recId = await activeIncident();
    const body = { ...closeBody(recId, [{ FieldName: 'CauseCode', Value: 'Hardware' }, { FieldName: 'Resolution', Value: 'x' }]), ShouldSave: false };
    const reply = await ctx.call('POST', `/api/odata/businessobject/incidents('${recId}')/Close_Incident`, { json: body });
    expect(reply.body<Json>()).toMatchObject({ status: 'OK', saved: false });
    expect((await ctx.call('GET', `/api/odata/businessobject/incidents('${recId}')`)).body<Json>().Status).toBe('Active');
  });

  it('refuses an ActionId of another tenant or role with 400', async () => {
    const recId = await activeIncident();
    const reply = await ctx.call('POST', `/api/odata/businessobject/incidents('${recId}')/Close_Incident`, { json: { ...closeBody(recId, []), ActionId: '3492dbcc-e502-44fd-9790-e3e45cb26c45' } });
    expect(reply.status).toBe(400);
    expect(reply.body<{ code: string }>().code).toBe('ISM_4000');
  });

  it('answers a reopen of a closed record with saved: true, status: error, and leaves it closed', async () => {
    const { closedIncident } = ctx.state.facts;
    const id = actionId('incidents', 'Reopen_Incident');
    const reply = await ctx.call('POST', `/api/odata/businessobject/incidents('${closedIncident.recId}')/Reopen_Incident`, { json: { ActionId: id, ShouldSave: true, PromptParams: [] } });
    expect(reply.body<Json>()).toMatchObject({ status: 'error', saved: true });
    expect((await ctx.call('GET', `/api/odata/businessobject/incidents('${closedIncident.recId}')`)).body<Json>().Status).toBe('Closed');
  });

  it('reopens a resolved incident', async () => {
    const { resolvedIncident } = ctx.state.facts;
    const id = actionId('incidents', 'Reopen_Incident');
    const reply = await ctx.call('POST', `/api/odata/businessobject/incidents('${resolvedIncident.recId}')/Reopen_Incident`, { json: { ActionId: id, ShouldSave: true } });
    expect(reply.body<Json>()).toMatchObject({ status: 'OK', saved: true });
    expect((await ctx.call('GET', `/api/odata/businessobject/incidents('${resolvedIncident.recId}')`)).body<Json>()).toMatchObject({ Status: 'Active', ResolvedDateTime: null });
  });

  it('answers a UIAction OK and does nothing', async () => {
    const recId = await activeIncident();
    const before = (await ctx.call('GET', `/api/odata/businessobject/incidents('${recId}')`)).body<Json>();
    const reply = await ctx.call('POST', `/api/odata/businessobject/incidents('${recId}')/Print_Incident`, { json: { ActionId: actionId('incidents', 'Print_Incident') } });
    expect(reply.body<Json>()).toMatchObject({ status: 'OK', saved: true });
    expect((await ctx.call('GET', `/api/odata/businessobject/incidents('${recId}')`)).body<Json>()).toEqual(before);
  });

  it('cancels a submitted service request, but not a closed one', async () => {
    const created = await ctx.call('POST', '/api/odata/businessobject/servicereqs', { json: { Symptom: 'x', ProfileLink_RecID: ctx.state.facts.knownRequester.recId } });
    const recId = created.body<{ RecId: string }>().RecId;
    const id = actionId('servicereqs', 'Cancel_ServiceReq');
    const reply = await ctx.call('POST', `/api/odata/businessobject/servicereqs('${recId}')/Cancel_ServiceReq`, { json: { ActionId: id } });
    expect(reply.body<Json>()).toMatchObject({ status: 'OK', saved: true });
    const again = await ctx.call('POST', `/api/odata/businessobject/servicereqs('${recId}')/Cancel_ServiceReq`, { json: { ActionId: id } });
    expect(again.body<Json>()).toMatchObject({ status: 'error', saved: true });
  });
});

describe('saved searches', () => {
  it('runs a saved search with its ActionId, "My" meaning the key\'s own account', async () => {
    const recId = await activeIncident();
    await ctx.call('PATCH', `/api/odata/businessobject/incidents('${recId}')`, { json: { Owner: ctx.state.facts.serviceAccount.loginId } });
    const reply = await ctx.call('GET', `/api/odata/businessobject/incidents/My_Open_Incidents?ActionId=${actionId('incidents', 'My_Open_Incidents')}&$top=100`);
    expect(reply.status).toBe(200);
    const rows = reply.body<Page>().value;
    expect(rows.map((row) => row.RecId)).toContain(recId);
    for (const row of rows) expect(row.Owner).toBe(ctx.state.facts.serviceAccount.loginId);
  });

  it('keeps every key and blanks the unselected values under $select', async () => {
    const reply = await ctx.call('GET', `/api/odata/businessobject/incidents/All_Open_Incidents?ActionId=${actionId('incidents', 'All_Open_Incidents')}&$top=1&$select=Subject`);
    const [row] = reply.body<Page>().value;
    expect(Object.keys(row ?? {}).length).toBeGreaterThan(40);
    expect(row?.Subject).not.toBeNull();
    expect(row?.Status).toBeNull();
  });

  it('refuses a wrong ActionId', async () => {
    const reply = await ctx.call('GET', '/api/odata/businessobject/incidents/All_Open_Incidents?ActionId=00000000-0000-0000-0000-000000000000');
    expect(reply.status).toBe(400);
  });
});
