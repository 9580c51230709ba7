/**
 * The headers Jira Cloud puts on its answers: `X-AREQUESTID` (and `X-AACCOUNTID` for an
 * authenticated caller) on every one, its JSON content type, and the login filter's
 * `X-Seraph-LoginReason: AUTHENTICATED_FAILED` on the answers to refused credentials.
 *
 * @module
 */
import { createHash } from 'node:crypto';
import { withDefaultHeaders } from '../headers.js';
import { after, type Middleware } from '../middleware.js';
import { callerOf, type JiraCredentials } from './auth.js';
import type { JiraState } from './store.js';

/** The next request id: a UUID-shaped hash of the seed and a counter in the state, so that it is deterministic. */
function requestId(seed: string, state: JiraState): string {
  state.counters.requestId += 1;
  const hex = createHash('sha1').update(`${seed}:${state.counters.requestId}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/**
 * Every answer (error answers included) carries `X-AREQUESTID`, and `X-AACCOUNTID` when the caller is
 * authenticated; a JSON body without a content type gets Jira's `application/json;charset=UTF-8`.
 */
export const jiraHeaders: Middleware<JiraState, JiraCredentials> = after((response, request, context) => {
  const user = callerOf(request, context).user;
  const isJson = typeof response.body === 'object' && response.body !== null && !(response.body instanceof Uint8Array);
  return withDefaultHeaders(response, {
    'x-arequestid': requestId(context.seed, context.state),
    'x-aaccountid': user?.accountId,
    'content-type': isJson ? 'application/json;charset=UTF-8' : undefined,
  });
});

/**
 * Jira's login filter marks every answer to refused credentials with `X-Seraph-LoginReason:
 * AUTHENTICATED_FAILED` — the 401s, and the 200s of endpoints that then answer anonymously (search,
 * user search, server info), which is how a client tells an expired token from an empty result.
 */
export const loginReason: Middleware<JiraState, JiraCredentials> = after((response, request, context) =>
  callerOf(request, context).credentialsFailed ? withDefaultHeaders(response, { 'x-seraph-loginreason': 'AUTHENTICATED_FAILED' }) : response,
);
