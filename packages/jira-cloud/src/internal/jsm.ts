/**
 * Helpers of the JSM resources: the experimental-API header, and paginators over JSM pages.
 *
 * @module
 */
import type { Paginator, Transport } from '@itsm/core';
import type { z } from 'zod';
import type { CallOptions } from '../options.js';
import { jsmPageSchema } from '../schemas/common.js';
import { callOptions } from './call.js';
import { offsetPaginator } from './paging.js';

/** The header JSM's experimental operations require; sent only by the operations that need it. */
export const EXPERIMENTAL_API_HEADERS: Readonly<Record<string, string>> = Object.freeze({ 'X-ExperimentalApi': 'opt-in' });

/**
 * A paginator over a JSM list (`start`/`limit`, until `isLastPage`).
 *
 * @param http - The transport, or the client (anything with its `request`).
 * @param path - The list's path.
 * @param item - The schema of one value.
 * @param size - The page size (`limit`).
 * @param options - Call options.
 * @param query - More query parameters.
 * @param headers - Headers the operation needs.
 */
export function jsmPaginator<T extends z.ZodType>(
  http: Pick<Transport, 'request'>,
  path: string,
  item: T,
  size: number,
  options: CallOptions | undefined,
  query: Record<string, string | number | boolean | undefined> = {},
  headers?: Record<string, string>,
): Paginator<z.output<T>> {
  const schema = jsmPageSchema(item);
  return offsetPaginator(async (start, signal) => {
    const page = await http.request('GET', path, {
      ...callOptions(options, { query: { ...query, start, limit: size }, ...(headers ? { headers } : {}) }, signal),
      schema,
    });
    return { items: page.values as z.output<T>[], start: page.start ?? start, isLast: page.isLastPage };
  }, size, 'short-page');
}
