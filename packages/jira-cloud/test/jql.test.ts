import { InputError } from '@itsm/core';
import { describe, expect, it } from 'vitest';
import { formatJqlDate, jql, Jql } from '../src/jql/index.js';

/** Runs `fn`, expecting an InputError, and returns it. */
function inputError(fn: () => unknown): InputError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return error as InputError;
  }
  throw new Error('expected an InputError');
}

describe('jql tag: values', () => {
  it('quotes strings and leaves the template text alone', () => {
    expect(String(jql`project = ${'HELP'} AND reporter = ${'557058:f58131cb'} ORDER BY updated DESC`)).toBe(
      'project = "HELP" AND reporter = "557058:f58131cb" ORDER BY updated DESC',
    );
  });

  it('escapes backslash and double quote, and writes tab, CR, LF as escapes', () => {
    expect(String(jql`summary ~ ${'a "b" \\ c\td\r\ne'}`)).toBe('summary ~ "a \\"b\\" \\\\ c\\td\\r\\ne"');
  });

  it('keeps a JQL injection attempt inside one string literal', () => {
    const attack = 'foo" OR project = SECRET OR summary ~ "';
    expect(String(jql`summary ~ ${attack}`)).toBe('summary ~ "foo\\" OR project = SECRET OR summary ~ \\""');
  });

  it('leaves single quotes, reserved words and reserved characters as they are inside the quotes', () => {
    expect(String(jql`project = ${"INT's"} AND labels = ${'a+b;c?d*[e]'}`)).toBe('project = "INT\'s" AND labels = "a+b;c?d*[e]"');
  });

  it('writes control characters, non-characters and unpaired surrogates as \\uXXXX and keeps astral characters', () => {
    expect(String(jql`x = ${'\u0000\u0008\u001f\u007f\u0085\ufdd0\ufffe\uffff\ud800|\udc00😀é'}`)).toBe(
      'x = "\\u0000\\u0008\\u001f\\u007f\\u0085\\ufdd0\\ufffe\\uffff\\ud800|\\udc00😀é"',
    );
  });

  it('writes finite numbers and bigints as they are', () => {
    expect(String(jql`id = ${10001} AND votes > ${-2.5} AND id != ${12345678901234567890n}`)).toBe('id = 10001 AND votes > -2.5 AND id != 12345678901234567890');
  });

  it.each([NaN, Infinity, -Infinity, 1e21, 1e-7])('refuses the number %s', (number) => {
    expect(inputError(() => jql`votes > ${number}`).field).toBe('values.0');
  });

  it('refuses null, undefined and booleans, naming the position', () => {
    const nothing = inputError(() => jql`project = ${'A'} AND reporter = ${undefined as unknown as string}`);
    expect(nothing.message).toContain('value #2');
    expect(nothing.message).toContain('AND reporter = ');
    expect(nothing.message).toContain('undefined');
    expect(nothing.field).toBe('values.1');
    expect(inputError(() => jql`assignee = ${null as unknown as string}`).message).toContain('IS EMPTY');
    expect(inputError(() => jql`x = ${true as unknown as string}`).message).toContain('boolean');
  });

  it('refuses plain objects, symbols and functions', () => {
    expect(inputError(() => jql`x = ${{ toString: () => 'HELP' } as unknown as string}`).message).toContain('object');
    expect(inputError(() => jql`x = ${Symbol('s') as unknown as string}`).message).toContain('symbol');
    expect(inputError(() => jql`x = ${(() => 'a') as unknown as string}`).message).toContain('function');
  });

  it('writes arrays as a parenthesised list for IN', () => {
    expect(String(jql`status IN ${['Open', 'In "Progress"']} AND id IN ${[1, 2]}`)).toBe('status IN ("Open", "In \\"Progress\\"") AND id IN (1, 2)');
    expect(String(jql`assignee IN ${[jql.raw('currentUser()'), 'abc']}`)).toBe('assignee IN (currentUser(), "abc")');
  });

  it('refuses empty and nested arrays', () => {
    expect(inputError(() => jql`status IN ${[]}`).message).toContain('IN ()');
    expect(inputError(() => jql`status IN ${[['a']] as unknown as string[]}`).message).toContain('nested array');
    expect(inputError(() => jql`status IN ${[null] as unknown as string[]}`).field).toBe('values.0');
  });

  it('formats dates as "yyyy-MM-dd HH:mm" in UTC by default, floored to the minute', () => {
    expect(String(jql`updated >= ${new Date('2025-01-31T14:05:59.999Z')}`)).toBe('updated >= "2025-01-31 14:05"');
    expect(jql.timeZone).toBe('UTC');
    expect(inputError(() => jql`updated >= ${new Date(NaN)}`).message).toContain('invalid Date');
  });

  it('inserts fragments as they are, so queries compose', () => {
    const open = jql`statusCategory != ${'Done'}`;
    expect(String(jql`project = ${'A'} AND (${open}) ${jql.raw('ORDER BY created')}`)).toBe('project = "A" AND (statusCategory != "Done") ORDER BY created');
  });

  it('handles templates with no values and leading or trailing values', () => {
    expect(String(jql`order by key`)).toBe('order by key');
    expect(String(jql`${'a'}`)).toBe('"a"');
  });
});

