/**
 * Rich-text bodies: what callers pass (plain text, Markdown or ADF) to what Jira REST v3 wants (ADF).
 *
 * @module
 */
import { adfToText, markdownToAdf, textToAdf, type AdfDocument } from '../adf/index.js';
import { JIRA_TEXT_MAX_LENGTH } from '../limits.js';
import { kit } from '../provider.js';

/**
 * How a string body is read: `text` (default; every character literal) or `markdown`.
 *
 * @category Client
 */
export type BodyFormat = 'text' | 'markdown';

/**
 * An ADF document for a body: an ADF document as it is, a string converted as `format` says
 * (asynchronous: Markdown needs `marked`, loaded on first use).
 *
 * @param body - Plain text, Markdown or an ADF document.
 * @param format - How to read a string.
 * @param field - The option's name, for errors.
 * @throws InputError for a blank string, an unknown format, an object that is not an ADF `doc`, NUL
 * or other control characters (tabs and line breaks are fine), or a text longer than Jira's
 * {@link JIRA_TEXT_MAX_LENGTH}.
 */
export async function toAdf(body: string | AdfDocument, format: BodyFormat | undefined, field: string): Promise<AdfDocument> {
  if (format !== undefined && format !== 'text' && format !== 'markdown') kit.fail('format', "must be 'text' or 'markdown'");
  if (typeof body === 'string') {
    if (body.trim() === '') kit.fail(field, 'must not be empty');
    checkText(body, field);
    return format === 'markdown' ? markdownToAdf(body) : textToAdf(body);
  }
  if (typeof body !== 'object' || body === null || body.type !== 'doc' || !Array.isArray(body.content)) {
    kit.fail(field, 'must be a string or an ADF document ({ type: "doc", version: 1, content: [...] })');
  }
  checkText(adfToText(body), field);
  return body;
}

/**
 * Checks the text of a rich-text field or a comment: no NUL or other control characters but tabs
 * and line breaks, at most {@link JIRA_TEXT_MAX_LENGTH} characters.
 *
 * @param text - The text (of an ADF document: its plain text).
 * @param field - The option's name, for errors.
 */
export function checkText(text: string, field: string): void {
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text)) kit.fail(field, 'must not contain control characters other than tabs and line breaks (NUL, ...)');
  if (text.length > JIRA_TEXT_MAX_LENGTH) {
    kit.fail(field, `must be at most ${JIRA_TEXT_MAX_LENGTH} characters (Jira's limit for rich-text fields and comments); it has ${text.length}`);
  }
}
