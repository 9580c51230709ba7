/**
 * The Jira Cloud simulator: platform REST v3 and Jira Service Management over one store, with
 * Jira's authentication, XSRF rule, rate limiting (off by default), error bodies and an
 * `X-AREQUESTID` header on every answer.
 *
 * @module
 */
import { createHash } from 'node:crypto';
import { SandboxError } from '../errors.js';
import { createRouter } from '../router.js';
import { defineSimulator, SimResponseError, type SimRequest, type SimResponse, type SimSample } from '../simulator.js';
import { callerOf, type JiraCredentials } from './auth.js';
import { jiraError } from './errors.js';
import { checkXsrf } from './http.js';
import { takeRateLimit } from './rate-limit.js';
import { attachmentRoutes } from './routes/attachments.js';
import { commentRoutes } from './routes/comments.js';
import type { JiraContext } from './routes/context.js';
import { issueRoutes } from './routes/issues.js';
import { metaRoutes } from './routes/meta.js';
import { searchRoutes } from './routes/search.js';
import { serviceDeskRoutes } from './routes/servicedesk.js';
import { transitionRoutes } from './routes/transitions.js';
import { userRoutes } from './routes/users.js';
import { apiToken, seedState, serviceAccountEmail } from './seed.js';
import { store, type JiraState } from './store.js';

/** What `sb.connectorOptions('jira-cloud')` returns: everything `createJiraConnector` needs. */
export interface JiraConnectorOptions {
  /** The site URL (a bare origin). */
  readonly baseUrl: string;
  /** The service account's e-mail address. */
  readonly email: string;
  /** Its API token. */
  readonly apiToken: string;
  /** The JSM project key (`HELP`). */
  readonly projectKey: string;
  /** The service desk id of that project. */
  readonly serviceDeskId: string;
  /** The default request type (`Get IT help`). */
  readonly requestTypeId: string;
}

const router = createRouter<JiraState, JiraCredentials>({
  notFound: (request, context) => jiraError(404, [`null for uri: ${context.url}${request.path}`]),
  methodNotAllowed: (_request, _context, allowed) => ({ status: 405, headers: { allow: allowed.join(', ') }, body: '' }),
});
issueRoutes(router);
transitionRoutes(router);
commentRoutes(router);
attachmentRoutes(router);
searchRoutes(router);
userRoutes(router);
metaRoutes(router);
serviceDeskRoutes(router);

function requestId(seed: string, state: JiraState): string {
  state.counters.requestId += 1;
  const hex = createHash('sha1').update(`${seed}:${state.counters.requestId}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/**
 * The sandbox site's cloud id, derived from the seed: what `GET /_edge/tenant_info` answers, and what
 * scoped-token clients put in the gateway path `/ex/jira/{cloudId}/...`, which this server also serves.
 */
export function sandboxCloudId(seed: string): string {
  const hex = createHash('sha1').update(`${seed}:jira-cloud:cloud-id`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const GATEWAY_PATH = /^\/ex\/jira\/([^/]+)(\/.*)$/;

async function answer(original: SimRequest, context: JiraContext): Promise<SimResponse> {
  let request = original;
  const cloudId = sandboxCloudId(context.seed);
  if (request.path === '/_edge/tenant_info') return { status: 200, body: { cloudId } };
  // The api.atlassian.com gateway: /ex/jira/{cloudId}/rest/... is the site's /rest/... .
  const gateway = GATEWAY_PATH.exec(request.path);
  if (gateway) {
    if (gateway[1] !== cloudId) return { status: 404, body: { code: 404, message: 'Site not found for this cloud id' } };
    request = { ...request, path: gateway[2]! };
  }
  try {
    const limited = takeRateLimit(context.state.rateLimit, Date.now());
    if (limited !== undefined) return limited;
    checkXsrf(request);
    return withLoginReason(await routed(request, context), callerOf(request, context).credentialsFailed);
  } catch (error) {
    if (error instanceof SimResponseError) return error.response;
    throw error;
  }
}

async function routed(request: SimRequest, context: JiraContext): Promise<SimResponse> {
  try {
    return await router.handle(request, context);
  } catch (error) {
    if (error instanceof SimResponseError) return error.response;
    throw error;
  }
}

/**
 * Jira's login filter marks every answer to refused credentials with `X-Seraph-LoginReason:
 * AUTHENTICATED_FAILED` — the 401s, and the 200s of endpoints that then answer anonymously (search,
 * user search, server info), which is how a client tells an expired token from an empty result.
 */
function withLoginReason(response: SimResponse, credentialsFailed: boolean): SimResponse {
  if (!credentialsFailed || Object.keys(response.headers ?? {}).some((name) => name.toLowerCase() === 'x-seraph-loginreason')) return response;
  return { ...response, headers: { ...response.headers, 'x-seraph-loginreason': 'AUTHENTICATED_FAILED' } };
}

/** The Jira Cloud simulator. */
export const jiraCloudSimulator = defineSimulator({
  provider: 'jira-cloud',
  title: 'Jira Cloud',
  createState: ({ random, seed, tickets, seededUntil }): JiraState => seedState({ random, seed, tickets, seededUntil }),
  credentials: ({ random, seed }): JiraCredentials => ({ email: serviceAccountEmail(seed), apiToken: apiToken(random) }),
  connectorOptions: ({ url, credentials, state }): JiraConnectorOptions => ({
    baseUrl: url,
    email: credentials.email,
    apiToken: credentials.apiToken,
    projectKey: state.facts.serviceProjectKey,
    serviceDeskId: state.facts.serviceDeskId,
    requestTypeId: state.facts.requestTypeId,
  }),
  sample: ({ state }): SimSample => {
    const { knownRequester, agent, requesterTicket } = state.facts;
    const ticket = store.issue(state, requesterTicket);
    if (ticket === undefined) throw new SandboxError(`The sample ticket ${requesterTicket} no longer exists (deleted by a test?); sandbox.reset() brings it back.`);
    return { requesterEmail: knownRequester.email, requesterName: knownRequester.displayName, ticketKey: ticket.key, ticketId: String(ticket.id), agentEmail: agent.email };
  },
  handle: async (request, context) => {
    const response = await answer(request, context);
    const user = callerOf(request, context).user;
    const headers: Record<string, string | readonly string[]> = { 'x-arequestid': requestId(context.seed, context.state), ...(user === undefined ? {} : { 'x-aaccountid': user.accountId }) };
    for (const [name, value] of Object.entries(response.headers ?? {})) headers[name.toLowerCase()] = value;
    const isJson = typeof response.body === 'object' && response.body !== null && !(response.body instanceof Uint8Array);
    if (isJson && headers['content-type'] === undefined) headers['content-type'] = 'application/json;charset=UTF-8';
    return { ...response, headers };
  },
});
