/**
 * What one query value means for a field of a given type: a test against one record value
 * (`equals`), and for ordered types the sign of "record value minus query value" (`order`).
 *
 * Record values are read as the simulator returns them ({@link JqlScalar}); query values are
 * checked here and, when Jira would reject them, come back as Jira's message.
 *
 * @module
 */
import { dayNumber, floorToMinute, parseAbsoluteDate, parsePeriod, toInstant, toLocal } from './dates.js';
import { validationMessages } from './errors.js';
import type { JqlField, JqlFieldType, JqlOption, JqlScalar } from './fields.js';
import type { FunctionValue } from './functions.js';
import { parseTextQuery, textMatches } from './text-search.js';

/** A compiled query value: `equals` for `=`/`IN`/`~`, `order` for `<`, `>`, … (undefined: not comparable). */
export interface Literal {
  equals(value: JqlScalar): boolean;
  order?(value: JqlScalar): number | undefined;
}

/** How literals are compiled: the clause's field and the caller's context. */
export interface LiteralContext {
  /** The field name as written in the query, for messages. */
  readonly fieldName: string;
  readonly field: JqlField<unknown>;
  readonly now: number;
  readonly timeZone: string;
}

/** A literal, or the message Jira gives for the value; `unknown` marks "does not exist" messages (errors or warnings). */
export type LiteralResult = { readonly literal: Literal } | { readonly error: string; readonly unknown?: boolean };

const NEVER: Literal = { equals: () => false };
const KEY = /^([A-Za-z][A-Za-z0-9_]*)-(\d+)$/;

function same(a: string | undefined, b: string): boolean {
  return a !== undefined && a.toLowerCase() === b.toLowerCase();
}

interface Identity {
  readonly name: string;
  readonly key?: string | undefined;
  readonly id?: string | undefined;
  readonly rank?: number | undefined;
}

/** The name, key, id and rank of a record value, whatever form the getter returned it in. */
function identity(value: JqlScalar): Identity {
  if (typeof value === 'string') return { name: value };
  if (typeof value === 'number') return { name: String(value), id: String(value) };
  if (value instanceof Date) return { name: value.toISOString() };
  return { name: value.name, key: value.key, id: value.id === undefined ? undefined : String(value.id), rank: value.rank };
}

/** Epoch milliseconds of a `datetime` record value. */
export function instantOf(value: JqlScalar): number | undefined {
  if (value instanceof Date) return value.getTime();
  if (typeof value === 'number') return value;
  if (typeof value === 'string') {
    const ms = Date.parse(value);
    return Number.isNaN(ms) ? undefined : ms;
  }
  return undefined;
}

/** The day number of a `date` record value (a `YYYY-MM-DD` string, or an instant read in `timeZone`). */
export function dayOf(value: JqlScalar, timeZone: string): number | undefined {
  if (typeof value === 'string') {
    const plain = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    if (plain !== null) return dayNumber({ year: Number(plain[1]), month: Number(plain[2]), day: Number(plain[3]) });
  }
  const ms = instantOf(value);
  return ms === undefined ? undefined : dayNumber(toLocal(ms, timeZone));
}

/** The project and number of an issue-key record value, and its id. */
export function issueKeyOf(value: JqlScalar): { project: string; number: number; id: string | undefined } | undefined {
  const { name, id } = identity(value);
  const match = KEY.exec(name);
  return match === null ? undefined : { project: (match[1] ?? '').toUpperCase(), number: Number(match[2]), id };
}

/** The rank of an option record value, if it has one. */
export function rankOf(value: JqlScalar): number | undefined {
  return identity(value).rank;
}

/** The display form of a record value for sorting (lower-case). */
export function sortNameOf(value: JqlScalar): string {
  return identity(value).name.toLowerCase();
}

/** A literal for a value written in the query (`quoted` as in the AST). */
export function valueLiteral(
  type: JqlFieldType,
  text: string,
  quoted: boolean,
  context: LiteralContext,
  operator: string,
): LiteralResult {
  switch (type) {
    case 'text':
      return textLiteral(text, context);
    case 'string':
      return { literal: { equals: (value) => same(identity(value).name, text) } };
    case 'option':
    case 'user':
      return optionLiteral(type, text, quoted, context, operator);
    case 'number':
      return numberLiteral(text, context);
    case 'datetime':
      return datetimeLiteral(text, context);
    case 'date':
      return dateLiteral(text, context);
    case 'key':
      return keyLiteral(text, context);
  }
}

/** A literal for a function's value; Jira's message when the field cannot take it. */
export function functionLiteral(type: JqlFieldType, name: string, value: FunctionValue, context: LiteralContext): LiteralResult {
  if (value.kind === 'user' && type === 'user') {
    const { accountId } = value;
    if (accountId === undefined) return { literal: NEVER };
    const isCaller = (record: JqlScalar) => {
      const { id, name, key } = identity(record);
      return same(id, accountId) || same(name, accountId) || same(key, accountId);
    };
    return { literal: { equals: isCaller } };
  }
  if (value.kind === 'instant' && type === 'datetime') return { literal: instantLiteral(floorToMinute(value.ms)) };
  if (value.kind === 'instant' && type === 'date') {
    return { literal: dayLiteral(dayNumber(toLocal(value.ms, context.timeZone)), context.timeZone) };
  }
  return { error: validationMessages.functionNotValidForField(name, context.fieldName) };
}

function textLiteral(text: string, context: LiteralContext): LiteralResult {
  const parsed = parseTextQuery(text, context.fieldName);
  if ('error' in parsed) return { error: parsed.error };
  const { query } = parsed;
  return { literal: { equals: (value) => textMatches(query, [identity(value).name]) } };
}

