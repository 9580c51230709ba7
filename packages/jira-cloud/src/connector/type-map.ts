/**
 * Issue types: Jira issue type names to the model's ticket types, with the caller's `typeMap`.
 *
 * @module
 */
import type { TicketType } from '@itsm/core';
import { createCategoryMapper } from '@itsm/core/provider';

/**
 * The ticket type of a Jira issue type name (compared case-insensitively); any other name is `other`.
 *
 * | Jira issue type | type |
 * |---|---|
 * | Incident | `incident` |
 * | Service Request, Service Request with Approvals, Request | `service_request` |
 * | Problem | `problem` |
 * | Change | `change` |
 * | Task, Sub-task, Subtask | `task` |
 *
 * @category Mapping
 */
export const DEFAULT_JIRA_ISSUE_TYPES: Readonly<Record<string, TicketType>> = Object.freeze({
  incident: 'incident',
  'service request': 'service_request',
  'service request with approvals': 'service_request',
  request: 'service_request',
  problem: 'problem',
  change: 'change',
  task: 'task',
  'sub-task': 'task',
  subtask: 'task',
});

/**
 * What the mapping reads of an issue type: its id and its name.
 *
 * @category Mapping
 */
export interface JiraIssueTypeLike {
  /** The issue type id, e.g. `10003`. */
  id?: string | undefined;
  /** The issue type name, e.g. `Incident`. */
  name: string;
}

/**
 * Maps Jira issue types to ticket types. Build one with {@link createTypeMapper}.
 *
 * @param issueType - The issue type, as in an issue's `issuetype` field.
 * @category Mapping
 */
export type TypeMapper = (issueType: JiraIssueTypeLike) => TicketType;

/**
 * Builds the issue type mapping, with the caller's overrides (keyed by issue type id or name,
 * case-insensitive) on top of {@link DEFAULT_JIRA_ISSUE_TYPES}.
 *
 * @param typeMap - Overrides by issue type id or name.
 * @example
 * ```ts
 * const type = createTypeMapper({ Bug: 'incident' });
 * type({ name: 'Bug' });      // 'incident'
 * type({ name: 'Incident' }); // 'incident'
 * type({ name: 'Epic' });     // 'other'
 * ```
 *
 * @category Mapping
 */
export function createTypeMapper(typeMap: Readonly<Record<string, TicketType>> = {}): TypeMapper {
  return createCategoryMapper<TicketType, JiraIssueTypeLike>({ overrides: typeMap, defaults: DEFAULT_JIRA_ISSUE_TYPES, fallback: 'other' });
}
