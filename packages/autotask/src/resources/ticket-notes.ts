/**
 * `autotask.ticketNotes`: notes on tickets, queried at the root and written under their ticket.
 *
 * @module
 */
import type { CallOptions } from '../options.js';
import type { OperationResult } from '../schemas/common.js';
import { AutotaskTicketNoteSchema, type AutotaskTicketNote } from '../schemas/entities.js';
import type { ResourceContext } from './context.js';
import { EntityReader, type EntityFields } from './entity.js';

/**
 * Ticket notes (`TicketNotes`). A note's `noteType` and `publish` (who sees it) are tenant
 * picklists: read them with `picklists()`, never assume them. A query of notes should filter on
 * `ticketID`: a query without it reads every note of the database.
 *
 * @example
 * ```ts
 * const publish = (await autotask.ticketNotes.picklists()).require('publish');
 * await autotask.ticketNotes.create(29684321, {
 *   title: 'Update', description: 'We are on it.', noteType: 1, publish: publish.valueOf('All Autotask Users'),
 * });
 * ```
 *
 * @category Resources
 */
export class TicketNotesResource extends EntityReader<AutotaskTicketNote> {
  /**
   * Made by `AutotaskClient`.
   *
   * @param context - The client's transport and helpers.
   * @internal
   */
  constructor(context: ResourceContext) {
    super(context, 'TicketNotes', AutotaskTicketNoteSchema);
  }

  /**
   * Adds a note to a ticket: `POST /Tickets/{id}/Notes`. `ticketID` is set from `ticketId`.
   *
   * @param ticketId - The ticket id.
   * @param fields - The note: `description`, `noteType`, `publish`, and `title` where the ticket's category requires one.
   * @param options - Call options.
   * @returns `{ itemId }`, the note's id.
   */
  async create(ticketId: number, fields: EntityFields, options?: CallOptions): Promise<OperationResult> {
    const parent = this.id(ticketId, 'ticketId');
    const body = this.writeFields(fields, 'fields');
    if (body.ticketID !== undefined && Number(body.ticketID) !== parent) this.kit.fail('fields.ticketID', `must be left out, or be ticketId (${parent})`);
    return this.childOf(parent, 'Notes', AutotaskTicketNoteSchema, 'Tickets').create({ ...body, ticketID: parent }, options);
  }

  /**
   * Changes the fields of a note: `PATCH /Tickets/{id}/Notes`.
   *
   * @param ticketId - The ticket id.
   * @param noteId - The note id.
   * @param fields - The fields to change.
   * @param options - Call options.
   */
  async update(ticketId: number, noteId: number, fields: EntityFields, options?: CallOptions): Promise<OperationResult> {
    return this.childOf(ticketId, 'Notes', AutotaskTicketNoteSchema, 'Tickets').update(noteId, fields, options);
  }
}
