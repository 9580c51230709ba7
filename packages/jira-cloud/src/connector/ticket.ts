/**
 * A Jira issue as a `Ticket` of the shared model.
 *
 * @module
 */
import type { Ticket, UserRef } from '@itsm/core';
import { adfToText } from '../adf/index.js';
import type { Issue } from '../schemas/issues.js';
import type { JiraUser } from '../schemas/users.js';
import { jiraTimestamps } from './dates.js';
import { jiraPriorityLevel } from './priority-map.js';
import { createStatusMapper, type StatusMapper } from './status-map.js';
import { createTypeMapper, type TypeMapper } from './type-map.js';
import { JIRA_CLOUD } from '../provider.js';

/**
 * The fields the connector asks for when it reads issues: the system fields the mapping uses, and
 * `*navigable`, which brings the custom fields (`customfield_*`) that end up in `customFields`
 * (comments and attachments are not navigable, and are read only when asked for).
 *
 * @category Mapping
 */
export const TICKET_FIELDS: readonly string[] = Object.freeze([
  'summary',
  'description',
  'status',
  'issuetype',
  'priority',
  'reporter',
  'assignee',
  'created',
  'updated',
  'resolution',
  'resolutiondate',
  'project',
  'labels',
  '*navigable',
]);

/**
 * Options of {@link jiraIssueToTicket}.
 *
 * @category Mapping
 */
export interface IssueToTicketOptions {
  /** The status mapping. Default: {@link createStatusMapper} without overrides. */
  statusCategory?: StatusMapper | undefined;
  /** The issue type mapping. Default: {@link createTypeMapper} without overrides. */
  ticketType?: TypeMapper | undefined;
  /** The issue's web page (`client.browseUrl(key)`). */
  url?: string | undefined;
}

/**
 * A platform user as the model's `UserRef`: the account id, and the email and name when visible.
 *
 * @param user - The user, e.g. an issue's `reporter`.
 * @category Mapping
 */
export function jiraUserRef(user: JiraUser): UserRef {
  return {
    id: user.accountId,
    ...(user.emailAddress ? { email: user.emailAddress } : {}),
    ...(user.displayName ? { name: user.displayName } : {}),
  };
}

/**
 * Maps an issue (read with at least {@link TICKET_FIELDS}) to a `Ticket`:
 *
 * - `id` is the issue id, `key` the key, `url` the one given;
 * - `subject` the summary, `description` the ADF description as plain text;
 * - `status` the mapped category with the status as `native`; `priority` and `type` likewise;
 * - `requester` the reporter (for a JSM request raised on behalf of a customer, the customer),
 *   `assignee` the assignee; no `team` (Jira has no such system field);
 * - `createdAt`, `updatedAt` and `resolvedAt` (`resolutiondate`) in UTC (`…Z`);
 * - `customFields` every non-null `customfield_*` value; `raw` the issue untouched.
 *
 * @param issue - The issue.
 * @param options - Mappings and the web link.
 * @throws `ResponseShapeError` when the issue has no `created`/`updated` timestamp.
 * @example
 * ```ts
 * const issue = await jira.issues.get('HELP-1', { fields: [...TICKET_FIELDS] });
 * const ticket = jiraIssueToTicket(issue, { url: await jira.browseUrl(issue.key) });
 * ```
 *
 * @category Mapping
 */
export function jiraIssueToTicket(issue: Issue, options: IssueToTicketOptions = {}): Ticket {
  const statusCategory = options.statusCategory ?? createStatusMapper();
  const ticketType = options.ticketType ?? createTypeMapper();
  const fields = issue.fields;
  const status = fields.status;
  const customFields: Record<string, unknown> = {};
  for (const [id, value] of Object.entries(fields)) {
    if (id.startsWith('customfield_') && value !== null && value !== undefined) customFields[id] = value;
  }
  const description = fields.description ? adfToText(fields.description) : undefined;
  const priorityName = fields.priority?.name;
  const resolvedAt = jiraTimestamps.optional(fields.resolutiondate);
  return {
    provider: JIRA_CLOUD,
    id: issue.id,
    key: issue.key,
    ...(options.url === undefined ? {} : { url: options.url }),
    type: fields.issuetype ? ticketType(fields.issuetype) : 'other',
    subject: fields.summary ?? '',
    ...(description === undefined ? {} : { description }),
    status: status
      ? { category: statusCategory(status), native: { id: status.id, name: status.name } }
      : { category: 'unknown', native: { name: 'Unknown' } },
    ...(priorityName
      ? { priority: { level: jiraPriorityLevel(priorityName), native: { ...(fields.priority?.id ? { id: fields.priority.id } : {}), name: priorityName } } }
      : {}),
    ...(fields.reporter ? { requester: jiraUserRef(fields.reporter) } : {}),
    ...(fields.assignee ? { assignee: jiraUserRef(fields.assignee) } : {}),
    createdAt: jiraTimestamps.required(fields.created, 'fields.created', issue),
    updatedAt: jiraTimestamps.required(fields.updated, 'fields.updated', issue),
    ...(resolvedAt === undefined ? {} : { resolvedAt }),
    customFields,
    raw: issue,
  };
}
