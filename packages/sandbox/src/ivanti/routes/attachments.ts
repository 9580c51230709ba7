/**
 * `/api/rest/Attachment`:
 *
 * - `POST` (multipart): the object as `ObjectID`/`ObjectId`/`businessObjectId`, its type as
 *   `ObjectType`/`objectType` (`Incident#`, `incident#`, `incident`, `ServiceReq#`), and one or more
 *   files (any part with a file name: `file`, `File`, …); `AttachmentType` is accepted and ignored.
 *   It answers an array `[{ FileName, IsUploaded, Message }]` whose `Message` is the new RecId; when
 *   any file is refused — an extension outside the tenant's allowlist ("Upload Failed, Invalid
 *   attachment type."), a name already attached to the object, a file over the size limit — the
 *   whole answer is **HTTP 300**. The parent is not checked (an all-zero RecId makes an orphan), and
 *   the new attachment's `ParentLink_*` stays empty unless `settings.uploadSetsParentLink`.
 * - `GET ?ID={attachmentRecId}`: the bytes, with the real content type and file name.
 * - `DELETE ?ID={attachmentRecId}`: 204, whether or not it existed.
 *
 * @module
 */
import { multipartBoundary, parseMultipart, type FormPart } from '../../multipart.js';
import type { SimRequest } from '../../simulator.js';
import { callerOf, canRead, requireCreate, requireDelete } from '../auth.js';
import { failBadRequest } from '../errors.js';
import { BUSINESS_OBJECTS, objectOfTable, tableOfCategory } from '../schema.js';
import { store } from '../store.js';
import type { Row } from '../table.js';
import { buildRow } from '../write.js';
import type { IvantiRouter } from './context.js';

const ATTACHMENTS = BUSINESS_OBJECTS.attachments;

/** One file's result. */
interface UploadResult {
  FileName: string;
  IsUploaded: boolean;
  Message: string;
}

function formField(parts: readonly FormPart[], ...names: string[]): string | undefined {
  const wanted = names.map((name) => name.toLowerCase());
  const part = parts.find((candidate) => candidate.filename === undefined && wanted.includes(candidate.name.toLowerCase()));
  return part === undefined ? undefined : new TextDecoder().decode(part.data).trim();
}

function idParam(request: SimRequest): string {
  for (const [name, value] of request.query) if (name.toLowerCase() === 'id' && value.trim() !== '') return value.trim();
  return failBadRequest('RecID cannot be blank, provide a valid RecID and try again');
}

/** Adds the attachment routes. */
export function attachmentRoutes(router: IvantiRouter): void {
  router
    .post('/api/rest/Attachment', (request, context) => {
      const caller = callerOf(request, context);
      const { state } = context;
      requireCreate(caller, ATTACHMENTS);
      const boundary = multipartBoundary(request.header('content-type'));
      const parts = boundary === undefined ? undefined : parseMultipart(request.body, boundary);
      if (parts === undefined) return failBadRequest('The request must be multipart/form-data.');
      const objectId = formField(parts, 'ObjectID', 'businessObjectId');
      const objectType = formField(parts, 'ObjectType');
      const files = parts.filter((part) => part.filename !== undefined);
      if (objectId === undefined || objectId === '') return failBadRequest('ObjectID cannot be blank, provide a valid ObjectID and try again');
      const table = objectType === undefined ? undefined : tableOfCategory(objectType);
      if (table === undefined) return failBadRequest(`Invalid ObjectType '${objectType ?? ''}'.`);
      if (files.length === 0) return failBadRequest('No file was found in the request.');

      const taken = new Set<string>();
      for (const row of state.tables.attachments.rows()) {
        const owner = String(row.ParentLink_RecID ?? state.files.get(row.RecId)?.uploadedFor ?? '');
        if (owner.toUpperCase() === objectId.toUpperCase()) taken.add(String(row.ATTACHNAME).toLowerCase());
      }
      const results: UploadResult[] = [];
      const actor = String(caller.employee.LoginID);
      const stamp = store.stamp(state);
      for (const file of files) {
        const name = (file.filename ?? '').split(/[\\/]/u).pop() ?? '';
        const extension = name.includes('.') ? (name.split('.').pop() ?? '').toLowerCase() : '';
        if (!state.settings.allowedExtensions.includes(extension)) {
          results.push({ FileName: name, IsUploaded: false, Message: 'Upload Failed, Invalid attachment type.' });
          continue;
        }
        if (file.data.byteLength > state.settings.attachmentMaxBytes) {
          results.push({ FileName: name, IsUploaded: false, Message: `Upload Failed, The file '${name}' exceeds the maximum attachment size of ${state.settings.attachmentMaxBytes} bytes.` });
          continue;
        }
        if (taken.has(name.toLowerCase())) {
          results.push({ FileName: name, IsUploaded: false, Message: `Upload Failed, A file with the name '${name}' is already attached to this object. Please change the name.` });
          continue;
        }
        taken.add(name.toLowerCase());
        const linked = state.settings.uploadSetsParentLink;
        const row: Row = buildRow(ATTACHMENTS, store.newRecId(state), {
          ATTACHNAME: name,
          ATTACHSIZE: file.data.byteLength,
          ATTACHTYPE: file.contentType.split(';')[0]?.trim() || 'application/octet-stream',
          ParentLink: linked ? objectId.toUpperCase() : null,
          ParentLink_RecID: linked ? objectId.toUpperCase() : null,
          ParentLink_Category: linked ? objectOfTable(table).name : null,
          CreatedBy: actor,
          CreatedDateTime: stamp,
          LastModBy: actor,
          LastModDateTime: stamp,
        });
        state.tables.attachments.insert(row);
        state.files.set(row.RecId, { content: file.data, uploadedFor: objectId.toUpperCase() });
        results.push({ FileName: name, IsUploaded: true, Message: row.RecId });
      }
      store.touch(state);
      return { status: results.every((result) => result.IsUploaded) ? 200 : 300, body: results };
    })
    .get('/api/rest/Attachment', (request, context) => {
      const caller = callerOf(request, context);
      const id = idParam(request);
      const row = canRead(caller, ATTACHMENTS) ? context.state.tables.attachments.get(id) : undefined;
      const file = row === undefined ? undefined : context.state.files.get(row.RecId);
      if (row === undefined || file === undefined) return failBadRequest(`Attachment for the object "${id}" not found, provide a valid RecID and try again`);
      return {
        status: 200,
        headers: {
          'content-type': String(row.ATTACHTYPE ?? 'application/octet-stream'),
          'content-disposition': `attachment; filename="${String(row.ATTACHNAME).replace(/"/gu, '')}"`,
        },
        body: file.content,
      };
    })
    .delete('/api/rest/Attachment', (request, context) => {
      const caller = callerOf(request, context);
      requireDelete(caller, ATTACHMENTS);
      const id = idParam(request);
      if (context.state.tables.attachments.delete(id)) {
        context.state.files.delete(id.toUpperCase());
        store.touch(context.state);
      }
      return { status: 204 };
    });
}
