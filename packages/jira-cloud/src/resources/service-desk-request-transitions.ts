/**
 * `jira.serviceDesk.requests.transitions`: the transitions customers see on the portal.
 *
 * @module
 */
import type { Paginator } from '@itsm/core';
import { JiraResource } from '../internal/resource.js';
import type { CallOptions } from '../options.js';
import { checkText } from '../internal/body.js';
import { kit } from '../provider.js';
import type { JsmPage } from '../schemas/common.js';
import { CustomerTransitionSchema, type CustomerTransition } from '../schemas/service-desk.js';

/**
 * A customer transition to perform.
 *
 * @category Resources
 */
export interface PerformCustomerTransitionInput {
  /** The transition id, from `requests.transitions.list`. */
  transitionId: string;
  /** A comment to add with it (plain/wiki text). */
  comment?: string | undefined;
}

/**
 * Customer transitions of requests (`/rest/servicedeskapi/request/{key}/transition`). These are the
 * portal's transitions; an agent sees the full workflow with `issues.transitions`.
 *
 * @category Resources
 */
export class RequestTransitionsResource extends JiraResource {
  /**
   * The transitions the caller can perform on a request as a customer.
   *
   * @param issueIdOrKey - Request (issue) key or id.
   * @param options - Call options.
   */
  list(issueIdOrKey: string, options?: CallOptions): Paginator<CustomerTransition, JsmPage<CustomerTransition>> {
    const path = this.path`/rest/servicedeskapi/request/${{ issueIdOrKey }}/transition`;
    return this.jsmList({ path, item: CustomerTransitionSchema, pageSize: 50 }, options);
  }

  /**
   * Performs a customer transition (`204`). Not retried.
   *
   * @param issueIdOrKey - Request (issue) key or id.
   * @param input - Transition id and optional comment.
   * @param options - Call options.
   */
  async perform(issueIdOrKey: string, input: PerformCustomerTransitionInput, options?: CallOptions): Promise<void> {
    const path = this.path`/rest/servicedeskapi/request/${{ issueIdOrKey }}/transition`;
    if (typeof input !== 'object' || input === null) kit.fail('input', 'must be { transitionId, comment? }');
    kit.knownKeys(input, ['transitionId', 'comment']);
    if (typeof input.transitionId !== 'string' || input.transitionId.trim() === '') kit.fail('transitionId', 'must be a non-empty string');
    const json: Record<string, unknown> = { id: input.transitionId };
    if (input.comment !== undefined) {
      if (typeof input.comment !== 'string' || input.comment.trim() === '') kit.fail('comment', 'must be a non-empty string');
      checkText(input.comment, 'comment');
      json.additionalComment = { body: input.comment };
    }
    await this.send('POST', path, { json }, options);
  }
}
