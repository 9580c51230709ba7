/**
 * `jira.issues.comments`: platform comments of an issue, with ADF bodies and JSM internal notes.
 *
 * @module
 */
import type { Paginator } from '@itsm/core';
import { offsetPaginator } from '@itsm/core/provider';
import type { AdfDocument } from '../adf/index.js';
import { toAdf, type BodyFormat } from '../internal/body.js';
import { JiraResource } from '../internal/resource.js';
import type { CallOptions } from '../options.js';
import { checkProperties, type PropertyInput } from '../new-issue.js';
import { kit } from '../provider.js';
import { IssueCommentPageSchema, IssueCommentSchema, type IssueComment, type IssueCommentPage } from '../schemas/comments.js';
import * as z from 'zod/mini';

/**
 * The JSM property that marks a platform comment internal (agents only) or public.
 *
 * @category Resources
 */
export const JSM_PUBLIC_COMMENT_PROPERTY = 'sd.public.comment';

/**
 * Who can see a new comment: members of a project role, or of a group (prefer the group id in `identifier`).
 *
 * @category Resources
 */
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
 *
 * @category Resources
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
  /** Comment properties to set with it, e.g. a key to find the comment again (not `sd.public.comment`: use `internal`). */
  properties?: PropertyInput[] | undefined;
}

/**
 * A comment's new content.
 *
 * @category Resources
 */
export interface UpdateCommentInput {
  /** Plain text, Markdown (with `format: 'markdown'`), or an ADF document. */
  body: string | AdfDocument;
  /** How a string `body` is read. Default `text`. */
  format?: BodyFormat | undefined;
  /** Restricts the comment to a role or group. */
  visibility?: CommentVisibilityInput | undefined;
}

/**
 * Options of `comments.list`.
 *
 * @category Resources
 */
export interface ListCommentsOptions extends CallOptions {
  /** `created` (oldest first, default) or `-created` (newest first). */
  orderBy?: 'created' | '-created' | undefined;
  /** Comments per request (1–5000; Jira may cap lower). Default 100. */
  pageSize?: number | undefined;
  /** `renderedBody` adds the HTML rendering. */
  expand?: 'renderedBody' | undefined;
}

/**
 * Options of `comments.byIds`.
 *
 * @category Resources
 */
export interface CommentsByIdsOptions extends CallOptions {
  /** `renderedBody` and/or `properties` (each comment's entity properties). */
  expand?: readonly ('renderedBody' | 'properties')[] | undefined;
}

/**
 * The most comment ids `comments.byIds` sends in one request.
 *
 * @category Resources
 */
export const COMMENT_IDS_PER_REQUEST = 1_000;

/** A page of `POST /rest/api/3/comment/list`. */
const CommentListPageSchema = z.looseObject({ values: z.array(IssueCommentSchema) });

/**
 * Options of `comments.update`.
 *
 * @category Resources
 */
export interface UpdateCommentOptions extends CallOptions {
  /** `false` to not notify watchers (needs admin rights). Default: Jira's (`true`). */
  notifyUsers?: boolean | undefined;
}

function visibilityOf(visibility: CommentVisibilityInput | undefined): CommentVisibilityInput | undefined {
  if (visibility === undefined) return undefined;
  if (typeof visibility !== 'object' || visibility === null || (visibility.type !== 'role' && visibility.type !== 'group')) {
    kit.fail('visibility.type', "must be 'role' or 'group'");
  }
  kit.knownKeys(visibility, ['type', 'value', 'identifier'], 'visibility');
  if (!visibility.value && !visibility.identifier) kit.fail('visibility.value', 'or visibility.identifier is required');
  const result: CommentVisibilityInput = { type: visibility.type };
  if (visibility.value) result.value = visibility.value;
  if (visibility.identifier) result.identifier = visibility.identifier;
  return result;
}

/**
 * Comments of an issue (`/rest/api/3/issue/{issueIdOrKey}/comment`). Bodies are ADF; strings are
 * converted. Adding a comment is never retried (it could be posted twice).
 *
 * @category Resources
 */
