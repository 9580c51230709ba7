/**
 * {@link JiraCloudClient}: the native client of Jira Cloud platform REST v3 and Jira Service
 * Management, on the `@itsm/core` transport.
 *
 * @module
 */
import { cached, createTransport, type Cached, type Transport } from '@itsm/core';
import { createBasicAuth } from './auth.js';
import { describeJiraError, inspectJiraResponse } from './errors.js';
import type { ResourceContext } from './internal/resource.js';
import { jql, type JqlTag } from './jql/index.js';
import { JIRA_MAX_BODY_BYTES } from './limits.js';
import {
  JIRA_READ_ONLY_POSTS,
  JIRA_REQUEST_ID_HEADERS,
  resolveClientOptions,
  type CallOptions,
  type JiraCloudClientOptions,
} from './options.js';
import { IssuesResource } from './resources/issues.js';
import { MetaResource, type MyselfOptions } from './resources/meta.js';
import { JIRA_CLOUD, kit } from './provider.js';
import { ProjectsResource } from './resources/projects.js';
import { ServiceDeskResource } from './resources/service-desk.js';
import { UsersResource } from './resources/users.js';
import type { StatusCategory } from './schemas/common.js';
import type { JiraField, JiraIssueType, JiraPriority, ServerInfo } from './schemas/meta.js';
import type { Myself } from './schemas/users.js';

/**
 * Options of {@link JiraCloudClient.timeZone}.
 *
 * @category Client
 */
export interface TimeZoneOptions extends CallOptions {
  /** Ask Jira again instead of using the cached zone (after the account's profile changed). */
  refresh?: boolean | undefined;
}


/**
 * A client of one Jira Cloud site: platform REST v3 (`/rest/api/3`) and Jira Service Management
 * (`/rest/servicedeskapi`), with Basic auth (email + API token), retries, typed errors, validated
 * responses and paginators.
 *
 * - Errors are the `@itsm/core` classes (`NotFoundError`, `ValidationError` with `fieldErrors`,
 *   `RateLimitError` with `retryAfterMs` and `reason`, ...). A `200` that Jira served anonymously
 *   because the token was refused (`X-Seraph-LoginReason`) is an `AuthenticationError`.
 * - Reads, `PUT`s, `DELETE`s and the read-only search `POST`s are retried on transient failures;
 *   writes that create something (issues, comments, requests, uploads) are not. `413` is never retried.
 * - Every response is validated; a body that does not fit throws `ResponseShapeError`. Fields this
 *   package does not model are kept.
 * - Input is checked before any request: ids (strings, one line, at most 255 characters), unknown
 *   keys, Jira's sizes (summary 255, rich text and comments 32,767 characters, 2 GiB per file) and
 *   bodies over `maxBodyBytes` (10 MiB by default) are `InputError`s, never a 400 or a 413.
 * - The API token never appears in an error, an event or a log line.
 *
 * @example
 * ```ts
 * import { JiraCloudClient, jql } from '@itsm/jira-cloud';
 *
 * const jira = new JiraCloudClient({ baseUrl: 'https://your-domain.atlassian.net', email, apiToken });
 * const { key } = await jira.issues.create({ project: 'HELP', issueType: 'Task', summary: 'VPN down' });
 * await jira.issues.comments.add(key, { body: 'Looking into it.', internal: true });
 * const q = await jira.jqlTag(); // dates in the account's time zone
 * for await (const issue of jira.issues.search({ jql: q`project = ${'HELP'} AND updated >= ${since}` })) {
 *   console.log(issue.key, issue.fields.status?.statusCategory.key);
 * }
 * ```
 *
 * @category Client
 */
