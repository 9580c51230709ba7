/**
 * `autotask.ticketAttachments`: files attached to tickets, uploaded as Base64 under their ticket
 * (`POST /Tickets/{id}/Attachments`) within Autotask's limits, which the client checks before it
 * sends anything: at most 6 MiB per file, and 10,000,000 bytes per 5 minutes per database (past that,
 * Autotask blocks attachment uploads for 5 minutes).
 *
 * @module
 */
import { BudgetExceededError, ResponseShapeError, type Paginator } from '@itsm/core';
import { fileBytes, isFileContent, type FileContent } from '@itsm/core/provider';
import type { CallOptions } from '../options.js';
import { where } from '../query/filter.js';
import type { QueryPageEnvelope } from '../query/pager.js';
import type { OperationResult } from '../schemas/common.js';
import { AutotaskTicketAttachmentSchema, type AutotaskTicketAttachment } from '../schemas/entities.js';
import type { ResourceContext } from './context.js';
import { EntityReader } from './entity.js';

/**
 * The largest file Autotask accepts through the API: 6 MiB (Autotask documents "6-7 MB").
 *
 * @category Resources
 */
export const MAX_ATTACHMENT_BYTES = 6 * 1024 * 1024;

/**
 * Attachment bytes Autotask accepts per database in {@link ATTACHMENT_WINDOW_MS}.
 *
 * @category Resources
 */
export const ATTACHMENT_BYTES_PER_WINDOW = 10_000_000;

/**
 * The window of the attachment byte limit: 5 minutes.
 *
 * @category Resources
 */
export const ATTACHMENT_WINDOW_MS = 5 * 60_000;

/**
 * A file to attach to a ticket.
 *
 * @category Resources
 */
export interface AttachmentUpload {
  /** The file's name, with its extension (Autotask's `fullPath`). */
  filename: string;
  /** The bytes: `Uint8Array`, `Buffer`, `ArrayBuffer`, `Blob`, or text (sent as UTF-8). */
  content: FileContent;
  /**
   * Who may see it: a value of the TicketAttachments `publish` picklist (e.g. All Autotask Users,
   * Internal Only). Required: its values are tenant data (`client.picklists('TicketAttachments')`).
   */
  publish: number;
  /** The title shown in Autotask. Default: the file name. */
  title?: string | undefined;
  /** The MIME type. Default: Autotask's guess from the extension. */
  contentType?: string | undefined;
}

const UPLOAD_KEYS = ['filename', 'content', 'publish', 'title', 'contentType'];

/** Uploads per database in this process, for the byte window: when, and how many bytes. */
const uploads = new Map<string, { at: number; bytes: number }[]>();

/**
 * Ticket attachments (`TicketAttachments`): queried at the root (a query must filter on `ticketID`),
 * read, uploaded and deleted under their ticket.
 *
 * @example
 * ```ts
 * const { itemId } = await autotask.ticketAttachments.upload(29684321, { filename: 'log.txt', content: 'disk full', publish: 1 });
 * const bytes = await autotask.ticketAttachments.download(29684321, itemId);
 * ```
 *
 * @category Resources
 */
export class TicketAttachmentsResource extends EntityReader<AutotaskTicketAttachment> {
  readonly #now: () => number;

  /**
   * Made by `AutotaskClient`.
   *
   * @param context - The client's transport and helpers.
   * @param now - The clock of the byte window.
   * @internal
   */
  constructor(context: ResourceContext, now: () => number = Date.now) {
    super(context, 'TicketAttachments', AutotaskTicketAttachmentSchema);
    this.#now = now;
  }

  /**
   * A ticket's attachments (their metadata: `data` is `null` in lists).
   *
   * @param ticketId - The ticket id.
   * @param options - Call options.
   */
  list(ticketId: number, options?: CallOptions): Paginator<AutotaskTicketAttachment, QueryPageEnvelope> {
    return this.query({ filter: where.eq('ticketID', this.id(ticketId, 'ticketId')), ...options });
  }

