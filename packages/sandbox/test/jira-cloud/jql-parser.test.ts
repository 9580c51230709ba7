/**
 * Lexer and parser units: the tree each construct produces, precedence, keyword case, quoting and
 * escaping, and printing back.
 */
import { describe, expect, it } from 'vitest';
import type { JqlClause, JqlOperand, JqlQuery } from '../../src/jira-cloud/jql/ast.js';
import { parseJql } from '../../src/jira-cloud/jql/parser.js';
import { printJql } from '../../src/jira-cloud/jql/printer.js';

const v = (value: string, quoted = false): JqlOperand => ({ kind: 'value', value, quoted });
const t = (field: string, operator: string, operand: JqlOperand): JqlClause =>
  ({ kind: 'terminal', field: { name: field }, operator, operand }) as JqlClause;
const where = (query: string): JqlClause | undefined => parseJql(query).where;

/** A compact rendering of a tree that shows its grouping: `(a=1 AND (b=2 OR c=3))`. */
function shape(clause: JqlClause | undefined): string {
  if (clause === undefined) return '';
  switch (clause.kind) {
    case 'terminal':
      return `${clause.field.name}${clause.operator}${clause.operand.kind === 'value' ? clause.operand.value : clause.operand.kind}`;
    case 'not':
      return `NOT ${shape(clause.clause)}`;
    default:
      return `(${clause.clauses.map(shape).join(clause.kind === 'and' ? ' AND ' : ' OR ')})`;
  }
}

describe('clauses', () => {
  it('reads field, operator and operand', () => {
    expect(parseJql('project = HELP')).toEqual({ where: t('project', '=', v('HELP')) });
  });

  it.each([
    ['=', '='],
    ['!=', '!='],
    ['~', '~'],
    ['!~', '!~'],
    ['<', '<'],
    ['<=', '<='],
    ['>', '>'],
    ['>=', '>='],
    ['IN', 'in'],
    ['in', 'in'],
    ['NOT IN', 'not in'],
    ['Not In', 'not in'],
  ])('reads the operator %s', (written, operator) => {
    const operand = operator.includes('in') ? '(x)' : 'x';
    expect(where(`votes ${written} ${operand}`)).toMatchObject({ operator });
  });

  it('reads IS EMPTY, IS NULL and IS NOT EMPTY, in any case', () => {
    expect(where('assignee IS EMPTY')).toEqual(t('assignee', 'is', { kind: 'empty' }));
    expect(where('assignee is null')).toEqual(t('assignee', 'is', { kind: 'empty' }));
    expect(where('assignee Is Not Empty')).toEqual(t('assignee', 'is not', { kind: 'empty' }));
    expect(where('assignee = EMPTY')).toEqual(t('assignee', '=', { kind: 'empty' }));
  });

  it('needs no spaces around symbolic operators', () => {
    expect(where('project=HELP')).toEqual(t('project', '=', v('HELP')));
    expect(where('votes>=3')).toEqual(t('votes', '>=', v('3')));
    expect(where('summary!~"x"')).toEqual(t('summary', '!~', v('x', true)));
  });

  it('reads lists, nested lists, EMPTY and functions inside lists', () => {
    expect(where('status in (Open, "In Progress", EMPTY, currentUser())')).toEqual(
      t('status', 'in', {
        kind: 'list',
        values: [v('Open'), v('In Progress', true), { kind: 'empty' }, { kind: 'function', name: 'currentUser', args: [] }],
      }),
    );
    expect(where('x in ((a1, b1), c1)')).toEqual(
      t('x', 'in', { kind: 'list', values: [{ kind: 'list', values: [v('a1'), v('b1')] }, v('c1')] }),
    );
  });

  it('reads functions with quoted, unquoted and several arguments', () => {
    expect(where('created >= startOfDay("-1d")')).toEqual(t('created', '>=', { kind: 'function', name: 'startOfDay', args: ['-1d'] }));
    expect(where('created >= startOfDay(-1)')).toEqual(t('created', '>=', { kind: 'function', name: 'startOfDay', args: ['-1'] }));
    expect(where("assignee in membersOf('jira users', x)")).toEqual(
      t('assignee', 'in', { kind: 'function', name: 'membersOf', args: ['jira users', 'x'] }),
    );
    expect(where('x = "quoted name"()')).toEqual(t('x', '=', { kind: 'function', name: 'quoted name', args: [] }));
  });

  it('keeps unquoted words with dashes, colons and digits whole', () => {
    expect(where('key = HELP-12')).toEqual(t('key', '=', v('HELP-12')));
    expect(where('updated >= -5m')).toEqual(t('updated', '>=', v('-5m')));
    expect(where('created > 2024-01-31')).toEqual(t('created', '>', v('2024-01-31')));
    expect(where('assignee = 557058:f58131cb-b67d-43c7')).toEqual(t('assignee', '=', v('557058:f58131cb-b67d-43c7')));
  });

  it('distinguishes quoted from unquoted values', () => {
    expect(where('status = 3')).toEqual(t('status', '=', v('3')));
    expect(where('status = "3"')).toEqual(t('status', '=', v('3', true)));
  });

  it('reads quoted field names and custom fields', () => {
    expect(where('"Request Type" = "Get IT help"')).toEqual(t('Request Type', '=', v('Get IT help', true)));
    expect(where("'Epic Link' is empty")).toEqual(t('Epic Link', 'is', { kind: 'empty' }));
    expect(where('cf[10010] = x')).toEqual(t('cf[10010]', '=', v('x')));
    expect(where('CF [ 10010 ] = x')).toEqual(t('cf[10010]', '=', v('x')));
  });
});

