/**
 * The error hierarchy shared by every `@itsm` package.
 *
 * ```
 * ItsmError
 *   ApiError                 (the service answered with a failure)
 *     AuthenticationError    401, and provider quirks that mean the same
 *     PermissionError        403
 *     NotFoundError          404, and provider quirks that mean the same
 *     ValidationError        400 / 422
 *     ConflictError          409
 *     RateLimitError         429
 *     ServerError            5xx
 *   ConnectionError          no response: network failure, reset, DNS
 *   TimeoutError             no response in time
 *   BudgetExceededError      a request budget (e.g. Autotask's hourly one) would be overshot
 *   ResponseShapeError       a response that does not fit its schema
 *   InputError               bad input, rejected before any request
 *   AmbiguousMatchError      a lookup that should find one record found several
 *   UnsupportedError         a capability the provider does not have
 *   IncompleteCreateError    a ticket was created, but a step after it failed
 *   OutcomeUnknownError      a create whose answer was lost: the record may exist
 * ```
 *
 * `instanceof` works across realms and across duplicated copies of this package (ESM and CJS loaded
 * side by side): every error carries a brand registered with `Symbol.for`. Errors never hold a
 * secret: the transport redacts messages, URLs and bodies before it builds them, and neither
 * `toJSON()` nor `util.inspect` shows the original cause of a failure.
 *
 * @module
 */
import type { ProviderId, Ticket } from './model.js';

const BRAND = Symbol.for('@itsm/core/error-kinds');
const INSPECT = Symbol.for('nodejs.util.inspect.custom');

/**
 * What a failed request did on the server, as far as the SDK can tell:
 * - `not_applied`: nothing changed. The request never left (bad input, refused connection, unknown
 *   host, a budget or a concurrency wait that ran out), the service refused it (a 4xx), or it only
 *   read (GET, HEAD, OPTIONS and the read-only POSTs of searches and queries);
 * - `unknown`: a write that may have been applied but whose answer was lost (a reset connection, a
 *   timeout, a 5xx). Check before sending it again: a create may have made its record;
 * - `applied`: the service accepted the write (a 2xx), but its answer could not be read or did not
 *   fit (a broken body, an unexpected shape). Do not send it again.
 *
 * @example
 * ```ts
 * try { await jira.issues.create(newIssue); }
 * catch (error) {
 *   if (error instanceof ItsmError && error.outcome === 'unknown') await lookForTheIssueBeforeRetrying();
 *   else throw error;
 * }
 * ```
 *
 * @category Errors
 */
export type RequestOutcome = 'not_applied' | 'unknown' | 'applied';

/**
 * Options every {@link ItsmError} accepts.
 *
 * @category Errors
 */
export interface ItsmErrorOptions {
  /** The provider the failure came from, when there is one. */
  provider?: ProviderId | undefined;
  /** The underlying failure. Kept out of `toJSON()` and `util.inspect` output. */
  cause?: unknown;
  /** What the failed request did on the server; see {@link RequestOutcome}. */
  outcome?: RequestOutcome | undefined;
}

type ErrorClass = { readonly kind: string; prototype: ItsmError };

/**
 * Base class of every error the SDK throws.
 *
 * @example
 * ```ts
 * try { await connector.tickets.get('HELP-1'); }
 * catch (error) {
 *   if (error instanceof NotFoundError) return null;
 *   if (error instanceof ItsmError) console.error(error.toJSON());
 *   throw error;
 * }
 * ```
 *
 * @category Errors
 */
export class ItsmError extends Error {
  /** Stable identifier of the class, used for cross-realm `instanceof`. */
  static readonly kind: string = 'ItsmError';
  /** The provider the failure came from, when there is one. */
  readonly provider: ProviderId | undefined;
  /**
   * What the failed request did on the server (`not_applied`, `unknown`, `applied`), when the error
   * comes from a request; see {@link RequestOutcome}. `undefined` for errors that are not about one
   * request (e.g. {@link AmbiguousMatchError}).
   */
  readonly outcome: RequestOutcome | undefined;
  declare readonly [BRAND]: readonly string[];

