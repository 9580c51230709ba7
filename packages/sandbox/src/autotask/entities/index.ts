/**
 * The entities the Autotask simulator serves, by REST name and by lower-case path segment.
 *
 * @module
 */
import type { EntityDefinition, EntityName } from '../entity.js';
import { COMPANIES } from './companies.js';
import { CONTACTS } from './contacts.js';
import { RESOURCES } from './resources.js';
import { TICKET_ATTACHMENTS } from './ticket-attachments.js';
import { TICKET_NOTES } from './ticket-notes.js';
import { TICKETS } from './tickets.js';

export { COMPANIES, CONTACTS, RESOURCES, TICKET_ATTACHMENTS, TICKET_NOTES, TICKETS };

/**
 * Every served entity by REST name.
 *
 * @category Definitions
 */
export const ENTITIES: Readonly<Record<EntityName, EntityDefinition>> = {
  Tickets: TICKETS,
  TicketNotes: TICKET_NOTES,
  TicketAttachments: TICKET_ATTACHMENTS,
  Contacts: CONTACTS,
  Resources: RESOURCES,
  Companies: COMPANIES,
};

/** Every served entity. */
export const ENTITY_LIST: readonly EntityDefinition[] = Object.values(ENTITIES);
