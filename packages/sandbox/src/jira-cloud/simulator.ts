/**
 * The Jira Cloud simulator: platform REST v3 and Jira Service Management over one store, with
 * Jira's authentication, XSRF rule, rate limiting (off by default), error bodies and an
 * `X-AREQUESTID` header on every answer.
 *
 * @module
 */
import { SandboxError } from '../errors.js';
import { createRouter } from '../router.js';
import { defineSimulator, type SimSample } from '../simulator.js';
import type { JiraCredentials } from './auth.js';
import { jiraError } from './errors.js';
import { gateway, tenantInfo } from './gateway.js';
import { jiraHeaders, loginReason } from './headers.js';
import { xsrfCheck } from './http.js';
import { rateLimit } from './rate-limit.js';
import { attachmentRoutes } from './routes/attachments.js';
import { commentRoutes } from './routes/comments.js';
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

/**
 * The pipeline, outermost first. Jira's headers go on every answer, the early ones included; the
 * tenant-info and gateway paths come before anything else; the rate limit counts every site request
 * and the XSRF rule refuses forms before a route sees them (neither answer carries a login reason);
 * the login reason marks what the routes answer to refused credentials.
 */
const router = createRouter<JiraState, JiraCredentials>({
  notFound: (request, context) => jiraError(404, [`null for uri: ${context.url}${request.path}`]),
  methodNotAllowed: (_request, _context, allowed) => ({ status: 405, headers: { allow: allowed.join(', ') }, body: '' }),
}).use(jiraHeaders, tenantInfo, gateway, rateLimit, xsrfCheck, loginReason);
issueRoutes(router);
transitionRoutes(router);
commentRoutes(router);
attachmentRoutes(router);
searchRoutes(router);
userRoutes(router);
metaRoutes(router);
serviceDeskRoutes(router);

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
  handle: router.handle,
});
