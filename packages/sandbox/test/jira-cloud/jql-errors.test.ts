/**
 * Syntax errors: Jira's exact messages and positions. The cases are the ones Atlassian's own parser
 * tests assert (with the field `a` renamed: Jira Cloud reserves `a` as a stop word), the example of
 * the `/rest/api/3/jql/parse` spec, and bodies captured from Jira Cloud.
 */
import { describe, expect, it } from 'vitest';
import { JqlError } from '../../src/jira-cloud/jql/errors.js';
import { parseJql } from '../../src/jira-cloud/jql/parser.js';
import { JQL_RESERVED_WORDS } from '../../src/jira-cloud/jql/reserved.js';

const OPERATORS = "The valid operators are '=', '!=', '<', '>', '<=', '>=', '~', '!~', 'IN', 'NOT IN', 'IS' and 'IS NOT'.";
const ESCAPES = "The valid escape sequences are \\', \\\", \\t, \\n, \\r, \\\\, '\\ ' and \\uXXXX.";

function syntaxError(query: string): JqlError {
  try {
    parseJql(query);
  } catch (error) {
    if (error instanceof JqlError) return error;
    throw error;
  }
  throw new Error(`expected ${JSON.stringify(query)} to be rejected`);
}

const message = (query: string) => syntaxError(query).message;

