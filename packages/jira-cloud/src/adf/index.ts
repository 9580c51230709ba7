/**
 * Atlassian Document Format (ADF) helpers: plain text and Markdown to ADF, ADF to plain text.
 *
 * @module
 */
export { textToAdf, type TextToAdfOptions } from './text-to-adf.js';
export { markdownToAdf } from './markdown-to-adf.js';
export { adfToText } from './adf-to-text.js';
export type * from './types.js';
