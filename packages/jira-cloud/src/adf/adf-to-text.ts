/**
 * ADF to plain text, for the shared model's `description` and comment `body`.
 *
 * @module
 */

/** Nodes rendered inside a line; everything else is a block. */
const INLINE_TYPES = new Set([
  'text',
  'hardBreak',
  'mention',
  'emoji',
  'inlineCard',
  'date',
  'status',
  'placeholder',
  'mediaInline',
  'inlineExtension',
]);

/** Deeper nesting than this is cut off (Jira's editor never nests that deep). */
const MAX_DEPTH = 64;

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function attrs(node: Json): Json {
  return isObject(node.attrs) ? node.attrs : {};
}

function children(node: Json): unknown[] {
  return Array.isArray(node.content) ? node.content : [];
}

/** Nodes with content of their own (`text` on one of them is not inline text). */
const BLOCK_TYPES = new Set(['doc', 'paragraph', 'heading', 'codeBlock', 'blockquote', 'bulletList', 'orderedList', 'listItem', 'table', 'tableRow', 'tableCell', 'tableHeader', 'panel', 'expand', 'nestedExpand', 'rule']);

/** Known inline nodes, strings, and unknown nodes that carry a `text`. */
function isInline(value: unknown): boolean {
  if (typeof value === 'string') return true;
  if (!isObject(value)) return false;
  const type = str(value.type);
  return INLINE_TYPES.has(type) || (!BLOCK_TYPES.has(type) && typeof value.text === 'string');
}

/** `href` of a node's `link` mark, if it has one. */
function linkHref(node: Json): string {
  if (!Array.isArray(node.marks)) return '';
  for (const mark of node.marks) {
    if (isObject(mark) && mark.type === 'link') return str(attrs(mark).href);
  }
  return '';
}

/** Indents every line but the first by `width` spaces. */
function hang(text: string, width: number): string {
  return text.replace(/\n(?=.)/g, `\n${' '.repeat(width)}`);
}

/** A calendar date from an ADF `date` node's millisecond timestamp. */
function isoDate(timestamp: string): string {
  if (timestamp.trim() === '') return '';
  const date = new Date(Number(timestamp));
  return Number.isNaN(date.getTime()) ? timestamp : date.toISOString().slice(0, 10);
}

class Renderer {
  /** Objects being rendered right now, to cut off cycles. */
  readonly #path = new Set<object>();

  /** Renders `node` unless it is too deep or already being rendered (a cycle). */
  #enter(node: object, depth: number, render: () => string): string {
    if (depth > MAX_DEPTH || this.#path.has(node)) return '';
    this.#path.add(node);
    try {
      return render();
    } finally {
      this.#path.delete(node);
    }
  }

  /** Renders a list of inline nodes, writing a link's URL after its text when they differ. */
  inline(nodes: unknown[], depth: number): string {
    let out = '';
    let runText = '';
    let runHref = '';
    const flush = () => {
      out += runText;
      if (runHref && runText.trim() !== runHref) out += ` (${runHref})`;
      runText = '';
      runHref = '';
    };
    for (const node of nodes) {
      const href = isObject(node) && node.type === 'text' ? linkHref(node) : '';
      if (href !== runHref) flush();
      runHref = href;
      runText += this.inlineNode(node, depth);
    }
    flush();
    return out;
  }

  inlineNode(node: unknown, depth: number): string {
    if (typeof node === 'string') return node;
    if (Array.isArray(node)) return this.#enter(node, depth, () => this.inline(node, depth + 1));
    if (!isObject(node)) return '';
    return this.#enter(node, depth, () => this.#inlineNode(node, depth));
  }

