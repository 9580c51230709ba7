/**
 * How the evaluator reads records: the simulator describes each searchable field with a
 * {@link JqlField} (its type and a getter) and hands `compileJql` a {@link FieldResolver}. The JQL
 * engine never sees the simulator's record shape.
 *
 * @module
 */
import type { JqlOperator } from './ast.js';

/**
 * The kinds of field the evaluator knows how to compare.
 *
 * | type       | values                                   | `=` matches                                   | examples |
 * |------------|------------------------------------------|-----------------------------------------------|----------|
 * | `text`     | strings                                  | — (`~` only: words, phrases, `*` wildcards)   | summary, description, comment, text |
 * | `string`   | strings                                  | case-insensitive equality                     | labels |
 * | `option`   | {@link JqlOption}s (or plain names)      | name, key or (unquoted number) id, any case   | project, status, statusCategory, issuetype, priority, resolution, "Request Type" |
 * | `user`     | {@link JqlOption}s or account ids         | as `option`; also `currentUser()`             | assignee, reporter, creator |
 * | `number`   | numbers                                  | numeric equality                              | votes, cf[10020] |
 * | `datetime` | `Date`s, ISO strings, epoch ms            | same minute                                   | created, updated, resolved |
 * | `date`     | `YYYY-MM-DD` strings or `Date`s           | same day in the caller's time zone            | due |
 * | `key`      | issue keys, or {@link JqlOption}s `{ name: key, id }` | key (any case) or issue id        | key / issuekey / id |
 */
export type JqlFieldType = 'text' | 'string' | 'option' | 'user' | 'number' | 'datetime' | 'date' | 'key';

/**
 * A named value such as a status, priority, project or user. A query value matches the option when
 * it equals `name` or `key` (ignoring case), or — written as an unquoted number — `id`.
 */
export interface JqlOption {
  /** Display name: `"In Progress"`, `"Help Desk"`, a user's display name. */
  readonly name: string;
  /** Another accepted name: a project key, a status-category key (`indeterminate`), a user's email. */
  readonly key?: string;
  /** The id, matched by unquoted numbers (`status = 3`) and, for users, the account id. */
  readonly id?: string | number;
  /**
   * Order for `<`, `>`, … and `ORDER BY`: a higher rank compares greater. For priorities give the
   * most urgent the highest rank (`priority > Medium` means "more urgent than Medium").
   */
  readonly rank?: number;
}

/** One value a getter can return. */
export type JqlScalar = string | number | Date | JqlOption;

/** What a getter returns: one value, several (labels), or nothing (`undefined`, `null`, `[]` or `''` all mean EMPTY). */
export type JqlFieldValue = JqlScalar | readonly JqlScalar[] | null | undefined;

/** How the evaluator reads and compares one field of records of type `R`. */
export interface JqlField<R> {
  /** How values compare; see {@link JqlFieldType}. */
  readonly type: JqlFieldType;
  /** Reads the field from a record. */
  get(record: R): JqlFieldValue;
  /**
   * Every value the field can have (statuses, projects, users, issues). When given, a query value
   * that matches none of them is reported as Jira does ("The value 'X' does not exist for the field
   * 'project'."), and `<`/`>` on an `option` field look the value's rank up here.
   */
  options?(): Iterable<JqlOption>;
  /** The operators the field accepts; defaults depend on the type (see {@link defaultOperators}). */
  readonly operators?: readonly JqlOperator[];
  /** Whether `ORDER BY` accepts the field; default: every type but `text`. */
  readonly sortable?: boolean;
  /** Direction of `ORDER BY field` without `ASC`/`DESC`; default `desc` for `datetime`, else `asc`. */
  readonly defaultSortDirection?: 'asc' | 'desc';
}

/** The values of a getter's result as a list, without the empty ones (`null`, `undefined`, `''`). */
export function fieldValues(value: JqlFieldValue): JqlScalar[] {
  const list: readonly (JqlScalar | null | undefined)[] = Array.isArray(value) ? value : [value as JqlScalar | null | undefined];
  return list.filter((item): item is JqlScalar => item !== '' && item !== null && item !== undefined);
}

/**
 * Looks a field up by its canonical name (lower-case, aliases resolved by {@link canonicalFieldName},
 * for example `issuekey`, `issuetype`, `created`, `request type`, `cf[10010]`); `undefined` when the
 * field does not exist.
 */
export type FieldResolver<R> = (canonicalName: string) => JqlField<R> | undefined;

const EQUALITY: readonly JqlOperator[] = ['=', '!=', 'in', 'not in', 'is', 'is not'];
const ORDERING: readonly JqlOperator[] = ['<', '<=', '>', '>='];

/** The operators a field of `type` accepts unless its {@link JqlField.operators} says otherwise (Jira's defaults). */
export function defaultOperators(type: JqlFieldType): readonly JqlOperator[] {
  switch (type) {
    case 'text':
      return ['~', '!~', 'is', 'is not'];
    case 'string':
    case 'option':
    case 'user':
      return EQUALITY;
    case 'number':
    case 'datetime':
    case 'date':
      return [...EQUALITY, ...ORDERING];
    case 'key':
      return ['=', '!=', 'in', 'not in', ...ORDERING];
  }
}

const ALIASES: Readonly<Record<string, string>> = {
  key: 'issuekey',
  id: 'issuekey',
  issue: 'issuekey',
  type: 'issuetype',
  createddate: 'created',
  updateddate: 'updated',
  resolutiondate: 'resolved',
  due: 'duedate',
  'customer request type': 'request type',
  'request-type': 'request type',
};

/**
 * The canonical name of a field as written in a query: lower-case, with Jira's aliases resolved
 * (`key`/`id`/`issue` → `issuekey`, `type` → `issuetype`, `createdDate` → `created`,
 * `updatedDate` → `updated`, `resolutionDate` → `resolved`, `due` → `duedate`,
 * `"Customer Request Type"`/`request-type` → `request type`).
 */
export function canonicalFieldName(name: string): string {
  const lower = name.toLowerCase();
  return ALIASES[lower] ?? lower;
}

/**
 * Jira's four status categories, for `statusCategory` getters and options, so that both
 * `statusCategory = "In Progress"` and `statusCategory = indeterminate` match.
 */
export const JIRA_STATUS_CATEGORIES: readonly JqlOption[] = [
  { id: 1, key: 'undefined', name: 'No Category' },
  { id: 2, key: 'new', name: 'To Do' },
  { id: 4, key: 'indeterminate', name: 'In Progress' },
  { id: 3, key: 'done', name: 'Done' },
];