export class JiraCloudClient {
  /** Where requests go: the site URL, or `https://api.atlassian.com/ex/jira/{cloudId}`. */
  readonly baseUrl: string;
  /** Issues: get, create, edit, delete, search, count, transitions; `comments` and `attachments`. */
  readonly issues: IssuesResource;
  /** Users: get, search, find by email, assignable. */
  readonly users: UsersResource;
  /** Jira Service Management: desks, request types, `requests`, `customers`. */
  readonly serviceDesk: ServiceDeskResource;
  /** Projects and their statuses. */
  readonly projects: ProjectsResource;
  /**
   * Sends any request with the client's auth, retries, limits and error mapping: the escape hatch
   * for endpoints this client does not wrap. Paths are relative to {@link JiraCloudClient.baseUrl}.
   * The read-only `POST`s Jira has (searches, counts, bulk fetch, JQL parsing: `JIRA_READ_ONLY_POSTS`) are
   * retried like a `GET`; pass `retryable: true` for another `POST` that only reads. Pass a zod
   * `schema` to validate the answer.
   *
   * @example
   * ```ts
   * const meta = await jira.request('GET', '/rest/api/3/issue/createmeta/HELP/issuetypes', { query: { maxResults: 50 } });
   * const page = await jira.request('POST', '/rest/api/3/issue/bulkfetch', {
   *   json: { issueIdsOrKeys: ['HELP-1', 'HELP-2'], fields: ['summary'] }, schema: MySchema,
   * });
   * ```
   */
  readonly request: Transport['request'];
  readonly #http: Transport;
  readonly #meta: MetaResource;
  readonly #configuredSiteUrl: string | undefined;
  readonly #configuredCloudId: string | undefined;
  readonly #configuredTimeZone: string | undefined;
  readonly #timeZone: Cached<string, [CallOptions]>;
  readonly #siteUrl: Cached<string, [CallOptions]>;
  readonly #cloudId: Cached<string, [CallOptions]>;

