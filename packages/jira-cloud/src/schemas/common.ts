/**
 * Schemas shared by several resources: ids, status categories and statuses, field schemas, avatar
 * URLs, ADF documents, JSM dates and pages.
 *
 * Every object schema is a `z.looseObject`: fields Jira adds later, and fields this package does not
 * model, are kept on the parsed value. Only what a client relies on is required.
 *
 * @module
 */
import * as z from 'zod/mini';
import type { AdfDocument } from '../adf/index.js';

/**
 * A string that may be one of the known values or any other (Jira adds values over time, and
 * refusing them would break callers for nothing).
 *
 * @category Schemas
 */
export type OpenEnum<T extends string> = T | (string & {});

/** A string schema typed as an {@link OpenEnum}. */
function openEnum<T extends string>(): z.ZodMiniType<OpenEnum<T>, string> {
  return z.string() as z.ZodMiniType<OpenEnum<T>, string>;
}

/**
 * An id Jira sends as a string on some endpoints and a number on others; always a string once parsed.
 *
 * @category Schemas
 */
export const JiraIdSchema = z.pipe(z.union([z.string(), z.number()]), z.transform(String));

/**
 * Keys of the status categories: `new` (To Do), `indeterminate` (In Progress), `done`, and `undefined` (No Category).
 *
 * @category Schemas
 */
export type StatusCategoryKey = OpenEnum<'new' | 'indeterminate' | 'done' | 'undefined'>;

/**
 * A status category (`GET /rest/api/3/statuscategory`, and inside every status).
 *
 * @example
 * ```json
 * { "id": 4, "key": "indeterminate", "colorName": "yellow", "name": "In Progress" }
 * ```
 *
 * @category Schemas
 */
export const StatusCategorySchema = z.looseObject({
  /** Numeric id: 1 undefined, 2 new, 3 done, 4 indeterminate. */
  id: z.optional(z.number()),
  /** `new`, `indeterminate`, `done` or `undefined`; the key to branch on. */
  key: openEnum<'new' | 'indeterminate' | 'done' | 'undefined'>(),
  /** Localized name ("To Do", "In Progress", "Done"). */
  name: z.optional(z.string()),
  /** Colour name (`blue-gray`, `yellow`, `green`, `medium-gray`). */
  colorName: z.optional(z.string()),
  self: z.optional(z.string()),
});
/**
 * A status category. See {@link StatusCategorySchema}.
 *
 * @category Schemas
 */
export type StatusCategory = z.infer<typeof StatusCategorySchema>;

/**
 * A workflow status with its category (issue `status` field, transition targets, project statuses).
 *
 * @category Schemas
 */
export const JiraStatusSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  description: z.nullish(z.string()),
  iconUrl: z.optional(z.string()),
  self: z.optional(z.string()),
  /** The status's category: what a connector maps to open / in progress / done. */
  statusCategory: StatusCategorySchema,
});
/**
 * A workflow status. See {@link JiraStatusSchema}.
 *
 * @category Schemas
 */
export type JiraStatus = z.infer<typeof JiraStatusSchema>;

/**
 * The data type of a field (`JsonTypeBean`): `type` `string`, `user`, `option`, `array` (with `items`), ....
 *
 * @category Schemas
 */
export const JiraFieldTypeSchema = z.looseObject({
  type: z.string(),
  /** Item type of an `array` field. */
  items: z.optional(z.string()),
  /** The system field this is (`summary`, `priority`, ...). */
  system: z.optional(z.string()),
  /** The custom field type key (`com.atlassian.jira.plugin.system.customfieldtypes:select`). */
  custom: z.optional(z.string()),
  /** The number in `customfield_<n>`. */
  customId: z.optional(z.number()),
  configuration: z.optional(z.record(z.string(), z.unknown())),
});
/**
 * The data type of a field. See {@link JiraFieldTypeSchema}.
 *
 * @category Schemas
 */
export type JiraFieldType = z.infer<typeof JiraFieldTypeSchema>;

/**
 * Avatar URLs by size (`16x16`, `24x24`, `32x32`, `48x48`).
 *
 * @category Schemas
 */
export const AvatarUrlsSchema = z.record(z.string(), z.string());

/**
 * An ADF document as Jira returns it in rich-text fields. Only the root is checked (`type: 'doc'`
 * and a `content` array); the nodes are kept as they are. Read it with `adfToText`.
 *
 * @category Schemas
 */
export const AdfDocumentSchema = z.custom<AdfDocument>(
  (value) => typeof value === 'object' && value !== null && (value as { type?: unknown }).type === 'doc'
    && Array.isArray((value as { content?: unknown }).content),
  { message: 'expected an ADF document ({ type: "doc", content: [...] })' },
);

/**
 * An issue, comment or user property: `{ key, value }`.
 *
 * @category Schemas
 */
export const EntityPropertySchema = z.looseObject({ key: z.string(), value: z.unknown() });
/**
 * An entity property. See {@link EntityPropertySchema}.
 *
 * @category Schemas
 */
export type EntityProperty = z.infer<typeof EntityPropertySchema>;

/**
 * A JSM date: the same instant in several forms.
 *
 * @example
 * ```json
 * { "iso8601": "2015-10-08T14:42:00+0700", "jira": "2015-10-08T14:42:00.000+0700",
 *   "friendly": "Monday 14:42 PM", "epochMillis": 1444290120000 }
 * ```
 *
 * @category Schemas
 */
export const JsmDateSchema = z.looseObject({
  iso8601: z.optional(z.string()),
  jira: z.optional(z.string()),
  friendly: z.optional(z.string()),
  /** Milliseconds since the epoch: `new Date(date.epochMillis)`. */
  epochMillis: z.optional(z.number()),
});
/**
 * A JSM date. See {@link JsmDateSchema}.
 *
 * @category Schemas
 */
export type JsmDate = z.infer<typeof JsmDateSchema>;

/**
 * A JSM page (`start`/`limit`/`isLastPage`/`values`) of `item`. Every field but `values` is optional:
 * real responses leave some out.
 *
 * @param item - The schema of one value.
 * @category Schemas
 */
export function jsmPageSchema<T extends z.core.$ZodType>(item: T) {
  return z.looseObject({
    values: z.array(item),
    start: z.optional(z.number()),
    limit: z.optional(z.number()),
    size: z.optional(z.number()),
    isLastPage: z.optional(z.boolean()),
  });
}

/**
 * A JSM page of `T`, as {@link jsmPageSchema} reads it: the envelope `pages()` hands out with each page of a JSM list.
 *
 * @category Schemas
 */
export interface JsmPage<T> {
  /** The values of the page. */
  values: T[];
  /** The offset of the first value. */
  start?: number | undefined;
  /** The page size asked for. */
  limit?: number | undefined;
  /** The number of values in the page. */
  size?: number | undefined;
  /** Whether this is the last page. */
  isLastPage?: boolean | undefined;
  /** Fields this package does not model (`_links`, `_expands`, ...). */
  [key: string]: unknown;
}
