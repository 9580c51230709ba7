/**
 * Saved searches: `GET …/businessobject/{set}/{SavedSearchName}?ActionId={guid}` (the ActionId is
 * role-scoped, listed in `$metadata` as a `Function`). "My …" searches resolve against the API
 * key's own account — never the person a bot acts for. No match is a **204**; `$select` keeps
 * every key and blanks the values not selected.
 *
 * @module
 */
import type { Caller } from './auth.js';
import type { SavedSearchDef } from './schema.js';
import type { IvantiState } from './store.js';
import type { Row } from './table.js';

const DONE = new Set(['Resolved', 'Fulfilled', 'Closed', 'Cancelled']);
const WEEK = 7 * 86_400_000;

/** A saved search's rule for the caller, with a key that names it (for the query cache). */
export function savedSearchScope(state: IvantiState, search: SavedSearchDef, caller: Caller): { key: string; test: (row: Row) => boolean } {
  const login = String(caller.employee.LoginID).toLowerCase();
  const open = (row: Row): boolean => !DONE.has(String(row.Status));
  switch (search.kind) {
    case 'mine-open':
      return { key: `${search.name}|${login}`, test: (row) => open(row) && String(row.Owner ?? '').toLowerCase() === login };
    case 'open':
      return { key: search.name, test: open };
    case 'unassigned':
      return { key: search.name, test: (row) => open(row) && (row.Owner === null || row.Owner === '') };
    case 'resolved-this-week': {
      const since = state.clock() - WEEK;
      return { key: `${search.name}|${since}`, test: (row) => typeof row.ResolvedDateTime === 'number' && row.ResolvedDateTime >= since };
    }
  }
}
