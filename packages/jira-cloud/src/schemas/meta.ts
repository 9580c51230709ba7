/**
 * Site-wide metadata a connector maps against: issue types, priorities, fields, server info.
 * (Status categories are in the common schemas.)
 *
 * @module
 */
import * as z from 'zod/mini';
import { JiraFieldTypeSchema, StatusCategorySchema } from './common.js';

/**
 * An issue type (`GET /rest/api/3/issuetype`, and a project's `issueTypes`).
 *
 * @category Schemas
 */
export const JiraIssueTypeSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  description: z.optional(z.string()),
  /** Whether issues of this type are subtasks. */
  subtask: z.optional(z.boolean()),
  /** 0 standard, -1 subtask, 1 epic, ... */
  hierarchyLevel: z.optional(z.number()),
  iconUrl: z.optional(z.string()),
  avatarId: z.optional(z.number()),
  /** For team-managed projects: the project the type belongs to. */
  scope: z.optional(z.unknown()),
  self: z.optional(z.string()),
});
/**
 * An issue type. See {@link JiraIssueTypeSchema}.
 *
 * @category Schemas
 */
export type JiraIssueType = z.infer<typeof JiraIssueTypeSchema>;

/**
 * A priority (`GET /rest/api/3/priority`).
 *
 * @category Schemas
 */
export const JiraPrioritySchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  description: z.optional(z.string()),
  iconUrl: z.optional(z.string()),
  statusColor: z.optional(z.string()),
  isDefault: z.optional(z.boolean()),
  self: z.optional(z.string()),
});
/**
 * A priority. See {@link JiraPrioritySchema}.
 *
 * @category Schemas
 */
export type JiraPriority = z.infer<typeof JiraPrioritySchema>;

/**
 * A system or custom field (`GET /rest/api/3/field`).
 *
 * @category Schemas
 */
export const JiraFieldSchema = z.looseObject({
  /** `summary`, `customfield_10010`, ... */
  id: z.string(),
  key: z.optional(z.string()),
  name: z.string(),
  custom: z.optional(z.boolean()),
  orderable: z.optional(z.boolean()),
  navigable: z.optional(z.boolean()),
  searchable: z.optional(z.boolean()),
  /** Names usable in JQL (`cf[10010]`, `"Request Type"`). */
  clauseNames: z.optional(z.array(z.string())),
  schema: z.optional(JiraFieldTypeSchema),
});
/**
 * A field. See {@link JiraFieldSchema}.
 *
 * @category Schemas
 */
export type JiraField = z.infer<typeof JiraFieldSchema>;

/**
 * Information about the site (`GET /rest/api/3/serverInfo`): its `baseUrl` above all.
 *
 * @category Schemas
 */
export const ServerInfoSchema = z.looseObject({
  /** The site URL, e.g. `https://your-domain.atlassian.net`. */
  baseUrl: z.string(),
  displayUrl: z.optional(z.string()),
  deploymentType: z.optional(z.string()),
  version: z.optional(z.string()),
  serverTimeZone: z.optional(z.string()),
  serverTitle: z.optional(z.string()),
});
/**
 * Information about the site. See {@link ServerInfoSchema}.
 *
 * @category Schemas
 */
export type ServerInfo = z.infer<typeof ServerInfoSchema>;

/**
 * The site's tenant information (`GET https://<site>.atlassian.net/_edge/tenant_info`, no
 * authentication needed): its cloud id, which stays the same when the site is renamed and is what
 * the `api.atlassian.com` gateway addresses the site by.
 *
 * @category Schemas
 */
export const TenantInfoSchema = z.looseObject({
  /** The site's cloud id, e.g. `11223344-a1b2-3b33-c444-def123456789`. */
  cloudId: z.string().check(z.minLength(1)),
});
/**
 * The site's tenant information. See {@link TenantInfoSchema}.
 *
 * @category Schemas
 */
export type TenantInfo = z.infer<typeof TenantInfoSchema>;

/**
 * A list of issue types.
 *
 * @category Schemas
 */
export const JiraIssueTypeListSchema = z.array(JiraIssueTypeSchema);
/**
 * A list of priorities.
 *
 * @category Schemas
 */
export const JiraPriorityListSchema = z.array(JiraPrioritySchema);
/**
 * A list of fields.
 *
 * @category Schemas
 */
export const JiraFieldListSchema = z.array(JiraFieldSchema);
/**
 * A list of status categories.
 *
 * @category Schemas
 */
export const StatusCategoryListSchema = z.array(StatusCategorySchema);

