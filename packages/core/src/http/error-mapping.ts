/**
 * Turns every way a request can fail (a ky `HTTPError`, `NetworkError` or `TimeoutError`, a `fetch`
 * `TypeError`, a system error such as `ECONNRESET`) into the {@link ItsmError} tree, redacted.
 *
 * No error built here holds ky's error, the `Request` or the request options (they carry the
 * credential headers): a connection failure keeps only a sanitised copy of the system error as its
 * `cause`, and other failures keep none.
 *
 * @module
 */
import type { HTTPError } from 'ky';
import {
  apiErrorForStatus,
  ConnectionError,
  ItsmError,
  RateLimitError,
  ServerError,
  TimeoutError,
  type ApiError,
  type RateLimitErrorOptions,
  type RequestOutcome,
} from '../errors.js';
import type { ProviderId } from '../model.js';
import type { Redactor } from '../redact.js';
import { loadedKyModule } from './ky.js';
import type { ErrorDescription, ResponseInfo } from './options.js';
import { parseRetryAfter, type AttemptFailure } from './retry-policy.js';

/** System error codes that mean the service could not be reached or dropped the connection. */
const CONNECTION_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'ENETUNREACH',
  'ENETDOWN',
  'ETIMEDOUT',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/**
 * System error codes that mean the request never reached the service: the connection was refused or
 * never made, or the host name did not resolve.
 */
const NOT_SENT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'ENETUNREACH',
  'ENETDOWN',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/** What the mapping needs to know about the call that failed. */
export interface FailureContext {
  /** The provider, set on every error. */
  provider: ProviderId;
  /** HTTP method, upper case. */
  method: string;
  /** The path the caller gave, without query, for messages; already redacted. */
  path: string;
  /** The full URL, already redacted. */
  url: string;
  /** Redacts every known secret. */
  redact: Redactor;
  /** The per-attempt time limit, for `TimeoutError.timeoutMs`. */
  attemptTimeoutMs: number;
  /** The longest `Retry-After` the transport waits for, to explain a wait it refused. */
  maxRetryAfterMs?: number | undefined;
  /** Response headers that may hold the service's request id, in order. */
  requestIdHeaders: readonly string[];
  /** The provider's description of a failed response (may throw; the caller handles it). */
  describe: (response: ResponseInfo) => ErrorDescription | undefined;
}

/** What kind of failure an error is, for retries and for mapping. */
export type FailureKind =
  | { kind: 'http'; error: HTTPError }
  | { kind: 'timeout' }
  | { kind: 'connection'; code: string | undefined; detail: Error | undefined }
  | { kind: 'other' };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Follows `cause` (and the first of an `AggregateError`'s errors) to find a system error code. */
function findSystemError(error: unknown): { code: string | undefined; detail: Error | undefined } {
  let current: unknown = error;
  let innermost: Error | undefined;
  for (let depth = 0; depth < 6 && current instanceof Error; depth++) {
    innermost = current;
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && CONNECTION_CODES.has(code)) return { code, detail: current };
    const aggregated = (current as { errors?: unknown }).errors;
    current = current.cause ?? (Array.isArray(aggregated) ? aggregated[0] : undefined);
  }
  return { code: undefined, detail: innermost };
}

/**
 * Classifies a failure of a request.
 *
 * @param error - What the request threw.
 */
export function classifyFailure(error: unknown): FailureKind {
  const ky = loadedKyModule();
  if (ky?.isHTTPError(error)) return { kind: 'http', error };
  if (ky?.isTimeoutError(error)) return { kind: 'timeout' };
  if (ky?.isNetworkError(error)) return { kind: 'connection', ...findSystemError(error.cause) };
  const system = findSystemError(error);
  if (system.code !== undefined) return { kind: 'connection', ...system };
  if (error instanceof TypeError && (error.message === 'fetch failed' || error.message === 'terminated')) {
    return { kind: 'connection', ...system };
  }
  return { kind: 'other' };
}

/**
 * What a failed attempt of a write did on the server, judged by its failure alone: a refused or
 * never-made connection and an answer below 500 changed nothing; a 5xx, a timeout, a reset
 * connection or anything else may have.
 *
 * @param failure - The classified failure.
 */
export function outcomeOfFailure(failure: FailureKind): RequestOutcome {
  if (failure.kind === 'http') return failure.error.response.status >= 500 ? 'unknown' : 'not_applied';
  if (failure.kind === 'connection') return failure.code !== undefined && NOT_SENT_CODES.has(failure.code) ? 'not_applied' : 'unknown';
  return 'unknown';
}

/**
 * The retry policy's view of a failure.
 *
 * @param failure - The classified failure.
 * @param description - The provider's description of the response, for an HTTP failure.
 */
