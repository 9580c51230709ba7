/**
 * The {@link ItsmConnector} interface: one shape for working with tickets, comments, attachments,
 * users and the service catalog in any provider. Each provider package ships a factory that
 * returns one (`createJiraConnector`, `createAutotaskConnector`, `createIvantiConnector`).
 *
 * @module
 */
import type { ChangesOptions, ChangesResult, WatchOptions } from './changes.js';
import { UnsupportedError } from './errors.js';
import type { CatalogSubmitOptions, ChoicesQuery, FormAnswers } from './form-inputs.js';
import type { CatalogForm, FormChoice } from './forms.js';
import type {
  AddCommentOptions,
  CommentInput,
  CreateTicketInput,
  CreateTicketOptions,
  FileInput,
  TicketQuery,
  TransitionOptions,
  UpdateTicketInput,
} from './inputs.js';
import type {
  AccessReport,
  Attachment,
  CatalogItem,
  Comment,
  ProviderId,
  StatusCategory,
  Ticket,
  User,
} from './model.js';
import type { Paginator } from './paginate.js';

/**
 * What a connector can do. A method whose capability is `false` throws {@link UnsupportedError};
 * it never silently does nothing.
 *
 * @category Connector
 */
export interface ConnectorCapabilities {
  /**
   * `catalog.*` work: `list()` serves request offerings / request types, `form()` reads their forms
   * and `submit()` raises a request from one on an employee's behalf.
   */
  catalog: boolean;
  /** `attachments.*` work. */
  attachments: boolean;
  /** Comments can be internal (agents only), not just public. */
  internalComments: boolean;
  /** `users.search()` searches by free text. */
  userSearch: boolean;
  /** How `tickets.create()` keeps its idempotency key with the ticket; see {@link IdempotencySupport}. */
  createIdempotency: IdempotencySupport;
  /** How `comments.add()` keeps its idempotency key with the comment; see {@link IdempotencySupport}. */
  commentIdempotency: IdempotencySupport;
  /** How `catalog.submit()` keeps its idempotency key with the request it raises; see {@link IdempotencySupport}. */
  submitIdempotency: IdempotencySupport;
}

/**
 * How a connector keeps a write's idempotency key with the record the write makes, and so what the
 * key guarantees:
 *
 * - `atomic`: the write itself stores the key (a Jira issue or comment property, Autotask's
 *   `externalID`). A second write with the key returns the record the first one made, and a write
 *   whose answer was lost is looked up and returned (or fails with an `OutcomeUnknownError` when it
 *   cannot be found: then it was most likely not made, and calling again with the key is safe).
 * - `after-write`: a request right after the write stores the key (Jira Service Management requests
 *   cannot carry it). A second write with the key returns the first record once the key is stored;
 *   a write whose answer was lost cannot be recognised, and fails with an `OutcomeUnknownError` that
 *   says how to find the record.
 * - `none`: the provider cannot keep it. Giving a key is an `UnsupportedError`; a write whose answer
 *   was lost fails with an `OutcomeUnknownError` that says how to find the record.
 *
 * @category Connector
 */
export type IdempotencySupport = 'atomic' | 'after-write' | 'none';

/**
 * The sizes a connector refuses before sending, because its provider would refuse them: an
 * `InputError` naming the field instead of a 400 or a 413 after the upload. Lengths count UTF-16
 * code units (JavaScript's `length`), as the providers do.
 *
 * @category Connector
 */
export interface ConnectorLimits {
  /** The longest ticket subject, in characters (Jira: 255). */
  subject: number;
  /** The longest ticket description, in characters (Jira: 32,767). */
  description: number;
  /** The longest comment body, in characters (Jira: 32,767). */
  comment: number;
  /** The largest attachment, in bytes. */
  attachmentBytes: number;
}

/**
 * Ticket operations of a connector.
 *
 * @category Connector
 */
