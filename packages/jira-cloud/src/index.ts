/**
 * `@itsm/jira-cloud`: Jira Cloud platform REST v3 and Jira Service Management for the `@itsm` SDK.
 *
 * - {@link JiraCloudClient}: the native client (issues, JQL search, transitions, comments,
 *   attachments, users, service desks, request types, customer requests, customers, metadata), with
 *   Basic auth for classic and scoped API tokens, retries, typed errors and validated responses.
 * - Conversion between plain text, Markdown and the Atlassian Document Format (ADF) that REST v3
 *   uses for descriptions and comments.
 * - The {@link jql} tagged template, which quotes every interpolated value so user input can never
 *   change a query's structure.
 * - {@link createJiraConnector}: the project behind the shared `ItsmConnector` interface (tickets,
 *   JSM requests raised on behalf of customers, status mapping, transitions, public and internal
 *   comments, attachments, users and customers, the request-type catalog, a change feed, and
 *   `verifyAccess()` for the service-account setup).
 * - What its users need from `@itsm/core` (error classes, model types and schemas, `Paginator`,
 *   input types), re-exported: installing this package alone is enough.
 *
 * @packageDocumentation
 */
export * from './core-exports.js';
export * from './adf/index.js';
export * from './connector/index.js';
export * from './jql/index.js';
export { JiraCloudClient, type TimeZoneOptions } from './client.js';
export { JIRA_CLOUD } from './provider.js';
export type { MyselfOptions } from './resources/meta.js';
export {
  ATLASSIAN_GATEWAY_URL,
  JIRA_READ_ONLY_POSTS,
  JIRA_REQUEST_ID_HEADERS,
  type CallOptions,
  type JiraCloudClientOptions,
} from './options.js';
export { basicAuthorization } from './auth.js';
export { describeJiraError, inspectJiraResponse } from './errors.js';
/** Redirect handling now lives in the core transport; these stay exported for existing imports. */
export { followRedirectsSafely, MAX_REDIRECTS } from '@itsm/core';
export type { BodyFormat } from './internal/body.js';
export type {
  CreateIssuePayload,
  FieldOperation,
  IssuePayload,
  NewIssue,
  PropertyInput,
} from './new-issue.js';
export {
  DEFAULT_SEARCH_FIELDS,
  IssuesResource,
  type DeleteIssueOptions,
  type EditIssueOptions,
  type GetIssueOptions,
  type IssueSearchOptions,
  type ListTransitionsOptions,
  type TransitionComment,
  type TransitionInput,
} from './resources/issues.js';
export {
  IssueCommentsResource,
  JSM_PUBLIC_COMMENT_PROPERTY,
  type AddCommentInput,
  type CommentVisibilityInput,
  type ListCommentsOptions,
  type UpdateCommentInput,
  type UpdateCommentOptions,
} from './resources/issue-comments.js';
export { IssueAttachmentsResource, MAX_FILES_PER_UPLOAD, type AttachmentUpload } from './resources/issue-attachments.js';
export {
  UsersResource,
  type EmailLookupStatus,
  type FindByEmailResult,
  type ListUsersOptions,
} from './resources/users.js';
export {
  ServiceDeskResource,
  requestTypePortalUrl,
  type ListRequestTypesOptions,
  type ListServiceDeskOptions,
  type RequestTypeFieldsOptions,
} from './resources/service-desk.js';
export {
  ServiceDeskRequestsResource,
  type GetCustomerRequestOptions,
  type NewCustomerRequest,
} from './resources/service-desk-requests.js';
export {
  RequestCommentsResource,
  type AddRequestCommentInput,
  type ListRequestCommentsOptions,
} from './resources/service-desk-request-comments.js';
export { RequestTransitionsResource, type PerformCustomerTransitionInput } from './resources/service-desk-request-transitions.js';
export {
  ServiceDeskCustomersResource,
  type CreateCustomerOptions,
  type ListCustomersOptions,
  type NewCustomer,
} from './resources/service-desk-customers.js';
export { ProjectsResource, type GetProjectOptions } from './resources/projects.js';
export * from './schemas/common.js';
export * from './schemas/users.js';
export * from './schemas/attachments.js';
export * from './schemas/comments.js';
export * from './schemas/transitions.js';
export * from './schemas/meta.js';
export * from './schemas/projects.js';
export * from './schemas/issues.js';
export * from './schemas/service-desk.js';
