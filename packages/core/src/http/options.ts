/**
 * The options of the HTTP transport: what a provider client gives {@link createTransport} once, what
 * each call may override, the telemetry events, and the hooks through which a provider describes
 * its own error bodies. Also the defaults, and the validation that turns bad options into an
 * {@link InputError} before any request.
 *
 * @module
 */
import type * as z from 'zod/mini';
import { InputError, type ApiError, type RateLimitErrorOptions, type RequestOutcome } from '../errors.js';
import type { ProviderId } from '../model.js';
import { createBaseUrlSource, type BaseUrlResolver, type BaseUrlSource } from './base-url.js';
import { createConcurrencyGate } from './concurrency-gate.js';
import type { GateRequest, RequestGate } from './gates.js';

/**
 * One value of a query parameter. `undefined` leaves the parameter out; an array repeats it.
 *
 * @category Transport
 */
export type QueryValue = string | number | boolean | undefined | (string | number)[];

/**
 * Query parameters of a request, by name.
 *
 * @category Transport
 */
export type RequestQuery = Record<string, QueryValue>;

/**
 * How a response body is read:
 * - `json` (the default): parsed JSON; an empty body (or a 204) gives `undefined`;
 * - `text`: the body as a string;
 * - `bytes`: the body as a `Uint8Array`;
 * - `response`: the `Response` itself, body unread (a 2xx only: failures still throw).
 *
 * @category Transport
 */
export type ResponseBodyType = 'json' | 'text' | 'bytes' | 'response';

/**
 * Exponential backoff between retries, with full jitter: a random wait in `[0, min(maxMs, baseMs * 2^(n-1))]`.
 *
 * @category Transport
 */
export interface RetryDelayOptions {
  /** Upper bound of the first wait, in milliseconds. Default 300. */
  baseMs?: number;
  /** Upper bound of any wait, in milliseconds. Default 10,000. */
  maxMs?: number;
}

/**
 * What a concurrency key function sees of a request.
 *
 * @category Transport
 */
export interface ConcurrencyKeyRequest {
  /** HTTP method, upper case. */
  method: string;
  /** The endpoint: the path relative to the base URL, without the query, starting with `/`. */
  path: string;
}

/**
 * A limit on requests in flight (a shorthand for a {@link createConcurrencyGate} placed before the
 * other `gates`). Requests with the same key share `limit` slots and wait their turn in order of
 * arrival; requests with different keys do not affect each other. Each attempt holds a slot until
 * its body is read or it failed, and gives it back however it ends; a retry waits for a slot again,
 * so no slot is held during the wait between attempts. With `responseType: 'response'` the slot is
 * given back when the `Response` is returned.
 *
 * @category Transport
 */
export interface ConcurrencyOptions {
  /** The most requests in flight per key (a positive integer). */
  limit: number;
  /** The key of a request. Default: one key shared by every request of the transport. */
  key?: (request: ConcurrencyKeyRequest) => string;
}

/**
 * Sent to `onRequest` as each attempt starts. Holds no header and no body.
 *
 * @category Transport
 */
export interface RequestEvent {
  /** The provider of the transport. */
  provider: ProviderId;
  /** HTTP method, upper case. */
  method: string;
  /** Full URL, with credentials removed. */
  url: string;
  /** 1 for the first attempt, 2 for the first retry, and so on. */
  attempt: number;
}

/**
 * Sent to `onResponse` as each attempt ends, with a response or without one.
 *
 * @category Transport
 */
export interface ResponseEvent extends RequestEvent {
  /** HTTP status, or `undefined` when no response arrived. */
  status: number | undefined;
  /** Time from sending the request to receiving the response headers (or the failure), in milliseconds. */
  durationMs: number;
  /** The service's request id, when the response had one. */
  requestId: string | undefined;
  /** Why no response arrived: a network failure, a timeout, or the caller's abort. */
  error: 'connection' | 'timeout' | 'aborted' | undefined;
}

/**
 * A response as the provider's hooks see it.
 *
 * @category Transport
 */
