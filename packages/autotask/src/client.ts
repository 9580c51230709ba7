/**
 * {@link AutotaskClient}: the native client of the Autotask PSA REST API (`/ATServicesRest/V1.0`),
 * on the `@itsm/core` transport.
 *
 * @module
 */
import {
  cached,
  createTransport,
  type BaseUrlResolver,
  type BudgetUsage,
  type Cached,
  type Transport,
} from '@itsm/core';
import { createAutotaskAuth } from './auth.js';
import { describeAutotaskError } from './errors.js';
import { createAutotaskGates, keyTag, THRESHOLD_PATH, type AutotaskGates } from './limits.js';
import { AutotaskLinks } from './links.js';
import { AUTOTASK_READ_ONLY_POSTS, resolveClientOptions, type AutotaskClientOptions, type CallOptions, type ResolvedClientOptions } from './options.js';
import { EntityPicklists } from './picklists.js';
import { AUTOTASK, kit } from './provider.js';
import { CompaniesResource } from './resources/companies.js';
import { ContactsResource } from './resources/contacts.js';
import type { ResourceContext } from './resources/context.js';
import { EntityResource, type PicklistsOptions } from './resources/entity.js';
import { ResourcesResource } from './resources/resources.js';
import { TicketAttachmentsResource } from './resources/ticket-attachments.js';
import { TicketNotesResource } from './resources/ticket-notes.js';
import { TicketsResource } from './resources/tickets.js';
import type { EntityRecord } from './schemas/common.js';
import { ThresholdInformationSchema, type ThresholdInformation, type ZoneInformation } from './schemas/limits.js';
import { apiBaseUrlOf, lookUpZone, sharedZoneCache, zoneKey, type ZoneCache } from './zone.js';

/** The transport options the zone lookup shares with the client: how to send, never what to send. */
const LOOKUP_TRANSPORT_KEYS = ['fetch', 'timeout', 'totalTimeout', 'maxRetries', 'retryDelay', 'maxRetryAfterMs', 'userAgent', 'onRequest', 'onResponse'] as const;

/** The web UI of a `webservicesN.autotask.net` REST host: `wwN.autotask.net`. */
function derivedWebUrl(baseUrl: string): string | undefined {
  const host = /^https:\/\/webservices(\d+)\.autotask\.net(?:\/|$)/i.exec(baseUrl)?.[1];
  return host === undefined ? undefined : `https://ww${host}.autotask.net`;
}

function trimSlashes(url: string): string {
  return url.replace(/\/+$/, '');
}

/**
 * A client of one Autotask API user: zone discovery, the three credential headers, Autotask's
 * limits, typed errors, validated responses and paginators that reach the real end.
 *
 * - **Zone**: found through `zoneInformation` when first needed (unless `baseUrl` is given), kept,
 *   and looked up again once when Autotask refuses the credentials. A user name Autotask cannot
 *   place is an `AuthenticationError` that says so.
 * - **Queries**: `entity(name).query({ filter })` with the {@link where} builder (only Autotask's real
 *   operators), `includeFields`, `maxRecords`; pages follow `nextPageUrl` with the same method and
 *   body on the zone's origin only, or go on by id. Queries are read-only POSTs: retried safely.
 * - **Limits**: 3 requests in flight per entity endpoint, the database's 10,000 requests per hour
 *   (fed by `ThresholdInformation`, slowing down as usage rises), 429 `Retry-After` waited out.
 * - **Errors**: Autotask's 500s mapped to what they mean (`AuthenticationError` for a bad user name
 *   or tracking identifier, `RateLimitError` for the thread limit, `ValidationError` for a refused
 *   write, ...), its text kept verbatim in `messages`; the secret never appears anywhere.
 *
 * @example
 * ```ts
 * import { AutotaskClient, where } from '@itsm/autotask';
 *
 * const autotask = new AutotaskClient({ username, secret, trackingId });
 * const statuses = (await autotask.picklists('Tickets')).require('status');
 * const open = autotask.tickets.query({ filter: [where.noteq('status', 5), where.eq('companyID', 174)] });
 * for await (const ticket of open) {
 *   console.log(ticket.ticketNumber, statuses.label(ticket.status), await autotask.links.ticket(ticket.id));
 * }
 * ```
 *
 * @category Client
 */
