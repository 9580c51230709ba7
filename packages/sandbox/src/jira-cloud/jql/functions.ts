/**
 * The JQL functions of the supported subset: `currentUser()`, `now()`, and `startOfDay()`,
 * `endOfDay()`, `startOfWeek()`, `endOfWeek()`, `startOfMonth()`, `endOfMonth()`, `startOfYear()`,
 * `endOfYear()` with an optional increment such as `"-1d"`, `"+14d"` or `-1M`. Names are
 * case-insensitive. Any other function (`membersOf()`, `openSprints()`, …) is reported as Jira
 * reports an unknown one: "Unable to find JQL function 'membersOf(jira-users)'."
 *
 * An increment in the function's own unit or a larger one moves the period (`startOfMonth(-1M)` is
 * the first of last month); a smaller unit is added to the result (`startOfMonth("+14d")` is the
 * 15th of this month). Without a unit the increment counts the function's own periods.
 *
 * @module
 */
import type { JqlFunctionOperand } from './ast.js';
import { addCalendar, MINUTE, startOfPeriod, toInstant, toLocal, type CalendarPeriod, type CalendarUnit } from './dates.js';
import { validationMessages } from './errors.js';

/** What a function evaluates to: a user (absent for an anonymous caller) or an instant in epoch ms. */
export type FunctionValue =
  | { readonly kind: 'user'; readonly accountId: string | undefined }
  | { readonly kind: 'instant'; readonly ms: number };

/** What functions read: the time of the query, the caller's zone and account id. */
export interface FunctionContext {
  readonly now: number;
  readonly timeZone: string;
  readonly currentUser: string | undefined;
}

/** A function's value, or the message Jira gives for a bad call. */
export type FunctionResult = { readonly value: FunctionValue } | { readonly error: string };

const PERIOD_UNIT: Readonly<Record<CalendarPeriod, CalendarUnit>> = { day: 'd', week: 'w', month: 'M', year: 'y' };
const UNIT_RANK: Readonly<Record<CalendarUnit, number>> = { m: 0, h: 1, d: 2, w: 3, M: 4, y: 5 };

interface Boundary {
  readonly name: string;
  readonly period: CalendarPeriod;
  readonly edge: 'start' | 'end';
}

const BOUNDARIES: ReadonlyMap<string, Boundary> = new Map(
  (['day', 'week', 'month', 'year'] as const).flatMap((period) =>
    (['start', 'end'] as const).map((edge): [string, Boundary] => {
      const name = `${edge}Of${period[0]?.toUpperCase()}${period.slice(1)}`;
      return [name.toLowerCase(), { name, period, edge }];
    }),
  ),
);

/** Evaluates a function call, or explains why Jira would reject it. */
export function evaluateFunction(call: JqlFunctionOperand, context: FunctionContext): FunctionResult {
  const lower = call.name.toLowerCase();
  if (lower === 'currentuser') {
    return arity('currentUser', call, 0, 0) ?? { value: { kind: 'user', accountId: context.currentUser } };
  }
  if (lower === 'now') return arity('now', call, 0, 0) ?? { value: { kind: 'instant', ms: context.now } };
  const boundary = BOUNDARIES.get(lower);
  if (boundary === undefined) return { error: validationMessages.unknownFunction(`${call.name}(${call.args.join(', ')})`) };
  return arity(boundary.name, call, 0, 1) ?? periodBoundary(boundary, call.args[0], context);
}

function arity(name: string, call: JqlFunctionOperand, min: number, max: number): FunctionResult | undefined {
  const count = call.args.length;
  return count < min || count > max ? { error: validationMessages.functionArity(name, min, max, count) } : undefined;
}

function periodBoundary(boundary: Boundary, increment: string | undefined, context: FunctionContext): FunctionResult {
  let amount = 0;
  let unit = PERIOD_UNIT[boundary.period];
  if (increment !== undefined) {
    const match = /^([-+]?)(\d+)([yMwdhm]?)$/.exec(increment.trim());
    if (match === null) return { error: validationMessages.functionDuration(boundary.name) };
    amount = Number(match[2]) * (match[1] === '-' ? -1 : 1);
    if (match[3] !== undefined && match[3] !== '') unit = match[3] as CalendarUnit;
  }
  const shiftsPeriod = UNIT_RANK[unit] >= UNIT_RANK[PERIOD_UNIT[boundary.period]];
  const anchor = toLocal(context.now, context.timeZone);
  const start = startOfPeriod(shiftsPeriod ? addCalendar(anchor, amount, unit) : anchor, boundary.period);
  const edge = boundary.edge === 'start' ? start : addCalendar(start, 1, PERIOD_UNIT[boundary.period]);
  const local = shiftsPeriod ? edge : addCalendar(edge, amount, unit);
  const ms = toInstant(local, context.timeZone) - (boundary.edge === 'end' ? MINUTE : 0);
  return { value: { kind: 'instant', ms } };
}
