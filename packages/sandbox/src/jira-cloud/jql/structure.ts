/**
 * A syntax tree as `POST /rest/api/3/jql/parse` answers it in `structure` (the spec's `JqlQuery`):
 * `where` is a `CompoundClause` (`{ operator: 'and' | 'or' | 'not', clauses }`) or a
 * `FieldValueClause` (`{ field: { name, encodedName }, operator, operand }`); `orderBy` is
 * `{ fields: [{ field, direction? }] }`. Operands are `ValueOperand` (`{ value, encodedValue }`),
 * `FunctionOperand` (`{ function, arguments, encodedOperand }`), `KeywordOperand`
 * (`{ keyword: 'empty' }`) or `ListOperand` (`{ values, encodedOperand }`). The encoded forms are
 * what can be put back into a query as they are.
 *
 * @module
 */
import type { JqlClause, JqlOperand, JqlQuery, JqlSortItem } from './ast.js';
import { jqlWord, printOperand } from './printer.js';

/** The `JqlQuery` JSON of a parsed query. */
export function jqlStructure(query: JqlQuery): Record<string, unknown> {
  const structure: Record<string, unknown> = {};
  if (query.where !== undefined) structure.where = clauseJson(query.where);
  if (query.orderBy !== undefined) structure.orderBy = { fields: query.orderBy.map(sortJson) };
  return structure;
}

function fieldJson(name: string): Record<string, unknown> {
  return { name, encodedName: /^cf\[\d+\]$/u.test(name) ? name : jqlWord(name) };
}

function sortJson(item: JqlSortItem): Record<string, unknown> {
  return item.direction === undefined ? { field: fieldJson(item.field.name) } : { field: fieldJson(item.field.name), direction: item.direction };
}

function clauseJson(clause: JqlClause): Record<string, unknown> {
  switch (clause.kind) {
    case 'and':
    case 'or':
      return { operator: clause.kind, clauses: clause.clauses.map(clauseJson) };
    case 'not':
      return { operator: 'not', clauses: [clauseJson(clause.clause)] };
    case 'terminal':
      return { field: fieldJson(clause.field.name), operator: clause.operator, operand: operandJson(clause.operand) };
  }
}

/** A list's members as `JqlQueryUnitaryOperand`s: values, functions, keywords (a nested list's members are taken in). */
function unitaryOperands(operand: JqlOperand): Record<string, unknown>[] {
  return operand.kind === 'list' ? operand.values.flatMap(unitaryOperands) : [operandJson(operand)];
}

function operandJson(operand: JqlOperand): Record<string, unknown> {
  switch (operand.kind) {
    case 'empty':
      return { keyword: 'empty' };
    case 'value':
      return { value: operand.value, encodedValue: printOperand(operand) };
    case 'function':
      return { function: operand.name, arguments: [...operand.args], encodedOperand: printOperand(operand) };
    case 'list':
      return { values: unitaryOperands(operand), encodedOperand: printOperand(operand) };
  }
}
