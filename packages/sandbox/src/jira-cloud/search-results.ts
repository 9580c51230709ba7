/**
 * The sorted result of an issue search, computed once and kept for the pages that follow: a client
 * paging 100,000 issues asks for the same query a thousand times, and filtering and sorting the
 * store for each page would make the simulator, not the client, the slow part.
 *
 * A result is reused only for the same query text, caller (account, time zone and groups: what the
 * caller may see and how dates read), state {@link JiraState.version} (no write since) and minute
 * (JQL dates compare to the minute, so `now()` and `-1d` mean the same within one), and only for a
 * page that continues a search (`nextPageToken`): a first page always runs the query afresh, so a
 * test that arranged the state directly sees its change. A few results per state are kept, the
 * least recently used dropped first.
 *
 * @module
 */
import { browsableIssues, compileIssueQuery } from './jql-fields.js';
import type { CompiledJql, JqlRanked } from './jql/index.js';
import { zoneOf, type View } from './serialize.js';
import type { Issue, JiraState } from './store.js';

/** A query's matches for a caller, sorted, each with its sort position. */
export interface SearchResult {
  readonly ranked: readonly JqlRanked<Issue>[];
  readonly compiled: CompiledJql<Issue>;
}

interface Entry extends SearchResult {
  readonly version: number;
  readonly minute: number;
}

/** The most results kept per state. */
export const SEARCH_RESULTS_KEPT = 16;

const MINUTE = 60_000;
const kept = new WeakMap<JiraState, Map<string, Entry>>();

function keyOf(view: View, query: string): string {
  const viewer = view.viewer;
  return [viewer?.accountId ?? '', zoneOf(view), viewer?.groups.join(',') ?? '', query].join('\u0001');
}

/**
 * The matches of `query` (bounded, valid JQL) for the view's caller, sorted; from the kept results
 * when `continuing` a search and nothing has changed since. Throws the `JqlError` of a query Jira refuses.
 */
export function searchResult(view: View, query: string, continuing: boolean, now: number = Date.now()): SearchResult {
  const { state } = view;
  let results = kept.get(state);
  if (results === undefined) {
    results = new Map();
    kept.set(state, results);
  }
  const key = keyOf(view, query);
  const minute = Math.floor(now / MINUTE);
  const found = results.get(key);
  results.delete(key);
  if (continuing && found !== undefined && found.version === state.version && found.minute === minute) {
    results.set(key, found);
    return found;
  }
  const compiled = compileIssueQuery(view, query, new Date(now));
  const entry: Entry = { ranked: compiled.rank(browsableIssues(view)), compiled, version: state.version, minute };
  results.set(key, entry);
  for (const oldest of results.keys()) {
    if (results.size <= SEARCH_RESULTS_KEPT) break;
    results.delete(oldest);
  }
  return entry;
}

/** How many results are kept for a state (for tests of the bound). */
export function keptSearchCount(state: JiraState): number {
  return kept.get(state)?.size ?? 0;
}
