/**
 * `odata.parse()`: a `$filter` written as text, read into an {@link ODataFilter} and checked the
 * way the builder checks one. What Ivanti would silently ignore or misread is an `InputError`:
 * functions (`contains(Subject,'x')`, `startswith()`, `year()`), `not`, typed literals
 * (`datetime'…'`), operators other than `eq ne lt le gt ge and or`, and groups that cannot be
 * written first. A group anywhere else is moved to the start when `and` allows it.
 *
 * @module
 */
import { kit } from '../provider.js';
import { and, compare, COMPARISON_OPERATORS, or, type ComparisonOperator, type ODataFilter } from './filter.js';
import { bareDate, ISO_DATE_PATTERN, isNullLiteral, type ODataValue } from './literal.js';
import { NAME_PATTERN } from './names.js';

type TokenKind = 'open' | 'close' | 'comma' | 'string' | 'number' | 'date' | 'word';

interface Token {
  readonly kind: TokenKind;
  /** The text as written (a string's content, quotes removed and `''` undone). */
  readonly text: string;
  /** Where it starts, from 1. */
  readonly at: number;
}

function fail(message: string, at?: number): never {
  return kit.fail('filter', `${message}${at === undefined ? '' : ` (at character ${at})`}`);
}

const NUMBER_PATTERN = /^-?\d+(?:\.\d+)?$/;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let index = 0;
  while (index < text.length) {
    const char = text[index] as string;
    const at = index + 1;
    if (/\s/.test(char)) {
      index += 1;
    } else if (char === '(' || char === ')' || char === ',') {
      // A comma belongs to a function's arguments: the parser refuses the function by its name.
      tokens.push({ kind: char === '(' ? 'open' : char === ')' ? 'close' : 'comma', text: char, at });
      index += 1;
    } else if (char === "'") {
      let value = '';
      index += 1;
      for (;;) {
        if (index >= text.length) fail('has a string that is not closed with \'', at);
        const next = text[index] as string;
        if (next === "'" && text[index + 1] === "'") {
          value += "'";
          index += 2;
        } else if (next === "'") {
          index += 1;
          break;
        } else {
          value += next;
          index += 1;
        }
      }
      tokens.push({ kind: 'string', text: value, at });
    } else if (/[0-9]/.test(char) || (char === '-' && /[0-9]/.test(text[index + 1] ?? ''))) {
      const match = /^-?[0-9TZ:.+-]+/.exec(text.slice(index))?.[0] ?? char;
      if (ISO_DATE_PATTERN.test(match)) tokens.push({ kind: 'date', text: match, at });
      else if (NUMBER_PATTERN.test(match)) tokens.push({ kind: 'number', text: match, at });
      else fail(`has "${match}", which is neither a number nor an ISO 8601 date such as 2026-01-01T09:30:00Z`, at);
      index += match.length;
    } else if (/[A-Za-z_$]/.test(char)) {
      const match = /^[A-Za-z0-9_$]+/.exec(text.slice(index))?.[0] ?? char;
      tokens.push({ kind: 'word', text: match, at });
      index += match.length;
    } else {
      fail(`has an unexpected character ${JSON.stringify(char)}`, at);
    }
  }
  return tokens;
}

/** Reads tokens into filters with OData's precedence (`and` binds tighter than `or`). */
class Parser {
  #index = 0;
  readonly #tokens: Token[];

  constructor(tokens: Token[]) {
    this.#tokens = tokens;
  }

  parse(): ODataFilter {
    if (this.#tokens.length === 0) fail('must not be empty');
    const filter = this.#orExpression();
    const rest = this.#peek();
    if (rest !== undefined) fail(`has "${rest.text}" where the filter should end`, rest.at);
    return filter;
  }

  #peek(): Token | undefined {
    return this.#tokens[this.#index];
  }

