/**
 * The write counter: every request that may change the state moves {@link JiraState.version} before
 * and after its route runs, so look-ups derived from the state (sub-tasks, links, the sorted result
 * a search pages through) are never served from before the write. Reading is `GET`, `HEAD` and
 * `OPTIONS`, and the searches and lists Jira takes as a `POST` body; anything else counts as a write
 * (a refused one too: a spare rebuild is cheap, a stale answer is wrong).
 *
 * @module
 */
import type { Middleware } from '../middleware.js';
import type { SimRequest } from '../simulator.js';
import type { JiraCredentials } from './auth.js';
import { store, type JiraState } from './store.js';

/** `POST` routes that only read (any REST version: v2 shares v3's routes). */
const READ_ONLY_POSTS = [
  /^\/rest\/api\/[^/]+\/search\/jql$/u,
  /^\/rest\/api\/[^/]+\/search\/approximate-count$/u,
  /^\/rest\/api\/[^/]+\/jql\/parse$/u,
  /^\/rest\/api\/[^/]+\/issue\/[^/]+\/changelog\/list$/u,
  /^\/rest\/api\/[^/]+\/comment\/list$/u,
  /^\/rest\/api\/[^/]+\/worklog\/list$/u,
  /^\/rest\/api\/[^/]+\/issue\/watching$/u,
];

/** Whether a request only reads the state. */
export function isReadOnly(request: SimRequest): boolean {
  if (request.method === 'GET' || request.method === 'HEAD' || request.method === 'OPTIONS') return true;
  return request.method === 'POST' && READ_ONLY_POSTS.some((pattern) => pattern.test(request.path));
}

/** Moves the state's version before and after every request that may write. */
export const countWrites: Middleware<JiraState, JiraCredentials> = async (request, { state }, next) => {
  if (isReadOnly(request)) return next();
  store.touch(state);
  try {
    return await next();
  } finally {
    store.touch(state);
  }
};
