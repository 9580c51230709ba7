/**
 * Issues: the issue itself, its common fields, the answers of create, search and count.
 *
 * @module
 */
import * as z from 'zod/mini';
import { AdfDocumentSchema, JiraStatusSchema } from './common.js';
import { IssueAttachmentSchema } from './attachments.js';
import { IssueCommentPageSchema } from './comments.js';
import { JiraIssueTypeSchema, JiraPrioritySchema } from './meta.js';
import { TransitionSchema } from './transitions.js';
import { JiraUserSchema } from './users.js';

/**
 * The project an issue belongs to, as an issue field.
 *
 * @category Schemas
 */
export const IssueProjectSchema = z.looseObject({
  id: z.string(),
  key: z.string(),
  name: z.optional(z.string()),
  projectTypeKey: z.optional(z.string()),
  self: z.optional(z.string()),
});

/**
 * An issue's resolution (`null` while unresolved).
 *
 * @category Schemas
 */
export const ResolutionSchema = z.looseObject({
  id: z.string(),
  name: z.optional(z.string()),
  description: z.optional(z.string()),
});

/**
 * The parent of a subtask or child issue.
 *
 * @category Schemas
 */
export const IssueParentSchema = z.looseObject({
  id: z.string(),
  key: z.string(),
  fields: z.optional(z.record(z.string(), z.unknown())),
});

/**
 * An issue's fields. The common system fields are typed; every other field (custom fields
 * `customfield_<n>`, app fields) is kept as `unknown`. Which fields are present depends on the
 * `fields` asked for. Nullable fields (`assignee`, `priority`, `resolution`, ...) are `null` when empty.
 * Timestamps are strings with an offset (`2025-01-17T12:34:00.000+0000`), which `new Date()` parses.
 *
 * @category Schemas
 */
export const IssueFieldsSchema = z.looseObject({
  summary: z.optional(z.string()),
  /** ADF; read it with `adfToText`. */
  description: z.nullish(AdfDocumentSchema),
  status: z.optional(JiraStatusSchema),
  issuetype: z.optional(JiraIssueTypeSchema),
  project: z.optional(IssueProjectSchema),
  priority: z.nullish(z.partial(JiraPrioritySchema, { name: true })),
  assignee: z.nullish(JiraUserSchema),
  reporter: z.nullish(JiraUserSchema),
  creator: z.nullish(JiraUserSchema),
  created: z.optional(z.string()),
  updated: z.optional(z.string()),
  resolution: z.nullish(ResolutionSchema),
  resolutiondate: z.nullish(z.string()),
  duedate: z.nullish(z.string()),
  labels: z.optional(z.array(z.string())),
  parent: z.optional(IssueParentSchema),
  /** The first comments (at most 20 in search results; use `issues.comments.list` for all). */
  comment: z.optional(IssueCommentPageSchema),
  attachment: z.optional(z.array(IssueAttachmentSchema)),
});
/**
 * An issue's fields. See {@link IssueFieldsSchema}.
 *
 * @category Schemas
 */
export type IssueFields = z.infer<typeof IssueFieldsSchema>;

/**
 * An issue (`IssueBean`). `fields` is always an object (empty when no field was asked for). A moved
 * issue is returned under its new `key`.
 *
 * @category Schemas
 */
export const IssueSchema = z.looseObject({
  id: z.string(),
  key: z.string(),
  self: z.optional(z.string()),
  fields: z.prefault(IssueFieldsSchema, {}),
  /** Field names by id, with `expand: ['names']`. */
  names: z.optional(z.record(z.string(), z.string())),
  /** HTML renderings, with `expand: ['renderedFields']`. */
  renderedFields: z.optional(z.record(z.string(), z.unknown())),
  /** With `expand: ['transitions']`. */
  transitions: z.optional(z.array(TransitionSchema)),
  changelog: z.optional(z.unknown()),
  /** Issue properties asked for with `properties`. */
  properties: z.optional(z.record(z.string(), z.unknown())),
  expand: z.optional(z.string()),
});
/**
 * An issue. See {@link IssueSchema}.
 *
 * @category Schemas
 */
export type Issue = z.infer<typeof IssueSchema>;

/**
 * The answer of `POST /rest/api/3/issue`.
 *
 * @category Schemas
 */
export const CreatedIssueSchema = z.looseObject({
  id: z.string(),
  key: z.string(),
  self: z.optional(z.string()),
});
/**
 * A created issue's id and key. See {@link CreatedIssueSchema}.
 *
 * @category Schemas
 */
export type CreatedIssue = z.infer<typeof CreatedIssueSchema>;

/**
 * One page of `POST /rest/api/3/search/jql`: token-paged, no `total`.
 *
 * @category Schemas
 */
export const IssueSearchPageSchema = z.looseObject({
  issues: z.array(IssueSchema),
  /** Absent on the last page. */
  nextPageToken: z.nullish(z.string()),
  isLast: z.optional(z.boolean()),
  names: z.optional(z.record(z.string(), z.string())),
});
/**
 * One page of a JQL search. See {@link IssueSearchPageSchema}.
 *
 * @category Schemas
 */
export type IssueSearchPage = z.infer<typeof IssueSearchPageSchema>;

/**
 * The answer of `POST /rest/api/3/search/approximate-count`.
 *
 * @category Schemas
 */
export const ApproximateCountSchema = z.looseObject({ count: z.number() });

