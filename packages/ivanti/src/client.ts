/**
 * {@link IvantiClient}: the native client of Ivanti Neurons for ITSM / Ivanti Service Manager
 * (HEAT), on the `@itsm/core` transport.
 *
 * @module
 */
import { createTransport, type Transport } from '@itsm/core';
import type * as z from 'zod/mini';
import { createApiKeyAuth } from './auth.js';
import { createBasePathResolver, hasHeatPrefix } from './base-path.js';
import { describeIvantiError, inspectIvantiResponse } from './errors.js';
import { recordLink } from './links.js';
import { IVANTI_READ_ONLY_POSTS, resolveClientOptions, type CallOptions, type IvantiClientOptions } from './options.js';
import { IVANTI, kit } from './provider.js';
import { AttachmentsResource } from './resources/attachments.js';
import { BusinessObjectResource } from './resources/business-object.js';
import { EmployeesResource } from './resources/employees.js';
import { JournalNotesResource } from './resources/journal-notes.js';
import { RequestOfferingsResource } from './resources/request-offerings.js';
import { ServiceRequestsResource } from './resources/service-requests.js';
import type { BusinessObjectRecord } from './schemas/common.js';
import { IncidentSchema, type Incident } from './schemas/tickets.js';

/**
 * A client of one Ivanti tenant: the OData business-object API (`/api/odata/businessobject/…`)
 * and the REST endpoints for attachments and the service catalog (`/api/rest/…`), with the REST
 * API key, retries, typed errors, validated responses and paginators.
 *
 * - The base URL may or may not carry `/HEAT`; without it, the client finds out once (see the
 *   `probe` option).
 * - Errors are the `@itsm/core` classes, with Ivanti's quirks read: a missing record (Ivanti's 400
 *   "Invalid key") is a `NotFoundError`; "Role X does not have rights" a `PermissionError`; a
 *   status change Ivanti gates behind a prompt a `PromptRequiredError`; a 200 that is a failure
 *   (`IsSuccess: false`, a refused file) an error, never a success.
 * - Reads and the read-only `POST`s are retried on transient failures; writes that create
 *   something are not. The API key never appears in an error, an event or a log line.
 *
 * @example
 * ```ts
 * import { IvantiClient, odata } from '@itsm/ivanti';
 *
 * const ivanti = new IvantiClient({ baseUrl: 'https://tenant.ivanticloud.com', apiKey: process.env.IVANTI_API_KEY! });
 * const [ann] = await ivanti.employees.findByEmail('ann.lee@example.com');
 * const incident = await ivanti.incidents.create({
 *   Subject: 'VPN drops every hour', Symptom: 'Since Monday.', ProfileLink_RecID: ann!.RecId, ProfileLink_Category: 'Employee',
 * });
 * await ivanti.journalNotes.add({ category: 'Incident', recId: incident.RecId }, { body: 'Looking into it.', publishToWeb: true });
 * for await (const open of ivanti.incidents.list({ filter: odata.eq('ProfileLink_RecID', ann!.RecId), select: ['Subject', 'Status'] })) {
 *   console.log(open.Subject, open.Status);
 * }
 * ```
 *
 * @category Client
 */
export class IvantiClient {
  /** The tenant URL as given in the options (before the `/HEAT` probe), without a trailing slash. */
  readonly tenantUrl: string;
  /** Incidents (`incidents`). */
  readonly incidents: BusinessObjectResource<Incident>;
  /** Service requests (`servicereqs`), and raising one from an offering (`submit`). */
  readonly serviceRequests: ServiceRequestsResource;
  /** Employees (`employees`), with lookups by e-mail and login. */
  readonly employees: EmployeesResource;
  /** Journal notes (`journal__notess`). */
  readonly journalNotes: JournalNotesResource;
  /** Attachments: upload, list, download, delete. */
  readonly attachments: AttachmentsResource;
  /** Request offerings: the catalog, forms, options and direct links. */
  readonly requestOfferings: RequestOfferingsResource;
  /**
   * Sends any request with the client's auth, retries, limits and error mapping: the escape hatch
   * for endpoints this client does not wrap. Paths are relative to the tenant's base URL (with
   * `/HEAT` where the tenant has it), e.g. `/api/odata/businessobject/changes`. The read-only
   * `POST`s (`IVANTI_READ_ONLY_POSTS`) are retried like a `GET`.
   *
   * @example
   * ```ts
   * const results = await ivanti.request('POST', '/api/rest/search/fulltext', { json: { Text: 'printer', ObjectType: 'Incident', Top: 20, Skip: 0 } });
   * ```
   */
  readonly request: Transport['request'];
  readonly #http: Transport;
  readonly #webUrl: string | undefined;

