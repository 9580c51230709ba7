// The entry point of `@itsm/jira-cloud`. The package is documented in its README.md, which the typedoc
// site shows as the package's page (a module comment here would show above it and repeat it).
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
  type ChangelogOptions,
  type IssueSearchOptions,
  type ListTransitionsOptions,
  type TransitionComment,
  type TransitionInput,
} from './resources/issues.js';
export {
  COMMENT_IDS_PER_REQUEST,
  IssueCommentsResource,
  JSM_PUBLIC_COMMENT_PROPERTY,
  type AddCommentInput,
  type CommentsByIdsOptions,
  type CommentVisibilityInput,
  type ListCommentsOptions,
  type UpdateCommentInput,
  type UpdateCommentOptions,
} from './resources/issue-comments.js';
export { IssueAttachmentsResource, MAX_FILES_PER_UPLOAD, type AttachmentUpload } from './resources/issue-attachments.js';
export { IssueWatchersResource } from './resources/issue-watchers.js';
export { IssueLinksResource, type NewIssueLink } from './resources/issue-links.js';
export { IssueRemoteLinksResource, type ListRemoteLinksOptions, type RemoteLinkInput } from './resources/issue-remote-links.js';
export {
  IssueWorklogsResource,
  type AdjustEstimate,
  type ListWorklogsOptions,
  type WorklogInput,
  type WorklogWriteOptions,
} from './resources/issue-worklogs.js';
export { RequestParticipantsResource } from './resources/service-desk-request-participants.js';
export { IssuePropertiesResource, PROPERTY_VALUE_MAX_BYTES } from './resources/issue-properties.js';
export { JIRA_ATTACHMENT_MAX_BYTES, JIRA_MAX_BODY_BYTES, JIRA_SUMMARY_MAX_LENGTH, JIRA_TEXT_MAX_LENGTH } from './limits.js';
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
export * from './schemas/collaboration.js';
export * from './schemas/transitions.js';
export * from './schemas/meta.js';
export * from './schemas/projects.js';
export * from './schemas/issues.js';
export * from './schemas/service-desk.js';
