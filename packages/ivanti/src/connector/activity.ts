/**
 * Journal notes and attachment records as the model's `Comment` and `Attachment`.
 *
 * @module
 */
import type { Attachment, Comment } from '@itsm/core';
import { IVANTI } from '../provider.js';
import type { AttachmentRecord, JournalNote } from '../schemas/activity.js';
import { ivantiTimestamps } from './dates.js';
import { htmlToText } from './text.js';

/**
 * A journal note as a `Comment`: `public` when published to the customer (`PublishToWeb`), else
 * `internal`; the text is `NotesBody` (or the `Subject` of a note without one), as plain text when
 * Ivanti holds it as HTML; `author` the
 * creator's login ID.
 *
 * @param note - The note.
 * @param ticketId - The ticket's RecId.
 * @category Mapping
 */
export function journalNoteToComment(note: JournalNote, ticketId: string): Comment {
  const body = htmlToText(note.NotesBody ?? note.Subject ?? '');
  return {
    provider: IVANTI,
    id: note.RecId,
    ticketId,
    body,
    visibility: note.PublishToWeb === true ? 'public' : 'internal',
    ...(note.CreatedBy ? { author: { id: note.CreatedBy, name: note.CreatedBy } } : {}),
    createdAt: ivantiTimestamps.required(note.CreatedDateTime, 'CreatedDateTime', note),
    raw: note,
  };
}

/**
 * An attachment record as an `Attachment` (Ivanti's record holds neither size nor type).
 *
 * @param record - The attachment's record.
 * @param ticketId - The ticket's RecId.
 * @category Mapping
 */
export function attachmentRecordToAttachment(record: AttachmentRecord, ticketId: string): Attachment {
  const createdAt = ivantiTimestamps.optional(record.CreatedDateTime);
  return {
    provider: IVANTI,
    id: record.RecId,
    ticketId,
    filename: record.ATTACHNAME ?? '',
    ...(createdAt === undefined ? {} : { createdAt }),
    raw: record,
  };
}
