/**
 * Ivanti's sizes, checked by the connector before sending: a value over one is an `InputError`
 * naming the field, instead of a failed save after the request.
 *
 * The stock business objects say what they hold (Ivanti's business-object references list each
 * field's type and size); a tenant's administrator can resize fields, and the largest attachment is
 * a tenant setting the API does not tell. Both are stated here as a stock tenant has them.
 *
 * @module
 */

/**
 * The longest `Subject` of a stock incident or service request, in characters (a 255-character text field).
 *
 * @category Limits
 */
export const IVANTI_SUBJECT_MAX_LENGTH = 255;

/**
 * The longest `Symptom` (the description) or `NotesBody` (a journal note's text) the connector sends,
 * in characters. The stock fields are unlimited text; the bound keeps a request well under the 4 MB
 * request size an ASP.NET server (which Ivanti is) accepts by default, since a JSON string of
 * non-ASCII text takes up to three bytes per character.
 *
 * @category Limits
 */
export const IVANTI_TEXT_MAX_LENGTH = 1_000_000;

/**
 * The largest attachment the connector uploads by default, in bytes (10 MiB). Ivanti does not
 * document a fixed limit: the tenant's administrator sets it, and a larger file is refused with
 * HTTP 300 after it was sent. Set the connector's `attachmentMaxBytes` to your tenant's limit.
 *
 * @category Limits
 */
export const IVANTI_DEFAULT_ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;