function optionLiteral(
  type: 'option' | 'user',
  text: string,
  quoted: boolean,
  context: LiteralContext,
  operator: string,
): LiteralResult {
  const numeric = /^\d+$/.test(text);
  const options = context.field.options === undefined ? undefined : [...context.field.options()];
  // Jira reads a quoted value as a name and an unquoted number as an id, each falling back to the other.
  // Users are named by account id (any form), display name or email.
  const byName = (option: JqlScalar) => {
    const { name, key, id } = identity(option);
    return same(name, text) || same(key, text) || (type === 'user' && same(id, text));
  };
  const byId = (option: JqlScalar) => numeric && identity(option).id === text;
  const nameFirst = quoted || !numeric;
  const preferred = nameFirst ? byName : byId;
  const fallback = nameFirst ? byId : byName;
  let equals = (value: JqlScalar) => preferred(value) || fallback(value);
  let rank: number | undefined;
  if (options !== undefined) {
    const matches = options.filter(preferred);
    const chosen = matches.length > 0 ? matches : options.filter(fallback);
    if (chosen.length === 0) {
      const error = nameFirst
        ? validationMessages.valueNotFound(text, context.fieldName)
        : validationMessages.idNotFound(text, context.fieldName);
      return { error, unknown: true };
    }
    equals = matches.length > 0 ? preferred : fallback;
    rank = chosen.find((option: JqlOption) => option.rank !== undefined)?.rank;
  }
  if (operator.startsWith('<') || operator.startsWith('>')) {
    if (rank === undefined) return { error: validationMessages.valueNotFound(text, context.fieldName), unknown: true };
    const literalRank = rank;
    return {
      literal: {
        equals,
        order: (value) => {
          const own = rankOf(value);
          return own === undefined ? undefined : own - literalRank;
        },
      },
    };
  }
  return { literal: { equals } };
}

function numberLiteral(text: string, context: LiteralContext): LiteralResult {
  const number = text.trim() === '' ? Number.NaN : Number(text);
  if (!Number.isFinite(number)) return { error: validationMessages.invalidNumber(text, context.fieldName) };
  const read = (value: JqlScalar) => {
    if (typeof value === 'number') return value;
    return typeof value === 'string' && value.trim() !== '' ? Number(value) : Number.NaN;
  };
  return {
    literal: {
      equals: (value) => read(value) === number,
      order: (value) => {
        const own = read(value);
        return Number.isNaN(own) ? undefined : own - number;
      },
    },
  };
}

function instantLiteral(ms: number): Literal {
  const minute = (value: JqlScalar) => {
    const own = instantOf(value);
    return own === undefined ? undefined : floorToMinute(own);
  };
  return {
    equals: (value) => minute(value) === ms,
    order: (value) => {
      const own = minute(value);
      return own === undefined ? undefined : own - ms;
    },
  };
}

function datetimeLiteral(text: string, context: LiteralContext): LiteralResult {
  if (/^-?\d+$/.test(text.trim())) return { literal: instantLiteral(floorToMinute(Number(text))) };
  const period = parsePeriod(text);
  if (period !== undefined) return { literal: instantLiteral(floorToMinute(context.now + period)) };
  const absolute = parseAbsoluteDate(text);
  if (absolute === undefined) return { error: validationMessages.invalidDate(text, context.fieldName) };
  return { literal: instantLiteral(toInstant(absolute.local, context.timeZone)) };
}

function dayLiteral(day: number, timeZone: string): Literal {
  return {
    equals: (value) => dayOf(value, timeZone) === day,
    order: (value) => {
      const own = dayOf(value, timeZone);
      return own === undefined ? undefined : own - day;
    },
  };
}

function dateLiteral(text: string, context: LiteralContext): LiteralResult {
  const period = parsePeriod(text);
  if (period !== undefined) {
    return { literal: dayLiteral(dayNumber(toLocal(context.now + period, context.timeZone)), context.timeZone) };
  }
  const absolute = parseAbsoluteDate(text);
  if (absolute === undefined || absolute.hasTime) return { error: validationMessages.invalidDay(text, context.fieldName) };
  return { literal: dayLiteral(dayNumber(absolute.local), context.timeZone) };
}

function keyLiteral(text: string, context: LiteralContext): LiteralResult {
  const options = context.field.options === undefined ? undefined : [...context.field.options()];
  if (/^\d+$/.test(text)) {
    if (options !== undefined && !options.some((option) => identity(option).id === text)) {
      return { error: validationMessages.idNotFound(text, context.fieldName), unknown: true };
    }
    const id = Number(text);
    return {
      literal: {
        equals: (value) => identity(value).id === text,
        order: (value) => {
          const own = identity(value).id;
          return own === undefined ? undefined : Number(own) - id;
        },
      },
    };
  }
  const match = KEY.exec(text);
  if (match === null) return { error: validationMessages.invalidIssueKey(text, context.fieldName) };
  const project = (match[1] ?? '').toUpperCase();
  const number = Number(match[2]);
  const isThisIssue = (option: JqlOption) => {
    const key = issueKeyOf(option);
    return key?.project === project && key.number === number;
  };
  if (options !== undefined && !options.some(isThisIssue)) {
    return { error: validationMessages.issueNotFound(text, context.fieldName), unknown: true };
  }
  return {
    literal: {
      equals: (value) => {
        const own = issueKeyOf(value);
        return own !== undefined && own.project === project && own.number === number;
      },
      // Jira compares keys within their project only: `key > HELP-9` finds HELP-10, never OTHER-50.
      order: (value) => {
        const own = issueKeyOf(value);
        return own === undefined || own.project !== project ? undefined : own.number - number;
      },
    },
  };
}
