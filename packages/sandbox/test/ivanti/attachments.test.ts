import { describe, expect, it } from 'vitest';
import { useIvantiSandbox } from './support/sandbox.js';

const ctx = useIvantiSandbox({ tickets: 60 });

type Json = Record<string, unknown>;
type Result = { FileName: string; IsUploaded: boolean; Message: string };

async function newIncident(): Promise<string> {
  const reply = await ctx.call('POST', '/api/odata/businessobject/incidents', { json: { Subject: 'Screenshot attached', Symptom: 'x', ProfileLink_RecID: ctx.state.facts.knownRequester.recId } });
  return reply.body<{ RecId: string }>().RecId;
}

function form(fields: Record<string, string>, files: { field?: string; name: string; content: string; type?: string }[]): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  for (const file of files) data.append(file.field ?? 'file', new Blob([file.content], { type: file.type ?? 'text/plain' }), file.name);
  return data;
}

describe('attachments', () => {
  it.each([
    ['businessObjectId/objectType/file', { businessObjectId: 'ID', objectType: 'Incident#' }, 'file'],
    ['ObjectID/ObjectType/File with AttachmentType', { AttachmentType: 'File', ObjectID: 'ID', ObjectType: 'incident#' }, 'File'],
    ['ObjectID/ObjectType "incident"', { ObjectID: 'ID', ObjectType: 'incident' }, 'File'],
  ])('uploads with the %s field names, then lets the client link the file by PATCH', async (_name, fields, fileField) => {
    const recId = await newIncident();
    const concrete = Object.fromEntries(Object.entries(fields).map(([key, value]) => [key, value === 'ID' ? recId : value]));
    const reply = await ctx.call('POST', '/api/rest/Attachment', { body: form(concrete, [{ field: fileField, name: 'notes.txt', content: 'hello ivanti\n' }]) });
    expect(reply.status).toBe(200);
    const [result] = reply.body<Result[]>();
    expect(result).toMatchObject({ FileName: 'notes.txt', IsUploaded: true });
    expect(result?.Message).toMatch(/^[0-9A-F]{32}$/);
    const attachmentId = result?.Message ?? '';
    // As measured, the upload leaves the parent link empty: the file is on no ticket yet.
    const row = await ctx.call('GET', `/api/odata/businessobject/attachments('${attachmentId}')`);
    expect(row.body<Json>()).toMatchObject({ ATTACHNAME: 'notes.txt', ATTACHSIZE: 13, ParentLink_RecID: null });
    const refused = await ctx.call('PATCH', `/api/odata/businessobject/attachments('${attachmentId}')`, { json: { ParentLink_RecID: recId, ParentLink_Category: 'Incident' } });
    expect(refused.body<{ message: string[] }>().message).toEqual(['Role HelpdeskBot does not have rights to update following fields: ParentLink_Category']);
    const linked = await ctx.call('PATCH', `/api/odata/businessobject/attachments('${attachmentId}')`, { json: { ParentLink_RecID: recId, ParentLink_Category: 'Incident#' } });
    expect(linked.body<Json>()).toMatchObject({ ParentLink_RecID: recId, ParentLink_Category: 'Incident#' });
    const listed = await ctx.call('GET', `/api/odata/businessobject/incidents('${recId}')/IncidentContainsAttachment`);
    expect(listed.body<{ value: Json[] }>().value.map((item) => item.RecId)).toEqual([attachmentId]);
    const download = await ctx.call('GET', `/api/rest/Attachment?ID=${attachmentId}`);
    expect(download.status).toBe(200);
    expect(download.text).toBe('hello ivanti\n');
    expect(download.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(download.headers.get('content-disposition')).toBe('attachment; filename="notes.txt"');
  });

  it('links the parent itself when the tenant does (settings.uploadSetsParentLink)', async () => {
    ctx.state.settings.uploadSetsParentLink = true;
    const recId = await newIncident();
    const reply = await ctx.call('POST', '/api/rest/Attachment', { body: form({ ObjectID: recId, ObjectType: 'Incident#' }, [{ name: 'a.txt', content: 'a' }]) });
    const attachmentId = reply.body<Result[]>()[0]?.Message ?? '';
    const row = await ctx.call('GET', `/api/odata/businessobject/attachments('${attachmentId}')`);
    expect(row.body<Json>()).toMatchObject({ ParentLink_RecID: recId, ParentLink_Category: 'Incident' });
  });

  it('answers HTTP 300 with the per-file results when a file is refused by extension or by a duplicate name', async () => {
    const recId = await newIncident();
    const first = await ctx.call('POST', '/api/rest/Attachment', { body: form({ ObjectID: recId, ObjectType: 'Incident#' }, [{ name: 'screen.png', content: 'png', type: 'image/png' }]) });
    expect(first.status).toBe(200);
    const reply = await ctx.call('POST', '/api/rest/Attachment', {
      body: form({ ObjectID: recId, ObjectType: 'Incident#' }, [
        { name: 'vpn.log', content: 'log' },
        { name: 'screen.png', content: 'again', type: 'image/png' },
        { name: 'fine.txt', content: 'ok' },
      ]),
    });
    expect(reply.status).toBe(300);
    const results = reply.body<Result[]>();
    expect(results.map((result) => [result.FileName, result.IsUploaded])).toEqual([
      ['vpn.log', false],
      ['screen.png', false],
      ['fine.txt', true],
    ]);
    expect(results[0]?.Message).toBe('Upload Failed, Invalid attachment type.');
    expect(results[1]?.Message).toBe("Upload Failed, A file with the name 'screen.png' is already attached to this object. Please change the name.");
  });

  it('does not check the parent: an all-zero RecId makes an orphan', async () => {
    const reply = await ctx.call('POST', '/api/rest/Attachment', { body: form({ ObjectID: '00000000000000000000000000000000', ObjectType: 'Incident#' }, [{ name: 'orphan.txt', content: 'x' }]) });
    expect(reply.status).toBe(200);
  });

  it('refuses a file over the size limit with HTTP 300', async () => {
    ctx.state.settings.attachmentMaxBytes = 4;
    const recId = await newIncident();
    const reply = await ctx.call('POST', '/api/rest/Attachment', { body: form({ ObjectID: recId, ObjectType: 'Incident#' }, [{ name: 'big.txt', content: '12345' }]) });
    expect(reply.status).toBe(300);
    expect(reply.body<Result[]>()[0]?.IsUploaded).toBe(false);
  });

  it('downloads a seeded attachment as bytes, and answers an unknown id with a "not found" 400', async () => {
    const { incidentWithAttachment } = ctx.state.facts;
    const reply = await ctx.call('GET', `/api/rest/Attachment?ID=${incidentWithAttachment.attachmentRecId}`);
    expect(reply.status).toBe(200);
    expect(reply.bytes).toEqual(ctx.state.files.get(incidentWithAttachment.attachmentRecId)?.content);
    const unknown = await ctx.call('GET', '/api/rest/Attachment?ID=1234');
    expect(unknown.body()).toEqual({ code: 'ISM_4000', description: 'Invalid Request Payload', message: ['Attachment for the object "1234" not found, provide a valid RecID and try again'], help: '' });
    const blank = await ctx.call('GET', '/api/rest/Attachment?ID=');
    expect(blank.body<{ message: string[] }>().message).toEqual(['RecID cannot be blank, provide a valid RecID and try again']);
  });

  it('deletes with 204, and answers 204 for an attachment that never existed too', async () => {
    const { incidentWithAttachment } = ctx.state.facts;
    expect((await ctx.call('DELETE', `/api/rest/Attachment?ID=${incidentWithAttachment.attachmentRecId}`)).status).toBe(204);
    expect((await ctx.call('GET', `/api/rest/Attachment?ID=${incidentWithAttachment.attachmentRecId}`)).status).toBe(400);
    expect((await ctx.call('DELETE', '/api/rest/Attachment?ID=FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF')).status).toBe(204);
  });

  it('refuses the upload to a role without the rights, and a body that is not multipart', async () => {
    const recId = await newIncident();
    const limited = await ctx.call('POST', '/api/rest/Attachment', { auth: ctx.limited, body: form({ ObjectID: recId, ObjectType: 'Incident#' }, [{ name: 'a.txt', content: 'a' }]) });
    expect(limited.body<{ message: string[] }>().message).toEqual(['Role ReportViewer does not have rights to create object Attachment#.']);
    const json = await ctx.call('POST', '/api/rest/Attachment', { json: { ObjectID: recId } });
    expect(json.status).toBe(400);
  });
});
