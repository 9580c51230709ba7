/**
 * `TicketAttachments` (`TicketAttachmentModel`): created, read with their `data` and deleted under
 * `/Tickets/{id}/Attachments`; queried at the root, where `data` is always `null`.
 *
 * @module
 */
import { defineEntity } from '../entity.js';
import { boolean, datetime, double, integer, long, string } from '../fields.js';
import { ATTACHMENT_TYPES, PERSON_TYPES, PUBLISH_VALUES } from '../picklists.js';

const ro = { readOnly: true } as const;

/** The TicketAttachments entity. */
export const TICKET_ATTACHMENTS = defineEntity({
  name: 'TicketAttachments',
  internalName: 'AttachmentInfo',
  capabilities: { canCreate: true, canUpdate: false, canDelete: true, canQuery: true, supportsWebhookCallouts: false },
  indexed: ['ticketID'],
  fields: [
    long('id', ro),
    datetime('attachDate', ro),
    long('attachedByContactID', { reference: 'Contact' }),
    long('attachedByResourceID', { ...ro, reference: 'Resource' }),
    string('attachmentType', { required: true, picklist: ATTACHMENT_TYPES }),
    string('contentType', ro),
    integer('creatorType', { ...ro, picklist: PERSON_TYPES }),
    double('fileSize', ro),
    string('fullPath', { required: true, length: 255 }),
    integer('impersonatorCreatorResourceID', { ...ro, reference: 'Resource' }),
    long('opportunityID', ro),
    integer('parentAttachmentID', ro),
    long('parentID', ro),
    integer('publish', { required: true, picklist: PUBLISH_VALUES }),
    integer('ticketID', { ...ro, reference: 'Ticket' }),
    integer('ticketNoteID', ro),
    integer('timeEntryID', ro),
    string('title', { required: true, length: 255 }),
    string('data', { queryable: false }),
    integer('parentType', ro),
    boolean('isTaskAttachment', ro),
  ],
  udfs: undefined,
});
