/**
 * Issue attachments.
 *
 * @module
 */
import * as z from 'zod/mini';
import { JiraIdSchema } from './common.js';
import { JiraUserSchema } from './users.js';

/**
 * An attachment's metadata (from an upload, `GET /rest/api/3/attachment/{id}`, or an issue's
 * `attachment` field). `id` is a string even where Jira sends a number.
 *
 * @category Schemas
 */
export const IssueAttachmentSchema = z.looseObject({
  id: JiraIdSchema,
  filename: z.string(),
  mimeType: z.optional(z.string()),
  /** Size in bytes. */
  size: z.optional(z.number()),
  created: z.optional(z.string()),
  /** The REST URL of the content (download it with `attachments.download(id)`). */
  content: z.optional(z.string()),
  thumbnail: z.optional(z.string()),
  self: z.optional(z.string()),
  author: z.optional(JiraUserSchema),
});
/**
 * An attachment's metadata. See {@link IssueAttachmentSchema}.
 *
 * @category Schemas
 */
export type IssueAttachment = z.infer<typeof IssueAttachmentSchema>;

/**
 * The answer of an upload: one entry per file.
 *
 * @category Schemas
 */
export const IssueAttachmentListSchema = z.array(IssueAttachmentSchema);
