/**
 * The payloads of issue writes, and the typed shortcut for creating an issue from plain values.
 *
 * @module
 */
import type { AdfDocument } from './adf/index.js';
import { toAdf, type BodyFormat } from './internal/body.js';
import { JIRA_SUMMARY_MAX_LENGTH } from './limits.js';
import { kit } from './provider.js';

/**
 * One operation on a field in an `update` map: `set`, `add`, `remove`, `edit` or `copy`.
 *
 * @example
 * ```ts
 * const labels: FieldOperation[] = [{ add: 'triaged' }, { remove: 'new' }];
 * ```
 *
 * @category Client
 */
export interface FieldOperation {
  /** Replaces the value. */
  set?: unknown;
  /** Adds to a multi-value field (labels, components, comments). */
  add?: unknown;
  /** Removes from a multi-value field. */
  remove?: unknown;
  /** Edits a value (e.g. a worklog). */
  edit?: unknown;
  /** Copies a value from another issue. */
  copy?: unknown;
}

/**
 * An issue or comment property to set: `{ key, value }` (any JSON value).
 *
 * @category Client
 */
export interface PropertyInput {
  /** The property key, e.g. `itsm.externalId`. */
  key: string;
  /** Any JSON value. */
  value: unknown;
}

/**
 * The body of an issue write (`IssueUpdateDetails`): `fields` to set and/or `update` operations, in
 * Jira's own field formats (ADF for rich text, `{ accountId }` for users, `{ id }` or `{ name }`
 * for options). A field must not be in both.
 *
 * @example
 * ```ts
 * const payload: IssuePayload = {
 *   fields: { summary: 'Printer on fire', priority: { name: 'High' } },
 *   update: { labels: [{ add: 'triaged' }] },
 * };
 * ```
 *
 * @category Client
 */
export interface IssuePayload {
  /** Fields to set, by field id. */
  fields?: Record<string, unknown> | undefined;
  /** Operations per field id. */
  update?: Record<string, FieldOperation[]> | undefined;
  /** Issue properties to set. */
  properties?: PropertyInput[] | undefined;
}

/**
 * The body of `issues.create` in Jira's own format: `fields` is required.
 *
 * @category Client
 */
export interface CreateIssuePayload extends IssuePayload {
  /** Fields of the new issue: at least `project`, `issuetype` and `summary`. */
  fields: Record<string, unknown>;
}

/**
 * A new issue from plain values, turned into Jira's field formats by `issues.create`:
 *
 * | option | sent as |
 * |---|---|
 * | `project: 'HELP'` / `'10000'` | `project: { key }` / `{ id }` (all digits = id) |
 * | `issueType: 'Task'` / `'10004'` | `issuetype: { name }` / `{ id }` |
 * | `description: 'text'` | ADF (`textToAdf`, or `markdownToAdf` with `descriptionFormat: 'markdown'`) |
 * | `priority: 'High'` / `'2'` | `priority: { name }` / `{ id }` |
 * | `assignee`, `reporter` | `{ accountId }` (`assignee: null` leaves it unassigned) |
 * | `parent: 'HELP-1'` / `'10001'` | `parent: { key }` / `{ id }` |
 * | `components: ['Network']` | `[{ name }]` |
 * | `dueDate: '2025-05-11'` | `duedate` |
 * | `customFields` | merged into `fields` as they are |
 *
 * @example
 * ```ts
 * await jira.issues.create({
 *   project: 'HELP', issueType: 'Service Request', summary: 'Laptop does not boot',
 *   description: 'Black screen since **this morning**.', descriptionFormat: 'markdown',
 *   reporter: '5b10a2844c20165700ede21g', labels: ['helpdesk-bot'],
 *   customFields: { customfield_10051: { value: 'red' } },
 * });
 * ```
 *
 * @category Client
 */
export interface NewIssue {
  /** Project key, or id (all digits). */
  project: string;
  /** Issue type name, or id (all digits). */
  issueType: string;
  /** The summary: one line, at most 255 characters. */
  summary: string;
  /** Plain text (or Markdown) converted to ADF, or an ADF document. */
  description?: string | AdfDocument | undefined;
  /** How a string `description` is read. Default `text`. */
  descriptionFormat?: BodyFormat | undefined;
  /** Priority name, or id (all digits). */
  priority?: string | undefined;
  /** Labels (no spaces). */
  labels?: string[] | undefined;
  /** Assignee account id; `null` for unassigned. */
  assignee?: string | null | undefined;
  /** Reporter account id. */
  reporter?: string | undefined;
  /** Parent issue key, or id (all digits), for subtasks and child issues. */
  parent?: string | undefined;
  /** Component names. */
  components?: string[] | undefined;
  /** Due date, `yyyy-MM-dd`. */
  dueDate?: string | undefined;
  /** More fields by id (custom fields), in Jira's formats; merged last. */
  customFields?: Record<string, unknown> | undefined;
  /** Issue properties to set, e.g. an external id to find the issue again. */
  properties?: PropertyInput[] | undefined;
  /** Not allowed here: pass a {@link CreateIssuePayload} for Jira's raw format. */
  fields?: never;
}

