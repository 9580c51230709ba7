/**
 * The `~` (CONTAINS) operator: a rough, deterministic stand-in for Jira's Lucene text search.
 *
 * What it does, per Atlassian's "Search syntax for text fields" and measured behaviour:
 * - words are matched case-insensitively, as whole words, with light English stemming (`printers`
 *   finds `printer`, `crashed` finds `crash`) and English stop words ignored;
 * - several words must all occur (`"printer toner"` = `printer AND toner`); `OR` (or `||`) gives
 *   alternatives; `-word`, `!word` and `NOT word` exclude; `+word` and `AND`/`&&` are accepted;
 * - `"\"exact phrase\""` needs the words adjacent, in order;
 * - `*` and `?` are multi- and single-character wildcards inside or at the end of a word, never
 *   at its start (Jira: "The text query '*x' for field 'summary' is not allowed to start with '*'.");
 * - a backslash makes the next character literal; `~n` and `^n` suffixes (fuzzy, boost) are ignored,
 *   as Jira Cloud ignores them; parentheses are ignored (no grouping).
 * The query must match within one value (one field, one comment), as Jira searches each field on its own.
 *
 * @module
 */
import { validationMessages } from './errors.js';

/** A parsed `~` query. */
export interface TextQuery {
  /** Any alternative may match. */
  readonly alternatives: readonly TextAlternative[];
}

interface TextAlternative {
  readonly required: readonly TextTerm[];
  readonly prohibited: readonly TextTerm[];
}

type TextTerm =
  | { readonly kind: 'words'; readonly stems: readonly string[] }
  | { readonly kind: 'wildcard'; readonly pattern: RegExp };

interface Token {
  readonly type: 'term' | 'and' | 'or' | 'not';
  readonly text: string;
  readonly phrase: boolean;
  readonly exclude: boolean;
  /** Offsets in `text` of unescaped `*` and `?`. */
  readonly wildcards: readonly number[];
}

const STOP_WORDS = new Set([
  'a', 'an', 'and', 'are', 'as', 'at', 'be', 'but', 'by', 'for', 'if', 'in', 'into', 'is', 'it', 'no', 'not',
  'of', 'on', 'or', 'such', 'that', 'the', 'their', 'then', 'there', 'these', 'they', 'this', 'to', 'was', 'will', 'with',
]);

/** Parses the value of a `~` clause, or returns Jira's message for one it would reject. */
export function parseTextQuery(text: string, field: string): { readonly query: TextQuery } | { readonly error: string } {
  if (text.trim() === '') return { error: validationMessages.emptyString(field) };
  const tokens = lex(text);
  if (tokens === undefined) return { error: validationMessages.unparsableText(text, field) };
  for (const token of tokens) {
    const first = token.text[0];
    if (token.type === 'term' && token.wildcards.includes(0) && first !== undefined) {
      return { error: validationMessages.leadingWildcard(text, field, first) };
    }
  }
  const alternatives: TextAlternative[] = [];
  let required: TextTerm[] = [];
  let prohibited: TextTerm[] = [];
  let expectingTerm = true;
  let negate = false;
  for (const token of tokens) {
    if (token.type === 'term') {
      const term = analyse(token);
      if (term !== undefined) (negate || token.exclude ? prohibited : required).push(term);
      negate = false;
      expectingTerm = false;
    } else if (token.type === 'not') {
      negate = true;
      expectingTerm = true;
    } else {
      if (expectingTerm) return { error: validationMessages.unparsableText(text, field) };
      if (token.type === 'or') {
        alternatives.push({ required, prohibited });
        required = [];
        prohibited = [];
      }
      expectingTerm = true;
    }
  }
  if (expectingTerm) return { error: validationMessages.unparsableText(text, field) };
  alternatives.push({ required, prohibited });
  return { query: { alternatives } };
}