describe('Jql fragments', () => {
  it('behave like their text', () => {
    const query = jql`project = ${'A'}`;
    expect(query).toBeInstanceOf(Jql);
    expect(query.text).toBe('project = "A"');
    expect(`${query}`).toBe('project = "A"');
    expect(JSON.stringify({ jql: query })).toBe('{"jql":"project = \\"A\\""}');
  });

  it('are recognised across copies of the package, but lookalikes are not', () => {
    const foreign = Object.defineProperty({ text: 'x = 1' }, Symbol.for('@itsm/jira-cloud/jql'), { value: true });
    expect(Jql.isJql(foreign)).toBe(true);
    expect(String(jql`a AND ${foreign as unknown as Jql}`)).toBe('a AND x = 1');
    expect(Jql.isJql({ text: 'x = 1' })).toBe(false);
    expect(Jql.isJql('x = 1')).toBe(false);
  });

  it('raw refuses non-strings', () => {
    expect(inputError(() => jql.raw(42 as unknown as string)).field).toBe('text');
  });
});

describe('jql.field', () => {
  it.each([
    ['status', 'status'],
    ['customfield_10010', 'cf[10010]'],
    ['cf[10010]', 'cf[10010]'],
    ['CF[7]', 'cf[7]'],
    ['Request Type', '"Request Type"'],
    ['Epic-Link', '"Epic-Link"'],
    ['date', '"date"'],
    ['ORDER', '"ORDER"'],
    ['int', '"int"'],
    ['10010', '"10010"'],
    ['say "hi"', '"say \\"hi\\""'],
  ])('%s -> %s', (name, expected) => {
    expect(String(jql.field(name))).toBe(expected);
  });

  it('refuses an empty name', () => {
    expect(inputError(() => jql.field(' ')).field).toBe('field');
  });
});

describe('jql.text', () => {
  it('escapes text-search specials with a double backslash in JQL', () => {
    expect(String(jql`text ~ ${jql.text('C++ (x64) [v2]: 100%? a/b "q" \\ !x ~y ^z {w} &&||')}`)).toBe(
      'text ~ "C\\\\+\\\\+ \\\\(x64\\\\) \\\\[v2\\\\]\\\\: 100%\\\\? a\\\\/b \\\\\\"q\\\\\\" \\\\\\\\ \\\\!x \\\\~y \\\\^z \\\\{w\\\\} \\\\&\\\\&\\\\|\\\\|"',
    );
  });

  it('turns the upper-case operators AND, OR, NOT into plain words', () => {
    expect(String(jql.text('cats AND dogs OR NOT birds ANDROID NOTE'))).toBe('"cats and dogs or not birds ANDROID NOTE"');
  });

  it('refuses blank input', () => {
    expect(inputError(() => jql.text('  ')).field).toBe('value');
  });
});