  constructor(message: string, options: ItsmErrorOptions = {}) {
    super(message);
    const kinds: string[] = [];
    for (let cls = new.target as unknown as ErrorClass | null; cls && 'kind' in cls; cls = Object.getPrototypeOf(cls)) {
      if (!kinds.includes(cls.kind)) kinds.push(cls.kind);
    }
    Object.defineProperty(this, BRAND, { value: Object.freeze(kinds), enumerable: false });
    Object.defineProperty(this, 'name', { value: kinds[0] ?? 'ItsmError', enumerable: false, configurable: true, writable: true });
    if (options.cause !== undefined) {
      Object.defineProperty(this, 'cause', { value: options.cause, enumerable: false, configurable: true, writable: true });
    }
    this.provider = options.provider;
    this.outcome = options.outcome;
  }

  /** `instanceof` that also recognises errors from another copy or realm of this package. */
  static override [Symbol.hasInstance](value: unknown): boolean {
    if (Function.prototype[Symbol.hasInstance].call(this, value)) return true;
    if (value === null || typeof value !== 'object') return false;
    const kinds = (value as { [BRAND]?: unknown })[BRAND];
    return Array.isArray(kinds) && kinds.includes((this as unknown as ErrorClass).kind);
  }

  /** A plain, secret-free object for logging and serialisation. The `cause` is left out. */
  toJSON(): Record<string, unknown> {
    const json: Record<string, unknown> = { name: this.name, message: this.message };
    for (const [key, value] of Object.entries(this)) {
      if (value !== undefined) json[key] = value;
    }
    return json;
  }

  /**
   * `util.inspect` shows the same fields as `toJSON()`, plus the stack, and never the cause. The
   * fields are shown with `util.inspect` itself, so that a field JSON cannot hold (a cycle, a
   * `BigInt`) is shown rather than making the inspection throw.
   *
   * @param _depth - How deep `util.inspect` still goes (unused: the fields show as deep as an
   * error's own properties would).
   * The parameters are typed structurally, not with `node:util`'s types, so that the published
   * declarations need no `@types/node`.
   *
   * @param options - The options of the `util.inspect` call, passed on as they are.
   * @param show - `util.inspect`, as Node passes it.
   */
  [INSPECT](_depth: number, options: object, show: (value: unknown, options: object) => string): string {
    const { name: _name, message: _message, ...fields } = this.toJSON();
    const extra = Object.keys(fields).length > 0 ? ` ${show(fields, options)}` : '';
    return `${this.stack ?? `${this.name}: ${this.message}`}${extra}`;
  }
}

/**
 * Options of an {@link ApiError}: what the service answered.
 *
 * @category Errors
 */
export interface ApiErrorOptions extends ItsmErrorOptions {
  /** HTTP status of the response. */
  status: number;
  /** HTTP method of the request, upper case. */
  method: string;
  /** URL of the request, with credentials removed. */
  url: string;
  /** The service's request or correlation id, for support tickets. */
  requestId?: string | undefined;
  /** The response body (parsed JSON or text), redacted. */
  body?: unknown;
  /** Human-readable messages found in the body. */
  messages?: string[] | undefined;
  /** Messages per field found in the body, keyed by the provider's field name. */
  fieldErrors?: Record<string, string[]> | undefined;
  /** How long the service asked to wait before trying again (`Retry-After`), in milliseconds. */
  retryAfterMs?: number | undefined;
}

/**
 * The service answered with a failure. The subclass tells which kind.
 *
 * @category Errors
 */
export class ApiError extends ItsmError {
  static override readonly kind: string = 'ApiError';
  /** HTTP status of the response. */
  readonly status: number;
  /** HTTP method of the request, upper case. */
  readonly method: string;
  /** URL of the request, with credentials removed. */
  readonly url: string;
  /** The service's request or correlation id. */
  readonly requestId: string | undefined;
  /** The response body (parsed JSON or text), redacted. */
  readonly body: unknown;
  /** Human-readable messages found in the body. */
  readonly messages: string[];
  /** Messages per field found in the body. */
  readonly fieldErrors: Record<string, string[]>;
  /**
   * How long the service asked to wait before trying again, in milliseconds, when it said
   * (`Retry-After` on a 429 or 503). Set when retries ran out or the wait was longer than allowed.
   */
  readonly retryAfterMs: number | undefined;

  constructor(message: string, options: ApiErrorOptions) {
    super(message, options);
    this.status = options.status;
    this.method = options.method;
    this.url = options.url;
    this.requestId = options.requestId;
    this.body = options.body;
    this.messages = options.messages ?? [];
    this.fieldErrors = options.fieldErrors ?? {};
    this.retryAfterMs = options.retryAfterMs;
  }
}

