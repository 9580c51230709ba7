/**
 * Ticket attachments under their ticket:
 *
 * - `POST /Tickets/{id}/Attachments` `{ attachmentType, fullPath, title, publish, data }` → `{ itemId }`:
 *   `data` is the Base64 content of a `FILE_ATTACHMENT` (a `URL` attachment has none and `fullPath`
 *   is the link); at most `settings.attachmentMaxBytes` (6 MiB) per file and
 *   `settings.attachmentBytesPerWindow` (10,000,000) bytes per 5 minutes, past which uploads are
 *   refused for 5 minutes; `attachedByContactID` attributes it to a contact of the ticket's company;
 * - `GET /Tickets/{id}/Attachments` → a page of metadata, `data: null`;
 * - `GET /Tickets/{id}/Attachments/{attachmentId}` → `{ "items": [{ ..., "data": "<base64>" }] }`: the
 *   only call that returns the content, in an `items` array (as public clients read it);
 * - `DELETE /Tickets/{id}/Attachments/{attachmentId}` → `{ itemId }`.
 *
 * @module
 */
import { actingResource, callerOf, type Caller } from '../auth.js';
import { TICKET_ATTACHMENTS } from '../entities/index.js';
import { failAutotask, NOTHING_TO_DELETE } from '../errors.js';
import { API_PREFIX } from '../paths.js';
import { PERSON_TYPE, PUBLISH_ALL } from '../picklists.js';
import { childCollection } from '../query/run.js';
import { badReference, contactOfCompany } from '../references.js';
import { recordJson } from '../serialize.js';
import type { AutotaskState, TicketAttachment } from '../store.js';
import type { FieldValue } from '../table.js';
import { checkFields, readWriteBody } from '../write.js';
import { touchTicket } from './notes.js';
import { queryContext } from './read.js';
import { itemId, pathId, writeBody, type AutotaskRouter } from './router.js';

/** The window of the attachment byte limit. */
export const ATTACHMENT_WINDOW_MS = 5 * 60_000;

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  txt: 'text/plain',
  log: 'text/plain',
  csv: 'text/csv',
  json: 'application/json',
  xml: 'application/xml',
  html: 'text/html',
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  zip: 'application/zip',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  eml: 'message/rfc822',
};

/** The content type of a file name, by extension. */
export function contentTypeOf(fileName: string): string {
  const extension = /\.([A-Za-z0-9]+)$/u.exec(fileName)?.[1]?.toLowerCase() ?? '';
  return CONTENT_TYPES[extension] ?? 'application/octet-stream';
}

function decodeBase64(text: string): Uint8Array {
  const compact = text.replace(/\s+/gu, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/u.test(compact) || compact.length % 4 !== 0) failAutotask('The attachment data is not valid Base64.');
  return new Uint8Array(Buffer.from(compact, 'base64'));
}

/** Counts an upload against the byte window; refuses it (and blocks uploads for 5 minutes) past the limit. */
function takeUploadBytes(state: AutotaskState, bytes: number): void {
  const now = state.clock();
  if (now < state.attachmentsBlockedUntil) failAutotask('Attachment uploads are blocked for 5 minutes: more than the allowed attachment bytes were uploaded in 5 minutes.');
  const uploads = state.attachmentUploads;
  while (uploads.length > 0 && (uploads[0]?.at ?? now) <= now - ATTACHMENT_WINDOW_MS) uploads.shift();
  const used = uploads.reduce((sum, upload) => sum + upload.bytes, 0);
  if (used + bytes > state.settings.attachmentBytesPerWindow) {
    state.attachmentsBlockedUntil = now + ATTACHMENT_WINDOW_MS;
    failAutotask(`Attachment upload limit exceeded: at most ${state.settings.attachmentBytesPerWindow} bytes may be uploaded in 5 minutes. Uploads are blocked for 5 minutes.`);
  }
  uploads.push({ at: now, bytes });
}

