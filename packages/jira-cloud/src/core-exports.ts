/**
 * What users of this package need from `@itsm/core`, re-exported so that `npm install
 * @itsm/jira-cloud` alone is enough, also where a package may only import its own dependencies
 * (pnpm's strict layout, Yarn Plug'n'Play): every error class, the model types and schemas,
 * `Paginator` and `Page`, the connector interface, the input types of its methods, and the catalog
 * form model with `checkFormAnswers` and `formFieldStatus`. They are the
 * very objects `@itsm/core` exports (`instanceof` and identity hold).
 *
 * Core's `StatusCategory` and `CommentVisibility` (and their schemas) are not re-exported: this
 * package's own `StatusCategory` and `CommentVisibility` are Jira's. Use `Ticket['status']['category']`
 * and `Comment['visibility']`, or import them from `@itsm/core`.
 *
 * @module
 */
export {
  AmbiguousMatchError,
  ApiError,
  AuthenticationError,
  BudgetExceededError,
  ConflictError,
  ConnectionError,
  IncompleteCreateError,
  InputError,
  ItsmError,
  NotFoundError,
  OutcomeUnknownError,
  PermissionError,
  RateLimitError,
  ResponseShapeError,
  ServerError,
  TimeoutError,
  UnsupportedError,
  ValidationError,
  type RequestOutcome,
  type SchemaIssue,
} from '@itsm/core';
export {
  AttachmentSchema,
  CatalogItemSchema,
  CommentSchema,
  TicketSchema,
  UserSchema,
  type AccessCheck,
  type AccessCheckStatus,
  type AccessReport,
  type Attachment,
  type CatalogItem,
  type Comment,
  type NativeValue,
  type PriorityLevel,
  type ProviderId,
  type Ticket,
  type TicketType,
  type User,
  type UserKind,
  type UserRef,
} from '@itsm/core';
export {
  type AddCommentOptions,
  type CommentInput,
  type CreateTicketInput,
  type CreateTicketOptions,
  type FileInput,
  type PersonInput,
  type PriorityInput,
  type StatusInput,
  type TicketQuery,
  type TransitionOptions,
  type UpdateTicketInput,
} from '@itsm/core';
export {
  CatalogFormSchema,
  checkFormAnswers,
  formFieldStatus,
  type CatalogForm,
  type CatalogSubmitOptions,
  type CheckedAnswer,
  type ChoicesQuery,
  type FormAnswer,
  type FormAnswers,
  type FormChoice,
  type FormCondition,
  type FormField,
  type FormFieldKind,
} from '@itsm/core';
export { Paginator, type Page } from '@itsm/core';
export type { ChangesOptions, ChangesResult, ConnectorCapabilities, ConnectorLimits, IdempotencySupport, ItsmConnector, WatchOptions } from '@itsm/core';
