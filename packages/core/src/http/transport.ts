/**
 * The HTTP transport every provider client uses: the transport's base URL, auth, time limits, retry
 * policy, request gates, telemetry and error mapping around ky.
 *
 * A call goes: check its options, resolve the base URL (when a resolver gives it), then for each
 * attempt: pass the gates (concurrency slots, request budgets), let ky send it once, read the body,
 * give the gates back. A failed attempt is retried when the method (or the endpoint, for read-only
 * POSTs) allows it and the failure may be transient, after the wait the retry policy chooses. Each
 * attempt passes through the transport's `fetch` wrapper, which sets the credentials (`auth`), learns
 * them for redaction, follows redirects without sending credentials to another origin, and reports
 * the attempt to `onRequest`/`onResponse`. The whole-call time limit and the caller's signal abort
 * everything, including waits. Failures are mapped to the `ItsmError` tree, each with its `outcome`.
 *
 * @module
 */
import type { Input, Options, ResponsePromise } from 'ky';
import type * as z from 'zod/mini';
import {
  AuthenticationError,
  InputError,
  ItsmError,
  ResponseShapeError,
  TimeoutError,
  type RequestOutcome,
  type SchemaIssue,
} from '../errors.js';
import type { ProviderId } from '../model.js';
import type { Redactor } from '../redact.js';
import type { BaseLocation } from './base-url.js';
import { bodySize } from './body-size.js';
import { delay, MAX_TIMER_MS } from './delay.js';
import {
  buildApiError,
  classifyFailure,
  mergeDescriptions,
  outcomeOfFailure,
  requestIdOf,
  toAttemptFailure,
  toItsmError,
  type FailureContext,
  type FailureKind,
} from './error-mapping.js';
import { enterGates, type GateRequest } from './gates.js';
import { loadKy } from './ky.js';
import {
  checkByteLimit,
  checkDuration,
  checkRequestOptions,
  checkRetries,
  resolveTransportOptions,
  type ErrorDescription,
  type RequestEvent,
  type RequestOptions,
  type RequestQuery,
  type ResponseBodyType,
  type ResponseEvent,
  type ResponseInfo,
  type SchemaRequestOptions,
  type TransportOptions,
} from './options.js';
import { safeParseInEnglish } from '../schema-messages.js';
import { followRedirectsSafely } from './redirects.js';
import { decideRetry, isRetryableMethod } from './retry-policy.js';
import { createSecretStore } from './secrets.js';
import { buildRequestUrl, displayPath } from './url.js';

/**
 * Sends requests to one service. Made by {@link createTransport}.
 *
 * @example
 * ```ts
 * const me = await http.request<{ accountId: string }>('GET', '/rest/api/3/myself');
 * const page = await http.request('POST', '/rest/api/3/search/jql', { json: { jql }, schema: PageSchema }); // declared in readOnlyPosts
 * const file = await http.request('GET', `/attachments/${id}`, { responseType: 'bytes' });
 * ```
 *
 * @category Transport
 */
