/**
 * How the Autotask simulator reads requests, as the live service (ASP.NET Web API on IIS) does:
 *
 * - paths in any case (`/atservicesrest/v1.0/tickets/query` and `/ATServicesRest/V1.0/Tickets/query`
 *   are one route), a trailing slash and doubled slashes ignored: the {@link normalizePath}
 *   middleware rewrites the path to its lower-case, single-slash form before anything else sees it,
 *   so every route is declared in lower case;
 * - JSON bodies and the `search` parameter read strictly, a bad one answered with Autotask's 500
 *   `{"errors": [...]}` in the wording of its JSON reader.
 *
 * @module
 */
import type { Middleware } from '../middleware.js';
import { createRequestReaders, type RequestProblem } from '../readers.js';
import type { SimRequest } from '../simulator.js';
import type { AutotaskCredentials } from './auth.js';
import { autotaskError, FILTER_REQUIRED, failAutotask } from './errors.js';
import type { AutotaskState } from './store.js';

function problemMessage(problem: RequestProblem): string {
  switch (problem.kind) {
    case 'empty-body':
      return 'Value cannot be null.\r\nParameter name: restModelInput';
    case 'malformed-json':
      return `Unexpected character encountered while parsing value: ${problem.detail}`;
    case 'not-an-object':
      return 'Cannot deserialize the current JSON value into the entity model because it is not a JSON object.';
    default:
      return problem.message;
  }
}

/** Strict readers answering a bad input with Autotask's 500. */
export const read = createRequestReaders((problem) => autotaskError([problemMessage(problem)]));

/** The JSON of a query: the body of a POST, the `search` parameter of a GET; missing is the "filter is null" 500. */
export function queryJson(request: SimRequest): unknown {
  if (request.method === 'POST') {
    if (request.text().trim() === '') failAutotask(FILTER_REQUIRED);
    return read.json(request);
  }
  const search = request.query.get('search');
  if (search === null || search.trim() === '') failAutotask(FILTER_REQUIRED);
  try {
    return JSON.parse(search) as unknown;
  } catch (error) {
    return failAutotask(`Unexpected character encountered while parsing value: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** The path as routes see it: lower case, doubled slashes collapsed, no trailing slash. */
export function canonicalPath(path: string): string {
  const collapsed = path.replace(/\/{2,}/gu, '/').toLowerCase();
  return collapsed.length > 1 && collapsed.endsWith('/') ? collapsed.slice(0, -1) : collapsed;
}

/** Rewrites every request's path to {@link canonicalPath}. */
export const normalizePath: Middleware<AutotaskState, AutotaskCredentials> = (request, _context, next) => {
  const path = canonicalPath(request.path);
  return path === request.path ? next() : next({ ...request, path });
};
