/**
 * The Autotask PSA REST API simulator (`/ATServicesRest/V1.0`): zone discovery, Autotask's
 * authentication, its query language and paging, tickets, notes, attachments, contacts, resources,
 * companies, picklists, the hourly threshold (429), the thread limit and the web pages links open.
 *
 * The pipeline, outermost first: paths are made canonical (any case, trailing slash); zone and version
 * discovery and the web UI pages answer without authentication; then authentication, the hourly
 * count, the thread gate, the usage latency and the test hold; then the routes. A path no route
 * serves is IIS's HTML 404; a method a route does not support is Web API's 405 `{"Message": ...}`.
 *
 * @module
 */
import { createRouter } from '../router.js';
import { defineSimulator } from '../simulator.js';
import { authenticate, type AutotaskCredentials } from './auth.js';
import { iisNotFound, methodNotSupported } from './errors.js';
import { normalizePath } from './http.js';
import { attachmentRoutes } from './routes/attachments.js';
import { companyRoutes } from './routes/companies.js';
import { contactRoutes } from './routes/contacts.js';
import { metaRoutes } from './routes/meta.js';
import { noteRoutes } from './routes/notes.js';
import { itemRoutes, queryRoutes } from './routes/read.js';
import { ticketRoutes } from './routes/tickets.js';
import { autotaskSample } from './sample.js';
import { apiSecret, seedState, trackingIdentifier } from './seed.js';
import { apiUsername } from './seed-people.js';
import type { AutotaskState } from './store.js';
import { testHold, threadLimit } from './threads.js';
import { hourlyThreshold, usageLatency } from './threshold.js';
import { webUi } from './web-ui.js';
import { discovery } from './zone.js';

/**
 * What `sb.connectorOptions('autotask')` returns: everything `createAutotaskConnector` needs for the
 * seeded data. There is deliberately no REST base URL: the connector discovers it through
 * `zoneInformation`, as it must against the live service.
 *
 * @category Simulator
 */
export interface AutotaskConnectorOptions {
  /** The API-only user's user name (`UserName` header, and `user` of the zone lookup). */
  readonly username: string;
  /** Its secret (`Secret` header). */
  readonly secret: string;
  /** The integration's API tracking identifier (`ApiIntegrationCode` header). */
  readonly trackingId: string;
  /**
   * The origin zone discovery is asked at: the client calls
   * `<zoneLookupUrl>/ATServicesRest/V1.0/zoneInformation?user=<username>` and uses the `url` (REST
   * base, `<origin>/ATServicesRest/`) and `webUrl` (web UI) it answers. Live:
   * `https://webservices.autotask.net`; here, the sandbox's origin.
   */
  readonly zoneLookupUrl: string;
  /**
   * The client portal's origin, for requester links (`<portalUrl>/ClientPortal/ServiceTickets/ServiceTicketDetail.aspx?ticketId=<id>`
   * and `.../NewTicket.aspx`); the sandbox's origin, which serves those pages.
   */
  readonly portalUrl: string;
  /** The queue new tickets are routed to (`queueID`): Level I Support. */
  readonly queueId: number;
}

const router = createRouter<AutotaskState, AutotaskCredentials>({
  notFound: () => iisNotFound(),
  methodNotAllowed: (request) => methodNotSupported(request.method),
}).use(normalizePath, discovery, webUi, authenticate, hourlyThreshold, threadLimit, usageLatency, testHold);
metaRoutes(router);
queryRoutes(router);
ticketRoutes(router);
noteRoutes(router);
attachmentRoutes(router);
contactRoutes(router);
companyRoutes(router);
itemRoutes(router);

/**
 * The Autotask simulator.
 *
 * @category Simulator
 */
export const autotaskSimulator = defineSimulator({
  provider: 'autotask',
  title: 'Autotask',
  createState: ({ random, seed, tickets, seededUntil }): AutotaskState => seedState({ random, seed, tickets, seededUntil }),
  credentials: ({ random, seed }): AutotaskCredentials => ({ username: apiUsername(seed), secret: apiSecret(random), trackingId: trackingIdentifier(random) }),
  connectorOptions: ({ url, credentials, state }): AutotaskConnectorOptions => ({
    username: credentials.username,
    secret: credentials.secret,
    trackingId: credentials.trackingId,
    zoneLookupUrl: url,
    portalUrl: url,
    queueId: state.facts.queue.id,
  }),
  sample: autotaskSample,
  handle: router.handle,
});
