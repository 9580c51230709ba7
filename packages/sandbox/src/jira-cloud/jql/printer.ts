/**
 * Prints a syntax tree back to JQL that {@link parseJql} reads as the same tree.
 *
 * Words are printed bare when they can be (`HELP-1`, `currentUser`), otherwise as double-quoted
 * strings with `\` and `"` escaped, line breaks written `\n`/`\r` and control characters `\uXXXX`.
 *
 * @module
 */
import type { JqlClause, JqlOperand, JqlQuery, JqlSortItem } from './ast.js';
import { isWordCharacter } from './lexer.js';
import { isJqlControlCharacter, JQL_KEYWORDS, JQL_RESERVED_WORDS } from './reserved.js';

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** Whether `text` can be written without quotes: word characters only, not a keyword, reserved word or out-of-range number. */
export function isBareWord(text: string): boolean {
  if (text === '' || ![...text].every(isWordCharacter)) return false;
  const lower = text.toLowerCase();
  if (JQL_KEYWORDS.has(lower) || JQL_RESERVED_WORDS.has(lower)) return false;
  if (/^-?\d+$/.test(text)) {
    const value = BigInt(text);
    return value >= INT64_MIN && value <= INT64_MAX;
  }
  return true;
}

/** `text` as a double-quoted JQL string. */
export function quoteJqlString(text: string): string {
  let out = '"';
  for (const char of text) {
    if (char === '"' || char === '\\') out += `\\${char}`;
    else if (char === '\n') out += '\\n';
    else if (char === '\r') out += '\\r';
    else if (isJqlControlCharacter(char)) out += `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
    else out += char;
  }
  return `${out}"`;
}

/** `text` bare when possible, quoted otherwise. */
export function jqlWord(text: string): string {
  return isBareWord(text) ? text : quoteJqlString(text);
}

function printField(name: string): string {
  return /^cf\[\d+\]$/.test(name) ? name : jqlWord(name);
}

/** Prints an operand as it would appear in a query (also used in Jira's messages). */
export function printOperand(operand: JqlOperand): string {
  switch (operand.kind) {
    case 'empty':
      return 'EMPTY';
    case 'value':
      return operand.quoted || !isBareWord(operand.value) ? quoteJqlString(operand.value) : operand.value;
    case 'function':
      return `${jqlWord(operand.name)}(${operand.args.map(jqlWord).join(', ')})`;
    case 'list':
      return `(${operand.values.map(printOperand).join(', ')})`;
  }
}

function printClause(clause: JqlClause): string {
  switch (clause.kind) {
    case 'terminal':
      return `${printField(clause.field.name)} ${clause.operator.toUpperCase()} ${printOperand(clause.operand)}`;
    case 'not':
      return `NOT ${printNested(clause.clause)}`;
    case 'and':
    case 'or':
      return clause.clauses.map(printNested).join(clause.kind === 'and' ? ' AND ' : ' OR ');
  }
}

/** A clause inside NOT, AND or OR: parenthesised when it is itself an AND or OR. */
function printNested(clause: JqlClause): string {
  return clause.kind === 'and' || clause.kind === 'or' ? `(${printClause(clause)})` : printClause(clause);
}

function printSort(item: JqlSortItem): string {
  const field = printField(item.field.name);
  return item.direction === undefined ? field : `${field} ${item.direction.toUpperCase()}`;
}

/**
 * Prints a query as JQL.
 *
 * @example
 * ```ts
 * printJql(parseJql("project=help and status in ('In Progress', Open) order by key"));
 * // 'project = help AND status IN ("In Progress", Open) ORDER BY key'
 * ```
 */
export function printJql(query: JqlQuery): string {
  const parts: string[] = [];
  if (query.where !== undefined) parts.push(printClause(query.where));
  if (query.orderBy !== undefined) parts.push(`ORDER BY ${query.orderBy.map(printSort).join(', ')}`);
  return parts.join(' ');
}
