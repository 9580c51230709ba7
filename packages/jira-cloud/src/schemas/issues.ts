/**
 * Issues: the issue itself, its common fields, the answers of create, search and count.
 *
 * @module
 */
import { z } from 'zod';
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
  name: z.string().optional(),
  projectTypeKey: z.string().optional(),
  self: z.string().optional(),
});

/**
 * An issue's resolution (`null` while unresolved).
 *
 * @category Schemas
 */
export const ResolutionSchema = z.looseObject({
  id: z.string(),
  name: z.string().optional(),
  description: z.string().optional(),
});

/**
 * The parent of a subtask or child issue.
 *
 * @category Schemas
 */
export const IssueParentSchema = z.looseObject({
  id: z.string(),
  key: z.string(),
  fields: z.record(z.string(), z.unknown()).optional(),
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
  summary: z.string().optional(),
  /** ADF; read it with `adfToText`. */
  description: AdfDocumentSchema.nullish(),
  status: JiraStatusSchema.optional(),
  issuetype: JiraIssueTypeSchema.optional(),
  project: IssueProjectSchema.optional(),
  priority: JiraPrioritySchema.partial({ name: true }).nullish(),
  assignee: JiraUserSchema.nullish(),
  reporter: JiraUserSchema.nullish(),
  creator: JiraUserSchema.nullish(),
  created: z.string().optional(),
  updated: z.string().optional(),
  resolution: ResolutionSchema.nullish(),
  resolutiondate: z.string().nullish(),
  duedate: z.string().nullish(),
  labels: z.array(z.string()).optional(),
  parent: IssueParentSchema.optional(),
  /** The first comments (at most 20 in search results; use `issues.comments.list` for all). */
  comment: IssueCommentPageSchema.optional(),
  attachment: z.array(IssueAttachmentSchema).optional(),
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
  self: z.string().optional(),
  fields: IssueFieldsSchema.prefault({}),
  /** Field names by id, with `expand: ['names']`. */
  names: z.record(z.string(), z.string()).optional(),
  /** HTML renderings, with `expand: ['renderedFields']`. */
  renderedFields: z.record(z.string(), z.unknown()).optional(),
  /** With `expand: ['transitions']`. */
  transitions: z.array(TransitionSchema).optional(),
  changelog: z.unknown().optional(),
  /** Issue properties asked for with `properties`. */
  properties: z.record(z.string(), z.unknown()).optional(),
  expand: z.string().optional(),
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
  self: z.string().optional(),
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
  nextPageToken: z.string().nullish(),
  isLast: z.boolean().optional(),
  names: z.record(z.string(), z.string()).optional(),
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

