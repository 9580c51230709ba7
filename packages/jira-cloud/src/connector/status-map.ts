/**
 * How a Jira status becomes a `StatusCategory` of the shared model: the status category Jira
 * gives it (`new`, `indeterminate`, `done`), corrected by the status's name where the category says
 * too little (Jira has no "waiting" and no "closed" category), and by the caller's `statusMap`.
 *
 * @module
 */
import type { StatusCategory } from '@itsm/core';
import { own } from './records.js';

/**
 * The category of a Jira status category key: `new` (To Do) is `open`, `indeterminate` (In
 * Progress) is `in_progress`, `done` is `resolved`, `undefined` (No Category) is `unknown`.
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

/** What the mapping reads of a Jira status: its id, its name and its category key. */
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
 */
export type StatusMapper = (status: JiraStatusLike) => StatusCategory;

/** Lower-cases and collapses white space and typographic apostrophes, for name comparisons. */
export function normaliseName(name: string): string {
  return name.trim().toLowerCase().replace(/\s+/g, ' ').replace(/[\u2018\u2019]/g, "'");
}

/**
 * A lookup in overrides keyed by id (all digits) or by name (compared with {@link normaliseName});
 * an id wins over a name.
 *
 * @param overrides - The overrides, e.g. the `statusMap` or `typeMap` option.
 * @internal
 */
export function overrideLookup<T>(overrides: Readonly<Record<string, T>>): (item: { id?: string | undefined; name: string }) => T | undefined {
  const byId = new Map<string, T>();
  const byName = new Map<string, T>();
  for (const [key, value] of Object.entries(overrides)) {
    if (/^\d+$/.test(key.trim())) byId.set(key.trim(), value);
    else byName.set(normaliseName(key), value);
  }
  return (item) => (item.id === undefined ? undefined : byId.get(item.id)) ?? byName.get(normaliseName(item.name));
}

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
 */
export function createStatusMapper(statusMap: Readonly<Record<string, StatusCategory>> = {}): StatusMapper {
  const override = overrideLookup(statusMap);
  return (status) => {
    const named = override(status) ?? own(DEFAULT_JIRA_STATUS_NAMES, normaliseName(status.name));
    if (named !== undefined) return named;
    const key = status.statusCategory?.key;
    return (key === undefined ? undefined : own(DEFAULT_JIRA_STATUS_CATEGORY_KEYS, key)) ?? 'unknown';
  };
}