  #next(what: string): Token {
    const token = this.#tokens[this.#index];
    if (token === undefined) fail(`ends where ${what} was expected`);
    this.#index += 1;
    return token;
  }

  #isWord(token: Token | undefined, word: string): boolean {
    return token?.kind === 'word' && token.text.toLowerCase() === word;
  }

  #orExpression(): ODataFilter {
    const parts = [this.#andExpression()];
    while (this.#isWord(this.#peek(), 'or')) {
      this.#index += 1;
      parts.push(this.#andExpression());
    }
    return parts.length === 1 ? (parts[0] as ODataFilter) : or(...parts);
  }

  #andExpression(): ODataFilter {
    const parts = [this.#primary()];
    while (this.#isWord(this.#peek(), 'and')) {
      this.#index += 1;
      parts.push(this.#primary());
    }
    return parts.length === 1 ? (parts[0] as ODataFilter) : and(...parts);
  }

  #primary(): ODataFilter {
    const token = this.#next('a comparison');
    if (token.kind === 'open') {
      const inner = this.#orExpression();
      const close = this.#next('")"');
      if (close.kind !== 'close') fail(`has "${close.text}" where ")" was expected`, close.at);
      return inner;
    }
    if (token.kind !== 'word') fail(`has "${token.text}" where a field name was expected`, token.at);
    if (token.text.toLowerCase() === 'not') {
      fail("uses not, which Ivanti ignores (it returns the rows the negation should remove); compare with ne, or invert the comparison", token.at);
    }
    if (this.#peek()?.kind === 'open') {
      fail(
        `uses the function ${token.text}(), which Ivanti silently ignores, returning every row; only eq, ne, lt, le, gt, ge, and, or work (search text with the $search option instead)`,
        token.at,
      );
    }
    if (!NAME_PATTERN.test(token.text)) fail(`has "${token.text}", which is not a field name`, token.at);
    const operatorToken = this.#next('an operator');
    const operator = operatorToken.text.toLowerCase();
    if (operatorToken.kind !== 'word' || !(COMPARISON_OPERATORS as readonly string[]).includes(operator)) {
      fail(`has "${operatorToken.text}" where an operator was expected: Ivanti supports only eq, ne, lt, le, gt, ge (and and, or between comparisons)`, operatorToken.at);
    }
    return compare(token.text, operator as ComparisonOperator, this.#value());
  }

  #value(): ODataValue {
    const token = this.#next('a value');
    switch (token.kind) {
      case 'string':
        return isNullLiteral(token.text) ? null : token.text;
      case 'number':
        return Number(token.text);
      case 'date':
        return bareDate(token.text, 'filter');
      case 'word': {
        const word = token.text.toLowerCase();
        if (word === 'true' || word === 'false') return word === 'true';
        if (word === 'null') return null;
        if (this.#peek()?.kind === 'string') {
          fail(`uses the typed literal ${token.text}'…', which Ivanti refuses: write dates bare (CreatedDateTime gt 2026-01-01T00:00:00Z) and other values in quotes`, token.at);
        }
        return fail(`compares with "${token.text}": a value must be a quoted string, a number, a bare ISO 8601 date, true, false or null (comparing two fields is not supported)`, token.at);
      }
      default:
        return fail(`has "${token.text}" where a value was expected`, token.at);
    }
  }
}

/**
 * Reads a `$filter` written as text into an {@link ODataFilter}, refusing what Ivanti would
 * ignore or misread (see the module documentation). `'$NULL'` and `null` both mean an empty field.
 *
 * @param text - The filter text, e.g. `Status eq 'Active' and CreatedDateTime gt 2026-01-01`.
 * @throws `InputError` naming `filter` and the character where the problem is.
 * @example
 * ```ts
 * String(parseFilter("Status eq 'Active' and (Priority eq '1' or Priority eq '2')"));
 * // "(Priority eq '1' or Priority eq '2') and Status eq 'Active'"
 * parseFilter("contains(Subject,'printer')"); // throws InputError: Ivanti would return every row
 * ```
 *
 * @category Queries
 */
export function parseFilter(text: string): ODataFilter {
  if (typeof text !== 'string') kit.fail('filter', 'must be a string');
  return new Parser(tokenize(text)).parse();
}
