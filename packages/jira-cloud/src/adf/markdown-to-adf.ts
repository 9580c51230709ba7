/**
 * Markdown to ADF: `marked`'s lexer parses, this module maps its tokens to ADF nodes.
 *
 * Library choice (npm registry, November 2026; sizes from `npm pack`):
 * - `marked` 18.2.1 — zero dependencies, TypeScript types bundled, 52 kB ESM (15.6 kB gzipped),
 *   53 releases in 2026, maintained by the markedjs org. Its `Lexer` yields a typed token tree (GFM
 *   tables, task lists, autolinks), so the ADF mapping, and the rules Jira enforces (no empty text
 *   node, `code` combines only with `link`, no headings inside lists or quotes), stay in our hands.
 *   ESM-only, which our CJS build can `require()` on Node >= 22.12 (no top-level await).
 * - `marklassian` 1.2.1 (~89k downloads/month) — one file, 49 kB unpacked, but its public types
 *   use `any`, it pins `marked` ^15 || ^16 (a second, older copy next to ours) and we could not
 *   enforce Jira's rules on its output without re-walking it.
 * - `md-to-adf` 0.6.4 (~43k/month) — untyped, 265 kB, depends on `marked` ^0.8 (2020) and
 *   `adf-builder`.
 * - `@atlaskit/editor-markdown-transformer` 6.3.1 — official, but pulls ProseMirror, the whole
 *   `@atlaskit/adf-schema`, `markdown-it` and `@babel/runtime`.
 * - `mdast-util-from-markdown` 2.1.0 — good AST, but 12 direct dependencies (micromark has 17).
 *
 * Chosen: `marked` (lexer only) + this mapping.
 *
 * @module
 */
import type { MarkedToken, Token, Tokens } from 'marked';
import { textNode, textWithBreaks } from './inline.js';
import { loadMarked } from './marked.js';
import type {
  AdfBlockNode,
  AdfBlockquote,
  AdfCodeBlock,
  AdfDocument,
  AdfHeading,
  AdfInlineNode,
  AdfListItem,
  AdfMark,
  AdfParagraph,
  AdfTable,
  AdfTableCell,
} from './types.js';

/** Blocks allowed inside a list item or a blockquote. */
type NestedBlock = AdfListItem['content'][number];

/** Link targets Jira should render; anything else (e.g. `javascript:`) keeps its text, loses the link. */
const SAFE_HREF = /^(?:https?|mailto|ftp|sftp|tel):/i;

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Decodes the HTML character references `marked` leaves in text (`&amp;`, `&#169;`, `&#x1F600;`). */
function decodeEntities(text: string): string {
  return text.replace(/&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z]+));/g, (entity, dec?: string, hex?: string, name?: string) => {
    if (name !== undefined) return NAMED_ENTITIES[name] ?? entity;
    const codePoint = dec !== undefined ? Number.parseInt(dec, 10) : Number.parseInt(hex ?? '', 16);
    const valid = codePoint > 0 && codePoint <= 0x10ffff && (codePoint < 0xd800 || codePoint > 0xdfff);
    return String.fromCodePoint(valid ? codePoint : 0xfffd);
  });
}

/** The lexer's tokens are `MarkedToken`s unless extensions are installed, which we never do. */
function known(token: Token): MarkedToken {
  return token as MarkedToken;
}

/** Adds a mark, once per type. */
function withMark(marks: readonly AdfMark[], mark: AdfMark): AdfMark[] {
  return marks.some((existing) => existing.type === mark.type) ? [...marks] : [...marks, mark];
}

function sameMarks(a: readonly AdfMark[] = [], b: readonly AdfMark[] = []): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Joins neighbouring text nodes that carry the same marks. */
function mergeText(nodes: AdfInlineNode[]): AdfInlineNode[] {
  const merged: AdfInlineNode[] = [];
  for (const node of nodes) {
    const previous = merged.at(-1);
    if (node.type === 'text' && previous?.type === 'text' && sameMarks(previous.marks, node.marks)) {
      merged[merged.length - 1] = { ...previous, text: previous.text + node.text };
    } else {
      merged.push(node);
    }
  }
  return merged;
}

function inlines(tokens: readonly Token[] | undefined, marks: readonly AdfMark[] = []): AdfInlineNode[] {
  return (tokens ?? []).flatMap((token) => inline(known(token), marks));
}

