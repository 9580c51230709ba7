/**
 * `autotask.tickets`: read, query, create and update tickets; their notes and attachments.
 *
 * @module
 */
import { where } from '../query/filter.js';
import type { CallOptions } from '../options.js';
import type { OperationResult } from '../schemas/common.js';
import {
  AutotaskTicketNoteSchema,
  AutotaskTicketSchema,
  type AutotaskTicket,
  type AutotaskTicketNote,
} from '../schemas/entities.js';
import type { ChildCollection } from './child.js';
import type { ResourceContext } from './context.js';
import { EntityReader, type EntityFields } from './entity.js';
import { TicketAttachmentsOf, type TicketAttachmentsResource } from './ticket-attachments.js';

/**
 * A ticket's notes: list, get, create and update (Autotask does not delete notes).
 *
 * @category Resources
 */
export type TicketNoteCollection = Omit<ChildCollection<AutotaskTicketNote>, 'delete'>;

/** Ticket numbers as Autotask writes them: `T` + the day + `.` + the sequence. */
const TICKET_NUMBER = /^T\d{8}\.\d+$/;

/**
 * Tickets (`/Tickets`). Tickets cannot be deleted through the API.
 *
 * @example
 * ```ts
 * const { itemId } = await autotask.tickets.create({ companyID: 0, title: 'VPN drops', status: 1, priority: 2, queueID: 29682833 });
 * await autotask.tickets.update(itemId, { status: 5 });
 * await autotask.tickets.notes(itemId).create({ title: 'Fixed', description: 'Raised the idle timeout.', noteType: 1, publish: 1 });
 * ```
 *
 * @category Resources
 */
export class TicketsResource extends EntityReader<AutotaskTicket> {
  readonly #attachments: TicketAttachmentsResource;

  /**
   * Made by `AutotaskClient`.
   *
   * @param context - The client's transport and helpers.
   * @param attachments - The client's `ticketAttachments`.
   * @internal
   */
  constructor(context: ResourceContext, attachments: TicketAttachmentsResource) {
    super(context, 'Tickets', AutotaskTicketSchema);
    this.#attachments = attachments;
  }

  /**
   * Reads a ticket by its number (`T20260105.0042`).
   *
   * @param ticketNumber - The ticket number.
   * @param options - Call options.
   * @throws `NotFoundError` when no ticket has that number.
   */
  async byNumber(ticketNumber: string, options?: CallOptions): Promise<AutotaskTicket> {
    if (typeof ticketNumber !== 'string' || !TICKET_NUMBER.test(ticketNumber.trim())) this.kit.fail('ticketNumber', 'must be a ticket number such as T20260105.0042');
    const [ticket] = await this.query({ filter: where.eq('ticketNumber', ticketNumber.trim()), maxRecords: 1, ...options }).toArray({ limit: 1 });
    if (ticket === undefined) throw await this.notFound(`${this.base}/query`, `no ticket has the number ${ticketNumber.trim()}`);
    return ticket;
  }

  /**
   * Creates a ticket: `POST /Tickets`. Autotask requires `companyID` (`0` is your own organisation),
   * `title`, `status`, `priority` and a queue (`queueID`) or an assignee (`assignedResourceID` with
   * `assignedResourceRoleID`); read the values from `picklists()`.
   *
   * @param fields - The ticket's fields.
   * @param options - Call options.
   * @returns `{ itemId }`, the new ticket's id.
   */
  async create(fields: EntityFields, options?: CallOptions): Promise<OperationResult> {
    return this.createAt(this.base, fields, options);
  }

  /**
   * Changes the fields given and keeps the others: `PATCH /Tickets`.
   *
   * @param id - The ticket id.
   * @param fields - The fields to change.
   * @param options - Call options.
   */
  async update(id: number, fields: EntityFields, options?: CallOptions): Promise<OperationResult> {
    return this.updateAt(this.base, id, fields, options);
  }

  /**
   * A ticket's notes: `/Tickets/{id}/Notes` (where notes are created: `POST /TicketNotes` does not exist).
   *
   * @param ticketId - The ticket id.
   */
  notes(ticketId: number): TicketNoteCollection {
    return this.childOf(ticketId, 'Notes', AutotaskTicketNoteSchema);
  }

  /**
   * A ticket's attachments: list, get, upload, download, delete.
   *
   * @param ticketId - The ticket id.
   */
  attachments(ticketId: number): TicketAttachmentsOf {
    return new TicketAttachmentsOf(this.#attachments, this.id(ticketId, 'ticketId'));
  }
}
