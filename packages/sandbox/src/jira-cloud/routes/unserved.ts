/**
 * Paths that are literal in Jira's OpenAPI document but that a `{param}` route of the simulator
 * would otherwise take for an id — `/project/type` is not the project with key `type`. The simulator
 * does not serve these operations, so it answers them as it answers any path it does not know: the
 * router's unknown-route 404 (`null for uri: …`), for every method. The router prefers a literal
 * segment to a `:param`, so these need no particular order; the spec test checks that no literal
 * path of the spec reaches a `{param}` route.
 *
 * @module
 */
import { unknownRoute } from '../errors.js';
import type { JiraRouter } from './context.js';

/** The literal spec paths the simulator does not serve that a `{param}` route would take. */
export const UNSERVED_LITERAL_PATHS: readonly string[] = [
  '/rest/api/3/issue/archive',
  '/rest/api/3/issue/createmeta',
  '/rest/api/3/issue/unarchive',
  '/rest/api/3/issuetype/project',
  '/rest/api/3/project/recent',
  '/rest/api/3/project/type',
  '/rest/api/3/resolution/search',
];

/** Adds the unknown-route answer for {@link UNSERVED_LITERAL_PATHS}. */
export function unservedRoutes(router: JiraRouter): void {
  for (const path of UNSERVED_LITERAL_PATHS) {
    router.route(['GET', 'POST', 'PUT', 'PATCH', 'DELETE'], path, (request, context) => unknownRoute(context.url, request.path));
  }
}