export interface ResponseInfo {
  /** HTTP status. */
  status: number;
  /** Response headers. */
  headers: Headers;
  /**
   * The body: parsed JSON when it parses, else text; `undefined` when empty, or when the caller
   * asked for `bytes` or `response`. Not redacted: the transport redacts what the hook returns.
   */
  body: unknown;
  /** HTTP method, upper case. */
  method: string;
  /** Full URL, with credentials removed. */
  url: string;
}

/**
 * A constructor of an {@link ApiError} subclass, such as `AuthenticationError` or `NotFoundError`.
 * Every class of the hierarchy fits.
 *
 * @category Transport
 */
export type ApiErrorClass = new (message: string, options: RateLimitErrorOptions) => ApiError;

/**
 * What a provider says about a failed response. Every field is optional: what is left out keeps
 * the transport's default (messages found in common body shapes, the class chosen by status).
 *
 * @category Transport
 */
export interface ErrorDescription {
  /** Human-readable messages from the body. The first one ends the error's message. */
  messages?: string[] | undefined;
  /** Messages per field, keyed by the provider's field name. */
  fieldErrors?: Record<string, string[]> | undefined;
  /**
   * The class to throw instead of the one the status implies, e.g. `AuthenticationError` for a
   * 500 that means bad credentials. The error keeps the real status.
   */
  errorClass?: ApiErrorClass | undefined;
  /**
   * What the caller can do about it, in a sentence, appended to the error's message (e.g. which
   * credentials to check after a 401).
   */
  hint?: string | undefined;
  /**
   * The body to keep on the error (`ApiError.body`) instead of the response's, e.g. with internals the
   * provider leaks in error bodies (session ids, host names) removed. Secrets are still redacted from it.
   */
  body?: unknown;
  /** The reason of a rate limit (e.g. Jira's `RateLimit-Reason` header); set on a `RateLimitError`. */
  reason?: string | undefined;
  /** How long the service asked to wait, when it says so somewhere the transport does not look. */
  retryAfterMs?: number | undefined;
  /**
   * What the failed request did on the server, when the provider knows better than the status: e.g.
   * Autotask answers a write it refused (a validation failure, its thread limit) with a 500, which
   * would otherwise read as `unknown`. Only a write's outcome is changed by it (a read is always
   * `not_applied`), and a write whose earlier attempt may have been applied stays `unknown`.
   */
  outcome?: RequestOutcome | undefined;
  /**
   * Whether the request may be retried (still only for idempotent methods or `retryable` calls, and
   * never after a 413). Default: by status; and never when `errorClass` is set to anything but
   * `ServerError` or `RateLimitError`, since such failures do not go away by waiting.
   */
  retry?: boolean | undefined;
}

/**
 * Options of {@link createTransport}.
 *
 * @category Transport
 */
