/**
 * `jira.serviceDesk`: service desks, request types and their forms; `requests` and `customers`.
 *
 * @module
 */
import type { Paginator } from '@itsm/core';
import { callOptions, pageSize, segment, type ResourceContext } from '../internal/call.js';
import { jsmPaginator } from '../internal/jsm.js';
import type { CallOptions } from '../options.js';
import {
  RequestTypeFieldsSchema,
  RequestTypeSchema,
  ServiceDeskSchema,
  type RequestType,
  type RequestTypeFields,
  type ServiceDesk,
} from '../schemas/service-desk.js';
import { ServiceDeskCustomersResource } from './service-desk-customers.js';
import { ServiceDeskRequestsResource } from './service-desk-requests.js';

/** Options of the JSM listings. */
export interface ListServiceDeskOptions extends CallOptions {
  /** Items per request (1–100). Default 50. */
  pageSize?: number | undefined;
}

/** Options of `serviceDesk.requestTypes`. */
export interface ListRequestTypesOptions extends ListServiceDeskOptions {
  /** Filters request types by name. */
  searchQuery?: string | undefined;
  /** Only the request types of this group. */
  groupId?: number | undefined;
}

/** Options of `serviceDesk.requestTypeFields`. */
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
 */
export function requestTypePortalUrl(siteUrl: string, portalId: string, requestTypeId: string): string {
  return `${siteUrl}/servicedesk/customer/portal/${encodeURIComponent(portalId)}/create/${encodeURIComponent(requestTypeId)}`;
}

/** Jira Service Management (`/rest/servicedeskapi`). */
export class ServiceDeskResource {
  /** Customer requests. */
  readonly requests: ServiceDeskRequestsResource;
  /** Customers. */
  readonly customers: ServiceDeskCustomersResource;
  readonly #context: ResourceContext;

  /**
   * Made by {@link JiraCloudClient}; not meant to be called directly.
   *
   * @param context - The client's transport and helpers.
   * @internal
   */
  constructor(context: ResourceContext) {
    this.#context = context;
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
  desks(options: ListServiceDeskOptions = {}): Paginator<ServiceDesk> {
    return jsmPaginator(this.#context.http, '/rest/servicedeskapi/servicedesk', ServiceDeskSchema, pageSize(options.pageSize, 50, 100), options);
  }

  /**
   * The request types of a service desk, each with its `portalUrl` (the portal page to raise one;
   * with `cloudId` only, the site URL is read once from `serverInfo`).
   *
   * @param serviceDeskId - Service desk id (or project key/id).
   * @param options - Search, group, page size, call options.
   */
  requestTypes(serviceDeskId: string, options: ListRequestTypesOptions = {}): Paginator<RequestType> {
    const path = `/rest/servicedeskapi/servicedesk/${segment(serviceDeskId, 'serviceDeskId')}/requesttype`;
    const size = pageSize(options.pageSize, 50, 100);
    const query = { searchQuery: options.searchQuery || undefined, groupId: options.groupId };
    return jsmPaginator(this.#context.http, path, RequestTypeSchema, size, options, query).map(async (type): Promise<RequestType> => {
      const portalUrl = type.portalId === undefined
        ? undefined
        : requestTypePortalUrl(await this.#context.siteUrl(options), type.portalId, type.id);
      return { ...type, portalUrl };
    });
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
    const path = `/rest/servicedeskapi/servicedesk/${segment(serviceDeskId, 'serviceDeskId')}/requesttype/${segment(requestTypeId, 'requestTypeId')}/field`;
    return this.#context.http.request('GET', path, {
      ...callOptions(options, { query: { expand: options.includeHidden ? 'hiddenFields' : undefined } }),
      schema: RequestTypeFieldsSchema,
    });
  }
}
