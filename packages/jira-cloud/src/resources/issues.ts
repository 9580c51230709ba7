/**
 * `jira.issues`: get, create, edit, delete, JQL search, approximate count, workflow transitions and
 * the changelog; `jira.issues.comments`, `attachments`, `watchers`, `links`, `remoteLinks` and `worklogs`.
 *
 * @module
 */
import { Paginator } from '@itsm/core';
import { offsetPaginator } from '@itsm/core/provider';
import type { AdfDocument } from '../adf/index.js';
import { toAdf, type BodyFormat } from '../internal/body.js';
import { JiraResource, type ResourceContext } from '../internal/resource.js';
import { Jql } from '../jql/index.js';
import { checkProperties, checkSummary, newIssueFields, type CreateIssuePayload, type IssuePayload, type NewIssue } from '../new-issue.js';
import type { CallOptions } from '../options.js';
import { kit } from '../provider.js';
import {
  ApproximateCountSchema,
  CreatedIssueSchema,
  IssueSchema,
  IssueSearchPageSchema,
  type CreatedIssue,
  type Issue,
  type IssueSearchPage,
} from '../schemas/issues.js';
import { ChangelogPageSchema, type Changelog, type ChangelogPage } from '../schemas/collaboration.js';
import { TransitionListSchema, type Transition } from '../schemas/transitions.js';
import { IssueAttachmentsResource } from './issue-attachments.js';
import { IssueCommentsResource } from './issue-comments.js';
import { IssueLinksResource } from './issue-links.js';
import { IssueRemoteLinksResource } from './issue-remote-links.js';
import { IssueWatchersResource } from './issue-watchers.js';
import { IssueWorklogsResource } from './issue-worklogs.js';
import type { CommentVisibilityInput } from './issue-comments.js';
import { IssuePropertiesResource } from './issue-properties.js';

/**
 * What `issues.search` asks for when `fields` is not given: the fields a list view shows.
 *
 * @category Resources
 */
export const DEFAULT_SEARCH_FIELDS: readonly string[] = Object.freeze(['*navigable']);

/**
 * Options of `issues.get`.
 *
 * @category Resources
 */
export interface GetIssueOptions extends CallOptions {
  /** Fields to return: ids, `*all` (default), `*navigable`, `-description` to leave one out. */
  fields?: readonly string[] | undefined;
  /** `renderedFields`, `names`, `schema`, `transitions`, `editmeta`, `changelog`, `versionedRepresentations`. */
  expand?: string | readonly string[] | undefined;
  /** Issue property keys to return (in `issue.properties`). */
  properties?: readonly string[] | undefined;
  /** Whether `fields` are field keys rather than ids. */
  fieldsByKeys?: boolean | undefined;
}

/**
 * Options of `issues.edit`.
 *
 * @category Resources
 */
export interface EditIssueOptions extends CallOptions {
  /** `false` to not email watchers (needs admin rights). Default: Jira's (`true`). */
  notifyUsers?: boolean | undefined;
}

/**
 * Options of `issues.delete`.
 *
 * @category Resources
 */
export interface DeleteIssueOptions extends CallOptions {
  /** `true` to delete the issue's subtasks too; without it an issue with subtasks is refused (400). */
  deleteSubtasks?: boolean | undefined;
}

/**
 * Options of `issues.search`.
 *
 * @example
 * ```ts
 * const q = await jira.jqlTag();
 * jira.issues.search({ jql: q`project = ${'HELP'} AND updated >= ${since} ORDER BY updated ASC`, fields: ['summary', 'status'] });
 * ```
 *
 * @category Resources
 */
export interface IssueSearchOptions extends CallOptions {
  /**
   * The query: a {@link Jql} fragment from the `jql` tag (values quoted), or trusted JQL text. It
   * must be bounded (have a restriction); `ORDER BY` alone is refused by Jira.
   */
  jql: string | Jql;
  /** Fields to return. Default `['*navigable']` (Jira's own default would be `id` only). */
  fields?: readonly string[] | undefined;
  /** Expansions, e.g. `['names', 'renderedFields', 'transitions']`. */
  expand?: string | readonly string[] | undefined;
  /** Up to 5 issue property keys. */
  properties?: readonly string[] | undefined;
  /** Whether `fields` are field keys rather than ids. */
  fieldsByKeys?: boolean | undefined;
  /** Issues per page (Jira may return fewer). Default: Jira's (50). */
  maxResults?: number | undefined;
  /**
   * Numeric ids (at most 50) of issues just created or changed, for read-after-write consistency:
   * the search is eventually consistent otherwise.
   */
  reconcileIssues?: readonly (number | string)[] | undefined;
}

