/**
 * Where the Jira connector keeps idempotency keys and how it finds them again: an issue property
 * `itsm.idempotency` (`{ "key": "…" }`) on each ticket it creates, and a comment property of the
 * same name on each comment it adds.
 *
 * Jira's JQL cannot search property values unless an app indexes them, so a ticket is looked for
 * among the issues its reporter created in the window that matters, with the property returned by
 * the search (`properties`, up to 5 per issue), and compared here. A comment is looked for among the
 * issue's comments added in that window, read with their properties.
 *
 * - Platform issues carry the property from the create call itself (`atomic`).
 * - Jira Service Management requests cannot carry properties (`POST /rest/servicedeskapi/request`
 *   has no `properties`), so the property is set right after the create (`after-write`).
 *
 * @internal
 * @module
 */
import { IDEMPOTENCY_KEY_WINDOW_MS } from '@itsm/core';
import { jqlLowerBound } from '../jql/date.js';
import type { IssueComment } from '../schemas/comments.js';
import type { Issue } from '../schemas/issues.js';
import type { ConnectorContext } from './context.js';

/** The key of the issue and comment property that holds an idempotency key. */
export const IDEMPOTENCY_PROPERTY = 'itsm.idempotency';

/**
 * How far before a call the records it may have made are looked for: the difference between the
 * client's clock and Jira's it allows, in ms.
 */
export const CLOCK_SKEW_MS = 5 * 60_000;

/** The issues asked for per page of a look-up. */
const LOOKUP_PAGE_SIZE = 100;

/** The value of the idempotency property. */
export interface IdempotencyPropertyValue {
  /** The idempotency key. */
  key: string;
}

/**
 * The value the idempotency property gets.
 *
 * @param key - The idempotency key.
 */
export function idempotencyProperty(key: string): { key: string; value: IdempotencyPropertyValue } {
  return { key: IDEMPOTENCY_PROPERTY, value: { key } };
}

/** Whether a property value holds `key`. */
function holds(value: unknown, key: string): boolean {
  return typeof value === 'object' && value !== null && (value as { key?: unknown }).key === key;
}

/**
 * Since when a look-up searches: for a key the caller gave, the whole window a key is honoured
 * ({@link IDEMPOTENCY_KEY_WINDOW_MS}); after a lost answer, the call's start (less the clock skew).
 *
 * @param phase - Why the look-up runs.
 * @param startedAt - When the call started (client clock).
 */
export function lookupSince(phase: 'before' | 'recover', startedAt: Date): Date {
  const back = phase === 'before' ? IDEMPOTENCY_KEY_WINDOW_MS : CLOCK_SKEW_MS;
  return new Date(startedAt.getTime() - back);
}

/**
 * The issue of the project that carries the idempotency key, among those `reporter` created since
 * `since`; `undefined` when none does (yet: the search index may lag a few seconds).
 *
 * @param context - The connector's context.
 * @param key - The idempotency key.
 * @param where - The reporter's account id and the lower bound of `created`.
 */
export async function findIssueWithKey(context: ConnectorContext, key: string, where: { reporter: string; since: Date }): Promise<Issue | undefined> {
  const q = await context.client.jqlTag();
  const jql = q`project = ${context.options.projectKey} AND reporter = ${where.reporter} AND created >= ${jqlLowerBound(where.since, q.timeZone)} ORDER BY created DESC`;
  const search = context.client.issues.search({ jql, fields: ['created'], properties: [IDEMPOTENCY_PROPERTY], maxResults: LOOKUP_PAGE_SIZE });
  for await (const issue of search) {
    if (holds(issue.properties?.[IDEMPOTENCY_PROPERTY], key)) return issue;
  }
  return undefined;
}

/**
 * The JQL that lists the issues a lost create may have made, for a person to look through.
 *
 * @param context - The connector's context.
 * @param where - The reporter's account id and the lower bound of `created`.
 */
export async function candidatesJql(context: ConnectorContext, where: { reporter: string; since: Date }): Promise<string> {
  const q = await context.client.jqlTag();
  return q`project = ${context.options.projectKey} AND reporter = ${where.reporter} AND created >= ${jqlLowerBound(where.since, q.timeZone)} ORDER BY created DESC`.text;
}

/**
 * The comment of an issue that carries the idempotency key, among those added since `since`;
 * `undefined` when none does.
 *
 * @param context - The connector's context.
 * @param issueId - The issue id.
 * @param key - The idempotency key.
 * @param since - The lower bound of the comments' `created`.
 */
export async function findCommentWithKey(context: ConnectorContext, issueId: string, key: string, since: Date): Promise<IssueComment | undefined> {
  const ids: string[] = [];
  for await (const comment of context.client.issues.comments.list(issueId, { orderBy: '-created', pageSize: LOOKUP_PAGE_SIZE })) {
    if (comment.created !== undefined && Date.parse(comment.created) < since.getTime()) break;
    ids.push(comment.id);
  }
  if (ids.length === 0) return undefined;
  const comments = await context.client.issues.comments.byIds(ids, { expand: ['properties'] });
  return comments.find((comment) => comment.properties?.some((property) => property.key === IDEMPOTENCY_PROPERTY && holds(property.value, key)));
}