/** Creates an attachment on a ticket; returns its id. */
export function createAttachment(state: AutotaskState, caller: Caller, ticketId: number, body: Record<string, unknown>): number {
  const ticket = state.tables.Tickets.get(ticketId);
  if (ticket === undefined) failAutotask(badReference('ticketID', 'Ticket'));
  const input = readWriteBody(TICKET_ATTACHMENTS, body);
  const changes: Record<string, FieldValue> = { ...input.changes };
  const data = changes.data;
  delete changes.data;
  checkFields(TICKET_ATTACHMENTS, undefined, changes, true);
  const fullPath = String(changes.fullPath);
  let content: Uint8Array | undefined;
  if (changes.attachmentType === 'FILE_ATTACHMENT') {
    if (typeof data !== 'string' || data === '') failAutotask('Missing Required Field: data.');
    content = decodeBase64(data);
    if (content.byteLength > state.settings.attachmentMaxBytes) {
      failAutotask(`The attachment is ${content.byteLength} bytes; the largest attachment allowed is ${state.settings.attachmentMaxBytes} bytes.`);
    }
  }
  const contactId = typeof changes.attachedByContactID === 'number' ? changes.attachedByContactID : undefined;
  if (contactId !== undefined) contactOfCompany(state, contactId, ticket.companyID, 'attachedByContactID');
  if (content !== undefined) takeUploadBytes(state, content.byteLength);
  const now = state.clock();
  const actor = actingResource(caller);
  const table = state.tables.TicketAttachments;
  const id = table.allocateId();
  const record: Record<string, FieldValue> = {
    id,
    ...changes,
    ticketID: ticket.id,
    parentID: ticket.id,
    parentType: 4,
    attachDate: now,
    fileSize: content?.byteLength ?? 0,
    contentType: content === undefined ? 'text/html' : contentTypeOf(fullPath),
    creatorType: contactId === undefined ? PERSON_TYPE.resource : PERSON_TYPE.contact,
    isTaskAttachment: false,
  };
  if (contactId === undefined) record.attachedByResourceID = actor.id;
  if (caller.impersonated !== undefined || contactId !== undefined) record.impersonatorCreatorResourceID = caller.apiUser.id;
  for (const [name, value] of Object.entries(record)) if (value === null) delete record[name];
  table.insert(record as unknown as TicketAttachment);
  if (content !== undefined) state.attachmentData.set(id, content);
  touchTicket(state, ticket.id, contactId === undefined ? actor.id : undefined, changes.publish === PUBLISH_ALL);
  return id;
}

/** Adds the attachment routes under `/Tickets/{id}/Attachments`. */
export function attachmentRoutes(router: AutotaskRouter): void {
  const path = `${API_PREFIX}/tickets/:parentId/attachments`;
  router
    .get(path, (_request, { state, url, params }) => childCollection(queryContext(state, TICKET_ATTACHMENTS, url), 'ticketID', pathId(params.parentId)))
    .post(path, (request, { state, params }) => itemId(createAttachment(state, callerOf(request), pathId(params.parentId), writeBody(request))))
    .get(`${path}/:id`, (_request, { state, params }) => {
      const table = state.tables.TicketAttachments;
      const attachment = table.get(pathId(params.id));
      if (attachment === undefined || attachment.ticketID !== pathId(params.parentId)) return { status: 200, body: { items: [] } };
      return { status: 200, body: { items: [recordJson(table, attachment, { data: state.attachmentData.get(attachment.id) })] } };
    })
    .delete(`${path}/:id`, (_request, { state, params }) => {
      const id = pathId(params.id);
      const attachment = state.tables.TicketAttachments.get(id);
      if (attachment === undefined || attachment.ticketID !== pathId(params.parentId)) failAutotask(NOTHING_TO_DELETE);
      state.tables.TicketAttachments.delete(id);
      state.attachmentData.delete(id);
      return itemId(id);
    });
}
