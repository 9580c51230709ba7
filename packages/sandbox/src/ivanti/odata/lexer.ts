/**
 * The tokens of an OData `$filter` as Ivanti reads them: parentheses, commas, quoted strings (a
 * quote inside one is doubled: `'O''Brien'`), OData v2 typed literals (`datetime'…'`, `guid'…'`,
 * which Ivanti refuses), bare literals that start with a digit (numbers and unquoted ISO dates:
 * `12345`, `2026-01-01T10:00:00Z`), and words (field names, operators, functions, `true`/`false`).
 *
 * @module
 */
import { failFilter } from '../errors.js';

/** A token of a filter. */
export type Token =
  | { readonly kind: '(' | ')' | ',' }
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'typed'; readonly prefix: string; readonly value: string }
  | { readonly kind: 'bare'; readonly text: string }
  | { readonly kind: 'word'; readonly text: string };

const WORD = /[A-Za-z_$][A-Za-z0-9_$]*/uy;
const BARE = /-?\d[\w:.+-]*/uy;

/** The tokens of `filter`; throws Ivanti's 400 for an unterminated string or a character it cannot read. */
export function tokenize(filter: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  while (at < filter.length) {
    const char = filter[at] as string;
    if (/\s/u.test(char)) {
      at += 1;
      continue;
    }
    if (char === '(' || char === ')' || char === ',') {
      tokens.push({ kind: char });
      at += 1;
      continue;
    }
    if (char === "'") {
      const { value, end } = readString(filter, at);
      tokens.push({ kind: 'string', value });
      at = end;
      continue;
    }
    WORD.lastIndex = at;
    const word = WORD.exec(filter);
    if (word !== null) {
      at = WORD.lastIndex;
      if (filter[at] === "'") {
        const { value, end } = readString(filter, at);
        tokens.push({ kind: 'typed', prefix: word[0], value });
        at = end;
      } else {
        tokens.push({ kind: 'word', text: word[0] });
      }
      continue;
    }
    BARE.lastIndex = at;
    const bare = BARE.exec(filter);
    if (bare !== null) {
      tokens.push({ kind: 'bare', text: bare[0] });
      at = BARE.lastIndex;
      continue;
    }
    failFilter();
  }
  return tokens;
}

/** Reads the quoted string starting at `start` (a `'`); `''` inside it is one quote. */
function readString(filter: string, start: number): { value: string; end: number } {
  let value = '';
  let at = start + 1;
  for (;;) {
    if (at >= filter.length) failFilter();
    const char = filter[at] as string;
    if (char === "'") {
      if (filter[at + 1] === "'") {
        value += "'";
        at += 2;
        continue;
      }
      return { value, end: at + 1 };
    }
    value += char;
    at += 1;
  }
}