describe('syntax error messages', () => {
  it.each([
    // the spec's /jql/parse example
    ['invalid query', `Error in the JQL Query: Expecting operator but got 'query'. ${OPERATORS} (line 1, character 9)`],
    // unfinished strings
    ["comment ~ 'test", "Error in the JQL Query: The quoted string 'test' has not been completed. (line 1, character 11)"],
    ["comment ~ 'test\n", "Error in the JQL Query: The quoted string 'test ' has not been completed. (line 1, character 11)"],
    ['priority="test\nword', "Error in the JQL Query: The quoted string 'test word' has not been completed. (line 1, character 10)"],
    ["comment ~ '", 'Error in the JQL Query: The quoted string has not been completed. (line 1, character 11)'],
    // escapes
    ["comme\\unt ~ 'test", `Error in the JQL Query: '\\un' is an illegal JQL escape sequence. ${ESCAPES} (line 1, character 6)`],
    ['status =\n\n\n\n\n\n \\c', `Error in the JQL Query: '\\c' is an illegal JQL escape sequence. ${ESCAPES} (line 7, character 2)`],
    ['status =\n\n\n\n\\', `Error in the JQL Query: The escape sequence has not been completed. ${ESCAPES} (line 5, character 1)`],
    ["status =\n\n\n\n'\\u'", `Error in the JQL Query: '\\u'' is an illegal JQL escape sequence. ${ESCAPES} (line 5, character 2)`],
    ['x = "\\u12g4"', `Error in the JQL Query: '\\u12g' is an illegal JQL escape sequence. ${ESCAPES} (line 1, character 6)`],
    // reserved and control characters
    ['mine{www = qwwr', "Error in the JQL Query: The character '{' is a reserved JQL character. You must enclose it in a string or use the escape '\\u007b' instead. (line 1, character 5)"],
    ['minewww# = qwwr', "Error in the JQL Query: The character '#' is a reserved JQL character. You must enclose it in a string or use the escape '\\u0023' instead. (line 1, character 8)"],
    ['minewww = qwwr}', "Error in the JQL Query: The character '}' is a reserved JQL character. You must enclose it in a string or use the escape '\\u007d' instead. (line 1, character 15)"],
    ['reporter=f/user/with/slash', "Error in the JQL Query: The character '/' is a reserved JQL character. You must enclose it in a string or use the escape '\\u002f' instead. (line 1, character 11)"],
    ['fixVersion = 3.14', "Error in the JQL Query: The character '.' is a reserved JQL character. You must enclose it in a string or use the escape '\\u002e' instead. (line 1, character 15)"],
    ['minewww =\u007fqwwr', "Error in the JQL Query: The character 'U+007F' on line 1 at position 10 must be escaped. Use the escape '\\u007f' instead. (line 1, character 10)"],
    ['mqwwr="\u007f this is broken"', "Error in the JQL Query: The character 'U+007F' on line 1 at position 8 must be escaped. Use the escape '\\u007f' instead. (line 1, character 8)"],
    // numbers
    ['aaaaa=-3482094382084092840932809482', "Error in the JQL Query: '-3482094382084092840932809482' is not a valid number. Numbers must be between -9,223,372,036,854,775,808 and 9,223,372,036,854,775,807. (line 1, character 7)"],
    ['cf[1002020202002020202020202020020202822]=f', "Error in the JQL Query: '1002020202002020202020202020020202822' is not a valid number. Numbers must be between -9,223,372,036,854,775,808 and 9,223,372,036,854,775,807. (line 1, character 4)"],
    // ORDER BY
    ['f =b order', "Error in the JQL Query: Expecting 'by' before the end of the query."],
    ['f =b order summary', "Error in the JQL Query: Expecting 'by' but got 'summary'. (line 1, character 12)"],
    ['f =b order by', 'Error in the JQL Query: Expecting a field name at the end of the query.'],
    ['f =b order by asc', "Error in the JQL Query: Expecting a field name but got 'asc'. You must surround 'asc' in quotation marks to use it as a field name. (line 1, character 15)"],
    ['f =b order by ajsks blah', "Error in the JQL Query: Expecting either 'ASC' or 'DESC' but got 'blah'. (line 1, character 21)"],
    ['order by f desc d', "Error in the JQL Query: Expecting ',' but got 'd'. (line 1, character 17)"],
    // empty names
    ['f =b order by "" desc', 'Error in the JQL Query: A field name cannot be empty. (line 1, character 15)'],
    ["'' = c", 'Error in the JQL Query: A field name cannot be empty. (line 1, character 1)'],
    ["f = ''()", 'Error in the JQL Query: A function name cannot be empty. (line 1, character 5)'],
    // operators
    ['f', `Error in the JQL Query: Expecting operator before the end of the query. ${OPERATORS}`],
    ['f blah >', `Error in the JQL Query: Expecting operator but got 'blah'. ${OPERATORS} (line 1, character 3)`],
    ['f =f and j not is empty', "Error in the JQL Query: Expecting 'IN' but got 'is'. (line 1, character 16)"],
    ['f =f and j is ! empty', "Error in the JQL Query: Expecting 'NOT' but got '!'. (line 1, character 15)"],
    // custom field ids
    ['cf', "Error in the JQL Query: Expecting '[' before the end of the query."],
    ['f = b and not (cf = 6)', "Error in the JQL Query: Expecting '[' but got '='. (line 1, character 19)"],
    ['cf[', 'Error in the JQL Query: Expecting a custom field id (a positive number) before the end of the query.'],
    ['cf[ = 9', "Error in the JQL Query: Expecting a custom field id (a positive number) but got '='. (line 1, character 5)"],
    ['cf[] = 1', "Error in the JQL Query: Expecting a custom field id (a positive number) but got ']'. (line 1, character 4)"],
    ['cf[29829k] = ', "Error in the JQL Query: Expecting a custom field id (a positive number) but got '29829k'. (line 1, character 4)"],
    ['cf[-29829] = ', "Error in the JQL Query: Expecting a custom field id (a positive number) but got '-29829'. (line 1, character 4)"],
    ['cf[29829 = world', "Error in the JQL Query: Expecting ']' but got '='. (line 1, character 10)"],
    ['cf[29829', "Error in the JQL Query: Expecting ']' before the end of the query."],
    // functions
    ['f = func(', "Error in the JQL Query: Expecting ')' before the end of the query."],
    ['f = func(, and not (f = x)', "Error in the JQL Query: Expecting ')' but got ','. (line 1, character 10)"],
    ['b=func(bad', "Error in the JQL Query: Expecting ')' before the end of the query."],
    ['bas=func(bad,)', 'Error in the JQL Query: Function argument must be specified. (line 1, character 14)'],
    ['bas=func(bad,', 'Error in the JQL Query: Expecting a function argument at the end of the query.'],
    ['k = func(!', "Error in the JQL Query: Expecting a function argument but got '!'. You must surround '!' in quotation marks to use it as an argument. (line 1, character 10)"],
    ['k = func(abc, jk!)', "Error in the JQL Query: Expecting ')' or ',' but got '!'. (line 1, character 17)"],
    // brackets
    ['(f=b and c = d', "Error in the JQL Query: Expecting ')' before the end of the query."],
    ['f=b or (c=d and not l ~ kate', "Error in the JQL Query: Expecting ')' before the end of the query."],
    ['b in ((12, (288)', "Error in the JQL Query: Expecting ')' before the end of the query."],
    ['abc IN ((foo) abc = f', "Error in the JQL Query: Expecting ')' but got 'abc'. (line 1, character 15)"],
    // operands (Jira Cloud words this family "Error in JQL Query:")
    ['f=', 'Error in JQL Query: Expecting either a value, list or function before the end of the query.'],
    ['f=!', "Error in JQL Query: Expecting either a value, list or function but got '!'. You must surround '!' in quotation marks to use it as a value. (line 1, character 3)"],
    ['f=(f,', 'Error in JQL Query: Expecting either a value, list or function before the end of the query.'],
    ['f=(f,(,bad))', "Error in JQL Query: Expecting either a value, list or function but got ','. You must surround ',' in quotation marks to use it as a value. (line 1, character 7)"],
    ['issue IN ()', "Error in JQL Query: Expecting either a value, list or function but got ')'. You must surround ')' in quotation marks to use it as a value. (line 1, character 11)"],
    ['project = LAUNCH AND status = = Done', "Error in JQL Query: Expecting either a value, list or function but got '='. You must surround '=' in quotation marks to use it as a value. (line 1, character 31)"],
    ['status = In Progress', "Error in JQL Query: Expecting either a value, list or function but got 'In'. You must surround 'In' in quotation marks to use it as a value. (line 1, character 10)"],
    ['status = Open Issue', "Error in the JQL Query: Expecting either 'OR' or 'AND' but got 'Issue'. (line 1, character 15)"],
    ['project = OR AND labels in (x)', "Error in JQL Query: Expecting either a value, list or function but got 'OR'. You must surround 'OR' in quotation marks to use it as a value. (line 1, character 11)"],
    // connectives
    ['f=b c=d', "Error in the JQL Query: Expecting either 'OR' or 'AND' but got 'c'. (line 1, character 5)"],
    ['f=b !c=d', "Error in the JQL Query: Expecting either 'OR' or 'AND' but got '!'. (line 1, character 5)"],
    ['f = ((c,d), d, e, f, yyy) and', 'Error in the JQL Query: Expecting a field name at the end of the query.'],
    ['comment !~ "brenden" and', 'Error in the JQL Query: Expecting a field name at the end of the query.'],
    ['comment !~ "brenden" jack = jill', "Error in the JQL Query: Expecting either 'OR' or 'AND' but got 'jack'. (line 1, character 22)"],
    ['comment !~ "brenden" and cf[1000] = jill order by f desc b', "Error in the JQL Query: Expecting ',' but got 'b'. (line 1, character 58)"],
    [', f = b', "Error in the JQL Query: Expecting a field name but got ','. You must surround ',' in quotation marks to use it as a field name. (line 1, character 1)"],
    ['[brenden] = f', "Error in the JQL Query: Expecting a field name but got '['. Did you mean 'cf['? (line 1, character 1)"],
    ['f = brenden and [78] = q', "Error in the JQL Query: Expecting a field name but got '['. Did you mean 'cf['? (line 1, character 17)"],
    ['and = x', "Error in the JQL Query: Expecting a field name but got 'and'. You must surround 'and' in quotation marks to use it as a field name. (line 1, character 1)"],
    // reserved words, also as captured from Jira Cloud
    ['summary ~ abort', "Error in the JQL Query: 'abort' is a reserved JQL word. You must surround it in quotation marks to use it in a query. (line 1, character 11)"],
    ['project = IT', "Error in the JQL Query: 'IT' is a reserved JQL word. You must surround it in quotation marks to use it in a query. (line 1, character 11)"],
    ['fixVersion = NEXT', "Error in the JQL Query: 'NEXT' is a reserved JQL word. You must surround it in quotation marks to use it in a query. (line 1, character 14)"],
    ['labels in (automate, execute)', "Error in the JQL Query: 'execute' is a reserved JQL word. You must surround it in quotation marks to use it in a query. (line 1, character 22)"],
    ['select = 1', "Error in the JQL Query: 'select' is a reserved JQL word. You must surround it in quotation marks to use it in a query. (line 1, character 1)"],
    ['x = startOfDay(update)', "Error in the JQL Query: 'update' is a reserved JQL word. You must surround it in quotation marks to use it in a query. (line 1, character 16)"],
  ])('%j', (query, expected) => {
    expect(message(query)).toBe(expected);
  });

  it.each([...JQL_RESERVED_WORDS].filter((word) => !['and', 'or', 'not', 'in', 'is', 'empty', 'null', 'order', 'by', 'asc', 'desc', 'was', 'changed', 'after', 'before', 'from', 'to', 'on'].includes(word)))(
    'rejects the unquoted reserved word %s',
    (word) => {
      expect(message(`summary ~ ${word}`)).toBe(
        `Error in the JQL Query: '${word}' is a reserved JQL word. You must surround it in quotation marks to use it in a query. (line 1, character 11)`,
      );
      expect(parseJql(`summary ~ "${word}"`).where).toMatchObject({ operand: { value: word, quoted: true } });
    },
  );

  it('counts lines after CRLF, LF and CR alike', () => {
    expect(syntaxError('p = 1\r\nAND q = 2\rAND\n r = #').position).toEqual({ line: 4, character: 6, offset: 26 });
  });
});

describe('JqlError', () => {
  it('carries kind, position and Jira\'s 400 body', () => {
    const error = syntaxError('project = HELP AND (status = Open');
    expect(error).toBeInstanceOf(Error);
    expect(error.kind).toBe('syntax');
    expect(error.position).toBeUndefined();
    expect(error.toErrorCollection()).toEqual({ errorMessages: ["Error in the JQL Query: Expecting ')' before the end of the query."], errors: {} });
    expect(syntaxError('project = HELP )').position).toEqual({ line: 1, character: 16, offset: 15 });
  });

  it('reports WAS and CHANGED as unsupported rather than as bad syntax', () => {
    const error = syntaxError('status WAS Open');
    expect(error.kind).toBe('unsupported');
    expect(error.message).toBe("Error in the JQL Query: The operator 'WAS' is not supported by the Jira Cloud sandbox. (line 1, character 8)");
    expect(syntaxError('status changed').kind).toBe('unsupported');
  });

  it('reports the first error in the text, not one found by reading ahead', () => {
    expect(message('project = HELP AND status = # AND')).toContain("The character '#'");
    expect(message('project = HELP ) AND status = #')).toContain("but got ')'");
  });
});
