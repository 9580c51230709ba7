import { describe, expect, it } from 'vitest';
import { after, before, composeMiddleware, type Middleware } from '../src/middleware.js';
import { createSimRequest } from '../src/request.js';
import { createRouter } from '../src/router.js';
import { SimResponseError, type HandlerContext, type SimResponse } from '../src/simulator.js';

interface State {
  readonly trail: string[];
}
type Credentials = { readonly token: string };

function contextWith(trail: string[] = []): HandlerContext<State, Credentials> {
  return { provider: 'toy', url: 'http://127.0.0.1:1', state: { trail }, credentials: { token: 't' }, seed: 's' };
}

/** A middleware that records when it enters and leaves, and tags the response with its name. */
function traced(name: string): Middleware<State, Credentials> {
  return async (request, { state }, next) => {
    state.trail.push(`${name}>`);
    const response = await next();
    state.trail.push(`<${name}`);
    return { ...response, headers: { ...response.headers, [`x-${name}`]: String(response.status) } };
  };
}

const request = (method: string, target: string) => createSimRequest({ method, target });

describe('router middleware', () => {
  it('runs middleware in the order added, the first outermost, around the route', async () => {
    const context = contextWith();
    const router = createRouter<State, Credentials>()
      .use(traced('a'), traced('b'))
      .use(traced('c'))
      .get('/x', (_request, { state }) => {
        state.trail.push('route');
        return { status: 200, body: 'x' };
      });
    const response = await router.handle(request('GET', '/x'), context);
    expect(context.state.trail).toEqual(['a>', 'b>', 'c>', 'route', '<c', '<b', '<a']);
    expect(response).toEqual({ status: 200, body: 'x', headers: { 'x-c': '200', 'x-b': '200', 'x-a': '200' } });
  });

  it('applies middleware added after the routes, and after the first request, to every request', async () => {
    const router = createRouter<State, Credentials>().get('/x', () => ({ status: 200 }));
    expect(await router.handle(request('GET', '/x'), contextWith())).toEqual({ status: 200 });
    router.use(after((response) => ({ ...response, status: 201 })));
    expect(await router.handle(request('GET', '/x'), contextWith())).toEqual({ status: 201 });
  });

  it('wraps the 404 and 405 answers too', async () => {
    const router = createRouter<State, Credentials>().use(traced('a')).post('/x', () => ({ status: 201 }));
    expect(await router.handle(request('GET', '/nowhere'), contextWith())).toMatchObject({ status: 404, headers: { 'x-a': '404' } });
    expect(await router.handle(request('GET', '/x'), contextWith())).toMatchObject({ status: 405, headers: { allow: 'POST', 'x-a': '405' } });
  });

  it('lets a before step short-circuit: the inner layers and the route never see the request', async () => {
    const context = contextWith();
    const router = createRouter<State, Credentials>()
      .use(traced('outer'))
      .use(before((req, { credentials }) => (req.header('x-token') === credentials.token ? undefined : { status: 401, body: 'no' })))
      .use(traced('inner'))
      .get('/x', (_request, { state }) => {
        state.trail.push('route');
        return { status: 200 };
      });
    const refused = await router.handle(request('GET', '/x'), context);
    expect(refused).toEqual({ status: 401, body: 'no', headers: { 'x-outer': '401' } });
    expect(context.state.trail).toEqual(['outer>', '<outer']);
    const allowed = await router.handle(createSimRequest({ target: '/x', headers: { 'x-token': 't' } }), contextWith());
    expect(allowed.status).toBe(200);
  });

  it('accepts async before steps', async () => {
    const router = createRouter<State, Credentials>()
      .use(before(async (req) => (req.query.has('stop') ? { status: 418 } : undefined)))
      .get('/x', () => ({ status: 200 }));
    expect((await router.handle(request('GET', '/x?stop'), contextWith())).status).toBe(418);
    expect((await router.handle(request('GET', '/x'), contextWith())).status).toBe(200);
  });

  it('passes a rewritten request on to the inner layers; outer after steps still see the original', async () => {
    const seen: string[] = [];
    const router = createRouter<State, Credentials>()
      .use(after((response, req) => {
        seen.push(`after saw ${req.path}`);
        return response;
      }))
      .use((req, _context, next) => (req.path.startsWith('/gw/') ? next({ ...req, path: req.path.slice(3) }) : next()))
      .get('/issue/:key', (req, { params }) => ({ status: 200, body: { path: req.path, key: params.key, query: req.query.get('q') } }));
    const response = await router.handle(request('GET', '/gw/issue/HD-1?q=1'), contextWith());
    expect(response.body).toEqual({ path: '/issue/HD-1', key: 'HD-1', query: '1' });
    expect(seen).toEqual(['after saw /gw/issue/HD-1']);
  });

  it('turns a SimResponseError thrown by a route into the response outer middleware see', async () => {
    const router = createRouter<State, Credentials>()
      .use(after((response) => ({ ...response, headers: { 'x-decorated': 'yes' } })))
      .get('/x', () => {
        throw new SimResponseError({ status: 403, body: { error: 'forbidden' } });
      });
    expect(await router.handle(request('GET', '/x'), contextWith())).toEqual({ status: 403, body: { error: 'forbidden' }, headers: { 'x-decorated': 'yes' } });
  });

  it('turns a SimResponseError thrown by a middleware into that layer\'s response', async () => {
    const context = contextWith();
    const router = createRouter<State, Credentials>()
      .use(traced('outer'))
      .use(() => {
        throw new SimResponseError({ status: 429, body: 'slow down' });
      })
      .get('/x', (_request, { state }) => {
        state.trail.push('route');
        return { status: 200 };
      });
    expect(await router.handle(request('GET', '/x'), context)).toEqual({ status: 429, body: 'slow down', headers: { 'x-outer': '429' } });
    expect(context.state.trail).toEqual(['outer>', '<outer']);
  });

  it('also answers a SimResponseError thrown by the outermost middleware', async () => {
    const router = createRouter<State, Credentials>().use(() => {
      throw new SimResponseError({ status: 503 });
    });
    expect(await router.handle(request('GET', '/x'), contextWith())).toEqual({ status: 503 });
  });

  it('lets other errors through every layer, running their finally blocks, and skips the after steps', async () => {
    const cleanup: string[] = [];
    const decorated: string[] = [];
    const router = createRouter<State, Credentials>()
      .use(after((response) => {
        decorated.push('outer');
        return response;
      }))
      .use(async (_request, _context, next) => {
        try {
          return await next();
        } finally {
          cleanup.push('released');
        }
      })
      .get('/boom', () => {
        throw new TypeError('route broke');
      });
    await expect(router.handle(request('GET', '/boom'), contextWith())).rejects.toThrow('route broke');
    expect(cleanup).toEqual(['released']);
    expect(decorated).toEqual([]);
  });

  it('lets a middleware catch an inner error and answer instead', async () => {
    const router = createRouter<State, Credentials>()
      .use(async (_request, _context, next) => {
        try {
          return await next();
        } catch (error) {
          return { status: 500, body: { wrapped: (error as Error).message } };
        }
      })
      .use(() => {
        throw new Error('middleware broke');
      });
    expect(await router.handle(request('GET', '/x'), contextWith())).toEqual({ status: 500, body: { wrapped: 'middleware broke' } });
  });

  it('refuses a second call of next()', async () => {
    let routeCalls = 0;
    const router = createRouter<State, Credentials>()
      .use(async (_request, _context, next) => {
        await next();
        return next();
      })
      .get('/x', () => {
        routeCalls += 1;
        return { status: 201 };
      });
    await expect(router.handle(request('GET', '/x'), contextWith())).rejects.toThrow('middleware 1 of 1 called next() twice for GET /x');
    expect(routeCalls).toBe(1);
  });
});

describe('composeMiddleware', () => {
  it('builds a pipeline around any handler, with the same rules', async () => {
    const context = contextWith();
    const handler = (): SimResponse => {
      throw new SimResponseError({ status: 404, body: 'missing' });
    };
    const pipeline = composeMiddleware<State, Credentials>([traced('a'), before(() => undefined), after((response) => ({ ...response, body: `${String(response.body)}!` }))], handler);
    expect(await pipeline(request('GET', '/'), context)).toEqual({ status: 404, body: 'missing!', headers: { 'x-a': '404' } });
    expect(context.state.trail).toEqual(['a>', '<a']);
  });

  it('answers straight from the handler without middleware', async () => {
    const pipeline = composeMiddleware<State, Credentials>([], () => ({ status: 204 }));
    expect(await pipeline(request('GET', '/'), contextWith())).toEqual({ status: 204 });
  });

  it('copies the middleware list: later changes to the array do not apply', async () => {
    const list: Middleware<State, Credentials>[] = [];
    const pipeline = composeMiddleware(list, () => ({ status: 200 }));
    list.push(before(() => ({ status: 500 })));
    expect(await pipeline(request('GET', '/'), contextWith())).toEqual({ status: 200 });
  });
});