export interface Transport {
  /** The provider, set on every error. */
  readonly provider: ProviderId;
  /**
   * The base URL requests are relative to: as given, or, when a resolver gives it, the one resolved
   * last (`undefined` until the first request resolved it). See {@link Transport.resolveBaseUrl}.
   */
  readonly baseUrl: string | undefined;
  /**
   * The base URL, resolving it first when a resolver gives it and none is known yet.
   *
   * @param options - `signal` stops waiting (the resolution itself goes on for other callers).
   */
  resolveBaseUrl(options?: { signal?: AbortSignal | undefined }): Promise<string>;
  /** Redacts every secret the transport knows (given or learned from `auth`) from a value. */
  readonly redact: Redactor;
  /**
   * Sends a request and returns the `Response`, body unread (2xx only; failures throw).
   *
   * @param method - HTTP method, any case.
   * @param path - Path relative to the base URL (may hold a query), or an absolute URL on its origin.
   * @param options - Per-call options, with `responseType: 'response'`.
   */
  request(method: string, path: string, options: RequestOptions & { responseType: 'response' }): Promise<Response>;
  /**
   * Sends a request and returns the body as text.
   *
   * @param method - HTTP method, any case.
   * @param path - Path relative to the base URL (may hold a query), or an absolute URL on its origin.
   * @param options - Per-call options, with `responseType: 'text'`.
   */
  request(method: string, path: string, options: RequestOptions & { responseType: 'text' }): Promise<string>;
  /**
   * Sends a request and returns the body as bytes.
   *
   * @param method - HTTP method, any case.
   * @param path - Path relative to the base URL (may hold a query), or an absolute URL on its origin.
   * @param options - Per-call options, with `responseType: 'bytes'`.
   */
  request(method: string, path: string, options: RequestOptions & { responseType: 'bytes' }): Promise<Uint8Array>;
  /**
   * Sends a request and returns the JSON body validated with a zod schema.
   *
   * @param method - HTTP method, any case.
   * @param path - Path relative to the base URL (may hold a query), or an absolute URL on its origin.
   * @param options - Per-call options, with the `schema`.
   * @throws ResponseShapeError when the body does not fit the schema.
   */
  request<S extends z.core.$ZodType>(method: string, path: string, options: SchemaRequestOptions<S>): Promise<z.output<S>>;
  /**
   * Sends a request and returns the parsed JSON body (`undefined` when the body is empty).
   *
   * @param method - HTTP method, any case.
   * @param path - Path relative to the base URL (may hold a query), or an absolute URL on its origin.
   * @param options - Per-call options.
   * @throws ResponseShapeError when a 2xx body is not valid JSON.
   */
  request<T = unknown>(method: string, path: string, options?: RequestOptions): Promise<T>;
}

/** The options of one call as the implementation sees them. */
type CallOptions = RequestOptions & { schema?: z.core.$ZodType };

/** Methods that only read: their failures never changed anything. */
const SAFE_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS']);

/** One call: its checked options, its signals, and what its attempts share. */
interface Call {
  /** HTTP method, upper case. */
  readonly method: string;
  /** The path or URL the caller gave. */
  readonly path: string;
  readonly query: RequestQuery | undefined;
  readonly options: CallOptions;
  readonly responseType: ResponseBodyType;
  readonly attemptTimeout: number;
  readonly totalTimeout: number;
  readonly maxRetries: number;
  /** `performance.now()` at which the whole-call limit runs out; `undefined` for none. */
  readonly deadline: number | undefined;
  readonly userSignal: AbortSignal | undefined;
  /** Aborted when the whole-call limit runs out. */
  readonly totalController: AbortController;
  /** Aborted by the caller or by the whole-call limit: stops waits, attempts and body reads. */
  readonly signal: AbortSignal;
  /** The request URL, set once the base URL is known (again after it was resolved anew). */
  url: URL | undefined;
  /** The endpoint path relative to the base URL, without the query. */
  endpoint: string;
  /** Whether the request only reads (a safe method or a declared read-only POST). */
  readOnly: boolean;
  /** Whether a failed attempt may be repeated. */
  retryable: boolean;
  /** Attempts started so far (1 for the first). */
  attempt: number;
  /** Whether an attempt got past the gates, so that the request may have left. */
  sent: boolean;
  /** Whether an earlier attempt may have changed something (its outcome was `unknown`). */
  mayHaveApplied: boolean;
  /** The response of the current attempt, once its headers arrived. */
  response: Response | undefined;
  /** The provider's description of the current attempt's failed response, computed once. */
  described: { response: Response; description: ErrorDescription | undefined } | undefined;
  readonly context: FailureContext;
}

function emit<E extends RequestEvent>(hook: ((event: E) => void) | undefined, event: E): void {
  if (!hook) return;
  try {
    const result: unknown = hook(event);
    if (result instanceof Promise) result.catch(() => undefined);
  } catch {
    // Telemetry must never break a request.
  }
}