function inline(token: MarkedToken, marks: readonly AdfMark[]): AdfInlineNode[] {
  switch (token.type) {
    case 'text':
      return token.tokens ? inlines(token.tokens, marks) : textWithBreaks(decodeEntities(token.text), marks);
    case 'escape':
      return textNode(token.text, marks);
    case 'strong':
      return inlines(token.tokens, withMark(marks, { type: 'strong' }));
    case 'em':
      return inlines(token.tokens, withMark(marks, { type: 'em' }));
    case 'del':
      return inlines(token.tokens, withMark(marks, { type: 'strike' }));
    case 'codespan': {
      // ADF's `code` mark combines only with `link`.
      const codeMarks = [...marks.filter((mark) => mark.type === 'link'), { type: 'code' } as const];
      return textNode(token.text.replace(/\n/g, ' '), codeMarks);
    }
    case 'br':
      return [{ type: 'hardBreak' }];
    case 'link':
    case 'image': {
      const linkMarks = SAFE_HREF.test(token.href) ? withMark(marks, link(token.href, token.title)) : [...marks];
      // An image has no ADF equivalent without an upload; an autolink's text is literal (no entities).
      const literal = token.type === 'image' || token.autolink === true;
      const content = literal ? textNode(token.text, linkMarks) : inlines(token.tokens, linkMarks);
      return content.length > 0 ? content : textNode(token.href, linkMarks);
    }
    case 'html':
      return textWithBreaks(token.text, marks);
    case 'checkbox':
      return textNode(token.checked ? '[x] ' : '[ ] ', marks);
    default:
      return fallbackInline(token, marks);
  }
}

function link(href: string, title: string | null | undefined): AdfMark {
  return title ? { type: 'link', attrs: { href, title } } : { type: 'link', attrs: { href } };
}

/** Tokens this mapping has no rule for (block tokens in inline position): keep their text. */
function fallbackInline(token: MarkedToken, marks: readonly AdfMark[]): AdfInlineNode[] {
  if ('tokens' in token && Array.isArray(token.tokens)) return inlines(token.tokens, marks);
  if ('text' in token && typeof token.text === 'string') return textWithBreaks(token.text, marks);
  return [];
}

function paragraph(content: AdfInlineNode[]): AdfParagraph {
  const merged = mergeText(content);
  return merged.length > 0 ? { type: 'paragraph', content: merged } : { type: 'paragraph' };
}

function blocks(tokens: readonly Token[]): AdfBlockNode[] {
  return tokens.flatMap((token) => block(known(token)));
}

function block(token: MarkedToken): AdfBlockNode[] {
  switch (token.type) {
    case 'space':
    case 'def':
      return [];
    case 'paragraph':
    case 'text':
      return [paragraph(inlines(token.tokens ?? [token]))];
    case 'heading': {
      const level = Math.min(Math.max(token.depth, 1), 6) as AdfHeading['attrs']['level'];
      const content = mergeText(inlines(token.tokens));
      return [content.length > 0 ? { type: 'heading', attrs: { level }, content } : { type: 'heading', attrs: { level } }];
    }
    case 'code':
      return [codeBlock(token)];
    case 'blockquote':
      return [{ type: 'blockquote', content: nested(blocks(token.tokens)) } satisfies AdfBlockquote];
    case 'list': {
      const content = token.items.map(listItem);
      if (!token.ordered) return [{ type: 'bulletList', content }];
      return typeof token.start === 'number' && token.start !== 1
        ? [{ type: 'orderedList', attrs: { order: Math.max(token.start, 0) }, content }]
        : [{ type: 'orderedList', content }];
    }
    case 'list_item':
      return nested(blocks(token.tokens));
    case 'hr':
      return [{ type: 'rule' }];
    case 'table':
      return [table(token)];
    case 'html':
      return [paragraph(textWithBreaks(token.text.replace(/\n+$/, '')))];
    default:
      return [paragraph(fallbackInline(token, []))];
  }
}

function codeBlock(token: Tokens.Code): AdfCodeBlock {
  const language = token.lang?.trim().split(/\s+/)[0];
  const node: AdfCodeBlock = { type: 'codeBlock' };
  if (language) node.attrs = { language };
  if (token.text !== '') node.content = [{ type: 'text', text: token.text }];
  return node;
}

function listItem(token: Tokens.ListItem): AdfListItem {
  const [checkbox, ...rest] = token.tokens;
  const isTask = checkbox !== undefined && known(checkbox).type === 'checkbox';
  const content = nested(blocks(isTask ? rest : token.tokens));
  if (isTask) {
    const box = textNode((checkbox as Tokens.Checkbox).checked ? '[x] ' : '[ ] ');
    const first = content[0];
    if (first?.type === 'paragraph') content[0] = paragraph([...box, ...(first.content ?? [])]);
    else content.unshift(paragraph(box));
  }
  const first = content[0];
  // A list item must start with a paragraph or code block (e.g. `- - a` starts with a list).
  if (first === undefined || (first.type !== 'paragraph' && first.type !== 'codeBlock')) {
    content.unshift({ type: 'paragraph' });
  }
  return { type: 'listItem', content };
}

