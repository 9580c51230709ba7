/**
 * `jira.issues.worklogs`: time logged on an issue, such as the minutes a bot spent on a request.
 *
 * @module
 */
import type { Paginator } from '@itsm/core';
import { offsetPaginator } from '@itsm/core/provider';
import type { AdfDocument } from '../adf/index.js';
import { toAdf, type BodyFormat } from '../internal/body.js';
import { JiraResource } from '../internal/resource.js';
import type { CallOptions } from '../options.js';
import { WorklogPageSchema, WorklogSchema, type Worklog, type WorklogPage } from '../schemas/collaboration.js';
import type { CommentVisibilityInput } from './issue-comments.js';

/**
 * Time to log. Give the time as `timeSpent` (Jira's duration: `1h 30m`, `2d`; a day is the site's
 * working day, 8 hours by default) or as `timeSpentSeconds`.
 *
 * @example
 * ```ts
 * await jira.issues.worklogs.add('HELP-1', { timeSpent: '15m', comment: 'Reset the VPN profile.' });
 * ```
 *
 * @category Resources
 */
export interface WorklogInput {
  /** Jira's duration, e.g. `1h 30m`. */
  timeSpent?: string | undefined;
  /** The time in seconds. */
  timeSpentSeconds?: number | undefined;
  /** When the work started. Default: now. */
  started?: Date | undefined;
  /** What was done: plain text, Markdown (`format`) or ADF. */
  comment?: string | AdfDocument | undefined;
  /** How a string `comment` is read. Default `text`. */
  format?: BodyFormat | undefined;
  /** Restricts the worklog to a role or group. */
  visibility?: CommentVisibilityInput | undefined;
}

const INPUT_KEYS: readonly string[] = ['timeSpent', 'timeSpentSeconds', 'started', 'comment', 'format', 'visibility'];

/**
 * How logging time changes the issue's remaining estimate.
 *
 * @category Resources
 */
export type AdjustEstimate = 'auto' | 'leave' | 'new' | 'manual';

/**
 * Options of `worklogs.add`, `update` and `delete`.
 *
 * @category Resources
 */
export interface WorklogWriteOptions extends CallOptions {
  /**
   * `auto` (default: reduce the remaining estimate by the time logged), `leave`, `new` (set it to
   * `newEstimate`) or `manual` (reduce it by `reduceBy` when adding, raise it by `increaseBy` when
   * deleting).
   */
  adjustEstimate?: AdjustEstimate | undefined;
  /** The new remaining estimate (`2d`), with `adjustEstimate: 'new'`. */
  newEstimate?: string | undefined;
  /** How much to reduce the remaining estimate by, with `adjustEstimate: 'manual'` when adding. */
  reduceBy?: string | undefined;
  /** How much to raise the remaining estimate by, with `adjustEstimate: 'manual'` when deleting. */
  increaseBy?: string | undefined;
  /** `false` to not notify watchers. Default: Jira's (`true`). */
  notifyUsers?: boolean | undefined;
}

/**
 * Options of `worklogs.list`.
 *
 * @category Resources
 */
export interface ListWorklogsOptions extends CallOptions {
  /** Only work started at or after this instant. */
  startedAfter?: Date | undefined;
  /** Only work started at or before this instant. */
  startedBefore?: Date | undefined;
  /** Worklogs per request (1–5000). Default 1000. */
  pageSize?: number | undefined;
}

/** An instant as Jira reads one in a body: `2026-01-05T09:30:00.000+0000`. */
function jiraInstant(date: Date): string {
  return date.toISOString().replace('Z', '+0000');
}

/**
 * Worklogs of an issue (`/rest/api/3/issue/{issueIdOrKey}/worklog`). Adding is not retried (the
 * time could be logged twice); updating and deleting are.
 *
 * @category Resources
 */