/**
 * 401, or a provider's equivalent: the credentials were not accepted.
 *
 * @category Errors
 */
export class AuthenticationError extends ApiError {
  static override readonly kind: string = 'AuthenticationError';
}

/**
 * 403: the credentials are valid but lack a permission.
 *
 * @category Errors
 */
export class PermissionError extends ApiError {
  static override readonly kind: string = 'PermissionError';
}

/**
 * 404, or a provider's equivalent: the record does not exist or is not visible.
 *
 * @category Errors
 */
export class NotFoundError extends ApiError {
  static override readonly kind: string = 'NotFoundError';
}

/**
 * 400 / 422: the service rejected the request's content. See `messages` and `fieldErrors`.
 *
 * @category Errors
 */
export class ValidationError extends ApiError {
  static override readonly kind: string = 'ValidationError';
}

/**
 * 409: the request conflicts with the record's current state.
 *
 * @category Errors
 */
export class ConflictError extends ApiError {
  static override readonly kind: string = 'ConflictError';
}

/**
 * Options of a {@link RateLimitError}.
 *
 * @category Errors
 */
export interface RateLimitErrorOptions extends ApiErrorOptions {
  /** The service's reason for the limit (e.g. Jira's `RateLimit-Reason`), when it said. */
  reason?: string | undefined;
}

/**
 * 429: too many requests. Retries were exhausted, or the wait asked for was longer than allowed.
 *
 * @category Errors
 */
export class RateLimitError extends ApiError {
  static override readonly kind: string = 'RateLimitError';
  /** The service's reason for the limit, when it said. */
  readonly reason: string | undefined;

  constructor(message: string, options: RateLimitErrorOptions) {
    super(message, options);
    this.reason = options.reason;
  }
}

/**
 * 5xx: the service failed.
 *
 * @category Errors
 */
export class ServerError extends ApiError {
  static override readonly kind: string = 'ServerError';
}

/**
 * Options of a failure that has no response: {@link ConnectionError} and {@link TimeoutError}.
 *
 * @category Errors
 */
export interface RequestFailureOptions extends ItsmErrorOptions {
  /** HTTP method of the request, upper case. */
  method: string;
  /** URL of the request, with credentials removed. */
  url: string;
}

/**
 * No response arrived: the connection failed, was reset, or the host was not found.
 *
 * @category Errors
 */
export class ConnectionError extends ItsmError {
  static override readonly kind: string = 'ConnectionError';
  /** HTTP method of the request. */
  readonly method: string;
  /** URL of the request, with credentials removed. */
  readonly url: string;
  /** The system error code (`ECONNRESET`, `ENOTFOUND`, ...), when there is one. */
  readonly code: string | undefined;

  constructor(message: string, options: RequestFailureOptions & { code?: string | undefined }) {
    super(message, options);
    this.method = options.method;
    this.url = options.url;
    this.code = options.code;
  }
}

/**
 * No response arrived in time: one attempt (`timeout`) or the whole call (`totalTimeout`) ran out.
 *
 * @category Errors
 */
export class TimeoutError extends ItsmError {
  static override readonly kind: string = 'TimeoutError';
  /** HTTP method of the request. */
  readonly method: string;
  /** URL of the request, with credentials removed. */
  readonly url: string;
  /** The limit that ran out, in milliseconds, when known. */
  readonly timeoutMs: number | undefined;

  constructor(message: string, options: RequestFailureOptions & { timeoutMs?: number | undefined }) {
    super(message, options);
    this.method = options.method;
    this.url = options.url;
    this.timeoutMs = options.timeoutMs;
  }
}

/**
 * Options of a {@link BudgetExceededError}.
 *
 * @category Errors
 */
export interface BudgetExceededErrorOptions extends ItsmErrorOptions {
  /** The most requests the budget allows per window. */
  limit: number;
  /** The window, in milliseconds. */
  windowMs: number;
  /** The requests counted in the current window when the request was refused. */
  used: number;
  /** How long until the budget is expected to allow a request again, in milliseconds. */
  retryAfterMs: number;
}

