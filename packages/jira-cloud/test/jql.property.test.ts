import { InputError } from '@itsm/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatJqlDate, jql } from '../src/jql/index.js';

// ---------------------------------------------------------------------------------------------
// A JQL tokenizer following Jira's lexer grammar (JqlLexer.g / JQLLexer.g4): quoted strings with
// the escapes \t \n \r \" \' \\ \<space> \uXXXX, no raw control characters inside quotes,
// operators, and unquoted words that stop at white space, operators and reserved characters.
// ---------------------------------------------------------------------------------------------

type Token = { kind: 'string' | 'word' | 'op'; text: string };

const OPERATORS = ['!=', '!~', '>=', '<=', '&&', '||', '=', '~', '<', '>', '(', ')', ',', '[', ']', '&', '|', '!'];
const RESERVED_CHARS = new Set('{}*/%+^$#@?;');
const WHITESPACE = new Set([' ', '\t', '\r', '\n']);
const SIMPLE_ESCAPES: Record<string, string> = { t: '\t', n: '\n', r: '\r', '"': '"', "'": "'", '\\': '\\', ' ': ' ' };

function isControl(code: number): boolean {
  return code <= 0x09 || code === 0x0b || code === 0x0c || (code >= 0x0e && code <= 0x1f) || (code >= 0x7f && code <= 0x9f) || (code >= 0xfdd0 && code <= 0xfdef) || code >= 0xfffe;
}

/** Reads the escape at `source[index]` (a backslash); returns the character and the next index. */
function escape(source: string, index: number): [string, number] {
  const next = source[index + 1];
  if (next === undefined) throw new Error(`dangling backslash at ${index}`);
  const simple = SIMPLE_ESCAPES[next];
  if (simple !== undefined) return [simple, index + 2];
  const hex = source.slice(index + 2, index + 6);
  if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(hex)) return [String.fromCharCode(Number.parseInt(hex, 16)), index + 6];
  throw new Error(`invalid escape \\${next} at ${index}`);
}

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let index = 0;
  while (index < source.length) {
    const char = source.charAt(index);
    if (WHITESPACE.has(char)) {
      index++;
    } else if (char === '"' || char === "'") {
      let text = '';
      index++;
      for (;;) {
        const current = source.charAt(index);
        if (index >= source.length) throw new Error('unterminated string');
        if (current === char) break;
        if (current === '\\') {
          const [decoded, next] = escape(source, index);
          text += decoded;
          index = next;
        } else {
          if (isControl(source.charCodeAt(index))) throw new Error(`control character U+${source.charCodeAt(index).toString(16)} in string`);
          text += current;
          index++;
        }
      }
      index++;
      tokens.push({ kind: 'string', text });
    } else {
      const operator = OPERATORS.find((op) => source.startsWith(op, index));
      if (operator) {
        tokens.push({ kind: 'op', text: operator });
        index += operator.length;
        continue;
      }
      if (RESERVED_CHARS.has(char)) throw new Error(`reserved character ${char} at ${index}`);
      let text = '';
      while (index < source.length) {
        const current = source.charAt(index);
        if (WHITESPACE.has(current) || current === '"' || current === "'" || RESERVED_CHARS.has(current) || OPERATORS.some((op) => op.startsWith(current))) break;
        if (current === '\\') {
          const [decoded, next] = escape(source, index);
          text += decoded;
          index = next;
        } else {
          if (isControl(source.charCodeAt(index))) throw new Error('control character outside a string');
          text += current;
          index++;
        }
      }
      tokens.push({ kind: 'word', text });
    }
  }
  return tokens;
}

const word = (text: string): Token => ({ kind: 'word', text });
const str = (text: string): Token => ({ kind: 'string', text });
const op = (text: string): Token => ({ kind: 'op', text });

/** Any UTF-16 string, weighted towards the characters that matter to JQL and text search. */
const anyString = fc.string({
  unit: fc.oneof(
    fc.constantFrom('"', "'", '\\', '\\"', '\n', '\r', '\t', ' ', '\u0000', '\u001f', '\u007f', '\u0085', '\ufdd0', '\ufffe', '\uffff', '\ud800', '\udfff', '\\u0041', 'AND', 'OR', 'NOT', 'a'),
    fc.constantFrom(...'+-&|!(){}[]^~*?:/%$#@;,=<>'),
    fc.integer({ min: 0, max: 0x10ffff }).map((codePoint) => String.fromCodePoint(codePoint)),
    fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit)),
  ),
  maxLength: 40,
});

describe('the test tokenizer', () => {
  it('follows the JQL rules (so the properties below can fail)', () => {
    expect(tokenize('project = "A \\"b\\" \\u0041\\n" AND x IN (1, \'y\') ORDER BY cf[10]')).toEqual([
      word('project'), op('='), str('A "b" A\n'), word('AND'), word('x'), word('IN'), op('('), word('1'), op(','), str('y'), op(')'),
      word('ORDER'), word('BY'), word('cf'), op('['), word('10'), op(']'),
    ]);
    expect(() => tokenize('x = "a\u0001"')).toThrow('control character');
    expect(() => tokenize('x = "a\\q"')).toThrow('invalid escape');
    expect(() => tokenize('x = "abc')).toThrow('unterminated');
    expect(() => tokenize('x = a+b')).toThrow('reserved character');
    expect(tokenize('x = "a\nb"')).toEqual([word('x'), op('='), str('a\nb')]);
  });
});

