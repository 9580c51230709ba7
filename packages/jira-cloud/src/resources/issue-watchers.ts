/**
 * `jira.issues.watchers`: who gets notified of an issue's changes.
 *
 * @module
 */
import { JiraResource } from '../internal/resource.js';
import type { CallOptions } from '../options.js';
import { WatchersSchema, type Watchers } from '../schemas/collaboration.js';

/**
 * Watchers of an issue (`/rest/api/3/issue/{issueIdOrKey}/watchers`). Adding and removing are
 * retried on transient failures: the watcher list is a set, so doing either twice changes nothing.
 *
 * @category Resources
 */
export class IssueWatchersResource extends JiraResource {
  /**
   * The watchers of an issue, and whether the calling account is one.
   *
   * @param issueIdOrKey - Issue key or id.
   * @param options - Call options.
   * @example
   * ```ts
   * const { watchers, isWatching } = await jira.issues.watchers.list('HELP-1');
   * ```
   */
  async list(issueIdOrKey: string, options?: CallOptions): Promise<Watchers> {
    return this.send('GET', this.path`/rest/api/3/issue/${{ issueIdOrKey }}/watchers`, { schema: WatchersSchema }, options);
  }

  /**
   * Adds a watcher: an account by id (needs *Manage watchers* for anyone but the caller), or the
   * calling account when `accountId` is left out. In a service project the requester may watch their
   * request. Adding someone who already watches changes nothing.
   *
   * @param issueIdOrKey - Issue key or id.
   * @param accountId - The account to add; default the caller.
   * @param options - Call options.
   * @example
   * ```ts
   * await jira.issues.watchers.add('HELP-1', requester.accountId);
   * ```
   */
  async add(issueIdOrKey: string, accountId?: string, options?: CallOptions): Promise<void> {
    const path = this.path`/rest/api/3/issue/${{ issueIdOrKey }}/watchers`;
    if (accountId !== undefined && (typeof accountId !== 'string' || accountId.trim() === '')) this.kit.fail('accountId', 'must be a non-empty account id');
    await this.send('POST', path, { ...(accountId === undefined ? {} : { json: accountId }), retryable: true }, options);
  }

  /**
   * Removes a watcher.
   *
   * @param issueIdOrKey - Issue key or id.
   * @param accountId - The account to remove.
   * @param options - Call options.
   */
  async remove(issueIdOrKey: string, accountId: string, options?: CallOptions): Promise<void> {
    const path = this.path`/rest/api/3/issue/${{ issueIdOrKey }}/watchers`;
    if (typeof accountId !== 'string' || accountId.trim() === '') this.kit.fail('accountId', 'must be a non-empty account id');
    await this.send('DELETE', path, { query: { accountId } }, options);
  }
}
