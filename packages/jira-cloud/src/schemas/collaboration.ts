/**
 * What people and other systems attach to an issue: watchers (`/issue/{key}/watchers`), issue links
 * and their types (`/issueLink`, `/issueLinkType`), remote links (`/issue/{key}/remotelink`),
 * worklogs (`/issue/{key}/worklog`) and changelogs (`/issue/{key}/changelog`).
 *
 * @module
 */
import * as z from 'zod/mini';
import { AdfDocumentSchema, EntityPropertySchema, JiraIdSchema, JiraStatusSchema } from './common.js';
import { CommentVisibilitySchema } from './comments.js';
import { JiraUserSchema } from './users.js';

/**
 * The watchers of an issue: who gets notified of its changes.
 *
 * @category Schemas
 */
export const WatchersSchema = z.looseObject({
  /** Whether the calling account watches the issue. */
  isWatching: z.optional(z.boolean()),
  watchCount: z.optional(z.number()),
  watchers: z.array(JiraUserSchema),
  self: z.optional(z.string()),
});
/**
 * The watchers of an issue. See {@link WatchersSchema}.
 *
 * @category Schemas
 */
export type Watchers = z.infer<typeof WatchersSchema>;

/**
 * How two linked issues relate (`Blocks`: the outward issue "blocks", the inward one "is blocked by").
 *
 * @category Schemas
 */
export const IssueLinkTypeSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  /** The phrase from the inward issue's side, e.g. "is blocked by". */
  inward: z.optional(z.string()),
  /** The phrase from the outward issue's side, e.g. "blocks". */
  outward: z.optional(z.string()),
  self: z.optional(z.string()),
});
/**
 * An issue link type. See {@link IssueLinkTypeSchema}.
 *
 * @category Schemas
 */
export type IssueLinkType = z.infer<typeof IssueLinkTypeSchema>;

/**
 * The list of link types (`GET /issueLinkType`).
 *
 * @category Schemas
 */
export const IssueLinkTypesSchema = z.looseObject({ issueLinkTypes: z.array(IssueLinkTypeSchema) });

/**
 * One end of an issue link: id, key and a few fields.
 *
 * @category Schemas
 */
export const LinkedIssueSchema = z.looseObject({
  id: z.optional(z.string()),
  key: z.optional(z.string()),
  self: z.optional(z.string()),
  fields: z.optional(z.looseObject({ summary: z.optional(z.string()), status: z.optional(JiraStatusSchema) })),
});
/**
 * One end of an issue link. See {@link LinkedIssueSchema}.
 *
 * @category Schemas
 */
export type LinkedIssue = z.infer<typeof LinkedIssueSchema>;

/**
 * A link between two issues (`GET /issueLink/{id}`, and each entry of an issue's `issuelinks`
 * field, which shows only the other end).
 *
 * @category Schemas
 */
export const IssueLinkSchema = z.looseObject({
  id: z.string(),
  type: IssueLinkTypeSchema,
  inwardIssue: z.optional(LinkedIssueSchema),
  outwardIssue: z.optional(LinkedIssueSchema),
  self: z.optional(z.string()),
});
/**
 * An issue link. See {@link IssueLinkSchema}.
 *
 * @category Schemas
 */
export type IssueLink = z.infer<typeof IssueLinkSchema>;

/**
 * What a remote link points at: `url` and `title`, with an optional summary, icon and status.
 *
 * @category Schemas
 */
export const RemoteObjectSchema = z.looseObject({
  url: z.string(),
  title: z.string(),
  summary: z.optional(z.string()),
  icon: z.optional(z.looseObject({ url16x16: z.optional(z.string()), title: z.optional(z.string()), link: z.optional(z.string()) })),
  status: z.optional(z.looseObject({ resolved: z.optional(z.boolean()) })),
});
/**
 * What a remote link points at. See {@link RemoteObjectSchema}.
 *
 * @category Schemas
 */
export type RemoteObject = z.infer<typeof RemoteObjectSchema>;

/**
 * A link from an issue to something outside Jira: a chat transcript, a wiki page, another tracker's ticket.
 *
 * @category Schemas
 */