/**
 * A request was not sent because it would overshoot a request budget the SDK keeps for the provider
 * (e.g. Autotask's 10,000 requests per rolling hour per database, which suspends the whole tenant when
 * exceeded), and the budget would not free up within the wait allowed. Nothing was sent
 * (`outcome: 'not_applied'`): try again after `retryAfterMs`.
 *
 * @category Errors
 */
export class BudgetExceededError extends ItsmError {
  static override readonly kind: string = 'BudgetExceededError';
  /** The most requests the budget allows per window. */
  readonly limit: number;
  /** The window, in milliseconds. */
  readonly windowMs: number;
  /** The requests counted in the current window when the request was refused. */
  readonly used: number;
  /** How long until the budget is expected to allow a request again, in milliseconds. */
  readonly retryAfterMs: number;

  constructor(message: string, options: BudgetExceededErrorOptions) {
    super(message, { outcome: 'not_applied', ...options });
    this.limit = options.limit;
    this.windowMs = options.windowMs;
    this.used = options.used;
    this.retryAfterMs = options.retryAfterMs;
  }
}

/**
 * One problem found while validating a value against a schema.
 *
 * @category Errors
 */
export interface SchemaIssue {
  /** Where in the value: property names and array indexes. */
  path: (string | number)[];
  /** What is wrong. */
  message: string;
}

/**
 * A response did not have the shape the SDK relies on. The payload is kept in `raw`.
 *
 * @category Errors
 */
export class ResponseShapeError extends ItsmError {
  static override readonly kind: string = 'ResponseShapeError';
  /** What did not fit. */
  readonly issues: SchemaIssue[];
  /** The payload as received (redacted). */
  readonly raw: unknown;

  constructor(message: string, options: ItsmErrorOptions & { issues: SchemaIssue[]; raw: unknown }) {
    super(message, options);
    this.issues = options.issues;
    this.raw = options.raw;
  }
}

/**
 * Bad input to the SDK, rejected before any request. `field` names the first offending field
 * (a dotted path such as `requester.email`); `issues` lists all of them.
 *
 * @category Errors
 */
export class InputError extends ItsmError {
  static override readonly kind: string = 'InputError';
  /** Dotted path of the first offending field; empty when the input as a whole is wrong. */
  readonly field: string;
  /** Every problem found. */
  readonly issues: SchemaIssue[];

  constructor(message: string, options: ItsmErrorOptions & { field: string; issues?: SchemaIssue[] }) {
    super(message, { outcome: 'not_applied', ...options });
    this.field = options.field;
    this.issues = options.issues ?? [{ path: options.field ? options.field.split('.') : [], message }];
  }
}

/**
 * A lookup that must find at most one record found several (e.g. two users with one email).
 *
 * @category Errors
 */
export class AmbiguousMatchError extends ItsmError {
  static override readonly kind: string = 'AmbiguousMatchError';
  /** What was looked up, e.g. the email address. */
  readonly query: string;
  /** Ids of the records that matched. */
  readonly matchIds: string[];

  constructor(message: string, options: ItsmErrorOptions & { query: string; matchIds: string[] }) {
    super(message, options);
    this.query = options.query;
    this.matchIds = options.matchIds;
  }
}

/**
 * The provider (or this connector's configuration) lacks the capability asked for.
 *
 * @category Errors
 */
export class UnsupportedError extends ItsmError {
  static override readonly kind: string = 'UnsupportedError';
  /** The capability, e.g. `catalog` or `internalComments`. */
  readonly capability: string;

  constructor(message: string, options: ItsmErrorOptions & { capability: string }) {
    super(message, options);
    this.capability = options.capability;
  }
}

/**
 * Options of an {@link IncompleteCreateError}.
 *
 * @category Errors
 */
export interface IncompleteCreateErrorOptions extends ItsmErrorOptions {
  /** The ticket as it was created. */
  ticket: Pick<Ticket, 'id' | 'key'> & Partial<Ticket>;
  /** The step that failed, e.g. `transition` or `set priority and assignee`. */
  step: string;
  /** The failure of that step (its `cause` is kept too). */
  failure: unknown;
}

/**
 * A ticket was created, but a step the create asked for afterwards failed (moving it to
 * `input.status`, setting fields the create call cannot carry). **The ticket exists: do not create it
 * again** — finish the step on `error.ticket.id`, or leave it. `failure` names the step's error.
 *
 * @example
 * ```ts
 * try {
 *   await connector.tickets.create({ subject: 'Password reset', requester, status: 'resolved' });
 * } catch (error) {
 *   if (error instanceof IncompleteCreateError) log.warn(`${error.ticket.key} created, not resolved`, error.failure);
 *   else throw error;
 * }
 * ```
 *
 * @category Errors
 */
