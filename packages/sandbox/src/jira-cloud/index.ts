/**
 * The Jira Cloud simulator of `@itsm/sandbox`: Jira Cloud platform REST v3 and Jira Service
 * Management (`/rest/servicedeskapi`) over one seeded, stateful store.
 *
 * @module
 */
export { jiraCloudSimulator, type JiraConnectorOptions } from './simulator.js';
export { sandboxCloudId } from './gateway.js';
export type { JiraCredentials } from './auth.js';
export type {
  JiraState,
  JiraFacts,
  JiraSettings,
  RateLimitSettings,
  JiraUser,
  Issue,
  IssueComment,
  Attachment,
  Project,
  ServiceDesk,
  ChangeHistory,
  EntityProperty,
  CommentVisibility,
  ChangeItem,
} from './store.js';
export type { AdfDocument, AdfNode } from './adf.js';
export { DEFAULT_TICKETS, SERVICE_ACCOUNT_TIME_ZONE, SERVICE_DESK_ID, SERVICE_PROJECT_KEY, SOFTWARE_PROJECT_KEY } from './seed.js';
