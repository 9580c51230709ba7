/**
 * A small typed route table for simulators: `router.route('GET', '/rest/api/3/issue/:idOrKey', handler)`.
 * `:name` matches one whole path segment (percent-decoded into `context.params.name`); everything
 * else matches literally. The most specific pattern wins, as in JAX-RS and most servers: reading the
 * segments from the left, a literal beats a `:param`, so `/issue/picker` is never taken for an issue
 * key whichever was added first. Routes of equally specific patterns are tried in the order they
 * were added.
 * A `HEAD` request uses the `GET` route when there is no `HEAD` route. When no route matches the
 * path the router answers 404; when routes match the path but not the method, 405 with an `Allow`
 * header. Both answers can be replaced, since every real service has its own error body.
 *
 * Middleware added with `use` run around the whole table, in the order they were added (see
 * `middleware.ts`: before and after steps, short-circuits, rewritten requests). `handle` answers a
 * {@link SimResponseError} thrown by a route or a middleware with its response.
 *
 * @example
 * ```ts
 * const router = createRouter<NotesState>()
 *   .get('/notes', (request, { state }) => ({ status: 200, body: state.notes }))
 *   .get('/notes/:id', (request, { state, params }) => ...);
 * export const simulator = defineSimulator({ ..., handle: router.handle });
 *
 * // A pipeline around the routes: authentication first, then a header on every answer.
 * router.use(before((request, { credentials }) => (request.header('x-token') === credentials.token ? undefined : { status: 401 })));
 * router.use(after((response) => withDefaultHeaders(response, { 'x-served-by': 'notes' })));
 * ```
 *
 * @module
 */
import { composeMiddleware, type Middleware } from './middleware.js';
import type { HandlerContext, SimCredentials, SimRequest, SimResponse, SimResult } from './simulator.js';

/**
 * The methods a route can be declared for.
 *
 * @category Simulator framework
 */
export type HttpMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'OPTIONS';

/**
 * The names of the `:params` in a route pattern: `'/a/:x/b/:y'` → `'x' | 'y'`.
 *
 * @category Simulator framework
 */
export type PathParamNames<Pattern extends string> = Pattern extends `${string}:${infer Name}/${infer Rest}`
  ? Name | PathParamNames<`/${Rest}`>
  : Pattern extends `${string}:${infer Name}`
    ? Name
    : never;

/**
 * The params object of a route pattern: `'/issue/:idOrKey'` → `{ readonly idOrKey: string }`.
 *
 * @category Simulator framework
 */
export type PathParams<Pattern extends string> = { readonly [Name in PathParamNames<Pattern>]: string };

/**
 * What a route handler gets: the simulator's context plus the path params.
 *
 * @category Simulator framework
 */
export interface RouteContext<State, Credentials, Params> extends HandlerContext<State, Credentials> {
  /** The decoded values of the pattern's `:params`. */
  readonly params: Params;
}

/**
 * Answers a request that matched a route.
 *
 * @category Simulator framework
 */
export type RouteHandler<State, Credentials, Params> = (request: SimRequest, context: RouteContext<State, Credentials, Params>) => SimResult;

/**
 * Answers a request that no route matched (404 by default).
 *
 * @category Simulator framework
 */
export type NotFoundHandler<State, Credentials> = (request: SimRequest, context: HandlerContext<State, Credentials>) => SimResult;

/**
 * Answers a request whose path matched but whose method did not (405 by default); `allowed` lists the methods that would.
 *
 * @category Simulator framework
 */
export type MethodNotAllowedHandler<State, Credentials> = (
  request: SimRequest,
  context: HandlerContext<State, Credentials>,
  allowed: readonly string[],
) => SimResult;

/**
 * Options of {@link createRouter}.
 *
 * @category Simulator framework
 */
export interface RouterOptions<State, Credentials> {
  /** Replaces the default 404 answer `{ error: 'Not Found', message }`. */
  readonly notFound?: NotFoundHandler<State, Credentials>;
  /** Replaces the default 405 answer `{ error: 'Method Not Allowed', message }` (with `Allow`). */
  readonly methodNotAllowed?: MethodNotAllowedHandler<State, Credentials>;
}

