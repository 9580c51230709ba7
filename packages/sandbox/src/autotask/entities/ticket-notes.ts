/**
 * `TicketNotes` (`TicketNoteModel`): created and listed under `/Tickets/{id}/Notes`, queried at the root.
 *
 * @module
 */
import { defineEntity } from '../entity.js';
import { datetime, integer, long, string } from '../fields.js';
import { NOTE_TYPES, PUBLISH_VALUES } from '../picklists.js';

const ro = { readOnly: true } as const;

/** The TicketNotes entity. */
export const TICKET_NOTES = defineEntity({
  name: 'TicketNotes',
  internalName: 'TicketNote',
  capabilities: { canCreate: true, canUpdate: true, canDelete: false, canQuery: true, supportsWebhookCallouts: true },
  indexed: ['ticketID'],
  fields: [
    long('id', ro),
    datetime('createDateTime', ro),
    integer('createdByContactID', { reference: 'Contact' }),
    integer('creatorResourceID', { ...ro, reference: 'Resource' }),
    string('description', { required: true, length: 32000 }),
    integer('impersonatorCreatorResourceID', { ...ro, reference: 'Resource' }),
    integer('impersonatorUpdaterResourceID', { ...ro, reference: 'Resource' }),
    datetime('lastActivityDate', ro),
    integer('noteType', { required: true, picklist: NOTE_TYPES }),
    integer('publish', { required: true, picklist: PUBLISH_VALUES }),
    integer('ticketID', { required: true, reference: 'Ticket' }),
    string('title', { length: 250 }),
  ],
  udfs: undefined,
});
