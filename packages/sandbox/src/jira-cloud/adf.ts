/**
 * Just enough of the Atlassian Document Format for the simulator: check that a v3 rich-text value
 * is a document (Jira answers 400 otherwise), build one from plain text (seeded data, JSM string
 * bodies), and render one back to plain text (JSM, JQL text search) and to HTML (`renderedFields`).
 *
 * @module
 */

/**
 * An ADF node: `type`, and optionally `content`, `text`, `attrs`, `marks`.
 *
 * @category State
 */
export interface AdfNode {
  readonly type: string;
  readonly content?: readonly AdfNode[];
  readonly text?: string;
  readonly attrs?: Readonly<Record<string, unknown>>;
  readonly marks?: readonly { readonly type: string; readonly attrs?: Readonly<Record<string, unknown>> }[];
}

/**
 * The root of an ADF document.
 *
 * @category State
 */
export interface AdfDocument extends AdfNode {
  readonly type: 'doc';
  readonly version: 1;
  readonly content: readonly AdfNode[];
}

/** Jira's message for a v3 rich-text field given something that is not an ADF document. */
export const NOT_A_DOCUMENT = 'Operation value must be an Atlassian Document (see the Atlassian Document Format)';
/** Jira's message for a value that looks like a document but breaks the ADF schema. */
export const INVALID_DOCUMENT = 'INVALID_INPUT';

const BLOCKS = new Set([
  'paragraph', 'heading', 'bulletList', 'orderedList', 'listItem', 'codeBlock', 'blockquote', 'rule', 'panel', 'table',
  'tableRow', 'tableHeader', 'tableCell', 'mediaSingle', 'mediaGroup', 'media', 'expand', 'nestedExpand', 'taskList',
  'taskItem', 'decisionList', 'decisionItem', 'blockCard', 'embedCard', 'layoutSection', 'layoutColumn', 'extension',
  'bodiedExtension', 'multiBodiedExtension', 'mediaInline',
]);
const INLINES = new Set(['text', 'hardBreak', 'mention', 'emoji', 'inlineCard', 'date', 'status', 'placeholder', 'inlineExtension']);

/**
 * Why `value` is not an acceptable ADF document, or `undefined` when it is. A non-object (a plain
 * string, as v2 takes) gets {@link NOT_A_DOCUMENT}; an object that breaks the schema (wrong root,
 * unknown node, empty text node) gets {@link INVALID_DOCUMENT}.
 */
export function adfProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return NOT_A_DOCUMENT;
  const root = value as Record<string, unknown>;
  if (root.type !== 'doc') return NOT_A_DOCUMENT;
  if (root.version !== 1 || !Array.isArray(root.content)) return INVALID_DOCUMENT;
  return root.content.every((node) => validNode(node, 1)) ? undefined : INVALID_DOCUMENT;
}

function validNode(node: unknown, depth: number): boolean {
  if (depth > 50 || typeof node !== 'object' || node === null || Array.isArray(node)) return false;
  const { type, content, text, marks } = node as Record<string, unknown>;
  if (typeof type !== 'string' || !(BLOCKS.has(type) || INLINES.has(type))) return false;
  if (type === 'text' && (typeof text !== 'string' || text.length === 0)) return false;
  if (marks !== undefined && (!Array.isArray(marks) || !marks.every((mark) => typeof mark === 'object' && mark !== null && typeof (mark as { type?: unknown }).type === 'string'))) {
    return false;
  }
  if (content === undefined) return true;
  return Array.isArray(content) && content.every((child) => validNode(child, depth + 1));
}

/** Plain text to a document: blank lines separate paragraphs, single newlines become hard breaks. */
export function textToAdf(text: string): AdfDocument {
  const paragraphs = text.replace(/\r\n?/gu, '\n').split(/\n{2,}/u);
  return {
    type: 'doc',
    version: 1,
    content: paragraphs.map((paragraph): AdfNode => {
      const content = paragraph.split('\n').flatMap((line, index): AdfNode[] => [
        ...(index > 0 ? [{ type: 'hardBreak' }] : []),
        ...(line === '' ? [] : [{ type: 'text', text: line }]),
      ]);
      return content.length > 0 ? { type: 'paragraph', content } : { type: 'paragraph' };
    }),
  };
}

/** A document's plain text: blocks separated by newlines, hard breaks as newlines. */
export function adfToText(document: AdfNode | null | undefined): string {
  if (document === null || document === undefined) return '';
  return blockText(document).replace(/\n{3,}/gu, '\n\n').trim();
}

function blockText(node: AdfNode): string {
  switch (node.type) {
    case 'text':
      return node.text ?? '';
    case 'hardBreak':
      return '\n';
    case 'mention':
    case 'emoji':
    case 'status':
    case 'date':
      return typeof node.attrs?.text === 'string' ? node.attrs.text : '';
    case 'inlineCard':
      return typeof node.attrs?.url === 'string' ? node.attrs.url : '';
    default: {
      const children = node.content ?? [];
      const inline = children.every((child) => INLINES.has(child.type));
      const parts = children.map(blockText);
      return inline ? parts.join('') : parts.join('\n');
    }
  }
}

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** HTML-escapes text. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/gu, (char) => ESCAPES[char] ?? char);
}

/** A document rendered to simple HTML, as `renderedFields` shows it. */
export function adfToHtml(node: AdfNode | null | undefined): string {
  if (node === null || node === undefined) return '';
  const inner = () => (node.content ?? []).map(adfToHtml).join('');
  switch (node.type) {
    case 'doc':
      return inner();
    case 'paragraph':
      return `<p>${inner()}</p>`;
    case 'heading': {
      const level = typeof node.attrs?.level === 'number' ? node.attrs.level : 1;
      return `<h${level}>${inner()}</h${level}>`;
    }
    case 'bulletList':
      return `<ul>${inner()}</ul>`;
    case 'orderedList':
      return `<ol>${inner()}</ol>`;
    case 'listItem':
      return `<li>${inner()}</li>`;
    case 'codeBlock':
      return `<pre>${inner()}</pre>`;
    case 'blockquote':
      return `<blockquote>${inner()}</blockquote>`;
    case 'rule':
      return '<hr>';
    case 'hardBreak':
      return '<br/>';
    case 'text': {
      let html = escapeHtml(node.text ?? '');
      for (const mark of node.marks ?? []) {
        if (mark.type === 'strong') html = `<b>${html}</b>`;
        else if (mark.type === 'em') html = `<em>${html}</em>`;
        else if (mark.type === 'code') html = `<tt>${html}</tt>`;
        else if (mark.type === 'link' && typeof mark.attrs?.href === 'string') html = `<a href="${escapeHtml(mark.attrs.href)}">${html}</a>`;
      }
      return html;
    }
    default:
      return node.content === undefined ? escapeHtml(blockText(node)) : inner();
  }
}

/** Plain (or wiki-markup) text rendered to HTML the way JSM renders a string body: paragraphs and line breaks. */
export function textToHtml(text: string): string {
  return adfToHtml(textToAdf(text));
}
