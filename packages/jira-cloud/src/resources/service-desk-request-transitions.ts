/**
 * `jira.serviceDesk.requests.transitions`: the transitions customers see on the portal.
 *
 * @module
 */
import type { Paginator } from '@itsm/core';
import { bad, callOptions, segment, type ResourceContext } from '../internal/call.js';
import { jsmPaginator } from '../internal/jsm.js';
import type { CallOptions } from '../options.js';
import { CustomerTransitionSchema, type CustomerTransition } from '../schemas/service-desk.js';

/** A customer transition to perform. */
export interface PerformCustomerTransitionInput {
  /** The transition id, from `requests.transitions.list`. */
  transitionId: string;
  /** A comment to add with it (plain/wiki text). */
  comment?: string | undefined;
}

/**
 * Customer transitions of requests (`/rest/servicedeskapi/request/{key}/transition`). These are the
 * portal's transitions; an agent sees the full workflow with `issues.transitions`.
 */
export class RequestTransitionsResource {
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
   * The transitions the caller can perform on a request as a customer.
   *
   * @param issueIdOrKey - Request (issue) key or id.
   * @param options - Call options.
   */
  list(issueIdOrKey: string, options?: CallOptions): Paginator<CustomerTransition> {
    const path = `/rest/servicedeskapi/request/${segment(issueIdOrKey, 'issueIdOrKey')}/transition`;
    return jsmPaginator(this.#context.http, path, CustomerTransitionSchema, 50, options);
  }

  /**
   * Performs a customer transition (`204`). Not retried.
   *
   * @param issueIdOrKey - Request (issue) key or id.
   * @param input - Transition id and optional comment.
   * @param options - Call options.
   */
  async perform(issueIdOrKey: string, input: PerformCustomerTransitionInput, options?: CallOptions): Promise<void> {
    const path = `/rest/servicedeskapi/request/${segment(issueIdOrKey, 'issueIdOrKey')}/transition`;
    if (typeof input !== 'object' || input === null) bad('input', 'must be { transitionId, comment? }');
    if (typeof input.transitionId !== 'string' || input.transitionId.trim() === '') bad('transitionId', 'must be a non-empty string');
    const json: Record<string, unknown> = { id: input.transitionId };
    if (input.comment !== undefined) {
      if (typeof input.comment !== 'string' || input.comment.trim() === '') bad('comment', 'must be a non-empty string');
      json.additionalComment = { body: input.comment };
    }
    await this.#context.http.request('POST', path, callOptions(options, { json }));
  }
}
