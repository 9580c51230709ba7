/**
 * Redirects followed by the transport itself, so that credentials never reach another origin. The
 * transport of every provider uses it; it is exported for clients that make requests of their own.
 *
 * For example, Jira answers `GET /rest/api/3/attachment/content/{id}` with a `303 See Other` to a media host on
 * another origin (`https://api.media.atlassian.com/file/…/binary?token=…`), whose URL carries its own
 * short-lived token. A fetch that followed it with the request's headers would hand our Basic
 * credentials to that host. Standard `fetch` drops `Authorization` on a cross-origin redirect, but
 * a `fetch` passed in the options (a proxy agent, a test double, an older polyfill) may not; so
 * every request is sent with `redirect: 'manual'` and redirects are followed here:
 *
 * - same origin: the request is repeated at the new URL with all its headers;
 * - another origin: every credential header (`Authorization`, `Cookie`, ...) is removed first, and
 *   stays removed for the rest of the chain;
 * - `303` (and `301`/`302` after a `POST`) turn the request into a body-less `GET`; a `307`/`308` of a
 *   request with a body is not followed (the body cannot be sent twice) and reaches the caller as an error;
 * - never from `https` to plain `http` (except to loopback hosts), and at most {@link MAX_REDIRECTS} hops.
 *
 * @module
 */
import { ItsmError } from '../errors.js';
import type { ProviderId } from '../model.js';
import { isSecretHeader } from '../redact.js';
import { isLoopbackHost } from './url.js';

/**
 * The most redirects followed for one request.
 *
 * @category Transport
 */
export const MAX_REDIRECTS = 5;

const REDIRECT_STATUSES: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);

/** Headers that describe a body, dropped when a redirect turns the request into a `GET`. */
const BODY_HEADERS = ['content-type', 'content-length', 'content-encoding', 'content-language', 'content-location'];

/** What the next hop of a redirect chain is, or `undefined` when the response is handed back as it is. */
function nextHop(request: Request, response: Response, fail: (message: string) => never): { url: URL; method: string; dropBody: boolean } | undefined {
  const location = response.headers.get('location');
  if (!REDIRECT_STATUSES.has(response.status) || !location) return undefined;
  const from = new URL(request.url);
  let url: URL;
  try {
    url = new URL(location, from);
  } catch {
    return fail(`${request.method} ${from.pathname} was redirected to an invalid URL`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    fail(`${request.method} ${from.pathname} was redirected to an unsupported scheme (${url.protocol})`);
  }
  if (from.protocol === 'https:' && url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    fail(`${request.method} ${from.pathname} was redirected from https to plain http (${url.host}); not followed`);
  }
  const toGet = (response.status === 303 && request.method !== 'HEAD')
    || ((response.status === 301 || response.status === 302) && request.method === 'POST');
  if (!toGet && request.body !== null) return undefined;
  return { url, method: toGet ? 'GET' : request.method, dropBody: toGet };
}

/**
 * Options of {@link followRedirectsSafely}.
 *
 * @category Transport
 */
export interface SafeRedirectOptions {
  /** The provider, set on the errors for refused redirects. */
  provider?: ProviderId | undefined;
}

/**
 * Wraps a `fetch` so that redirects are followed by the wrapper, without sending credential headers
 * to another origin. See the module description for the rules. A refused redirect (to plain http, to
 * another scheme, more than {@link MAX_REDIRECTS} hops) throws an `ItsmError`.
 *
 * @param getFetch - Returns the `fetch` to use, looked up at each request (so a `fetch` patched later,
 *   e.g. by a test, is used).
 * @param options - The provider named on errors.
 * @example
 * ```ts
 * const safeFetch = followRedirectsSafely(() => globalThis.fetch);
 * await safeFetch(new Request(url, { headers: { authorization } })); // a 303 to another host: no Authorization there
 * ```
 *
 * @category Transport
 */
export function followRedirectsSafely(getFetch: () => typeof fetch, options: SafeRedirectOptions = {}): typeof fetch {
  const fail = (message: string): never => {
    throw new ItsmError(message, { provider: options.provider });
  };
  return async (input, init) => {
    const fetchImpl = getFetch();
    const original = input instanceof Request ? input : new Request(input, init);
    const extra: RequestInit = { ...(input instanceof Request ? init : undefined), redirect: 'manual' };
    // A request already set to follow no redirect (as the transport sends them) is used as it is.
    let request = original.redirect === 'manual' ? original : new Request(original, { redirect: 'manual' });
    for (let hop = 0; ; hop++) {
      const response = await fetchImpl(request, extra);
      const next = nextHop(request, response, fail);
      if (!next) return response;
      await response.body?.cancel().catch(() => undefined);
      if (hop >= MAX_REDIRECTS) {
        fail(`${original.method} ${new URL(original.url).pathname} was redirected more than ${MAX_REDIRECTS} times`);
      }
      const headers = new Headers(request.headers);
      if (next.dropBody) for (const name of BODY_HEADERS) headers.delete(name);
      if (next.url.origin !== new URL(request.url).origin) {
        for (const name of [...headers.keys()]) if (isSecretHeader(name)) headers.delete(name);
      }
      request = new Request(next.url, {
        method: next.method,
        headers,
        signal: request.signal,
        redirect: 'manual',
      });
    }
  };
}
