/**
 * Attachments: `POST /rest/api/3/issue/{key}/attachments` (multipart, part name `file`, requires
 * `X-Atlassian-Token: no-check` — without it Jira's 403 "XSRF check failed"; answers an **array**),
 * `GET|DELETE /rest/api/3/attachment/{id}`, `GET /rest/api/3/attachment/meta`, and the download
 * `GET /rest/api/3/attachment/content/{id}`: by default a **303** to a signed media URL (as Jira
 * Cloud redirects to its media service), `redirect=false` answers the bytes (206 with a `Range`).
 *
 * @module
 */
import { createHash } from 'node:crypto';
import { booleanParam } from '../../readers.js';
import type { SimResponse } from '../../simulator.js';
import { canBrowse, canWork } from '../auth.js';
import { failJira } from '../errors.js';
import { multipartBoundary, parseMultipart } from '../../multipart.js';
import { attachmentJson, attachmentMetadataJson, type View } from '../serialize.js';
import { store, type Attachment, type JiraState } from '../store.js';
import { authenticated, workIssue, type JiraRouter } from './context.js';

const MAX_FILES = 60;

/** The media token of an attachment download URL (stable for a seed). */
function mediaToken(seed: string, attachment: Attachment): string {
  return createHash('sha256').update(`${seed}:${attachment.id}:${attachment.created}`).digest('hex').slice(0, 40);
}

function visibleAttachment(view: View, id: string): Attachment {
  const attachment = /^\d+$/u.test(id) ? view.state.attachments.get(Number(id)) : undefined;
  const issue = attachment === undefined ? undefined : view.state.issues.get(attachment.issueId);
  if (attachment === undefined || issue === undefined || !canBrowse(store.projectOf(view.state, issue), view.viewer)) {
    return failJira(404, [`The attachment with id '${id}' does not exist`]);
  }
  return attachment;
}

function download(attachment: Attachment, range: string | undefined): SimResponse {
  const headers = {
    'content-type': attachment.mimeType,
    'content-disposition': `attachment; filename="${attachment.filename.replace(/"/gu, '')}"`,
    'accept-ranges': 'bytes',
  };
  if (range === undefined) return { status: 200, headers, body: attachment.content };
  const match = /^bytes=(\d*)-(\d*)$/u.exec(range.trim());
  if (match === null) return failJira(400, ['The Range header is malformed.']);
  const size = attachment.content.byteLength;
  const start = match[1] === '' ? Math.max(0, size - Number(match[2])) : Number(match[1]);
  const end = match[1] === '' || match[2] === '' ? size - 1 : Math.min(size - 1, Number(match[2]));
  if (start >= size || start > end) return { status: 416, headers: { 'content-range': `bytes */${size}` }, body: '' };
  return { status: 206, headers: { ...headers, 'content-range': `bytes ${start}-${end}/${size}` }, body: attachment.content.slice(start, end + 1) };
}

/** Adds an attachment to the state (upload or seed). */
export function storeAttachment(state: JiraState, issueId: number, authorId: string, file: { filename: string; mimeType: string; content: Uint8Array }): Attachment {
  const attachment: Attachment = { id: state.counters.attachmentId, issueId, authorId, created: Date.now(), ...file };
  state.counters.attachmentId += 1;
  state.attachments.set(attachment.id, attachment);
  state.issues.get(issueId)?.attachmentIds.push(attachment.id);
  return attachment;
}

