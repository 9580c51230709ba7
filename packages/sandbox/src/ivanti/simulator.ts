/**
 * The Ivanti Neurons for ITSM / Ivanti Service Manager simulator: the OData business-object API
 * (`/api/odata/businessobject/...`, `$metadata`) and the REST API (`/api/rest/...`: attachments,
 * request offerings and their forms, service request submission, full-text search) over one
 * seeded store, with REST API key authentication, Ivanti's OData dialect and error bodies, under
 * the tenant's `/HEAT` prefix (or without it, per `settings.basePath`).
 *
 * @module
 */
import { createRouter } from '../router.js';
import { defineSimulator } from '../simulator.js';
import { apiKeyAuth, type IvantiCredentials } from './auth.js';
import { notFoundPath } from './errors.js';
import { basePath, ivantiHeaders } from './http.js';
import { attachmentRoutes } from './routes/attachments.js';
import { catalogRoutes } from './routes/catalog.js';
import { metadataRoutes } from './routes/metadata.js';
import { odataRoutes } from './routes/odata.js';
import { relatedRoutes } from './routes/related.js';
import { searchRoutes } from './routes/search.js';
import { webRoutes } from './routes/web.js';
import { IDEMPOTENCY_FIELD } from './schema.js';
import { ivantiSample } from './sample.js';
import { apiKey, seedState } from './seed.js';
import type { IvantiState } from './store.js';

/**
 * What `sb.connectorOptions('ivanti')` returns: everything `createIvantiConnector` needs for the
 * seeded tenant.
 *
 * @category Simulator
 */
export interface IvantiConnectorOptions {
  /**
   * The tenant URL: a bare origin (`http://127.0.0.1:PORT`). The tenant serves the API under
   * `/HEAT` by default (`settings.basePath`), so a connector probes `/HEAT` and then no prefix, as it
   * would on a real tenant whose prefix is unknown.
   */
  readonly baseUrl: string;
  /** The REST API key, sent as `Authorization: rest_api_key=<apiKey>`. */
  readonly apiKey: string;
  /** The team (`OwnerTeam`) new incidents and service requests are assigned to: `Service Desk`. */
  readonly defaultTeam: string;
  /** The `Category` an incident gets when a status change needs one (`Active` requires a category): `General Support`. */
  readonly defaultCategory: string;
  /**
   * The `Owner` (a `LoginID`) an incident gets when a status change needs one (`Active` requires an
   * owner): the service account itself, an analyst of the default team.
   */
  readonly defaultOwner: string;
  /** The `CauseCode` sent with a resolution when none is given (resolving or closing requires one): `Other`. */
  readonly defaultCauseCode: string;
  /**
   * The custom field of Incident and ServiceReq that keeps a create's idempotency key:
   * `IdempotencyKey`, which this tenant's administrator added (a stock tenant has none).
   */
  readonly idempotencyField: string;
  /** The same custom field on Journal (notes), for a comment's idempotency key: `IdempotencyKey`. */
  readonly noteIdempotencyField: string;
}

/**
 * The pipeline, outermost first: Ivanti's content types on every JSON answer; the tenant's `/HEAT`
 * prefix (a path under the wrong form gets a web page, without a key); then the API key check,
 * which the web application's login pages skip.
 */
const router = createRouter<IvantiState, IvantiCredentials>({
  notFound: () => notFoundPath(),
  methodNotAllowed: (request, _context, allowed) => ({
    status: 405,
    headers: { allow: allowed.join(', ') },
    body: { Message: `The requested resource does not support http method '${request.method}'.` },
  }),
}).use(ivantiHeaders, basePath, apiKeyAuth);
webRoutes(router);
metadataRoutes(router);
odataRoutes(router);
relatedRoutes(router);
attachmentRoutes(router);
catalogRoutes(router);
searchRoutes(router);

/**
 * The Ivanti simulator.
 *
 * @category Simulator
 */
export const ivantiSimulator = defineSimulator({
  provider: 'ivanti',
  title: 'Ivanti Neurons for ITSM',
  createState: ({ random, seed, tickets, seededUntil }): IvantiState => seedState({ random, seed, tickets, seededUntil }),
  credentials: ({ random }): IvantiCredentials => ({ apiKey: apiKey(random) }),
  connectorOptions: ({ url, credentials, state }): IvantiConnectorOptions => ({
    baseUrl: url,
    apiKey: credentials.apiKey,
    defaultTeam: state.facts.defaultTeam,
    defaultCategory: state.facts.defaultCategory,
    defaultOwner: state.facts.serviceAccount.loginId,
    defaultCauseCode: state.facts.defaultCauseCode,
    idempotencyField: IDEMPOTENCY_FIELD,
    noteIdempotencyField: IDEMPOTENCY_FIELD,
  }),
  sample: ivantiSample,
  handle: router.handle,
});
