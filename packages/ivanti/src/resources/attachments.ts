/**
 * `ivanti.attachments`: files attached to records. Upload through `POST /api/rest/Attachment`
 * (multipart), list through the `attachments` business object, download and delete through
 * `/api/rest/Attachment?ID=`.
 *
 * @module
 */
import { ItsmError, type Paginator, type Transport } from '@itsm/core';
import { fileBlob, isFileContent, type CallOptions, type FileContent } from '@itsm/core/provider';
import * as z from 'zod/mini';
import { odata } from '../odata/builder.js';
import type { ODataPage } from '../odata/collection.js';
import { checkRecId } from '../odata/names.js';
import type { UploadFormStyle } from '../options.js';
import { IVANTI, kit } from '../provider.js';
import { AttachmentRecordSchema, UploadResultSchema, type AttachmentRecord } from '../schemas/activity.js';
import { BusinessObjectResource } from './business-object.js';
import { checkRecordRef, type RecordRef } from './record-ref.js';

/**
 * A file to attach.
 *
 * @example
 * ```ts
 * const file: AttachmentUpload = { filename: 'error.txt', content: 'disk full', contentType: 'text/plain' };
 * ```
 *
 * @category Resources
 */
export interface AttachmentUpload {
  /** The file name, with its extension (the tenant allows some extensions only). */
  filename: string;
  /** The bytes (a string is sent as UTF-8). */
  content: FileContent;
  /** The MIME type. Default: the `Blob`'s type, else `application/octet-stream`. */
  contentType?: string | undefined;
}

/**
 * Options of {@link AttachmentsResource.forRecord}.
 *
 * @category Resources
 */
export interface RecordAttachmentsOptions extends CallOptions {
  /** Records per request, 1 to 100. Default 100. */
  pageSize?: number | undefined;
}

const UploadAnswerSchema = z.array(UploadResultSchema);

function checkFile(file: unknown, index: number, field: string): AttachmentUpload {
  const where = `${field}.${index}`;
  if (typeof file !== 'object' || file === null) return kit.fail(where, 'must be { filename, content }');
  const { filename, content, contentType } = file as Partial<AttachmentUpload>;
  if (typeof filename !== 'string' || filename.trim() === '') return kit.fail(`${where}.filename`, 'must be a non-empty file name');
  if (/[\\/]/.test(filename)) return kit.fail(`${where}.filename`, 'must be a file name, not a path');
  if (!isFileContent(content)) return kit.fail(`${where}.content`, 'must be a Uint8Array, ArrayBuffer, Blob or string');
  if (contentType !== undefined && (typeof contentType !== 'string' || !/^[\w.+-]+\/[\w.+-]+(;.*)?$/.test(contentType))) {
    return kit.fail(`${where}.contentType`, 'must be a MIME type such as text/plain');
  }
  return { filename: filename.trim(), content, contentType };
}

/**
 * Attachments (`attachments`, `/api/rest/Attachment`).
 *
 * - An upload checks that the record exists first (Ivanti would store an orphan), then links each
 *   stored file to it when Ivanti left its `ParentLink_*` empty (as measured on a live tenant).
 * - An upload that stores some files and refuses others (HTTP 300, or `IsUploaded: false`) throws an
 *   `AttachmentUploadError` that lists each file; refused extensions are the tenant's choice.
 * - Relationships such as `IncidentContainsAttachment` must never be unlinked (it orphans the file);
 *   delete the attachment instead.
 *
 * @category Resources
 */
export class AttachmentsResource extends BusinessObjectResource<AttachmentRecord> {
  readonly #form: UploadFormStyle;

  /**
   * Made by {@link IvantiClient}.
   *
   * @param http - The client's transport.
   * @param form - The upload's field names.
   * @internal
   */
  constructor(http: Transport, form: UploadFormStyle) {
    super(http, 'attachments', AttachmentRecordSchema);
    this.#form = form;
  }

