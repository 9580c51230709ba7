/**
 * The syntax tree {@link parseJql} produces and {@link printJql} prints.
 *
 * The tree keeps what the query says, not what it means: field names are as written (aliases are
 * resolved later, by `compileJql`), values are strings, and `NOT` stays a node of its own. It
 * carries no source positions, so two queries that differ only in spacing, keyword case or quote
 * style give equal trees.
 *
 * Nesting follows the query: `a AND b AND c` is one `and` node with three clauses, while
 * `(a AND b) AND c` is an `and` node whose first clause is another `and` node. A parenthesised
 * single clause (`(a = 1)`) is just that clause.
 *
 * @module
 */

/** A parsed JQL query: an optional restriction and an optional `ORDER BY`. */
export interface JqlQuery {
  /** The restriction; absent for an empty query or one that is only `ORDER BY …`. */
  readonly where?: JqlClause;
  /** The sort fields, in order; absent when the query has no `ORDER BY`. Never empty. */
  readonly orderBy?: readonly JqlSortItem[];
}

/** Any clause of a restriction. */
export type JqlClause = JqlAndClause | JqlOrClause | JqlNotClause | JqlTerminalClause;

/** `a AND b AND …` (also written `&&` or `&`); at least two clauses. */
export interface JqlAndClause {
  readonly kind: 'and';
  readonly clauses: readonly JqlClause[];
}

/** `a OR b OR …` (also written `||` or `|`); at least two clauses. */
export interface JqlOrClause {
  readonly kind: 'or';
  readonly clauses: readonly JqlClause[];
}

/** `NOT a` (also written `!a`). */
export interface JqlNotClause {
  readonly kind: 'not';
  readonly clause: JqlClause;
}

/** `field operator operand`, for example `status IN (Open, "In Progress")`. */
export interface JqlTerminalClause {
  readonly kind: 'terminal';
  readonly field: JqlFieldReference;
  readonly operator: JqlOperator;
  readonly operand: JqlOperand;
}

/** A field as written in the query: `status`, `"Request Type"` or `cf[10010]` (always lower-case `cf`). */
export interface JqlFieldReference {
  readonly name: string;
}

/** The operators of the supported subset, in their canonical spelling (word operators lower-case). */
export type JqlOperator = '=' | '!=' | '~' | '!~' | '<' | '<=' | '>' | '>=' | 'in' | 'not in' | 'is' | 'is not';

/** Every operator of {@link JqlOperator}, in the order Jira lists them. */
export const JQL_OPERATORS: readonly JqlOperator[] = ['=', '!=', '<', '>', '<=', '>=', '~', '!~', 'in', 'not in', 'is', 'is not'];

/** The right-hand side of a clause. */
export type JqlOperand = JqlValueOperand | JqlFunctionOperand | JqlEmptyOperand | JqlListOperand;

/** A literal: an unquoted word or number, or a quoted string (escapes already decoded). */
export interface JqlValueOperand {
  readonly kind: 'value';
  readonly value: string;
  /**
   * Whether the value was quoted. It matters: Jira reads an unquoted number as an id (`status = 3`)
   * and a quoted one as a name (`status = "3"`).
   */
  readonly quoted: boolean;
}

/** A function call such as `currentUser()` or `startOfDay("-1d")`; arguments are strings. */
export interface JqlFunctionOperand {
  readonly kind: 'function';
  readonly name: string;
  readonly args: readonly string[];
}

/** The keyword `EMPTY` (or its synonym `NULL`). */
export interface JqlEmptyOperand {
  readonly kind: 'empty';
}

/** `(a, b, …)`; at least one element. Jira accepts nested lists, so elements may be lists too. */
export interface JqlListOperand {
  readonly kind: 'list';
  readonly values: readonly JqlOperand[];
}

/** One `ORDER BY` field; `direction` is absent when the query gives none (the field's default applies). */
export interface JqlSortItem {
  readonly field: JqlFieldReference;
  readonly direction?: 'asc' | 'desc';
}
