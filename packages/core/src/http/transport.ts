/**
 * The HTTP transport every provider client uses: one ky call per request, with the transport's
 * base URL, auth, time limits, retry policy, concurrency limit, telemetry and error mapping.
 *
 * A call goes: build the URL, wait for a concurrency slot, then let ky send it; each attempt passes
 * through {@link createTransport}'s `fetch` wrapper, which sets the credentials (`auth`), learns
 * them for redaction, and reports the attempt to `onRequest`/`onResponse`. ky's retry loop asks
 * the retry policy (`shouldRetry`) and waits the delay it chose. The whole-call time limit and the
 * caller's signal abort everything, including waits. Failures are mapped to the `ItsmError` tree.
 *
 * @module
 */
import type { HTTPError, Input, Options, ResponsePromise } from 'ky';
import type { z } from 'zod';
import { InputError, ItsmError, ResponseShapeError, TimeoutError, type SchemaIssue } from '../errors.js';
import type { ProviderId } from '../model.js';
import type { Redactor } from '../redact.js';
import {
  classifyFailure,
  buildApiError,
  mergeDescriptions,
  requestIdOf,
  toAttemptFailure,
  toItsmError,
  type FailureContext,
} from './error-mapping.js';
import { ky } from './ky.js';
import { createConcurrencyLimiter, type ReleaseSlot } from './limiter.js';
import {
  checkDuration,
  checkRetries,
  resolveTransportOptions,
  type ErrorDescription,
  type RequestEvent,
  type RequestOptions,
  type ResponseBodyType,
  type ResponseEvent,
  type ResponseInfo,
  type SchemaRequestOptions,
  type TransportOptions,
} from './options.js';
import { decideRetry, isRetryableMethod } from './retry-policy.js';
import { createSecretStore } from './secrets.js';
import { buildRequestUrl, displayPath } from './url.js';

/** Longest delay a timer accepts. */
const MAX_TIMER_MS = 2_147_483_647;

/**
 * Sends requests to one service. Made by {@link createTransport}.
 *
 * @example
 * ```ts
 * const me = await http.request<{ accountId: string }>('GET', '/rest/api/3/myself');
 * const page = await http.request('POST', '/rest/api/3/search/jql', { json: { jql }, retryable: true, schema: PageSchema });
 * const file = await http.request('GET', `/attachments/${id}`, { responseType: 'bytes' });
 * ```
 */
