/**
 * How a Jira status becomes a `StatusCategory` of the shared model: the status category Jira
 * gives it (`new`, `indeterminate`, `done`), corrected by the status's name where the category says
 * too little (Jira has no "waiting" and no "closed" category), and by the caller's `statusMap`.
 *
 * @module
 */
import type { StatusCategory } from '@itsm/core';
import { createCategoryMapper } from '@itsm/core/provider';

/**
 * The category of a Jira status category key: `new` (To Do) is `open`, `indeterminate` (In
 * Progress) is `in_progress`, `done` is `resolved`, `undefined` (No Category) is `unknown`.
 *
 * @category Mapping
 */
export const DEFAULT_JIRA_STATUS_CATEGORY_KEYS: Readonly<Record<string, StatusCategory>> = Object.freeze({
  new: 'open',
  indeterminate: 'in_progress',
  done: 'resolved',
  undefined: 'unknown',
});

/**
 * Status names (compared case-insensitively) whose category is not the one their Jira status
 * category gives. They win over {@link DEFAULT_JIRA_STATUS_CATEGORY_KEYS}; a `statusMap` option wins
 * over them.
 *
 * | status name | category |
 * |---|---|
 * | Waiting for customer, Waiting for user, Waiting for reporter, Waiting for requester, Pending, Awaiting customer | `waiting_for_user` |
 * | Closed, Cancelled, Canceled, Declined, Rejected, Won't do | `closed` |
 * | Reopened | `open` |
 *
 * @category Mapping
 */
export const DEFAULT_JIRA_STATUS_NAMES: Readonly<Record<string, StatusCategory>> = Object.freeze({
  'waiting for customer': 'waiting_for_user',
  'waiting for user': 'waiting_for_user',
  'waiting for reporter': 'waiting_for_user',
  'waiting for requester': 'waiting_for_user',
  pending: 'waiting_for_user',
  'awaiting customer': 'waiting_for_user',
  closed: 'closed',
  cancelled: 'closed',
  canceled: 'closed',
  declined: 'closed',
  rejected: 'closed',
  "won't do": 'closed',
  reopened: 'open',
});

/**
 * What the mapping reads of a Jira status: its id, its name and its category key.
 *
 * @category Mapping
 */
export interface JiraStatusLike {
  /** The status id, e.g. `10002`. */
  id?: string | undefined;
  /** The status name, e.g. `Waiting for customer`. */
  name: string;
  /** The status category; its `key` is `new`, `indeterminate`, `done` or `undefined`. */
  statusCategory?: { key?: string | undefined } | undefined;
}

/**
 * Maps Jira statuses to categories. Build one with {@link createStatusMapper}.
 *
 * @param status - The status, as in an issue's `status` field or a transition's `to`.
 * @returns The category.
 * @category Mapping
 */
export type StatusMapper = (status: JiraStatusLike) => StatusCategory;

/**
 * Builds the status mapping, with the caller's overrides on top of the defaults. An override is
 * keyed by a status id (`'10002'`) or a status name (case-insensitive); an id wins over a name.
 *
 * Order: `statusMap` by id, `statusMap` by name, {@link DEFAULT_JIRA_STATUS_NAMES}, then
 * {@link DEFAULT_JIRA_STATUS_CATEGORY_KEYS}; a status with none of these is `unknown`.
 *
 * @param statusMap - Overrides by status id or name.
 * @example
 * ```ts
 * const category = createStatusMapper({ 'Waiting for approval': 'waiting_for_user', '10005': 'closed' });
 * category({ id: '10010', name: 'Waiting for approval', statusCategory: { key: 'indeterminate' } }); // 'waiting_for_user'
 * category({ id: '3', name: 'In Progress', statusCategory: { key: 'indeterminate' } });             // 'in_progress'
 * ```
 *
 * @category Mapping
 */
export function createStatusMapper(statusMap: Readonly<Record<string, StatusCategory>> = {}): StatusMapper {
  const byCategoryKey = createCategoryMapper<StatusCategory>({ defaults: DEFAULT_JIRA_STATUS_CATEGORY_KEYS, fallback: 'unknown' });
  return createCategoryMapper<StatusCategory, JiraStatusLike>({
    overrides: statusMap,
    defaults: DEFAULT_JIRA_STATUS_NAMES,
    fallback: (status) => byCategoryKey({ name: status.statusCategory?.key }),
  });
}
