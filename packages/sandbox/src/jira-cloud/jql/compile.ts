/**
 * `compileJql`: checks a query against the simulator's fields the way Jira validates it, and turns
 * it into a record predicate and an `ORDER BY` comparator.
 *
 * Semantics (Jira's, per its operator reference unless noted):
 * - `!=`, `NOT IN` and `!~` never match a record whose field is empty (`assignee != bob` skips
 *   unassigned issues); `= EMPTY`/`IN (EMPTY, …)` match empty fields; `!= EMPTY` is `IS NOT EMPTY`.
 * - `NOT clause` is the clause with its operator negated ("field != value is the same as NOT field =
 *   value"), pushed through AND/OR by De Morgan's laws — so `NOT assignee = bob` skips unassigned
 *   issues too.
 * - A multi-valued field (labels) matches `=`/`IN` when any value matches, `!=`/`NOT IN` when none does.
 * - `<`, `>`, … never match an empty field; issue keys compare within their project only.
 * - Dates compare to the minute, literals read in the caller's time zone; a date without a time is
 *   the start of that day; periods (`-1d`) and functions are relative to one `now()` per compile.
 *
 * @module
 */
import type { JqlClause, JqlOperand, JqlOperator, JqlQuery, JqlTerminalClause } from './ast.js';
import { assertTimeZone } from './dates.js';
import { JqlError, validationMessages } from './errors.js';
import {
  canonicalFieldName,
  defaultOperators,
  fieldValues,
  type FieldResolver,
  type JqlField,
  type JqlScalar,
} from './fields.js';
import { evaluateFunction, type FunctionContext } from './functions.js';
import { functionLiteral, valueLiteral, type Literal, type LiteralContext, type LiteralResult } from './literals.js';
import { comparator, comparePositions, isSortKey, sortPosition, type JqlResolvedSort, type SortPosition, type SortSpec } from './order.js';
import { parseJql } from './parser.js';
import { quoteJqlString } from './printer.js';

/** What `compileJql` needs besides the query. */
export interface CompileJqlOptions<R> {
  /** Maps canonical field names to field descriptions; see {@link FieldResolver}. */
  readonly fields: FieldResolver<R>;
  /** The current time; read once per compile, for `now()`, `startOfDay()` and periods like `-1d`. */
  readonly now: () => Date;
  /** The caller's account id, for `currentUser()`; absent for an anonymous caller (matches nobody). */
  readonly currentUser?: string | undefined;
  /** The caller's profile time zone (IANA); date literals and day boundaries are read in it. Default `UTC`. */
  readonly timeZone?: string | undefined;
  /**
   * What to do with values that do not exist ("The value 'X' does not exist for the field
   * 'project'."): `error` (default; what `/search/jql` does) or `warning` (collected in
   * {@link CompiledJql.warnings}, as `/jql/parse?validation=warn` reports them).
   */
  readonly unknownValues?: 'error' | 'warning';
}

/** A query ready to run against records of type `R`. */
export interface CompiledJql<R> {
  /** The syntax tree. */
  readonly query: JqlQuery;
  /** Validation messages downgraded to warnings (see {@link CompileJqlOptions.unknownValues}). */
  readonly warnings: readonly string[];
  /** The sort fields; empty when the query has no `ORDER BY` (then `compare` sorts by key, descending). */
  readonly orderBy: readonly JqlResolvedSort[];
  /** Whether a record satisfies the restriction (always true without one). */
  matches(record: R): boolean;
  /** Compares two records by the `ORDER BY` fields, then by issue key descending. */
  compare(a: R, b: R): number;
  /** The matching records, sorted (each record's sort values read once, not once per comparison). */
  select(records: Iterable<R>): R[];
  /**
   * The matching records, sorted as {@link select} sorts them, each with its {@link positionOf}
   * (computed once per record): what a search keeps to page through one result without sorting it again.
   */
  rank(records: Iterable<R>): Ranked<R>[];
  /**
   * Where a record stands in the sort order (its value on every sort field, the key last): plain
   * JSON, what a search keeps in its page token to continue after that record.
   */
  positionOf(record: R): SortPosition;
  /**
   * Whether a record sorts strictly after a position from {@link positionOf}; `undefined` when the
   * position does not fit this query's sort fields (a token of another query).
   */
  isAfter(record: R, position: unknown): boolean | undefined;
  /**
   * Whether a record's position (from {@link positionOf} or {@link rank}) sorts strictly after a
   * position read back from a page token; `undefined` when that position does not fit this query's
   * sort fields. `isAfter(record, position)` is `follows(positionOf(record), position)`.
   */
  follows(recordPosition: SortPosition, position: unknown): boolean | undefined;
}

/** A matching record and where it stands in the sort order, from {@link CompiledJql.rank}. */
export interface Ranked<R> {
  readonly record: R;
  readonly position: SortPosition;
}

type Predicate<R> = (record: R) => boolean;

