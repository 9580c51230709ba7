/**
 * The JQL parser: recursive descent over the {@link Lexer}'s tokens.
 *
 * ```
 * query    := [or] [ORDER BY sort (',' sort)*]
 * or       := and ((OR | '||' | '|') and)*
 * and      := not ((AND | '&&' | '&') not)*
 * not      := (NOT | '!') not | '(' or ')' | clause
 * clause   := field operator operand
 * field    := word | string | 'cf' '[' digits ']'
 * operator := = | != | ~ | !~ | < | <= | > | >= | IN | NOT IN | IS | IS NOT
 * operand  := EMPTY | NULL | value | function | '(' operand (',' operand)* ')'
 * function := (word | string) '(' [argument (',' argument)*] ')'
 * sort     := field [ASC | DESC]
 * ```
 *
 * Keywords are case-insensitive. Precedence, strongest first: parentheses, comparison, NOT, AND, OR.
 *
 * @module
 */
import type { JqlClause, JqlFieldReference, JqlOperand, JqlOperator, JqlQuery, JqlSortItem } from './ast.js';
import { syntaxErrors, type Found } from './errors.js';
import { Lexer, type Token } from './lexer.js';
import { JQL_KEYWORDS, JQL_RESERVED_WORDS } from './reserved.js';

const COMPARISON_SYMBOLS = new Set(['=', '!=', '~', '!~', '<', '<=', '>', '>=']);
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/**
 * Parses a JQL query into its syntax tree.
 *
 * @throws {@link JqlError} (kind `syntax`) with Jira's message and position, e.g.
 *   `Error in the JQL Query: Expecting ')' before the end of the query.`; or (kind `unsupported`)
 *   for `WAS` and `CHANGED`.
 *
 * @example
 * ```ts
 * parseJql('project = HELP AND status != Done ORDER BY created DESC');
 * // { where: { kind: 'and', clauses: [...] }, orderBy: [{ field: { name: 'created' }, direction: 'desc' }] }
 * ```
 */
export function parseJql(query: string): JqlQuery {
  return new Parser(new Lexer(query)).parseQuery();
}

function isWord(token: Token, word: string): boolean {
  return token.type === 'word' && token.text.toLowerCase() === word;
}

function isSymbol(token: Token, ...symbols: string[]): boolean {
  return token.type === 'symbol' && symbols.includes(token.text);
}

function isOr(token: Token): boolean {
  return isWord(token, 'or') || isSymbol(token, '||', '|');
}

function isAnd(token: Token): boolean {
  return isWord(token, 'and') || isSymbol(token, '&&', '&');
}

/** Whether an unquoted integer fits Jira's 64-bit numbers. */
function fitsInt64(digits: string): boolean {
  const value = BigInt(digits);
  return value >= INT64_MIN && value <= INT64_MAX;
}

class Parser {
  private readonly lexer: Lexer;

  constructor(lexer: Lexer) {
    this.lexer = lexer;
  }

  parseQuery(): JqlQuery {
    let where: JqlClause | undefined;
    if (this.peek().type !== 'end' && !isWord(this.peek(), 'order')) where = this.parseOr();
    const token = this.peek();
    if (token.type === 'end') return where === undefined ? {} : { where };
    if (!isWord(token, 'order')) throw syntaxErrors.expecting("either 'OR' or 'AND'", this.found(token));
    const orderBy = this.parseOrderBy();
    return where === undefined ? { orderBy } : { where, orderBy };
  }

  private peek(): Token {
    return this.lexer.peek();
  }

  private next(): Token {
    return this.lexer.next();
  }

  private found(token: Token): Found {
    return token.type === 'end' ? 'end' : { text: token.text, position: this.lexer.position(token.start) };
  }

  private parseOr(): JqlClause {
    const clauses = [this.parseAnd()];
    while (isOr(this.peek())) {
      this.next();
      clauses.push(this.parseAnd());
    }
    return clauses.length === 1 ? (clauses[0] as JqlClause) : { kind: 'or', clauses };
  }

  private parseAnd(): JqlClause {
    const clauses = [this.parseNot()];
    while (isAnd(this.peek())) {
      this.next();
      clauses.push(this.parseNot());
    }
    return clauses.length === 1 ? (clauses[0] as JqlClause) : { kind: 'and', clauses };
  }

  private parseNot(): JqlClause {
    const token = this.peek();
    if (isWord(token, 'not') || isSymbol(token, '!')) {
      this.next();
      return { kind: 'not', clause: this.parseNot() };
    }
    if (isSymbol(token, '(')) {
      this.next();
      const clause = this.parseOr();
      const close = this.next();
      if (close.type === 'end') throw syntaxErrors.expecting("')'", 'end');
      if (!isSymbol(close, ')')) throw syntaxErrors.expecting("either 'OR' or 'AND'", this.found(close));
      return clause;
    }
    return this.parseTerminal();
  }

  private parseTerminal(): JqlClause {
    const field = this.parseField();
    const operator = this.parseOperator();
    const operand = this.parseOperand();
    return { kind: 'terminal', field, operator, operand };
  }

  private parseField(): JqlFieldReference {
    const token = this.next();
    if (token.type === 'string') {
      if (token.text === '') throw syntaxErrors.emptyFieldName(this.lexer.position(token.start));
      return { name: token.text };
    }
    if (token.type !== 'word') throw syntaxErrors.expectingField(this.found(token));
    const lower = token.text.toLowerCase();
    if (lower === 'cf') return this.parseCustomField();
    if (JQL_KEYWORDS.has(lower)) throw syntaxErrors.expectingField(this.found(token));
    if (JQL_RESERVED_WORDS.has(lower)) throw syntaxErrors.reservedWord(token.text, this.lexer.position(token.start));
    return { name: token.text };
  }

