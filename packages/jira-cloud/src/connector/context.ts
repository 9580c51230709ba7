/**
 * What every part of the connector shares: the client, the options, the mappings, and cached reads
 * of the account (`myself`) and of the project's statuses and issue types.
 *
 * @internal
 * @module
 */
import { cached, NotFoundError, type Cached, type StatusCategory, type TicketType } from '@itsm/core';
import type { JiraCloudClient } from '../client.js';
import { JIRA_CLOUD } from '../provider.js';
import type { JiraStatus } from '../schemas/common.js';
import type { JiraProject } from '../schemas/projects.js';
import type { RequestType } from '../schemas/service-desk.js';
import type { Myself } from '../schemas/users.js';
import type { ResolvedConnectorOptions } from './options.js';
import { createStatusMapper, type StatusMapper } from './status-map.js';
import { createTypeMapper, type TypeMapper } from './type-map.js';

/** How long the project's statuses and issue types are cached, in milliseconds. */
export const PROJECT_META_TTL_MS = 10 * 60_000;

/** An issue type of the project, with the statuses of its workflow. */
export interface ProjectIssueType {
  /** The issue type id. */
  id: string;
  /** The issue type name. */
  name: string;
  /** Whether issues of this type are sub-tasks. */
  subtask: boolean;
  /** The statuses its workflow uses. */
  statuses: JiraStatus[];
}

/** The project's issue types and statuses. */
export interface ProjectMeta {
  /** The issue types, in Jira's order. */
  issueTypes: ProjectIssueType[];
  /** Every status of the project's workflows, once each. */
  statuses: JiraStatus[];
}

/** The connector's shared state. */
export class ConnectorContext {
  readonly provider = JIRA_CLOUD;
  readonly client: JiraCloudClient;
  readonly options: ResolvedConnectorOptions;
  readonly statusCategory: StatusMapper;
  readonly ticketType: TypeMapper;
  readonly #myself: Cached<Myself>;
  readonly #project: Cached<ProjectMeta>;
  readonly #projectInfo: Cached<JiraProject>;
  readonly #requestTypes: Cached<RequestType[]>;

  constructor(options: ResolvedConnectorOptions) {
    this.options = options;
    this.client = options.client;
    this.statusCategory = createStatusMapper(options.statusMap);
    this.ticketType = createTypeMapper(options.typeMap);
    const meta = { ttlMs: PROJECT_META_TTL_MS };
    this.#myself = cached(() => this.client.myself());
    this.#project = cached(() => this.#loadProject(), meta);
    this.#projectInfo = cached(() => this.client.projects.get(options.projectKey), meta);
    this.#requestTypes = cached(
      async () =>
        options.serviceDeskId === undefined
          ? []
          : this.client.serviceDesk.requestTypes(options.serviceDeskId, { pageSize: 100 }).toArray({ limit: 10_000 }),
      meta,
    );
  }

  /** The project itself (type, name), cached for {@link PROJECT_META_TTL_MS}. */
  projectInfo(): Promise<JiraProject> {
    return this.#projectInfo.get();
  }

  /** The request types of the service desk (none without one), cached for {@link PROJECT_META_TTL_MS}. */
  requestTypes(): Promise<RequestType[]> {
    return this.#requestTypes.get();
  }

  /** The calling account (cached for the connector's life). */
  myself(): Promise<Myself> {
    return this.#myself.get();
  }

  /** The project's issue types and statuses (cached for {@link PROJECT_META_TTL_MS}). */
  project(): Promise<ProjectMeta> {
    return this.#project.get();
  }

  /** Ids of the project's statuses in one of `categories`, through the status mapping. */
  async statusIdsIn(categories: readonly StatusCategory[]): Promise<string[]> {
    const { statuses } = await this.project();
    return statuses.filter((status) => categories.includes(this.statusCategory(status))).map((status) => status.id);
  }

  /** The project's standard (non-sub-task) issue types that map to one of `types`. */
  async issueTypesOf(types: readonly TicketType[]): Promise<ProjectIssueType[]> {
    const { issueTypes } = await this.project();
    return issueTypes.filter((type) => types.includes(this.ticketType(type)));
  }

  /** A `NotFoundError` for something the connector looked up itself. */
  notFound(message: string, url: string): NotFoundError {
    return new NotFoundError(message, { provider: this.provider, status: 404, method: 'GET', url, messages: [message] });
  }

  async #loadProject(): Promise<ProjectMeta> {
    const list = await this.client.projects.statuses(this.options.projectKey);
    const statuses = new Map<string, JiraStatus>();
    for (const type of list) for (const status of type.statuses) if (!statuses.has(status.id)) statuses.set(status.id, status);
    return {
      issueTypes: list.map((type) => ({ id: type.id, name: type.name, subtask: type.subtask === true, statuses: type.statuses })),
      statuses: [...statuses.values()],
    };
  }
}