/**
 * Options of `issues.changelog`.
 *
 * @category Resources
 */
export interface ChangelogOptions extends CallOptions {
  /** Entries per request (1–100). Default 100. */
  pageSize?: number | undefined;
}

/**
 * Options of `issues.transitions`.
 *
 * @category Resources
 */
export interface ListTransitionsOptions extends CallOptions {
  /** Include each transition's screen `fields` (with `required` flags and allowed values). Default `false`. */
  expandFields?: boolean | undefined;
  /** Include transitions whose conditions fail (with `isAvailable: false`). */
  includeUnavailable?: boolean | undefined;
  /** Only this transition. */
  transitionId?: string | undefined;
}

/**
 * A comment added with a transition: a body, or a body with format and visibility.
 *
 * @category Resources
 */
export type TransitionComment =
  | string
  | AdfDocument
  | {
      /** Plain text, Markdown (with `format`) or ADF. */
      body: string | AdfDocument;
      /** How a string body is read. Default `text`. */
      format?: BodyFormat | undefined;
      /** Restricts the comment to a role or group. */
      visibility?: CommentVisibilityInput | undefined;
    };

/**
 * A transition to perform.
 *
 * @example
 * ```ts
 * const done = (await jira.issues.transitions('HELP-1', { expandFields: true }))
 *   .find((t) => t.to.statusCategory.key === 'done');
 * await jira.issues.transition('HELP-1', {
 *   transitionId: done!.id,
 *   fields: { resolution: { name: 'Done' } },
 *   comment: 'Resolved by the helpdesk bot.',
 * });
 * ```
 *
 * @category Resources
 */
export interface TransitionInput extends IssuePayload {
  /** The transition id (from `issues.transitions`; ids differ per workflow). */
  transitionId: string;
  /** A comment to add with the transition (added to `update.comment`). */
  comment?: TransitionComment | undefined;
}

function isCreatePayload(input: CreateIssuePayload | NewIssue): input is CreateIssuePayload {
  return typeof (input as { fields?: unknown }).fields === 'object' && (input as { fields?: unknown }).fields !== null;
}

function jqlText(value: string | Jql): string {
  const text = Jql.isJql(value) ? value.text : value;
  if (typeof text !== 'string' || text.trim() === '') kit.fail('jql', 'must be a non-empty JQL string or a jql`...` fragment');
  return text;
}

/** The keys of an {@link IssuePayload}. */
const PAYLOAD_KEYS: readonly string[] = ['fields', 'update', 'properties'];

function payloadJson(payload: IssuePayload, allowed: readonly string[] = PAYLOAD_KEYS): Record<string, unknown> {
  kit.knownKeys(payload, allowed);
  const json: Record<string, unknown> = {};
  if (payload.fields !== undefined) {
    if (typeof payload.fields !== 'object' || payload.fields === null) kit.fail('fields', 'must be an object of field values by id');
    if (typeof payload.fields.summary === 'string') checkSummary(payload.fields.summary, 'fields.summary');
    json.fields = payload.fields;
  }
  if (payload.update !== undefined) {
    if (typeof payload.update !== 'object' || payload.update === null) kit.fail('update', 'must be an object of operation lists by field id');
    for (const [field, operations] of Object.entries(payload.update)) {
      if (!Array.isArray(operations)) kit.fail(`update.${field}`, 'must be a list of operations such as [{ set: value }]');
      if (payload.fields && field in payload.fields) kit.fail(`update.${field}`, 'must not also be in fields (Jira refuses a field in both)');
    }
    json.update = payload.update;
  }
  const properties = checkProperties(payload.properties);
  if (properties) json.properties = properties;
  return json;
}

async function commentOperation(comment: TransitionComment): Promise<{ add: Record<string, unknown> }> {
  if (typeof comment === 'string' || (typeof comment === 'object' && comment !== null && (comment as { type?: unknown }).type === 'doc')) {
    return { add: { body: await toAdf(comment as string | AdfDocument, 'text', 'comment') } };
  }
  if (typeof comment !== 'object' || comment === null) kit.fail('comment', 'must be a string, an ADF document or { body, format?, visibility? }');
  kit.knownKeys(comment, ['body', 'format', 'visibility'], 'comment');
  const { body, format, visibility } = comment as Exclude<TransitionComment, string | AdfDocument>;
  const add: Record<string, unknown> = { body: await toAdf(body, format, 'comment.body') };
  if (visibility) add.visibility = visibility;
  return { add };
}