export interface TransportOptions {
  /** The provider, set on every error the transport throws. */
  provider: ProviderId;
  /**
   * Absolute base URL, without credentials, query or fragment. Request paths are appended to it,
   * keeping its path: `https://host/ex/jira/abc` + `/rest/api/3/myself` =
   * `https://host/ex/jira/abc/rest/api/3/myself`.
   *
   * Or a function that resolves it when the first request needs it (e.g. Autotask's zone lookup).
   * When the service then refuses the credentials (`AuthenticationError`), the function is called
   * again once (`reason: 'authentication-failed'`) and, if it gives another URL, the request is sent
   * there; calls of it never overlap, and a failed one is not kept.
   */
  baseUrl: string | BaseUrlResolver;
  /**
   * Sets the credentials on a request's headers. Called for every attempt, just before it is sent;
   * the only place credentials should be set, and nothing else: every header value it sets or
   * changes, whatever the header's name, is a secret redacted from everything the transport emits.
   */
  auth?: (headers: Headers) => void | Promise<void>;
  /** Credential values to redact from every error and event (also in URL-encoded and Base64 form). */
  secrets?: string[];
  /** Time limit of one attempt, in milliseconds, until the response is read. Default 30,000; `Infinity` for none. */
  timeout?: number;
  /** Time limit of a whole call, including waits for a concurrency slot and retries. Default 120,000; `Infinity` for none. */
  totalTimeout?: number;
  /** Retries after the first attempt, for failures that may be transient. Default 2. */
  maxRetries?: number;
  /** Backoff between retries when the server does not say how long to wait. */
  retryDelay?: RetryDelayOptions;
  /**
   * The longest `Retry-After` the transport waits for, in milliseconds. Default 60,000. A longer
   * wait asked for by the server is not retried: the `RateLimitError` (or `ServerError`) is thrown
   * at once, with `retryAfterMs` set, so the caller can decide.
   */
  maxRetryAfterMs?: number;
  /** The `fetch` to use. Default: the global `fetch`, looked up at each request. */
  fetch?: typeof fetch;
  /** The `User-Agent` header. Default: `@itsm/<provider> (+node <version>)`. */
  userAgent?: string;
  /** Headers sent with every request. Per-call headers and `auth` take precedence. */
  headers?: Record<string, string>;
  /** Called as each attempt starts. A hook that throws is ignored. */
  onRequest?: (event: RequestEvent) => void;
  /** Called as each attempt ends. A hook that throws is ignored. */
  onResponse?: (event: ResponseEvent) => void;
  /**
   * The largest request body sent, in bytes: a larger one (`json` as UTF-8 JSON, or `body`) is an
   * `InputError` naming `options.json` or `options.body`, before any request, instead of the
   * service's 413 after the upload. Calls may set their own (`RequestOptions.maxBodyBytes`). A
   * `FormData` counts its parts; a stream is not counted. Default: no limit.
   */
  maxBodyBytes?: number;
  /** A limit on requests in flight (`ConcurrencyOptions`). Default: none. */
  concurrency?: ConcurrencyOptions;
  /**
   * Gates every attempt passes before it is sent, in order (after `concurrency`): concurrency limits
   * (`createConcurrencyGate`), request budgets (`createBudgetGate`), or your own (`RequestGate`).
   */
  gates?: readonly RequestGate[];
  /**
   * The endpoints whose `POST` only reads (a search, a query, a count), by path relative to the base
   * URL without the query: a string for an exact path, a `RegExp` tested against it. Such requests
   * are retried like a `GET`, and their failures are `outcome: 'not_applied'`. Declared once here,
   * instead of `retryable: true` at every call.
   *
   * @example
   * ```ts
   * readOnlyPosts: ['/rest/api/3/search/jql', /^\/[A-Za-z]+\/query(\/count)?$/]
   * ```
   */
  readOnlyPosts?: readonly (string | RegExp)[];
  /** Response headers that carry the service's request id, tried in order. */
  requestIdHeaders?: string[];
  /**
   * Describes a failed response: the provider's messages and field errors, a different error
   * class, a rate-limit reason. Called for every non-2xx response, and for a 2xx that
   * `inspectResponse` flags. Returning `undefined` keeps the defaults.
   */
  describeError?: (response: ResponseInfo) => ErrorDescription | undefined;
  /**
   * Flags a 2xx response that is really a failure (e.g. a 200 whose body says `IsSuccess: false`).
   * Returning a description makes the call throw (by default an `ApiError`; set `errorClass`),
   * merged over what `describeError` says; returning `undefined` accepts the response.
   */
  inspectResponse?: (response: ResponseInfo) => ErrorDescription | undefined;
}

/**
 * Options of one request. The time and retry options override the transport's for this call.
 *
 * @category Transport
 */
export interface RequestOptions {
  /** Query parameters, appended to those already in the path. */
  query?: RequestQuery;
  /** A value to send as JSON (sets `Content-Type: application/json`). */
  json?: unknown;
  /** A raw body (`FormData`, `Uint8Array`, string, ...). Giving both `json` and `body` is an `InputError`. */
  body?: RequestInit['body'];
  /** Headers of this call, over the transport's. */
  headers?: Record<string, string>;
  /** Aborts the call. The call then rejects with the signal's reason, unchanged. */
  signal?: AbortSignal;
  /** Time limit of one attempt, in milliseconds. */
  timeout?: number;
  /** Time limit of the whole call, in milliseconds. */
  totalTimeout?: number;
  /** Retries after the first attempt. */
  maxRetries?: number;
  /**
   * Whether a failed attempt may be repeated. Default: true for GET, HEAD, PUT, DELETE, OPTIONS and
   * the transport's `readOnlyPosts`, false otherwise. Set `true` for a POST that only reads (a
   * search, a query) when it is not declared in `readOnlyPosts`; never for a POST that writes, which
   * could be applied twice.
   */
  retryable?: boolean;
  /** The concurrency key of this call, instead of the transport's key function. */
  concurrencyKey?: string;
  /** How to read the body. Default `json`. */
  responseType?: ResponseBodyType;
  /** The largest body this call sends, in bytes, instead of the transport's `maxBodyBytes`. */
  maxBodyBytes?: number;
}