describe('jql tag properties', () => {
  it('any string becomes exactly one string literal that decodes to itself; the query around it is unchanged', () => {
    fc.assert(
      fc.property(anyString, (value) => {
        expect(tokenize(String(jql`project = ${value} AND status = "Done"`))).toEqual([
          word('project'), op('='), str(value), word('AND'), word('status'), op('='), str('Done'),
        ]);
      }),
      { numRuns: 2000 },
    );
  });

  it('any non-empty list of strings becomes one parenthesised list of literals', () => {
    fc.assert(
      fc.property(fc.array(anyString, { minLength: 1, maxLength: 5 }), (values) => {
        const listTokens = values.flatMap((value, index) => (index > 0 ? [op(','), str(value)] : [str(value)]));
        expect(tokenize(String(jql`status IN ${values} ORDER BY key`))).toEqual([
          word('status'), word('IN'), op('('), ...listTokens, op(')'), word('ORDER'), word('BY'), word('key'),
        ]);
      }),
    );
  });

  it('any finite number is written as one word with its value, or refused with an InputError', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true })), (value) => {
        let query: string;
        try {
          query = String(jql`votes > ${value}`);
        } catch (error) {
          expect(error).toBeInstanceOf(InputError);
          expect(String(value)).toMatch(/e/);
          return;
        }
        const tokens = tokenize(query);
        expect(tokens).toHaveLength(3);
        expect(tokens[2]?.kind).toBe('word');
        expect(Number(tokens[2]?.text)).toBe(value === 0 ? 0 : value);
      }),
      { numRuns: 500 },
    );
  });

  it('jql.text: one literal whose text-search layer has every special escaped and decodes to the input', () => {
    const specials = new Set('+-&|!(){}[]^~*?\\:"/');
    fc.assert(
      fc.property(anyString.filter((value) => value.trim() !== ''), (value) => {
        const tokens = tokenize(String(jql`text ~ ${jql.text(value)}`));
        expect(tokens).toHaveLength(3);
        expect(tokens.slice(0, 2)).toEqual([word('text'), op('~')]);
        const lucene = tokens[2]?.text ?? '';
        expect(tokens[2]?.kind).toBe('string');
        let decoded = '';
        for (let index = 0; index < lucene.length; index++) {
          const char = lucene.charAt(index);
          if (char === '\\') {
            decoded += lucene.charAt(++index);
          } else {
            expect(specials.has(char)).toBe(false);
            decoded += char;
          }
        }
        const operatorsLowered = value.replace(/(?<![\p{L}\p{N}_])(?:AND|OR|NOT)(?![\p{L}\p{N}_])/gu, (operator) => operator.toLowerCase());
        expect(decoded).toBe(operatorsLowered);
      }),
      { numRuns: 1000 },
    );
  });

  it('jql.field: any name becomes one field token naming it', () => {
    fc.assert(
      fc.property(anyString.filter((name) => name.trim() !== '' && !/^(?:customfield_\d+|cf\[\d+\])$/i.test(name)), (name) => {
        const tokens = tokenize(String(jql`${jql.field(name)} = "v"`));
        expect(tokens).toEqual([{ kind: tokens[0]?.kind, text: name }, op('='), str('v')]);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('formatJqlDate properties', () => {
  const dates = fc.date({ min: new Date('1996-01-02T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true });
  const MINUTE = 60_000;

  it('America/Danmarkshavn formats exactly like UTC (fixed +00:00 since 1996-01-01 03:00 UTC, no DST)', () => {
    fc.assert(
      fc.property(dates, (date) => {
        const utc = date.toISOString().slice(0, 16).replace('T', ' ');
        expect(formatJqlDate(date, 'America/Danmarkshavn')).toBe(utc);
        expect(formatJqlDate(date, 'UTC')).toBe(utc);
      }),
      { numRuns: 500 },
    );
  });

  it('floors: the minute written, read in the zone, starts at or before the instant and less than a minute before it', () => {
    const offsets: Record<string, number[]> = { 'Europe/Amsterdam': [60, 120], 'Asia/Kolkata': [330], 'America/New_York': [-300, -240] };
    fc.assert(
      fc.property(dates, fc.constantFrom(...Object.keys(offsets)), (date, zone) => {
        const text = formatJqlDate(date, zone);
        expect(text).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
        const wallClock = Date.parse(`${text.replace(' ', 'T')}:00Z`);
        const readings = (offsets[zone] ?? []).map((offset) => wallClock - offset * MINUTE);
        expect(readings.some((instant) => instant <= date.getTime() && date.getTime() - instant < MINUTE)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});
