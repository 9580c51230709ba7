/**
 * `jira.issues.comments`: platform comments of an issue, with ADF bodies and JSM internal notes.
 *
 * @module
 */
import type { Paginator } from '@itsm/core';
import type { AdfDocument } from '../adf/index.js';
import { toAdf, type BodyFormat } from '../internal/body.js';
import { bad, callOptions, pageSize, segment, type ResourceContext } from '../internal/call.js';
import { offsetPaginator } from '../internal/paging.js';
import type { CallOptions } from '../options.js';
import { IssueCommentPageSchema, IssueCommentSchema, type IssueComment } from '../schemas/comments.js';

/** The JSM property that marks a platform comment internal (agents only) or public. */
export const JSM_PUBLIC_COMMENT_PROPERTY = 'sd.public.comment';

/** Who can see a new comment: members of a project role, or of a group (prefer the group id in `identifier`). */
export interface CommentVisibilityInput {
  /** `role` or `group`. */
  type: 'role' | 'group';
  /** The role or group name. */
  value?: string | undefined;
  /** The group id, or the role name. */
  identifier?: string | undefined;
}

/**
 * A new comment.
 *
 * @example
 * ```ts
 * await jira.issues.comments.add('HELP-1', { body: 'Restarted the print spooler.', internal: true });
 * await jira.issues.comments.add('HELP-1', { body: '**Fixed** in `v2`', format: 'markdown' });
 * ```
 */
export interface AddCommentInput {
  /** Plain text (converted with `textToAdf`), Markdown (with `format: 'markdown'`), or an ADF document. */
  body: string | AdfDocument;
  /** How a string `body` is read. Default `text`: every character literal. */
  format?: BodyFormat | undefined;
  /** Restricts the comment to a role or group. */
  visibility?: CommentVisibilityInput | undefined;
  /**
   * In a JSM project, `true` makes the comment an internal note (agents only) and `false` a reply
   * customers see; sets the `sd.public.comment` property. Left out: Jira's default (public).
   */
  internal?: boolean | undefined;
}

/** A comment's new content. */
export interface UpdateCommentInput {
  /** Plain text, Markdown (with `format: 'markdown'`), or an ADF document. */
  body: string | AdfDocument;
  /** How a string `body` is read. Default `text`. */
  format?: BodyFormat | undefined;
  /** Restricts the comment to a role or group. */
  visibility?: CommentVisibilityInput | undefined;
}

/** Options of `comments.list`. */
export interface ListCommentsOptions extends CallOptions {
  /** `created` (oldest first, default) or `-created` (newest first). */
  orderBy?: 'created' | '-created' | undefined;
  /** Comments per request (1–5000; Jira may cap lower). Default 100. */
  pageSize?: number | undefined;
  /** `renderedBody` adds the HTML rendering. */
  expand?: 'renderedBody' | undefined;
}

/** Options of `comments.update`. */
export interface UpdateCommentOptions extends CallOptions {
  /** `false` to not notify watchers (needs admin rights). Default: Jira's (`true`). */
  notifyUsers?: boolean | undefined;
}

function visibilityOf(visibility: CommentVisibilityInput | undefined): CommentVisibilityInput | undefined {
  if (visibility === undefined) return undefined;
  if (typeof visibility !== 'object' || visibility === null || (visibility.type !== 'role' && visibility.type !== 'group')) {
    bad('visibility.type', "must be 'role' or 'group'");
  }
  if (!visibility.value && !visibility.identifier) bad('visibility.value', 'or visibility.identifier is required');
  const result: CommentVisibilityInput = { type: visibility.type };
  if (visibility.value) result.value = visibility.value;
  if (visibility.identifier) result.identifier = visibility.identifier;
  return result;
}

/**
 * Comments of an issue (`/rest/api/3/issue/{issueIdOrKey}/comment`). Bodies are ADF; strings are
 * converted. Adding a comment is never retried (it could be posted twice).
 */
