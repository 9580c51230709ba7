/**
 * The lengths of the Autotask fields the connector writes, as Autotask's entity reference gives them
 * (and `/{Entity}/entityInformation/fields` reports them as `length`; the Swagger document has no
 * lengths). A longer value is refused by Autotask with a 500 "The value for field … is too long";
 * the connector refuses it first, with an `InputError` naming the field.
 *
 * @module
 */

/**
 * The longest ticket title (`Tickets.title`), in characters.
 *
 * @category Limits
 */
export const AUTOTASK_TITLE_MAX_LENGTH = 255;

/**
 * The longest ticket description (`Tickets.description`), in characters.
 *
 * @category Limits
 */
export const AUTOTASK_DESCRIPTION_MAX_LENGTH = 8_000;

/**
 * The longest note text (`TicketNotes.description`), in characters: a comment's body.
 *
 * @category Limits
 */
export const AUTOTASK_NOTE_MAX_LENGTH = 32_000;

/**
 * The longest note title (`TicketNotes.title`), in characters.
 *
 * @category Limits
 */
export const AUTOTASK_NOTE_TITLE_MAX_LENGTH = 250;

/**
 * The longest external id of a ticket (`Tickets.externalID`), in characters: the field the
 * connector keeps a create's idempotency key in.
 *
 * @category Limits
 */
export const AUTOTASK_EXTERNAL_ID_MAX_LENGTH = 50;
