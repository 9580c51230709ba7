/**
 * `jira.serviceDesk.customers`: a service desk's customers, and new portal customers.
 *
 * @module
 */
import type { Paginator } from '@itsm/core';
import { bad, callOptions, pageSize, segment, type ResourceContext } from '../internal/call.js';
import { EXPERIMENTAL_API_HEADERS, jsmPaginator } from '../internal/jsm.js';
import type { CallOptions } from '../options.js';
import { JiraUserSchema, type JiraUser } from '../schemas/users.js';

/** Options of `customers.list`. */
export interface ListCustomersOptions extends CallOptions {
  /** Filters customers by name or email. */
  query?: string | undefined;
  /** Customers per request (1–100). Default 50. */
  pageSize?: number | undefined;
}

/** A new portal-only customer. */
export interface NewCustomer {
  /** The customer's email address. */
  email: string;
  /** The name shown to agents. */
  displayName: string;
}

/** Options of `customers.create`. */
export interface CreateCustomerOptions extends CallOptions {
  /**
   * `true` (default) makes Jira answer a duplicate email with 409 (`ConflictError`) instead of 400,
   * so "already a customer" can be told from invalid input.
   */
  strictConflictStatusCode?: boolean | undefined;
}

/** Customers (`/rest/servicedeskapi/customer`, `/rest/servicedeskapi/servicedesk/{id}/customer`). */
export class ServiceDeskCustomersResource {
  readonly #context: ResourceContext;

  /**
   * Made by {@link JiraCloudClient}; not meant to be called directly.
   *
   * @param context - The client's transport and helpers.
   * @internal
   */
  constructor(context: ResourceContext) {
    this.#context = context;
  }

  /**
   * The customers of a service desk. An experimental JSM operation: sends `X-ExperimentalApi: opt-in`.
   * Jira limits it to 5 requests per second per site.
   *
   * @param serviceDeskId - Service desk id (or project key/id).
   * @param options - `query`, page size, call options.
   */
  list(serviceDeskId: string, options: ListCustomersOptions = {}): Paginator<JiraUser> {
    const path = `/rest/servicedeskapi/servicedesk/${segment(serviceDeskId, 'serviceDeskId')}/customer`;
    const size = pageSize(options.pageSize, 50, 100);
    if (options.query !== undefined && typeof options.query !== 'string') bad('query', 'must be a string');
    return jsmPaginator(this.#context.http, path, JiraUserSchema, size, options, { query: options.query || undefined }, { ...EXPERIMENTAL_API_HEADERS });
  }

  /**
   * Adds existing accounts to a service desk's customers (`204`; accounts already there are fine).
   *
   * @param serviceDeskId - Service desk id (or project key/id).
   * @param accountIds - The account ids.
   * @param options - Call options.
   */
  async add(serviceDeskId: string, accountIds: readonly string[], options?: CallOptions): Promise<void> {
    const path = `/rest/servicedeskapi/servicedesk/${segment(serviceDeskId, 'serviceDeskId')}/customer`;
    if (!Array.isArray(accountIds) || accountIds.length === 0) bad('accountIds', 'must be a non-empty list of account ids');
    accountIds.forEach((id, index) => {
      if (typeof id !== 'string' || id.trim() === '') bad(`accountIds.${index}`, 'must be a non-empty string');
    });
    await this.#context.http.request('POST', path, callOptions(options, { json: { accountIds: [...accountIds] } }));
  }

  /**
   * Creates a portal-only customer account (needs Jira admin rights). Not retried.
   *
   * @param customer - Email and display name.
   * @param options - `strictConflictStatusCode`, call options.
   * @returns The new customer (`accountType` `customer`).
   * @example
   * ```ts
   * const customer = await jira.serviceDesk.customers.create({ email: 'ada@example.com', displayName: 'Ada Lovelace' });
   * await jira.serviceDesk.customers.add('1', [customer.accountId]);
   * ```
   */
  async create(customer: NewCustomer, options: CreateCustomerOptions = {}): Promise<JiraUser> {
    if (typeof customer !== 'object' || customer === null) bad('customer', 'must be { email, displayName }');
    if (typeof customer.email !== 'string' || !/^[^\s@]+@[^\s@]+$/.test(customer.email.trim())) bad('email', 'must be an email address');
    if (typeof customer.displayName !== 'string' || customer.displayName.trim() === '') bad('displayName', 'must be a non-empty string');
    return this.#context.http.request('POST', '/rest/servicedeskapi/customer', {
      ...callOptions(options, {
        json: { email: customer.email.trim(), displayName: customer.displayName.trim() },
        query: { strictConflictStatusCode: options.strictConflictStatusCode ?? true },
      }),
      schema: JiraUserSchema,
    });
  }
}