export interface TicketOperations {
  /**
   * Reads one ticket by its id or its key.
   *
   * @throws {@link NotFoundError} when there is no such ticket.
   */
  get(idOrKey: string): Promise<Ticket>;
  /**
   * Creates a ticket. With `input.status`, the ticket is then moved to that category, so a bot can
   * log a request it already solved.
   *
   * With `options.idempotencyKey` (one is generated when none is given), the create is safe to
   * repeat: a ticket that already carries the key is returned as it is now, instead of a second one
   * being made, and a create whose answer was lost is looked up and returned. What the key can
   * promise depends on the provider: see {@link ConnectorCapabilities.createIdempotency}.
   *
   * @throws {@link InputError} for bad input, before any request.
   * @throws {@link OutcomeUnknownError} when the create's answer was lost and the ticket could not be found.
   * @throws {@link IncompleteCreateError} when the ticket was made but a step after it failed.
   */
  create(input: CreateTicketInput, options?: CreateTicketOptions): Promise<Ticket>;
  /** Changes the fields given in `patch` and returns the updated ticket. */
  update(idOrKey: string, patch: UpdateTicketInput): Promise<Ticket>;
  /** Lists tickets matching every filter of the query, newest update first by default. */
  list(query?: TicketQuery): Paginator<Ticket>;
  /**
   * Moves a ticket to a status category (reopening it when it is resolved or closed and `to` is
   * `open` or `in_progress`) and returns it. Moving to the category it is already in is a no-op.
   *
   * @throws {@link UnsupportedError} when the workflow has no way to reach `to`.
   */
  transition(idOrKey: string, to: StatusCategory, options?: TransitionOptions): Promise<Ticket>;
  /**
   * Ticket versions changed since a cursor (or a date), without loss or duplicates. Store the
   * returned cursor and pass it to the next call. See {@link createChangeFeed}.
   */
  changes(options?: ChangesOptions): Promise<ChangesResult<Ticket>>;
  /** Polls {@link TicketOperations.changes} and yields each changed ticket version once, until the signal aborts. */
  watch(options?: WatchOptions): AsyncIterable<Ticket>;
}

/**
 * Comment operations of a connector.
 *
 * @category Connector
 */
export interface CommentOperations {
  /** Comments on a ticket, oldest first. */
  list(ticketIdOrKey: string): Paginator<Comment>;
  /**
   * Adds a comment, public by default. `options.idempotencyKey` makes it safe to repeat, as for
   * `tickets.create()`; see {@link ConnectorCapabilities.commentIdempotency}.
   *
   * @throws {@link UnsupportedError} for an internal comment where the provider has none.
   * @throws {@link OutcomeUnknownError} when the comment's answer was lost and it could not be found.
   */
  add(ticketIdOrKey: string, comment: CommentInput, options?: AddCommentOptions): Promise<Comment>;
}

/**
 * Attachment operations of a connector.
 *
 * @category Connector
 */
export interface AttachmentOperations {
  /** Files attached to a ticket. */
  list(ticketIdOrKey: string): Paginator<Attachment>;
  /** Attaches a file to a ticket. */
  upload(ticketIdOrKey: string, file: FileInput): Promise<Attachment>;
  /** Downloads an attachment's bytes. */
  download(ticketIdOrKey: string, attachmentId: string): Promise<Uint8Array>;
}

/**
 * User operations of a connector.
 *
 * @category Connector
 */
export interface UserOperations {
  /**
   * Reads one user by id.
   *
   * @throws {@link NotFoundError} when there is no such user.
   */
  get(id: string): Promise<User>;
  /**
   * Finds the one user with this email address (case-insensitive), or `null`.
   *
   * @throws {@link AmbiguousMatchError} when several users have it.
   */
  findByEmail(email: string): Promise<User | null>;
  /** Users whose name or email matches the text. */
  search(text: string): Paginator<User>;
}

/**
 * Service-catalog operations of a connector: the items, their request forms, and raising a request
 * from one on an employee's behalf.
 *
 * @category Connector
 *
 * @example
 * ```ts
 * const [item] = await connector.catalog.list({ forUser: 'ann@example.com' }).take(1).toArray({ limit: 1 });
 * const form = await connector.catalog.form(item!.id);
 * const answers: Record<string, FormAnswer> = {};
 * for (const field of form.fields) answers[field.id] = await askTheEmployee(field);
 * const ticket = await connector.catalog.submit(item!.id, answers, { forUser: 'ann@example.com' });
 * console.log(ticket.key, ticket.url);
 * ```
 */
