/**
 * Properties: (1) any string, escaped as a JQL string literal by the rules of the Jira reference
 * notes (§4.4), parses back to exactly that string; (2) any syntax tree, printed, parses back to the
 * same tree; (3) the printer's idea of a bare word agrees with the parser.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { JqlClause, JqlOperand, JqlOperator, JqlQuery, JqlSortItem } from '../../src/jira-cloud/jql/ast.js';
import { JqlError } from '../../src/jira-cloud/jql/errors.js';
import { parseJql } from '../../src/jira-cloud/jql/parser.js';
import { isBareWord, printJql } from '../../src/jira-cloud/jql/printer.js';

/**
 * The notes' rule: inside `"…"` (or `'…'`) escape `\` and the quote character with a backslash.
 * Line breaks are written `\n`/`\r` (the notes replace them with spaces, which loses them) and
 * control characters `\uXXXX` (Jira rejects them raw: "The character 'U+0007' … must be escaped").
 */
function escapeJql(value: string, quote: '"' | "'" = '"'): string {
  let body = '';
  for (const char of value) {
    const code = char.charCodeAt(0);
    if (char === '\\' || char === quote) body += `\\${char}`;
    else if (char === '\n') body += '\\n';
    else if (char === '\r') body += '\\r';
    else if ((code < 0x20 && char !== '\t') || (code >= 0x7f && code <= 0x9f)) body += `\\u${code.toString(16).padStart(4, '0')}`;
    else body += char;
  }
  return `${quote}${body}${quote}`;
}

/** The SDK escaper the notes recommend (rule 2), verbatim. */
function notesValueEscaper(s: string): string {
  return '"' + s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/[\r\n\t]/g, ' ') + '"';
}

const anyString = fc.oneof(fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ unit: fc.constantFrom('\\', '"', "'", '\n', '\r', '\t', 'u', '0', ' ', 'a', '\u0007', '\u007f', '\u2603'), maxLength: 30 }));

function parsedValue(query: string): string {
  const where = parseJql(query).where;
  if (where?.kind !== 'terminal' || where.operand.kind !== 'value') throw new Error(`unexpected tree for ${query}`);
  return where.operand.value;
}

describe('escaping', () => {
  it('a double-quoted literal parses back to exactly the string', () => {
    fc.assert(fc.property(anyString, (value) => {
        expect(parsedValue(`summary ~ ${escapeJql(value)}`)).toBe(value);
      }), { numRuns: 1000 });
  });

  it('a single-quoted literal parses back to exactly the string', () => {
    fc.assert(fc.property(anyString, (value) => {
        expect(parsedValue(`summary ~ ${escapeJql(value, "'")}`)).toBe(value);
      }), { numRuns: 1000 });
  });

  it('an escaped value cannot widen the query (the injection example of the notes)', () => {
    const typed = 'foo" OR project = SECRET OR summary ~ "';
    expect(parseJql(`project = HELP AND summary ~ ${escapeJql(typed)}`).where).toMatchObject({
      kind: 'and',
      clauses: [{ field: { name: 'project' } }, { field: { name: 'summary' }, operand: { value: typed } }],
    });
  });

  it("the notes' SDK escaper round-trips text without control characters, with line breaks and tabs as spaces", () => {
    const noControls = anyString.filter((value) => ![...value].some((char) => /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/.test(char)));
    fc.assert(fc.property(noControls, (value) => {
        expect(parsedValue(`summary ~ ${notesValueEscaper(value)}`)).toBe(value.replace(/[\r\n\t]/g, ' '));
      }));
  });

  it("the notes' SDK escaper leaves other control characters raw, which Jira rejects", () => {
    expect(() => parseJql(`summary ~ ${notesValueEscaper('bell\u0007')}`)).toThrow(JqlError);
    expect(() => parseJql(`summary ~ ${escapeJql('bell\u0007')}`)).not.toThrow();
  });
});