export class IssueWorklogsResource extends JiraResource {
  /**
   * The worklogs of an issue, oldest first, paged with `startAt`/`total`.
   *
   * @param issueIdOrKey - Issue key or id.
   * @param options - Time window, page size, call options.
   * @example
   * ```ts
   * const logged = await jira.issues.worklogs.list('HELP-1').toArray({ limit: Infinity });
   * const seconds = logged.reduce((sum, worklog) => sum + (worklog.timeSpentSeconds ?? 0), 0);
   * ```
   */
  list(issueIdOrKey: string, options: ListWorklogsOptions = {}): Paginator<Worklog, WorklogPage> {
    const { startedAfter, startedBefore, pageSize, ...rest } = options;
    const path = this.path`/rest/api/3/issue/${{ issueIdOrKey }}/worklog`;
    const size = this.kit.pageSize(pageSize, 1000, 5000);
    const after = this.#epoch(startedAfter, 'startedAfter');
    const before = this.#epoch(startedBefore, 'startedBefore');
    const call = this.callOptions(rest);
    return offsetPaginator(async (startAt, signal) => {
      const query = { startAt, maxResults: size, startedAfter: after, startedBefore: before };
      const page = await this.send('GET', path, { query, schema: WorklogPageSchema, signal }, call);
      return { items: page.worklogs, start: page.startAt ?? startAt, total: page.total, envelope: page };
    }, { pageSize: size });
  }

  /**
   * Logs time on an issue (`201`). Not retried.
   *
   * @param issueIdOrKey - Issue key or id.
   * @param input - The time, when it started, what was done.
   * @param options - Estimate adjustment, `notifyUsers`, call options.
   * @returns The new worklog.
   */
  async add(issueIdOrKey: string, input: WorklogInput, options: WorklogWriteOptions = {}): Promise<Worklog> {
    const path = this.path`/rest/api/3/issue/${{ issueIdOrKey }}/worklog`;
    const json = await this.#body(input, true);
    const { query, call } = this.#estimate(options, 'reduceBy');
    return this.send('POST', path, { json, query, schema: WorklogSchema }, call);
  }

  /**
   * Changes a worklog (only what `input` gives).
   *
   * @param issueIdOrKey - Issue key or id.
   * @param worklogId - The worklog id.
   * @param input - What to change.
   * @param options - Estimate adjustment (`auto`, `leave` or `new`), `notifyUsers`, call options.
   * @returns The worklog after the change.
   */
  async update(issueIdOrKey: string, worklogId: string, input: WorklogInput, options: WorklogWriteOptions = {}): Promise<Worklog> {
    const path = this.path`/rest/api/3/issue/${{ issueIdOrKey }}/worklog/${{ worklogId }}`;
    const json = await this.#body(input, false);
    const { query, call } = this.#estimate(options, undefined);
    return this.send('PUT', path, { json, query, schema: WorklogSchema }, call);
  }

  /**
   * Deletes a worklog.
   *
   * @param issueIdOrKey - Issue key or id.
   * @param worklogId - The worklog id.
   * @param options - Estimate adjustment, `notifyUsers`, call options.
   */
  async delete(issueIdOrKey: string, worklogId: string, options: WorklogWriteOptions = {}): Promise<void> {
    const path = this.path`/rest/api/3/issue/${{ issueIdOrKey }}/worklog/${{ worklogId }}`;
    const { query, call } = this.#estimate(options, 'increaseBy');
    await this.send('DELETE', path, { query }, call);
  }