/** Whether any of `values` matches the query. */
export function textMatches(query: TextQuery, values: readonly string[]): boolean {
  return values.some((value) => {
    const words = documentWords(value);
    return query.alternatives.some(
      (alternative) =>
        (alternative.required.length > 0 || alternative.prohibited.length > 0) &&
        alternative.required.every((term) => termMatches(term, words)) &&
        !alternative.prohibited.some((term) => termMatches(term, words)),
    );
  });
}

/** Splits a `~` value into terms and operators; `undefined` if it cannot be read (unclosed phrase, dangling `+`). */
function lex(text: string): Token[] | undefined {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const char = text[i] as string;
    if (/\s|[()]/.test(char)) {
      i++;
      continue;
    }
    const pair = text.slice(i, i + 2);
    if (pair === '&&' || pair === '||') {
      tokens.push({ type: pair === '&&' ? 'and' : 'or', text: pair, phrase: false, exclude: false, wildcards: [] });
      i += 2;
      continue;
    }
    let exclude = false;
    if (char === '+' || char === '-' || char === '!') {
      exclude = char !== '+';
      i++;
      const next = text[i];
      if (next === undefined || /\s/.test(next)) return undefined;
    }
    const phrase = text[i] === '"';
    if (phrase) i++;
    let value = '';
    const wildcards: number[] = [];
    for (;;) {
      const c = text[i];
      if (c === undefined) {
        if (phrase) return undefined;
        break;
      }
      if (phrase ? c === '"' : /\s|[()"]/.test(c)) {
        if (phrase) i++;
        break;
      }
      if (c === '\\') {
        value += text[i + 1] ?? '';
        i += 2;
        continue;
      }
      if (!phrase && (c === '*' || c === '?')) wildcards.push(value.length);
      value += c;
      i++;
    }
    if (!phrase && !exclude && (value === 'AND' || value === 'OR' || value === 'NOT')) {
      tokens.push({ type: value === 'AND' ? 'and' : value === 'OR' ? 'or' : 'not', text: value, phrase, exclude, wildcards });
    } else {
      tokens.push({ type: 'term', text: phrase ? value : value.replace(/[~^][\d.]*$/, ''), phrase, exclude, wildcards });
    }
  }
  return tokens;
}

function analyse(token: Token): TextTerm | undefined {
  if (token.wildcards.length > 0) {
    let source = '';
    let offset = 0;
    for (const char of token.text) {
      if (token.wildcards.includes(offset)) source += char === '*' ? '[\\p{L}\\p{N}]*' : '[\\p{L}\\p{N}]';
      else for (const lower of char.toLowerCase()) source += `\\u{${(lower.codePointAt(0) ?? 0).toString(16)}}`;
      offset += char.length;
    }
    return { kind: 'wildcard', pattern: new RegExp(`^${source}$`, 'u') };
  }
  const stems = documentWords(token.text).map((word) => word.stem);
  return stems.length === 0 ? undefined : { kind: 'words', stems };
}

interface Word {
  readonly raw: string;
  readonly stem: string;
}

function documentWords(text: string): Word[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((raw) => raw !== '' && !STOP_WORDS.has(raw))
    .map((raw) => ({ raw, stem: stem(raw) }));
}

/** A light English stemmer: enough for plural and past/progressive forms to meet. */
function stem(word: string): string {
  if (word.length <= 3) return word;
  let base = word;
  if (base.endsWith('ies') || base.endsWith('ied')) base = `${base.slice(0, -3)}i`;
  else if (base.endsWith('y')) base = `${base.slice(0, -1)}i`;
  else {
    for (const suffix of ['ing', 'ed', 'es', 's', 'e']) {
      if (base.endsWith(suffix) && base.length - suffix.length >= 3) {
        base = base.slice(0, -suffix.length);
        break;
      }
    }
  }
  return base;
}

function termMatches(term: TextTerm, words: readonly Word[]): boolean {
  if (term.kind === 'wildcard') return words.some((word) => term.pattern.test(word.raw));
  const { stems } = term;
  for (let start = 0; start + stems.length <= words.length; start++) {
    if (stems.every((s, offset) => words[start + offset]?.stem === s)) return true;
  }
  return false;
}
