/**
 * Site-wide metadata: the calling account, status categories, priorities, issue types, fields and
 * server info. The client exposes these as its own methods (`jira.myself()`, `jira.priorities()`, ...).
 *
 * @module
 */
import type { Transport } from '@itsm/core';
import { callOptions } from '../internal/call.js';
import type { CallOptions } from '../options.js';
import type { StatusCategory } from '../schemas/common.js';
import {
  JiraFieldListSchema,
  JiraIssueTypeListSchema,
  JiraPriorityListSchema,
  ServerInfoSchema,
  StatusCategoryListSchema,
  TenantInfoSchema,
  type JiraField,
  type JiraIssueType,
  type JiraPriority,
  type ServerInfo,
  type TenantInfo,
} from '../schemas/meta.js';
import { MyselfSchema, type Myself } from '../schemas/users.js';

/** Site-wide metadata reads, all `GET` (retried on transient failures). */
export class MetaResource {
  readonly #http: Transport;

  /** @param http - The client's transport. */
  constructor(http: Transport) {
    this.#http = http;
  }

  /**
   * The calling account (`GET /rest/api/3/myself`).
   *
   * @param options - Call options.
   */
  myself(options?: CallOptions): Promise<Myself> {
    return this.#http.request('GET', '/rest/api/3/myself', { ...callOptions(options), schema: MyselfSchema });
  }

  /**
   * Every status category (`GET /rest/api/3/statuscategory`).
   *
   * @param options - Call options.
   */
  statusCategories(options?: CallOptions): Promise<StatusCategory[]> {
    return this.#http.request('GET', '/rest/api/3/statuscategory', { ...callOptions(options), schema: StatusCategoryListSchema });
  }

  /**
   * Every priority (`GET /rest/api/3/priority`).
   *
   * @param options - Call options.
   */
  priorities(options?: CallOptions): Promise<JiraPriority[]> {
    return this.#http.request('GET', '/rest/api/3/priority', { ...callOptions(options), schema: JiraPriorityListSchema });
  }

  /**
   * Every issue type the caller can see (`GET /rest/api/3/issuetype`).
   *
   * @param options - Call options.
   */
  issueTypes(options?: CallOptions): Promise<JiraIssueType[]> {
    return this.#http.request('GET', '/rest/api/3/issuetype', { ...callOptions(options), schema: JiraIssueTypeListSchema });
  }

  /**
   * Every system and custom field (`GET /rest/api/3/field`).
   *
   * @param options - Call options.
   */
  fields(options?: CallOptions): Promise<JiraField[]> {
    return this.#http.request('GET', '/rest/api/3/field', { ...callOptions(options), schema: JiraFieldListSchema });
  }

  /**
   * Information about the site, with its `baseUrl` (`GET /rest/api/3/serverInfo`).
   *
   * @param options - Call options.
   */
  serverInfo(options?: CallOptions): Promise<ServerInfo> {
    return this.#http.request('GET', '/rest/api/3/serverInfo', { ...callOptions(options), schema: ServerInfoSchema });
  }

  /**
   * The site's tenant information, with its cloud id (`GET /_edge/tenant_info` on the site).
   *
   * @param options - Call options.
   */
  tenantInfo(options?: CallOptions): Promise<TenantInfo> {
    return this.#http.request('GET', '/_edge/tenant_info', { ...callOptions(options), schema: TenantInfoSchema });
  }
}
