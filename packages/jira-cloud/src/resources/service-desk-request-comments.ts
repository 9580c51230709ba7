/**
 * `jira.serviceDesk.requests.comments`: public replies and internal notes on customer requests.
 *
 * @module
 */
import type { Paginator } from '@itsm/core';
import { bad, callOptions, pageSize, segment, type ResourceContext } from '../internal/call.js';
import { jsmPaginator } from '../internal/jsm.js';
import type { CallOptions } from '../options.js';
import { RequestCommentSchema, type RequestComment } from '../schemas/service-desk.js';

/** A new request comment. */
export interface AddRequestCommentInput {
  /** The text: plain text or wiki markup, not ADF. */
  body: string;
  /** `true` for a reply the customer sees, `false` for an internal note. Required: no silent default. */
  public: boolean;
}

/** Options of `requests.comments.list`. */
export interface ListRequestCommentsOptions extends CallOptions {
  /** Include public comments. Default `true`. */
  public?: boolean | undefined;
  /** Include internal comments. Default `true`. */
  internal?: boolean | undefined;
  /** Comments per request (1–100). Default 50. */
  pageSize?: number | undefined;
}

/** Comments of customer requests (`/rest/servicedeskapi/request/{key}/comment`). */
export class RequestCommentsResource {
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
   * The comments of a request. A caller without access gets an empty list, not an error.
   *
   * @param issueIdOrKey - Request (issue) key or id.
   * @param options - Public/internal filter, page size, call options.
   */
  list(issueIdOrKey: string, options: ListRequestCommentsOptions = {}): Paginator<RequestComment> {
    const path = `/rest/servicedeskapi/request/${segment(issueIdOrKey, 'issueIdOrKey')}/comment`;
    const size = pageSize(options.pageSize, 50, 100);
    return jsmPaginator(this.#context.http, path, RequestCommentSchema, size, options, {
      public: options.public,
      internal: options.internal,
    });
  }

  /**
   * Adds a public reply or an internal note. Not retried.
   *
   * @param issueIdOrKey - Request (issue) key or id.
   * @param input - Body (plain/wiki text) and `public`.
   * @param options - Call options.
   * @example
   * ```ts
   * await jira.serviceDesk.requests.comments.add('HELP-1', { body: 'We are on it.', public: true });
   * ```
   */
  async add(issueIdOrKey: string, input: AddRequestCommentInput, options?: CallOptions): Promise<RequestComment> {
    const path = `/rest/servicedeskapi/request/${segment(issueIdOrKey, 'issueIdOrKey')}/comment`;
    if (typeof input !== 'object' || input === null) bad('input', 'must be { body, public }');
    if (typeof input.body !== 'string' || input.body.trim() === '') bad('body', 'must be a non-empty string (plain text or wiki markup, not ADF)');
    if (typeof input.public !== 'boolean') bad('public', 'must be true (reply to the customer) or false (internal note)');
    return this.#context.http.request('POST', path, {
      ...callOptions(options, { json: { body: input.body, public: input.public } }),
      schema: RequestCommentSchema,
    });
  }
}
