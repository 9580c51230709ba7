/**
 * Platform issue comments (`/rest/api/3/issue/{key}/comment`).
 *
 * @module
 */
import { z } from 'zod';
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
  value: z.string().optional(),
  /** The group id (stable, unlike names) or the role name. */
  identifier: z.string().optional(),
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
  self: z.string().optional(),
  author: JiraUserSchema.optional(),
  updateAuthor: JiraUserSchema.optional(),
  body: AdfDocumentSchema.optional(),
  renderedBody: z.string().optional(),
  created: z.string().optional(),
  updated: z.string().optional(),
  visibility: CommentVisibilitySchema.optional(),
  /** Whether JSM customers see the comment (`false` for an internal note). */
  jsdPublic: z.boolean().optional(),
  properties: z.array(EntityPropertySchema).optional(),
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
  startAt: z.number().optional(),
  maxResults: z.number().optional(),
  total: z.number().optional(),
});
/**
 * A page of comments. See {@link IssueCommentPageSchema}.
 *
 * @category Schemas
 */
export type IssueCommentPage = z.infer<typeof IssueCommentPageSchema>;
