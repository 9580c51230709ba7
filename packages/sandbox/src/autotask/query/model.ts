/**
 * Reads a `QueryModel` (`{ filter, includeFields, maxRecords }`) as Autotask's JSON reader does:
 * property names in any case (`Filter`, `IncludeFields`, `MaxRecords` in Datto's own examples),
 * unknown properties ignored. `filter` is mandatory and may not be empty; `MaxRecords` is 1 to 500
 * (default 500).
 *
 * @module
 */
import { isJsonObject, type JsonObject } from '../../readers.js';
import { FILTER_REQUIRED, failAutotask } from '../errors.js';

/**
 * The largest page (and the default `MaxRecords`).
 *
 * @category Definitions
 */
export const MAX_PAGE_SIZE = 500;

/** One filter of a query, as sent (its `op` not yet checked). */
export interface FilterNode {
  /** The operator as sent, e.g. `eq`, `beginsWith`, `or`. */
  readonly op: string;
  /** The field (or UDF name) as sent; `undefined` when absent. */
  readonly field: string | undefined;
  /** Whether `field` names a user-defined field. */
  readonly udf: boolean;
  /** The value as sent; `undefined` when absent. */
  readonly value: unknown;
  /** The child filters of an `and`/`or` group. */
  readonly items: readonly FilterNode[];
}

/** A read query. */
export interface QueryModel {
  /** The filters, all of which must match. */
  readonly filter: readonly FilterNode[];
  /** The fields to return (as sent), or `undefined` for every field. */
  readonly includeFields: readonly string[] | undefined;
  /** The page size, 1 to 500. */
  readonly maxRecords: number;
}

/** The value of `object`'s property `name` in any case, or `undefined`. */
export function propertyOf(object: JsonObject, name: string): unknown {
  const wanted = name.toLowerCase();
  let found: unknown;
  for (const [key, value] of Object.entries(object)) if (key.toLowerCase() === wanted) found = value;
  return found;
}

function readFilterNode(value: unknown): FilterNode {
  if (!isJsonObject(value)) failAutotask(`Error converting value ${JSON.stringify(value)} to type 'Filter'. Path 'filter'.`);
  const op = propertyOf(value, 'op');
  const field = propertyOf(value, 'field');
  const udf = propertyOf(value, 'udf');
  const items = propertyOf(value, 'items');
  return {
    op: typeof op === 'string' ? op : '',
    field: typeof field === 'string' ? field : field === undefined || field === null ? undefined : String(field),
    udf: udf === true,
    value: propertyOf(value, 'value'),
    items: Array.isArray(items) ? items.map(readFilterNode) : [],
  };
}

/** Reads a query from a parsed JSON body or `search` parameter; throws Autotask's 500 for a bad one. */
export function readQueryModel(json: unknown): QueryModel {
  if (!isJsonObject(json)) failAutotask(FILTER_REQUIRED);
  const filter = propertyOf(json, 'filter');
  if (!Array.isArray(filter) || filter.length === 0) failAutotask(FILTER_REQUIRED);
  const include = propertyOf(json, 'includeFields');
  let includeFields: string[] | undefined;
  if (Array.isArray(include) && include.length > 0) {
    includeFields = include.map((name) => {
      if (typeof name !== 'string') failAutotask(`Error converting value ${JSON.stringify(name)} to type 'System.String'. Path 'includeFields'.`);
      return name;
    });
  } else if (include !== undefined && include !== null && !Array.isArray(include)) {
    failAutotask(`Error converting value ${JSON.stringify(include)} to type 'System.Collections.Generic.List\`1[System.String]'. Path 'includeFields'.`);
  }
  const max = propertyOf(json, 'maxRecords');
  let maxRecords = MAX_PAGE_SIZE;
  if (max !== undefined && max !== null) {
    if (typeof max !== 'number' || !Number.isInteger(max)) failAutotask(`Error converting value ${JSON.stringify(max)} to type 'System.Nullable\`1[System.Int32]'. Path 'maxRecords'.`);
    if (max < 1 || max > MAX_PAGE_SIZE) failAutotask(`MaxRecords must be between 1 and ${MAX_PAGE_SIZE}.`);
    maxRecords = max;
  }
  return { filter: filter.map(readFilterNode), includeFields, maxRecords };
}

/** A stable text of the filter, which a paging token is bound to (the same filter sent again gives the same text). */
export function filterScope(filter: readonly FilterNode[]): string {
  const plain = (node: FilterNode): unknown => [node.op.toLowerCase(), node.field?.toLowerCase() ?? null, node.udf, node.value ?? null, node.items.map(plain)];
  return JSON.stringify(filter.map(plain));
}
