/**
 * Middleware: the steps every request of a simulator goes through around its routes — a gateway
 * rewrite, authentication, a rate limit, a concurrency gate, header decoration — declared in order
 * with `router.use(...)` instead of hand-built in `handle`.
 *
 * A middleware gets the request, the handler context and `next`. It can
 * - answer by itself (return a response without calling `next`, or throw a {@link SimResponseError}):
 *   the layers inside it, routes included, never see the request;
 * - call `next()` to pass the request on, or `next(rewritten)` to pass on another request (a gateway
 *   path mapped to the site's path, say);
 * - look at or change the response `next()` resolves with, before returning it.
 *
 * Middleware run in the order they were added, the first one outermost, around the route table
 * (which includes its 404 and 405 answers). A {@link SimResponseError} thrown inside a layer — by a
 * route handler, a helper deep in it, or an inner middleware — becomes that layer's response, so
 * `next()` always resolves with a response and outer middleware decorate error answers too. Any
 * other exception passes through every layer (a middleware may `try`/`finally` around `next()`) and
 * becomes the sandbox's 500.
 *
 * @example
 * ```ts
 * const router = createRouter<NotesState, NotesCredentials>()
 *   .use(after((response) => withDefaultHeaders(response, { 'x-request-id': nextRequestId() }))) // outermost: decorates every answer
 *   .use(before((request, { credentials }) =>                                                    // then: authentication
 *     request.header('x-token') === credentials.token ? undefined : { status: 401, body: { error: 'unauthorized' } },
 *   ))
 *   .get('/notes', (request, { state }) => ({ status: 200, body: state.notes }));
 * ```
 *
 * @module
 */
import { SimResponseError, type HandlerContext, type SimRequest, type SimResponse, type SimResult } from './simulator.js';

/**
 * Passes the request on to the next layer (the next middleware, or the route table) and resolves
 * with its response; give a request to pass on that one instead. Call it at most once per request.
 *
 * @category Simulator framework
 */
export type Next = (request?: SimRequest) => Promise<SimResponse>;

/**
 * One step of a simulator's pipeline; see the module description.
 *
 * @category Simulator framework
 */
export type Middleware<State, Credentials> = (request: SimRequest, context: HandlerContext<State, Credentials>, next: Next) => SimResult;

/**
 * What a {@link before} step returns: a response to answer with at once, or nothing to go on.
 *
 * @category Simulator framework
 */
export type BeforeResult = SimResponse | undefined | Promise<SimResponse | undefined>;

/**
 * The check of a {@link before} middleware.
 *
 * @category Simulator framework
 */
export type BeforeStep<State, Credentials> = (request: SimRequest, context: HandlerContext<State, Credentials>) => BeforeResult;

/**
 * The transformation of an {@link after} middleware.
 *
 * @category Simulator framework
 */
export type AfterStep<State, Credentials> = (response: SimResponse, request: SimRequest, context: HandlerContext<State, Credentials>) => SimResult;

/**
 * Answers a request: the innermost layer of a pipeline (for a router, its route table).
 *
 * @category Simulator framework
 */
export type SimHandler<State, Credentials> = (request: SimRequest, context: HandlerContext<State, Credentials>) => SimResult;

/**
 * A middleware that runs `step` before the inner layers: when it returns a response (or throws a
 * {@link SimResponseError}) that is the answer, else the request goes on unchanged.
 *
 * @example
 * ```ts
 * const xsrf = before<NotesState, NotesCredentials>((request) =>
 *   request.method !== 'GET' && request.header('x-token') === undefined ? { status: 403, body: 'XSRF check failed' } : undefined,
 * );
 * ```
 *
 * @category Simulator framework
 */
export function before<State, Credentials>(step: BeforeStep<State, Credentials>): Middleware<State, Credentials> {
  return async (request, context, next) => (await step(request, context)) ?? next();
}

/**
 * A middleware that runs `step` on the response of the inner layers — error answers included (a
 * {@link SimResponseError} thrown inside has become its response by then) — and answers with what it returns.
 *
 * @example
 * ```ts
 * const poweredBy = after<NotesState, NotesCredentials>((response) => withDefaultHeaders(response, { 'x-powered-by': 'notes' }));
 * ```
 *
 * @category Simulator framework
 */
export function after<State, Credentials>(step: AfterStep<State, Credentials>): Middleware<State, Credentials> {
  return async (request, context, next) => step(await next(), request, context);
}

/**
 * Runs `handler` inside `middleware` (the first one outermost), as the module description says: the
 * result answers every request with a response, turning a {@link SimResponseError} thrown in any
 * layer into that layer's response. A router does this for its `use`d middleware and route table;
 * call it directly to build a pipeline around something that is not a router.
 *
 * @category Simulator framework
 */
export function composeMiddleware<State, Credentials>(
  middleware: readonly Middleware<State, Credentials>[],
  handler: SimHandler<State, Credentials>,
): (request: SimRequest, context: HandlerContext<State, Credentials>) => Promise<SimResponse> {
  const layers = [...middleware];
  const run = (index: number, request: SimRequest, context: HandlerContext<State, Credentials>): Promise<SimResponse> => {
    const layer = layers[index];
    if (layer === undefined) return settle(() => handler(request, context));
    let called = false;
    const next: Next = (passed = request) => {
      if (called) return Promise.reject(new Error(`middleware ${index + 1} of ${layers.length} called next() twice for ${request.method} ${request.path}`));
      called = true;
      return run(index + 1, passed, context);
    };
    return settle(() => layer(request, context, next));
  };
  return (request, context) => run(0, request, context);
}

/** The response of `answer`, or the response of the {@link SimResponseError} it throws. */
async function settle(answer: () => SimResult): Promise<SimResponse> {
  try {
    return await answer();
  } catch (error) {
    if (error instanceof SimResponseError) return error.response;
    throw error;
  }
}