const NEGATED: Readonly<Record<JqlOperator, JqlOperator>> = {
  '=': '!=',
  '!=': '=',
  in: 'not in',
  'not in': 'in',
  '~': '!~',
  '!~': '~',
  is: 'is not',
  'is not': 'is',
  '<': '>=',
  '>=': '<',
  '>': '<=',
  '<=': '>',
};
const ORDERING = new Set<JqlOperator>(['<', '<=', '>', '>=']);
const LIST_OPERATORS = new Set<JqlOperator>(['in', 'not in']);
/** For `<`, `<=`, `>`, `>=`: whether "record value minus query value" satisfies the operator. */
const ORDER_TESTS: Readonly<Record<'<' | '<=' | '>' | '>=', (difference: number) => boolean>> = {
  '<': (difference) => difference < 0,
  '<=': (difference) => difference <= 0,
  '>': (difference) => difference > 0,
  '>=': (difference) => difference >= 0,
};
const KEY_FIELD = 'issuekey';

/**
 * Compiles a query (text or tree) for records of type `R`.
 *
 * @throws {@link JqlError} — kind `syntax`/`unsupported` from parsing, or kind `validation` with all
 *   of Jira's messages for unknown fields, values and functions, misused operators and bad dates.
 *
 * @example
 * ```ts
 * const jql = compileJql('project = HELP AND assignee = currentUser() ORDER BY created DESC', {
 *   fields: (name) => issueFields[name],
 *   now: () => new Date(),
 *   currentUser: caller.accountId,
 *   timeZone: caller.timeZone,
 * });
 * const page = jql.select(store.issues());
 * ```
 */
export function compileJql<R>(query: string | JqlQuery, options: CompileJqlOptions<R>): CompiledJql<R> {
  const tree = typeof query === 'string' ? parseJql(query) : query;
  const timeZone = options.timeZone ?? 'UTC';
  assertTimeZone(timeZone);
  const compiler = new Compiler(options, { now: options.now().getTime(), timeZone, currentUser: options.currentUser });
  const predicate = tree.where === undefined ? () => true : compiler.clause(tree.where, false);
  const { sorts, resolved } = compiler.orderBy(tree);
  if (compiler.errors.length > 0) throw new JqlError(compiler.errors, 'validation');
  const compare = comparator(sorts, timeZone);
  const rank = (records: Iterable<R>): Ranked<R>[] => {
    const ranked: Ranked<R>[] = [];
    for (const record of records) if (predicate(record)) ranked.push({ record, position: sortPosition(sorts, record, timeZone) });
    // The same comparisons on the same order of records as sorting the records with `compare`: the same (stable) result.
    return ranked.sort((a, b) => comparePositions(sorts, a.position, b.position));
  };
  const follows = (recordPosition: SortPosition, position: unknown): boolean | undefined => {
    if (!Array.isArray(position) || position.length !== sorts.length || !position.every(isSortKey)) return undefined;
    return comparePositions(sorts, recordPosition, position as SortPosition) > 0;
  };
  return {
    query: tree,
    warnings: compiler.warnings,
    orderBy: resolved,
    matches: predicate,
    compare,
    select: (records) => rank(records).map(({ record }) => record),
    rank,
    positionOf: (record) => sortPosition(sorts, record, timeZone),
    isAfter: (record, position) => follows(sortPosition(sorts, record, timeZone), position),
    follows,
  };
}

/** The operand as Jira prints it in messages: strings quoted, lists in parentheses. */
function encodeOperand(operand: JqlOperand): string {
  switch (operand.kind) {
    case 'empty':
      return 'EMPTY';
    case 'value':
      return quoteJqlString(operand.value);
    case 'function':
      return `${operand.name}(${operand.args.join(', ')})`;
    case 'list':
      return `(${operand.values.map(encodeOperand).join(', ')})`;
  }
}

function flatten(operand: JqlOperand): JqlOperand[] {
  return operand.kind === 'list' ? operand.values.flatMap(flatten) : [operand];
}

class Compiler<R> {
  readonly errors: string[] = [];
  readonly warnings: string[] = [];
  private readonly options: CompileJqlOptions<R>;
  private readonly context: FunctionContext;

  constructor(options: CompileJqlOptions<R>, context: FunctionContext) {
    this.options = options;
    this.context = context;
  }

  clause(clause: JqlClause, negated: boolean): Predicate<R> {
    switch (clause.kind) {
      case 'not':
        return this.clause(clause.clause, !negated);
      case 'and':
      case 'or': {
        const parts = clause.clauses.map((child) => this.clause(child, negated));
        const conjunction = (clause.kind === 'and') !== negated;
        return conjunction ? (record) => parts.every((part) => part(record)) : (record) => parts.some((part) => part(record));
      }
      case 'terminal':
        return this.terminal(clause, negated);
    }
  }

