import { describe, expect, expectTypeOf, it } from 'vitest';
import { createSimRequest } from '../src/request.js';
import { createRouter, type PathParams } from '../src/router.js';
import type { HandlerContext, SimResponse } from '../src/simulator.js';

interface State {
  readonly name: string;
}
const context: HandlerContext<State, { readonly token: string }> = {
  provider: 'toy',
  url: 'http://127.0.0.1:1',
  state: { name: 'toy' },
  credentials: { token: 't' },
  seed: 's',
};

async function run(router: ReturnType<typeof createRouter<State, { readonly token: string }>>, method: string, target: string): Promise<SimResponse> {
  return router.handle(createSimRequest({ method, target }), context);
}

describe('createRouter', () => {
  it('matches literal segments and decodes :params', async () => {
    const router = createRouter<State, { readonly token: string }>().get('/rest/api/3/issue/:idOrKey/comment/:id', (request, { params, state }) => ({
      status: 200,
      body: { params, path: request.path, state: state.name },
    }));
    const response = await run(router, 'GET', '/rest/api/3/issue/HD%2D1/comment/10%20001?expand=x');
    expect(response).toEqual({ status: 200, body: { params: { idOrKey: 'HD-1', id: '10 001' }, path: '/rest/api/3/issue/HD%2D1/comment/10%20001', state: 'toy' } });
  });

  it('types params from the pattern', () => {
    expectTypeOf<PathParams<'/a/:x/b/:y'>>().toEqualTypeOf<{ readonly x: string; readonly y: string }>();
    expectTypeOf<PathParams<'/a/b'>>().toEqualTypeOf<{}>();
    createRouter<State>().get('/issue/:key', (_request, { params }) => {
      expectTypeOf(params).toEqualTypeOf<{ readonly key: string }>();
      return { status: 200 };
    });
  });

  it('prefers the most specific pattern, then the order of adding', async () => {
    const router = createRouter<State, { readonly token: string }>()
      .get('/issue/:key', () => ({ status: 200, body: 'by key' }))
      .get('/issue/picker', () => ({ status: 200, body: 'picker' }))
      .get('/issue/picker', () => ({ status: 200, body: 'never' }))
      .get('/:kind/:id/comment', () => ({ status: 200, body: 'any comments' }))
      .get('/issue/:id/comment', () => ({ status: 200, body: 'issue comments' }))
      .delete('/issue/:key', () => ({ status: 204 }));
    expect((await run(router, 'GET', '/issue/picker')).body).toBe('picker');
    expect((await run(router, 'GET', '/issue/HD-1')).body).toBe('by key');
    expect((await run(router, 'GET', '/issue/HD-1/comment')).body).toBe('issue comments');
    expect((await run(router, 'GET', '/project/1/comment')).body).toBe('any comments');
    // The literal route owns its path: a method it lacks is a 405, not the param route's answer.
    expect(await run(router, 'DELETE', '/issue/picker')).toMatchObject({ status: 405, headers: { allow: 'GET, HEAD' } });
    expect((await run(router, 'DELETE', '/issue/HD-1')).status).toBe(204);
  });

  it('tells which route would answer a path (resolve), without running it', () => {
    const router = createRouter<State, { readonly token: string }>()
      .get('/issue/:key', () => ({ status: 200 }))
      .get('/issue/picker', () => ({ status: 200 }));
    expect(router.resolve('GET', '/issue/picker?query=x')).toBe('/issue/picker');
    expect(router.resolve('get', '/issue/HD-1')).toBe('/issue/:key');
    expect(router.resolve('HEAD', '/issue/HD-1')).toBe('/issue/:key');
    expect(router.resolve('POST', '/issue/HD-1')).toBeUndefined();
    expect(router.resolve('GET', '/nothing')).toBeUndefined();
  });

  it('does not match a different number of segments, an empty param or bad percent-encoding', async () => {
    const router = createRouter<State, { readonly token: string }>().get('/issue/:key', () => ({ status: 200 }));
    expect((await run(router, 'GET', '/issue')).status).toBe(404);
    expect((await run(router, 'GET', '/issue/')).status).toBe(404);
    expect((await run(router, 'GET', '/issue/a/b')).status).toBe(404);
    expect((await run(router, 'GET', '/issue/%E0%A4%A')).status).toBe(404);
  });

  it('answers 404 and 405 (with Allow) by default', async () => {
    const router = createRouter<State, { readonly token: string }>()
      .get('/notes', () => ({ status: 200 }))
      .route(['POST', 'PUT'], '/notes', () => ({ status: 201 }));
    expect(await run(router, 'GET', '/nothing')).toEqual({ status: 404, body: { error: 'Not Found', message: 'No route for GET /nothing' } });
    expect(await run(router, 'DELETE', '/notes')).toEqual({
      status: 405,
      headers: { allow: 'GET, POST, PUT, HEAD' },
      body: { error: 'Method Not Allowed', message: 'DELETE is not allowed on /notes (allowed: GET, POST, PUT, HEAD)' },
    });
    expect((await run(router, 'PUT', '/notes')).status).toBe(201);
  });

  it('lets a simulator replace the 404 and 405 answers', async () => {
    const router = createRouter<State, { readonly token: string }>({
      notFound: (request, { state }) => ({ status: 404, body: { errorMessages: [`${state.name}: ${request.path}`] } }),
      methodNotAllowed: (_request, _context, allowed) => ({ status: 405, body: { allowed } }),
    }).post('/x', () => ({ status: 201 }));
    expect(await run(router, 'GET', '/y')).toEqual({ status: 404, body: { errorMessages: ['toy: /y'] } });
    expect(await run(router, 'GET', '/x')).toEqual({ status: 405, body: { allowed: ['POST'] } });
  });

  it('serves HEAD from the GET route unless a HEAD route exists', async () => {
    const router = createRouter<State, { readonly token: string }>()
      .get('/a', () => ({ status: 200, body: 'get a' }))
      .get('/b', () => ({ status: 200, body: 'get b' }))
      .route('HEAD', '/b', () => ({ status: 204 }));
    expect(await run(router, 'HEAD', '/a')).toEqual({ status: 200, body: 'get a' });
    expect(await run(router, 'HEAD', '/b')).toEqual({ status: 204 });
  });

  it('rejects bad patterns', () => {
    expect(() => createRouter<State>().get('no-slash', () => ({ status: 200 }))).toThrow('must start with "/"');
    expect(() => createRouter<State>().get('/a/:', () => ({ status: 200 }))).toThrow('bad param name ":"');
    expect(() => createRouter<State>().route([], '/a', () => ({ status: 200 }))).toThrow('at least one method');
  });
});

describe('createSimRequest', () => {
  it('splits path and query, lower-cases headers and decodes the body', () => {
    const request = createSimRequest({ method: 'post', target: '/a%20b?x=1&x=2&y=', headers: { 'Content-Type': 'application/json', 'X-Multi': ['a', 'b'] }, body: '{"a":1}' });
    expect(request.method).toBe('POST');
    expect(request.path).toBe('/a%20b');
    expect(request.query.getAll('x')).toEqual(['1', '2']);
    expect(request.headers).toEqual({ 'content-type': 'application/json', 'x-multi': 'a, b' });
    expect(request.header('CONTENT-TYPE')).toBe('application/json');
    expect(request.text()).toBe('{"a":1}');
    expect(request.json()).toEqual({ a: 1 });
    expect(() => createSimRequest({ target: '/' }).json()).toThrow(SyntaxError);
    expect(() => createSimRequest({ target: 'x' })).toThrow('must start with "/"');
  });
});
