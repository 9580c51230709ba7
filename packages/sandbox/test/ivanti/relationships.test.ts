import { describe, expect, it } from 'vitest';
import type { Page } from './support/http.js';
import { useIvantiSandbox } from './support/sandbox.js';

const ctx = useIvantiSandbox({ tickets: 80 });

type Json = Record<string, unknown>;

async function create(set: string, json: Json): Promise<Json & { RecId: string }> {
  const reply = await ctx.call('POST', `/api/odata/businessobject/${set}`, { json });
  expect(reply.status, reply.text).toBe(201);
  return reply.body();
}

function customer() {
  return { ProfileLink_RecID: ctx.state.facts.knownRequester.recId, ProfileLink_Category: 'Employee' };
}

describe('relationships', () => {
  it('lists a ticket\'s notes and attachments through its relationships', async () => {
    const { incidentWithNotes, incidentWithAttachment } = ctx.state.facts;
    const notes = await ctx.call('GET', `/api/odata/businessobject/incidents('${incidentWithNotes.recId}')/IncidentContainsJournal`);
    const body = notes.body<{ '@odata.context': string; value: Json[] }>();
    expect(body['@odata.context']).toBe(`${ctx.sb.url('ivanti')}/HEAT/api/odata/$metadata#Collection(MetaData.journal)`);
    expect(body.value.map((row) => row.PublishToWeb)).toEqual(expect.arrayContaining([true, false]));
    const attachments = await ctx.call('GET', `/api/odata/businessobject/incidents('${incidentWithAttachment.recId}')/IncidentContainsAttachment`);
    expect(attachments.body<{ value: Json[] }>().value.map((row) => row.RecId)).toContain(incidentWithAttachment.attachmentRecId);
    // The same rows as a filter on the children.
    const filtered = await ctx.call('GET', `/api/odata/businessobject/attachments?$filter=ParentLink_RecID eq '${incidentWithAttachment.recId}'`);
    expect(filtered.body<Page>().value.map((row) => row.RecId).sort()).toEqual(attachments.body<{ value: Json[] }>().value.map((row) => row.RecId).sort());
  });

  it('follows a reference to the owner\'s employee record', async () => {
    const incident = [...ctx.state.tables.incidents.rows()].find((row) => row.Owner !== null);
    const reply = await ctx.call('GET', `/api/odata/businessobject/incidents('${String(incident?.RecId)}')/IncidentOwnerEmployee`);
    expect(reply.body<{ value: Json[] }>().value).toMatchObject([{ LoginID: incident?.Owner }]);
  });

  it('links a note to a ticket with PATCH …/$Ref (ISM_2000), moving it from another parent, and unlinks it with DELETE', async () => {
    const first = await create('incidents', { Subject: 'First', Symptom: 'x', ...customer() });
    const second = await create('incidents', { Subject: 'Second', Symptom: 'y', ...customer() });
    const note = await create('journal__notess', { Subject: 'Floating note', NotesBody: 'Linked later' });
    expect(note.ParentLink_RecID).toBeNull();
    const linked = await ctx.call('PATCH', `/api/odata/businessobject/incidents('${first.RecId}')/IncidentContainsJournal('${note.RecId}')/$Ref`);
    expect(linked.status).toBe(200);
    expect(linked.body()).toEqual({ code: 'ISM_2000', description: 'Ok', message: ['Successfully Created the link'], help: '' });
    const moved = await ctx.call('PATCH', `/api/odata/businessobject/incidents('${second.RecId}')/IncidentContainsJournal('${note.RecId}')/$ref`);
    expect(moved.status).toBe(200);
    const onFirst = await ctx.call('GET', `/api/odata/businessobject/incidents('${first.RecId}')/IncidentContainsJournal`);
    expect(onFirst.body()).toEqual({ value: 'No instances found.' });
    const onSecond = await ctx.call('GET', `/api/odata/businessobject/incidents('${second.RecId}')/IncidentContainsJournal`);
    expect(onSecond.body<{ value: Json[] }>().value.map((row) => row.RecId)).toEqual([note.RecId]);
    const unlinked = await ctx.call('DELETE', `/api/odata/businessobject/incidents('${second.RecId}')/IncidentContainsJournal('${note.RecId}')/$Ref`);
    expect(unlinked.body()).toEqual({ code: 'ISM_2000', description: 'Ok', message: ['Successfully Deleted the link'], help: '' });
    const after = await ctx.call('GET', `/api/odata/businessobject/journal__notess('${note.RecId}')`);
    expect(after.body<Json>()).toMatchObject({ ParentLink: null, ParentLink_RecID: null, ParentLink_Category: null });
  });

  it('orphans an attachment that is unlinked, as on a live tenant', async () => {
    const { incidentWithAttachment } = ctx.state.facts;
    const reply = await ctx.call('DELETE', `/api/odata/businessobject/incidents('${incidentWithAttachment.recId}')/IncidentContainsAttachment('${incidentWithAttachment.attachmentRecId}')/$Ref`);
    expect(reply.status).toBe(200);
    const attachment = await ctx.call('GET', `/api/odata/businessobject/attachments('${incidentWithAttachment.attachmentRecId}')`);
    expect(attachment.body<Json>()).toMatchObject({ ParentLink_RecID: null, ParentLink_Category: null });
  });

  it('associates incidents and service requests many-to-many, seen from both sides', async () => {
    const incident = await create('incidents', { Subject: 'Laptop broken', Symptom: 'x', ...customer() });
    const request = await create('servicereqs', { Symptom: 'Replacement laptop', ...customer() });
    await ctx.call('PATCH', `/api/odata/businessobject/incidents('${incident.RecId}')/IncidentAssociatedServiceReq('${request.RecId}')/$Ref`);
    const forward = await ctx.call('GET', `/api/odata/businessobject/incidents('${incident.RecId}')/IncidentAssociatedServiceReq`);
    expect(forward.body<{ value: Json[] }>().value.map((row) => row.RecId)).toEqual([request.RecId]);
    const reverse = await ctx.call('GET', `/api/odata/businessobject/servicereqs('${request.RecId}')/ServiceReqAssociatedIncident`);
    expect(reverse.body<{ value: Json[] }>().value.map((row) => row.RecId)).toEqual([incident.RecId]);
    await ctx.call('DELETE', `/api/odata/businessobject/servicereqs('${request.RecId}')/ServiceReqAssociatedIncident('${incident.RecId}')/$Ref`);
    expect((await ctx.call('GET', `/api/odata/businessobject/incidents('${incident.RecId}')/IncidentAssociatedServiceReq`)).body()).toEqual({ value: 'No instances found.' });
  });

  it('answers a target that does not exist, a relationship that does not exist and a source that does not exist', async () => {
    const { incidentWithNotes } = ctx.state.facts;
    const target = await ctx.call('PATCH', `/api/odata/businessobject/incidents('${incidentWithNotes.recId}')/IncidentContainsJournal('1234')/$Ref`);
    expect(target.body()).toEqual({ code: 'ISM_4000', description: 'Invalid Request Payload', message: ["Record '1234' cannot be found in the related business object 'Journal#'."], help: '' });
    const relationship = await ctx.call('GET', `/api/odata/businessobject/incidents('${incidentWithNotes.recId}')/IncidentAssociatedJournalNote`);
    expect(relationship.status).toBe(404);
    const source = await ctx.call('GET', "/api/odata/businessobject/incidents('00000000000000000000000000000000')/IncidentContainsJournal");
    expect(source.body<{ message: string[] }>().message).toEqual(['Invalid key']);
  });
});