export function toAttemptFailure(failure: FailureKind, description: ErrorDescription | undefined): AttemptFailure {
  if (failure.kind === 'http') {
    return {
      kind: 'status',
      status: failure.error.response.status,
      headers: failure.error.response.headers,
      retry: retryOverride(description),
    };
  }
  if (failure.kind === 'timeout') return { kind: 'timeout' };
  if (failure.kind === 'connection') return { kind: 'connection' };
  return { kind: 'other' };
}

/** A provider's explicit retry choice, or `false` when it reclassified the failure as a permanent one. */
function retryOverride(description: ErrorDescription | undefined): boolean | undefined {
  if (description?.retry !== undefined) return description.retry;
  const errorClass = description?.errorClass;
  if (!errorClass) return undefined;
  const transient = errorClass === ServerError || errorClass === RateLimitError
    || errorClass.prototype instanceof ServerError || errorClass.prototype instanceof RateLimitError;
  return transient ? undefined : false;
}

/**
 * The service's request id, from the first of the given headers that is present.
 *
 * @param headers - Response headers.
 * @param names - Header names to try, in order.
 */
export function requestIdOf(headers: Headers, names: readonly string[]): string | undefined {
  for (const name of names) {
    const value = headers.get(name);
    if (value) return value;
  }
  return undefined;
}

function strings(value: unknown): string[] {
  if (typeof value === 'string') return value.trim() ? [value.trim()] : [];
  if (Array.isArray(value)) return value.flatMap((item) => (isRecord(item) ? strings(item.message) : strings(item)));
  if (isRecord(value)) return strings(value.message);
  return [];
}

/**
 * Messages found in common error body shapes, used when the provider does not describe a body:
 * a plain-text body's first line, or the `message`, `Message` (Autotask), `error`, `errors`, `detail`,
 * `title`, `description` (Ivanti) or `error_description` of a JSON object (strings, arrays of
 * strings, or objects with a `message`), the first one found.
 *
 * @param body - The parsed body.
 */
export function defaultMessages(body: unknown): string[] {
  if (typeof body === 'string') {
    const line = body.trim().split('\n', 1)[0]?.trim() ?? '';
    return line && !line.startsWith('<') ? [line.slice(0, 300)] : [];
  }
  if (!isRecord(body)) return [];
  for (const key of ['message', 'Message', 'error', 'errors', 'detail', 'title', 'description', 'error_description']) {
    const found = strings(body[key]);
    if (found.length > 0) return found;
  }
  return [];
}

/**
 * Merges two descriptions: the fields `over` sets win.
 *
 * @param under - The base description.
 * @param over - The description whose fields take precedence.
 */
export function mergeDescriptions(
  under: ErrorDescription | undefined,
  over: ErrorDescription | undefined,
): ErrorDescription | undefined {
  if (!over) return under;
  if (!under) return over;
  const merged: ErrorDescription = { ...under };
  for (const [key, value] of Object.entries(over)) {
    if (value !== undefined) (merged as Record<string, unknown>)[key] = value;
  }
  return merged;
}

/**
 * The reason phrase of an HTTP status (`Not Found`), from `node:http`'s table. Read when an error is
 * built rather than imported, because importing `node:http` loads much of Node's network stack,
 * which would slow down importing the SDK for every program.
 */
function statusTextOf(status: number): string | undefined {
  return process.getBuiltinModule('node:http').STATUS_CODES[status];
}

/**
 * Builds the {@link ApiError} for a failed response: the class from the description or the status,
 * with messages, field errors, request id, retry wait and reason, all redacted.
 *
 * @param response - The response.
 * @param description - The provider's description, if any.
 * @param context - The call.
 */
export function buildApiError(
  response: ResponseInfo,
  description: ErrorDescription | undefined,
  context: FailureContext,
): ApiError {
  const { redact } = context;
  const { status, headers } = response;
  const messages = redact(description?.messages ?? defaultMessages(response.body));
  const first = messages[0];
  const statusText = statusTextOf(status);
  const retryAfterMs = description?.retryAfterMs ?? parseRetryAfter(headers);
  const refusedWait = retryAfterMs !== undefined && context.maxRetryAfterMs !== undefined && retryAfterMs > context.maxRetryAfterMs
    ? ` (the service asked to wait ${Math.ceil(retryAfterMs / 1000)} s, longer than maxRetryAfterMs allows (${Math.ceil(context.maxRetryAfterMs / 1000)} s), so the SDK did not wait: retry after error.retryAfterMs, or raise maxRetryAfterMs)`
    : '';
  const hint = description?.hint ? ` — ${description.hint}` : '';
  const message = redact(
    `${context.method} ${context.path} failed with ${status}${statusText ? ` ${statusText}` : ''}${first ? `: ${first}` : ''}${hint}${refusedWait}`,
  );
  const requestId = requestIdOf(headers, context.requestIdHeaders);
  const options: RateLimitErrorOptions = {
    provider: context.provider,
    status,
    method: context.method,
    url: context.url,
    requestId: requestId === undefined ? undefined : redact(requestId),
    body: redact(description?.body !== undefined ? description.body : response.body),
    messages,
    fieldErrors: redact(description?.fieldErrors ?? {}),
    retryAfterMs,
    reason: description?.reason === undefined ? undefined : redact(description.reason),
  };
  const ErrorClass = description?.errorClass;
  return ErrorClass ? new ErrorClass(message, options) : apiErrorForStatus(message, options);
}

