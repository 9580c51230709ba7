/**
 * How the Ivanti simulator reads requests and dresses answers: the request readers with Ivanti's
 * 400s (`$top` over 100 answers ASP.NET OData's "The limit of '100' for Top query has been
 * exceeded"), the tenant's `/HEAT` prefix, and the content types.
 *
 * @module
 */
import { withDefaultHeaders } from '../headers.js';
import { after, type Middleware } from '../middleware.js';
import { createRequestReaders, type RequestProblem } from '../readers.js';
import type { SimResponse } from '../simulator.js';
import type { IvantiCredentials } from './auth.js';
import { badRequest } from './errors.js';
import type { IvantiState } from './store.js';
import { linkTarget, loginPage, missingPage } from './web.js';

/** The largest `$top` Ivanti accepts. */
export const MAX_TOP = 100;
/** The page size when `$top` is not given. */
export const DEFAULT_TOP = 25;

function problemMessage(problem: RequestProblem): string {
  switch (problem.kind) {
    case 'empty-body':
      return 'Message body cannot be empty.';
    case 'out-of-range':
      if (problem.parameter === '$top' && problem.value > MAX_TOP) {
        return `The limit of '${MAX_TOP}' for Top query has been exceeded. The value from the incoming request is '${problem.value}'.`;
      }
      return `Invalid value '${problem.value}' for the query option '${problem.parameter}'.`;
    case 'not-an-integer':
      return `Invalid value '${problem.value}' for the query option '${problem.parameter}'.`;
    default:
      return problem.message;
  }
}

/** Readers that answer a bad input with 400 ISM_4000 "Invalid Request Payload". */
export const read = createRequestReaders((problem) => badRequest(problemMessage(problem)));

/**
 * The tenant's path prefix. On a `/HEAT` tenant (the default) `/HEAT/api/...` goes on as
 * `/api/...`, and a path without the prefix gets the 200 HTML login page a real tenant's web
 * server answers (which is why a base-path probe must check for CSDL, not for a 200). On a tenant
 * without the prefix, `/HEAT/...` is a 404 HTML page.
 */
export const basePath: Middleware<IvantiState, IvantiCredentials> = (request, context, next) => {
  const prefixed = /^\/heat(?=\/|$)/iu.exec(request.path);
  const wanted = context.state.settings.basePath;
  if (prefixed !== null) {
    if (wanted === '') return missingPage();
    return next({ ...request, path: request.path.slice(prefixed[0].length) || '/' });
  }
  if (wanted !== '') return loginPage(context.state, linkTarget(context.state, request));
  return next();
};

/** JSON answers carry OData's content type under `/api/odata`, plain JSON elsewhere. */
export const ivantiHeaders: Middleware<IvantiState, IvantiCredentials> = after((response: SimResponse, request) => {
  const isJson = typeof response.body === 'object' && response.body !== null && !(response.body instanceof Uint8Array);
  if (!isJson) return response;
  const odata = /^(?:\/heat)?\/api\/odata\//iu.test(request.path);
  return withDefaultHeaders(response, {
    'content-type': odata ? 'application/json; odata.metadata=minimal; odata.streaming=true; charset=utf-8' : 'application/json; charset=utf-8',
    'odata-version': odata ? '4.0' : undefined,
  });
});