/**
 * The token of the page after a search page, or `undefined` after the last one (`isLast`, or no
 * `nextPageToken`).
 *
 * @param page - A page of `POST /rest/api/3/search/jql`.
 * @internal
 */
export function nextSearchToken(page: Pick<IssueSearchPage, 'isLast' | 'nextPageToken'>): string | undefined {
  return page.isLast === true ? undefined : page.nextPageToken ?? undefined;
}

function reconcileIds(ids: readonly (number | string)[] | undefined): number[] | undefined {
  if (ids === undefined) return undefined;
  if (!Array.isArray(ids) || ids.length > 50) kit.fail('reconcileIssues', 'must be a list of at most 50 numeric issue ids');
  return ids.map((id, index) => {
    const number = typeof id === 'number' ? id : /^\d+$/.test(id) ? Number(id) : Number.NaN;
    if (!Number.isSafeInteger(number) || number < 0) kit.fail(`reconcileIssues.${index}`, 'must be a numeric issue id (not a key)');
    return number;
  });
}

/**
 * Issues (`/rest/api/3/issue`, `/rest/api/3/search/jql`). Writes (create, transition) are never
 * retried; reads and the read-only search POSTs are.
 *
 * @category Resources
 */
export class IssuesResource extends JiraResource {
  /** Comments of an issue. */
  readonly comments: IssueCommentsResource;
  /** Attachments of issues. */
  readonly attachments: IssueAttachmentsResource;
  /** Who watches an issue. */
  readonly watchers: IssueWatchersResource;
  /** Links between issues, and their types. */
  readonly links: IssueLinksResource;
  /** Links from issues to things outside Jira. */
  readonly remoteLinks: IssueRemoteLinksResource;
  /** Time logged on issues. */
  readonly worklogs: IssueWorklogsResource;
  /** Entity properties of issues. */
  readonly properties: IssuePropertiesResource;

  /**
   * Made by {@link JiraCloudClient}; not meant to be called directly.
   *
   * @param context - The client's transport and helpers.
   * @internal
   */
  constructor(context: ResourceContext) {
    super(context);
    this.comments = new IssueCommentsResource(context);
    this.attachments = new IssueAttachmentsResource(context);
    this.watchers = new IssueWatchersResource(context);
    this.links = new IssueLinksResource(context);
    this.remoteLinks = new IssueRemoteLinksResource(context);
    this.worklogs = new IssueWorklogsResource(context);
    this.properties = new IssuePropertiesResource(context);
  }

  /**
   * An issue. Not found and not visible are the same to Jira: both give a `NotFoundError`.
   *
   * @param issueIdOrKey - Issue key or id.
   * @param options - Fields, expansions, properties, call options.
   * @example
   * ```ts
   * const issue = await jira.issues.get('HELP-1', { fields: ['summary', 'status', 'assignee'] });
   * issue.fields.status?.statusCategory.key; // 'indeterminate'
   * ```
   */
  async get(issueIdOrKey: string, options: GetIssueOptions = {}): Promise<Issue> {
    const { fields, expand, properties, fieldsByKeys, ...call } = options;
    const query = {
      fields: this.kit.commaList(fields, 'fields'),
      expand: this.kit.commaList(expand, 'expand'),
      properties: this.kit.commaList(properties, 'properties'),
      fieldsByKeys,
    };
    return this.send('GET', this.path`/rest/api/3/issue/${{ issueIdOrKey }}`, { query, schema: IssueSchema }, call);
  }

  /**
   * Creates an issue, from plain values ({@link NewIssue}) or from Jira's own payload
   * (`{ fields, update?, properties? }`). Not retried: Jira has no idempotency key, and a retried
   * create could make two issues. A key of the input that would not be sent is an `InputError`.
   *
   * @param input - A {@link NewIssue} or a {@link CreateIssuePayload}.
   * @param options - Call options.
   * @returns The new issue's id and key.
   * @example
   * ```ts
   * const { key } = await jira.issues.create({ project: 'HELP', issueType: 'Task', summary: 'VPN down', description: 'Since 9:00' });
   * await jira.issues.create({ fields: { project: { key: 'HELP' }, issuetype: { id: '10004' }, summary: 'VPN down' } });
   * ```
   */
  async create(input: CreateIssuePayload | NewIssue, options?: CallOptions): Promise<CreatedIssue> {
    if (typeof input !== 'object' || input === null) kit.fail('input', 'must be an object');
    let json: Record<string, unknown>;
    if (isCreatePayload(input)) {
      json = payloadJson(input);
    } else {
      json = { fields: await newIssueFields(input) };
      const properties = checkProperties(input.properties);
      if (properties) json.properties = properties;
    }
    return this.send('POST', '/rest/api/3/issue', { json, schema: CreatedIssueSchema }, options);
  }