export class IssueCommentsResource {
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
   * Every comment of an issue the caller may see, oldest first, paged with `startAt`/`total`.
   *
   * @param issueIdOrKey - Issue key or id.
   * @param options - Order, page size, call options.
   * @example
   * ```ts
   * for await (const comment of jira.issues.comments.list('HELP-1')) console.log(adfToText(comment.body));
   * ```
   */
  list(issueIdOrKey: string, options: ListCommentsOptions = {}): Paginator<IssueComment> {
    const path = `/rest/api/3/issue/${segment(issueIdOrKey, 'issueIdOrKey')}/comment`;
    const size = pageSize(options.pageSize, 100, 5000);
    if (options.orderBy !== undefined && options.orderBy !== 'created' && options.orderBy !== '-created') {
      bad('orderBy', "must be 'created' or '-created'");
    }
    return offsetPaginator(async (startAt, signal) => {
      const page = await this.#context.http.request('GET', path, {
        ...callOptions(options, { query: { startAt, maxResults: size, orderBy: options.orderBy, expand: options.expand } }, signal),
        schema: IssueCommentPageSchema,
      });
      return { items: page.comments, start: page.startAt ?? startAt, total: page.total };
    }, size);
  }

  /**
   * Adds a comment (`201`). Not retried on failure: a comment must not be posted twice.
   *
   * @param issueIdOrKey - Issue key or id.
   * @param input - Body, format, visibility, internal flag.
   * @param options - Call options.
   * @returns The new comment.
   */
  async add(issueIdOrKey: string, input: AddCommentInput, options?: CallOptions): Promise<IssueComment> {
    const path = `/rest/api/3/issue/${segment(issueIdOrKey, 'issueIdOrKey')}/comment`;
    if (typeof input !== 'object' || input === null) bad('input', 'must be an object with a body');
    const json: Record<string, unknown> = { body: toAdf(input.body, input.format, 'body') };
    const visibility = visibilityOf(input.visibility);
    if (visibility) json.visibility = visibility;
    if (input.internal !== undefined) {
      if (typeof input.internal !== 'boolean') bad('internal', 'must be a boolean');
      json.properties = [{ key: JSM_PUBLIC_COMMENT_PROPERTY, value: { internal: input.internal } }];
    }
    return this.#context.http.request('POST', path, { ...callOptions(options, { json }), schema: IssueCommentSchema });
  }

  /**
   * Replaces a comment's body (and visibility).
   *
   * @param issueIdOrKey - Issue key or id.
   * @param commentId - The comment id.
   * @param input - The new body.
   * @param options - `notifyUsers`, call options.
   * @returns The updated comment.
   */
  async update(issueIdOrKey: string, commentId: string, input: UpdateCommentInput, options: UpdateCommentOptions = {}): Promise<IssueComment> {
    const path = `/rest/api/3/issue/${segment(issueIdOrKey, 'issueIdOrKey')}/comment/${segment(commentId, 'commentId')}`;
    if (typeof input !== 'object' || input === null) bad('input', 'must be an object with a body');
    const json: Record<string, unknown> = { body: toAdf(input.body, input.format, 'body') };
    const visibility = visibilityOf(input.visibility);
    if (visibility) json.visibility = visibility;
    return this.#context.http.request('PUT', path, {
      ...callOptions(options, { json, query: { notifyUsers: options.notifyUsers } }),
      schema: IssueCommentSchema,
    });
  }

  /**
   * Deletes a comment.
   *
   * @param issueIdOrKey - Issue key or id.
   * @param commentId - The comment id.
   * @param options - Call options.
   */
  async delete(issueIdOrKey: string, commentId: string, options?: CallOptions): Promise<void> {
    const path = `/rest/api/3/issue/${segment(issueIdOrKey, 'issueIdOrKey')}/comment/${segment(commentId, 'commentId')}`;
    await this.#context.http.request('DELETE', path, callOptions(options));
  }
}
