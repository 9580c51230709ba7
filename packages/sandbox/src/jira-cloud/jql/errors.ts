/**
 * {@link JqlError} and every message it can carry, worded as Jira words them.
 *
 * Where the wording comes from:
 * - the platform OpenAPI spec's `/rest/api/3/jql/parse` example ("Expecting operator but got
 *   'query'…", "The operator '=' is not supported by the 'summary' field.", "Operator 'in' does not
 *   support the non-list value…", "The value 'INVALID' does not exist for the field 'project'.",
 *   "Field 'universe' does not exist or you do not have permission to view it.");
 * - Atlassian's own functional tests of the JQL parser and of system-field literals (syntax errors,
 *   escapes, reserved words and characters, custom-field ids, function arguments, date formats,
 *   text queries, EMPTY, ids, issue keys);
 * - error bodies captured from Jira Cloud in public code (the `Error in JQL Query:` prefix of the
 *   "Expecting either a value, list or function" family, "Unbounded JQL queries are not allowed
 *   here…", "An issue with key … does not exist for field 'key'.").
 * Messages marked *inferred* follow Jira's pattern but were not found verbatim.
 *
 * @module
 */

/** Where in the query a syntax error is: 1-based line and character, and the 0-based offset. */
export interface JqlPosition {
  readonly line: number;
  readonly character: number;
  readonly offset: number;
}

/** What kind of problem a {@link JqlError} reports. */
export type JqlErrorKind =
  /** The query does not parse. */
  | 'syntax'
  /** The query parses but names unknown fields or values, misuses operators or functions, … */
  | 'validation'
  /** Valid JQL that this simulator does not implement (`WAS`, `CHANGED`). */
  | 'unsupported';

/** The body Jira sends with a 400: `{"errorMessages": [...], "errors": {}}`. */
export interface JiraErrorCollection {
  errorMessages: string[];
  errors: Record<string, string>;
}

/**
 * A query Jira would reject with 400. `errorMessages` holds Jira's messages (several when a query
 * has several validation problems); `message` is the first.
 *
 * @example
 * ```ts
 * try { parseJql('project = HELP AND'); }
 * catch (error) {
 *   if (error instanceof JqlError) reply(400, error.toErrorCollection());
 * }
 * ```
 */
export class JqlError extends Error {
  override readonly name = 'JqlError';
  /** Jira's messages, in query order. */
  readonly errorMessages: readonly string[];
  /** What kind of problem this is. */
  readonly kind: JqlErrorKind;
  /** Where a syntax error is, when Jira reports a position. */
  readonly position: JqlPosition | undefined;

  constructor(messages: string | readonly string[], kind: JqlErrorKind, position?: JqlPosition) {
    const list = typeof messages === 'string' ? [messages] : [...messages];
    super(list[0] ?? 'Invalid JQL.');
    this.errorMessages = list;
    this.kind = kind;
    this.position = position;
  }

  /** The 400 body Jira would send for this error. */
  toErrorCollection(): JiraErrorCollection {
    return { errorMessages: [...this.errorMessages], errors: {} };
  }
}

const SYNTAX_PREFIX = 'Error in the JQL Query: ';
/** Jira Cloud prefixes the "Expecting either a value, list or function" family differently (captured bodies). */
const OPERAND_PREFIX = 'Error in JQL Query: ';
const VALID_OPERATORS = "The valid operators are '=', '!=', '<', '>', '<=', '>=', '~', '!~', 'IN', 'NOT IN', 'IS' and 'IS NOT'.";
const VALID_ESCAPES = "The valid escape sequences are \\', \\\", \\t, \\n, \\r, \\\\, '\\ ' and \\uXXXX.";
const DATE_FORMATS = "'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd', or a period format e.g. '-5d', '4w 2d'";
const DAY_FORMATS = "'YYYY/MM/DD', 'YYYY-MM-DD', or a period format e.g. '-5d', '4w 2d'";

/** What a syntax error is about: a token that was found instead, or the end of the query. */
export type Found = { readonly text: string; readonly position: JqlPosition } | 'end';

function syntax(message: string, position?: JqlPosition, prefix = SYNTAX_PREFIX): JqlError {
  const where = position === undefined ? '' : ` (line ${position.line}, character ${position.character})`;
  return new JqlError(`${prefix}${message}${where}`, 'syntax', position);
}

function hex4(char: string): string {
  return char.charCodeAt(0).toString(16).padStart(4, '0');
}

