/**
 * URL options of a client (a site, a gateway, an API host): checked before any request, without
 * ever echoing a value that may hold a credential.
 *
 * @module
 */
import { isLoopbackHost } from '@itsm/core';
import * as z from 'zod/mini';

/**
 * Options of {@link serviceUrlSchema}.
 *
 * @category Options
 */
export interface ServiceUrlOptions {
  /** An example of a right value, shown when the value is not a URL, e.g. `https://your-domain.atlassian.net`. */
  example?: string | undefined;
  /** Where credentials go instead of the URL, e.g. `the email and apiToken options`. Default `the client's credential options`. */
  credentials?: string | undefined;
  /** Refuse any path: the URL must be a bare origin such as `https://host:port`. */
  bareOrigin?: boolean | undefined;
  /**
   * A further check of the URL's path: returns what is wrong (after the field name), or `undefined`.
   * E.g. Jira refuses a site URL that holds `/rest/...`. Runs after every other check, so the URL
   * holds no credentials by then and may be shown.
   */
  checkPath?: ((url: URL) => string | undefined) | undefined;
}

/**
 * What is wrong with a URL option, or the URL normalised (`origin + path`, no trailing slash).
 *
 * @param value - What the caller gave.
 * @param options - The rules.
 */
function checkServiceUrl(value: unknown, options: ServiceUrlOptions): { url: string } | { problem: string } {
  if (typeof value !== 'string' || value.trim() === '') return { problem: 'must be a non-empty URL string' };
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    // The value is not echoed: a misplaced token or user:password would end up in the error.
    return { problem: `must be an absolute URL${options.example ? ` such as ${options.example}` : ''}` };
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackHost(url.hostname))) {
    return { problem: 'must use https (http is accepted only for localhost and other loopback hosts)' };
  }
  if (url.username || url.password) {
    return { problem: `must not hold credentials; use ${options.credentials ?? "the client's credential options"}` };
  }
  if (url.search || url.hash) return { problem: 'must not have a query or a fragment' };
  const path = url.pathname.replace(/\/+$/, '');
  if (options.bareOrigin && path !== '') return { problem: `must be a bare origin without a path (e.g. ${url.origin}), not ${url.origin}${url.pathname}` };
  const pathProblem = options.checkPath?.(url);
  if (pathProblem !== undefined) return { problem: pathProblem };
  return { url: `${url.origin}${path}` };
}

/**
 * A zod schema for a URL option of a client: a non-empty absolute URL, `https` (plain `http` only
 * for loopback hosts, for local simulators), without credentials, query or fragment, and, with
 * `bareOrigin`, without a path. It outputs the URL as `origin + path` without a trailing slash.
 * Its messages never repeat a value that is not a valid URL (it may be a misplaced secret).
 *
 * @param options - The rules and the wording of the errors.
 * @example
 * ```ts
 * const Options = z.strictObject({ baseUrl: serviceUrlSchema({ example: 'https://tenant.ivanticloud.com' }) });
 * Options.parse({ baseUrl: 'https://tenant.ivanticloud.com/HEAT/' }); // { baseUrl: 'https://tenant.ivanticloud.com/HEAT' }
 * ```
 *
 * @category Options
 */
export function serviceUrlSchema(options: ServiceUrlOptions = {}): z.ZodMiniType<string, unknown> {
  return z.pipe(
    z.unknown(),
    z.transform((value, context) => {
      const checked = checkServiceUrl(value, options);
      if ('url' in checked) return checked.url;
      context.issues.push({ code: 'custom', message: checked.problem, input: value });
      return z.NEVER;
    }),
  );
}