  orderBy(query: JqlQuery): { sorts: SortSpec<R>[]; resolved: JqlResolvedSort[] } {
    const sorts: SortSpec<R>[] = [];
    const resolved: JqlResolvedSort[] = [];
    for (const item of query.orderBy ?? []) {
      const canonical = canonicalFieldName(item.field.name);
      const field = this.options.fields(canonical);
      if (field === undefined || !(field.sortable ?? field.type !== 'text')) {
        this.errors.push(validationMessages.notSortable(item.field.name));
        continue;
      }
      const direction = item.direction ?? field.defaultSortDirection ?? (field.type === 'datetime' ? 'desc' : 'asc');
      sorts.push({ field, direction });
      resolved.push({ field: canonical, name: item.field.name, direction });
    }
    const key = this.options.fields(KEY_FIELD);
    if (key !== undefined && !resolved.some((sort) => sort.field === KEY_FIELD)) sorts.push({ field: key, direction: 'desc' });
    return { sorts, resolved };
  }

  private fail(message: string): Predicate<R> {
    this.errors.push(message);
    return () => false;
  }

  private terminal(clause: JqlTerminalClause, negated: boolean): Predicate<R> {
    const { operator, operand } = clause;
    const fieldName = clause.field.name;
    const field = this.options.fields(canonicalFieldName(fieldName));
    if (field === undefined) return this.fail(validationMessages.noSuchField(fieldName));
    const isList = operand.kind === 'list';
    if (LIST_OPERATORS.has(operator) && !isList && operand.kind !== 'function') {
      return this.fail(validationMessages.nonListValue(operator, encodeOperand(operand), fieldName));
    }
    if (!LIST_OPERATORS.has(operator) && isList) {
      return this.fail(validationMessages.listValue(operator, encodeOperand(operand), fieldName));
    }
    if ((operator === 'is' || operator === 'is not') && operand.kind !== 'empty') {
      return this.fail(validationMessages.isNeedsEmpty(operator, fieldName));
    }
    const supported = field.operators ?? defaultOperators(field.type);
    if (!supported.includes(operator)) return this.fail(validationMessages.operatorNotSupported(operator, fieldName));
    const elements = flatten(operand);
    const hasEmpty = elements.some((element) => element.kind === 'empty');
    if (hasEmpty && !supported.includes('is')) return this.fail(validationMessages.emptyNotSupported(fieldName));
    if (hasEmpty && ORDERING.has(operator)) return this.fail(validationMessages.emptyNotOrdered(operator));

    const literalContext: LiteralContext = {
      fieldName,
      field: field as JqlField<unknown>,
      now: this.context.now,
      timeZone: this.context.timeZone,
    };
    const literals: Literal[] = [];
    let failed = false;
    for (const element of elements) {
      const literal = this.literal(field, element, literalContext, operator);
      if (literal === 'failed') failed = true;
      else if (literal !== undefined) literals.push(literal);
    }
    if (failed) return () => false;
    return this.predicate(field, negated ? NEGATED[operator] : operator, literals, hasEmpty);
  }

  /** A literal for one operand element; `undefined` for EMPTY; `'failed'` after recording an error. */
  private literal(
    field: JqlField<R>,
    element: JqlOperand,
    context: LiteralContext,
    operator: JqlOperator,
  ): Literal | undefined | 'failed' {
    if (element.kind === 'empty' || element.kind === 'list') return undefined;
    let result: LiteralResult;
    if (element.kind === 'function') {
      const evaluated = evaluateFunction(element, this.context);
      result = 'error' in evaluated ? evaluated : functionLiteral(field.type, element.name, evaluated.value, context);
    } else {
      result = valueLiteral(field.type, element.value, element.quoted, context, operator);
    }
    if ('literal' in result) return result.literal;
    if (result.unknown === true && this.options.unknownValues === 'warning') {
      this.warnings.push(result.error);
      return undefined;
    }
    this.errors.push(result.error);
    return 'failed';
  }

  private predicate(field: JqlField<R>, operator: JqlOperator, literals: readonly Literal[], hasEmpty: boolean): Predicate<R> {
    const anyEquals = (values: readonly JqlScalar[]) => values.some((value) => literals.some((literal) => literal.equals(value)));
    const read = (record: R) => fieldValues(field.get(record));
    switch (operator) {
      case '=':
      case 'in':
      case '~':
        return (record) => {
          const values = read(record);
          return values.length === 0 ? hasEmpty : anyEquals(values);
        };
      case '!=':
      case 'not in':
      case '!~':
        return (record) => {
          const values = read(record);
          return values.length > 0 && !anyEquals(values);
        };
      case 'is':
        return (record) => read(record).length === 0;
      case 'is not':
        return (record) => read(record).length > 0;
      default: {
        const test = ORDER_TESTS[operator];
        return (record) =>
          read(record).some((value) =>
            literals.some((literal) => {
              const difference = literal.order?.(value);
              return difference !== undefined && !Number.isNaN(difference) && test(difference);
            }),
          );
      }
    }
  }
}
