/**
 * `ivanti.journalNotes`: notes on a record (the `Notes` extension of the `Journal` object, entity set
 * `journal__notess`), internal or published to the customer.
 *
 * @module
 */
import type { Paginator, Transport } from '@itsm/core';
import type { CallOptions } from '@itsm/core/provider';
import { odata } from '../odata/builder.js';
import type { ODataPage } from '../odata/collection.js';
import { JournalNoteSchema, type JournalNote } from '../schemas/activity.js';
import { BusinessObjectResource } from './business-object.js';
import { checkFieldValues, type FieldValues } from './fields.js';
import { checkRecordRef, type RecordRef } from './record-ref.js';
import { checkRecId } from '../odata/names.js';

/** The longest subject the SDK derives from a note's text. */
const SUBJECT_LENGTH = 100;

/**
 * A note to add.
 *
 * @category Resources
 */
export interface NewJournalNote {
  /** The text (`NotesBody`). */
  body: string;
  /** A one-line summary (`Subject`). Default: the text's first line, cut at 100 characters. */
  subject?: string | undefined;
  /** Whether the customer sees it in Self Service (`PublishToWeb`). Default `false`: internal. */
  publishToWeb?: boolean | undefined;
  /** The category (`Memo` by default on Ivanti), e.g. `Customer Notes`. */
  category?: string | undefined;
  /** The source, e.g. `Other` or `E-mail`. */
  source?: string | undefined;
  /**
   * More fields of the note by name, such as a custom field of the tenant (`{ IdempotencyKey: 'chat-4711' }`).
   * A field the options above set (`Subject`, `NotesBody`, `PublishToWeb`, `Category`, `Source`,
   * `ParentLink_*`) is refused here.
   */
  fields?: FieldValues | undefined;
}

/** The fields {@link JournalNotesResource.add} sets from its options, which `note.fields` may not set. */
const OWN_FIELDS = ['subject', 'notesbody', 'publishtoweb', 'category', 'source', 'parentlink', 'parentlink_recid', 'parentlink_category'];

/**
 * Options of {@link JournalNotesResource.forRecord}.
 *
 * @category Resources
 */
export interface RecordNotesOptions extends CallOptions {
  /** Only the notes the customer sees (`PublishToWeb eq true`). */
  publicOnly?: boolean | undefined;
  /** Notes per request, 1 to 100. Default 100. */
  pageSize?: number | undefined;
}

/**
 * Journal notes (`journal__notess`). Querying the extension directly returns notes only (the
 * `…ContainsJournal` relationships also return e-mails and other journal entries).
 *
 * @category Resources
 */
export class JournalNotesResource extends BusinessObjectResource<JournalNote> {
  /**
   * Made by {@link IvantiClient}.
   *
   * @param http - The client's transport.
   * @internal
   */
  constructor(http: Transport) {
    super(http, 'journal__notess', JournalNoteSchema);
  }

  /**
   * Adds a note to a record in one call (its `ParentLink_*` set), internal unless `publishToWeb`.
   * Not retried.
   *
   * @param parent - The record, e.g. `{ category: 'Incident', recId }`.
   * @param note - The text and its options.
   * @param options - Call options.
   * @example
   * ```ts
   * await ivanti.journalNotes.add({ category: 'Incident', recId }, { body: 'We reset your password.', publishToWeb: true });
   * ```
   */
  async add(parent: RecordRef, note: NewJournalNote, options?: CallOptions): Promise<JournalNote> {
    const ref = checkRecordRef(parent, 'parent');
    if (typeof note !== 'object' || note === null) this.kit.fail('note', 'must be { body, subject?, publishToWeb?, category?, source?, fields? }');
    this.kit.knownKeys(note, ['body', 'subject', 'publishToWeb', 'category', 'source', 'fields'], 'note');
    const more = checkFieldValues(note.fields, 'note.fields');
    for (const name of Object.keys(more)) {
      if (OWN_FIELDS.includes(name.toLowerCase())) this.kit.fail(`note.fields.${name}`, 'is set by the other options of the note (body, subject, publishToWeb, category, source, parent)');
    }
    if (typeof note.body !== 'string' || note.body.trim() === '') this.kit.fail('note.body', 'must be a non-empty text');
    for (const key of ['subject', 'category', 'source'] as const) {
      const value = note[key];
      if (value !== undefined && (typeof value !== 'string' || value.trim() === '')) this.kit.fail(`note.${key}`, 'must be a non-empty text');
    }
    if (note.publishToWeb !== undefined && typeof note.publishToWeb !== 'boolean') this.kit.fail('note.publishToWeb', 'must be true or false');
    return this.create(
      {
        ...more,
        Subject: note.subject ?? subjectOf(note.body),
        NotesBody: note.body,
        ParentLink_RecID: ref.recId,
        ParentLink_Category: ref.category,
        PublishToWeb: note.publishToWeb ?? false,
        Category: note.category,
        Source: note.source,
      },
      options,
    );
  }

  /**
   * The notes of a record, oldest first.
   *
   * @param recId - The record's RecId.
   * @param options - `publicOnly`, `pageSize`, call options.
   */
  forRecord(recId: string, options: RecordNotesOptions = {}): Paginator<JournalNote, ODataPage<JournalNote>> {
    const { publicOnly, ...rest } = options;
    const parent = odata.eq('ParentLink_RecID', checkRecId(recId, 'recId'));
    if (publicOnly !== undefined && typeof publicOnly !== 'boolean') this.kit.fail('publicOnly', 'must be true or false');
    const filter = publicOnly === true ? odata.and(parent, odata.eq('PublishToWeb', true)) : parent;
    return this.list({ ...rest, filter, orderBy: ['CreatedDateTime asc', 'RecId asc'] });
  }
}

/** A subject from a note's text: its first non-empty line, cut at {@link SUBJECT_LENGTH} characters. */
export function subjectOf(body: string): string {
  const line = body.split(/\r?\n/).map((part) => part.trim()).find((part) => part !== '') ?? body.trim();
  return line.length > SUBJECT_LENGTH ? `${line.slice(0, SUBJECT_LENGTH - 1)}…` : line;
}
