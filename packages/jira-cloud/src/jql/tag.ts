/**
 * The `jql` tagged template: JQL with every interpolated value quoted, so user input can never
 * change the structure of a query (JQL injection).
 *
 * @module
 */
import { InputError } from '@itsm/core';
import { formatJqlDate, zoneFormatter } from './date.js';
import { jqlFieldName } from './field.js';
import { quoteJqlString, quoteJqlTextSearch } from './literal.js';
import { JIRA_CLOUD } from '../provider.js';

const BRAND = Symbol.for('@itsm/jira-cloud/jql');

/**
 * A piece of JQL built by {@link jql}: trusted text that is inserted into another `jql` template
 * as it is, never quoted. Use it wherever a JQL string is expected: `String(query)`,
 * `` `${query}` `` and `JSON.stringify` all give the text.
 *
 * It is an object rather than a string so that the tag can tell a trusted fragment from a
 * user's string, which it must quote.
 *
 * @example
 * ```ts
 * const open = jql`statusCategory != Done`;
 * const query = jql`project = ${key} AND ${open} ORDER BY updated DESC`;
 * await fetch(url, { method: 'POST', body: JSON.stringify({ jql: query }) }); // {"jql":"project = \"HELP\" AND …"}
 * ```
 *
 * @category JQL
 */
export class Jql {
  /** The JQL text. */
  readonly text: string;

  private constructor(text: string) {
    this.text = text;
    Object.defineProperty(this, BRAND, { value: true });
  }

  /**
   * Wraps trusted JQL text (written by you, never by a user) as a fragment; same as {@link JqlTag.raw}.
   *
   * @example
   * ```ts
   * Jql.raw('ORDER BY updated DESC');
   * ```
   */
  static raw(text: string): Jql {
    if (typeof text !== 'string') {
      throw new InputError('jql.raw() takes a string', { provider: JIRA_CLOUD, field: 'text' });
    }
    return new Jql(text);
  }

  /**
   * Whether `value` is a {@link Jql} fragment, also one made by another copy of this package
   * (its ESM and CJS builds loaded side by side).
   */
  static isJql(value: unknown): value is Jql {
    return value instanceof Jql || (typeof value === 'object' && value !== null && (value as { [BRAND]?: unknown })[BRAND] === true);
  }

  /** The JQL text. */
  toString(): string {
    return this.text;
  }

  /** The JQL text, so `JSON.stringify({ jql: query })` sends a string. */
  toJSON(): string {
    return this.text;
  }
}

/**
 * A single value the {@link jql} tag can interpolate.
 *
 * @category JQL
 */
export type JqlScalar = string | number | bigint | Date | Jql;

/**
 * What the {@link jql} tag accepts in `${…}`: a scalar, or a non-empty list of them for `IN (…)`.
 *
 * @category JQL
 */
export type JqlValue = JqlScalar | readonly JqlScalar[];

/**
 * A `jql` tag: the template function plus helpers for trusted fragments, field names and text search.
 * {@link jql} formats dates in UTC; {@link JqlTag.withTimeZone} gives one for another zone.
 *
 * @category JQL
 */
export interface JqlTag {
  /**
   * Builds JQL, turning each `${value}` into exactly one JQL value:
   *
   * | value | becomes |
   * |---|---|
   * | string | `"…"` with `"`, `\`, tab, CR, LF and control characters escaped |
   * | finite number, bigint | as written (`42`, `-1.5`); `NaN`, `Infinity` and exponent forms are refused |
   * | `Date` | `"yyyy-MM-dd HH:mm"` in the tag's time zone (floored to the minute) |
   * | array | `(v1, v2, …)` for `IN` / `NOT IN`; an empty array is refused (`IN ()` is invalid) |
   * | {@link Jql} fragment | inserted as it is (from `jql`, `jql.raw`, `jql.field`, `jql.text`) |
   *
   * `null`, `undefined`, booleans (JQL has none), nested arrays and other objects throw an
   * `InputError` naming the position. A nested fragment is not put in parentheses: write
   * `(${fragment})` when it contains `OR`.
   *
   * @throws `InputError` for a value JQL cannot express.
   */
  (strings: TemplateStringsArray, ...values: JqlValue[]): Jql;

