/**
 * The JQL lexer: turns the query text into tokens on demand, so that an error late in the text is
 * reported only after the parser has accepted everything before it (as Jira does).
 *
 * Tokens:
 * - `word` — an unquoted run of characters (`HELP-12`, `-1d`, `currentUser`, `2024-01-31`); backslash
 *   escapes are allowed inside it;
 * - `string` — a `"…"` or `'…'` string, escapes decoded;
 * - `symbol` — `( ) , [ ]`, the operators `= != ~ !~ < <= > >=`, and `! & && | ||` (NOT, AND, OR);
 * - `end` — the end of the query.
 *
 * Escapes (in words and strings): `\'`, `\"`, `\t`, `\n`, `\r`, `\\`, `\ ` (space) and `\uXXXX`.
 *
 * @module
 */
import { syntaxErrors, type JqlPosition } from './errors.js';
import { isJqlControlCharacter, JQL_RESERVED_CHARACTERS } from './reserved.js';

/** One token. `text` is the decoded value of a word or string, or the characters of a symbol. */
export interface Token {
  readonly type: 'word' | 'string' | 'symbol' | 'end';
  readonly text: string;
  /** Offset of the first character. */
  readonly start: number;
}

const WHITESPACE = new Set([' ', '\t', '\n', '\r']);
/** Characters that end a word (besides whitespace, reserved and control characters). */
const DELIMITERS = new Set(['(', ')', ',', '[', ']', '=', '!', '~', '<', '>', '&', '|', '"', "'"]);
const TWO_CHAR_SYMBOLS = new Set(['!=', '!~', '<=', '>=', '&&', '||']);
const SIMPLE_ESCAPES: Readonly<Record<string, string>> = { t: '\t', n: '\n', r: '\r', '\\': '\\', '"': '"', "'": "'", ' ': ' ' };
const HEX = /^[0-9a-fA-F]$/;

/** Converts an offset in `source` into a 1-based line and character. */
export function positionAt(source: string, offset: number): JqlPosition {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < source.length; i++) {
    const char = source[i];
    if (char === '\n' || (char === '\r' && source[i + 1] !== '\n')) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, character: offset - lineStart + 1, offset };
}

/** Whether `char` can be part of an unquoted word. */
export function isWordCharacter(char: string): boolean {
  if (WHITESPACE.has(char) || DELIMITERS.has(char) || JQL_RESERVED_CHARACTERS.has(char)) return false;
  return char !== '\\' && !isJqlControlCharacter(char);
}

/** A lexer over one query; `peek` and `next` read tokens lazily. */
export class Lexer {
  private readonly source: string;
  private offset = 0;
  private readonly lookahead: Token[] = [];

  constructor(source: string) {
    this.source = source;
  }

  /** The 1-based position of an offset in this query. */
  position(offset: number): JqlPosition {
    return positionAt(this.source, offset);
  }

  /** The token `ahead` tokens from the current one, without consuming anything. */
  peek(ahead = 0): Token {
    while (this.lookahead.length <= ahead) this.lookahead.push(this.read());
    return this.lookahead[ahead] as Token;
  }

  /** Consumes and returns the current token. */
  next(): Token {
    const token = this.peek();
    this.lookahead.shift();
    return token;
  }

  private read(): Token {
    const source = this.source;
    while (this.offset < source.length && WHITESPACE.has(source[this.offset] as string)) this.offset++;
    const start = this.offset;
    const char = source[start];
    if (char === undefined) return { type: 'end', text: '', start };
    if (char === '"' || char === "'") return this.readString(char);
    const pair = source.slice(start, start + 2);
    if (TWO_CHAR_SYMBOLS.has(pair)) {
      this.offset += 2;
      return { type: 'symbol', text: pair, start };
    }
    if (DELIMITERS.has(char)) {
      this.offset++;
      return { type: 'symbol', text: char, start };
    }
    if (JQL_RESERVED_CHARACTERS.has(char)) throw syntaxErrors.reservedCharacter(char, this.position(start));
    if (isJqlControlCharacter(char)) throw syntaxErrors.controlCharacter(char, this.position(start));
    return this.readWord();
  }

  private readWord(): Token {
    const start = this.offset;
    let text = '';
    for (;;) {
      const char = this.source[this.offset];
      if (char === '\\') text += this.readEscape();
      else if (char !== undefined && isWordCharacter(char)) {
        text += char;
        this.offset++;
      } else break;
    }
    return { type: 'word', text, start };
  }

  private readString(quote: string): Token {
    const source = this.source;
    const start = this.offset;
    this.offset++;
    let text = '';
    for (;;) {
      const char = source[this.offset];
      if (char === undefined) {
        const rest = source.slice(start + 1).replace(/\r\n|[\r\n]/g, ' ');
        throw syntaxErrors.unfinishedString(rest, this.position(start));
      }
      if (char === quote) {
        this.offset++;
        return { type: 'string', text, start };
      }
      if (char === '\\') text += this.readEscape();
      else if (isJqlControlCharacter(char)) throw syntaxErrors.controlCharacter(char, this.position(this.offset));
      else {
        text += char;
        this.offset++;
      }
    }
  }

  /** Reads the escape at the current offset (a backslash) and returns the character it stands for. */
  private readEscape(): string {
    const source = this.source;
    const at = this.offset;
    const code = source[at + 1];
    if (code === undefined) throw syntaxErrors.unfinishedEscape(this.position(at));
    const simple = SIMPLE_ESCAPES[code];
    if (simple !== undefined) {
      this.offset += 2;
      return simple;
    }
    if (code !== 'u') throw syntaxErrors.illegalEscape(`\\${code}`, this.position(at));
    let digits = '';
    for (let i = 0; i < 4; i++) {
      const digit = source[at + 2 + i];
      if (digit === undefined) break;
      digits += digit;
      if (!HEX.test(digit)) break;
    }
    if (!/^[0-9a-fA-F]{4}$/.test(digits)) throw syntaxErrors.illegalEscape(`\\u${digits}`, this.position(at));
    this.offset += 6;
    return String.fromCharCode(Number.parseInt(digits, 16));
  }
}
