/**
 * `jira.projects`: a project, and the statuses of its workflows.
 *
 * @module
 */
import { callOptions, commaList, segment, type ResourceContext } from '../internal/call.js';
import type { CallOptions } from '../options.js';
import {
  IssueTypeStatusesListSchema,
  JiraProjectSchema,
  type IssueTypeStatuses,
  type JiraProject,
} from '../schemas/projects.js';

/** Options of `projects.get`. */
export interface GetProjectOptions extends CallOptions {
  /** `description`, `issueTypes`, `lead`, `projectKeys`, `insight`, ... */
  expand?: string | readonly string[] | undefined;
}

/** Projects (`/rest/api/3/project`). */
export class ProjectsResource {
  readonly #context: ResourceContext;

  /**
   * Made by {@link JiraCloudClient}; not meant to be called directly.
   *
   * @param context - The client's transport and helpers.
   * @internal
   */
  constructor(context: ResourceContext) {
    this.#context = context;
  }

  /**
   * A project. Not found and not visible both give a `NotFoundError`.
   *
   * @param projectIdOrKey - Project key (case-sensitive) or id.
   * @param options - Expansions, call options.
   */
  async get(projectIdOrKey: string, options: GetProjectOptions = {}): Promise<JiraProject> {
    const path = `/rest/api/3/project/${segment(projectIdOrKey, 'projectIdOrKey')}`;
    return this.#context.http.request('GET', path, {
      ...callOptions(options, { query: { expand: commaList(options.expand, 'expand') } }),
      schema: JiraProjectSchema,
    });
  }

  /**
   * The statuses of a project per issue type, each with its status category: what a connector needs
   * to map statuses to open / in progress / done.
   *
   * @param projectIdOrKey - Project key or id.
   * @param options - Call options.
   * @example
   * ```ts
   * const done = (await jira.projects.statuses('HELP'))
   *   .flatMap((type) => type.statuses)
   *   .filter((status) => status.statusCategory.key === 'done');
   * ```
   */
  async statuses(projectIdOrKey: string, options?: CallOptions): Promise<IssueTypeStatuses[]> {
    const path = `/rest/api/3/project/${segment(projectIdOrKey, 'projectIdOrKey')}/statuses`;
    return this.#context.http.request('GET', path, { ...callOptions(options), schema: IssueTypeStatusesListSchema });
  }
}
