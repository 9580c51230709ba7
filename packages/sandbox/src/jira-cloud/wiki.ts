/**
 * Jira wiki markup, as REST v2 takes and gives rich text (descriptions, comments, worklog
 * comments), to and from the ADF the simulator stores. Jira converts one into the other on every v2
 * call; a v3 read of what v2 wrote is a document with the structure the markup described.
 *
 * The common subset: paragraphs (blank lines between, single newlines as hard breaks), `h1.`–`h6.`
 * headings, `bq.` quotes, `*`/`-` bullet and `#` numbered lists (one level), `----` rules,
 * `{code[:language]}…{code}` and `{noformat}…{noformat}` blocks, and the marks `*strong*`,
 * `_emphasis_`, `{{monospace}}`, `-strike-`, `+underline+` and links `[text|url]` / `[url]`.
 * Anything else is kept as text.
 *
 * @module
 */
import type { AdfDocument, AdfNode } from './adf.js';

type Mark = NonNullable<AdfNode['marks']>[number];

const INLINE_RULES: readonly { readonly pattern: RegExp; readonly mark: (match: RegExpExecArray) => Mark; readonly inner: number }[] = [
  { pattern: /\{\{(.+?)\}\}/u, mark: () => ({ type: 'code' }), inner: 1 },
  { pattern: /\[([^|\]]+)\|([^\]\s]+)\]/u, mark: (match) => ({ type: 'link', attrs: { href: match[2] } }), inner: 1 },
  { pattern: /\[((?:https?|mailto):[^\]\s]+)\]/u, mark: (match) => ({ type: 'link', attrs: { href: match[1] } }), inner: 1 },
  { pattern: /(?<![\p{L}\p{N}*])\*(?!\s)([^*]+?)(?<!\s)\*(?![\p{L}\p{N}*])/u, mark: () => ({ type: 'strong' }), inner: 1 },
  { pattern: /(?<![\p{L}\p{N}_])_(?!\s)([^_]+?)(?<!\s)_(?![\p{L}\p{N}_])/u, mark: () => ({ type: 'em' }), inner: 1 },
  { pattern: /(?<![\p{L}\p{N}-])-(?![\s-])([^-]+?)(?<!\s)-(?![\p{L}\p{N}-])/u, mark: () => ({ type: 'strike' }), inner: 1 },
  { pattern: /(?<![\p{L}\p{N}+])\+(?!\s)([^+]+?)(?<!\s)\+(?![\p{L}\p{N}+])/u, mark: () => ({ type: 'underline' }), inner: 1 },
];

function withMark(nodes: readonly AdfNode[], mark: Mark): AdfNode[] {
  return nodes.map((node) => (node.type === 'text' ? { ...node, marks: [...(node.marks ?? []), mark] } : node));
}

/** The inline nodes of one line of markup. */
function inline(text: string): AdfNode[] {
  if (text === '') return [];
  let first: { index: number; match: RegExpExecArray; rule: (typeof INLINE_RULES)[number] } | undefined;
  for (const rule of INLINE_RULES) {
    const match = rule.pattern.exec(text);
    if (match !== null && (first === undefined || match.index < first.index)) first = { index: match.index, match, rule };
  }
  if (first === undefined) return [{ type: 'text', text }];
  const { match, rule } = first;
  const before = text.slice(0, match.index);
  const after = text.slice(match.index + match[0].length);
  const inner = match[rule.inner] ?? '';
  const marked = rule.mark(match).type === 'code' ? [{ type: 'text', text: inner, marks: [rule.mark(match)] }] : withMark(inline(inner), rule.mark(match));
  return [...inline(before), ...marked, ...inline(after)];
}

/** Lines to a paragraph's content: single newlines are hard breaks. */
function paragraphContent(lines: readonly string[]): AdfNode[] {
  return lines.flatMap((line, index) => [...(index > 0 ? [{ type: 'hardBreak' }] : []), ...inline(line)]);
}

function listItem(text: string): AdfNode {
  return { type: 'listItem', content: [{ type: 'paragraph', content: inline(text) }] };
}

