/**
 * {@link planQuery}: a checked filter as the queries Autotask will accept. Autotask refuses a query
 * with more than 500 OR conditions; a long `in` list at the top level of the filter is split into
 * several queries whose results are disjoint (a record's field has one value, so it matches one
 * part of the list at most), so that reading them one after the other gives every record once.
 *
 * @module
 */
import { kit } from '../provider.js';
import { MAX_OR_CONDITIONS, type CheckedFilter } from './check-filter.js';
import type { FieldFilter, Filter, FilterScalar } from './filter.js';

/**
 * The queries that together answer one filter.
 *
 * @category Queries
 */
export interface QueryPlan {
  /** The filter of each query, in order; one for a filter that fits. */
  readonly filters: readonly (readonly Filter[])[];
  /** The field whose `in` list was split, when one was. */
  readonly splitField: string | undefined;
}

function isTopLevelIn(node: Filter): node is FieldFilter & { value: readonly FilterScalar[] } {
  return node.op === 'in' && Array.isArray((node as FieldFilter).value);
}

/**
 * Plans the queries of a filter. When it holds more than 500 OR conditions, the longest `in` list at
 * its top level is split into lists as long as the rest of the filter leaves room for; anything else
 * over the limit is an `InputError`, before any request (Autotask would refuse it).
 *
 * @param checked - The filter, from `checkFilter`.
 * @param root - The argument's name, for errors.
 * @throws `InputError` naming `root` when the filter holds more OR conditions than splitting can fix.
 * @example
 * ```ts
 * const ids = Array.from({ length: 1_200 }, (_, i) => i + 1);
 * planQuery(checkFilter([where.in('id', ids), where.eq('status', 5)])).filters.length; // 3
 * ```
 *
 * @category Queries
 */
export function planQuery(checked: CheckedFilter, root = 'filter'): QueryPlan {
  if (checked.orConditions <= MAX_OR_CONDITIONS) return { filters: [checked.nodes], splitField: undefined };
  const candidates = checked.nodes
    .map((node, index) => ({ node, index }))
    .filter((entry): entry is { node: FieldFilter & { value: readonly FilterScalar[] }; index: number } => isTopLevelIn(entry.node))
    .sort((a, b) => b.node.value.length - a.node.value.length);
  const longest = candidates[0];
  const room = longest === undefined ? 0 : MAX_OR_CONDITIONS - (checked.orConditions - longest.node.value.length);
  if (longest === undefined || room < 1) {
    kit.fail(
      root,
      `holds ${checked.orConditions} OR conditions (or-group items and in/notIn values); Autotask refuses more than ${MAX_OR_CONDITIONS}. ` +
        'Only an in list at the top level of the filter can be split into several queries: move the long list there, or narrow the filter',
    );
  }
  const { node, index } = longest;
  const filters: Filter[][] = [];
  for (let start = 0; start < node.value.length; start += room) {
    const part: FieldFilter = Object.freeze({ ...node, value: Object.freeze(node.value.slice(start, start + room)) });
    filters.push(checked.nodes.map((other, at) => (at === index ? part : other)));
  }
  return { filters, splitField: node.field };
}
