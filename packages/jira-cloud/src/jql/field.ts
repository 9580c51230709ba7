/**
 * JQL field references: `status`, `cf[10010]`, `"Request Type"`.
 *
 * @internal
 * @module
 */
import { InputError } from '@itsm/core';
import { quoteJqlString } from './literal.js';
import { JIRA_CLOUD } from '../provider.js';

/**
 * Words the JQL lexer reads as keywords or reserves (Jira's `JqlLexer` grammar), so a field named
 * like one must be quoted.
 */
const RESERVED = new Set(
  `and or not in is empty null was changed before after from to on during order by asc desc cf
  abort access add alias alter any as audit avg begin between boolean break byte catch char character
  check checkpoint collate collation column commit connect continue count create current date decimal
  declare decrement default defaults define delete delimiter difference distinct divide do double drop
  else encoding end equals escape exclusive exec execute exists explain false fetch file field first
  float for function go goto grant greater group having identified if immediate increment index initial
  inner inout input insert int integer intersect intersection into isempty isnull join last left less
  like limit lock long max min minus mode modify modulo more multiply next noaudit notin nowait number
  object of option outer output power previous prior privileges public raise raw remainder rename
  resource return returns revoke right row rowid rownum rows select session set share size sqrt start
  strict string subtract sum synonym table then trans transaction trigger true uid union unique update
  user validate values view when whenever where while with`.split(/\s+/),
);

const CUSTOM_FIELD = /^(?:customfield_(\d+)|cf\[(\d+)\])$/i;
const BARE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Writes a field name for a JQL clause: `customfield_10010` and `cf[10010]` become `cf[10010]`,
 * a plain identifier that is not a JQL keyword stays bare, anything else (spaces, punctuation,
 * reserved words) is quoted like a string.
 *
 * @throws `InputError` for an empty name.
 */
export function jqlFieldName(name: string): string {
  if (typeof name !== 'string' || name.trim() === '') {
    throw new InputError('A JQL field name must be a non-empty string', { provider: JIRA_CLOUD, field: 'field' });
  }
  const custom = CUSTOM_FIELD.exec(name);
  if (custom) return `cf[${custom[1] ?? custom[2]}]`;
  if (BARE_NAME.test(name) && !RESERVED.has(name.toLowerCase())) return name;
  return quoteJqlString(name);
}