  /**
   * One attachment with its content (`data`, Base64): `GET /Tickets/{id}/Attachments/{attachmentId}`,
   * the only read that returns the content (`get(id)` and queries return `data: null`).
   *
   * @param ticketId - The ticket id.
   * @param attachmentId - The attachment id.
   * @param options - Call options.
   * @throws `NotFoundError` when the ticket has no such attachment.
   */
  async read(ticketId: number, attachmentId: number, options?: CallOptions): Promise<AutotaskTicketAttachment> {
    return this.childOf(ticketId, 'Attachments', AutotaskTicketAttachmentSchema, 'Tickets').get(attachmentId, options);
  }

  /**
   * An attachment's bytes.
   *
   * @param ticketId - The ticket id.
   * @param attachmentId - The attachment id.
   * @param options - Call options.
   * @throws `NotFoundError` when the ticket has no such attachment; `ResponseShapeError` when Autotask sent no content.
   */
  async download(ticketId: number, attachmentId: number, options?: CallOptions): Promise<Uint8Array> {
    const attachment = await this.read(ticketId, attachmentId, options);
    if (typeof attachment.data !== 'string') {
      throw new ResponseShapeError(`attachment ${attachmentId} of ticket ${ticketId} came without its content (data)`, {
        provider: this.kit.provider,
        issues: [{ path: ['data'], message: 'expected Base64 content' }],
        raw: { ...attachment, data: attachment.data ?? null },
      });
    }
    return new Uint8Array(Buffer.from(attachment.data, 'base64'));
  }

  /**
   * Attaches a file to a ticket: `POST /Tickets/{id}/Attachments` with the content in Base64.
   * Checked first, without a request: the file's size (at most {@link MAX_ATTACHMENT_BYTES}), and
   * the bytes this process uploaded to the database in the last 5 minutes (at most
   * {@link ATTACHMENT_BYTES_PER_WINDOW}, else a `BudgetExceededError` saying when it frees up).
   *
   * @param ticketId - The ticket id.
   * @param file - The file.
   * @param options - Call options.
   * @returns `{ itemId }`, the attachment's id.
   */
  async upload(ticketId: number, file: AttachmentUpload, options?: CallOptions): Promise<OperationResult> {
    const parent = this.id(ticketId, 'ticketId');
    if (typeof file !== 'object' || file === null) this.kit.fail('file', 'must be an object with filename, content and publish');
    this.kit.knownKeys(file, UPLOAD_KEYS, 'file');
    const { filename, content, publish, title, contentType } = file;
    if (typeof filename !== 'string' || filename.trim() === '' || /[\\/\u0000-\u001f]/.test(filename)) this.kit.fail('file.filename', 'must be a file name (no path, no control characters)');
    if (!isFileContent(content)) this.kit.fail('file.content', 'must be a Uint8Array, Buffer, ArrayBuffer, Blob or string');
    if (!Number.isSafeInteger(publish)) this.kit.fail('file.publish', 'must be a value of the TicketAttachments publish picklist');
    if (title !== undefined && (typeof title !== 'string' || title.trim() === '')) this.kit.fail('file.title', 'must be a non-empty string');
    if (contentType !== undefined && (typeof contentType !== 'string' || !/^[\w.+-]+\/[\w.+-]+(;.*)?$/.test(contentType))) this.kit.fail('file.contentType', 'must be a MIME type such as text/plain');
    const bytes = await fileBytes(content);
    if (bytes.byteLength > MAX_ATTACHMENT_BYTES) {
      this.kit.fail('file.content', `is ${bytes.byteLength} bytes; Autotask accepts at most ${MAX_ATTACHMENT_BYTES} bytes (6 MiB) per attachment through the API`);
    }
    const release = this.#reserve(bytes.byteLength);
    const body: Record<string, unknown> = {
      id: 0,
      attachmentType: 'FILE_ATTACHMENT',
      fullPath: filename,
      title: title ?? filename,
      publish,
      data: Buffer.from(bytes).toString('base64'),
    };
    if (contentType !== undefined) body.contentType = contentType;
    try {
      return await this.childOf(parent, 'Attachments', AutotaskTicketAttachmentSchema, 'Tickets').create(body, options);
    } catch (error) {
      if ((error as { outcome?: unknown } | null)?.outcome === 'not_applied') release();
      throw error;
    }
  }

