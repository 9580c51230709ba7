/**
 * The {@link ItsmConnector} interface: one shape for working with tickets, comments, attachments,
 * users and the service catalog in any provider. Each provider package ships a factory that
 * returns one (`createJiraConnector`, `createAutotaskConnector`, `createIvantiConnector`).
 *
 * @module
 */
import type { ChangesOptions, ChangesResult, WatchOptions } from './changes.js';
import { UnsupportedError } from './errors.js';
import type {
  CommentInput,
  CreateTicketInput,
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
 */
export interface ConnectorCapabilities {
  /** `catalog.list()` serves request offerings / request types. */
  catalog: boolean;
  /** `attachments.*` work. */
  attachments: boolean;
  /** Comments can be internal (agents only), not just public. */
  internalComments: boolean;
  /** `users.search()` searches by free text. */
  userSearch: boolean;
}

/** Ticket operations of a connector. */
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
   * @throws {@link InputError} for bad input, before any request.
   */
  create(input: CreateTicketInput): Promise<Ticket>;
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

/** Comment operations of a connector. */
export interface CommentOperations {
  /** Comments on a ticket, oldest first. */
  list(ticketIdOrKey: string): Paginator<Comment>;
  /**
   * Adds a comment, public by default.
   *
   * @throws {@link UnsupportedError} for an internal comment where the provider has none.
   */
  add(ticketIdOrKey: string, comment: CommentInput): Promise<Comment>;
}

/** Attachment operations of a connector. */
export interface AttachmentOperations {
  /** Files attached to a ticket. */
  list(ticketIdOrKey: string): Paginator<Attachment>;
  /** Attaches a file to a ticket. */
  upload(ticketIdOrKey: string, file: FileInput): Promise<Attachment>;
  /** Downloads an attachment's bytes. */
  download(ticketIdOrKey: string, attachmentId: string): Promise<Uint8Array>;
}

/** User operations of a connector. */
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

/** Service-catalog operations of a connector. */
export interface CatalogOperations {
  /**
   * Items of the service catalog, each with a direct link to its request form.
   *
   * @param options - `forUser`: only items this person (email or id) may request, where the provider can tell.
   */
  list(options?: { forUser?: string }): Paginator<CatalogItem>;
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
 */
export interface ItsmConnector {
  /** The provider this connector talks to. */
  readonly provider: ProviderId;
  /** What it can do; see {@link ConnectorCapabilities}. */
  readonly capabilities: ConnectorCapabilities;
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
 */
export function unsupported(provider: ProviderId, capability: string, why?: string): UnsupportedError {
  const reason = why ? `: ${why}` : '';
  return new UnsupportedError(`${provider} does not support ${capability}${reason}`, { provider, capability });
}
