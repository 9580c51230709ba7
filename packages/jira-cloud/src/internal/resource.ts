/**
 * What every Jira resource shares: the client's transport and site URL, and JSM's paged lists.
 *
 * @module
 */
import type { Paginator, Transport } from '@itsm/core';
import { ApiResource, offsetPaginator, type CallOptions, type OffsetPage } from '@itsm/core/provider';
import type * as z from 'zod/mini';
import { JIRA_SEGMENT_RULES } from '../provider.js';
import { jsmPageSchema, type JsmPage } from '../schemas/common.js';

/** What a resource needs from the client. */
export interface ResourceContext {
  /** The transport, with the client's auth, retries and error hooks. */
  readonly http: Transport;
  /** The site URL (for links), resolved once. */
  siteUrl(options?: CallOptions): Promise<string>;
}

/** The header JSM's experimental operations require; sent only by the operations that need it. */
export const EXPERIMENTAL_API_HEADERS: Readonly<Record<string, string>> = Object.freeze({ 'X-ExperimentalApi': 'opt-in' });

/** A JSM list request: where, what one value looks like, and how many per page. */
export interface JsmListRequest<T extends z.core.$ZodType> {
  /** The list's path. */
  path: string;
  /** The schema of one value. */
  item: T;
  /** The page size (`limit`). */
  pageSize: number;
  /** More query parameters. */
  query?: Record<string, string | number | boolean | undefined> | undefined;
  /** Headers the operation needs. */
  headers?: Record<string, string> | undefined;
}

/**
 * A resource of {@link JiraCloudClient}: an `ApiResource` on the client's transport, with the
 * client's site URL and JSM's `start`/`limit`/`isLastPage` lists.
 */
export abstract class JiraResource extends ApiResource {
  /**
   * The client's transport and site URL.
   *
   * @internal
   */
  protected readonly context: ResourceContext;

  /**
   * Made by {@link JiraCloudClient}; not meant to be called directly.
   *
   * @param context - The client's transport and helpers.
   * @internal
   */
  constructor(context: ResourceContext) {
    super(context.http, JIRA_SEGMENT_RULES);
    this.context = context;
  }

  /**
   * A paginator over a JSM list (`start`/`limit`, until `isLastPage` or a short page); each page's
   * envelope is the JSM page.
   *
   * @param request - Path, item schema, page size, query and headers.
   * @param options - The caller's call options (checked now).
   * @internal
   */
  protected jsmList<T extends z.core.$ZodType>(request: JsmListRequest<T>, options: CallOptions | undefined): Paginator<z.output<T>, JsmPage<z.output<T>>> {
    const call = this.callOptions(options);
    const schema = jsmPageSchema(request.item);
    return offsetPaginator(async (start, signal): Promise<OffsetPage<z.output<T>, JsmPage<z.output<T>>>> => {
      const query = { ...request.query, start, limit: request.pageSize };
      const page = await this.send('GET', request.path, { query, schema, signal, ...(request.headers ? { headers: request.headers } : {}) }, call);
      return { items: page.values as z.output<T>[], start: page.start ?? start, isLast: page.isLastPage, envelope: page as JsmPage<z.output<T>> };
    }, { pageSize: request.pageSize });
  }
}