  /**
   * Trusted JQL text, inserted as it is: clauses, functions, `ORDER BY`. Never pass user input.
   *
   * @example
   * ```ts
   * jql`assignee = ${jql.raw('currentUser()')} ${jql.raw('ORDER BY updated DESC')}`;
   * ```
   */
  raw(text: string): Jql;

  /**
   * A field name for a clause's left-hand side: `customfield_10010` → `cf[10010]`, plain names
   * as they are, names with spaces or that are JQL keywords quoted (`"Request Type"`).
   * Pick field names from an allow-list; never let a user choose them freely.
   *
   * @example
   * ```ts
   * jql`${jql.field('customfield_10010')} = ${requestTypeId} AND ${jql.field('Request Type')} IS NOT EMPTY`;
   * // cf[10010] = "42" AND "Request Type" IS NOT EMPTY
   * ```
   */
  field(name: string): Jql;

  /**
   * The operand of a text search (`summary ~ …`, `text ~ …`, `!~`). Text search parses its
   * operand again with Lucene syntax, where `+ - & | ! ( ) { } [ ] ^ ~ * ? \ : " /` and `AND`,
   * `OR`, `NOT` are operators; this escapes them so the user's words are searched as words.
   *
   * Use `jql.text(value)` after `~` / `!~`; use plain `${value}` for `=`, `!=`, `IN`, … (there a
   * `\` would be part of the value). With plain `${value}` after `~`, the value still cannot
   * escape its quotes, but `*` and `?` act as wildcards and an unbalanced `(` makes Jira reject
   * the query.
   *
   * @throws `InputError` for an empty or blank value (nothing to search for).
   *
   * @example
   * ```ts
   * jql`project = ${key} AND text ~ ${jql.text('error: C++ build (x64) failed!')}`;
   * ```
   */
  text(value: string): Jql;

  /**
   * A tag that formats `Date` values in `timeZone`: the IANA zone of the Jira user the query runs
   * as (`myself().timeZone`), because Jira reads JQL dates in that user's profile zone.
   *
   * @throws `InputError` for a time zone the runtime does not know.
   *
   * @example
   * ```ts
   * const { timeZone } = await jira.myself();            // e.g. 'Europe/Amsterdam'
   * const q = jql.withTimeZone(timeZone);
   * q`project = ${key} AND updated >= ${lastPoll}`;      // updated >= "2025-07-01 14:34"
   * ```
   */
  withTimeZone(timeZone: string): JqlTag;

  /** The IANA time zone `Date` values are formatted in. */
  readonly timeZone: string;
}

/** Where a bad value sits, for error messages: its number and the text before it. */
function position(strings: TemplateStringsArray, index: number): string {
  const before = (strings[index] ?? '').slice(-30);
  return `value #${index + 1} (after ${JSON.stringify(before)})`;
}

function fail(message: string, index: number): never {
  throw new InputError(message, { provider: JIRA_CLOUD, field: `values.${index}` });
}

