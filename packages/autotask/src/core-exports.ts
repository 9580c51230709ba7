/**
 * What users of this package need from `@itsm/core`, re-exported so that `npm install
 * @itsm/autotask` alone is enough, also where a package may only import its own dependencies
 * (pnpm's strict layout, Yarn Plug'n'Play): every error class, the model types and schemas,
 * `Paginator` and `Page`, the connector interface, and the input types of its methods. They are the
 * very objects `@itsm/core` exports (`instanceof` and identity hold).
 *
 * The status categories and comment visibilities of the model are re-exported too (`StatusCategory`,
 * `CommentVisibility`), since the connector's options (`statusMap`) are written in them; so are the
 * transport's limit types a client's `limits` option takes.
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
  StatusCategorySchema,
  TicketSchema,
  UserSchema,
  type AccessCheck,
  type AccessCheckStatus,
  type AccessReport,
  type Attachment,
  type CatalogItem,
  type Comment,
  type CommentVisibility,
  type NativeValue,
  type PriorityLevel,
  type ProviderId,
  type StatusCategory,
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
export { Paginator, type Page } from '@itsm/core';
export type { BudgetSlowDown, BudgetStore, BudgetUsage, ConcurrencyStore, RequestGate } from '@itsm/core';
export type { FileContent } from '@itsm/core/provider';
export type { ChangesOptions, ChangesResult, ConnectorCapabilities, ConnectorLimits, IdempotencySupport, ItsmConnector, WatchOptions } from '@itsm/core';
