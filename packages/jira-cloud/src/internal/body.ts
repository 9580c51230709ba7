/**
 * Rich-text bodies: what callers pass (plain text, Markdown or ADF) to what Jira REST v3 wants (ADF).
 *
 * @module
 */
import { markdownToAdf, textToAdf, type AdfDocument } from '../adf/index.js';
import { kit } from '../provider.js';

/** How a string body is read: `text` (default; every character literal) or `markdown`. */
export type BodyFormat = 'text' | 'markdown';

/**
 * An ADF document for a body: an ADF document as it is, a string converted as `format` says.
 *
 * @param body - Plain text, Markdown or an ADF document.
 * @param format - How to read a string.
 * @param field - The option's name, for errors.
 * @throws InputError for a blank string, an unknown format, or an object that is not an ADF `doc`.
 */
export function toAdf(body: string | AdfDocument, format: BodyFormat | undefined, field: string): AdfDocument {
  if (format !== undefined && format !== 'text' && format !== 'markdown') kit.fail('format', "must be 'text' or 'markdown'");
  if (typeof body === 'string') {
    if (body.trim() === '') kit.fail(field, 'must not be empty');
    return format === 'markdown' ? markdownToAdf(body) : textToAdf(body);
  }
  if (typeof body !== 'object' || body === null || body.type !== 'doc' || !Array.isArray(body.content)) {
    kit.fail(field, 'must be a string or an ADF document ({ type: "doc", version: 1, content: [...] })');
  }
  return body;
}
