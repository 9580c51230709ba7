/**
 * The connector: Jira Cloud and Jira Service Management behind the shared `ItsmConnector`.
 *
 * @module
 */
export { createJiraConnector, type JiraConnector } from './connector.js';
export type { JiraConnectorOptions, JiraConnectorSettings } from './options.js';
export {
  DEFAULT_JIRA_STATUS_CATEGORY_KEYS,
  DEFAULT_JIRA_STATUS_NAMES,
  createStatusMapper,
  type JiraStatusLike,
  type StatusMapper,
} from './status-map.js';
export { DEFAULT_JIRA_PRIORITY_LEVELS, DEFAULT_JIRA_PRIORITY_NAMES, jiraPriorityLevel } from './priority-map.js';
export { DEFAULT_JIRA_ISSUE_TYPES, createTypeMapper, type JiraIssueTypeLike, type TypeMapper } from './type-map.js';
export { jiraTimestampToUtc } from './dates.js';
export { TICKET_FIELDS, jiraIssueToTicket, jiraUserRef, type IssueToTicketOptions } from './ticket.js';
export { jiraCommentToComment, jiraCommentVisibility } from './comments.js';
export { jiraAttachmentToAttachment } from './attachments.js';
export { requestTypeToCatalogItem } from './catalog.js';
export { jiraUserKind, jiraUserToUser } from './users.js';
export { PREFERRED_TRANSITION_NAMES, planTransition, type TransitionContext, type TransitionPlan } from './transition.js';
export { JIRA_ACCESS_CHECKS, RECOMMENDED_TIME_ZONE, isUtcLikeTimeZone, type JiraAccessCheckId } from './access-checks.js';