  #inlineNode(node: Json, depth: number): string {
    const a = attrs(node);
    switch (node.type) {
      case 'text':
        return str(node.text);
      case 'hardBreak':
        return '\n';
      case 'mention': {
        const name = str(a.text) || str(a.id);
        return name === '' || name.startsWith('@') ? name : `@${name}`;
      }
      case 'emoji':
        return str(a.text) || str(a.shortName);
      case 'inlineCard':
        return str(a.url);
      case 'date':
        return isoDate(str(a.timestamp));
      case 'status':
        return str(a.text);
      case 'placeholder':
      case 'mediaInline':
        return '';
      default:
        return typeof node.text === 'string' ? node.text : this.inline(children(node), depth + 1);
    }
  }

  /** Renders block nodes, separated by blank lines. */
  blocks(nodes: unknown[], depth: number): string {
    return nodes
      .map((node) => this.block(node, depth))
      .filter((text) => text !== '')
      .join('\n\n');
  }

  /** Renders content that may be inline (a bare run of text nodes) or blocks. */
  flow(nodes: unknown[], depth: number): string {
    return nodes.every(isInline) ? this.inline(nodes, depth) : this.blocks(nodes, depth);
  }

  block(node: unknown, depth: number): string {
    if (typeof node === 'string') return node;
    if (Array.isArray(node)) return this.#enter(node, depth, () => this.flow(node, depth + 1));
    if (!isObject(node)) return '';
    if (isInline(node)) return this.inline([node], depth);
    return this.#enter(node, depth, () => this.#block(node, depth));
  }

  #block(node: Json, depth: number): string {
    const a = attrs(node);
    const content = children(node);
    switch (node.type) {
      case 'paragraph':
      case 'heading':
        return this.inline(content, depth + 1);
      case 'codeBlock':
        return content.map((child) => (isObject(child) ? str(child.text) : '')).join('');
      case 'blockquote': {
        const body = this.blocks(content, depth + 1);
        if (body === '') return '';
        return body
          .split('\n')
          .map((line) => (line === '' ? '>' : `> ${line}`))
          .join('\n');
      }
      case 'rule':
        return '---';
      case 'bulletList':
        return this.list(content, depth, () => '- ');
      case 'orderedList': {
        const start = typeof a.order === 'number' && Number.isFinite(a.order) ? Math.trunc(a.order) : 1;
        return this.list(content, depth, (index) => `${start + index}. `);
      }
      case 'table':
        return content.map((row) => this.tableRow(row, depth + 1)).join('\n');
      case 'blockCard':
      case 'embedCard':
        return str(a.url);
      case 'expand':
      case 'nestedExpand': {
        const title = str(a.title);
        const body = this.blocks(content, depth + 1);
        return title && body ? `${title}\n\n${body}` : title || body;
      }
      default:
        return this.flow(content, depth + 1);
    }
  }

  /** One line per item; an item's later blocks hang under its first line. */
  list(items: unknown[], depth: number, marker: (index: number) => string): string {
    const lines: string[] = [];
    items.forEach((item, index) => {
      if (!isObject(item)) return;
      const prefix = marker(index);
      const body = this.#enter(item, depth + 1, () =>
        children(item)
          .map((child) => this.block(child, depth + 2))
          .filter((text) => text !== '')
          .join('\n'),
      );
      lines.push(prefix + hang(body, prefix.length));
    });
    return lines.join('\n');
  }

  tableRow(row: unknown, depth: number): string {
    if (!isObject(row)) return '';
    return this.#enter(row, depth, () =>
      children(row)
        .map((cell) => this.block(cell, depth + 1).replace(/\s*\n\s*/g, ' '))
        .join('\t'),
    );
  }
}

/**
 * Turns an ADF document (or any ADF node) into plain text.
 *
 * - Blocks (paragraphs, headings, lists, code blocks, …) are separated by a blank line.
 * - `hardBreak` becomes a newline; a code block is kept verbatim.
 * - List items become `- item` / `1. item` lines, nested items indented under their parent.
 * - A blockquote's lines start with `> `; a rule is `---`; a table gives one line per row,
 *   cells separated by tabs.
 * - Mentions become `@Name`, emoji their character (or `:short_name:`), smart cards their URL,
 *   dates `YYYY-MM-DD`; linked text is followed by ` (url)` unless the text is the URL.
 * - Unknown node types contribute the text of their content.
 *
 * Never throws: a string is returned as it is, `null`, `undefined` and other non-ADF values
 * give `''`, cycles and nesting deeper than 64 levels are cut off.
 *
 * @param doc - An ADF document as Jira returns it (e.g. `fields.description`), or any value.
 * @returns Plain text; `''` for an empty document.
 *
 * @example
 * ```ts
 * adfToText({
 *   type: 'doc', version: 1,
 *   content: [
 *     { type: 'paragraph', content: [
 *       { type: 'mention', attrs: { id: '5b10ac8d82e05b22cc7d4ef5', text: '@Ann' } },
 *       { type: 'text', text: ' please check' } ] },
 *     { type: 'bulletList', content: [
 *       { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'cable' }] }] } ] },
 *   ],
 * });
 * // '@Ann please check\n\n- cable'
 * ```
 *
 * @category ADF
 */
export function adfToText(doc: unknown): string {
  if (typeof doc === 'string') return doc;
  if (!isObject(doc) && !Array.isArray(doc)) return '';
  return new Renderer().block(doc, 0);
}