describe('precedence', () => {
  it('binds AND tighter than OR', () => {
    expect(shape(where('p=1 OR q=2 AND r=3'))).toBe('(p=1 OR (q=2 AND r=3))');
    expect(shape(where('p=1 AND q=2 OR r=3'))).toBe('((p=1 AND q=2) OR r=3)');
    expect(shape(where('p=1 AND q=2 OR r=3 AND s=4'))).toBe('((p=1 AND q=2) OR (r=3 AND s=4))');
  });

  it('collects a run of the same connective into one node', () => {
    expect(where('p=1 and q=2 and r=3')).toMatchObject({ kind: 'and', clauses: [{}, {}, {}] });
    expect(where('p=1 or q=2 or r=3')).toMatchObject({ kind: 'or', clauses: [{}, {}, {}] });
  });

  it('lets parentheses override it and keeps their nesting', () => {
    expect(shape(where('(p=1 OR q=2) AND r=3'))).toBe('((p=1 OR q=2) AND r=3)');
    expect(shape(where('(p=1 AND q=2) AND r=3'))).toBe('((p=1 AND q=2) AND r=3)');
    expect(where('((p=1))')).toEqual(t('p', '=', v('1')));
  });

  it('binds NOT tighter than AND, and NOT applies to a parenthesised group', () => {
    expect(shape(where('NOT p=1 AND q=2'))).toBe('(NOT p=1 AND q=2)');
    expect(shape(where('NOT (p=1 AND q=2)'))).toBe('NOT (p=1 AND q=2)');
    expect(shape(where('not not p=1'))).toBe('NOT NOT p=1');
    expect(shape(where('p=1 OR NOT q=2 AND r=3'))).toBe('(p=1 OR (NOT q=2 AND r=3))');
  });

  it('accepts the symbolic connectives && & || | and !', () => {
    expect(shape(where('p=1 && q=2 || r=3'))).toBe('((p=1 AND q=2) OR r=3)');
    expect(shape(where('p=1 & q=2 | r=3'))).toBe('((p=1 AND q=2) OR r=3)');
    expect(shape(where('!p=1'))).toBe('NOT p=1');
  });

  it('reads keywords in any case', () => {
    expect(shape(where('p=1 aNd q=2 Or r=3'))).toBe('((p=1 AND q=2) OR r=3)');
    expect(parseJql('p=1 oRdEr By q dEsC').orderBy).toEqual([{ field: { name: 'q' }, direction: 'desc' }]);
  });
});