export class AutotaskClient {
  /** The API user's user name, as given (trimmed). */
  readonly username: string;
  /** Tickets: get, query, count, create, update, by number; `notes(id)` and `attachments(id)`. */
  readonly tickets: TicketsResource;
  /** Ticket notes: query at the root, create and update under their ticket. */
  readonly ticketNotes: TicketNotesResource;
  /** Ticket attachments: list, read with content, upload (size-checked), download, delete. */
  readonly ticketAttachments: TicketAttachmentsResource;
  /** Contacts: query, find by email, create, update and delete under their company. */
  readonly contacts: ContactsResource;
  /** Resources (agents and API users): query, find by email, update. */
  readonly resources: ResourcesResource;
  /** Companies: query, create, update, and their contacts. */
  readonly companies: CompaniesResource;
  /** Links into Autotask's web UI and the client portal. */
  readonly links: AutotaskLinks;
  /**
   * Sends any request with the client's auth, limits, retries and error mapping: the escape hatch
   * for endpoints this client does not wrap. Paths are relative to the zone's REST base
   * (`…/ATServicesRest/V1.0`); `/{Entity}/query`, `/query/count` and `/query/next` POSTs are retried
   * like a `GET`.
   *
   * @example
   * ```ts
   * const roles = await autotask.request('GET', '/Resources/29682885/ServiceDeskRoles');
   * ```
   */
  readonly request: Transport['request'];
  readonly #options: ResolvedClientOptions;
  readonly #http: Transport;
  readonly #gates: AutotaskGates;
  readonly #zoneCache: ZoneCache;
  readonly #picklists = new Map<string, Cached<EntityPicklists, [CallOptions]>>();
  readonly #context: ResourceContext;
  #lookup: Transport | undefined;
  #zone: ZoneInformation | undefined;

