/**
 * `jira.issues.attachments`: upload, metadata and download of issue attachments.
 *
 * @module
 */
import { byteSize, fileBlob, isFileContent, type CallOptions } from '@itsm/core/provider';
import { JIRA_ATTACHMENT_MAX_BYTES } from '../limits.js';
import { JiraResource } from '../internal/resource.js';
import { kit } from '../provider.js';
import { IssueAttachmentListSchema, IssueAttachmentSchema, type IssueAttachment } from '../schemas/attachments.js';

/**
 * The most files Jira accepts in one upload.
 *
 * @category Resources
 */
export const MAX_FILES_PER_UPLOAD = 60;

/**
 * A file to attach.
 *
 * @example
 * ```ts
 * const file: AttachmentUpload = { filename: 'log.txt', content: 'disk full', contentType: 'text/plain' };
 * ```
 *
 * @category Resources
 */
export interface AttachmentUpload {
  /** The file name Jira shows. */
  filename: string;
  /** The bytes (a string is sent as UTF-8). */
  content: Uint8Array | ArrayBuffer | Blob | string;
  /** The MIME type. Default: the `Blob`'s type, else `application/octet-stream`. */
  contentType?: string | undefined;
}

function toBlob(file: AttachmentUpload, index: number): Blob {
  const field = `files.${index}`;
  if (typeof file !== 'object' || file === null) kit.fail(field, 'must be { filename, content }');
  kit.knownKeys(file, ['filename', 'content', 'contentType'], field);
  if (typeof file.filename !== 'string' || file.filename.trim() === '') kit.fail(`${field}.filename`, 'must be a non-empty string');
  if (/[\u0000-\u001f\u007f]/.test(file.filename) || file.filename.length > 255) kit.fail(`${field}.filename`, 'must be one line of at most 255 characters');
  if (file.contentType !== undefined && (typeof file.contentType !== 'string' || /[\u0000-\u001f\u007f]/.test(file.contentType))) {
    kit.fail(`${field}.contentType`, 'must be a MIME type such as text/plain');
  }
  if (!isFileContent(file.content)) kit.fail(`${field}.content`, 'must be a Uint8Array, ArrayBuffer, Blob or string');
  const size = typeof file.content === 'string' ? new TextEncoder().encode(file.content).byteLength : byteSize(file.content);
  if (size > JIRA_ATTACHMENT_MAX_BYTES) kit.fail(`${field}.content`, `must be at most ${JIRA_ATTACHMENT_MAX_BYTES} bytes (the most one Jira upload carries); it has ${size}`);
  return fileBlob(file.content, file.contentType);
}

/**
 * Attachments of issues (`/rest/api/3/issue/{key}/attachments`, `/rest/api/3/attachment/...`).
 *
 * @category Resources
 */
export class IssueAttachmentsResource extends JiraResource {
  /**
   * Uploads one or more files to an issue, as `multipart/form-data` parts named `file`, with the
   * `X-Atlassian-Token: no-check` header Jira requires. Not retried. A `413` (too large, more than
   * 60 files, or the issue's attachment limit reached) is an `ApiError` with status 413.
   *
   * @param issueIdOrKey - Issue key or id.
   * @param files - One file or a list (at most 60).
   * @param options - Call options.
   * @returns The metadata of every file attached.
   * @example
   * ```ts
   * const [attachment] = await jira.issues.attachments.add('HELP-1', {
   *   filename: 'screenshot.png', content: await readFile('screenshot.png'), contentType: 'image/png',
   * });
   * ```
   */
  async add(issueIdOrKey: string, files: AttachmentUpload | readonly AttachmentUpload[], options?: CallOptions): Promise<IssueAttachment[]> {
    const path = this.path`/rest/api/3/issue/${{ issueIdOrKey }}/attachments`;
    const list: readonly AttachmentUpload[] = Array.isArray(files) ? files : [files as AttachmentUpload];
    if (list.length === 0) kit.fail('files', 'must hold at least one file');
    if (list.length > MAX_FILES_PER_UPLOAD) kit.fail('files', `must hold at most ${MAX_FILES_PER_UPLOAD} files (Jira's limit per request)`);
    const form = new FormData();
    list.forEach((file, index) => form.append('file', toBlob(file, index), file.filename));
    const headers = { 'X-Atlassian-Token': 'no-check' };
    // Files are bounded one by one above, not by the client's limit for JSON bodies.
    return this.send('POST', path, { body: form, headers, schema: IssueAttachmentListSchema, maxBodyBytes: Infinity }, options);
  }

  /**
   * The metadata of an attachment.
   *
   * @param attachmentId - The attachment id.
   * @param options - Call options.
   */
  async get(attachmentId: string, options?: CallOptions): Promise<IssueAttachment> {
    return this.send('GET', this.path`/rest/api/3/attachment/${{ attachmentId }}`, { schema: IssueAttachmentSchema }, options);
  }

  /**
   * Downloads an attachment's content. Jira answers with a `303` to a media host on another origin;
   * the client follows it without sending the credentials there (see `followRedirectsSafely`).
   *
   * @param attachmentId - The attachment id.
   * @param options - Call options.
   * @returns The bytes.
   * @example
   * ```ts
   * const bytes = await jira.issues.attachments.download('10000');
   * await writeFile('out.bin', bytes);
   * ```
   */
  async download(attachmentId: string, options?: CallOptions): Promise<Uint8Array> {
    return this.send('GET', this.path`/rest/api/3/attachment/content/${{ attachmentId }}`, { responseType: 'bytes' }, options);
  }
}