  /**
   * Deletes an attachment: `DELETE /Tickets/{id}/Attachments/{attachmentId}`.
   *
   * @param ticketId - The ticket id.
   * @param attachmentId - The attachment id.
   * @param options - Call options.
   */
  async delete(ticketId: number, attachmentId: number, options?: CallOptions): Promise<OperationResult> {
    return this.childOf(ticketId, 'Attachments', AutotaskTicketAttachmentSchema, 'Tickets').delete(attachmentId, options);
  }

  /** Counts an upload against the database's byte window, or refuses it; returns how to take it back. */
  #reserve(size: number): () => void {
    const key = this.context.databaseKey();
    const now = this.#now();
    const recent = (uploads.get(key) ?? []).filter((upload) => upload.at > now - ATTACHMENT_WINDOW_MS);
    const used = recent.reduce((sum, upload) => sum + upload.bytes, 0);
    if (used + size > ATTACHMENT_BYTES_PER_WINDOW) {
      let freed = used;
      let retryAfterMs = ATTACHMENT_WINDOW_MS;
      for (const upload of recent) {
        freed -= upload.bytes;
        if (freed + size <= ATTACHMENT_BYTES_PER_WINDOW) {
          retryAfterMs = Math.max(1, upload.at + ATTACHMENT_WINDOW_MS - now);
          break;
        }
      }
      uploads.set(key, recent);
      throw new BudgetExceededError(
        `the attachment (${size} bytes) was not sent: ${used} bytes were uploaded to this Autotask database in the last 5 minutes, and Autotask ` +
          `blocks attachment uploads for 5 minutes past ${ATTACHMENT_BYTES_PER_WINDOW} bytes; try again in about ${Math.ceil(retryAfterMs / 1000)} s`,
        { provider: this.kit.provider, limit: ATTACHMENT_BYTES_PER_WINDOW, windowMs: ATTACHMENT_WINDOW_MS, used, retryAfterMs },
      );
    }
    const entry = { at: now, bytes: size };
    recent.push(entry);
    uploads.set(key, recent);
    return () => {
      const list = uploads.get(key);
      const index = list?.indexOf(entry) ?? -1;
      if (list !== undefined && index >= 0) list.splice(index, 1);
    };
  }
}

/**
 * The attachments of one ticket: `autotask.tickets.attachments(ticketId)`.
 *
 * @category Resources
 */
export class TicketAttachmentsOf {
  /** The ticket id. */
  readonly ticketId: number;
  readonly #resource: TicketAttachmentsResource;

  /**
   * Made by `tickets.attachments(ticketId)`.
   *
   * @param resource - The client's `ticketAttachments`.
   * @param ticketId - The ticket id.
   * @internal
   */
  constructor(resource: TicketAttachmentsResource, ticketId: number) {
    this.#resource = resource;
    this.ticketId = ticketId;
  }

  /**
   * The ticket's attachments (metadata).
   *
   * @param options - Call options.
   */
  list(options?: CallOptions): Paginator<AutotaskTicketAttachment, QueryPageEnvelope> {
    return this.#resource.list(this.ticketId, options);
  }

  /**
   * One attachment with its content.
   *
   * @param attachmentId - The attachment id.
   * @param options - Call options.
   */
  async read(attachmentId: number, options?: CallOptions): Promise<AutotaskTicketAttachment> {
    return this.#resource.read(this.ticketId, attachmentId, options);
  }

  /**
   * An attachment's bytes.
   *
   * @param attachmentId - The attachment id.
   * @param options - Call options.
   */
  async download(attachmentId: number, options?: CallOptions): Promise<Uint8Array> {
    return this.#resource.download(this.ticketId, attachmentId, options);
  }

  /**
   * Attaches a file to the ticket.
   *
   * @param file - The file.
   * @param options - Call options.
   */
  async upload(file: AttachmentUpload, options?: CallOptions): Promise<OperationResult> {
    return this.#resource.upload(this.ticketId, file, options);
  }

  /**
   * Deletes an attachment.
   *
   * @param attachmentId - The attachment id.
   * @param options - Call options.
   */
  async delete(attachmentId: number, options?: CallOptions): Promise<OperationResult> {
    return this.#resource.delete(this.ticketId, attachmentId, options);
  }
}
