/**
 * A recorder of HTTP routes over nock: each route answers in order and records what reached it.
 * nock is not imported here: the test passes its own, so `@itsm/core/testing` does not need it.
 *
 * @module
 */

/**
 * What one request looked like when it reached the route.
 *
 * @category Contract tests
 */
export interface SeenRequest {
  /** HTTP method, upper case. */
  method: string;
  /** The path, without the query. */
  path: string;
  /** Query parameters (the last value of a repeated one wins). */
  query: Record<string, string>;
  /** The raw query string, with its `?` (empty when none). */
  search: string;
  /** The request headers. */
  headers: Headers;
  /** The body as text (empty when none). */
  text: string;
  /** The body parsed as JSON. */
  json(): unknown;
}

/**
 * A reply: status, then optionally a body (JSON unless a string) and headers.
 *
 * @category Contract tests
 */
export type RouteReply = [number, unknown?, Record<string, string>?];

/**
 * Options of one route.
 *
 * @category Contract tests
 */
export interface RouteOptions {
  /** How many requests the route answers. Default: the number of replies (1 for a function). */
  times?: number;
  /** The origin the route is on. Default: the recorder's. */
  origin?: string;
}

/**
 * Sets up a route: `method pathname` (any query), answered in order with `replies` (the last one
 * repeats when `times` is larger, or a function of the request and its index), returning the list
 * of what arrived, filled as requests come.
 *
 * @category Contract tests
 */
export type Route = (
  method: string,
  pathname: string,
  replies: RouteReply | RouteReply[] | ((seen: SeenRequest, index: number) => RouteReply),
  options?: RouteOptions,
) => SeenRequest[];

/**
 * The part of nock's interceptor a route uses.
 *
 * @category Contract tests
 */
export interface NockInterceptorLike {
  /** How many requests the interceptor answers. */
  times(count: number): NockInterceptorLike;
  /** Answers with what the function returns for each request. */
  reply(answer: (request: Request) => Promise<readonly [number, string, Record<string, string>]>): unknown;
}

/**
 * The part of nock a recorder uses: `nock(origin).intercept(match, method)`. Pass `nock` itself.
 *
 * @category Contract tests
 */
export type NockLike = (origin: string) => {
  intercept(match: (path: string) => boolean, method: string): NockInterceptorLike;
};

/**
 * A {@link Route} maker over nock, for contract tests of a client.
 *
 * @param nock - nock's default export (nock 15, which intercepts `fetch`).
 * @param origin - The origin routes are on unless they say otherwise, e.g. the site URL.
 * @example
 * ```ts
 * import nock from 'nock';
 * const route = createRouteRecorder(nock, 'https://acme.atlassian.net');
 * const calls = route('GET', '/rest/api/3/myself', [200, { accountId: 'a' }]);
 * // ... call the client ...
 * calls[0]?.headers.get('authorization');
 * ```
 *
 * @category Contract tests
 */
export function createRouteRecorder(nock: NockLike, origin: string): Route {
  return (method, pathname, replies, options = {}) => {
    const calls: SeenRequest[] = [];
    const list = typeof replies === 'function' ? undefined : Array.isArray(replies[0]) ? (replies as RouteReply[]) : [replies as RouteReply];
    const times = options.times ?? list?.length ?? 1;
    nock(options.origin ?? origin)
      .intercept((path) => path.split('?')[0] === pathname, method)
      .times(times)
      .reply(async (request: Request) => {
        const url = new URL(request.url);
        const text = await request.text();
        const seen: SeenRequest = {
          method: request.method,
          path: url.pathname,
          query: Object.fromEntries(url.searchParams),
          search: url.search,
          headers: request.headers,
          text,
          json: () => JSON.parse(text),
        };
        const index = calls.length;
        calls.push(seen);
        const reply = typeof replies === 'function' ? replies(seen, index) : (list?.[Math.min(index, (list?.length ?? 1) - 1)] as RouteReply);
        const [status, body, headers] = reply;
        return [status, body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body), {
          ...(body !== undefined && typeof body !== 'string' ? { 'content-type': 'application/json' } : {}),
          ...headers,
        }] as const;
      });
    return calls;
  };
}