function toIssues(error: z.core.$ZodError): SchemaIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map((key) => (typeof key === 'number' ? key : String(key))),
    message: issue.message,
  }));
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false; error: string } {
  if (text.trim() === '') return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

/** Settles like `promise`, unless `signal` aborts first: then rejects with the signal's reason. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/** Sets `outcome` on an SDK error that has none yet. */
function withOutcome<E>(error: E, outcome: RequestOutcome): E {
  if (error instanceof ItsmError && error.outcome === undefined) (error as { outcome: RequestOutcome | undefined }).outcome = outcome;
  return error;
}

/**
 * Makes a transport for one service.
 *
 * @param options - Base URL, auth, limits, gates and hooks. Checked here: a bad option throws an `InputError`.
 * @example
 * ```ts
 * const http = createTransport({
 *   provider: 'jira-cloud',
 *   baseUrl: 'https://example.atlassian.net',
 *   auth: (headers) => headers.set('authorization', `Basic ${btoa(`${email}:${token}`)}`),
 *   secrets: [token],
 *   readOnlyPosts: ['/rest/api/3/search/jql'],
 *   describeError: ({ body }) => ({ messages: (body as { errorMessages?: string[] })?.errorMessages }),
 * });
 * const me = await http.request('GET', '/rest/api/3/myself');
 * ```
 *
 * @category Transport
 */
export function createTransport(options: TransportOptions): Transport {
  const settings = resolveTransportOptions(options);
  const { provider, base } = settings;
  const secrets = createSecretStore(settings.secrets);
  secrets.learnHeaders(new Headers(settings.headers));
  const send = followRedirectsSafely(() => settings.fetch ?? globalThis.fetch, { provider });

  async function request(method: string, path: string, callOptions: CallOptions = {}): Promise<unknown> {
    const call = startCall(method, path, callOptions);
    const timer = call.totalTimeout <= MAX_TIMER_MS
      ? setTimeout(() => call.totalController.abort(new DOMException('The whole-call time limit ran out', 'TimeoutError')), call.totalTimeout)
      : undefined;
    try {
      return await run(call);
    } catch (error) {
      throw mapFailure(error, call);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Checks the call's options and sets up what its attempts share. Throws `InputError` before any request. */
  function startCall(method: string, path: string, callOptions: CallOptions): Call {
    if (typeof method !== 'string' || !/^[A-Za-z]+$/.test(method)) {
      throw new InputError('method must be an HTTP method such as GET or POST', { provider, field: 'method' });
    }
    if (typeof path !== 'string') throw new InputError('path must be a string', { provider, field: 'path' });
    if (/[\u0000-\u001f\u007f]/.test(path)) {
      throw new InputError('path must not contain control characters (line breaks, NUL, ...)', { provider, field: 'path' });
    }
    checkRequestOptions(callOptions, provider);
    const verb = method.toUpperCase();
    const attemptTimeout = checkDuration('options.timeout', callOptions.timeout, settings.timeout, provider);
    const totalTimeout = checkDuration('options.totalTimeout', callOptions.totalTimeout, settings.totalTimeout, provider);
    const maxRetries = checkRetries('options.maxRetries', callOptions.maxRetries, settings.maxRetries, provider);
    if (callOptions.json !== undefined && callOptions.body !== undefined) {
      throw new InputError('options.body: give either json or body, not both', { provider, field: 'options.body' });
    }
    const maxBodyBytes = checkByteLimit('options.maxBodyBytes', callOptions.maxBodyBytes, settings.maxBodyBytes, provider);
    if (maxBodyBytes !== Infinity) {
      const size = bodySize(callOptions);
      if (size !== undefined && size > maxBodyBytes) {
        const field = callOptions.json !== undefined ? 'options.json' : 'options.body';
        throw new InputError(`${field} is ${size} bytes, more than the ${maxBodyBytes} bytes this client sends (maxBodyBytes)`, { provider, field });
      }
    }
    const userSignal = callOptions.signal;
    userSignal?.throwIfAborted();
    const totalController = new AbortController();
    const pathShown = displayPath(path);
    let shown: { version: number; href: string; url: string } | undefined;
    const call: Call = {
      method: verb,
      path,
      query: callOptions.query,
      options: callOptions,
      responseType: callOptions.responseType ?? 'json',
      attemptTimeout,
      totalTimeout,
      maxRetries,
      deadline: Number.isFinite(totalTimeout) ? performance.now() + totalTimeout : undefined,
      userSignal,
      totalController,
      signal: userSignal ? AbortSignal.any([userSignal, totalController.signal]) : totalController.signal,
      url: undefined,
      endpoint: pathShown,
      readOnly: SAFE_METHODS.has(verb),
      retryable: false,
      attempt: 0,
      sent: false,
      mayHaveApplied: false,
      response: undefined,
      described: undefined,
      context: {
        provider,
        method: verb,
        get path() {
          return secrets.redact(pathShown);
        },
        get url() {
          const href = call.url?.href ?? `${base.current?.prefix ?? ''}${pathShown}`;
          if (shown?.version !== secrets.version || shown.href !== href) shown = { version: secrets.version, href, url: secrets.displayUrl(href) };
          return shown.url;
        },
        redact: secrets.redact,
        attemptTimeoutMs: attemptTimeout,
        maxRetryAfterMs: settings.maxRetryAfterMs,
        requestIdHeaders: settings.requestIdHeaders,
        describe: (response) => settings.describeError?.(response),
      },
    };
    return call;
  }

  /** Resolves the base URL, runs the attempts, and sends the call once more to a base URL resolved anew after a refused login. */
  async function run(call: Call): Promise<unknown> {
    let location = await untilAborted(base.resolve(), call.signal);
    for (let resolvedAgain = false; ; resolvedAgain = true) {
      target(call, location);
      try {
        return await attempts(call);
      } catch (error) {
        if (resolvedAgain || !base.lazy || !(error instanceof AuthenticationError) || call.signal.aborted) throw error;
        const next = await untilAborted(base.refresh(location), call.signal);
        if (next.href === location.href) throw error;
        location = next;
      }
    }
  }

  /** Points the call at a base URL: its request URL, endpoint, and whether it only reads. */
  function target(call: Call, location: BaseLocation): void {
    const url = buildRequestUrl(location.prefix, location.origin, call.path, call.query, provider);
    secrets.learnUrl(url.href);
    const endpoint = url.pathname.startsWith(`${location.pathname}/`) ? url.pathname.slice(location.pathname.length) : url.pathname;
    call.url = url;
    call.endpoint = endpoint;
    if (call.method === 'POST' && settings.readOnlyPosts.some((rule) => (typeof rule === 'string' ? rule === endpoint : rule.test(endpoint)))) {
      call.readOnly = true;
    }
    call.retryable = isRetryableMethod(call.method, call.options.retryable ?? (call.readOnly ? true : undefined));
  }

  /** Sends the attempts of a call until one succeeds or a failure may not (or need not) be retried. */
  async function attempts(call: Call): Promise<unknown> {
    const kyOptions = kyOptionsOf(call);
    const ky = await loadKy();
    for (;;) {
      call.attempt += 1;
      call.response = undefined;
      call.described = undefined;
      const gateRequest: GateRequest = { provider, method: call.method, path: call.endpoint, attempt: call.attempt, key: call.options.concurrencyKey };
      const release = await enterGates(settings.gates, gateRequest, call.signal);
      call.sent = true;
      let failure: unknown;
      try {
        return await readBody(ky(call.url as URL, kyOptions), call);
      } catch (error) {
        failure = error;
      } finally {
        release();
      }
      if (call.signal.aborted) throw failure;
      const kind = classifyFailure(failure);
      const description = kind.kind === 'http' ? describeHttp(call, kind) : undefined;
      const outcome = outcomeOf(call, failure, kind, description);
      if (outcome === 'unknown') call.mayHaveApplied = true;
      if ((call.retryable || neverLeft(kind, outcome)) && call.attempt <= call.maxRetries) {
        const decision = decideRetry({
          failure: toAttemptFailure(kind, description),
          retry: call.attempt,
          baseMs: settings.retryBaseMs,
          maxMs: settings.retryMaxMs,
          maxRetryAfterMs: settings.maxRetryAfterMs,
          remainingMs: call.deadline === undefined ? undefined : call.deadline - performance.now(),
        });
        if (decision.retry) {
          await delay(decision.delayMs, call.signal);
          continue;
        }
      }
      throw withOutcome(toItsmError(failure, { ...call.context, describe: () => description }), outcome);
    }
  }

  /** What a failed attempt did on the server; see `RequestOutcome`. */
  function outcomeOf(call: Call, failure: unknown, kind: FailureKind, description: ErrorDescription | undefined): RequestOutcome {
    if (call.readOnly) return 'not_applied';
    if (failure instanceof ItsmError && failure.outcome !== undefined) return failure.outcome;
    const outcome = description?.outcome ?? outcomeOfFailure(kind);
    return outcome === 'not_applied' && call.mayHaveApplied ? 'unknown' : outcome;
  }

  /** The ky options of a call's attempts: headers, body, time limit per attempt, no retries of ky's own. */
  function kyOptionsOf(call: Call): Options {
    const headers = new Headers(settings.headers);
    for (const [name, value] of Object.entries(call.options.headers ?? {})) if (value !== undefined) headers.set(name, value);
    if (!headers.has('accept')) headers.set('accept', call.responseType === 'json' ? 'application/json' : '*/*');
    const kyOptions: Options = {
      method: call.method,
      headers,
      signal: call.signal,
      timeout: Number.isFinite(call.attemptTimeout) && call.attemptTimeout <= MAX_TIMER_MS ? call.attemptTimeout : false,
      fetch: attemptFetch(call),
      retry: 0,
      redirect: 'manual',
    };
    if (call.options.json !== undefined) kyOptions.json = call.options.json;
    else if (call.options.body !== undefined) kyOptions.body = call.options.body;
    return kyOptions;
  }

  /** Reads the body as the call asked, after letting `inspectResponse` flag a 2xx that is a failure. */
  async function readBody(pending: ResponsePromise, call: Call): Promise<unknown> {
    const { context } = call;
    if (call.responseType === 'response') {
      const response = await pending;
      inspect(call, { status: response.status, headers: response.headers, body: undefined });
      return response;
    }
    if (call.responseType === 'bytes') {
      const bytes = new Uint8Array(await pending.arrayBuffer());
      inspect(call, { body: undefined });
      return bytes;
    }
    const text = await pending.text();
    if (call.responseType === 'text') {
      inspect(call, { body: text });
      return text;
    }
    const parsed = parseJson(text);
    inspect(call, { body: parsed.ok ? parsed.value : text });
    if (!parsed.ok) {
      throw new ResponseShapeError(`${call.method} ${context.path} returned a body that is not valid JSON`, {
        provider,
        issues: [{ path: [], message: secrets.redact(parsed.error) }],
        raw: secrets.redact(text),
        outcome: call.readOnly ? 'not_applied' : 'applied',
      });
    }
    return call.options.schema ? validate(call, call.options.schema, parsed.value) : parsed.value;
  }

  /** The `fetch` ky calls for the attempt: auth, secret learning, safe redirects, telemetry. */
  function attemptFetch(call: Call) {
    return async (input: Input, init?: RequestInit): Promise<Response> => {
      const request = input instanceof Request ? input : new Request(input, init);
      const attempt = call.attempt;
      const beforeAuth = settings.auth ? new Headers(request.headers) : undefined;
      if (settings.auth) await settings.auth(request.headers);
      secrets.learnHeaders(request.headers, beforeAuth);
      const { onRequest, onResponse } = settings;
      const event = onRequest || onResponse ? { provider, method: call.method, url: call.context.url, attempt } : undefined;
      if (event) emit(onRequest, event);
      const started = performance.now();
      try {
        const response = await send(request, input instanceof Request ? init : undefined);
        call.response = response;
        if (event) {
          emit<ResponseEvent>(onResponse, {
            ...event,
            status: response.status,
            durationMs: performance.now() - started,
            requestId: secrets.redact(requestIdOf(response.headers, settings.requestIdHeaders)),
            error: undefined,
          });
        }
        return response;
      } catch (error) {
        if (event) {
          emit<ResponseEvent>(onResponse, {
            ...event,
            status: undefined,
            durationMs: performance.now() - started,
            requestId: undefined,
            error: abortKind(call) ?? classifyAttemptError(error),
          });
        }
        throw error;
      }
    };
  }

  /** The provider's description of a failed response, once per attempt. */
  function describeHttp(call: Call, kind: Extract<FailureKind, { kind: 'http' }>): ErrorDescription | undefined {
    const { response } = kind.error;
    if (call.described?.response === response) return call.described.description;
    const info: ResponseInfo = { status: response.status, headers: response.headers, body: kind.error.data, method: call.method, url: call.context.url };
    const description = settings.describeError?.(info);
    call.described = { response, description };
    return description;
  }

  /** Throws when the provider's `inspectResponse` flags a 2xx response as a failure. */
  function inspect(call: Call, seen: Partial<ResponseInfo>): void {
    if (!settings.inspectResponse) return;
    const { response, context } = call;
    const info: ResponseInfo = {
      status: seen.status ?? response?.status ?? 200,
      headers: seen.headers ?? response?.headers ?? new Headers(),
      body: seen.body,
      method: context.method,
      url: context.url,
    };
    const flagged = settings.inspectResponse(info);
    if (flagged) {
      const error = buildApiError(info, mergeDescriptions(settings.describeError?.(info), flagged), context);
      throw withOutcome(error, 'not_applied');
    }
  }

  /** Parses a JSON body with the call's schema, or throws a `ResponseShapeError` listing the issues. */
  function validate(call: Call, schema: z.core.$ZodType, value: unknown): unknown {
    const result = safeParseInEnglish(schema, value);
    if (result.success) return result.data;
    const issues = secrets.redact(toIssues(result.error));
    const first = issues[0];
    const where = first && first.path.length > 0 ? `${first.path.join('.')}: ` : '';
    throw new ResponseShapeError(
      `${call.method} ${call.context.path} returned an unexpected response: ${where}${first?.message ?? 'invalid'}`,
      { provider, issues, raw: secrets.redact(value), outcome: call.readOnly ? 'not_applied' : 'applied' },
    );
  }

  return {
    provider,
    get baseUrl() {
      return base.lazy ? base.current?.href : (options.baseUrl as string);
    },
    async resolveBaseUrl(resolveOptions: { signal?: AbortSignal | undefined } = {}) {
      const pending = base.resolve();
      return (await (resolveOptions.signal ? untilAborted(pending, resolveOptions.signal) : pending)).href;
    },
    redact: secrets.redact,
    request: request as Transport['request'],
  };
}

/**
 * Whether a failed attempt provably never reached the service — the connection was refused or never
 * made, the host name did not resolve — so that even a write may be sent again: no byte of it left.
 * A reset, a timeout or a closed connection does not qualify, whatever the connection's age: the
 * request may have been read (its outcome is `unknown`).
 */
function neverLeft(kind: FailureKind, outcome: RequestOutcome): boolean {
  return kind.kind === 'connection' && outcome === 'not_applied';
}

/** Whether the call was aborted by its caller or ran out of time as a whole. */
function abortKind(call: Call): 'aborted' | 'timeout' | undefined {
  if (call.userSignal?.aborted) return 'aborted';
  return call.totalController.signal.aborted ? 'timeout' : undefined;
}

/** Why an attempt got no response, for telemetry. A fetch aborted without the caller is ky's per-attempt timeout. */
function classifyAttemptError(error: unknown): 'connection' | 'timeout' {
  if (error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError')) return 'timeout';
  return 'connection';
}

/**
 * The error a failed call rejects with: the caller's abort reason unchanged, a `TimeoutError` when
 * the whole-call limit ran out, else the failure mapped to the `ItsmError` tree.
 */
function mapFailure(error: unknown, call: Call): unknown {
  const { context, totalTimeout } = call;
  if (call.userSignal?.aborted) return call.userSignal.reason;
  if (call.totalController.signal.aborted) {
    return new TimeoutError(
      `${context.method} ${context.path} timed out after ${totalTimeout} ms (whole call, including retries)`,
      {
        provider: context.provider,
        method: context.method,
        url: context.url,
        timeoutMs: totalTimeout,
        outcome: call.readOnly || !call.sent ? 'not_applied' : 'unknown',
      },
    );
  }
  if (error instanceof ItsmError) return error;
  try {
    return toItsmError(error, context);
  } catch (hookError) {
    // A provider hook (describeError) threw while mapping: report that, redacted.
    if (hookError instanceof ItsmError) return hookError;
    return toItsmError(hookError, { ...context, describe: () => undefined });
  }
}
