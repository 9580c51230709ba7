/**
 * `jira.projects`: a project, and the statuses of its workflows.
 *
 * @module
 */
import { JiraResource } from '../internal/resource.js';
import type { CallOptions } from '../options.js';
import {
  IssueTypeStatusesListSchema,
  JiraProjectSchema,
  type IssueTypeStatuses,
  type JiraProject,
} from '../schemas/projects.js';

/**
 * Options of `projects.get`.
 *
 * @category Resources
 */
export interface GetProjectOptions extends CallOptions {
  /** `description`, `issueTypes`, `lead`, `projectKeys`, `insight`, ... */
  expand?: string | readonly string[] | undefined;
}

/**
 * Projects (`/rest/api/3/project`).
 *
 * @category Resources
 */
export class ProjectsResource extends JiraResource {
  /**
   * A project. Not found and not visible both give a `NotFoundError`.
   *
   * @param projectIdOrKey - Project key (case-sensitive) or id.
   * @param options - Expansions, call options.
   */
  async get(projectIdOrKey: string, options: GetProjectOptions = {}): Promise<JiraProject> {
    const { expand, ...call } = options;
    const query = { expand: this.kit.commaList(expand, 'expand') };
    return this.send('GET', this.path`/rest/api/3/project/${{ projectIdOrKey }}`, { query, schema: JiraProjectSchema }, call);
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
    return this.send('GET', this.path`/rest/api/3/project/${{ projectIdOrKey }}/statuses`, { schema: IssueTypeStatusesListSchema }, options);
  }
}