const OPERATORS: JqlOperator[] = ['=', '!=', '~', '!~', '<', '<=', '>', '>=', 'in', 'not in', 'is', 'is not'];
const wordish = fc.string({ unit: fc.constantFrom(...'abcXYZ019-_:'.split(''), 'é', '中'), minLength: 1, maxLength: 8 });
const name = fc.oneof(wordish, fc.string({ unit: 'binary', minLength: 1, maxLength: 12 }), fc.constantFrom('and', 'order', 'EMPTY', 'cf', 'a b', 'x"y'));
const fieldName = fc.oneof(name, fc.nat({ max: 99_999 }).map((id) => `cf[${id}]`));
const text = fc.oneof(wordish, fc.string({ unit: 'binary', maxLength: 12 }));

const value: fc.Arbitrary<JqlOperand> = fc.oneof(
  text.map((v): JqlOperand => ({ kind: 'value', value: v, quoted: true })),
  wordish.filter(isBareWord).map((v): JqlOperand => ({ kind: 'value', value: v, quoted: false })),
  fc.integer({ min: -1_000_000, max: 1_000_000 }).map((n): JqlOperand => ({ kind: 'value', value: String(n), quoted: false })),
  fc.record({ name, args: fc.array(text, { maxLength: 3 }) }).map(({ name: fn, args }): JqlOperand => ({ kind: 'function', name: fn, args })),
  fc.constant<JqlOperand>({ kind: 'empty' }),
);

const operand: fc.Arbitrary<JqlOperand> = fc.letrec<{ operand: JqlOperand }>((tie) => ({
  operand: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    value,
    fc.array(tie('operand'), { minLength: 1, maxLength: 3 }).map((values): JqlOperand => ({ kind: 'list', values })),
  ),
})).operand;

const terminal: fc.Arbitrary<JqlClause> = fc
  .record({ field: fieldName, operator: fc.constantFrom(...OPERATORS), operand })
  .map(({ field, operator, operand: right }): JqlClause => ({ kind: 'terminal', field: { name: field }, operator, operand: right }));

const clause: fc.Arbitrary<JqlClause> = fc.letrec<{ clause: JqlClause }>((tie) => ({
  clause: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    terminal,
    fc.record({ kind: fc.constantFrom('and' as const, 'or' as const), clauses: fc.array(tie('clause'), { minLength: 2, maxLength: 3 }) }),
    tie('clause').map((inner): JqlClause => ({ kind: 'not', clause: inner })),
  ),
})).clause;

const sortItem: fc.Arbitrary<JqlSortItem> = fc.record(
  { field: fieldName.map((field) => ({ name: field })), direction: fc.constantFrom('asc' as const, 'desc' as const) },
  { requiredKeys: ['field'] },
);

const query: fc.Arbitrary<JqlQuery> = fc.record({ where: clause, orderBy: fc.array(sortItem, { minLength: 1, maxLength: 3 }) }, { requiredKeys: [] });

describe('printing', () => {
  it('a printed tree parses back to the same tree', () => {
    fc.assert(
      fc.property(query, (tree) => {
        const printed = printJql(tree);
        expect(parseJql(printed)).toEqual(tree);
      }),
      { numRuns: 1000 },
    );
  });

  it('a bare word parses as an unquoted value, and anything else needs quotes', () => {
    fc.assert(
      fc.property(fc.oneof(wordish, fc.string({ unit: 'binary', maxLength: 10 }), fc.constantFrom('is', 'cf', 'it', '9223372036854775808', '-9223372036854775808')), (word) => {
        let parsed: JqlQuery | undefined;
        try {
          parsed = parseJql(`x = ${word}`);
        } catch {
          parsed = undefined;
        }
        const bare = parsed?.where?.kind === 'terminal' && parsed.where.operand.kind === 'value' && parsed.where.operand.value === word && !parsed.where.operand.quoted;
        expect(bare).toBe(isBareWord(word));
      }),
      { numRuns: 1000 },
    );
  });
});