export interface CatalogOperations {
  /**
   * Items of the service catalog, each with a direct link to its request form.
   *
   * @param options - `forUser`: only items this person (email or id) may request, where the provider can tell.
   */
  list(options?: { forUser?: string }): Paginator<CatalogItem>;
  /**
   * The request form of a catalog item: its fields in order, each with its kind, whether it is
   * required (always or on a condition), its default, its choices (or that they are read on demand)
   * and its constraints. Forms are kept for a few minutes, so that `submit()` right after checks the
   * answers without reading the form again.
   *
   * @param itemId - The catalog item's id (`CatalogItem.id`).
   * @throws {@link NotFoundError} when there is no such item.
   */
  form(itemId: string): Promise<CatalogForm>;
  /**
   * The choices of a field whose choices are read on demand (`choicesOnDemand`: lists the provider
   * pages or filters, dependent lists, people), or of any choice field. A dependent list is narrowed
   * by the answers its `dependsOn` names, and is empty until they are given.
   *
   * @param itemId - The catalog item's id.
   * @param fieldId - The field's id.
   * @param query - `answers` so far, `search` text.
   * @throws {@link InputError} for a field that is not on the form or takes no choices, before any request for it.
   */
  choices(itemId: string, fieldId: string, query?: ChoicesQuery): Paginator<FormChoice>;
  /**
   * Raises a request from a catalog item on an employee's behalf, with the answers to its form,
   * and returns the ticket it made. The answers are checked against the form first (see
   * `checkFormAnswers`): every bad answer is named in one {@link InputError}, before any write.
   * Attachments answered are attached to the ticket right after it is made.
   *
   * Never sent twice by the SDK. With `options.idempotencyKey` (one is generated when none is given),
   * a submit whose answer was lost is recovered as `tickets.create()`'s is; what the key can promise
   * is {@link ConnectorCapabilities.submitIdempotency}.
   *
   * @param itemId - The catalog item's id.
   * @param answers - The answers by field id; see {@link FormAnswer}.
   * @param options - `forUser`: the employee; `idempotencyKey`.
   * @throws {@link InputError} naming every bad answer, or a bad option, before any write.
   * @throws {@link OutcomeUnknownError} when the submit's answer was lost and its request could not be found.
   * @throws {@link IncompleteCreateError} when the request was made but attaching a file to it failed.
   */
  submit(itemId: string, answers: FormAnswers, options: CatalogSubmitOptions): Promise<Ticket>;
}

/**
 * One provider behind the shared model.
 *
 * @example
 * ```ts
 * const ticket = await connector.tickets.create({
 *   subject: 'VPN drops every hour',
 *   requester: 'ann@example.com',
 * });
 * await connector.comments.add(ticket.id, { body: 'Looking into it', visibility: 'internal' });
 * await connector.tickets.transition(ticket.id, 'in_progress');
 * for await (const mine of connector.tickets.list({ requester: 'ann@example.com' }).take(5)) {
 *   console.log(mine.key, mine.status.category, mine.url);
 * }
 * ```
 *
 * @category Connector
 */
export interface ItsmConnector {
  /** The provider this connector talks to. */
  readonly provider: ProviderId;
  /** What it can do; see {@link ConnectorCapabilities}. */
  readonly capabilities: ConnectorCapabilities;
  /** The sizes it refuses before sending; see {@link ConnectorLimits}. */
  readonly limits: ConnectorLimits;
  /** Tickets. */
  readonly tickets: TicketOperations;
  /** Comments on tickets. */
  readonly comments: CommentOperations;
  /** Files attached to tickets. */
  readonly attachments: AttachmentOperations;
  /** People. */
  readonly users: UserOperations;
  /** The service catalog. */
  readonly catalog: CatalogOperations;
  /** Checks the service account's setup against what the SDK needs; see {@link AccessReport}. */
  verifyAccess(): Promise<AccessReport>;
}

/**
 * Builds the {@link UnsupportedError} a connector throws for a capability it lacks.
 *
 * @param provider - The connector's provider.
 * @param capability - The capability, e.g. `catalog`.
 * @param why - Optional explanation, e.g. what to configure to enable it.
 * @category Connector
 */
export function unsupported(provider: ProviderId, capability: string, why?: string): UnsupportedError {
  const reason = why ? `: ${why}` : '';
  return new UnsupportedError(`${provider} does not support ${capability}${reason}`, { provider, capability });
}