  /**
   * @param options - Tenant URL, API key, and transport options.
   * @throws InputError naming the first bad option (e.g. `baseUrl`, `apiKey`), before any request.
   */
  constructor(options: IvantiClientOptions) {
    const resolved = resolveClientOptions(options);
    const auth = createApiKeyAuth(resolved.apiKey);
    const secrets = [resolved.apiKey, ...(resolved.transport.secrets ?? [])];
    const common = {
      ...resolved.transport,
      provider: IVANTI,
      auth,
      secrets,
      readOnlyPosts: IVANTI_READ_ONLY_POSTS,
      describeError: describeIvantiError,
      inspectResponse: inspectIvantiResponse,
    };
    try {
      const probing = resolved.probe && !hasHeatPrefix(resolved.baseUrl);
      const baseUrl = probing ? createBasePathResolver(resolved.baseUrl, createTransport({ ...common, baseUrl: resolved.baseUrl })) : resolved.baseUrl;
      this.#http = createTransport({ ...common, baseUrl });
    } catch (error) {
      // The transport checks its own options (timeout, concurrency, ...): say which provider they were for.
      throw kit.attribute(error);
    }
    this.tenantUrl = resolved.baseUrl;
    this.#webUrl = resolved.webUrl;
    const webUrl = (call?: CallOptions) => this.webUrl(call);
    this.employees = new EmployeesResource(this.#http);
    this.requestOfferings = new RequestOfferingsResource(this.#http, webUrl);
    this.incidents = new BusinessObjectResource(this.#http, 'incidents', IncidentSchema);
    this.serviceRequests = new ServiceRequestsResource(this.#http, this.requestOfferings, this.employees);
    this.journalNotes = new JournalNotesResource(this.#http);
    this.attachments = new AttachmentsResource(this.#http, resolved.uploadForm);
    this.request = this.#http.request.bind(this.#http) as Transport['request'];
  }

  /**
   * Any business object, by its entity set: the object's name plus `s` (`changes`, `problems`,
   * `CIs`, `Frs_CompositeContract_Contacts`, `journal__notess`). Give a zod schema to type and check
   * its records (a loose object keeps the fields it does not name).
   *
   * @param entitySet - The entity set.
   * @param schema - The schema of one record; default: any record with a `RecId`.
   * @throws `InputError` when the name is not a name (letters, digits, `_`).
   * @example
   * ```ts
   * const changes = ivanti.businessObject('changes');
   * const change = await changes.get('87168FCA6F0C46B2B5CDC5226FB7C773');
   * ```
   */
  businessObject<T extends BusinessObjectRecord = BusinessObjectRecord>(entitySet: string, schema?: z.core.$ZodType<T, unknown>): BusinessObjectResource<T> {
    return new BusinessObjectResource<T>(this.#http, entitySet, schema);
  }

  /**
   * The base URL requests go to, with `/HEAT` where the tenant has it: as given, or found by the
   * probe (which runs now if it has not yet).
   *
   * @param options - `signal` stops waiting.
   */
  async baseUrl(options: Pick<CallOptions, 'signal'> = {}): Promise<string> {
    return (await this.#http.resolveBaseUrl(options)).replace(/\/+$/, '');
  }

  /**
   * The web application's URL, for links people open: the `webUrl` option, else {@link IvantiClient.baseUrl}.
   *
   * @param options - `signal` stops waiting for the probe.
   */
  async webUrl(options: Pick<CallOptions, 'signal'> = {}): Promise<string> {
    return this.#webUrl ?? this.baseUrl({ ...(options.signal === undefined ? {} : { signal: options.signal }) });
  }

  /**
   * The link that opens a record in Self Service, e.g. an incident for its customer.
   *
   * @param category - The business object, e.g. `Incident` or `ServiceReq`.
   * @param recId - The record's RecId.
   * @param options - `signal` stops waiting for the probe.
   */
  async recordLink(category: string, recId: string, options: Pick<CallOptions, 'signal'> = {}): Promise<string> {
    return recordLink(await this.webUrl(options), category, recId);
  }
}
