/**
 * Ticket attachments as the model's `Attachment`.
 *
 * @module
 */
import type { Attachment } from '@itsm/core';
import { AUTOTASK } from '../provider.js';
import type { AutotaskTicketAttachment } from '../schemas/entities.js';
import { autotaskTimestamps } from './dates.js';

/**
 * A ticket attachment as an `Attachment`: `fullPath` (else `title`) as the file name, `fileSize`,
 * `contentType`, `attachDate`. The content (`data`) is left out of `raw`.
 *
 * @param attachment - The attachment.
 * @param ticketId - The ticket it belongs to, when the attachment does not say.
 * @category Mapping
 */
export function autotaskAttachmentToAttachment(attachment: AutotaskTicketAttachment, ticketId?: number): Attachment {
  const { data: _data, ...raw } = attachment;
  const createdAt = autotaskTimestamps.optional(attachment.attachDate);
  return {
    provider: AUTOTASK,
    id: String(attachment.id),
    ticketId: String(attachment.ticketID ?? attachment.parentID ?? ticketId ?? ''),
    filename: attachment.fullPath ?? attachment.title ?? String(attachment.id),
    ...(typeof attachment.fileSize === 'number' && attachment.fileSize >= 0 ? { size: Math.round(attachment.fileSize) } : {}),
    ...(attachment.contentType ? { contentType: attachment.contentType } : {}),
    ...(createdAt === undefined ? {} : { createdAt }),
    raw,
  };
}
