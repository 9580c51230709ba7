/**
 * Changelogs — who changed what on an issue, and when: `GET /rest/api/3/issue/{key}/changelog`
 * (`PageBeanChangelog`, oldest first, `startAt`/`maxResults` default 100) and
 * `POST /rest/api/3/issue/{key}/changelog/list` (`{ changelogIds }` → `PageOfChangelogs`). The same
 * entries come with an issue's `expand=changelog`.
 *
 * @module
 */
import { failJira } from '../errors.js';
import { platformReader } from '../http.js';
import { historyJson } from '../serialize.js';
import { authenticated, browseIssue, pageBean, type JiraRouter } from './context.js';

/** The most changelog ids `/changelog/list` takes. */
export const MAX_CHANGELOG_IDS = 1000;

/** Adds the changelog routes. */
export function changelogRoutes(router: JiraRouter): void {
  router
    .get('/rest/api/3/issue/:issueIdOrKey/changelog', (request, context) => {
      const { view } = authenticated(request, context);
      const issue = browseIssue(view, context.params.issueIdOrKey);
      const startAt = platformReader.integer(request, 'startAt', 0, { min: 0 });
      const maxResults = platformReader.integer(request, 'maxResults', 100, { min: 1 });
      return { status: 200, body: pageBean(view, `/rest/api/3/issue/${issue.key}/changelog`, issue.changelog, startAt, maxResults, (history) => historyJson(view, history)) };
    })
    .post('/rest/api/3/issue/:issueIdOrKey/changelog/list', (request, context) => {
      const { view } = authenticated(request, context);
      const issue = browseIssue(view, context.params.issueIdOrKey);
      const body = platformReader.jsonObject(request);
      const ids = body.changelogIds;
      if (!Array.isArray(ids) || ids.length === 0 || !ids.every((id) => typeof id === 'number' && Number.isInteger(id))) {
        return failJira(400, ['changelogIds must be a non-empty list of changelog ids.']);
      }
      if (ids.length > MAX_CHANGELOG_IDS) return failJira(400, [`The number of changelog ids must not exceed ${MAX_CHANGELOG_IDS}.`]);
      const histories = issue.changelog.filter((history) => (ids as number[]).includes(history.id)).map((history) => historyJson(view, history));
      return { status: 200, body: { startAt: 0, maxResults: histories.length, total: histories.length, histories } };
    });
}