  /**
   * @param options - Credentials, optional base URLs, limits and transport options.
   * @throws InputError naming the first bad option (e.g. `username`, `trackingId`, `baseUrl`), before any request.
   */
  constructor(options: AutotaskClientOptions) {
    const resolved = resolveClientOptions(options);
    this.#options = resolved;
    this.username = resolved.username;
    this.#zoneCache = resolved.zoneCache ?? sharedZoneCache;
    this.#gates = createAutotaskGates({
      trackingId: resolved.trackingId,
      budgetKey: () => this.#databaseKey(),
      limits: resolved.limits,
      readThresholds: () => this.thresholds(),
    });
    const { transport } = resolved;
    const headers = { ...transport.headers };
    if (resolved.impersonationResourceId !== undefined) headers.ImpersonationResourceId = String(resolved.impersonationResourceId);
    try {
      this.#http = createTransport({
        ...transport,
        provider: AUTOTASK,
        baseUrl: resolved.baseUrl ?? this.#resolver(),
        auth: createAutotaskAuth(resolved),
        secrets: [resolved.secret, resolved.trackingId, resolved.username, ...(transport.secrets ?? [])],
        headers,
        gates: [...this.#gates.gates, ...(transport.gates ?? [])],
        readOnlyPosts: AUTOTASK_READ_ONLY_POSTS,
        describeError: describeAutotaskError,
      });
    } catch (error) {
      // The transport checks its own options (timeout, gates, ...): say which provider they were for.
      throw kit.attribute(error);
    }
    this.#context = {
      http: this.#http,
      origin: async (signal) => new URL(await this.#http.resolveBaseUrl(signal === undefined ? {} : { signal })).origin,
      picklists: (entity, call) => this.picklists(entity, call),
      databaseKey: () => this.#databaseKey(),
    };
    this.ticketAttachments = new TicketAttachmentsResource(this.#context);
    this.tickets = new TicketsResource(this.#context, this.ticketAttachments);
    this.ticketNotes = new TicketNotesResource(this.#context);
    this.contacts = new ContactsResource(this.#context);
    this.resources = new ResourcesResource(this.#context);
    this.companies = new CompaniesResource(this.#context);
    this.links = new AutotaskLinks(() => this.webUrl(), resolved.portalUrl);
    this.request = this.#http.request.bind(this.#http) as Transport['request'];
  }

  /**
   * Any entity, by its name in the REST API (`Companies`, `CompanyLocations`, `TimeEntries`,
   * `Projects`, ...): reads, writes where Autotask allows them, and child collections.
   *
   * @param name - The entity.
   * @throws `InputError` when `name` is not an entity name (letters and digits).
   * @example
   * ```ts
   * const count = await autotask.entity('TimeEntries').count({ filter: where.gte('dateWorked', new Date('2026-01-01')) });
   * ```
   */
  entity(name: string): EntityResource<EntityRecord> {
    return new EntityResource(this.#context, name);
  }

  /**
   * The REST base URL in use (`…/ATServicesRest/V1.0`): the `baseUrl` option, or the zone's, looked
   * up when first needed.
   *
   * @param options - `signal` stops waiting.
   */
  async baseUrl(options: { signal?: AbortSignal | undefined } = {}): Promise<string> {
    return this.#http.resolveBaseUrl(options);
  }

  /**
   * The API user's zone: `url` (REST), `webUrl` (web UI), `ci` (the database) and `zoneName`. With
   * the `baseUrl` option there is no lookup: the zone is made of the options (`ci` unknown).
   *
   * @param options - `signal` stops waiting.
   * @throws `AuthenticationError` when Autotask cannot place the user name.
   */
  async zone(options: { signal?: AbortSignal | undefined } = {}): Promise<ZoneInformation> {
    const { baseUrl, webUrl } = this.#options;
    if (baseUrl !== undefined) return { zoneName: null, url: baseUrl, webUrl: webUrl ?? derivedWebUrl(baseUrl) ?? null, ci: null };
    await this.#http.resolveBaseUrl(options);
    return this.#zone as ZoneInformation;
  }

  /**
   * The zone's web UI origin, where links open: the `webUrl` option, the zone's `webUrl`, or, with
   * `baseUrl`, the `wwN.autotask.net` of a `webservicesN.autotask.net` host.
   *
   * @param options - `signal` stops waiting.
   * @throws `InputError` naming `webUrl` when none can be found.
   */
  async webUrl(options: { signal?: AbortSignal | undefined } = {}): Promise<string> {
    if (this.#options.webUrl !== undefined) return this.#options.webUrl;
    const zone = await this.zone(options);
    if (zone.webUrl === undefined || zone.webUrl === null || zone.webUrl === '') {
      return kit.fail('webUrl', 'is unknown: the base URL is not a webservicesN.autotask.net host; set the webUrl option (e.g. https://ww5.autotask.net) for links');
    }
    return trimSlashes(zone.webUrl);
  }

  /**
   * Reads the database's request usage (`ThresholdInformation`) and feeds it to the client's hourly
   * budget. The client reads it by itself as usage rises; this call is one request too (counted,
   * and thread-limited).
   *
   * @param options - Call options.
   * @example
   * ```ts
   * const { currentTimeframeRequestCount, externalRequestThreshold } = await autotask.thresholds();
   * ```
   */
  async thresholds(options?: CallOptions): Promise<ThresholdInformation> {
    const call = options === undefined ? {} : options;
    kit.knownKeys(call, ['signal', 'timeout', 'totalTimeout', 'maxRetries', 'headers'], 'options');
    try {
      const reading = await this.#http.request('GET', THRESHOLD_PATH, { schema: ThresholdInformationSchema, ...call });
      await this.#gates.report({ used: reading.currentTimeframeRequestCount, limit: reading.externalRequestThreshold });
      return reading;
    } catch (error) {
      throw kit.attribute(error);
    }
  }

  /**
   * The hourly budget as the client counts it now (its own requests, and the last usage Autotask
   * reported), or `undefined` when the budget is off (`limits.hourlyRequests: false`).
   */
  async usage(): Promise<BudgetUsage | undefined> {
    return this.#gates.budget?.usage(this.#databaseKey());
  }

  /**
   * The picklists of an entity (`status`, `priority`, `queueID`, `noteType`, `publish`, ...), read
   * from `entityInformation/fields` once and kept for the client's life.
   *
   * @param entity - The entity, e.g. `Tickets`, `TicketNotes`.
   * @param options - `refresh` to read them again, call options.
   * @example
   * ```ts
   * const picklists = await autotask.picklists('Tickets');
   * picklists.require('priority').valueOf('High'); // 1
   * ```
   */
  async picklists(entity: string, options: PicklistsOptions = {}): Promise<EntityPicklists> {
    const { refresh, ...call } = options;
    const resource = this.entity(entity);
    const key = resource.name.toLowerCase();
    let entry = this.#picklists.get(key);
    if (entry === undefined) {
      entry = cached(async (callOptions: CallOptions) => new EntityPicklists(resource.name, await resource.fields(callOptions)));
      this.#picklists.set(key, entry);
    }
    return refresh === true ? entry.refresh(call) : entry.get(call);
  }

  /** The key of the database the limits count against: the zone's `ci` once known, else a tag of the user name. */
  #databaseKey(): string {
    const ci = this.#zone?.ci;
    return ci === undefined || ci === null ? `autotask:user:${keyTag(this.#options.username.toLowerCase())}` : `autotask:ci:${ci}`;
  }

  /** The transport of the zone lookup: the lookup origin, no credentials, no limits. */
  #lookupTransport(): Transport {
    if (this.#lookup === undefined) {
      const shared: Record<string, unknown> = {};
      for (const key of LOOKUP_TRANSPORT_KEYS) if (this.#options.transport[key] !== undefined) shared[key] = this.#options.transport[key];
      this.#lookup = createTransport({
        ...shared,
        provider: AUTOTASK,
        baseUrl: this.#options.zoneLookupUrl,
        secrets: [this.#options.username],
        describeError: describeAutotaskError,
      });
    }
    return this.#lookup;
  }

  /** The base URL resolver: the zone through the cache, again without it after a refused login. */
  #resolver(): BaseUrlResolver {
    const key = zoneKey(this.#options.zoneLookupUrl, this.#options.username);
    const lookUp = () => lookUpZone(this.#lookupTransport(), this.#options.username);
    return async ({ reason, previous }) => {
      const zone = reason === 'initial'
        ? await this.#zoneCache.zone(key, lookUp)
        : await this.#zoneCache.refresh(key, lookUp, (kept) => apiBaseUrlOf(kept.url) === previous);
      this.#zone = zone;
      return apiBaseUrlOf(zone.url);
    };
  }
}
