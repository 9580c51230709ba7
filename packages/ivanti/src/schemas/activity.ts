/**
 * Journal notes (`journal__notess`) and attachments (`attachments`): what is said about a ticket
 * and the files attached to it.
 *
 * @module
 */
import * as z from 'zod/mini';
import { flag, text } from './common.js';

/**
 * A journal note: the `Notes` extension of the `Journal` group object. `PublishToWeb: true`
 * makes it visible to the customer in Self Service.
 *
 * @example
 * ```ts
 * const notes = await ivanti.journalNotes.forRecord(recId).toArray({ limit: 100 });
 * for (const note of notes) console.log(note.CreatedDateTime, note.PublishToWeb ? 'public' : 'internal', note.NotesBody);
 * ```
 *
 * @category Schemas
 */
export const JournalNoteSchema = z.looseObject({
  /** The note's key. */
  RecId: z.string(),
  /** A one-line summary. */
  Subject: text,
  /** The text. */
  NotesBody: text,
  /** Subject and text together. */
  DisplayText: text,
  /** `Memo` (the default), `Customer Notes`, `Status Update`, ... */
  Category: text,
  /** `Other`, `E-mail`, `Phone/Fax`, ... */
  Source: text,
  /** `Notes` on this extension. */
  JournalType: text,
  /** The record it belongs to: its RecId. */
  ParentLink_RecID: text,
  /** The kind of that record, `Incident` or `ServiceReq`. */
  ParentLink_Category: text,
  /** Whether the customer sees it in Self Service. */
  PublishToWeb: flag,
  /** Who wrote it (a login ID). */
  CreatedBy: text,
  /** When. */
  CreatedDateTime: text,
});
/**
 * @see {@link JournalNoteSchema}
 *
 * @category Schemas
 */
export type JournalNote = z.infer<typeof JournalNoteSchema>;

/**
 * An attachment's record (its bytes come from `attachments.download()`).
 *
 * @example
 * ```ts
 * for await (const file of ivanti.attachments.forRecord(recId)) console.log(file.RecId, file.ATTACHNAME);
 * ```
 *
 * @category Schemas
 */
export const AttachmentRecordSchema = z.looseObject({
  /** The attachment's key. */
  RecId: z.string(),
  /** The file name. */
  ATTACHNAME: text,
  /** The record it is attached to: its RecId. */
  ParentLink_RecID: text,
  /** The kind of that record (`Incident#`, `ServiceReq#`, or without `#`). */
  ParentLink_Category: text,
  /** Who attached it. */
  CreatedBy: text,
  /** When. */
  CreatedDateTime: text,
});
/**
 * @see {@link AttachmentRecordSchema}
 *
 * @category Schemas
 */
export type AttachmentRecord = z.infer<typeof AttachmentRecordSchema>;

/**
 * One file of an upload's answer: stored (`Message` is the attachment's RecId) or refused (`Message` says why).
 *
 * @category Schemas
 */
export const UploadResultSchema = z.looseObject({
  /** The file name. */
  FileName: z.string(),
  /** Whether Ivanti stored it. */
  IsUploaded: z.boolean(),
  /** The attachment's RecId, or why it was refused. */
  Message: z.nullish(z.string()),
});
/**
 * @see {@link UploadResultSchema}
 *
 * @category Schemas
 */
export type UploadResult = z.infer<typeof UploadResultSchema>;
