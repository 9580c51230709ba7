import { ItsmError, NotFoundError } from '@itsm/core';
import { describe, expect, it } from 'vitest';
import { AttachmentUploadError } from '../../src/index.js';
import { IDS, ODATA, TENANT, client, failure, ismError, route, useNock, type Seen } from './support.js';

useNock();

const PARENT = { category: 'Incident', recId: IDS.incident };

function note(fields: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    '@odata.context': `${TENANT}/HEAT/api/odata/$metadata#journal__notess/$entity`,
    RecId: IDS.note,
    Subject: 'We reset your password.',
    NotesBody: 'We reset your password.',
    Category: 'Memo',
    Source: 'Other',
    JournalType: 'Notes',
    ParentLink_RecID: IDS.incident,
    ParentLink_Category: 'Incident',
    PublishToWeb: true,
    CreatedBy: 'svc-bot',
    CreatedDateTime: '2026-01-05T10:00:00Z',
    ...fields,
  };
}

function attachment(fields: Record<string, unknown> = {}): Record<string, unknown> {
  return { RecId: IDS.attachment, ATTACHNAME: 'trace.txt', ParentLink_RecID: IDS.incident, ParentLink_Category: 'Incident#', CreatedDateTime: '2026-01-05T10:00:00Z', ...fields };
}

/** The parts of a multipart body: name → [value or file name, content]. */
async function formParts(seen: Seen): Promise<Map<string, string[]>> {
  const form = await new Response(seen.text, { headers: { 'content-type': seen.headers.get('content-type') ?? '' } }).formData();
  const parts = new Map<string, string[]>();
  for (const [name, value] of form) {
    const text = typeof value === 'string' ? value : `${value.name}:${await value.text()}`;
    parts.set(name, [...(parts.get(name) ?? []), text]);
  }
  return parts;
}

describe('journal notes', () => {
  it('adds a note linked to its record in one call, internal by default, its subject from the first line', async () => {
    const calls = route('POST', `${ODATA}/journal__notess`, [[201, note({ PublishToWeb: false })], [201, note()]]);
    const internal = await client().journalNotes.add(PARENT, { body: '\n  First line that is the subject\nSecond line' });
    expect(internal.PublishToWeb).toBe(false);
    expect(calls[0]?.json()).toEqual({
      Subject: 'First line that is the subject',
      NotesBody: '\n  First line that is the subject\nSecond line',
      ParentLink_RecID: IDS.incident,
      ParentLink_Category: 'Incident',
      PublishToWeb: false,
    });
    await client().journalNotes.add({ category: 'ServiceReq#', recId: IDS.serviceRequest }, { body: 'x'.repeat(150), publishToWeb: true, category: 'Customer Notes', source: 'Self Service' });
    expect(calls[1]?.json()).toMatchObject({ Subject: `${'x'.repeat(99)}…`, ParentLink_Category: 'ServiceReq', PublishToWeb: true, Category: 'Customer Notes', Source: 'Self Service' });
  });

  it('lists a record\'s notes oldest first, optionally only the public ones', async () => {
    const calls = route('GET', `${ODATA}/journal__notess`, [[200, { value: [note()] }], [200, '']]);
    expect(await client().journalNotes.forRecord(IDS.incident).toArray({ limit: 10 })).toHaveLength(1);
    expect(await client().journalNotes.forRecord(IDS.incident, { publicOnly: true }).toArray({ limit: 10 })).toEqual([]);
    expect(calls[0]?.query).toMatchObject({ $filter: `ParentLink_RecID eq '${IDS.incident}'`, $orderby: 'CreatedDateTime asc,RecId asc' });
    expect(calls[1]?.query.$filter).toBe(`ParentLink_RecID eq '${IDS.incident}' and PublishToWeb eq true`);
  });

  it('refuses a bad parent or note before any request', async () => {
    await expect(client().journalNotes.add({ category: 'Incident', recId: 'x' }, { body: 'a' })).rejects.toMatchObject({ field: 'parent.recId' });
    await expect(client().journalNotes.add({ category: 'In cident', recId: IDS.incident }, { body: 'a' })).rejects.toMatchObject({ field: 'parent.category' });
    await expect(client().journalNotes.add(PARENT, { body: ' ' })).rejects.toMatchObject({ field: 'note.body' });
    await expect(client().journalNotes.add(PARENT, { body: 'a', visible: true } as never)).rejects.toMatchObject({ field: 'note.visible' });
  });
});

