/**
 * Plain text to ADF.
 *
 * @module
 */
import { linkifiedLine, textWithBreaks } from './inline.js';
import type { AdfDocument, AdfParagraph } from './types.js';

/**
 * Options of {@link textToAdf}.
 *
 * @category ADF
 */
export interface TextToAdfOptions {
  /** Give bare `http(s)://` URLs a `link` mark so Jira renders them clickable. Default `true`. */
  linkify?: boolean;
}

const BLANK_LINES = /\n(?:[ \t]*\n)+/;
const LEADING_BLANK_LINES = /^(?:[ \t]*\n)+/;
const TRAILING_BLANK_LINES = /(?:\n[ \t]*)+$/;

/**
 * Turns plain text into an ADF document, as Jira REST v3 wants for `description` and comment `body`.
 *
 * - Line endings are normalised to `\n`.
 * - Blank lines (empty or only spaces/tabs) separate paragraphs; blank lines at the start and the
 *   end are dropped.
 * - A single newline becomes a `hardBreak`.
 * - Never emits an empty text node (Jira rejects `{ type: 'text', text: '' }`); an empty input
 *   gives one empty paragraph, `{ type: 'paragraph' }`.
 * - Bare `http(s)://` URLs get a `link` mark (turn off with `linkify: false`). No other character
 *   has a meaning: `*`, `_`, `#` stay as typed. Use {@link markdownToAdf} for Markdown.
 *
 * {@link adfToText} gives the (normalised) text back.
 *
 * @param text - Plain text, e.g. what a user typed into a chat.
 * @param options - See {@link TextToAdfOptions}.
 * @returns A `doc` with at least one paragraph.
 *
 * @example
 * ```ts
 * textToAdf('Printer on floor 3 is down.\nSince 9:00.\n\nSee https://status.example.com');
 * // { type: 'doc', version: 1, content: [
 * //   { type: 'paragraph', content: [
 * //     { type: 'text', text: 'Printer on floor 3 is down.' }, { type: 'hardBreak' },
 * //     { type: 'text', text: 'Since 9:00.' } ] },
 * //   { type: 'paragraph', content: [
 * //     { type: 'text', text: 'See ' },
 * //     { type: 'text', text: 'https://status.example.com',
 * //       marks: [{ type: 'link', attrs: { href: 'https://status.example.com' } }] } ] } ] }
 * ```
 *
 * @category ADF
 */
export function textToAdf(text: string, options: TextToAdfOptions = {}): AdfDocument {
  const lineNodes = options.linkify === false ? undefined : linkifiedLine;
  const normalised = String(text)
    .replace(/\r\n?/g, '\n')
    .replace(LEADING_BLANK_LINES, '')
    .replace(TRAILING_BLANK_LINES, '');
  const content = normalised.split(BLANK_LINES).map((block): AdfParagraph => {
    const inline = textWithBreaks(block, [], lineNodes);
    return inline.length > 0 ? { type: 'paragraph', content: inline } : { type: 'paragraph' };
  });
  return { type: 'doc', version: 1, content };
}
