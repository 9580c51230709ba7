/**
 * The options of {@link JiraCloudClient}, their validation, and the options every call accepts.
 *
 * @module
 */
import { InputError, isLoopbackHost, type TransportOptions } from '@itsm/core';
import { jql } from './jql/index.js';

/** The gateway scoped API tokens must go through: `https://api.atlassian.com/ex/jira/{cloudId}`. */
export const ATLASSIAN_GATEWAY_URL = 'https://api.atlassian.com';

/** Response headers that carry Jira's request id, tried in order. */
export const JIRA_REQUEST_ID_HEADERS: readonly string[] = Object.freeze(['x-arequestid', 'atl-traceid']);

/**
 * Jira's `POST` endpoints that only read (searches, counts, bulk fetches, JQL parsing): the client
 * retries them like a `GET`, and their failures never leave an unknown outcome.
 */
export const JIRA_READ_ONLY_POSTS: readonly string[] = Object.freeze([
  '/rest/api/3/search/jql',
  '/rest/api/3/search/approximate-count',
  '/rest/api/3/search',
  '/rest/api/3/issue/bulkfetch',
  '/rest/api/3/jql/parse',
  '/rest/api/3/jql/sanitize',
  '/rest/api/3/jql/match',
  '/rest/api/3/expression/eval',
  '/rest/api/3/expression/evaluate',
]);

/**
 * Options of {@link JiraCloudClient}.
 *
 * Give `baseUrl` (the site, `https://your-domain.atlassian.net`) for classic API tokens, or `cloudId`
 * for scoped API tokens (the only kind service accounts can create), which Atlassian accepts only
 * through `https://api.atlassian.com/ex/jira/{cloudId}`. With both, requests go through the gateway
 * and `baseUrl` is used for links (`/browse/KEY`, portal pages).
 *
 * Every option of the core transport is accepted too (`timeout`, `maxRetries`, `concurrency`,
 * `fetch`, `onRequest`, `gates`, ...), except the ones the client owns: `provider`, `auth`,
 * `describeError`, `inspectResponse` and `readOnlyPosts`. Any other key is an `InputError` naming it, never ignored.
 *
 * @example
 * ```ts
 * const jira = new JiraCloudClient({
 *   baseUrl: 'https://your-domain.atlassian.net',
 *   email: 'helpdesk-bot@example.com',
 *   apiToken: process.env.JIRA_API_TOKEN!,
 *   maxRetries: 3,
 * });
 * // A service account with a scoped token:
 * const scoped = new JiraCloudClient({ cloudId: '11223344-a1b2-3b33-c444-def123456789', email, apiToken });
 * ```
 */
export interface JiraCloudClientOptions
  extends Omit<TransportOptions, 'provider' | 'baseUrl' | 'auth' | 'describeError' | 'inspectResponse' | 'readOnlyPosts'> {
  /**
   * The Jira site, e.g. `https://your-domain.atlassian.net`, without `/rest/...`. Must be `https`;
   * `http` is accepted only for loopback hosts (`localhost`, `127.0.0.1`, `[::1]`), for local simulators.
   * Required unless `cloudId` is given.
   */
  baseUrl?: string | undefined;
  /**
   * The site's cloud id. Requests then go to `{gatewayUrl}/ex/jira/{cloudId}`. Required for scoped
   * API tokens. Found at `https://your-domain.atlassian.net/_edge/tenant_info`.
   */
  cloudId?: string | undefined;
  /** The Atlassian account's email address (for a service account, its generated address). */
  email: string;
  /** The API token. Registered as a secret: it never appears in an error or event. */
  apiToken: string;
  /**
   * The IANA time zone of the account's Jira profile, when known in advance (e.g.
   * `America/Danmarkshavn`). Saves the `myself()` call {@link JiraCloudClient.timeZone} makes otherwise.
   */
  timeZone?: string | undefined;
  /** The gateway used with `cloudId`. Default `https://api.atlassian.com`; change it only to point at a simulator. */
  gatewayUrl?: string | undefined;
}

/**
 * Options every method of the client accepts (in its options object, or as its last argument),
 * overriding the client's for that call.
 *
 * @example
 * ```ts
 * const controller = new AbortController();
 * await jira.issues.get('HELP-1', { fields: ['summary'], signal: controller.signal, timeout: 5_000 });
 * ```
 */
export interface CallOptions {
  /** Aborts the call; it then rejects with the signal's reason. */
  signal?: AbortSignal | undefined;
  /** Time limit of one attempt, in milliseconds. */
  timeout?: number | undefined;
  /** Time limit of the whole call, retries included, in milliseconds. */
  totalTimeout?: number | undefined;
  /** Retries after the first attempt (only for calls that may be retried). */
  maxRetries?: number | undefined;
  /** Extra headers. Headers the method needs (e.g. `X-Atlassian-Token`) take precedence. */
  headers?: Record<string, string> | undefined;
}