  /** `cf[10010]`, after the `cf`. */
  private parseCustomField(): JqlFieldReference {
    const open = this.next();
    if (!isSymbol(open, '[')) throw syntaxErrors.expecting("'['", this.found(open));
    const id = this.next();
    if (id.type !== 'word' || !/^\d+$/.test(id.text)) throw syntaxErrors.expectingCustomFieldId(this.found(id));
    if (!fitsInt64(id.text)) throw syntaxErrors.invalidNumber(id.text, this.lexer.position(id.start));
    const close = this.next();
    if (!isSymbol(close, ']')) throw syntaxErrors.expecting("']'", this.found(close));
    return { name: `cf[${id.text}]` };
  }

  private parseOperator(): JqlOperator {
    const token = this.next();
    if (token.type === 'symbol' && COMPARISON_SYMBOLS.has(token.text)) return token.text as JqlOperator;
    if (token.type === 'word') {
      const word = token.text.toLowerCase();
      if (word === 'in') return 'in';
      if (word === 'not') {
        const next = this.next();
        if (!isWord(next, 'in')) throw syntaxErrors.expecting("'IN'", this.found(next));
        return 'not in';
      }
      if (word === 'is') {
        const next = this.peek();
        if (isWord(next, 'not')) {
          this.next();
          return 'is not';
        }
        if (isSymbol(next, '!')) throw syntaxErrors.expecting("'NOT'", this.found(next));
        return 'is';
      }
      if (word === 'was' || word === 'changed') {
        throw syntaxErrors.unsupportedOperator(token.text.toUpperCase(), this.lexer.position(token.start));
      }
    }
    throw syntaxErrors.expectingOperator(this.found(token));
  }

  private parseOperand(): JqlOperand {
    const token = this.peek();
    if (isSymbol(token, '(')) return this.parseList();
    if (token.type === 'string') {
      this.next();
      if (isSymbol(this.peek(), '(')) {
        if (token.text === '') throw syntaxErrors.emptyFunctionName(this.lexer.position(token.start));
        return this.parseFunction(token.text);
      }
      return { kind: 'value', value: token.text, quoted: true };
    }
    if (token.type !== 'word') throw syntaxErrors.expectingOperand(this.found(token));
    const lower = token.text.toLowerCase();
    if (lower === 'empty' || lower === 'null') {
      this.next();
      return { kind: 'empty' };
    }
    if (JQL_KEYWORDS.has(lower)) throw syntaxErrors.expectingOperand(this.found(token));
    this.checkWord(token);
    this.next();
    if (isSymbol(this.peek(), '(')) return this.parseFunction(token.text);
    return { kind: 'value', value: token.text, quoted: false };
  }

  /** Rejects an unquoted reserved word or an out-of-range number. */
  private checkWord(token: Token): void {
    const at = this.lexer.position(token.start);
    if (JQL_RESERVED_WORDS.has(token.text.toLowerCase())) throw syntaxErrors.reservedWord(token.text, at);
    if (/^-?\d+$/.test(token.text) && !fitsInt64(token.text)) throw syntaxErrors.invalidNumber(token.text, at);
  }

  private parseList(): JqlOperand {
    this.next();
    const values: JqlOperand[] = [];
    for (;;) {
      values.push(this.parseOperand());
      const token = this.next();
      if (isSymbol(token, ')')) return { kind: 'list', values };
      if (!isSymbol(token, ',')) throw syntaxErrors.expecting("')'", this.found(token));
    }
  }

  /** A function call, after its name; the current token is `(`. */
  private parseFunction(name: string): JqlOperand {
    this.next();
    const args: string[] = [];
    const first = this.peek();
    if (isSymbol(first, ')')) {
      this.next();
      return { kind: 'function', name, args };
    }
    if (isSymbol(first, ',') || first.type === 'end') throw syntaxErrors.expecting("')'", this.found(first));
    args.push(this.parseArgument());
    for (;;) {
      const token = this.next();
      if (isSymbol(token, ')')) return { kind: 'function', name, args };
      if (token.type === 'end') throw syntaxErrors.expecting("')'", 'end');
      if (!isSymbol(token, ',')) throw syntaxErrors.expecting("')' or ','", this.found(token));
      const next = this.peek();
      if (isSymbol(next, ')')) throw syntaxErrors.missingArgument(this.lexer.position(next.start));
      args.push(this.parseArgument());
    }
  }

  private parseArgument(): string {
    const token = this.next();
    if (token.type === 'string') return token.text;
    if (token.type !== 'word' || JQL_KEYWORDS.has(token.text.toLowerCase())) {
      throw syntaxErrors.expectingArgument(this.found(token));
    }
    this.checkWord(token);
    return token.text;
  }

  private parseOrderBy(): readonly JqlSortItem[] {
    this.next();
    const by = this.next();
    if (!isWord(by, 'by')) throw syntaxErrors.expecting("'by'", this.found(by));
    const items: JqlSortItem[] = [];
    for (;;) {
      const field = this.parseField();
      let token = this.next();
      if (isWord(token, 'asc') || isWord(token, 'desc')) {
        items.push({ field, direction: token.text.toLowerCase() as 'asc' | 'desc' });
        token = this.next();
        if (token.type === 'end') return items;
        if (!isSymbol(token, ',')) throw syntaxErrors.expecting("','", this.found(token));
        continue;
      }
      items.push({ field });
      if (token.type === 'end') return items;
      if (!isSymbol(token, ',')) throw syntaxErrors.expecting("either 'ASC' or 'DESC'", this.found(token));
    }
  }
}
