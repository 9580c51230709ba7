/**
 * Jira's size limits, checked before sending: a value over one is an `InputError` naming the field,
 * not a 400 or a 413 after the upload.
 *
 * @module
 */

/**
 * The longest summary Jira accepts, in characters.
 *
 * @category Limits
 */
export const JIRA_SUMMARY_MAX_LENGTH = 255;

/**
 * The longest text of a rich-text field (description, environment) or a comment body, in
 * characters: Jira's default `jira.text.field.character.limit`. An ADF document counts its text.
 *
 * @category Limits
 */
export const JIRA_TEXT_MAX_LENGTH = 32_767;

/**
 * The largest file sent to Jira, in bytes: 2 GiB, the most one Atlassian Cloud upload carries. A
 * site's own limit may be lower (`GET /rest/api/3/attachment/meta` tells its `uploadLimit`); Jira
 * answers a file over it with a 413.
 *
 * @category Limits
 */
export const JIRA_ATTACHMENT_MAX_BYTES = 2 * 1024 * 1024 * 1024;

/**
 * The largest JSON body the client sends by default, in bytes (10 MiB): far more than any valid
 * request needs (a summary is 255 characters, a rich-text field 32,767), so a larger one is a
 * mistake, refused before it travels. Change it with the client's `maxBodyBytes` option. Uploads are
 * bounded by {@link JIRA_ATTACHMENT_MAX_BYTES} per file instead.
 *
 * @category Limits
 */
export const JIRA_MAX_BODY_BYTES = 10 * 1024 * 1024;
