/**
 * `jira.serviceDesk.customers`: a service desk's customers, and new portal customers.
 *
 * @module
 */
import type { Paginator } from '@itsm/core';
import { EXPERIMENTAL_API_HEADERS, JiraResource } from '../internal/resource.js';
import type { CallOptions } from '../options.js';
import { kit } from '../provider.js';
import type { JsmPage } from '../schemas/common.js';
import { JiraUserSchema, type JiraUser } from '../schemas/users.js';

/**
 * Options of `customers.list`.
 *
 * @category Resources
 */
export interface ListCustomersOptions extends CallOptions {
  /** Filters customers by name or email. */
  query?: string | undefined;
  /** Customers per request (1–100). Default 50. */
  pageSize?: number | undefined;
}

/**
 * A new portal-only customer.
 *
 * @category Resources
 */
export interface NewCustomer {
  /** The customer's email address. */
  email: string;
  /** The name shown to agents. */
  displayName: string;
}

/**
 * Options of `customers.create`.
 *
 * @category Resources
 */
export interface CreateCustomerOptions extends CallOptions {
  /**
   * `true` (default) makes Jira answer a duplicate email with 409 (`ConflictError`) instead of 400,
   * so "already a customer" can be told from invalid input.
   */
  strictConflictStatusCode?: boolean | undefined;
}

/**
 * Customers (`/rest/servicedeskapi/customer`, `/rest/servicedeskapi/servicedesk/{id}/customer`).
 *
 * @category Resources
 */
export class ServiceDeskCustomersResource extends JiraResource {
  /**
   * The customers of a service desk. An experimental JSM operation: sends `X-ExperimentalApi: opt-in`.
   * Jira limits it to 5 requests per second per site.
   *
   * @param serviceDeskId - Service desk id (or project key/id).
   * @param options - `query`, page size, call options.
   */
  list(serviceDeskId: string, options: ListCustomersOptions = {}): Paginator<JiraUser, JsmPage<JiraUser>> {
    const { query, pageSize, ...call } = options;
    const path = this.path`/rest/servicedeskapi/servicedesk/${{ serviceDeskId }}/customer`;
    if (query !== undefined && (typeof query !== 'string' || /[\u0000-\u001f\u007f]/.test(query) || query.length > 255)) {
      this.kit.fail('query', 'must be a string of at most 255 characters without control characters');
    }
    return this.jsmList({
      path,
      item: JiraUserSchema,
      pageSize: this.kit.pageSize(pageSize, 50, 100),
      query: { query: query || undefined },
      headers: { ...EXPERIMENTAL_API_HEADERS },
    }, call);
  }

  /**
   * Adds existing accounts to a service desk's customers (`204`; accounts already there are fine).
   *
   * @param serviceDeskId - Service desk id (or project key/id).
   * @param accountIds - The account ids.
   * @param options - Call options.
   */
  async add(serviceDeskId: string, accountIds: readonly string[], options?: CallOptions): Promise<void> {
    const path = this.path`/rest/servicedeskapi/servicedesk/${{ serviceDeskId }}/customer`;
    if (!Array.isArray(accountIds) || accountIds.length === 0) kit.fail('accountIds', 'must be a non-empty list of account ids');
    accountIds.forEach((id, index) => {
      if (typeof id !== 'string' || id.trim() === '') kit.fail(`accountIds.${index}`, 'must be a non-empty string');
      kit.id(id, `accountIds.${index}`);
    });
    await this.send('POST', path, { json: { accountIds: [...accountIds] } }, options);
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
    const { strictConflictStatusCode = true, ...call } = options;
    if (typeof customer !== 'object' || customer === null) kit.fail('customer', 'must be { email, displayName }');
    kit.knownKeys(customer, ['email', 'displayName']);
    if (typeof customer.email !== 'string' || !/^[^\s@\u0000-\u001f\u007f]+@[^\s@\u0000-\u001f\u007f]+$/.test(customer.email.trim()) || customer.email.length > 254) {
      kit.fail('email', 'must be an email address');
    }
    if (typeof customer.displayName !== 'string' || customer.displayName.trim() === '') kit.fail('displayName', 'must be a non-empty string');
    if (/[\u0000-\u001f\u007f]/.test(customer.displayName) || customer.displayName.length > 255) kit.fail('displayName', 'must be one line of at most 255 characters');
    const json = { email: customer.email.trim(), displayName: customer.displayName.trim() };
    return this.send('POST', '/rest/servicedeskapi/customer', { json, query: { strictConflictStatusCode }, schema: JiraUserSchema }, call);
  }
}
