/**
 * `jira.serviceDesk`: service desks, request types, their groups and forms; `requests` and `customers`.
 *
 * @module
 */
import type { Paginator } from '@itsm/core';
import { JiraResource, type ResourceContext } from '../internal/resource.js';
import type { CallOptions } from '../options.js';
import type { JsmPage } from '../schemas/common.js';
import {
  RequestTypeFieldsSchema,
  RequestTypeGroupSchema,
  RequestTypeSchema,
  ServiceDeskSchema,
  type RequestType,
  type RequestTypeFields,
  type RequestTypeGroup,
  type ServiceDesk,
} from '../schemas/service-desk.js';
import { ServiceDeskCustomersResource } from './service-desk-customers.js';
import { ServiceDeskRequestsResource } from './service-desk-requests.js';

/**
 * Options of the JSM listings.
 *
 * @category Resources
 */
export interface ListServiceDeskOptions extends CallOptions {
  /** Items per request (1–100). Default 50. */
  pageSize?: number | undefined;
}

/**
 * Options of `serviceDesk.requestTypes`.
 *
 * @category Resources
 */
export interface ListRequestTypesOptions extends ListServiceDeskOptions {
  /** Filters request types by name. */
  searchQuery?: string | undefined;
  /** Only the request types of this group. */
  groupId?: number | undefined;
}

/**
 * Options of `serviceDesk.requestTypeFields`.
 *
 * @category Resources
 */
export interface RequestTypeFieldsOptions extends CallOptions {
  /** Include hidden fields (visible to desk admins only). */
  includeHidden?: boolean | undefined;
}

/**
 * The portal page to raise a request of a type.
 *
 * @param siteUrl - The site URL.
 * @param portalId - The portal id.
 * @param requestTypeId - The request type id.
 * @category Resources
 */
export function requestTypePortalUrl(siteUrl: string, portalId: string, requestTypeId: string): string {
  return `${siteUrl}/servicedesk/customer/portal/${encodeURIComponent(portalId)}/create/${encodeURIComponent(requestTypeId)}`;
}

/**
 * Jira Service Management (`/rest/servicedeskapi`).
 *
 * @category Resources
 */
export class ServiceDeskResource extends JiraResource {
  /** Customer requests. */
  readonly requests: ServiceDeskRequestsResource;
  /** Customers. */
  readonly customers: ServiceDeskCustomersResource;

  /**
   * Made by {@link JiraCloudClient}; not meant to be called directly.
   *
   * @param context - The client's transport and helpers.
   * @internal
   */
  constructor(context: ResourceContext) {
    super(context);
    this.requests = new ServiceDeskRequestsResource(context);
    this.customers = new ServiceDeskCustomersResource(context);
  }

  /**
   * The service desks the caller can see (paged with `start`/`limit`/`isLastPage`).
   *
   * @param options - Page size, call options.
   * @example
   * ```ts
   * const desk = (await jira.serviceDesk.desks().toArray({ limit: 100 })).find((d) => d.projectKey === 'HELP');
   * ```
   */
  desks(options: ListServiceDeskOptions = {}): Paginator<ServiceDesk, JsmPage<ServiceDesk>> {
    const { pageSize, ...call } = options;
    return this.jsmList({ path: '/rest/servicedeskapi/servicedesk', item: ServiceDeskSchema, pageSize: this.kit.pageSize(pageSize, 50, 100) }, call);
  }

  /**
   * One service desk: its project (`projectKey`, `projectId`, `projectName`). Not found and not
   * usable by the caller both give a `NotFoundError`.
   *
   * @param serviceDeskId - Service desk id (or project key/id).
   * @param options - Call options.
   * @example
   * ```ts
   * const desk = await jira.serviceDesk.desk('1');
   * desk.projectKey; // 'HELP'
   * ```
   */
  async desk(serviceDeskId: string, options?: CallOptions): Promise<ServiceDesk> {
    return this.send('GET', this.path`/rest/servicedeskapi/servicedesk/${{ serviceDeskId }}`, { schema: ServiceDeskSchema }, options);
  }

  /**
   * The request types of a service desk, each with its `portalUrl` (the portal page to raise one;
   * with `cloudId` only, the site URL is read once from `serverInfo`).
   *
   * @param serviceDeskId - Service desk id (or project key/id).
   * @param options - Search, group, page size, call options.
   */
  requestTypes(serviceDeskId: string, options: ListRequestTypesOptions = {}): Paginator<RequestType, JsmPage<unknown>> {
    const { searchQuery, groupId, pageSize, ...call } = options;
    const path = this.path`/rest/servicedeskapi/servicedesk/${{ serviceDeskId }}/requesttype`;
    const query = { searchQuery: searchQuery || undefined, groupId };
    return this.jsmList({ path, item: RequestTypeSchema, pageSize: this.kit.pageSize(pageSize, 50, 100), query }, call)
      .map(async (type): Promise<RequestType> => {
        const portalUrl = type.portalId === undefined
          ? undefined
          : requestTypePortalUrl(await this.context.siteUrl(call), type.portalId, type.id);
        return { ...type, portalUrl };
      });
  }

  /**
   * The request type groups of a service desk: the names the portal groups request types under
   * (a request type in no group is not shown on the portal).
   *
   * @param serviceDeskId - Service desk id (or project key/id).
   * @param options - Page size, call options.
   * @example
   * ```ts
   * const groups = await jira.serviceDesk.requestTypeGroups('1').toArray({ limit: 100 });
   * ```
   */
  requestTypeGroups(serviceDeskId: string, options: ListServiceDeskOptions = {}): Paginator<RequestTypeGroup, JsmPage<RequestTypeGroup>> {
    const { pageSize, ...call } = options;
    const path = this.path`/rest/servicedeskapi/servicedesk/${{ serviceDeskId }}/requesttypegroup`;
    return this.jsmList({ path, item: RequestTypeGroupSchema, pageSize: this.kit.pageSize(pageSize, 50, 100) }, call);
  }

  /**
   * The form of a request type: its fields (Jira field ids, required flags, valid values) and whether
   * the caller may raise requests on behalf of others or add participants.
   *
   * @param serviceDeskId - Service desk id (or project key/id).
   * @param requestTypeId - Request type id.
   * @param options - `includeHidden`, call options.
   */
  async requestTypeFields(serviceDeskId: string, requestTypeId: string, options: RequestTypeFieldsOptions = {}): Promise<RequestTypeFields> {
    const { includeHidden, ...call } = options;
    const path = this.path`/rest/servicedeskapi/servicedesk/${{ serviceDeskId }}/requesttype/${{ requestTypeId }}/field`;
    const query = { expand: includeHidden ? 'hiddenFields' : undefined };
    return this.send('GET', path, { query, schema: RequestTypeFieldsSchema }, call);
  }
}