/**
 * Options of a request whose JSON body is validated with a zod schema.
 *
 * @category Transport
 */
export interface SchemaRequestOptions<S extends z.core.$ZodType> extends Omit<RequestOptions, 'responseType'> {
  /** The schema the parsed body must fit; a mismatch throws a `ResponseShapeError`. */
  schema: S;
  /** Always `json` when a schema is given. */
  responseType?: 'json';
}

/**
 * The defaults of {@link TransportOptions}.
 *
 * @category Transport
 */
export const TRANSPORT_DEFAULTS = Object.freeze({
  /** Per-attempt time limit, in milliseconds. */
  timeout: 30_000,
  /** Whole-call time limit, in milliseconds. */
  totalTimeout: 120_000,
  /** Retries after the first attempt. */
  maxRetries: 2,
  /** Upper bound of the first backoff wait, in milliseconds. */
  retryBaseMs: 300,
  /** Upper bound of any backoff wait, in milliseconds. */
  retryMaxMs: 10_000,
  /** Longest `Retry-After` honoured, in milliseconds. */
  maxRetryAfterMs: 60_000,
  /** Response headers tried, in order, for the service's request id. */
  requestIdHeaders: Object.freeze(['x-request-id', 'x-correlation-id', 'request-id']),
});

/** The keys of {@link TransportOptions}. */
const TRANSPORT_OPTION_KEYS: ReadonlySet<string> = new Set([
  'provider', 'baseUrl', 'auth', 'secrets', 'timeout', 'totalTimeout', 'maxRetries', 'retryDelay', 'maxRetryAfterMs', 'fetch',
  'userAgent', 'headers', 'onRequest', 'onResponse', 'concurrency', 'gates', 'readOnlyPosts', 'requestIdHeaders', 'describeError',
  'inspectResponse', 'maxBodyBytes',
]);

/** The keys of {@link RequestOptions} (and of {@link SchemaRequestOptions}). */
const REQUEST_OPTION_KEYS: ReadonlySet<string> = new Set([
  'query', 'json', 'body', 'headers', 'signal', 'timeout', 'totalTimeout', 'maxRetries', 'retryable', 'concurrencyKey',
  'responseType', 'schema', 'maxBodyBytes',
]);

/** The transport's options, checked and with defaults applied. */
export interface TransportSettings {
  provider: ProviderId;
  /** Where the base URL comes from. */
  base: BaseUrlSource;
  auth: TransportOptions['auth'];
  secrets: string[];
  timeout: number;
  totalTimeout: number;
  maxRetries: number;
  retryBaseMs: number;
  retryMaxMs: number;
  maxRetryAfterMs: number;
  /** The largest body sent, in bytes; `Infinity` for no limit. */
  maxBodyBytes: number;
  fetch: typeof fetch | undefined;
  headers: Record<string, string>;
  onRequest: TransportOptions['onRequest'];
  onResponse: TransportOptions['onResponse'];
  /** `concurrency` as a gate, then `gates`. */
  gates: readonly RequestGate[];
  readOnlyPosts: readonly (string | RegExp)[];
  requestIdHeaders: readonly string[];
  describeError: TransportOptions['describeError'];
  inspectResponse: TransportOptions['inspectResponse'];
}

function bad(field: string, message: string, provider?: ProviderId): never {
  throw new InputError(`${field} ${message}`, { field, provider });
}

/** Checks a time limit: a positive number, or `Infinity` for none. */
export function checkDuration(field: string, value: number | undefined, fallback: number, provider?: ProviderId): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || Number.isNaN(value) || value <= 0) bad(field, 'must be a positive number of milliseconds', provider);
  return value;
}

