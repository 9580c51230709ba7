/**
 * Projects and the statuses their workflows use.
 *
 * @module
 */
import * as z from 'zod/mini';
import { AvatarUrlsSchema, JiraStatusSchema, type OpenEnum } from './common.js';
import { JiraIssueTypeSchema } from './meta.js';
import { JiraUserSchema } from './users.js';

/**
 * `software`, `service_desk` (JSM), `business`, `product_discovery`, ...
 *
 * @category Schemas
 */
export type ProjectTypeKey = OpenEnum<'software' | 'service_desk' | 'business' | 'product_discovery'>;

/**
 * A project (`GET /rest/api/3/project/{key}`).
 *
 * @category Schemas
 */
export const JiraProjectSchema = z.looseObject({
  id: z.string(),
  key: z.string(),
  name: z.string(),
  description: z.optional(z.string()),
  /** `service_desk` for a JSM project. */
  projectTypeKey: z.optional(z.string() as z.ZodMiniType<ProjectTypeKey, string>),
  /** Whether the project is team-managed (`true`) or company-managed. */
  simplified: z.optional(z.boolean()),
  style: z.optional(z.string()),
  issueTypes: z.optional(z.array(JiraIssueTypeSchema)),
  lead: z.optional(JiraUserSchema),
  avatarUrls: z.optional(AvatarUrlsSchema),
  self: z.optional(z.string()),
});
/**
 * A project. See {@link JiraProjectSchema}.
 *
 * @category Schemas
 */
export type JiraProject = z.infer<typeof JiraProjectSchema>;

/**
 * An issue type of a project with the statuses its workflow uses (`GET /rest/api/3/project/{key}/statuses`).
 *
 * @category Schemas
 */
export const IssueTypeStatusesSchema = z.looseObject({
  /** The issue type id. */
  id: z.string(),
  /** The issue type name. */
  name: z.string(),
  subtask: z.optional(z.boolean()),
  /** Every status of the workflow, each with its category. */
  statuses: z.array(JiraStatusSchema),
  self: z.optional(z.string()),
});
/**
 * An issue type with its statuses. See {@link IssueTypeStatusesSchema}.
 *
 * @category Schemas
 */
export type IssueTypeStatuses = z.infer<typeof IssueTypeStatusesSchema>;

/**
 * The answer of `GET /rest/api/3/project/{key}/statuses`.
 *
 * @category Schemas
 */
export const IssueTypeStatusesListSchema = z.array(IssueTypeStatusesSchema);