  /**
   * Edits an issue's fields (`PUT`, so retried on transient failures: setting the same values twice
   * is harmless). Rich-text fields must be ADF (use `textToAdf`). A conflicting concurrent update
   * gives a `ConflictError`.
   *
   * @param issueIdOrKey - Issue key or id.
   * @param payload - `fields` to set and/or `update` operations.
   * @param options - `notifyUsers`, call options.
   * @example
   * ```ts
   * await jira.issues.edit('HELP-1', { fields: { summary: 'VPN down (Berlin)' }, update: { labels: [{ add: 'vpn' }] } });
   * ```
   */
  async edit(issueIdOrKey: string, payload: IssuePayload, options: EditIssueOptions = {}): Promise<void> {
    const { notifyUsers, ...call } = options;
    const path = this.path`/rest/api/3/issue/${{ issueIdOrKey }}`;
    if (typeof payload !== 'object' || payload === null) kit.fail('payload', 'must be an object with fields and/or update');
    const json = payloadJson(payload);
    if (json.fields === undefined && json.update === undefined && json.properties === undefined) {
      kit.fail('payload', 'must hold fields, update or properties');
    }
    await this.send('PUT', path, { json, query: { notifyUsers } }, call);
  }

  /**
   * Deletes an issue.
   *
   * @param issueIdOrKey - Issue key or id.
   * @param options - `deleteSubtasks`, call options.
   */
  async delete(issueIdOrKey: string, options: DeleteIssueOptions = {}): Promise<void> {
    const { deleteSubtasks, ...call } = options;
    await this.send('DELETE', this.path`/rest/api/3/issue/${{ issueIdOrKey }}`, { query: { deleteSubtasks } }, call);
  }

  /**
   * Searches issues with JQL through `POST /rest/api/3/search/jql` (the old `/rest/api/3/search` is
   * gone), following `nextPageToken` page after page. Read-only, so retried like a GET. There is no
   * `total`; use {@link IssuesResource.approximateCount} for a count.
   *
   * @param options - The query and what to return.
   * @returns A paginator: `for await` over issues, `.pages()` for pages (each with the search page
   *   as its `envelope`), `.toArray({ limit })`.
   * @example
   * ```ts
   * for await (const issue of jira.issues.search({ jql: jql`project = ${'HELP'} AND statusCategory != Done` })) {
   *   console.log(issue.key, issue.fields.summary);
   * }
   * ```
   */
  search(options: IssueSearchOptions): Paginator<Issue, IssueSearchPage> {
    if (typeof options !== 'object' || options === null) this.kit.fail('options', 'must be an object with jql');
    const { jql, fields, expand, properties, fieldsByKeys, maxResults, reconcileIssues, ...rest } = options;
    const call = this.callOptions(rest);
    const body: Record<string, unknown> = {
      jql: jqlText(jql),
      fields: fields === undefined ? [...DEFAULT_SEARCH_FIELDS] : [...fields],
    };
    const expanded = this.kit.commaList(expand, 'expand');
    if (expanded !== undefined) body.expand = expanded;
    if (properties !== undefined) {
      if (!Array.isArray(properties) || properties.length > 5 || properties.some((key) => typeof key !== 'string' || key === '')) {
        this.kit.fail('properties', 'must be a list of at most 5 property keys');
      }
      body.properties = [...properties];
    }
    if (fieldsByKeys !== undefined) body.fieldsByKeys = fieldsByKeys;
    if (maxResults !== undefined) {
      if (!Number.isSafeInteger(maxResults) || maxResults < 1 || maxResults > 5000) {
        this.kit.fail('maxResults', 'must be an integer from 1 to 5000');
      }
      body.maxResults = maxResults;
    }
    const reconcile = reconcileIds(reconcileIssues);
    if (reconcile !== undefined) body.reconcileIssues = reconcile;
    return new Paginator<Issue, IssueSearchPage>(async (cursor, { signal }) => {
      const json = cursor === undefined ? body : { ...body, nextPageToken: cursor };
      const page = await this.send('POST', '/rest/api/3/search/jql', { json, schema: IssueSearchPageSchema, signal }, call);
      return { items: page.issues, nextCursor: nextSearchToken(page), envelope: page };
    });
  }