  #epoch(value: Date | undefined, field: string): number | undefined {
    if (value === undefined) return undefined;
    if (!(value instanceof Date) || Number.isNaN(value.getTime())) this.kit.fail(field, 'must be a valid Date');
    return value.getTime();
  }

  async #body(input: WorklogInput, creating: boolean): Promise<Record<string, unknown>> {
    if (typeof input !== 'object' || input === null) this.kit.fail('input', 'must be an object with timeSpent or timeSpentSeconds');
    this.kit.knownKeys(input, INPUT_KEYS);
    const json: Record<string, unknown> = {};
    if (input.timeSpent !== undefined && input.timeSpentSeconds !== undefined) this.kit.fail('timeSpent', 'and timeSpentSeconds must not both be given');
    if (input.timeSpent !== undefined) {
      if (typeof input.timeSpent !== 'string' || !/^\s*\d+(?:\.\d+)?[wdhm]?(?:\s+\d+(?:\.\d+)?[wdhm])*\s*$/u.test(input.timeSpent)) {
        this.kit.fail('timeSpent', "must be a Jira duration such as '1h 30m'");
      }
      json.timeSpent = input.timeSpent.trim();
    }
    if (input.timeSpentSeconds !== undefined) {
      if (!Number.isSafeInteger(input.timeSpentSeconds) || input.timeSpentSeconds <= 0) this.kit.fail('timeSpentSeconds', 'must be a positive integer');
      json.timeSpentSeconds = input.timeSpentSeconds;
    }
    if (creating && json.timeSpent === undefined && json.timeSpentSeconds === undefined) this.kit.fail('timeSpent', 'or timeSpentSeconds is required');
    if (input.started !== undefined) {
      if (!(input.started instanceof Date) || Number.isNaN(input.started.getTime())) this.kit.fail('started', 'must be a valid Date');
      json.started = jiraInstant(input.started);
    }
    if (input.comment !== undefined) json.comment = await toAdf(input.comment, input.format, 'comment');
    else if (input.format !== undefined) this.kit.fail('format', 'is only read with a comment');
    if (input.visibility !== undefined) {
      const { visibility } = input;
      if (typeof visibility !== 'object' || visibility === null || (visibility.type !== 'role' && visibility.type !== 'group')) this.kit.fail('visibility.type', "must be 'role' or 'group'");
      this.kit.knownKeys(visibility, ['type', 'value', 'identifier'], 'visibility');
      if (!visibility.value && !visibility.identifier) this.kit.fail('visibility.value', 'or visibility.identifier is required');
      json.visibility = { ...visibility };
    }
    if (Object.keys(json).length === 0) this.kit.fail('input', 'must change something');
    return json;
  }

  #estimate(options: WorklogWriteOptions, manual: 'reduceBy' | 'increaseBy' | undefined): { query: Record<string, string | boolean | undefined>; call: CallOptions } {
    if (typeof options !== 'object' || options === null) this.kit.fail('options', 'must be an object');
    const { adjustEstimate, newEstimate, reduceBy, increaseBy, notifyUsers, ...call } = options;
    const modes: readonly AdjustEstimate[] = manual === undefined ? ['auto', 'leave', 'new'] : ['auto', 'leave', 'new', 'manual'];
    if (adjustEstimate !== undefined && !modes.includes(adjustEstimate)) this.kit.fail('adjustEstimate', `must be one of ${modes.join(', ')}`);
    const given = { newEstimate, reduceBy, increaseBy };
    const needed = adjustEstimate === 'new' ? 'newEstimate' : adjustEstimate === 'manual' ? manual : undefined;
    for (const [name, value] of Object.entries(given)) {
      if (value === undefined) continue;
      if (name !== needed) this.kit.fail(name, `is only read with adjustEstimate: '${name === 'newEstimate' ? 'new' : 'manual'}'${name === 'newEstimate' || name === manual ? '' : ` (and not by this method)`}`);
      if (typeof value !== 'string' || value.trim() === '') this.kit.fail(name, "must be a Jira duration such as '2d'");
    }
    if (needed !== undefined && given[needed] === undefined) this.kit.fail(needed, `is required with adjustEstimate: '${adjustEstimate ?? ''}'`);
    if (notifyUsers !== undefined && typeof notifyUsers !== 'boolean') this.kit.fail('notifyUsers', 'must be a boolean');
    return { query: { adjustEstimate, newEstimate, reduceBy, increaseBy, notifyUsers }, call };
  }
}