describe('ORDER BY', () => {
  it('reads several fields with and without directions', () => {
    expect(parseJql('project = HELP ORDER BY priority DESC, created, key asc').orderBy).toEqual([
      { field: { name: 'priority' }, direction: 'desc' },
      { field: { name: 'created' } },
      { field: { name: 'key' }, direction: 'asc' },
    ]);
  });

  it('can be the whole query, and a query can be empty', () => {
    expect(parseJql('order by key desc')).toEqual({ orderBy: [{ field: { name: 'key' }, direction: 'desc' }] });
    expect(parseJql('')).toEqual({});
    expect(parseJql('  \n\t ')).toEqual({});
  });

  it('reads quoted and custom sort fields', () => {
    expect(parseJql('ORDER BY "Request Type", cf[10010] DESC').orderBy).toEqual([
      { field: { name: 'Request Type' } },
      { field: { name: 'cf[10010]' }, direction: 'desc' },
    ]);
  });
});

describe('strings and escapes', () => {
  it.each([
    [String.raw`"say \"hi\""`, 'say "hi"'],
    [String.raw`'it\'s'`, "it's"],
    [String.raw`"it's"`, "it's"],
    [String.raw`'say "hi"'`, 'say "hi"'],
    [String.raw`"back\\slash"`, 'back\\slash'],
    [String.raw`"tab\there"`, 'tab\there'],
    [String.raw`"line\nbreak\r"`, 'line\nbreak\r'],
    [String.raw`"snow\u2603man"`, 'snow\u2603man'],
    [String.raw`"\u00e9\u00E9"`, 'éé'],
    [String.raw`"escaped\ space"`, 'escaped space'],
    ['"raw\nnewline"', 'raw\nnewline'],
    ['"[example]"', '[example]'],
    ['"a, b (c) = d ~ e"', 'a, b (c) = d ~ e'],
    ['""', ''],
  ])('reads %s', (literal, value) => {
    expect(where(`summary ~ ${literal}`)).toEqual(t('summary', '~', v(value, true)));
  });

  it('decodes escapes in unquoted words too', () => {
    expect(where(String.raw`reporter = a\u002fuser`)).toEqual(t('reporter', '=', v('a/user')));
    expect(where(String.raw`label = two\ words`)).toEqual(t('label', '=', v('two words')));
  });

  it('allows reserved words and characters once quoted', () => {
    expect(where('project = "FOR"')).toEqual(t('project', '=', v('FOR', true)));
    expect(where('"order" = x')).toEqual(t('order', '=', v('x')));
    expect(where('fixVersion = "3.14"')).toEqual(t('fixVersion', '=', v('3.14', true)));
  });
});

describe('printJql', () => {
  it.each([
    ['project = HELP AND status != Done ORDER BY created DESC', 'project = HELP AND status != Done ORDER BY created DESC'],
    ["project=help and status in ('In Progress', Open) order by key", 'project = help AND status IN ("In Progress", Open) ORDER BY key'],
    ['NOT (p=1 or q=2) and r is not null', 'NOT (p = 1 OR q = 2) AND r IS NOT EMPTY'],
    ['(p=1 and q=2) and r=3', '(p = 1 AND q = 2) AND r = 3'],
    ['"Request Type" ~ "a \\"b\\""', '"Request Type" ~ "a \\"b\\""'],
    ['x = "for"', 'x = "for"'],
    ['cf[10010] in (startOfDay(-1d), "x y"())', 'cf[10010] IN (startOfDay(-1d), "x y"())'],
    ['ORDER BY key', 'ORDER BY key'],
  ])('prints %s', (query, printed) => {
    expect(printJql(parseJql(query))).toBe(printed);
  });

  it('prints a tree that parses back to itself, quoting what must be quoted', () => {
    const query = (order: JqlOperand): JqlQuery => ({
      where: {
        kind: 'or',
        clauses: [
          { kind: 'and', clauses: [t('summary', '~', v('line\nbreak "q" \\', true)), t('status', 'not in', { kind: 'list', values: [v('x'), { kind: 'empty' }] })] },
          { kind: 'not', clause: { kind: 'or', clauses: [t('order', '=', order), t('key', '>', v('HELP-9'))] } },
        ],
      },
      orderBy: [{ field: { name: 'Request Type' }, direction: 'asc' }, { field: { name: 'cf[1]' } }],
    });
    expect(parseJql(printJql(query(v('x y', true))))).toEqual(query(v('x y', true)));
    // "and" in a tree as an unquoted value is a keyword: it is printed, and so read back, quoted
    expect(printJql(query(v('and')))).toContain('"order" = "and"');
    expect(parseJql(printJql(query(v('and'))))).toEqual(query(v('and', true)));
  });
});
