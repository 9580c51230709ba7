/**
 * `jira.serviceDesk.requests.comments`: public replies and internal notes on customer requests.
 *
 * @module
 */
import type { Paginator } from '@itsm/core';
import { JiraResource } from '../internal/resource.js';
import type { CallOptions } from '../options.js';
import { checkText } from '../internal/body.js';
import { kit } from '../provider.js';
import type { JsmPage } from '../schemas/common.js';
import { RequestCommentSchema, type RequestComment } from '../schemas/service-desk.js';

/**
 * A new request comment.
 *
 * @category Resources
 */
export interface AddRequestCommentInput {
  /** The text: plain text or wiki markup, not ADF. */
  body: string;
  /** `true` for a reply the customer sees, `false` for an internal note. Required: no silent default. */
  public: boolean;
}

/**
 * Options of `requests.comments.list`.
 *
 * @category Resources
 */
export interface ListRequestCommentsOptions extends CallOptions {
  /** Include public comments. Default `true`. */
  public?: boolean | undefined;
  /** Include internal comments. Default `true`. */
  internal?: boolean | undefined;
  /** Comments per request (1–100). Default 50. */
  pageSize?: number | undefined;
}

/**
 * Comments of customer requests (`/rest/servicedeskapi/request/{key}/comment`).
 *
 * @category Resources
 */
export class RequestCommentsResource extends JiraResource {
  /**
   * The comments of a request. A caller without access gets an empty list, not an error.
   *
   * @param issueIdOrKey - Request (issue) key or id.
   * @param options - Public/internal filter, page size, call options.
   */
  list(issueIdOrKey: string, options: ListRequestCommentsOptions = {}): Paginator<RequestComment, JsmPage<RequestComment>> {
    const { public: publicComments, internal, pageSize, ...call } = options;
    const path = this.path`/rest/servicedeskapi/request/${{ issueIdOrKey }}/comment`;
    const size = this.kit.pageSize(pageSize, 50, 100);
    return this.jsmList({ path, item: RequestCommentSchema, pageSize: size, query: { public: publicComments, internal } }, call);
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
    const path = this.path`/rest/servicedeskapi/request/${{ issueIdOrKey }}/comment`;
    if (typeof input !== 'object' || input === null) kit.fail('input', 'must be { body, public }');
    kit.knownKeys(input, ['body', 'public']);
    if (typeof input.body !== 'string' || input.body.trim() === '') kit.fail('body', 'must be a non-empty string (plain text or wiki markup, not ADF)');
    checkText(input.body, 'body');
    if (typeof input.public !== 'boolean') kit.fail('public', 'must be true (reply to the customer) or false (internal note)');
    return this.send('POST', path, { json: { body: input.body, public: input.public }, schema: RequestCommentSchema }, options);
  }
}