/** The syntax errors of the lexer and the parser. */
export const syntaxErrors = {
  reservedCharacter: (char: string, at: JqlPosition) =>
    syntax(`The character '${char}' is a reserved JQL character. You must enclose it in a string or use the escape '\\u${hex4(char)}' instead.`, at),
  controlCharacter: (char: string, at: JqlPosition) =>
    syntax(`The character 'U+${hex4(char).toUpperCase()}' on line ${at.line} at position ${at.character} must be escaped. Use the escape '\\u${hex4(char)}' instead.`, at),
  unfinishedString: (rest: string, at: JqlPosition) =>
    rest === ''
      ? syntax('The quoted string has not been completed.', at)
      : syntax(`The quoted string '${rest}' has not been completed.`, at),
  illegalEscape: (sequence: string, at: JqlPosition) => syntax(`'${sequence}' is an illegal JQL escape sequence. ${VALID_ESCAPES}`, at),
  unfinishedEscape: (at: JqlPosition) => syntax(`The escape sequence has not been completed. ${VALID_ESCAPES}`, at),
  reservedWord: (word: string, at: JqlPosition) =>
    syntax(`'${word}' is a reserved JQL word. You must surround it in quotation marks to use it in a query.`, at),
  invalidNumber: (text: string, at: JqlPosition) =>
    syntax(`'${text}' is not a valid number. Numbers must be between -9,223,372,036,854,775,808 and 9,223,372,036,854,775,807.`, at),
  expectingField: (found: Found) =>
    found === 'end'
      ? syntax('Expecting a field name at the end of the query.')
      : found.text === '['
        ? syntax("Expecting a field name but got '['. Did you mean 'cf['?", found.position)
        : syntax(`Expecting a field name but got '${found.text}'. You must surround '${found.text}' in quotation marks to use it as a field name.`, found.position),
  emptyFieldName: (at: JqlPosition) => syntax('A field name cannot be empty.', at),
  emptyFunctionName: (at: JqlPosition) => syntax('A function name cannot be empty.', at),
  expectingOperator: (found: Found) =>
    found === 'end'
      ? syntax(`Expecting operator before the end of the query. ${VALID_OPERATORS}`)
      : syntax(`Expecting operator but got '${found.text}'. ${VALID_OPERATORS}`, found.position),
  expectingOperand: (found: Found) =>
    found === 'end'
      ? syntax('Expecting either a value, list or function before the end of the query.', undefined, OPERAND_PREFIX)
      : syntax(
          `Expecting either a value, list or function but got '${found.text}'. You must surround '${found.text}' in quotation marks to use it as a value.`,
          found.position,
          OPERAND_PREFIX,
        ),
  expectingArgument: (found: Found) =>
    found === 'end'
      ? syntax('Expecting a function argument at the end of the query.')
      : syntax(`Expecting a function argument but got '${found.text}'. You must surround '${found.text}' in quotation marks to use it as an argument.`, found.position),
  missingArgument: (at: JqlPosition) => syntax('Function argument must be specified.', at),
  expectingCustomFieldId: (found: Found) =>
    found === 'end'
      ? syntax('Expecting a custom field id (a positive number) before the end of the query.')
      : syntax(`Expecting a custom field id (a positive number) but got '${found.text}'.`, found.position),
  /** "Expecting {what} …", where `what` is written as Jira writes it: `"'by'"`, `"either 'OR' or 'AND'"`, `"')' or ','"`. */
  expecting: (what: string, found: Found) =>
    found === 'end'
      ? syntax(`Expecting ${what} before the end of the query.`)
      : syntax(`Expecting ${what} but got '${found.text}'.`, found.position),
  /** Simulator-specific: `WAS` and `CHANGED` are valid JQL but not implemented here. */
  unsupportedOperator: (operator: string, at: JqlPosition) =>
    new JqlError(
      `${SYNTAX_PREFIX}The operator '${operator}' is not supported by the Jira Cloud sandbox. (line ${at.line}, character ${at.character})`,
      'unsupported',
      at,
    ),
};

/** The messages of validation errors (no prefix, no position — Jira reports none for these). */
export const validationMessages = {
  noSuchField: (field: string) => `Field '${field}' does not exist or you do not have permission to view it.`,
  operatorNotSupported: (operator: string, field: string) => `The operator '${operator}' is not supported by the '${field}' field.`,
  nonListValue: (operator: string, operand: string, field: string) =>
    `Operator '${operator}' does not support the non-list value '${operand}' for field '${field}'.`,
  /** *Inferred* from the non-list message. */
  listValue: (operator: string, operand: string, field: string) =>
    `Operator '${operator}' does not support the list value '${operand}' for field '${field}'.`,
  /** *Inferred*. */
  isNeedsEmpty: (operator: string, field: string) => `Operator '${operator}' only supports the EMPTY or NULL keyword for field '${field}'.`,
  emptyNotSupported: (field: string) => `The field '${field}' does not support searching for EMPTY values.`,
  /** *Inferred*. */
  emptyNotOrdered: (operator: string) => `The operator '${operator}' does not support searching for EMPTY values.`,
  emptyString: (field: string) => `The field '${field}' does not support searching for an empty string.`,
  valueNotFound: (value: string, field: string) => `The value '${value}' does not exist for the field '${field}'.`,
  idNotFound: (id: string, field: string) => `A value with ID '${id}' does not exist for the field '${field}'.`,
  invalidIssueKey: (value: string, field: string) => `The issue key '${value}' for field '${field}' is invalid.`,
  issueNotFound: (key: string, field: string) => `An issue with key '${key}' does not exist for field '${field}'.`,
  invalidDate: (value: string, field: string) => `Date value '${value}' for field '${field}' is invalid. Valid formats include: ${DATE_FORMATS}.`,
  invalidDay: (value: string, field: string) => `Date value '${value}' for field '${field}' is invalid. Valid formats include: ${DAY_FORMATS}.`,
  invalidNumber: (value: string, field: string) => `Value '${value}' for the '${field}' field is not a valid number.`,
  unparsableText: (value: string, field: string) => `Unable to parse the text '${value}' for field '${field}'.`,
  leadingWildcard: (value: string, field: string, wildcard: string) =>
    `The text query '${value}' for field '${field}' is not allowed to start with '${wildcard}'.`,
  unknownFunction: (display: string) => `Unable to find JQL function '${display}'.`,
  functionNotValidForField: (fn: string, field: string) => `A value provided by the function '${fn}' is invalid for the field '${field}'.`,
  functionArity: (fn: string, min: number, max: number, received: number) =>
    min === max
      ? `Function '${fn}' expected '${min}' arguments but received '${received}'.`
      : `Function '${fn}' expected between '${min}' and '${max}' arguments but received '${received}'.`,
  functionDuration: (fn: string) => `Duration for function '${fn}' should have the format (+/-)n(yMwdm), e.g -1M for 1 month earlier.`,
  notSortable: (field: string) => `Not able to sort using field '${field}'.`,
  unbounded: 'Unbounded JQL queries are not allowed here. Please add a search restriction to your query.',
};