/** Markup to a document. */
export function wikiToAdf(markup: string): AdfDocument {
  const content: AdfNode[] = [];
  const lines = markup.replace(/\r\n?/gu, '\n').split('\n');
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length > 0) content.push({ type: 'paragraph', content: paragraphContent(paragraph) });
    paragraph = [];
  };
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index] as string;
    const block = /^\{(code|noformat)(?::([^}]*))?\}(.*)$/u.exec(line.trim());
    if (block !== null) {
      flush();
      const closing = `{${block[1]}}`;
      const body: string[] = [];
      let rest = block[3] ?? '';
      for (;;) {
        const end = rest.indexOf(closing);
        if (end >= 0) {
          body.push(rest.slice(0, end));
          break;
        }
        body.push(rest);
        index += 1;
        if (index >= lines.length) break;
        rest = lines[index] as string;
      }
      const text = body.join('\n').replace(/^\n+|\n+$/gu, '');
      const language = block[1] === 'code' ? block[2]?.split('|')[0]?.trim() : undefined;
      content.push({ type: 'codeBlock', ...(language ? { attrs: { language } } : {}), ...(text === '' ? {} : { content: [{ type: 'text', text }] }) });
      continue;
    }
    const heading = /^h([1-6])\.\s+(.*)$/u.exec(line);
    if (heading !== null) {
      flush();
      content.push({ type: 'heading', attrs: { level: Number(heading[1]) }, content: inline(heading[2] ?? '') });
      continue;
    }
    const quote = /^bq\.\s+(.*)$/u.exec(line);
    if (quote !== null) {
      flush();
      content.push({ type: 'blockquote', content: [{ type: 'paragraph', content: inline(quote[1] ?? '') }] });
      continue;
    }
    if (/^-{4,}\s*$/u.test(line)) {
      flush();
      content.push({ type: 'rule' });
      continue;
    }
    const item = /^([*#-])\s+(.*)$/u.exec(line);
    if (item !== null) {
      flush();
      const type = item[1] === '#' ? 'orderedList' : 'bulletList';
      const items = [listItem(item[2] ?? '')];
      while (index + 1 < lines.length) {
        const next = /^([*#-])\s+(.*)$/u.exec(lines[index + 1] as string);
        if (next === null || (next[1] === '#') !== (type === 'orderedList')) break;
        items.push(listItem(next[2] ?? ''));
        index += 1;
      }
      content.push({ type, content: items });
      continue;
    }
    if (line.trim() === '') flush();
    else paragraph.push(line);
  }
  flush();
  return { type: 'doc', version: 1, content };
}

function markupOfText(node: AdfNode): string {
  let text = node.text ?? '';
  for (const mark of node.marks ?? []) {
    if (mark.type === 'strong') text = `*${text}*`;
    else if (mark.type === 'em') text = `_${text}_`;
    else if (mark.type === 'code') text = `{{${text}}}`;
    else if (mark.type === 'strike') text = `-${text}-`;
    else if (mark.type === 'underline') text = `+${text}+`;
    else if (mark.type === 'link' && typeof mark.attrs?.href === 'string') text = `[${text}|${mark.attrs.href}]`;
  }
  return text;
}

function inlineMarkup(nodes: readonly AdfNode[] | undefined): string {
  return (nodes ?? [])
    .map((node) => {
      switch (node.type) {
        case 'text':
          return markupOfText(node);
        case 'hardBreak':
          return '\n';
        case 'mention':
          return typeof node.attrs?.id === 'string' ? `[~accountid:${node.attrs.id}]` : '';
        case 'inlineCard':
          return typeof node.attrs?.url === 'string' ? `[${node.attrs.url}]` : '';
        default:
          return typeof node.attrs?.text === 'string' ? node.attrs.text : inlineMarkup(node.content);
      }
    })
    .join('');
}

function blockMarkup(node: AdfNode): string {
  switch (node.type) {
    case 'paragraph':
      return inlineMarkup(node.content);
    case 'heading':
      return `h${typeof node.attrs?.level === 'number' ? node.attrs.level : 1}. ${inlineMarkup(node.content)}`;
    case 'codeBlock': {
      const language = typeof node.attrs?.language === 'string' && node.attrs.language !== '' ? `:${node.attrs.language}` : '';
      return `{code${language}}${(node.content ?? []).map((child) => child.text ?? '').join('')}{code}`;
    }
    case 'blockquote':
      return (node.content ?? []).map((child) => `bq. ${blockMarkup(child)}`).join('\n');
    case 'rule':
      return '----';
    case 'bulletList':
    case 'orderedList':
      return (node.content ?? []).map((item) => `${node.type === 'orderedList' ? '#' : '*'} ${(item.content ?? []).map(blockMarkup).join(' ')}`).join('\n');
    default:
      return (node.content ?? []).every((child) => child.type === 'text' || child.type === 'hardBreak') ? inlineMarkup(node.content) : (node.content ?? []).map(blockMarkup).join('\n\n');
  }
}

/** A document as markup (blocks separated by blank lines); `null` for no document. */
export function adfToWiki(document: AdfNode | null | undefined): string | null {
  if (document === null || document === undefined) return null;
  return (document.content ?? []).map(blockMarkup).join('\n\n');
}
