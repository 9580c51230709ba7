/**
 * `jira.serviceDesk.requests.participants`: the people a request is shared with.
 *
 * @module
 */
import type { Paginator } from '@itsm/core';
import { JiraResource } from '../internal/resource.js';
import type { CallOptions } from '../options.js';
import { jsmPageSchema, type JsmPage } from '../schemas/common.js';
import { JiraUserSchema, type JiraUser } from '../schemas/users.js';

/**
 * Participants of a customer request (`/rest/servicedeskapi/request/{issueIdOrKey}/participant`):
 * they see the request on the portal and are notified of it. Adding and removing are retried on
 * transient failures, since doing either twice changes nothing.
 *
 * @category Resources
 */
export class RequestParticipantsResource extends JiraResource {
  /**
   * The participants of a request.
   *
   * @param issueIdOrKey - Request (issue) key or id.
   * @param options - Call options.
   * @example
   * ```ts
   * const participants = await jira.serviceDesk.requests.participants.list('HELP-1').toArray({ limit: 100 });
   * ```
   */
  list(issueIdOrKey: string, options?: CallOptions): Paginator<JiraUser, JsmPage<JiraUser>> {
    const path = this.path`/rest/servicedeskapi/request/${{ issueIdOrKey }}/participant`;
    return this.jsmList({ path, item: JiraUserSchema, pageSize: 50 }, options);
  }

  /**
   * Shares a request with people (an agent, or the request's reporter, may).
   *
   * @param issueIdOrKey - Request (issue) key or id.
   * @param accountIds - The accounts to add.
   * @param options - Call options.
   * @returns The participants after the change (first page).
   * @example
   * ```ts
   * await jira.serviceDesk.requests.participants.add('HELP-1', [manager.accountId]);
   * ```
   */
  async add(issueIdOrKey: string, accountIds: readonly string[], options?: CallOptions): Promise<JiraUser[]> {
    return this.#change('POST', issueIdOrKey, accountIds, options);
  }

  /**
   * Stops sharing a request with people.
   *
   * @param issueIdOrKey - Request (issue) key or id.
   * @param accountIds - The accounts to remove.
   * @param options - Call options.
   * @returns The participants after the change (first page).
   */
  async remove(issueIdOrKey: string, accountIds: readonly string[], options?: CallOptions): Promise<JiraUser[]> {
    return this.#change('DELETE', issueIdOrKey, accountIds, options);
  }

  async #change(method: 'POST' | 'DELETE', issueIdOrKey: string, accountIds: readonly string[], options: CallOptions | undefined): Promise<JiraUser[]> {
    const path = this.path`/rest/servicedeskapi/request/${{ issueIdOrKey }}/participant`;
    if (!Array.isArray(accountIds) || accountIds.length === 0 || accountIds.some((id) => typeof id !== 'string' || id.trim() === '')) {
      this.kit.fail('accountIds', 'must be a non-empty list of account ids');
    }
    const page = await this.send(method, path, { json: { accountIds: [...accountIds] }, schema: jsmPageSchema(JiraUserSchema), retryable: true }, options);
    return page.values;
  }
}
