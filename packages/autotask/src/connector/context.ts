/**
 * What every part of the connector shares: the client, the options, the mappings, and the tenant's
 * picklists (read once, through the client).
 *
 * @internal
 * @module
 */
import { type CommentVisibility, type StatusCategory, type StatusInput, type Ticket, type UserRef } from '@itsm/core';
import { normaliseName } from '@itsm/core/provider';
import type { AutotaskClient } from '../client.js';
import type { EntityPicklists, Picklist, PicklistEntry } from '../picklists.js';
import { kit } from '../provider.js';
import type { AutotaskTicket } from '../schemas/entities.js';
import type { ResolvedConnectorOptions } from './options.js';
import { createPriorityMapper } from './priority-map.js';
import { createStatusMapper, type StatusMapper } from './status-map.js';
import { autotaskTicketToTicket } from './ticket.js';
import { chooseStatus, statusesIn } from './transition.js';
import { createTypeMapper } from './type-map.js';

/** Ticket numbers: `T` + the day + `.` + the sequence. */
const TICKET_NUMBER = /^T\d{8}\.\d+$/;

/** The connector's shared state. */
export class ConnectorContext {
  readonly client: AutotaskClient;
  readonly options: ResolvedConnectorOptions;
  readonly statusCategory: StatusMapper;
  readonly priorityLevel: ReturnType<typeof createPriorityMapper>;
  readonly ticketType: ReturnType<typeof createTypeMapper>;

  constructor(options: ResolvedConnectorOptions) {
    this.options = options;
    this.client = options.client;
    this.statusCategory = createStatusMapper(options.statusMap);
    this.priorityLevel = createPriorityMapper(options.priorityMap);
    this.ticketType = createTypeMapper(options.typeMap);
  }

  /** The tenant's ticket picklists. */
  ticketPicklists(): Promise<EntityPicklists> {
    return this.client.picklists('Tickets');
  }

  /** A picklist of an entity that must exist. */
  async picklist(entity: 'Tickets' | 'TicketNotes' | 'TicketAttachments', field: string): Promise<Picklist> {
    return (await this.client.picklists(entity)).require(field);
  }

  /** A ticket as the model's `Ticket`, with its link. */
  async toTicket(ticket: AutotaskTicket, requester?: UserRef): Promise<Ticket> {
    const [picklists, url] = await Promise.all([this.ticketPicklists(), this.client.links.ticket(ticket.id)]);
    return autotaskTicketToTicket(ticket, {
      picklists,
      statusCategory: this.statusCategory,
      priorityLevel: this.priorityLevel,
      ticketType: this.ticketType,
      url,
      requester,
      raw: this.options.raw,
      customFields: this.options.customFields,
    });
  }

  /**
   * Reads a ticket by id or number (a string the connector checked as an id).
   *
   * @throws `InputError` naming `field` for something that is neither; `NotFoundError` for a missing ticket.
   */
  async readTicket(idOrKey: string, field: string): Promise<AutotaskTicket> {
    const value = idOrKey.trim();
    if (/^\d{1,15}$/.test(value)) return this.client.tickets.get(Number(value));
    if (TICKET_NUMBER.test(value)) return this.client.tickets.byNumber(value);
    return kit.fail(field, 'must be a ticket id or a ticket number such as T20260105.0042');
  }

  /** The status values of some categories, inactive ones included (tickets may still have them). */
  async statusValuesIn(categories: readonly StatusCategory[]): Promise<number[]> {
    const statuses = await this.picklist('Tickets', 'status');
    return statuses.entries
      .filter((entry) => categories.includes(this.statusCategory({ id: entry.value, name: entry.label })))
      .map((entry) => Number(entry.value));
  }

  /** The status a ticket moves to for a category; see `chooseStatus`. */
  async statusFor(to: StatusInput, from?: StatusCategory): Promise<PicklistEntry> {
    const statuses = await this.picklist('Tickets', 'status');
    return chooseStatus({ statuses, statusCategory: this.statusCategory, configured: this.options.transitionStatus }, to, from);
  }

  /** The active statuses of a category. */
  async activeStatusesIn(category: StatusCategory): Promise<PicklistEntry[]> {
    return statusesIn({ statuses: await this.picklist('Tickets', 'status'), statusCategory: this.statusCategory }, category);
  }

  /**
   * The `publish` value of a visibility for notes or attachments: the configured one, else the
   * value labelled "All Autotask Users" (public) or "Internal Only" (internal), else the one whose
   * label starts with "All" / speaks of "internal".
   */
  async publishValue(visibility: CommentVisibility, entity: 'TicketNotes' | 'TicketAttachments'): Promise<number> {
    const publish = await this.picklist(entity, 'publish');
    const configured = this.options.publish[visibility];
    if (configured !== undefined) return Number(publish.require(configured, `publish.${visibility}`).value);
    const active = publish.active();
    const named = visibility === 'public' ? 'All Autotask Users' : 'Internal Only';
    const pattern = visibility === 'public' ? /^all\b/i : /internal/i;
    const found = active.find((entry) => normaliseName(entry.label) === normaliseName(named)) ?? active.find((entry) => pattern.test(entry.label));
    if (found === undefined) {
      return kit.fail(`publish.${visibility}`, `cannot be told from the ${entity} publish picklist (${active.map((entry) => `${entry.label} (${entry.value})`).join(', ')}): set the publish option`);
    }
    return Number(found.value);
  }

  /** The note type of comments: `defaults.noteType`, else the picklist's default, else its first active non-system value. */
  async noteType(): Promise<number> {
    const types = await this.picklist('TicketNotes', 'noteType');
    const configured = this.options.defaults.noteType;
    if (configured !== undefined) return Number(types.require(configured, 'defaults.noteType').value);
    const chosen = types.defaultEntry ?? types.active().find((entry) => !entry.isSystem);
    if (chosen === undefined) return kit.fail('defaults.noteType', 'is needed: the TicketNotes noteType picklist has no default; name the note type of comments');
    return Number(chosen.value);
  }
}
