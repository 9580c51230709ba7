/**
 * Building inline ADF content from strings without ever emitting an empty text node.
 *
 * @internal
 * @module
 */
import type { AdfInlineNode, AdfMark, AdfText } from './types.js';

/** A text node, or nothing for an empty string (Jira rejects `text: ''`). */
export function textNode(text: string, marks: readonly AdfMark[] = []): AdfText[] {
  if (text === '') return [];
  return marks.length > 0 ? [{ type: 'text', text, marks: [...marks] }] : [{ type: 'text', text }];
}

/**
 * Text nodes for `text`, with a `hardBreak` for every newline; `lineNodes` turns one line into
 * text nodes (by default a single node with `marks`).
 */
export function textWithBreaks(
  text: string,
  marks: readonly AdfMark[] = [],
  lineNodes: (line: string, marks: readonly AdfMark[]) => AdfText[] = textNode,
): AdfInlineNode[] {
  const nodes: AdfInlineNode[] = [];
  text.split('\n').forEach((line, index) => {
    if (index > 0) nodes.push({ type: 'hardBreak' });
    nodes.push(...lineNodes(line, marks));
  });
  return nodes;
}

const URL_CANDIDATE = /https?:\/\/[^\s<>"]+/gi;
const TRAILING_PUNCTUATION = new Set(['.', ',', ';', ':', '!', '?', "'", '"', ']', '}', '*', '_']);

/** Drops sentence punctuation after a URL, and a `)` that closes a parenthesis opened before it. */
function trimUrl(candidate: string): string {
  let url = candidate;
  for (;;) {
    const last = url.at(-1);
    if (last !== undefined && TRAILING_PUNCTUATION.has(last)) {
      url = url.slice(0, -1);
    } else if (last === ')' && url.split('(').length < url.split(')').length) {
      url = url.slice(0, -1);
    } else {
      return url;
    }
  }
}

/**
 * Text nodes for one line, with bare `http(s)://` URLs given a `link` mark to themselves.
 * The text is unchanged, only marked.
 */
export function linkifiedLine(line: string, marks: readonly AdfMark[] = []): AdfText[] {
  const nodes: AdfText[] = [];
  let done = 0;
  for (const match of line.matchAll(URL_CANDIDATE)) {
    const url = trimUrl(match[0]);
    if (!/^https?:\/\/[^/]/i.test(url)) continue;
    nodes.push(...textNode(line.slice(done, match.index), marks));
    nodes.push(...textNode(url, [...marks, { type: 'link', attrs: { href: url } }]));
    done = match.index + url.length;
  }
  nodes.push(...textNode(line.slice(done), marks));
  return nodes;
}
