/**
 * The issue picker: `GET /rest/api/3/issue/picker?query=` (`IssuePickerSuggestions`), what a bot
 * uses to let someone pick "the ticket about the VPN" from a few words or a key prefix.
 *
 * Sections as Jira answers them: `History Search` (`hs`) with the issues whose key starts with the
 * query or whose summary holds every word of it, and, when `currentJQL` is given, `Current Search`
 * (`cs`) with the matches among that query's issues. `currentIssueKey` is left out of both;
 * sub-tasks only with `showSubTasks` (default true). At most {@link PICKER_LIMIT} issues a section;
 * `sub` says how many matched.
 *
 * @module
 */
import { booleanParam } from '../../readers.js';
import { SimResponseError } from '../../simulator.js';
import { escapeHtml } from '../adf.js';
import { catalog } from '../catalog.js';
import { jiraError } from '../errors.js';
import { browsableIssues, compileIssueQuery } from '../jql-fields.js';
import { JqlError } from '../jql/index.js';
import type { View } from '../serialize.js';
import type { Issue } from '../store.js';
import { authenticated, type JiraRouter } from './context.js';

/** The most issues a picker section lists. */
export const PICKER_LIMIT = 20;

function words(text: string): string[] {
  return text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((word) => word !== '');
}

function matches(issue: Issue, query: string): boolean {
  const wanted = words(query);
  if (wanted.length === 0) return true;
  if (issue.key.toLowerCase().startsWith(query.trim().toLowerCase())) return true;
  const summary = words(issue.summary);
  return wanted.every((word) => summary.some((candidate) => candidate.startsWith(word)));
}

/** The summary as HTML with the query's words in bold, as the picker shows it. */
function highlighted(summary: string, query: string): string {
  const wanted = words(query);
  return summary
    .split(/([^\p{L}\p{N}]+)/u)
    .map((part) => (wanted.some((word) => part.toLowerCase().startsWith(word)) ? `<b>${escapeHtml(part)}</b>` : escapeHtml(part)))
    .join('');
}

function suggestion(view: View, issue: Issue, query: string): Record<string, unknown> {
  const type = catalog.issueType(issue.issueTypeId);
  return {
    id: issue.id,
    key: issue.key,
    keyHtml: issue.key,
    img: `/rest/api/2/universal_avatar/view/type/issuetype/avatar/${type?.avatarId ?? 10318}?size=medium`,
    summary: highlighted(issue.summary, query),
    summaryText: issue.summary,
  };
}

function section(view: View, label: string, id: string, found: readonly Issue[], query: string): Record<string, unknown> {
  const shown = found.slice(0, PICKER_LIMIT);
  return { label, sub: `Showing ${shown.length} of ${found.length} matching issues`, id, issues: shown.map((issue) => suggestion(view, issue, query)) };
}

/** Adds the issue picker route. */
export function pickerRoutes(router: JiraRouter): void {
  router.get('/rest/api/3/issue/picker', (request, context) => {
    const { view } = authenticated(request, context);
    const query = request.query.get('query') ?? '';
    const current = request.query.get('currentIssueKey')?.toUpperCase();
    const projectId = request.query.get('currentProjectId');
    const subtasks = booleanParam(request, 'showSubTasks', true);
    const eligible = (issue: Issue) =>
      issue.key !== current && (projectId === null || issue.projectId === projectId) && (subtasks || issue.parentId === null) && matches(issue, query);
    const newestFirst = (a: Issue, b: Issue) => b.updated - a.updated || b.id - a.id;
    const sections = [section(view, 'History Search', 'hs', browsableIssues(view).filter(eligible).sort(newestFirst), query)];
    const jql = request.query.get('currentJQL');
    if (jql !== null && jql.trim() !== '') {
      try {
        const compiled = compileIssueQuery(view, jql);
        sections.push(section(view, 'Current Search', 'cs', compiled.select(browsableIssues(view)).filter(eligible), query));
      } catch (error) {
        if (error instanceof JqlError) throw new SimResponseError(jiraError(400, error.errorMessages));
        throw error;
      }
    }
    return { status: 200, body: { sections } };
  });
}