/**
 * A route table; see the module description.
 *
 * @category Simulator framework
 */
export interface Router<State, Credentials> {
  /** Adds a route for one method or several; returns the router, for chaining. */
  route<Pattern extends string>(
    method: HttpMethod | readonly HttpMethod[],
    pattern: Pattern,
    handler: RouteHandler<State, Credentials, PathParams<Pattern>>,
  ): Router<State, Credentials>;
  /** Adds a `GET` route (also used for `HEAD`). */
  get<Pattern extends string>(pattern: Pattern, handler: RouteHandler<State, Credentials, PathParams<Pattern>>): Router<State, Credentials>;
  /** Adds a `POST` route. */
  post<Pattern extends string>(pattern: Pattern, handler: RouteHandler<State, Credentials, PathParams<Pattern>>): Router<State, Credentials>;
  /** Adds a `PUT` route. */
  put<Pattern extends string>(pattern: Pattern, handler: RouteHandler<State, Credentials, PathParams<Pattern>>): Router<State, Credentials>;
  /** Adds a `PATCH` route. */
  patch<Pattern extends string>(pattern: Pattern, handler: RouteHandler<State, Credentials, PathParams<Pattern>>): Router<State, Credentials>;
  /** Adds a `DELETE` route. */
  delete<Pattern extends string>(pattern: Pattern, handler: RouteHandler<State, Credentials, PathParams<Pattern>>): Router<State, Credentials>;
  /**
   * Adds middleware around the table, after (inside) those added before; returns the router, for
   * chaining. Middleware apply to every request, also to those added before the routes.
   */
  use(...middleware: readonly Middleware<State, Credentials>[]): Router<State, Credentials>;
  /**
   * The pattern of the route that would answer `method path` (as added, e.g. `/issue/:key`), or
   * `undefined` when the router would answer 404 or 405. For tests that check which route a path
   * reaches; no middleware runs.
   */
  resolve(method: string, path: string): string | undefined;
  /**
   * Answers a request through the middleware and the table; a function that needs no `this`, usable
   * as a simulator's `handle`. A {@link SimResponseError} thrown inside is answered with its response.
   */
  readonly handle: (request: SimRequest, context: HandlerContext<State, Credentials>) => Promise<SimResponse>;
}

type Segment = { readonly literal: string } | { readonly param: string };

interface Route<State, Credentials> {
  readonly pattern: string;
  /** `l` for each literal segment, `p` for each param: the smaller string is the more specific pattern. */
  readonly shape: string;
  readonly methods: readonly string[];
  readonly segments: readonly Segment[];
  readonly handler: RouteHandler<State, Credentials, Readonly<Record<string, string>>>;
}

/**
 * Creates an empty route table for a simulator with the given state and credentials types.
 *
 * @category Simulator framework
 */