/** Checks a retry count: a non-negative integer. */
export function checkRetries(field: string, value: number | undefined, fallback: number, provider?: ProviderId): number {
  if (value === undefined) return fallback;
  if (!Number.isSafeInteger(value) || value < 0) bad(field, 'must be a non-negative integer', provider);
  return value;
}

/** Checks a size limit in bytes: a positive integer, or `Infinity` for none. */
export function checkByteLimit(field: string, value: number | undefined, fallback: number, provider?: ProviderId): number {
  if (value === undefined) return fallback;
  if (value !== Infinity && (!Number.isSafeInteger(value) || value < 1)) bad(field, 'must be a positive whole number of bytes, or Infinity', provider);
  return value;
}

/** A header name as HTTP allows it (a token). */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/**
 * Checks header names and values: names must be HTTP tokens, values strings without line breaks or
 * NUL (which would let a value smuggle another header).
 *
 * @param field - The option's name, e.g. `headers` or `options.headers`.
 * @param headers - The headers given.
 * @param provider - The provider, for the error.
 */
export function checkHeaders(field: string, headers: unknown, provider?: ProviderId): Record<string, string> {
  if (headers === undefined) return {};
  if (typeof headers !== 'object' || headers === null || Array.isArray(headers)) bad(field, 'must be an object of header values by name', provider);
  const checked: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    if (!HEADER_NAME.test(name)) bad(`${field}.${name}`, 'is not a valid header name', provider);
    if (typeof value !== 'string') bad(`${field}.${name}`, 'must be a string', provider);
    if (/[\r\n\0]/.test(value)) bad(`${field}.${name}`, 'must not contain line breaks or NUL characters', provider);
    checked[name] = value;
  }
  return checked;
}

/**
 * Refuses keys of an options object that are not options, so that a typo is an error instead of
 * being ignored. Keys set to `undefined` pass.
 *
 * @param field - The object's name, e.g. `options`; keys are named `field.key` (or `key` when empty).
 * @param options - The object given.
 * @param known - The keys it may have.
 * @param provider - The provider, for the error.
 */
function checkKnownKeys(field: string, options: object, known: ReadonlySet<string>, provider?: ProviderId): void {
  for (const [key, value] of Object.entries(options)) {
    if (value !== undefined && !known.has(key)) bad(field ? `${field}.${key}` : key, 'is not a known option', provider);
  }
}

/**
 * Checks the options of one request (their keys and headers; the time limits are checked as the call
 * starts).
 *
 * @param options - The per-call options.
 * @param provider - The transport's provider, for the error.
 * @throws InputError naming the first bad option.
 */
export function checkRequestOptions(options: object, provider: ProviderId): void {
  if (typeof options !== 'object' || options === null) bad('options', 'must be an object', provider);
  checkKnownKeys('options', options, REQUEST_OPTION_KEYS, provider);
  const { headers, signal, retryable, concurrencyKey, responseType } = options as RequestOptions;
  if (headers !== undefined) checkHeaders('options.headers', headers, provider);
  if (signal !== undefined && !(signal instanceof AbortSignal)) bad('options.signal', 'must be an AbortSignal', provider);
  if (retryable !== undefined && typeof retryable !== 'boolean') bad('options.retryable', 'must be a boolean', provider);
  if (concurrencyKey !== undefined && typeof concurrencyKey !== 'string') bad('options.concurrencyKey', 'must be a string', provider);
  if (responseType !== undefined && !['json', 'text', 'bytes', 'response'].includes(responseType)) {
    bad('options.responseType', "must be 'json', 'text', 'bytes' or 'response'", provider);
  }
}

/** Checks that an option, when given, is a function. */
function checkFunction(field: string, value: unknown, provider: ProviderId): void {
  if (value !== undefined && typeof value !== 'function') bad(field, 'must be a function', provider);
}

function defaultUserAgent(provider: ProviderId): string {
  const version = globalThis.process?.version ?? 'unknown';
  return `@itsm/${provider} (+node ${version})`;
}