  /**
   * @param options - Site or cloud id, email, API token, and transport options.
   * @throws InputError naming the first bad option (e.g. `email`, `baseUrl`, `cloudId`), before any request.
   */
  constructor(options: JiraCloudClientOptions) {
    const resolved = resolveClientOptions(options);
    try {
      this.#http = createTransport({
        requestIdHeaders: [...JIRA_REQUEST_ID_HEADERS],
        maxBodyBytes: JIRA_MAX_BODY_BYTES,
        ...resolved.transport,
        provider: JIRA_CLOUD,
        baseUrl: resolved.apiBaseUrl,
        auth: createBasicAuth(resolved.email, resolved.apiToken),
        secrets: [resolved.apiToken, ...(resolved.transport.secrets ?? [])],
        readOnlyPosts: JIRA_READ_ONLY_POSTS,
        describeError: describeJiraError,
        inspectResponse: inspectJiraResponse,
      });
    } catch (error) {
      // The transport checks its own options (timeout, concurrency, ...): say which provider they were for.
      throw kit.attribute(error);
    }
    this.baseUrl = resolved.apiBaseUrl;
    this.#configuredSiteUrl = resolved.siteUrl;
    this.#configuredCloudId = resolved.cloudId;
    this.#configuredTimeZone = resolved.timeZone;
    this.#meta = new MetaResource(this.#http);
    this.#timeZone = cached((call: CallOptions) => this.#meta.myself(call).then((me) => me.timeZone));
    this.#siteUrl = cached((call: CallOptions) => this.#meta.serverInfo(call).then((info) => info.baseUrl.replace(/\/+$/, '')));
    this.#cloudId = cached((call: CallOptions) => this.#meta.tenantInfo(call).then((info) => info.cloudId));
    const context: ResourceContext = { http: this.#http, siteUrl: (callOptions) => this.siteUrl(callOptions) };
    this.issues = new IssuesResource(context);
    this.users = new UsersResource(context);
    this.serviceDesk = new ServiceDeskResource(context);
    this.projects = new ProjectsResource(context);
    this.request = this.#http.request.bind(this.#http) as Transport['request'];
  }

  /**
   * The calling account: `accountId` (to ignore the bot's own changes), `timeZone` (how Jira reads
   * JQL dates), `emailAddress`, `locale`; with `expand`, its `groups` and `applicationRoles`. Also a
   * connection test. Refreshes the cached time zone.
   *
   * @param options - `expand`, call options.
   * @example
   * ```ts
   * const me = await jira.myself({ expand: ['groups', 'applicationRoles'] });
   * me.groups?.items?.some((group) => group.name === 'jira-servicedesk-users');
   * ```
   */
  async myself(options?: MyselfOptions): Promise<Myself> {
    const me = await this.#meta.myself(options);
    if (this.#configuredTimeZone === undefined) this.#timeZone.set(me.timeZone);
    return me;
  }

  /**
   * Every status category (`new`, `indeterminate`, `done`, `undefined`).
   *
   * @param options - Call options.
   */
  statusCategories(options?: CallOptions): Promise<StatusCategory[]> {
    return this.#meta.statusCategories(options);
  }

  /**
   * Every priority.
   *
   * @param options - Call options.
   */
  priorities(options?: CallOptions): Promise<JiraPriority[]> {
    return this.#meta.priorities(options);
  }

  /**
   * Every issue type the caller can see.
   *
   * @param options - Call options.
   */
  issueTypes(options?: CallOptions): Promise<JiraIssueType[]> {
    return this.#meta.issueTypes(options);
  }

  /**
   * Every system and custom field, with ids, names, JQL clause names and types.
   *
   * @param options - Call options.
   */
  fields(options?: CallOptions): Promise<JiraField[]> {
    return this.#meta.fields(options);
  }

  /**
   * Information about the site (`baseUrl`, version, default time zone).
   *
   * @param options - Call options.
   */
  serverInfo(options?: CallOptions): Promise<ServerInfo> {
    return this.#meta.serverInfo(options);
  }

  /**
   * The IANA time zone of the account's Jira profile, in which Jira reads the dates of JQL queries.
   * Read once from `myself()` and cached (a failure is not cached); the `timeZone` option skips the call.
   *
   * @param options - `refresh` to ask again, call options.
   * @example
   * ```ts
   * await jira.timeZone(); // 'America/Danmarkshavn'
   * ```
   */
  async timeZone(options: TimeZoneOptions = {}): Promise<string> {
    const { refresh, ...call } = options;
    if (this.#configuredTimeZone !== undefined) return this.#configuredTimeZone;
    return refresh ? this.#timeZone.refresh(call) : this.#timeZone.get(call);
  }

  /**
   * A `jql` tag that writes `Date` values in the account's time zone, so that polling with
   * `updated >= ${lastPoll}` is right even when the account is not on UTC.
   *
   * @param options - `refresh` to ask Jira for the zone again, call options.
   * @example
   * ```ts
   * const q = await jira.jqlTag();
   * const changed = jira.issues.search({ jql: q`project = ${'HELP'} AND updated >= ${lastPoll} ORDER BY updated ASC` });
   * ```
   */
  async jqlTag(options: TimeZoneOptions = {}): Promise<JqlTag> {
    return jql.withTimeZone(await this.timeZone(options));
  }

  /**
   * The site URL, for links people open (`/browse/KEY`, portal pages): `baseUrl` when given, else
   * read once from `serverInfo` (with `cloudId` only) and cached.
   *
   * @param options - Call options.
   */
  async siteUrl(options: CallOptions = {}): Promise<string> {
    if (this.#configuredSiteUrl !== undefined) return this.#configuredSiteUrl;
    return this.#siteUrl.get(options);
  }

  /**
   * The site's cloud id: its identity, which stays the same when the site is renamed or reached
   * through the gateway. The `cloudId` option when given, else read once from the site's
   * `/_edge/tenant_info` (no authentication needed) and cached; a failure is not cached.
   *
   * @param options - Call options.
   * @throws `NotFoundError` or `ResponseShapeError` when `baseUrl` is not a Jira Cloud site that tells its cloud id.
   * @example
   * ```ts
   * const cloudId = await jira.cloudId(); // '11223344-a1b2-3b33-c444-def123456789'
   * const scoped = new JiraCloudClient({ cloudId, email, apiToken: scopedToken });
   * ```
   */
  async cloudId(options: CallOptions = {}): Promise<string> {
    if (this.#configuredCloudId !== undefined) return this.#configuredCloudId;
    return this.#cloudId.get(options);
  }

  /**
   * The web page of an issue: `{site}/browse/{key}`.
   *
   * @param issueKey - The issue key.
   * @param options - Call options (for the site URL lookup).
   */
  async browseUrl(issueKey: string, options?: CallOptions): Promise<string> {
    kit.id(issueKey, 'issueKey');
    return `${await this.siteUrl(options)}/browse/${encodeURIComponent(issueKey)}`;
  }
}