export function createRouter<State, Credentials extends object = SimCredentials>(
  options: RouterOptions<State, Credentials> = {},
): Router<State, Credentials> {
  const routes: Route<State, Credentials>[] = [];
  const notFound = options.notFound ?? defaultNotFound;
  const methodNotAllowed = options.methodNotAllowed ?? defaultMethodNotAllowed;

  const add = <Pattern extends string>(
    method: HttpMethod | readonly HttpMethod[],
    pattern: Pattern,
    handler: RouteHandler<State, Credentials, PathParams<Pattern>>,
  ): Router<State, Credentials> => {
    const methods = typeof method === 'string' ? [method] : [...method];
    if (methods.length === 0) throw new TypeError(`route ${pattern}: give at least one method`);
    // A route's params object always has exactly the pattern's names, so the widening is safe.
    const segments = parsePattern(pattern);
    const shape = segments.map((segment) => ('literal' in segment ? 'l' : 'p')).join('');
    routes.push({ pattern, shape, methods, segments, handler: handler as RouteHandler<State, Credentials, Readonly<Record<string, string>>> });
    return router;
  };

  const middleware: Middleware<State, Credentials>[] = [];

  /** What answers `method path`: a route with its params, the methods the path allows (for a 405), or nothing (404). */
  const dispatch = (method: string, path: string): { route: Route<State, Credentials>; params: Record<string, string> } | { allowed: readonly string[] } | undefined => {
    const segments = path.split('/').slice(1);
    const matches: { route: Route<State, Credentials>; params: Record<string, string> }[] = [];
    for (const route of routes) {
      const params = matchSegments(route.segments, segments);
      if (params !== undefined) matches.push({ route, params });
    }
    if (matches.length === 0) return undefined;
    const shape = matches.reduce((best, match) => (match.route.shape < best ? match.route.shape : best), matches[0]?.route.shape ?? '');
    const candidates = matches.filter((match) => match.route.shape === shape);
    const exact = candidates.find((match) => match.route.methods.includes(method));
    if (exact !== undefined) return exact;
    const head = method === 'HEAD' ? candidates.find((match) => match.route.methods.includes('GET')) : undefined;
    if (head !== undefined) return head;
    const allowed = new Set(candidates.flatMap((match) => match.route.methods));
    if (allowed.has('GET')) allowed.add('HEAD');
    return { allowed: [...allowed] };
  };

  const table = (request: SimRequest, context: HandlerContext<State, Credentials>): SimResult => {
    const found = dispatch(request.method, request.path);
    if (found === undefined) return notFound(request, context);
    if ('allowed' in found) return methodNotAllowed(request, context, found.allowed);
    return found.route.handler(request, { ...context, params: found.params });
  };

  let pipeline: ((request: SimRequest, context: HandlerContext<State, Credentials>) => Promise<SimResponse>) | undefined;

  const router: Router<State, Credentials> = {
    route: add,
    get: (pattern, handler) => add('GET', pattern, handler),
    post: (pattern, handler) => add('POST', pattern, handler),
    put: (pattern, handler) => add('PUT', pattern, handler),
    patch: (pattern, handler) => add('PATCH', pattern, handler),
    delete: (pattern, handler) => add('DELETE', pattern, handler),
    use: (...added) => {
      middleware.push(...added);
      pipeline = undefined;
      return router;
    },
    resolve: (method, path) => {
      const found = dispatch(method.toUpperCase(), path.split('?')[0] ?? path);
      return found === undefined || 'allowed' in found ? undefined : found.route.pattern;
    },
    handle: (request, context) => {
      pipeline ??= composeMiddleware(middleware, table);
      return pipeline(request, context);
    },
  };
  return router;
}

function parsePattern(pattern: string): Segment[] {
  if (!pattern.startsWith('/')) throw new TypeError(`route pattern must start with "/" (got ${JSON.stringify(pattern)})`);
  return pattern
    .split('/')
    .slice(1)
    .map((part) => {
      if (!part.startsWith(':')) return { literal: part };
      const name = part.slice(1);
      if (!/^[A-Za-z_$][\w$]*$/u.test(name)) throw new TypeError(`route pattern ${pattern}: bad param name ${JSON.stringify(part)}`);
      return { param: name };
    });
}

/** The params when `segments` (still percent-encoded) match the pattern, else `undefined`. */
function matchSegments(pattern: readonly Segment[], segments: readonly string[]): Record<string, string> | undefined {
  if (pattern.length !== segments.length) return undefined;
  const params: Record<string, string> = {};
  for (const [index, part] of pattern.entries()) {
    const segment = segments[index] as string;
    if ('literal' in part) {
      if (part.literal !== segment) return undefined;
      continue;
    }
    if (segment === '') return undefined;
    try {
      params[part.param] = decodeURIComponent(segment);
    } catch {
      return undefined; // malformed percent-encoding: treat as no match
    }
  }
  return params;
}

function defaultNotFound(request: SimRequest): SimResult {
  return { status: 404, body: { error: 'Not Found', message: `No route for ${request.method} ${request.path}` } };
}

function defaultMethodNotAllowed(request: SimRequest, _context: unknown, allowed: readonly string[]): SimResult {
  return {
    status: 405,
    headers: { allow: allowed.join(', ') },
    body: { error: 'Method Not Allowed', message: `${request.method} is not allowed on ${request.path} (allowed: ${allowed.join(', ')})` },
  };
}
