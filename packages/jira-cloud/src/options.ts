/**
 * The options of {@link JiraCloudClient}, their validation, and the options every call accepts.
 *
 * @module
 */
import type { TransportOptions } from '@itsm/core';
import {
  clientOptionKeys,
  resolveClientOptions as resolveProviderClientOptions,
  serviceUrlSchema,
  type CallOptions as ProviderCallOptions,
  type ClientTransportOptions,
} from '@itsm/core/provider';
import * as z from 'zod/mini';
import { jql } from './jql/index.js';
import { JIRA_CLOUD } from './provider.js';

/**
 * The gateway scoped API tokens must go through: `https://api.atlassian.com/ex/jira/{cloudId}`.
 *
 * @category Client
 */
export const ATLASSIAN_GATEWAY_URL = 'https://api.atlassian.com';

/**
 * Response headers that carry Jira's request id, tried in order.
 *
 * @category Client
 */
export const JIRA_REQUEST_ID_HEADERS: readonly string[] = Object.freeze(['x-arequestid', 'atl-traceid']);

/**
 * Jira's `POST` endpoints that only read (searches, counts, bulk fetches, JQL parsing): the client
 * retries them like a `GET`, and their failures never leave an unknown outcome.
 *
 * @category Client
 */
export const JIRA_READ_ONLY_POSTS: readonly string[] = Object.freeze([
  '/rest/api/3/search/jql',
  '/rest/api/3/search/approximate-count',
  '/rest/api/3/search',
  '/rest/api/3/issue/bulkfetch',
  '/rest/api/3/comment/list',
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
 *
 * @category Client
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
 * overriding the client's for that call: `signal`, `timeout`, `totalTimeout`, `maxRetries`,
 * `headers` (headers the method needs, e.g. `X-Atlassian-Token`, take precedence). Any other key
 * in a method's options object is an `InputError` naming it.
 *
 * @example
 * ```ts
 * const controller = new AbortController();
 * await jira.issues.get('HELP-1', { fields: ['summary'], signal: controller.signal, timeout: 5_000 });
 * ```
 *
 * @category Client
 */
export type CallOptions = ProviderCallOptions;

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
  transport: ClientTransportOptions;
}

const EXAMPLE_SITE = 'https://your-domain.atlassian.net';

/** A URL option: https (http only on loopback hosts), no credentials, and not the REST API path. */
const urlOption = serviceUrlSchema({
  example: EXAMPLE_SITE,
  credentials: 'the email and apiToken options',
  checkPath: (url) => (/\/rest(?:\/|$)/.test(url.pathname)
    ? `must be the site URL without the API path (e.g. ${url.origin}), not ${url.origin}${url.pathname}`
    : undefined),
});

function isTimeZone(timeZone: string): boolean {
  try {
    jql.withTimeZone(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The client's own options, checked. */
const CLOUD_ID_MESSAGE = 'must be a cloud id such as 11223344-a1b2-3b33-c444-def123456789';
const TIME_ZONE_MESSAGE = 'must be an IANA time zone such as "America/Danmarkshavn"';

const OwnOptionsSchema = z
  .strictObject({
    baseUrl: z.optional(urlOption),
    cloudId: z.optional(z.string({ error: CLOUD_ID_MESSAGE }).check(z.regex(/^[A-Za-z0-9][A-Za-z0-9-]*$/, CLOUD_ID_MESSAGE))),
    email: z.pipe(
      z.string({ error: 'is required (the Atlassian account email)' }).check(
        z.refine((email) => email.trim() !== '', { message: 'is required (the Atlassian account email)', abort: true }),
        z.refine((email) => email.includes('@'), { message: 'must be an email address', abort: true }),
        z.refine((email) => !email.includes(':'), 'must not contain ":" (it separates email and token in Basic auth)'),
        z.refine((email) => !/[\u0000-\u001f\u007f]/.test(email.trim()), 'must not contain line breaks or other control characters'),
      ),
      z.transform((email) => email.trim()),
    ),
    apiToken: z.string({ error: 'is required' }).check(
      z.refine((token) => token.trim() !== '', { message: 'is required', abort: true }),
      z.refine((token) => token === token.trim(), { message: 'has white space at its start or end (copied with a line break?)', abort: true }),
      z.refine((token) => !/[\u0000-\u001f\u007f]/.test(token), 'must not contain line breaks, NUL or other control characters'),
    ),
    timeZone: z.optional(
      z.string({ error: TIME_ZONE_MESSAGE }).check(
        z.superRefine((timeZone, context) => {
          if (!isTimeZone(timeZone)) context.addIssue({ code: 'custom', message: `${TIME_ZONE_MESSAGE} (got ${JSON.stringify(timeZone)})` });
        }),
      ),
    ),
    gatewayUrl: z.optional(urlOption),
  })
  .check(
    z.superRefine((options, context) => {
      if (options.baseUrl === undefined && options.cloudId === undefined) {
        context.addIssue({ code: 'custom', path: ['baseUrl'], message: `is required, or cloudId: the site URL (${EXAMPLE_SITE}) or the cloud id for scoped tokens` });
      }
      if (options.cloudId === undefined && options.gatewayUrl !== undefined) {
        context.addIssue({ code: 'custom', path: ['gatewayUrl'], message: 'is only used with cloudId' });
      }
    }),
  );

/** Every option {@link JiraCloudClient} accepts: its own and the transport's it passes on. */
export const CLIENT_OPTION_KEYS: readonly string[] = clientOptionKeys({ schema: OwnOptionsSchema });

/**
 * Checks the client's options.
 *
 * @param options - What the caller gave.
 * @throws InputError naming the first bad option (`email`, `apiToken`, `baseUrl`, `cloudId`, ...).
 */
export function resolveClientOptions(options: JiraCloudClientOptions): ResolvedClientOptions {
  const { own, transport } = resolveProviderClientOptions(options, { provider: JIRA_CLOUD, client: 'JiraCloudClient', schema: OwnOptionsSchema });
  const apiBaseUrl = own.cloudId === undefined ? own.baseUrl : `${own.gatewayUrl ?? ATLASSIAN_GATEWAY_URL}/ex/jira/${own.cloudId}`;
  return {
    apiBaseUrl: apiBaseUrl as string,
    siteUrl: own.baseUrl,
    cloudId: own.cloudId,
    email: own.email,
    apiToken: own.apiToken,
    timeZone: own.timeZone,
    transport,
  };
}
