/**
 * `jira.users`: get by account id, search, find by email (privacy-aware), assignable users.
 *
 * @module
 */
import type { Paginator } from '@itsm/core';
import { offsetPaginator, type EndRule } from '@itsm/core/provider';
import { JiraResource } from '../internal/resource.js';
import type { CallOptions } from '../options.js';
import { kit } from '../provider.js';
import { JiraUserListSchema, JiraUserSchema, type JiraUser } from '../schemas/users.js';

/**
 * Options of the user listings.
 *
 * @category Resources
 */
export interface ListUsersOptions extends CallOptions {
  /** Users per request (1–1000). Default 50. */
  pageSize?: number | undefined;
}

/**
 * What a lookup by email found:
 * - `found`: exactly one user whose visible email is the address (`user`);
 * - `ambiguous`: several users show that email (`matches`; `user` is `null`);
 * - `hidden`: no user shows that email, but Jira returned users whose email is hidden by their
 *   privacy settings (`candidates`): one of them may own the address, and the caller cannot tell
 *   which (Jira also matches the query against display names);
 * - `not-found`: Jira returned no user for the address, neither with a visible nor with a hidden
 *   email. (Jira also returns nothing when the account lacks the *Browse users and groups*
 *   permission, and it searches active users only.)
 *
 * @category Resources
 */
export type EmailLookupStatus = 'found' | 'ambiguous' | 'hidden' | 'not-found';

/**
 * The result of `users.findByEmail`. Branch on `status`, or on `user` and `emailHidden`:
 * `user === null && !emailHidden` means no user could have that address.
 *
 * @example
 * ```ts
 * const { status, user, candidates } = await jira.users.findByEmail('ada@example.com');
 * if (status === 'found') assign(user!.accountId);
 * else if (status === 'hidden') console.warn(`email hidden; ${candidates.length} possible users`);
 * else if (status === 'not-found') await jira.serviceDesk.customers.create({ email: 'ada@example.com', displayName: 'Ada' });
 * ```
 *
 * @category Resources
 */
export interface FindByEmailResult {
  /** What the lookup found. */
  status: EmailLookupStatus;
  /** The user, when exactly one user shows this email; else `null`. */
  user: JiraUser | null;
  /** Users whose visible email equals the address (case-insensitive). */
  matches: JiraUser[];
  /** Users Jira returned for the address whose email is hidden: possibly the owner. */
  candidates: JiraUser[];
  /** `true` when the answer is uncertain because emails are hidden (`status === 'hidden'`). */
  emailHidden: boolean;
}

/** Checks a search text: one line of at most 255 characters. */
function checkQuery(query: string, field: string): void {
  if (/[\u0000-\u001f\u007f]/.test(query) || query.length > 255) kit.fail(field, 'must be one line of at most 255 characters, without control characters');
}

/**
 * Users (`/rest/api/3/user`, `/rest/api/3/user/search`, `/rest/api/3/user/assignable/search`).
 * Users are identified by `accountId`; `emailAddress` is missing when hidden by privacy settings.
 *
 * @category Resources
 */
export class UsersResource extends JiraResource {
  /**
   * A user by account id. An unknown account gives a `NotFoundError`.
   *
   * @param accountId - The account id.
   * @param options - Call options.
   */
  async get(accountId: string, options?: CallOptions): Promise<JiraUser> {
    if (typeof accountId !== 'string' || accountId.trim() === '') kit.fail('accountId', 'must be a non-empty string');
    return this.send('GET', '/rest/api/3/user', { query: { accountId: kit.id(accountId, 'accountId') }, schema: JiraUserSchema }, options);
  }

  /**
   * Active users whose display name or email starts with `query` (paged with `startAt`/`maxResults`).
   * An account without *Browse users and groups* gets no users, not an error.
   *
   * @param query - The start of a name or email.
   * @param options - Page size, call options.
   * @example
   * ```ts
   * const people = await jira.users.search('ada').toArray({ limit: 20 });
   * ```
   */
  search(query: string, options: ListUsersOptions = {}): Paginator<JiraUser> {
    if (typeof query !== 'string' || query.trim() === '') kit.fail('query', 'must be a non-empty string');
    checkQuery(query, 'query');
    return this.#list('/rest/api/3/user/search', { query }, options, 'short-page');
  }

  /**
   * Looks a user up by email, telling "no such user" apart from "cannot tell, emails are hidden".
   *
   * Jira's user search matches the address against emails and display names, and leaves out the
   * `emailAddress` of users who hide it; so a user is `found` only when the email Jira shows is the
   * address itself. See {@link FindByEmailResult} and {@link EmailLookupStatus}.
   *
   * @param email - The email address.
   * @param options - Call options.
   */
  async findByEmail(email: string, options?: CallOptions): Promise<FindByEmailResult> {
    if (typeof email !== 'string' || !/^[^\s@\u0000-\u001f\u007f]+@[^\s@\u0000-\u001f\u007f]+$/.test(email.trim()) || email.trim().length > 254) {
      kit.fail('email', 'must be an email address');
    }
    const address = email.trim().toLowerCase();
    const query = { query: email.trim(), maxResults: 100 };
    const users = await this.send('GET', '/rest/api/3/user/search', { query, schema: JiraUserListSchema }, options);
    const matches = users.filter((user) => user.emailAddress?.trim().toLowerCase() === address);
    const candidates = users.filter((user) => !user.emailAddress && user.accountType !== 'app');
    if (matches.length === 1) return { status: 'found', user: matches[0] as JiraUser, matches, candidates, emailHidden: false };
    if (matches.length > 1) return { status: 'ambiguous', user: null, matches, candidates, emailHidden: false };
    if (candidates.length > 0) return { status: 'hidden', user: null, matches, candidates, emailHidden: true };
    return { status: 'not-found', user: null, matches, candidates, emailHidden: false };
  }

  /**
   * Users who can be assigned issues of a project, optionally filtered by the start of a name or email.
   * Jira filters after paging, so pages may be short; the paginator stops at the first empty page.
   *
   * @param projectKey - Project key or id.
   * @param query - The start of a name or email.
   * @param options - Page size, call options.
   */
  assignable(projectKey: string, query?: string, options: ListUsersOptions = {}): Paginator<JiraUser> {
    if (typeof projectKey !== 'string' || projectKey.trim() === '') kit.fail('projectKey', 'must be a non-empty string');
    kit.id(projectKey, 'projectKey');
    if (query !== undefined && typeof query !== 'string') kit.fail('query', 'must be a string');
    if (query !== undefined) checkQuery(query, 'query');
    return this.#list('/rest/api/3/user/assignable/search', { project: projectKey, query: query || undefined }, options, 'empty-page');
  }

  #list(path: string, filter: Record<string, string | undefined>, options: ListUsersOptions, end: EndRule): Paginator<JiraUser> {
    const { pageSize, ...rest } = options;
    const size = this.kit.pageSize(pageSize, 50, 1000);
    const call = this.callOptions(rest);
    return offsetPaginator(async (startAt, signal) => {
      const query = { ...filter, startAt, maxResults: size };
      const users = await this.send('GET', path, { query, schema: JiraUserListSchema, signal }, call);
      return { items: users, start: startAt };
    }, { pageSize: size, end });
  }
}