export const RemoteLinkSchema = z.looseObject({
  id: JiraIdSchema,
  /** The caller's own id of the linked object; a second create with it updates the link. */
  globalId: z.optional(z.string()),
  relationship: z.optional(z.string()),
  application: z.optional(z.looseObject({ name: z.optional(z.string()), type: z.optional(z.string()) })),
  object: RemoteObjectSchema,
  self: z.optional(z.string()),
});
/**
 * A remote link. See {@link RemoteLinkSchema}.
 *
 * @category Schemas
 */
export type RemoteLink = z.infer<typeof RemoteLinkSchema>;

/**
 * What `POST /remotelink` answers: the link's id and URL.
 *
 * @category Schemas
 */
export const RemoteLinkIdentifiesSchema = z.looseObject({ id: JiraIdSchema, self: z.optional(z.string()) });
/**
 * A remote link's id and URL. See {@link RemoteLinkIdentifiesSchema}.
 *
 * @category Schemas
 */
export type RemoteLinkIdentifies = z.infer<typeof RemoteLinkIdentifiesSchema>;

/**
 * Time logged on an issue. `comment` is ADF; `timeSpent` is Jira's duration (`1h 30m`).
 *
 * @category Schemas
 */
export const WorklogSchema = z.looseObject({
  id: z.string(),
  issueId: z.optional(z.string()),
  author: z.optional(JiraUserSchema),
  updateAuthor: z.optional(JiraUserSchema),
  comment: z.optional(AdfDocumentSchema),
  /** When the work started. */
  started: z.optional(z.string()),
  timeSpent: z.optional(z.string()),
  timeSpentSeconds: z.optional(z.number()),
  created: z.optional(z.string()),
  updated: z.optional(z.string()),
  visibility: z.optional(CommentVisibilitySchema),
  properties: z.optional(z.array(EntityPropertySchema)),
  self: z.optional(z.string()),
});
/**
 * A worklog. See {@link WorklogSchema}.
 *
 * @category Schemas
 */
export type Worklog = z.infer<typeof WorklogSchema>;

/**
 * A page of worklogs: `startAt`, `maxResults`, `total`.
 *
 * @category Schemas
 */
export const WorklogPageSchema = z.looseObject({
  worklogs: z.array(WorklogSchema),
  startAt: z.optional(z.number()),
  maxResults: z.optional(z.number()),
  total: z.optional(z.number()),
});
/**
 * A page of worklogs. See {@link WorklogPageSchema}.
 *
 * @category Schemas
 */
export type WorklogPage = z.infer<typeof WorklogPageSchema>;

/**
 * One field change of a changelog entry; `from`/`to` are ids, `fromString`/`toString` what people see.
 *
 * @category Schemas
 */
export const ChangeItemSchema = z.looseObject({
  field: z.string(),
  fieldId: z.optional(z.string()),
  fieldtype: z.optional(z.string()),
  from: z.nullish(z.string()),
  fromString: z.nullish(z.string()),
  to: z.nullish(z.string()),
  toString: z.nullish(z.string()),
});
/**
 * One field change. See {@link ChangeItemSchema}.
 *
 * @category Schemas
 */
export type ChangeItem = z.infer<typeof ChangeItemSchema>;

/**
 * A changelog entry: who changed what, and when.
 *
 * @category Schemas
 */
export const ChangelogSchema = z.looseObject({
  id: z.string(),
  author: z.optional(JiraUserSchema),
  created: z.string(),
  items: z.array(ChangeItemSchema),
});
/**
 * A changelog entry. See {@link ChangelogSchema}.
 *
 * @category Schemas
 */
export type Changelog = z.infer<typeof ChangelogSchema>;

/**
 * A page of an issue's changelog (`PageBeanChangelog`).
 *
 * @category Schemas
 */
export const ChangelogPageSchema = z.looseObject({
  values: z.array(ChangelogSchema),
  startAt: z.optional(z.number()),
  maxResults: z.optional(z.number()),
  total: z.optional(z.number()),
  isLast: z.optional(z.boolean()),
});
/**
 * A page of an issue's changelog. See {@link ChangelogPageSchema}.
 *
 * @category Schemas
 */
export type ChangelogPage = z.infer<typeof ChangelogPageSchema>;