/** Adds the attachment routes. */
export function attachmentRoutes(router: JiraRouter): void {
  router
    .post('/rest/api/3/issue/:issueIdOrKey/attachments', (request, context) => {
      const { user, view } = authenticated(request, context);
      const issue = workIssue(view, context.params.issueIdOrKey, 'create attachments for this issue', 403);
      const { settings } = context.state;
      if (!settings.attachmentsEnabled) return failJira(403, ['Attachments are disabled.']);
      const boundary = multipartBoundary(request.header('content-type'));
      if (boundary === undefined) return { status: 415, body: { errorMessages: ['Unsupported Media Type: the request must be multipart/form-data.'], errors: {} } };
      const parts = parseMultipart(request.body, boundary);
      if (parts === undefined) return failJira(400, ['The multipart request could not be read.']);
      const files = parts.filter((part) => part.name === 'file' && part.filename !== undefined);
      if (files.length === 0) return failJira(400, ["No attachments were found in the request: the multipart parameter must be named 'file'."]);
      if (files.length > MAX_FILES) return failJira(413, [`You can't upload more than ${MAX_FILES} files in one request.`]);
      const tooBig = files.find((file) => file.data.byteLength > settings.attachmentUploadLimit);
      if (tooBig !== undefined) {
        return failJira(413, [`The file '${tooBig.filename ?? ''}' is too large. The maximum attachment size is ${settings.attachmentUploadLimit} bytes.`]);
      }
      if (issue.attachmentIds.length + files.length > 2000) return failJira(413, ['The issue has reached the maximum number of attachments (2000).']);
      const created = files.map((file) =>
        storeAttachment(context.state, issue.id, user.accountId, {
          filename: file.filename ?? 'file',
          mimeType: file.contentType.split(';')[0]?.trim() || 'application/octet-stream',
          content: file.data,
        }),
      );
      issue.updated = Date.now();
      return { status: 200, body: created.map((attachment) => attachmentJson(view, attachment)) };
    })
    .get('/rest/api/3/attachment/meta', (request, context) => {
      authenticated(request, context);
      const { settings } = context.state;
      return { status: 200, body: { enabled: settings.attachmentsEnabled, uploadLimit: settings.attachmentUploadLimit } };
    })
    .get('/rest/api/3/attachment/content/:id', (request, context) => {
      const { view } = authenticated(request, context);
      const attachment = visibleAttachment(view, context.params.id);
      if (booleanParam(request, 'redirect', true)) {
        const location = `${context.url}/media/file/${attachment.id}/binary?token=${mediaToken(context.seed, attachment)}&name=${encodeURIComponent(attachment.filename)}`;
        return { status: 303, headers: { location }, body: '' };
      }
      return download(attachment, request.header('range'));
    })
    .get('/rest/api/3/attachment/thumbnail/:id', (request, context) => {
      const { view } = authenticated(request, context);
      const attachment = visibleAttachment(view, context.params.id);
      if (!attachment.mimeType.startsWith('image/')) return failJira(404, [`The attachment with id '${context.params.id}' has no thumbnail`]);
      return download(attachment, undefined);
    })
    .get('/media/file/:id/binary', (request, context) => {
      const attachment = /^\d+$/u.test(context.params.id) ? context.state.attachments.get(Number(context.params.id)) : undefined;
      if (attachment === undefined || request.query.get('token') !== mediaToken(context.seed, attachment)) {
        return { status: 404, body: { error: 'Not Found', message: 'The media file does not exist or the token is invalid.' } };
      }
      return download(attachment, request.header('range'));
    })
    .get('/rest/api/3/attachment/:id', (request, context) => {
      const { view } = authenticated(request, context);
      return { status: 200, body: attachmentMetadataJson(view, visibleAttachment(view, context.params.id)) };
    })
    .delete('/rest/api/3/attachment/:id', (request, context) => {
      const { view } = authenticated(request, context);
      const attachment = visibleAttachment(view, context.params.id);
      const issue = context.state.issues.get(attachment.issueId);
      if (issue === undefined || !canWork(store.projectOf(context.state, issue), view.viewer)) {
        return failJira(403, ['You do not have permission to delete this attachment.']);
      }
      context.state.attachments.delete(attachment.id);
      issue.attachmentIds = issue.attachmentIds.filter((id) => id !== attachment.id);
      issue.updated = Date.now();
      return { status: 204 };
    });
}