  /**
   * Uploads files to a record (`multipart/form-data`; the record's RecId and type as form fields,
   * each file as a `file` part). Not retried.
   *
   * @param parent - The record, e.g. `{ category: 'Incident', recId }`.
   * @param files - One file or several.
   * @param options - Call options.
   * @returns The attachments' records, linked to the record.
   * @throws `NotFoundError` when the record does not exist (before anything is uploaded).
   * @throws `AttachmentUploadError` when Ivanti refused some or all files.
   * @example
   * ```ts
   * const [file] = await ivanti.attachments.upload({ category: 'Incident', recId }, { filename: 'trace.txt', content: 'stack trace' });
   * ```
   */
  async upload(parent: RecordRef, files: AttachmentUpload | readonly AttachmentUpload[], options?: CallOptions): Promise<AttachmentRecord[]> {
    const ref = checkRecordRef(parent, 'parent');
    const list: readonly unknown[] = Array.isArray(files) ? files : [files];
    if (list.length === 0) this.kit.fail('files', 'must hold at least one file');
    const checked = list.map((file, index) => checkFile(file, index, 'files'));
    this.callOptions(options);
    // Ivanti stores an upload for a record that does not exist: make sure it does.
    await this.send('GET', `/api/odata/businessobject/${ref.category.toLowerCase()}s('${ref.recId}')`, { query: { $select: 'RecId' } }, options);
    const objectType = `${ref.category}#`;
    const form = new FormData();
    if (this.#form === 'ObjectID') {
      form.append('ObjectID', ref.recId);
      form.append('ObjectType', objectType);
    } else {
      form.append('businessObjectId', ref.recId);
      form.append('objectType', objectType);
    }
    for (const file of checked) form.append('file', fileBlob(file.content, file.contentType), file.filename);
    const results = await this.send('POST', '/api/rest/Attachment', { body: form, schema: UploadAnswerSchema }, options);
    const stored: AttachmentRecord[] = [];
    for (const result of results) {
      const recId = result.Message ?? '';
      try {
        stored.push(await this.#linked(checkRecId(recId, 'Message'), ref, options));
      } catch (error) {
        throw new ItsmError(
          `Ivanti stored ${result.FileName} as attachment ${recId}, but linking it to ${ref.category} ${ref.recId} failed: ${error instanceof Error ? error.message : String(error)}. ` +
            `Link it with attachments.update(attachmentRecId, { ParentLink_RecID, ParentLink_Category: '${objectType}' }) rather than uploading it again.`,
          { provider: IVANTI, outcome: 'applied', cause: error },
        );
      }
    }
    return stored;
  }

  /** The attachment's record, its parent link set when Ivanti left it empty. */
  async #linked(recId: string, parent: { category: string; recId: string }, options: CallOptions | undefined): Promise<AttachmentRecord> {
    const record = await this.get(recId, options);
    if (typeof record.ParentLink_RecID === 'string' && record.ParentLink_RecID !== '') return record;
    const link = { ParentLink_RecID: parent.recId, ParentLink_Category: `${parent.category}#` };
    return this.send('PATCH', this.recordPath(recId), { json: link, schema: this.schema }, options);
  }

  /**
   * The attachments of a record.
   *
   * @param recId - The record's RecId.
   * @param options - `pageSize`, call options.
   */
  forRecord(recId: string, options: RecordAttachmentsOptions = {}): Paginator<AttachmentRecord, ODataPage<AttachmentRecord>> {
    const filter = odata.eq('ParentLink_RecID', checkRecId(recId, 'recId'));
    return this.list({ ...options, filter, orderBy: ['CreatedDateTime asc', 'RecId asc'] });
  }

  /**
   * Downloads an attachment's bytes (`GET /api/rest/Attachment?ID={attachment RecId}`).
   *
   * @param attachmentRecId - The attachment's RecId.
   * @param options - Call options.
   */
  async download(attachmentRecId: string, options?: CallOptions): Promise<Uint8Array> {
    const id = checkRecId(attachmentRecId, 'attachmentRecId');
    return this.send('GET', '/api/rest/Attachment', { query: { ID: id }, responseType: 'bytes' }, options);
  }

  /**
   * Deletes an attachment and its file (`DELETE /api/rest/Attachment?ID=…`). Ivanti answers 204 also
   * for an id that does not exist.
   *
   * @param attachmentRecId - The attachment's RecId.
   * @param options - Call options.
   */
  override async delete(attachmentRecId: string, options?: CallOptions): Promise<void> {
    const id = checkRecId(attachmentRecId, 'attachmentRecId');
    await this.send('DELETE', '/api/rest/Attachment', { query: { ID: id }, responseType: 'bytes' }, options);
  }
}