export interface Transport {
  /** The provider, set on every error. */
  readonly provider: ProviderId;
  /** The base URL requests are relative to. */
  readonly baseUrl: string;
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
  request<S extends z.ZodType>(method: string, path: string, options: SchemaRequestOptions<S>): Promise<z.output<S>>;
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
type CallOptions = RequestOptions & { schema?: z.ZodType };

/** One call: its checked options, its signals, and what its attempts share. */
interface Call {
  /** HTTP method, upper case. */
  method: string;
  url: URL;
  responseType: ResponseBodyType;
  attemptTimeout: number;
  totalTimeout: number;
  maxRetries: number;
  /** `performance.now()` at which the whole-call limit runs out; `undefined` for none. */
  deadline: number | undefined;
  userSignal: AbortSignal | undefined;
  /** Aborted when the whole-call limit runs out. */
  totalController: AbortController;
  /** Aborted by the caller or by the whole-call limit: stops waits, attempts and body reads. */
  signal: AbortSignal;
  state: CallState;
  context: FailureContext;
}

/** What a call remembers across its attempts. */
interface CallState {
  attempt: number;
  /** The URL fit to show (redacted), computed when first needed and again after a secret is learned. */
  readonly url: string;
  nextDelayMs: number;
  response: Response | undefined;
  described: { error: HTTPError; description: ErrorDescription | undefined } | undefined;
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

function toIssues(error: z.ZodError): SchemaIssue[] {
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

/**
 * Makes a transport for one service.
 *
 * @param options - Base URL, auth, limits and hooks. Checked here: a bad option throws an `InputError`.
 * @example
 * ```ts
 * const http = createTransport({
 *   provider: 'jira-cloud',
 *   baseUrl: 'https://example.atlassian.net',
 *   auth: (headers) => headers.set('authorization', `Basic ${btoa(`${email}:${token}`)}`),
 *   secrets: [token],
 *   describeError: ({ body }) => ({ messages: (body as { errorMessages?: string[] })?.errorMessages }),
 * });
 * const me = await http.request('GET', '/rest/api/3/myself');
 * ```
 */
export function createTransport(options: TransportOptions): Transport {
  const settings = resolveTransportOptions(options);
  const secrets = createSecretStore(settings.secrets);
  secrets.learnHeaders(new Headers(settings.headers));
  const limiter = settings.concurrency ? createConcurrencyLimiter(settings.concurrency.limit) : undefined;

  async function request(method: string, path: string, callOptions: CallOptions = {}): Promise<unknown> {
    const call = startCall(method, path, callOptions);
    const timer = call.totalTimeout <= MAX_TIMER_MS
      ? setTimeout(() => call.totalController.abort(new DOMException('The whole-call time limit ran out', 'TimeoutError')), call.totalTimeout)
      : undefined;
    let release: ReleaseSlot | undefined;
    try {
      if (limiter && settings.concurrency) {
        const key = callOptions.concurrencyKey ?? settings.concurrency.key({ method: call.method, path });
        release = await limiter.acquire(key, call.signal);
      }
      return await readBody(ky(call.url, kyOptions(call, callOptions)), call, callOptions.schema);
    } catch (error) {
      throw mapFailure(error, call);
    } finally {
      clearTimeout(timer);
      release?.();
    }
  }

  /** Checks the call's options and sets up what its attempts share. Throws `InputError` before any request. */
  function startCall(method: string, path: string, callOptions: CallOptions): Call {
    const verb = method.toUpperCase();
    const url = buildRequestUrl(settings.basePrefix, settings.baseOrigin, path, callOptions.query);
    secrets.learnUrl(url.href);
    const attemptTimeout = checkDuration('options.timeout', callOptions.timeout, settings.timeout);
    const totalTimeout = checkDuration('options.totalTimeout', callOptions.totalTimeout, settings.totalTimeout);
    const maxRetries = checkRetries('options.maxRetries', callOptions.maxRetries, settings.maxRetries);
    if (callOptions.json !== undefined && callOptions.body !== undefined) {
      throw new InputError('options.body: give either json or body, not both', { provider: settings.provider, field: 'options.body' });
    }
    const userSignal = callOptions.signal;
    userSignal?.throwIfAborted();
    const totalController = new AbortController();

    const pathShown = displayPath(path);
    let shown: { version: number; url: string } | undefined;
    const state: CallState = {
      attempt: 0,
      get url() {
        if (shown?.version !== secrets.version) shown = { version: secrets.version, url: secrets.displayUrl(url.href) };
        return shown.url;
      },
      nextDelayMs: 0,
      response: undefined,
      described: undefined,
    };
    return {
      method: verb,
      url,
      responseType: callOptions.responseType ?? 'json',
      attemptTimeout,
      totalTimeout,
      maxRetries,
      deadline: Number.isFinite(totalTimeout) ? performance.now() + totalTimeout : undefined,
      userSignal,
      totalController,
      signal: userSignal ? AbortSignal.any([userSignal, totalController.signal]) : totalController.signal,
      state,
      context: {
        provider: settings.provider,
        method: verb,
        get path() {
          return secrets.redact(pathShown);
        },
        get url() {
          return state.url;
        },
        redact: secrets.redact,
        attemptTimeoutMs: attemptTimeout,
        requestIdHeaders: settings.requestIdHeaders,
        describe: (response, error) => describe(state, response, error),
      },
    };
  }

  /** The ky options of a call: headers, body, time limit per attempt, and the retry policy. */
  function kyOptions(call: Call, callOptions: CallOptions): Options {
    const { state, context } = call;
    const headers = new Headers(settings.headers);
    for (const [name, value] of Object.entries(callOptions.headers ?? {})) headers.set(name, value);
    if (!headers.has('accept')) headers.set('accept', call.responseType === 'json' ? 'application/json' : '*/*');
    const options: Options = {
      method: call.method,
      headers,
      signal: call.signal,
      timeout: Number.isFinite(call.attemptTimeout) && call.attemptTimeout <= MAX_TIMER_MS ? call.attemptTimeout : false,
      fetch: attemptFetch(call),
      retry: {
        // The method check is done here, once: a call that may not be retried gets no retries at all.
        limit: isRetryableMethod(call.method, callOptions.retryable) ? call.maxRetries : 0,
        methods: [call.method.toLowerCase()],
        // ky waits what shouldRetry decided, without adding jitter of its own.
        delay: () => state.nextDelayMs,
        shouldRetry: ({ error, retryCount }) => {
          if (call.signal.aborted) return false;
          const failure = classifyFailure(error);
          const description = failure.kind === 'http' ? describeHttpError(state, failure.error, context) : undefined;
          const decision = decideRetry({
            failure: toAttemptFailure(failure, description),
            retry: retryCount,
            baseMs: settings.retryBaseMs,
            maxMs: settings.retryMaxMs,
            maxRetryAfterMs: settings.maxRetryAfterMs,
            remainingMs: call.deadline === undefined ? undefined : call.deadline - performance.now(),
          });
          state.nextDelayMs = decision.retry ? decision.delayMs : 0;
          return decision.retry;
        },
      },
    };
    if (callOptions.json !== undefined) options.json = callOptions.json;
    else if (callOptions.body !== undefined) options.body = callOptions.body;
    return options;
  }

  /** Reads the body as the call asked, after letting `inspectResponse` flag a 2xx that is a failure. */
  async function readBody(pending: ResponsePromise, call: Call, schema: z.ZodType | undefined): Promise<unknown> {
    const { state, context } = call;
    if (call.responseType === 'response') {
      const response = await pending;
      inspect(state, context, { status: response.status, headers: response.headers, body: undefined });
      return response;
    }
    if (call.responseType === 'bytes') {
      const bytes = new Uint8Array(await pending.arrayBuffer());
      inspect(state, context, { body: undefined });
      return bytes;
    }
    const text = await pending.text();
    if (call.responseType === 'text') {
      inspect(state, context, { body: text });
      return text;
    }
    const parsed = parseJson(text);
    inspect(state, context, { body: parsed.ok ? parsed.value : text });
    if (!parsed.ok) {
      throw new ResponseShapeError(`${call.method} ${context.path} returned a body that is not valid JSON`, {
        provider: settings.provider,
        issues: [{ path: [], message: secrets.redact(parsed.error) }],
        raw: secrets.redact(text),
      });
    }
    return schema ? validate(schema, parsed.value, context) : parsed.value;
  }

  /** The `fetch` ky calls for each attempt: auth, secret learning, telemetry. */
  function attemptFetch(call: Call) {
    const { state, method } = call;
    return async (input: Input, init?: RequestInit): Promise<Response> => {
      const request = input instanceof Request ? input : new Request(input, init);
      state.attempt += 1;
      const attempt = state.attempt;
      const beforeAuth = settings.auth ? new Headers(request.headers) : undefined;
      if (settings.auth) await settings.auth(request.headers);
      secrets.learnHeaders(request.headers, beforeAuth);
      const { onRequest, onResponse } = settings;
      const event = onRequest || onResponse ? { provider: settings.provider, method, url: state.url, attempt } : undefined;
      if (event) emit(onRequest, event);
      const started = performance.now();
      const fetchImpl = settings.fetch ?? globalThis.fetch;
      try {
        const response = await fetchImpl(request, init);
        state.response = response;
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

  /** Describes a response with the provider's `describeError`, once per ky error (retry decision and mapping share it). */
  function describe(state: CallState, response: ResponseInfo, error?: HTTPError): ErrorDescription | undefined {
    if (error && state.described?.error === error) return state.described.description;
    const description = settings.describeError?.(response);
    if (error) state.described = { error, description };
    return description;
  }

  /** {@link describe} for a ky `HTTPError`, whose body ky has already read into `data`. */
  function describeHttpError(state: CallState, error: HTTPError, context: FailureContext): ErrorDescription | undefined {
    const { response } = error;
    return describe(state, { status: response.status, headers: response.headers, body: error.data, method: context.method, url: context.url });
  }

  /** Throws when the provider's `inspectResponse` flags a 2xx response as a failure. */
  function inspect(state: CallState, context: FailureContext, seen: Partial<ResponseInfo>): void {
    if (!settings.inspectResponse) return;
    const response = state.response;
    const info: ResponseInfo = {
      status: seen.status ?? response?.status ?? 200,
      headers: seen.headers ?? response?.headers ?? new Headers(),
      body: seen.body,
      method: context.method,
      url: context.url,
    };
    const flagged = settings.inspectResponse(info);
    if (flagged) throw buildApiError(info, mergeDescriptions(describe(state, info), flagged), context);
  }

  /** Parses a JSON body with the call's schema, or throws a `ResponseShapeError` listing the issues. */
  function validate(schema: z.ZodType, value: unknown, context: FailureContext): unknown {
    const result = schema.safeParse(value);
    if (result.success) return result.data;
    const issues = secrets.redact(toIssues(result.error));
    const first = issues[0];
    const where = first && first.path.length > 0 ? `${first.path.join('.')}: ` : '';
    throw new ResponseShapeError(
      `${context.method} ${context.path} returned an unexpected response: ${where}${first?.message ?? 'invalid'}`,
      { provider: settings.provider, issues, raw: secrets.redact(value) },
    );
  }

  return {
    provider: settings.provider,
    baseUrl: options.baseUrl,
    redact: secrets.redact,
    request: request as Transport['request'],
  };
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
      { provider: context.provider, method: context.method, url: context.url, timeoutMs: totalTimeout },
    );
  }
  try {
    return toItsmError(error, context);
  } catch (hookError) {
    // A provider hook (describeError) threw while mapping: report that, redacted.
    if (hookError instanceof ItsmError) return hookError;
    return toItsmError(hookError, { ...context, describe: () => undefined });
  }
}