describe('attachments', () => {
  it('checks the record exists, uploads the files as multipart with businessObjectId/objectType, and links each file Ivanti left unlinked', async () => {
    const parent = route('GET', `${ODATA}/incidents('${IDS.incident}')`, [200, { '@odata.context': 'x' }]);
    const upload = route('POST', '/api/rest/Attachment', [200, [{ FileName: 'trace.txt', IsUploaded: true, Message: IDS.attachment }]]);
    route('GET', `${ODATA}/attachments('${IDS.attachment}')`, [200, attachment({ ParentLink_RecID: null, ParentLink_Category: null })]);
    const link = route('PATCH', `${ODATA}/attachments('${IDS.attachment}')`, [200, attachment()]);
    const [stored] = await client().attachments.upload(PARENT, { filename: 'trace.txt', content: 'stack trace', contentType: 'text/plain' });
    expect(stored).toMatchObject({ RecId: IDS.attachment, ParentLink_RecID: IDS.incident });
    expect(parent[0]?.query).toEqual({ $select: 'RecId' });
    const parts = await formParts(upload[0] as Seen);
    expect(Object.fromEntries(parts)).toEqual({ businessObjectId: [IDS.incident], objectType: ['Incident#'], file: ['trace.txt:stack trace'] });
    expect(link[0]?.json()).toEqual({ ParentLink_RecID: IDS.incident, ParentLink_Category: 'Incident#' });
  });

  it('uses ObjectID/ObjectType with uploadForm: "ObjectID", and leaves a linked file alone', async () => {
    route('GET', `${ODATA}/servicereqs('${IDS.serviceRequest}')`, [200, {}]);
    const upload = route('POST', '/api/rest/Attachment', [200, [{ FileName: 'a.txt', IsUploaded: true, Message: IDS.attachment }]]);
    route('GET', `${ODATA}/attachments('${IDS.attachment}')`, [200, attachment({ ParentLink_RecID: IDS.serviceRequest })]);
    await client({ uploadForm: 'ObjectID' }).attachments.upload({ category: 'ServiceReq', recId: IDS.serviceRequest }, [{ filename: 'a.txt', content: new Uint8Array([104, 105]) }]);
    expect(Object.fromEntries(await formParts(upload[0] as Seen))).toEqual({ ObjectID: [IDS.serviceRequest], ObjectType: ['ServiceReq#'], file: ['a.txt:hi'] });
  });

  it('uploads nothing for a record that does not exist (Ivanti would store an orphan)', async () => {
    route('GET', `${ODATA}/incidents('${IDS.missing}')`, [400, ismError('ISM_4000', 'Invalid Request Payload', 'Invalid key')]);
    await expect(client().attachments.upload({ category: 'Incident', recId: IDS.missing }, { filename: 'a.txt', content: 'x' })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('HTTP 300: an AttachmentUploadError listing the refused files; outcome applied when some were stored', async () => {
    route('GET', `${ODATA}/incidents('${IDS.incident}')`, [200, {}], { times: 2 });
    route('POST', '/api/rest/Attachment', [300, [
      { FileName: 'trace.txt', IsUploaded: true, Message: IDS.attachment },
      { FileName: 'trace.log', IsUploaded: false, Message: 'Upload Failed, Invalid attachment type.' },
    ]]);
    const error = (await failure(client().attachments.upload(PARENT, [{ filename: 'trace.txt', content: 'a' }, { filename: 'trace.log', content: 'b' }]))) as AttachmentUploadError;
    expect(error).toBeInstanceOf(AttachmentUploadError);
    expect(error).toMatchObject({ status: 300, outcome: 'applied', messages: ['trace.log: Upload Failed, Invalid attachment type.'] });
    expect(error.refused.map((file) => file.fileName)).toEqual(['trace.log']);
    expect(error.uploaded.map((file) => file.message)).toEqual([IDS.attachment]);
    expect(error.message).toMatch(/1 of 2 files were stored.*do not upload them again/);

    route('POST', '/api/rest/Attachment', [300, [{ FileName: 'x.md', IsUploaded: false, Message: "Upload Failed, A file with the name 'x.md' is already attached to this object. Please change the name." }]]);
    const none = (await failure(client().attachments.upload(PARENT, { filename: 'x.md', content: 'a' }))) as AttachmentUploadError;
    expect(none).toMatchObject({ outcome: 'not_applied' });
  });

  it('a 200 in which a file says IsUploaded: false is an AttachmentUploadError too', async () => {
    route('GET', `${ODATA}/incidents('${IDS.incident}')`, [200, {}]);
    route('POST', '/api/rest/Attachment', [200, [{ FileName: 'big.bin', IsUploaded: false, Message: 'Upload Failed, the file is too large.' }]]);
    const error = await failure(client().attachments.upload(PARENT, { filename: 'big.bin', content: 'a' }));
    expect(error).toBeInstanceOf(AttachmentUploadError);
    expect(error).toMatchObject({ status: 200, outcome: 'not_applied' });
  });

  it('says the file exists when linking it fails, so that nobody uploads it again', async () => {
    route('GET', `${ODATA}/incidents('${IDS.incident}')`, [200, {}]);
    route('POST', '/api/rest/Attachment', [200, [{ FileName: 'a.txt', IsUploaded: true, Message: IDS.attachment }]]);
    route('GET', `${ODATA}/attachments('${IDS.attachment}')`, [200, attachment({ ParentLink_RecID: null })]);
    route('PATCH', `${ODATA}/attachments('${IDS.attachment}')`, [400, ismError('ISM_4000', 'Invalid Request Payload', 'Role X does not have rights to update following fields: ParentLink_Category')]);
    const error = await failure(client().attachments.upload(PARENT, { filename: 'a.txt', content: 'x' }));
    expect(error).toBeInstanceOf(ItsmError);
    expect(error).toMatchObject({ outcome: 'applied' });
    expect((error as Error).message).toMatch(new RegExp(`stored a.txt as attachment ${IDS.attachment}.*rather than uploading it again`));
  });

  it('refuses bad files before any request', async () => {
    await expect(client().attachments.upload(PARENT, [])).rejects.toMatchObject({ field: 'files' });
    await expect(client().attachments.upload(PARENT, { filename: 'dir/a.txt', content: 'x' })).rejects.toMatchObject({ field: 'files.0.filename' });
    await expect(client().attachments.upload(PARENT, { filename: 'a.txt', content: 42 as never })).rejects.toMatchObject({ field: 'files.0.content' });
    await expect(client().attachments.upload(PARENT, { filename: 'a.txt', content: 'x', contentType: 'text' })).rejects.toMatchObject({ field: 'files.0.contentType' });
  });

  it("lists a record's attachments, downloads and deletes by the attachment's RecId", async () => {
    const list = route('GET', `${ODATA}/attachments`, [200, { value: [attachment()] }]);
    expect(await client().attachments.forRecord(IDS.incident).toArray({ limit: 10 })).toHaveLength(1);
    expect(list[0]?.query.$filter).toBe(`ParentLink_RecID eq '${IDS.incident}'`);
    const download = route('GET', '/api/rest/Attachment', [200, 'stack trace', { 'content-type': 'text/plain', 'content-disposition': 'attachment; filename=trace.txt' }]);
    expect(new TextDecoder().decode(await client().attachments.download(IDS.attachment))).toBe('stack trace');
    expect(download[0]?.query).toEqual({ ID: IDS.attachment });
    const remove = route('DELETE', '/api/rest/Attachment', [204, { code: 'ISM_2003', description: 'No Content', message: '', help: '' }]);
    await client().attachments.delete(IDS.attachment);
    expect(remove[0]?.query).toEqual({ ID: IDS.attachment });
  });
});

describe('employees', () => {
  it('finds every employee with an e-mail, compared exactly, any case', async () => {
    const calls = route('GET', `${ODATA}/employees`, [200, { value: [
      { RecId: IDS.employee, PrimaryEmail: 'Ann.Lee@Example.com', Status: 'Active' },
      { RecId: IDS.employee2, PrimaryEmail: 'ann.lee@example.com ', Status: 'Terminated' },
      { RecId: IDS.incident, PrimaryEmail: 'ann.leek@example.com' },
    ] }]);
    const found = await client().employees.findByEmail(' ann.lee@example.com ');
    expect(found.map((employee) => employee.RecId)).toEqual([IDS.employee, IDS.employee2]);
    expect(calls[0]?.query.$filter).toBe("PrimaryEmail eq 'ann.lee@example.com'");
    await expect(client().employees.findByEmail("x' or '1' eq '1")).rejects.toMatchObject({ field: 'email' });
  });

  it('finds by login ID', async () => {
    const calls = route('GET', `${ODATA}/employees`, [200, { value: [{ RecId: IDS.employee, LoginID: "O'Brien" }] }]);
    expect(await client().employees.findByLogin("o'brien")).toHaveLength(1);
    expect(calls[0]?.query.$filter).toBe("LoginID eq 'o''brien'");
  });
});