describe('jql.withTimeZone', () => {
  it('formats dates in the given zone', () => {
    const amsterdam = jql.withTimeZone('Europe/Amsterdam');
    expect(amsterdam.timeZone).toBe('Europe/Amsterdam');
    expect(String(amsterdam`updated >= ${new Date('2025-07-01T12:34:56Z')}`)).toBe('updated >= "2025-07-01 14:34"');
    expect(String(amsterdam.withTimeZone('UTC')`updated >= ${new Date('2025-07-01T12:34:56Z')}`)).toBe('updated >= "2025-07-01 12:34"');
    expect(String(amsterdam.field('customfield_1'))).toBe('cf[1]');
  });

  it('refuses an unknown zone at once', () => {
    expect(inputError(() => jql.withTimeZone('Mars/Olympus')).field).toBe('timeZone');
  });
});

describe('formatJqlDate', () => {
  const at = (iso: string, zone: string) => formatJqlDate(new Date(iso), zone);

  it('follows Europe/Amsterdam into summer time (clocks jump 02:00 -> 03:00)', () => {
    expect(at('2025-03-30T00:59:59Z', 'Europe/Amsterdam')).toBe('2025-03-30 01:59');
    expect(at('2025-03-30T01:00:00Z', 'Europe/Amsterdam')).toBe('2025-03-30 03:00');
  });

  it('follows Europe/Amsterdam out of summer time (02:00-03:00 happens twice)', () => {
    expect(at('2025-10-26T00:30:00Z', 'Europe/Amsterdam')).toBe('2025-10-26 02:30');
    expect(at('2025-10-26T00:59:59Z', 'Europe/Amsterdam')).toBe('2025-10-26 02:59');
    expect(at('2025-10-26T01:00:00Z', 'Europe/Amsterdam')).toBe('2025-10-26 02:00');
    expect(at('2025-10-26T01:30:00Z', 'Europe/Amsterdam')).toBe('2025-10-26 02:30');
  });

  it('handles positive offsets, including half hours, across midnight', () => {
    expect(at('2025-01-01T18:45:00Z', 'Asia/Kolkata')).toBe('2025-01-02 00:15');
    expect(at('2024-12-31T15:00:00Z', 'Asia/Tokyo')).toBe('2025-01-01 00:00');
  });

  it('handles negative offsets across midnight and the year', () => {
    expect(at('2025-01-01T02:59:00Z', 'America/New_York')).toBe('2024-12-31 21:59');
    expect(at('2025-07-01T02:59:00Z', 'America/New_York')).toBe('2025-06-30 22:59');
    expect(at('2025-03-01T00:00:00Z', 'America/Sao_Paulo')).toBe('2025-02-28 21:00');
  });

  it('gives UTC for America/Danmarkshavn, summer and winter', () => {
    expect(at('2025-01-15T08:07:00Z', 'America/Danmarkshavn')).toBe('2025-01-15 08:07');
    expect(at('2025-07-15T08:07:00Z', 'America/Danmarkshavn')).toBe('2025-07-15 08:07');
  });

  it('floors to the minute, never rounds up', () => {
    expect(at('2025-05-05T23:59:59.999Z', 'UTC')).toBe('2025-05-05 23:59');
  });

  it('defaults to UTC', () => {
    expect(formatJqlDate(new Date('2025-05-05T10:00:00Z'))).toBe('2025-05-05 10:00');
  });

  it('writes midnight as 00, not 24', () => {
    expect(at('2025-05-05T00:00:00Z', 'UTC')).toBe('2025-05-05 00:00');
  });

  it('pads years below 1000 and refuses dates before year 1 and invalid dates', () => {
    expect(at('0999-05-05T10:00:00Z', 'UTC')).toBe('0999-05-05 10:00');
    expect(inputError(() => at('-000001-01-01T00:00:00Z', 'UTC')).field).toBe('date');
    expect(inputError(() => formatJqlDate(new Date('nope'), 'UTC')).field).toBe('date');
    expect(inputError(() => formatJqlDate('2025-01-01' as unknown as Date, 'UTC')).field).toBe('date');
  });

  it('refuses an unknown time zone', () => {
    expect(inputError(() => at('2025-05-05T10:00:00Z', 'Nowhere/Special')).field).toBe('timeZone');
  });
});