export class IssueCommentsResource extends JiraResource {
  /**
   * Every comment of an issue the caller may see, oldest first, paged with `startAt`/`total` (each
   * page's `envelope` is the comment page, with its `total`).
   *
   * @param issueIdOrKey - Issue key or id.
   * @param options - Order, page size, call options.
   * @example
   * ```ts
   * for await (const comment of jira.issues.comments.list('HELP-1')) console.log(adfToText(comment.body));
   * ```
   */
  list(issueIdOrKey: string, options: ListCommentsOptions = {}): Paginator<IssueComment, IssueCommentPage> {
    const { orderBy, pageSize, expand, ...rest } = options;
    const path = this.path`/rest/api/3/issue/${{ issueIdOrKey }}/comment`;
    const size = this.kit.pageSize(pageSize, 100, 5000);
    if (orderBy !== undefined && orderBy !== 'created' && orderBy !== '-created') this.kit.fail('orderBy', "must be 'created' or '-created'");
    if (expand !== undefined && expand !== 'renderedBody') this.kit.fail('expand', "must be 'renderedBody'");
    const call = this.callOptions(rest);
    return offsetPaginator(async (startAt, signal) => {
      const query = { startAt, maxResults: size, orderBy, expand };
      const page = await this.send('GET', path, { query, schema: IssueCommentPageSchema, signal }, call);
      return { items: page.comments, start: page.startAt ?? startAt, total: page.total, envelope: page };
    }, { pageSize: size });
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
    const path = this.path`/rest/api/3/issue/${{ issueIdOrKey }}/comment`;
    if (typeof input !== 'object' || input === null) kit.fail('input', 'must be an object with a body');
    kit.knownKeys(input, ['body', 'format', 'visibility', 'internal', 'properties']);
    const json: Record<string, unknown> = { body: await toAdf(input.body, input.format, 'body') };
    const visibility = visibilityOf(input.visibility);
    if (visibility) json.visibility = visibility;
    const properties = [...(checkProperties(input.properties) ?? [])];
    if (properties.some((property) => property.key === JSM_PUBLIC_COMMENT_PROPERTY)) {
      kit.fail('properties', `must not set ${JSM_PUBLIC_COMMENT_PROPERTY}: give internal: true or false instead`);
    }
    if (input.internal !== undefined) {
      if (typeof input.internal !== 'boolean') kit.fail('internal', 'must be a boolean');
      properties.push({ key: JSM_PUBLIC_COMMENT_PROPERTY, value: { internal: input.internal } });
    }
    if (properties.length > 0) json.properties = properties;
    return this.send('POST', path, { json, schema: IssueCommentSchema }, options);
  }

  /**
   * Comments by id, from any issues the caller can see (`POST /rest/api/3/comment/list`, read-only,
   * so retried like a `GET`); with `expand: ['properties']`, each with its entity properties. Ids of
   * comments that do not exist or are not visible are left out.
   *
   * @param commentIds - Comment ids (numeric strings); sent in requests of at most 1,000.
   * @param options - `expand`, call options.
   * @example
   * ```ts
   * const [comment] = await jira.issues.comments.byIds(['10001'], { expand: ['properties'] });
   * ```
   */
  async byIds(commentIds: readonly string[], options: CommentsByIdsOptions = {}): Promise<IssueComment[]> {
    const { expand, ...rest } = options;
    if (!Array.isArray(commentIds)) kit.fail('commentIds', 'must be a list of comment ids');
    const ids = commentIds.map((id, index) => {
      if (typeof id !== 'string' || !/^\d{1,18}$/.test(id)) kit.fail(`commentIds.${index}`, 'must be a comment id (digits)');
      return Number(id);
    });
    if (expand !== undefined && (!Array.isArray(expand) || expand.some((item) => item !== 'renderedBody' && item !== 'properties'))) {
      kit.fail('expand', "must be a list of 'renderedBody' and 'properties'");
    }
    const call = this.callOptions(rest);
    const found: IssueComment[] = [];
    for (let start = 0; start < ids.length; start += COMMENT_IDS_PER_REQUEST) {
      const json = { ids: ids.slice(start, start + COMMENT_IDS_PER_REQUEST) };
      const query = { expand: this.kit.commaList(expand, 'expand') };
      const page = await this.send('POST', '/rest/api/3/comment/list', { json, query, schema: CommentListPageSchema }, call);
      found.push(...page.values);
    }
    return found;
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
    const { notifyUsers, ...call } = options;
    const path = this.path`/rest/api/3/issue/${{ issueIdOrKey }}/comment/${{ commentId }}`;
    if (typeof input !== 'object' || input === null) kit.fail('input', 'must be an object with a body');
    kit.knownKeys(input, ['body', 'format', 'visibility']);
    const json: Record<string, unknown> = { body: await toAdf(input.body, input.format, 'body') };
    const visibility = visibilityOf(input.visibility);
    if (visibility) json.visibility = visibility;
    return this.send('PUT', path, { json, query: { notifyUsers }, schema: IssueCommentSchema }, call);
  }

  /**
   * Deletes a comment.
   *
   * @param issueIdOrKey - Issue key or id.
   * @param commentId - The comment id.
   * @param options - Call options.
   */
  async delete(issueIdOrKey: string, commentId: string, options?: CallOptions): Promise<void> {
    await this.send('DELETE', this.path`/rest/api/3/issue/${{ issueIdOrKey }}/comment/${{ commentId }}`, {}, options);
  }
}