function scalar(value: unknown, timeZone: string, where: () => string, index: number): string {
  if (Jql.isJql(value)) return value.text;
  switch (typeof value) {
    case 'string':
      return quoteJqlString(value);
    case 'number': {
      const text = String(value);
      if (!Number.isFinite(value) || !/^-?\d+(?:\.\d+)?$/.test(text)) {
        fail(`jql: ${where()} is the number ${text}, which JQL cannot express; pass a string if you mean text`, index);
      }
      return text;
    }
    case 'bigint':
      return value.toString();
    case 'boolean':
      return fail(`jql: ${where()} is a boolean; JQL has no boolean literal, interpolate the string you mean ("true", "Yes", …)`, index);
    case 'undefined':
      return fail(`jql: ${where()} is undefined`, index);
    case 'object':
      if (value === null) return fail(`jql: ${where()} is null; to match an empty field write "IS EMPTY" in the query`, index);
      if (value instanceof Date) {
        if (Number.isNaN(value.getTime())) fail(`jql: ${where()} is an invalid Date`, index);
        return quoteJqlString(formatJqlDate(value, timeZone));
      }
      if (Array.isArray(value)) return fail(`jql: ${where()} contains a nested array`, index);
      return fail(`jql: ${where()} is an object; interpolate a string, number, Date, array or jql fragment`, index);
    default:
      return fail(`jql: ${where()} is a ${typeof value}, which JQL cannot express`, index);
  }
}

function interpolate(value: unknown, timeZone: string, strings: TemplateStringsArray, index: number): string {
  const where = () => position(strings, index);
  if (!Array.isArray(value)) return scalar(value, timeZone, where, index);
  if (value.length === 0) fail(`jql: ${where()} is an empty array; "IN ()" is not valid JQL`, index);
  return `(${value.map((item: unknown) => scalar(item, timeZone, where, index)).join(', ')})`;
}

/**
 * The tag for `timeZone`, which must be known (UTC always is; {@link JqlTag.withTimeZone} checks the
 * others). Builds nothing else: the date formatter is made at the first `Date`, so that importing
 * the package stays cheap.
 */
function createJqlTag(timeZone: string): JqlTag {
  const tag = (strings: TemplateStringsArray, ...values: JqlValue[]): Jql => {
    let text = strings[0] ?? '';
    values.forEach((item, index) => {
      text += interpolate(item, timeZone, strings, index) + (strings[index + 1] ?? '');
    });
    return Jql.raw(text);
  };
  return Object.assign(tag, {
    raw: (text: string) => Jql.raw(text),
    field: (name: string) => Jql.raw(jqlFieldName(name)),
    text: (search: string) => {
      if (typeof search !== 'string' || search.trim() === '') {
        throw new InputError('jql.text() needs a non-blank string to search for', { provider: JIRA_CLOUD, field: 'value' });
      }
      return Jql.raw(quoteJqlTextSearch(search));
    },
    withTimeZone: (zone: string) => {
      zoneFormatter(zone); // an unknown zone fails here, not at the first Date
      return createJqlTag(zone);
    },
    timeZone,
  });
}

/**
 * Tagged template for JQL: every `${value}` becomes one quoted JQL value, so a user's text can
 * never add clauses (`foo" OR project = SECRET OR summary ~ "` stays a string). Dates are
 * formatted in UTC — correct only when the Jira account running the query has a UTC-like profile
 * time zone (e.g. `America/Danmarkshavn`); otherwise use `jql.withTimeZone(myself.timeZone)`.
 *
 * Helpers: {@link JqlTag.raw | jql.raw} (trusted text), {@link JqlTag.field | jql.field} (field
 * names), {@link JqlTag.text | jql.text} (text-search operands), {@link JqlTag.withTimeZone | jql.withTimeZone}.
 * The result is a {@link Jql} fragment; `String(result)` is the query.
 *
 * @example
 * ```ts
 * const accountId = '5b10ac8d82e05b22cc7d4ef5';
 * const userText = 'printer (3rd floor)';
 * const query = jql`project = ${'HELP'} AND reporter = ${accountId} AND status IN ${['Open', 'Waiting']}
 *   AND text ~ ${jql.text(userText)} ORDER BY updated DESC`;
 * console.log(String(query));
 * // project = "HELP" AND reporter = "5b10ac8d82e05b22cc7d4ef5" AND status IN ("Open", "Waiting")
 * //   AND text ~ "printer \\(3rd floor\\)" ORDER BY updated DESC
 * ```
 *
 * @category JQL
 */
export const jql: JqlTag = createJqlTag('UTC');
