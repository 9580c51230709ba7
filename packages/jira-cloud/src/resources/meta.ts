/**
 * Site-wide metadata: the calling account, status categories, priorities, issue types, fields and
 * server info. The client exposes these as its own methods (`jira.myself()`, `jira.priorities()`, ...).
 *
 * @module
 */
import { ApiResource, type CallOptions } from '@itsm/core/provider';
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

/**
 * Options of `jira.myself()`.
 *
 * @category Client
 */
export interface MyselfOptions extends CallOptions {
  /** `groups` and/or `applicationRoles`: adds the account's groups and product roles to the answer. */
  expand?: string | readonly ('groups' | 'applicationRoles')[] | undefined;
}

/** Site-wide metadata reads, all `GET` (retried on transient failures). */
export class MetaResource extends ApiResource {
  /**
   * The calling account (`GET /rest/api/3/myself`).
   *
   * @param options - `expand`, call options.
   */
  async myself(options: MyselfOptions = {}): Promise<Myself> {
    const { expand, ...call } = options;
    return this.send('GET', '/rest/api/3/myself', { query: { expand: this.kit.commaList(expand, 'expand') }, schema: MyselfSchema }, call);
  }

  /**
   * Every status category (`GET /rest/api/3/statuscategory`).
   *
   * @param options - Call options.
   */
  async statusCategories(options?: CallOptions): Promise<StatusCategory[]> {
    return this.send('GET', '/rest/api/3/statuscategory', { schema: StatusCategoryListSchema }, options);
  }

  /**
   * Every priority (`GET /rest/api/3/priority`).
   *
   * @param options - Call options.
   */
  async priorities(options?: CallOptions): Promise<JiraPriority[]> {
    return this.send('GET', '/rest/api/3/priority', { schema: JiraPriorityListSchema }, options);
  }

  /**
   * Every issue type the caller can see (`GET /rest/api/3/issuetype`).
   *
   * @param options - Call options.
   */
  async issueTypes(options?: CallOptions): Promise<JiraIssueType[]> {
    return this.send('GET', '/rest/api/3/issuetype', { schema: JiraIssueTypeListSchema }, options);
  }

  /**
   * Every system and custom field (`GET /rest/api/3/field`).
   *
   * @param options - Call options.
   */
  async fields(options?: CallOptions): Promise<JiraField[]> {
    return this.send('GET', '/rest/api/3/field', { schema: JiraFieldListSchema }, options);
  }

  /**
   * Information about the site, with its `baseUrl` (`GET /rest/api/3/serverInfo`).
   *
   * @param options - Call options.
   */
  async serverInfo(options?: CallOptions): Promise<ServerInfo> {
    return this.send('GET', '/rest/api/3/serverInfo', { schema: ServerInfoSchema }, options);
  }

  /**
   * The site's tenant information, with its cloud id (`GET /_edge/tenant_info` on the site).
   *
   * @param options - Call options.
   */
  async tenantInfo(options?: CallOptions): Promise<TenantInfo> {
    return this.send('GET', '/_edge/tenant_info', { schema: TenantInfoSchema }, options);
  }
}
