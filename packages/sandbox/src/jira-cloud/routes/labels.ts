/**
 * Labels: `GET /rest/api/3/label` (`PageBeanString`: every label on the site's issues, sorted,
 * `startAt`/`maxResults` default 1000). Labels are put on issues through their `labels` field, on
 * create and edit (`fields.labels`, or `update.labels` with `add`, `remove` and `set`).
 *
 * @module
 */
import { platformReader } from '../http.js';
import { authenticated, pageBean, type JiraRouter } from './context.js';

/** Adds the label route. */
export function labelRoutes(router: JiraRouter): void {
  router.get('/rest/api/3/label', (request, context) => {
    const { view } = authenticated(request, context);
    const labels = [...new Set([...context.state.issues.values()].flatMap((issue) => issue.labels))].sort();
    const startAt = platformReader.integer(request, 'startAt', 0, { min: 0 });
    const maxResults = platformReader.integer(request, 'maxResults', 1000, { min: 1 });
    return { status: 200, body: pageBean(view, '/rest/api/3/label', labels, startAt, maxResults, (label) => label) };
  });
}