/** The client's options, checked. */
export interface ResolvedClientOptions {
  /** Where requests go: the site, or the gateway URL for the cloud id. No trailing slash. */
  apiBaseUrl: string;
  /** The site URL, when given (no trailing slash). */
  siteUrl: string | undefined;
  /** The cloud id, when given. */
  cloudId: string | undefined;
  /** The account's email. */
  email: string;
  /** The API token. */
  apiToken: string;
  /** The profile time zone given in the options. */
  timeZone: string | undefined;
  /** The options left for the transport. */
  transport: Omit<TransportOptions, 'provider' | 'baseUrl' | 'auth' | 'describeError' | 'inspectResponse' | 'readOnlyPosts'>;
}

/** Every option of {@link JiraCloudClientOptions}, so that one missing here (say, a new transport option) fails to compile. */
const OPTIONS: Record<keyof JiraCloudClientOptions, true> = {
  baseUrl: true, cloudId: true, email: true, apiToken: true, timeZone: true, gatewayUrl: true, secrets: true, timeout: true,
  totalTimeout: true, maxRetries: true, retryDelay: true, maxRetryAfterMs: true, fetch: true, userAgent: true, headers: true,
  onRequest: true, onResponse: true, concurrency: true, gates: true, requestIdHeaders: true,
};

/** Every option {@link JiraCloudClient} accepts: its own and the transport's it passes on. */
export const CLIENT_OPTION_KEYS: readonly string[] = Object.freeze(Object.keys(OPTIONS));

/** Transport options the client sets itself. */
const OWNED_OPTION_KEYS = ['provider', 'auth', 'describeError', 'inspectResponse', 'readOnlyPosts'] as const;

function bad(field: string, message: string): never {
  throw new InputError(`${field} ${message}`, { provider: 'jira-cloud', field });
}

/** Checks an http(s) URL option and returns it without a trailing slash. */
function checkUrl(field: string, value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') bad(field, 'must be a non-empty URL string');
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    // The value is not echoed: a misplaced token or user:password would end up in the error.
    return bad(field, 'must be an absolute URL such as https://your-domain.atlassian.net');
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackHost(url.hostname))) {
    bad(field, 'must use https (http is accepted only for localhost and other loopback hosts)');
  }
  if (url.username || url.password) bad(field, 'must not hold credentials; use the email and apiToken options');
  if (url.search || url.hash) bad(field, 'must not have a query or a fragment');
  if (/\/rest(?:\/|$)/.test(url.pathname)) {
    bad(field, `must be the site URL without the API path (e.g. ${url.origin}), not ${url.origin}${url.pathname}`);
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/**
 * Checks the client's options.
 *
 * @param options - What the caller gave.
 * @throws InputError naming the first bad option (`email`, `apiToken`, `baseUrl`, `cloudId`, ...).
 */
export function resolveClientOptions(options: JiraCloudClientOptions): ResolvedClientOptions {
  if (typeof options !== 'object' || options === null) bad('options', 'must be an object');
  const { baseUrl, cloudId, email, apiToken, timeZone, gatewayUrl, ...transport } = options;
  for (const [key, value] of Object.entries(options)) {
    if (value === undefined) continue;
    if ((OWNED_OPTION_KEYS as readonly string[]).includes(key)) bad(key, 'is set by JiraCloudClient and cannot be given');
    if (!CLIENT_OPTION_KEYS.includes(key)) bad(key, 'is not a known option');
  }
  if (typeof email !== 'string' || email.trim() === '') bad('email', 'is required (the Atlassian account email)');
  if (!email.includes('@')) bad('email', 'must be an email address');
  if (email.includes(':')) bad('email', 'must not contain ":" (it separates email and token in Basic auth)');
  if (typeof apiToken !== 'string' || apiToken.trim() === '') bad('apiToken', 'is required');
  if (apiToken !== apiToken.trim()) bad('apiToken', 'has white space at its start or end (copied with a line break?)');
  if (baseUrl === undefined && cloudId === undefined) {
    bad('baseUrl', 'or cloudId is required: the site URL (https://your-domain.atlassian.net) or the cloud id for scoped tokens');
  }
  const siteUrl = baseUrl === undefined ? undefined : checkUrl('baseUrl', baseUrl);
  let apiBaseUrl = siteUrl;
  if (cloudId !== undefined) {
    if (typeof cloudId !== 'string' || !/^[A-Za-z0-9][A-Za-z0-9-]*$/.test(cloudId)) {
      bad('cloudId', 'must be a cloud id such as 11223344-a1b2-3b33-c444-def123456789');
    }
    const gateway = gatewayUrl === undefined ? ATLASSIAN_GATEWAY_URL : checkUrl('gatewayUrl', gatewayUrl);
    apiBaseUrl = `${gateway}/ex/jira/${cloudId}`;
  } else if (gatewayUrl !== undefined) {
    bad('gatewayUrl', 'is only used with cloudId');
  }
  if (timeZone !== undefined) {
    try {
      jql.withTimeZone(timeZone);
    } catch {
      bad('timeZone', `must be an IANA time zone such as "America/Danmarkshavn" (got ${JSON.stringify(timeZone)})`);
    }
  }
  return {
    apiBaseUrl: apiBaseUrl as string,
    siteUrl,
    cloudId,
    email: email.trim(),
    apiToken,
    timeZone,
    transport,
  };
}