/** The built-in error classes that mean a bug in code (the SDK's or a hook's), never a failed request. */
const PROGRAMMING_ERRORS = [TypeError, RangeError, ReferenceError, SyntaxError, EvalError, URIError] as const;

/** A copy of an error of the given class: its name, code, redacted message and redacted stack, and nothing else. */
function redactedCopy(error: Error, redact: Redactor, ErrorClass: new (message: string) => Error): Error {
  const copy = new ErrorClass(redact(error.message));
  copy.name = error.name;
  copy.stack = error.stack === undefined ? undefined : redact(error.stack);
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') Object.assign(copy, { code });
  return copy;
}

/**
 * A copy of an error that is safe to keep as a `cause`: its name, code, redacted message and
 * redacted stack, and nothing else.
 *
 * @param error - The original error.
 * @param redact - Redacts known secrets.
 */
export function sanitizedCause(error: unknown, redact: Redactor): Error {
  if (!(error instanceof Error)) return new Error(redact(String(error)));
  return redactedCopy(error, redact, Error);
}

/**
 * A programming error, as what it is: a built-in `TypeError`, `RangeError`, `ReferenceError`,
 * `SyntaxError`, `EvalError` or `URIError` thrown by the SDK or by a hook (the `TypeError` with which
 * `fetch` reports a network failure is a connection failure, classified before this). It comes back
 * as an error of the same class with the same name, code, message and stack, redacted (a message can
 * quote a header value or a URL), and its cause sanitised. Anything else gives `undefined`.
 *
 * @param error - What the call threw.
 * @param redact - Redacts known secrets.
 */
export function programmingError(error: unknown, redact: Redactor): Error | undefined {
  const ErrorClass = PROGRAMMING_ERRORS.find((candidate) => error instanceof candidate);
  if (!ErrorClass) return undefined;
  const original = error as Error;
  const copy = redactedCopy(original, redact, ErrorClass);
  if (original.cause !== undefined) {
    Object.defineProperty(copy, 'cause', { value: sanitizedCause(original.cause, redact), enumerable: false, configurable: true, writable: true });
  }
  return copy;
}

/**
 * Maps a failure of a call to the {@link ItsmError} tree. An `ItsmError` is returned unchanged; a
 * programming error (a bug, see {@link programmingError}) is returned as itself, redacted, so that it
 * does not read like a failed request. Aborts and the whole-call time limit are the caller's to
 * handle before this.
 *
 * @param error - What the request threw.
 * @param context - The call.
 * @returns The error to throw.
 */
export function toItsmError(error: unknown, context: FailureContext): ItsmError | Error {
  if (error instanceof ItsmError) return error;
  const { provider, method, path, url, redact } = context;
  const failure = classifyFailure(error);
  if (failure.kind === 'http') {
    const { response } = failure.error;
    const info: ResponseInfo = { status: response.status, headers: response.headers, body: failure.error.data, method, url };
    return buildApiError(info, context.describe(info), context);
  }
  if (failure.kind === 'timeout') {
    return new TimeoutError(`${method} ${path} timed out after ${context.attemptTimeoutMs} ms (one attempt)`, {
      provider,
      method,
      url,
      timeoutMs: context.attemptTimeoutMs,
    });
  }
  if (failure.kind === 'connection') {
    const detail = failure.detail ? redact(failure.detail.message) : 'network error';
    const code = failure.code ? ` (${failure.code})` : '';
    return new ConnectionError(`${method} ${path} failed: ${detail}${code}`, {
      provider,
      method,
      url,
      code: failure.code,
      cause: failure.detail ? sanitizedCause(failure.detail, redact) : undefined,
    });
  }
  const bug = programmingError(error, redact);
  if (bug) return bug;
  const reason = error instanceof Error ? error.message : String(error);
  return new ItsmError(redact(`${method} ${path} failed: ${reason}`), { provider, cause: sanitizedCause(error, redact) });
}