function table(token: Tokens.Table): AdfTable {
  const row = (cells: Tokens.TableCell[], type: AdfTableCell['type']) => ({
    type: 'tableRow' as const,
    content: cells.map((cell): AdfTableCell => ({ type, content: [paragraph(inlines(cell.tokens))] })),
  });
  return {
    type: 'table',
    content: [row(token.header, 'tableHeader'), ...token.rows.map((cells) => row(cells, 'tableCell'))],
  };
}

/**
 * Rewrites blocks for a list item or blockquote, which ADF limits to paragraphs, lists and code
 * blocks: a heading becomes a paragraph, a quote gives up its content, a rule is dropped and a
 * table becomes one paragraph per row. Never empty.
 */
function nested(content: AdfBlockNode[]): NestedBlock[] {
  const result = content.flatMap((node): NestedBlock[] => {
    switch (node.type) {
      case 'heading':
        return [paragraph(node.content ?? [])];
      case 'blockquote':
        return node.content;
      case 'rule':
        return [];
      case 'table':
        return node.content.map((row) =>
          paragraph(
            row.content.flatMap((cell, index) => [
              ...(index > 0 ? textNode(' | ') : []),
              ...cell.content.flatMap((inner) => (inner.type === 'paragraph' ? (inner.content ?? []) : [])),
            ]),
          ),
        );
      default:
        return [node];
    }
  });
  return result.length > 0 ? result : [{ type: 'paragraph' }];
}

/**
 * Turns Markdown (CommonMark + GitHub extensions) into an ADF document.
 *
 * | Markdown | ADF |
 * |---|---|
 * | `# Title` … `###### Title` | `heading` (level 1–6) |
 * | blank-line separated text | `paragraph` |
 * | newline inside a paragraph, `  ⏎`, `\⏎` | `hardBreak` (as on GitHub comments) |
 * | `**b**`, `*i*`, `~~s~~`, `` `c` `` | marks `strong`, `em`, `strike`, `code` |
 * | `[text](url)`, `<url>`, bare URLs | `link` mark (http(s), mailto, ftp, tel only) |
 * | `- a` / `1. a`, nested by indentation | `bulletList` / `orderedList` (start kept in `attrs.order`) |
 * | `- [ ] task` | list item starting with `[ ] ` / `[x] ` |
 * | fenced code with info string | `codeBlock` with `attrs.language` |
 * | `> quote` | `blockquote` |
 * | `---` | `rule` |
 * | GFM table | `table` (first row `tableHeader`) |
 * | `![alt](url)` | text `alt` linked to `url` (images need an upload in Jira) |
 * | raw HTML | kept as text |
 *
 * Never emits an empty text node; an empty input gives one empty paragraph. Headings, quotes,
 * rules and tables inside lists or quotes are rewritten to what ADF allows there.
 *
 * @param markdown - Markdown source.
 * @returns A `doc` with at least one block. Asynchronous because `marked`, the Markdown parser, is
 *   loaded on the first call rather than when the package is imported.
 *
 * @example
 * ```ts
 * await markdownToAdf('## Steps\n\n1. Restart the **router**\n2. Run `ipconfig /renew`');
 * // { type: 'doc', version: 1, content: [
 * //   { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Steps' }] },
 * //   { type: 'orderedList', content: [
 * //     { type: 'listItem', content: [{ type: 'paragraph', content: [
 * //       { type: 'text', text: 'Restart the ' },
 * //       { type: 'text', text: 'router', marks: [{ type: 'strong' }] } ] }] },
 * //     { type: 'listItem', content: [{ type: 'paragraph', content: [
 * //       { type: 'text', text: 'Run ' },
 * //       { type: 'text', text: 'ipconfig /renew', marks: [{ type: 'code' }] } ] }] } ] } ] }
 * ```
 *
 * @category ADF
 */
export async function markdownToAdf(markdown: string): Promise<AdfDocument> {
  const { getDefaults, Lexer } = await loadMarked();
  const tokens = new Lexer({ ...getDefaults(), gfm: true, breaks: true }).lex(String(markdown));
  const content = blocks(tokens);
  return { type: 'doc', version: 1, content: content.length > 0 ? content : [{ type: 'paragraph' }] };
}