  /**
   * The approximate number of issues a JQL query matches (`POST /rest/api/3/search/approximate-count`;
   * eventually consistent). Read-only, so retried like a GET.
   *
   * @param jql - A bounded query.
   * @param options - Call options.
   * @example
   * ```ts
   * const open = await jira.issues.approximateCount(jql`project = ${'HELP'} AND statusCategory != Done`);
   * ```
   */
  async approximateCount(jql: string | Jql, options?: CallOptions): Promise<number> {
    const json = { jql: jqlText(jql) };
    const result = await this.send('POST', '/rest/api/3/search/approximate-count', { json, schema: ApproximateCountSchema }, options);
    return result.count;
  }

  /**
   * The changelog of an issue, oldest first: who changed which field from what to what, and when
   * (status moves, assignments, logged time). Paged with `startAt`/`total`.
   *
   * @param issueIdOrKey - Issue key or id.
   * @param options - Page size, call options.
   * @example
   * ```ts
   * for await (const entry of jira.issues.changelog('HELP-1')) {
   *   for (const item of entry.items) console.log(entry.created, item.field, item.fromString, '→', item.toString);
   * }
   * ```
   */
  changelog(issueIdOrKey: string, options: ChangelogOptions = {}): Paginator<Changelog, ChangelogPage> {
    const { pageSize, ...rest } = options;
    const path = this.path`/rest/api/3/issue/${{ issueIdOrKey }}/changelog`;
    const size = this.kit.pageSize(pageSize, 100, 100);
    const call = this.callOptions(rest);
    return offsetPaginator(async (startAt, signal) => {
      const page = await this.send('GET', path, { query: { startAt, maxResults: size }, schema: ChangelogPageSchema, signal }, call);
      return { items: page.values, start: page.startAt ?? startAt, total: page.total, isLast: page.isLast, envelope: page };
    }, { pageSize: size });
  }

  /**
   * The transitions the caller can perform on an issue now, each with its target status and that
   * status's category; with `expandFields: true`, also the fields of each transition's screen
   * (`required` flags, allowed values). An empty list when the caller lacks *Transition issues*.
   *
   * @param issueIdOrKey - Issue key or id.
   * @param options - `expandFields`, `includeUnavailable`, `transitionId`, call options.
   */
  async transitions(issueIdOrKey: string, options: ListTransitionsOptions = {}): Promise<Transition[]> {
    const { expandFields, includeUnavailable, transitionId, ...call } = options;
    const query = {
      expand: expandFields ? 'transitions.fields' : undefined,
      includeUnavailableTransitions: includeUnavailable,
      transitionId,
    };
    const path = this.path`/rest/api/3/issue/${{ issueIdOrKey }}/transitions`;
    const result = await this.send('GET', path, { query, schema: TransitionListSchema }, call);
    return result.transitions;
  }

  /**
   * Performs a transition (`204`), with screen `fields`, `update` operations and an optional comment.
   * Not retried. Fields not on the transition screen give a `ValidationError` (see `fieldErrors`).
   *
   * @param issueIdOrKey - Issue key or id.
   * @param input - The transition id, fields, comment.
   * @param options - Call options.
   */
  async transition(issueIdOrKey: string, input: TransitionInput, options?: CallOptions): Promise<void> {
    const path = this.path`/rest/api/3/issue/${{ issueIdOrKey }}/transitions`;
    if (typeof input !== 'object' || input === null) kit.fail('input', 'must be an object with a transitionId');
    if (typeof input.transitionId !== 'string' || !/^\d+$/.test(input.transitionId)) {
      kit.fail('transitionId', 'must be a transition id (digits) from issues.transitions()');
    }
    const json: Record<string, unknown> = {
      transition: { id: input.transitionId },
      ...payloadJson(input, [...PAYLOAD_KEYS, 'transitionId', 'comment']),
    };
    if (input.comment !== undefined) {
      const update = { ...(json.update as Record<string, unknown[]> | undefined) };
      update.comment = [...(update.comment ?? []), await commentOperation(input.comment)];
      json.update = update;
    }
    await this.send('POST', path, { json }, options);
  }
}
