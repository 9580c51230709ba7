/**
 * Words and characters JQL reserves, and the keywords the grammar itself uses.
 *
 * Sources: Atlassian's "Advanced searching" page lists the reserved characters and words ("If you're
 * a Jira admin, note that this list is hard coded in the `JqlStringSupportImpl.java` file"); Atlassian's
 * own tests of that class add `changed` and `was`; Jira Cloud also reserves Lucene's English stop
 * words (`a`, `an`, `it`, `the`, …), which is why a project keyed `IT` fails with "'it' is a reserved
 * JQL word" unless quoted.
 *
 * @module
 */

/** Words that must be quoted to be used as a field name, value or function argument (lower-case). */
export const JQL_RESERVED_WORDS: ReadonlySet<string> = new Set([
  // Jira's own list
  'abort', 'access', 'add', 'after', 'alias', 'all', 'alter', 'and', 'any', 'as', 'asc', 'audit', 'avg',
  'before', 'begin', 'between', 'boolean', 'break', 'by', 'byte', 'catch', 'cf', 'changed', 'char',
  'character', 'check', 'checkpoint', 'collate', 'collation', 'column', 'commit', 'connect', 'continue',
  'count', 'create', 'current', 'date', 'decimal', 'declare', 'decrement', 'default', 'defaults', 'define',
  'delete', 'delimiter', 'desc', 'difference', 'distinct', 'divide', 'do', 'double', 'drop', 'else', 'empty',
  'encoding', 'end', 'equals', 'escape', 'exclusive', 'exec', 'execute', 'exists', 'explain', 'false',
  'fetch', 'file', 'field', 'first', 'float', 'for', 'from', 'function', 'go', 'goto', 'grant', 'greater',
  'group', 'having', 'identified', 'if', 'immediate', 'in', 'increment', 'index', 'initial', 'inner',
  'inout', 'input', 'insert', 'int', 'integer', 'intersect', 'intersection', 'into', 'is', 'isempty',
  'isnull', 'join', 'last', 'left', 'less', 'like', 'limit', 'lock', 'long', 'max', 'min', 'minus', 'mode',
  'modify', 'modulo', 'more', 'multiply', 'next', 'noaudit', 'not', 'notin', 'nowait', 'null', 'number',
  'object', 'of', 'on', 'option', 'or', 'order', 'outer', 'output', 'power', 'previous', 'prior',
  'privileges', 'public', 'raise', 'raw', 'remainder', 'rename', 'resource', 'return', 'returns', 'revoke',
  'right', 'row', 'rowid', 'rownum', 'rows', 'select', 'session', 'set', 'share', 'size', 'sqrt', 'start',
  'strict', 'string', 'subtract', 'sum', 'synonym', 'table', 'then', 'to', 'trans', 'transaction',
  'trigger', 'true', 'uid', 'union', 'unique', 'update', 'user', 'validate', 'values', 'view', 'was',
  'when', 'whenever', 'where', 'while', 'with',
  // Lucene's English stop words, reserved by Jira Cloud
  'a', 'an', 'are', 'at', 'be', 'but', 'it', 'no', 'such', 'that', 'the', 'their', 'there', 'these',
  'they', 'this', 'will',
]);

/**
 * Words the grammar uses. Where a field name or value is expected they are reported as "Expecting
 * … but got 'x'" rather than as reserved words (Atlassian's parser tests leave exactly these out of
 * their reserved-word checks).
 */
export const JQL_KEYWORDS: ReadonlySet<string> = new Set([
  'and', 'or', 'not', 'in', 'is', 'empty', 'null', 'order', 'by', 'asc', 'desc',
  'was', 'changed', 'after', 'before', 'from', 'to', 'on', 'during',
]);

/**
 * Characters that cannot appear outside a quoted string (Atlassian's list: space + . , ; ? | * / % ^
 * $ # @ [ ] — space, comma, `|`, `[` and `]` are syntax and handled by the lexer — plus `{` and `}`,
 * which Atlassian's parser tests also reject).
 */
export const JQL_RESERVED_CHARACTERS: ReadonlySet<string> = new Set([
  '{', '}', '*', '/', '%', '+', '^', '$', '#', '@', '?', ';', '.',
]);

/** Whether `char` (one UTF-16 unit) is a control character that must be written as `\uXXXX`. */
export function isJqlControlCharacter(char: string): boolean {
  const code = char.charCodeAt(0);
  if (code === 0x09 || code === 0x0a || code === 0x0d) return false;
  return code < 0x20 || (code >= 0x7f && code <= 0x9f);
}
