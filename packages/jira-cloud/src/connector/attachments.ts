/**
 * Attachments: an issue attachment's metadata as the model's `Attachment`.
 *
 * @module
 */
import type { Attachment } from '@itsm/core';
import type { IssueAttachment } from '../schemas/attachments.js';
import { jiraTimestamps } from './dates.js';
import { JIRA_CLOUD } from '../provider.js';

/**
 * An attachment's metadata as an `Attachment`.
 *
 * @param attachment - From an issue's `attachment` field or an upload's answer.
 * @param ticketId - The issue id it belongs to.
 * @category Mapping
 */
export function jiraAttachmentToAttachment(attachment: IssueAttachment, ticketId: string): Attachment {
  const createdAt = jiraTimestamps.optional(attachment.created);
  return {
    provider: JIRA_CLOUD,
    id: attachment.id,
    ticketId,
    filename: attachment.filename,
    ...(attachment.size === undefined ? {} : { size: attachment.size }),
    ...(attachment.mimeType === undefined ? {} : { contentType: attachment.mimeType }),
    ...(createdAt === undefined ? {} : { createdAt }),
    raw: attachment,
  };
}
