/**
 * Platform issue comments (`/rest/api/3/issue/{key}/comment`).
 *
 * @module
 */
import * as z from 'zod/mini';
import { AdfDocumentSchema, EntityPropertySchema } from './common.js';
import { JiraUserSchema } from './users.js';

/**
 * Who can see a comment: members of a project role or of a group.
 *
 * @category Schemas
 */
export const CommentVisibilitySchema = z.looseObject({
  type: z.enum(['role', 'group']),
  /** The role or group name. */
  value: z.optional(z.string()),
  /** The group id (stable, unlike names) or the role name. */
  identifier: z.optional(z.string()),
});
/**
 * Who can see a comment. See {@link CommentVisibilitySchema}.
 *
 * @category Schemas
 */
export type CommentVisibility = z.infer<typeof CommentVisibilitySchema>;

/**
 * A comment on an issue. `body` is ADF (read it with `adfToText`); `jsdPublic` is `false` for JSM
 * internal notes.
 *
 * @category Schemas
 */
export const IssueCommentSchema = z.looseObject({
  id: z.string(),
  self: z.optional(z.string()),
  author: z.optional(JiraUserSchema),
  updateAuthor: z.optional(JiraUserSchema),
  body: z.optional(AdfDocumentSchema),
  renderedBody: z.optional(z.string()),
  created: z.optional(z.string()),
  updated: z.optional(z.string()),
  visibility: z.optional(CommentVisibilitySchema),
  /** Whether JSM customers see the comment (`false` for an internal note). */
  jsdPublic: z.optional(z.boolean()),
  properties: z.optional(z.array(EntityPropertySchema)),
});
/**
 * A comment on an issue. See {@link IssueCommentSchema}.
 *
 * @category Schemas
 */
export type IssueComment = z.infer<typeof IssueCommentSchema>;

/**
 * A page of comments: `startAt`, `maxResults`, `total`.
 *
 * @category Schemas
 */
export const IssueCommentPageSchema = z.looseObject({
  comments: z.array(IssueCommentSchema),
  startAt: z.optional(z.number()),
  maxResults: z.optional(z.number()),
  total: z.optional(z.number()),
});
/**
 * A page of comments. See {@link IssueCommentPageSchema}.
 *
 * @category Schemas
 */
export type IssueCommentPage = z.infer<typeof IssueCommentPageSchema>;