const DIGITS = /^\d+$/;

/** The keys of a {@link NewIssue} (a key added to it and missing here fails to compile). */
const NEW_ISSUE_KEYS: readonly string[] = Object.keys({
  project: true, issueType: true, summary: true, description: true, descriptionFormat: true, priority: true, labels: true,
  assignee: true, reporter: true, parent: true, components: true, dueDate: true, customFields: true, properties: true,
} satisfies Record<Exclude<keyof NewIssue, 'fields'>, true>);

function required(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.trim() === '') kit.fail(field, 'is required (a non-empty string)');
  return value.trim();
}

function ref(value: string, field: string, byName: 'key' | 'name'): { id: string } | { key: string } | { name: string } {
  const text = required(value, field);
  if (DIGITS.test(text)) return { id: text };
  return byName === 'key' ? { key: text } : { name: text };
}

/**
 * Jira's `fields` for a {@link NewIssue}.
 *
 * @param input - The plain values.
 * @throws InputError naming the first bad value.
 */
export async function newIssueFields(input: NewIssue): Promise<Record<string, unknown>> {
  if (typeof input !== 'object' || input === null) kit.fail('input', 'must be an object');
  kit.knownKeys(input, NEW_ISSUE_KEYS);
  const summary = checkSummary(required(input.summary, 'summary'), 'summary');
  const fields: Record<string, unknown> = {
    project: ref(input.project, 'project', 'key'),
    issuetype: ref(input.issueType, 'issueType', 'name'),
    summary,
  };
  if (input.description !== undefined) fields.description = await toAdf(input.description, input.descriptionFormat, 'description');
  if (input.priority !== undefined) fields.priority = ref(input.priority, 'priority', 'name');
  if (input.labels !== undefined) {
    if (!Array.isArray(input.labels) || input.labels.some((label) => typeof label !== 'string' || !/^\S+$/.test(label))) {
      kit.fail('labels', 'must be a list of labels without spaces');
    }
    fields.labels = [...input.labels];
  }
  if (input.assignee !== undefined) fields.assignee = input.assignee === null ? null : { accountId: required(input.assignee, 'assignee') };
  if (input.reporter !== undefined) fields.reporter = { accountId: required(input.reporter, 'reporter') };
  if (input.parent !== undefined) fields.parent = ref(input.parent, 'parent', 'key');
  if (input.components !== undefined) {
    if (!Array.isArray(input.components)) kit.fail('components', 'must be a list of component names');
    fields.components = input.components.map((name, index) => ({ name: required(name, `components.${index}`) }));
  }
  if (input.dueDate !== undefined) {
    if (typeof input.dueDate !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(input.dueDate)) kit.fail('dueDate', 'must be a date as yyyy-MM-dd');
    fields.duedate = input.dueDate;
  }
  if (input.customFields !== undefined) {
    if (typeof input.customFields !== 'object' || input.customFields === null) kit.fail('customFields', 'must be an object of field values by id');
    Object.assign(fields, input.customFields);
  }
  return fields;
}

/**
 * Checks a summary the way Jira does: one line (no line breaks or other control characters), at
 * most {@link JIRA_SUMMARY_MAX_LENGTH} characters.
 *
 * @param summary - The summary.
 * @param field - The option's name, for errors.
 * @returns The summary.
 */
export function checkSummary(summary: string, field: string): string {
  if (/[\u0000-\u001f\u007f]/.test(summary)) kit.fail(field, 'must be a single line without control characters (Jira summaries have no line breaks)');
  if (summary.length > JIRA_SUMMARY_MAX_LENGTH) {
    kit.fail(field, `must be at most ${JIRA_SUMMARY_MAX_LENGTH} characters (Jira's limit for summaries); it has ${summary.length}`);
  }
  return summary;
}

/** The longest entity property key Jira accepts. */
const PROPERTY_KEY_MAX_LENGTH = 255;

/**
 * Checks a list of properties to set.
 *
 * @param properties - The properties, or `undefined`.
 * @param field - The option's name, for errors.
 */
export function checkProperties(properties: PropertyInput[] | undefined, field = 'properties'): PropertyInput[] | undefined {
  if (properties === undefined) return undefined;
  if (!Array.isArray(properties)) kit.fail(field, 'must be a list of { key, value }');
  properties.forEach((property, index) => {
    if (typeof property !== 'object' || property === null) kit.fail(`${field}.${index}`, 'must be { key, value }');
    kit.knownKeys(property, ['key', 'value'], `${field}.${index}`);
    if (typeof property.key !== 'string' || property.key === '') kit.fail(`${field}.${index}.key`, 'must be a non-empty string');
    if (property.key.length > PROPERTY_KEY_MAX_LENGTH || /[\u0000-\u001f\u007f]/.test(property.key)) {
      kit.fail(`${field}.${index}.key`, `must be at most ${PROPERTY_KEY_MAX_LENGTH} characters, without control characters`);
    }
    if (property.value === undefined) kit.fail(`${field}.${index}.value`, 'is required');
  });
  return properties;
}