export class IncompleteCreateError extends ItsmError {
  static override readonly kind: string = 'IncompleteCreateError';
  /** The ticket as it was created (at least its id and key). */
  readonly ticket: Pick<Ticket, 'id' | 'key'> & Partial<Ticket>;
  /** The step that failed. */
  readonly step: string;
  /** The name and message of the step's error (secret-free: SDK errors are redacted). */
  readonly failure: { name: string; message: string };

  constructor(options: IncompleteCreateErrorOptions) {
    const failure =
      options.failure instanceof Error
        ? { name: options.failure.name, message: options.failure.message }
        : { name: 'Error', message: String(options.failure) };
    super(`${options.ticket.key} was created, but ${options.step} failed: ${failure.message}`, {
      provider: options.provider,
      cause: options.failure,
    });
    this.ticket = options.ticket;
    this.step = options.step;
    this.failure = failure;
  }
}

/**
 * Options of an {@link OutcomeUnknownError}.
 *
 * @category Errors
 */
export interface OutcomeUnknownErrorOptions extends ItsmErrorOptions {
  /** The connector operation, e.g. `tickets.create` or `comments.add`. */
  operation: string;
  /** The idempotency key the write carried, when it carried one. */
  idempotencyKey?: string | undefined;
  /** The failure of the write whose answer was lost (its `cause` is kept too). */
  failure: unknown;
  /** What to do: how to find the record, or how to get it without making a second one. */
  recovery: string;
}

/**
 * A create (a ticket, a comment) reached the service, or may have, but its answer was lost — a
 * reset connection, a timeout, a 5xx — and the connector could not find what it made. **The record
 * may exist**: do not simply send it again. `recovery` says what to do: where the connector keeps
 * the idempotency key with the record, calling the method again with the same `idempotencyKey`
 * returns the record if it exists and makes it once if it does not; elsewhere it says how to find
 * the record. `failure` names the write's error; `outcome` is always `unknown`.
 *
 * @example
 * ```ts
 * try {
 *   return await connector.tickets.create(input, { idempotencyKey: job.id });
 * } catch (error) {
 *   if (error instanceof OutcomeUnknownError) return queue.retryLater(job); // same key next time
 *   throw error;
 * }
 * ```
 *
 * @category Errors
 */
export class OutcomeUnknownError extends ItsmError {
  static override readonly kind: string = 'OutcomeUnknownError';
  /** The connector operation, e.g. `tickets.create`. */
  readonly operation: string;
  /** The idempotency key the write carried, when it carried one. */
  readonly idempotencyKey: string | undefined;
  /** The name and message of the write's error (secret-free: SDK errors are redacted). */
  readonly failure: { name: string; message: string };
  /** What to do: how to find the record, or how to get it without making a second one. */
  readonly recovery: string;

  constructor(options: OutcomeUnknownErrorOptions) {
    const failure =
      options.failure instanceof Error
        ? { name: options.failure.name, message: options.failure.message }
        : { name: 'Error', message: String(options.failure) };
    super(`${options.operation} may have been applied, but its answer was lost (${failure.message}). ${options.recovery}`, {
      provider: options.provider,
      cause: options.cause ?? options.failure,
      outcome: 'unknown',
    });
    this.operation = options.operation;
    this.idempotencyKey = options.idempotencyKey;
    this.failure = failure;
    this.recovery = options.recovery;
  }
}

/**
 * Picks the {@link ApiError} subclass for an HTTP status and builds it.
 *
 * @param message - The error message (already redacted).
 * @param options - What the service answered.
 * @category Errors
 */
export function apiErrorForStatus(message: string, options: RateLimitErrorOptions): ApiError {
  const { status } = options;
  if (status === 401) return new AuthenticationError(message, options);
  if (status === 403) return new PermissionError(message, options);
  if (status === 404) return new NotFoundError(message, options);
  if (status === 400 || status === 422) return new ValidationError(message, options);
  if (status === 409) return new ConflictError(message, options);
  if (status === 429) return new RateLimitError(message, options);
  if (status >= 500) return new ServerError(message, options);
  return new ApiError(message, options);
}