/**
 * Checks the options of {@link createTransport} and applies the defaults.
 *
 * @throws InputError naming the first bad option.
 */
export function resolveTransportOptions(options: TransportOptions): TransportSettings {
  if (typeof options !== 'object' || options === null) bad('options', 'must be an object');
  if (typeof options.provider !== 'string' || options.provider === '') bad('provider', 'is required');
  const { provider } = options;
  checkKnownKeys('', options, TRANSPORT_OPTION_KEYS, provider);
  for (const field of ['auth', 'fetch', 'onRequest', 'onResponse', 'describeError', 'inspectResponse'] as const) {
    checkFunction(field, options[field], provider);
  }
  const base = createBaseUrlSource(options.baseUrl, provider);
  const { concurrency } = options;
  if (concurrency !== undefined) {
    if (typeof concurrency !== 'object' || concurrency === null) bad('concurrency', 'must be an object with a limit', provider);
    if (!Number.isSafeInteger(concurrency.limit) || concurrency.limit < 1) bad('concurrency.limit', 'must be a positive integer', provider);
    checkFunction('concurrency.key', concurrency.key, provider);
  }
  const gates = options.gates ?? [];
  if (!Array.isArray(gates) || gates.some((gate) => typeof gate !== 'function')) bad('gates', 'must be a list of gate functions', provider);
  const readOnlyPosts = options.readOnlyPosts ?? [];
  if (!Array.isArray(readOnlyPosts) || readOnlyPosts.some((path) => typeof path !== 'string' && !(path instanceof RegExp))) {
    bad('readOnlyPosts', 'must be a list of paths (strings or RegExps)', provider);
  }
  const strings = (field: string, value: unknown): string[] | undefined => {
    if (value === undefined) return undefined;
    if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) bad(field, 'must be a list of strings', provider);
    return [...(value as string[])];
  };
  if (options.userAgent !== undefined && (typeof options.userAgent !== 'string' || /[\r\n\0]/.test(options.userAgent))) {
    bad('userAgent', 'must be a string without line breaks or NUL characters', provider);
  }
  const headers: Record<string, string> = { 'user-agent': options.userAgent ?? defaultUserAgent(provider) };
  for (const [name, value] of Object.entries(checkHeaders('headers', options.headers, provider))) headers[name.toLowerCase()] = value;
  const concurrencyGate = concurrency === undefined
    ? []
    : [createConcurrencyGate({ limit: concurrency.limit, ...(concurrency.key ? { key: concurrency.key as (request: GateRequest) => string } : {}) })];
  return {
    provider,
    base,
    auth: options.auth,
    secrets: strings('secrets', options.secrets) ?? [],
    timeout: checkDuration('timeout', options.timeout, TRANSPORT_DEFAULTS.timeout, provider),
    totalTimeout: checkDuration('totalTimeout', options.totalTimeout, TRANSPORT_DEFAULTS.totalTimeout, provider),
    maxRetries: checkRetries('maxRetries', options.maxRetries, TRANSPORT_DEFAULTS.maxRetries, provider),
    retryBaseMs: checkDuration('retryDelay.baseMs', options.retryDelay?.baseMs, TRANSPORT_DEFAULTS.retryBaseMs, provider),
    retryMaxMs: checkDuration('retryDelay.maxMs', options.retryDelay?.maxMs, TRANSPORT_DEFAULTS.retryMaxMs, provider),
    maxRetryAfterMs: options.maxRetryAfterMs === 0
      ? 0
      : checkDuration('maxRetryAfterMs', options.maxRetryAfterMs, TRANSPORT_DEFAULTS.maxRetryAfterMs, provider),
    maxBodyBytes: checkByteLimit('maxBodyBytes', options.maxBodyBytes, Infinity, provider),
    fetch: options.fetch,
    headers,
    onRequest: options.onRequest,
    onResponse: options.onResponse,
    gates: [...concurrencyGate, ...gates],
    readOnlyPosts: [...readOnlyPosts],
    requestIdHeaders: strings('requestIdHeaders', options.requestIdHeaders) ?? TRANSPORT_DEFAULTS.requestIdHeaders,
    describeError: options.describeError,
    inspectResponse: options.inspectResponse,
  };
}
