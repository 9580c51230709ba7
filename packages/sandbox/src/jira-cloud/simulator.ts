/**
 * The Jira Cloud simulator: platform REST v3 and Jira Service Management over one store, with
 * Jira's authentication, XSRF rule, rate limiting (off by default), error bodies and an
 * `X-AREQUESTID` header on every answer.
 *
 * @module
 */
import { SandboxError } from '../errors.js';
import { createRouter, type Router } from '../router.js';
import { defineSimulator, type SimSample } from '../simulator.js';
import type { JiraCredentials } from './auth.js';
import { unknownRoute } from './errors.js';
import { gateway, tenantInfo } from './gateway.js';
import { jiraHeaders, loginReason } from './headers.js';
import { xsrfCheck } from './http.js';
import { rateLimit } from './rate-limit.js';
import { restV2 } from './rest-v2.js';
import { attachmentRoutes } from './routes/attachments.js';
import { changelogRoutes } from './routes/changelog.js';
import { commentRoutes } from './routes/comments.js';
import { propertyRoutes } from './routes/properties.js';
import { issueRoutes } from './routes/issues.js';
import { labelRoutes } from './routes/labels.js';
import { linkRoutes } from './routes/links.js';
import { metaRoutes } from './routes/meta.js';
import { pickerRoutes } from './routes/picker.js';
import { projectRoutes } from './routes/projects.js';
import { remoteLinkRoutes } from './routes/remote-links.js';
import { searchRoutes } from './routes/search.js';
import { organizationRoutes } from './routes/organizations.js';
import { participantRoutes } from './routes/participants.js';
import { serviceDeskRoutes } from './routes/servicedesk.js';
import { slaRoutes } from './routes/sla.js';
import { transitionRoutes } from './routes/transitions.js';
import { unservedRoutes } from './routes/unserved.js';
import { userRoutes } from './routes/users.js';
import { watcherRoutes } from './routes/watchers.js';
import { worklogRoutes } from './routes/worklogs.js';
import { apiToken, seedState, serviceAccountEmail } from './seed.js';
import { store, type JiraState } from './store.js';

/**
 * What `sb.connectorOptions('jira-cloud')` returns: everything `createJiraConnector` needs.
 *
 * @category Simulator
 */
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
 * the login reason marks what the routes answer to refused credentials; innermost, REST v2's
 * issue, comment and worklog routes are v3's with wiki markup for rich text.
 */
const router: Router<JiraState, JiraCredentials> = createRouter<JiraState, JiraCredentials>({
  notFound: (request, context) => unknownRoute(context.url, request.path),
  methodNotAllowed: (_request, _context, allowed) => ({ status: 405, headers: { allow: allowed.join(', ') }, body: '' }),
}).use(jiraHeaders, tenantInfo, gateway, rateLimit, xsrfCheck, loginReason, restV2((method, path) => router.resolve(method, path)));
issueRoutes(router);
propertyRoutes(router);
transitionRoutes(router);
commentRoutes(router);
attachmentRoutes(router);
worklogRoutes(router);
watcherRoutes(router);
linkRoutes(router);
remoteLinkRoutes(router);
changelogRoutes(router);
labelRoutes(router);
searchRoutes(router);
userRoutes(router);
metaRoutes(router);
projectRoutes(router);
pickerRoutes(router);
serviceDeskRoutes(router);
participantRoutes(router);
slaRoutes(router);
organizationRoutes(router);
unservedRoutes(router);

/** The simulator's route table (for tests that check which route a path reaches; not exported by the package). */
export const jiraCloudRouter: Router<JiraState, JiraCredentials> = router;

/**
 * The Jira Cloud simulator.
 *
 * @category Simulator
 */
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
