/**
 * The JQL engine of the Jira Cloud simulator: parse, validate and evaluate the subset of JQL the SDK
 * and ordinary bots use, with Jira's error messages.
 *
 * - {@link parseJql} — text to syntax tree, {@link jqlStructure} — the tree as `/rest/api/3/jql/parse`
 *   answers it, {@link printJql} — back to text.
 * - {@link compileJql} — a tree or text to `matches(record)` and `compare(a, b)`, reading records
 *   through a {@link FieldResolver} the simulator supplies.
 * - {@link JqlError} — what Jira would answer with 400; `toErrorCollection()` is the body.
 *
 * Not supported (on purpose): `WAS`/`CHANGED` (history), entity properties (`issue.property[…]`),
 * functions other than `currentUser()`, `now()` and `startOf…`/`endOf…` (`membersOf()`,
 * `openSprints()`, … get Jira's "Unable to find JQL function" message), Lucene grouping and
 * proximity in `~` queries.
 *
 * @module
 */
export type {
  JqlAndClause,
  JqlClause,
  JqlEmptyOperand,
  JqlFieldReference,
  JqlFunctionOperand,
  JqlListOperand,
  JqlNotClause,
  JqlOperand,
  JqlOperator,
  JqlOrClause,
  JqlQuery,
  JqlSortItem,
  JqlTerminalClause,
  JqlValueOperand,
} from './ast.js';
export { JQL_OPERATORS } from './ast.js';
export { compileJql, type CompiledJql, type CompileJqlOptions, type Ranked as JqlRanked } from './compile.js';
export {
  JqlError,
  validationMessages as jqlMessages,
  type JiraErrorCollection,
  type JqlErrorKind,
  type JqlPosition,
} from './errors.js';
export {
  canonicalFieldName,
  defaultOperators,
  fieldValues,
  JIRA_STATUS_CATEGORIES,
  type FieldResolver,
  type JqlField,
  type JqlFieldType,
  type JqlFieldValue,
  type JqlOption,
  type JqlScalar,
} from './fields.js';
export type { JqlResolvedSort, SortKey as JqlSortKey, SortPosition as JqlSortPosition } from './order.js';
export { parseJql } from './parser.js';
export { isBareWord, printJql, printOperand, quoteJqlString } from './printer.js';
export { jqlStructure } from './structure.js';
export { JQL_KEYWORDS, JQL_RESERVED_CHARACTERS, JQL_RESERVED_WORDS } from './reserved.js';
