/**
 * Types of the Atlassian Document Format (ADF), the JSON rich-text format Jira REST v3 uses for
 * `description`, `environment`, textarea custom fields and comment `body`.
 *
 * Only the nodes and marks this package writes, and the common ones Jira sends back, are modelled;
 * {@link adfToText} reads any JSON. Shapes follow the `@atlaskit/adf-schema` JSON schema
 * (`dist/json-schema/v1/full.json`).
 *
 * @module
 */

/**
 * Bold text.
 *
 * @category ADF
 */
export interface AdfStrongMark {
  type: 'strong';
}
/**
 * Italic text.
 *
 * @category ADF
 */
export interface AdfEmMark {
  type: 'em';
}
/**
 * Struck-through text.
 *
 * @category ADF
 */
export interface AdfStrikeMark {
  type: 'strike';
}
/**
 * Underlined text.
 *
 * @category ADF
 */
export interface AdfUnderlineMark {
  type: 'underline';
}
/**
 * Inline code. Combines only with {@link AdfLinkMark}.
 *
 * @category ADF
 */
export interface AdfCodeMark {
  type: 'code';
}
/**
 * A hyperlink on a run of text.
 *
 * @category ADF
 */
export interface AdfLinkMark {
  type: 'link';
  attrs: {
    /** Target URL. */
    href: string;
    /** Tooltip. */
    title?: string;
  };
}
/**
 * Subscript or superscript.
 *
 * @category ADF
 */
export interface AdfSubsupMark {
  type: 'subsup';
  attrs: { type: 'sub' | 'sup' };
}
/**
 * Coloured text; `color` is `#rrggbb`.
 *
 * @category ADF
 */
export interface AdfTextColorMark {
  type: 'textColor';
  attrs: { color: string };
}

/**
 * A mark: formatting applied to a {@link AdfText} node.
 *
 * @example
 * ```ts
 * const bold: AdfMark = { type: 'strong' };
 * const link: AdfMark = { type: 'link', attrs: { href: 'https://example.com' } };
 * ```
 *
 * @category ADF
 */
export type AdfMark =
  | AdfStrongMark
  | AdfEmMark
  | AdfStrikeMark
  | AdfUnderlineMark
  | AdfCodeMark
  | AdfLinkMark
  | AdfSubsupMark
  | AdfTextColorMark;

/**
 * The `type` of every {@link AdfMark}.
 *
 * @category ADF
 */
export type AdfMarkType = AdfMark['type'];

/**
 * A run of text. `text` must not be empty: Jira rejects `{ type: 'text', text: '' }`.
 *
 * @category ADF
 */
export interface AdfText {
  type: 'text';
  /** At least one character. */
  text: string;
  marks?: AdfMark[];
}
/**
 * A line break inside a paragraph or heading.
 *
 * @category ADF
 */
export interface AdfHardBreak {
  type: 'hardBreak';
  attrs?: { text?: '\n' };
}
/**
 * An @-mention of a user by account id; `attrs.text` is usually `@Display Name`.
 *
 * @category ADF
 */
export interface AdfMention {
  type: 'mention';
  attrs: { id: string; text?: string; accessLevel?: string; userType?: 'DEFAULT' | 'SPECIAL' | 'APP' };
}
/**
 * An emoji; `shortName` is e.g. `:smile:`, `text` the character itself.
 *
 * @category ADF
 */
export interface AdfEmoji {
  type: 'emoji';
  attrs: { shortName: string; id?: string; text?: string };
}
/**
 * A link shown as a smart card inside text.
 *
 * @category ADF
 */
export interface AdfInlineCard {
  type: 'inlineCard';
  attrs: { url: string };
}

/**
 * Nodes that sit inside a paragraph or heading.
 *
 * @category ADF
 */
export type AdfInlineNode = AdfText | AdfHardBreak | AdfMention | AdfEmoji | AdfInlineCard;

/**
 * A paragraph. An empty paragraph has no `content`.
 *
 * @category ADF
 */
export interface AdfParagraph {
  type: 'paragraph';
  content?: AdfInlineNode[];
}
/**
 * A heading, level 1 to 6.
 *
 * @category ADF
 */
export interface AdfHeading {
  type: 'heading';
  attrs: { level: 1 | 2 | 3 | 4 | 5 | 6 };
  content?: AdfInlineNode[];
}
/**
 * A block of code; its text nodes carry no marks.
 *
 * @category ADF
 */
export interface AdfCodeBlock {
  type: 'codeBlock';
  attrs?: { language?: string };
  content?: AdfText[];
}
/**
 * A bulleted list; at least one item.
 *
 * @category ADF
 */
export interface AdfBulletList {
  type: 'bulletList';
  content: AdfListItem[];
}
/**
 * A numbered list; `attrs.order` is the first number (default 1).
 *
 * @category ADF
 */
export interface AdfOrderedList {
  type: 'orderedList';
  attrs?: { order?: number };
  content: AdfListItem[];
}
/**
 * A list item; it starts with a paragraph or code block and may hold nested lists.
 *
 * @category ADF
 */
export interface AdfListItem {
  type: 'listItem';
  content: (AdfParagraph | AdfCodeBlock | AdfBulletList | AdfOrderedList)[];
}
/**
 * A quotation; holds paragraphs, lists and code blocks (no headings or nested quotes).
 *
 * @category ADF
 */
export interface AdfBlockquote {
  type: 'blockquote';
  content: (AdfParagraph | AdfCodeBlock | AdfBulletList | AdfOrderedList)[];
}
/**
 * A horizontal rule.
 *
 * @category ADF
 */
export interface AdfRule {
  type: 'rule';
}
/**
 * A table; rows hold header or data cells.
 *
 * @category ADF
 */
export interface AdfTable {
  type: 'table';
  content: AdfTableRow[];
}
/**
 * A table row.
 *
 * @category ADF
 */
export interface AdfTableRow {
  type: 'tableRow';
  content: AdfTableCell[];
}
/**
 * A header (`tableHeader`) or data (`tableCell`) cell.
 *
 * @category ADF
 */
export interface AdfTableCell {
  type: 'tableHeader' | 'tableCell';
  content: AdfBlockNode[];
}

/**
 * Nodes that sit at the top level of a document.
 *
 * @category ADF
 */
export type AdfBlockNode =
  | AdfParagraph
  | AdfHeading
  | AdfCodeBlock
  | AdfBulletList
  | AdfOrderedList
  | AdfBlockquote
  | AdfRule
  | AdfTable;

/**
 * Any node this package models.
 *
 * @example
 * ```ts
 * const node: AdfNode = { type: 'paragraph', content: [{ type: 'text', text: 'Hello' }] };
 * ```
 *
 * @category ADF
 */
export type AdfNode = AdfBlockNode | AdfInlineNode | AdfListItem | AdfTableRow | AdfTableCell;

/**
 * An ADF document, the value of a v3 rich-text field.
 *
 * @example
 * ```ts
 * const doc: AdfDocument = {
 *   type: 'doc',
 *   version: 1,
 *   content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Printer is on fire' }] }],
 * };
 * ```
 *
 * @category ADF
 */
export interface AdfDocument {
  type: 'doc';
  version: 1;
  content: AdfBlockNode[];
}
