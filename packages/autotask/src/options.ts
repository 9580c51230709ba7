/**
 * The options of {@link AutotaskClient}, their validation, and the options every call accepts.
 *
 * @module
 */
import type { TransportOptions } from '@itsm/core';
import {
  clientOptionKeys,
  resolveClientOptions as resolveProviderClientOptions,
  serviceUrlSchema,
  type CallOptions as ProviderCallOptions,
  type ClientTransportOptions,
} from '@itsm/core/provider';
import * as z from 'zod/mini';
import type { AutotaskLimitOptions } from './limits.js';
import { AUTOTASK } from './provider.js';
import { AUTOTASK_API_VERSION, DEFAULT_ZONE_LOOKUP_URL, type ZoneCache } from './zone.js';

/**
 * Autotask's `POST` endpoints that only read: `/{Entity}/query`, `/{Entity}/query/count` and the
 * next-page path `/{Entity}/query/next` (also with the zone's `/ATServicesRest/V1.0` prefix in any
 * case, as a next-page URL may spell it). The client retries them like a `GET`, and their failures
 * never leave an unknown outcome.
 *
 * @category Client
 */
export const AUTOTASK_READ_ONLY_POSTS: readonly RegExp[] = Object.freeze([
  /^(?:\/atservicesrest\/v\d+\.\d+)?\/[A-Za-z][A-Za-z0-9]*\/query(?:\/count|\/next)?$/i,
]);

/**
 * Options of {@link AutotaskClient}.
 *
 * The client finds the REST base URL of the API user's zone by itself (`zoneInformation`); give
 * `baseUrl` only to skip that. Every option of the core transport is accepted too (`timeout`,
 * `maxRetries`, `fetch`, `onRequest`, `gates` — added after the client's own limits —, ...), except
 * the ones the client owns: `provider`, `auth`, `describeError`, `inspectResponse` and
 * `readOnlyPosts`. Any other key is an `InputError` naming it, never ignored.
 *
 * @example
 * ```ts
 * const autotask = new AutotaskClient({
 *   username: 'h7kqz2m4x9@example.com',            // the API user's Username (Key)
 *   secret: process.env.AUTOTASK_SECRET!,            // its Secret
 *   trackingId: process.env.AUTOTASK_TRACKING_ID!,   // the API Tracking Identifier
 *   portalUrl: 'https://yourcompany.itclientportal.com',
 * });
 * ```
 *
 * @category Client
 */
export interface AutotaskClientOptions
  extends Omit<TransportOptions, 'provider' | 'baseUrl' | 'auth' | 'describeError' | 'inspectResponse' | 'readOnlyPosts'> {
  /** The API user's user name: the "Key" generated in the Credentials section of the API user. */
  username: string;
  /** The API user's secret. Registered as a secret: it never appears in an error or event. */
  secret: string;
  /** The API tracking identifier of the integration (the API user's API Tracking Identifier section). */
  trackingId: string;
  /**
   * The zone's REST base, e.g. `https://webservices5.autotask.net/ATServicesRest` (with or without
   * `/V1.0`; trailing slashes are ignored). Skips zone discovery. Default: discovered.
   */
  baseUrl?: string | undefined;
  /**
   * The zone's web UI, e.g. `https://ww5.autotask.net`, for links. Default: the zone lookup's
   * `webUrl`; with `baseUrl`, derived from a `webservicesN.autotask.net` host.
   */
  webUrl?: string | undefined;
  /** The client portal's origin, e.g. `https://yourcompany.itclientportal.com`, for requester links. */
  portalUrl?: string | undefined;
  /** Where zones are looked up. Default `https://webservices.autotask.net`; change it only for a simulator. */
  zoneLookupUrl?: string | undefined;
  /** Where looked-up zones are kept. Default: one cache shared by the clients of this process (an hour). */
  zoneCache?: ZoneCache | undefined;
  /**
   * A resource to act as (`ImpersonationResourceId`): writes then show as done by that resource. Its
   * security level must allow impersonation, and the API user's must allow impersonating it.
   */
  impersonationResourceId?: number | undefined;
  /** The thread limit and the hourly budget; see {@link AutotaskLimitOptions}. */
  limits?: AutotaskLimitOptions | undefined;
}

/**
 * Options every method of the client accepts (in its options object, or as its last argument),
 * overriding the client's for that call: `signal`, `timeout`, `totalTimeout`, `maxRetries`,
 * `headers`. Any other key in a method's options object is an `InputError` naming it.
 *
 * @category Client
 */
export type CallOptions = ProviderCallOptions;

const required = (what: string) => z.string({ error: `is required (${what})` }).check(z.refine((value) => value.trim() !== '', { message: `is required (${what})`, abort: true }));

const CONTROL = /[\u0000-\u001f\u007f]/;

const url = (example: string, options: { bareOrigin?: boolean } = {}) =>
  serviceUrlSchema({ example, credentials: 'the username, secret and trackingId options', ...options });

/** The REST base given as `baseUrl`, with `/V1.0` (another version is refused). */
function withVersion(base: string, context: z.core.ParsePayload): string {
  const version = /\/(v\d+\.\d+)$/i.exec(base)?.[1];
  if (version === undefined) return `${base}/${AUTOTASK_API_VERSION}`;
  if (version.toLowerCase() !== AUTOTASK_API_VERSION.toLowerCase()) {
    context.issues.push({ code: 'custom', message: `must be the ${AUTOTASK_API_VERSION} API (the client speaks ${AUTOTASK_API_VERSION} only), not ${version}`, input: base });
    return z.NEVER;
  }
  return `${base.slice(0, -version.length)}${AUTOTASK_API_VERSION}`;
}

const StoreSchema = (methods: readonly string[], what: string) =>
  z.custom<object>(
    (value) => typeof value === 'object' && value !== null && methods.every((method) => typeof (value as Record<string, unknown>)[method] === 'function'),
    `must be a ${what} (with ${methods.join(', ')})`,
  );

const LimitsSchema = z.strictObject({
  threadsPerEndpoint: z.optional(z.int().check(z.positive())),
  concurrencyStore: z.optional(StoreSchema(['acquire'], 'ConcurrencyStore')),
  hourlyRequests: z.optional(z.union([z.int().check(z.positive()), z.literal(false)])),
  budgetStore: z.optional(StoreSchema(['take', 'report', 'used'], 'BudgetStore')),
  slowDown: z.optional(z.array(z.strictObject({ from: z.number().check(z.gte(0), z.lte(1)), delayMs: z.number().check(z.nonnegative()) }))),
  maxBudgetWaitMs: z.optional(z.number().check(z.nonnegative())),
  readThresholds: z.optional(z.boolean()),
});

/** The client's own options, checked. */
const OwnOptionsSchema = z.strictObject({
  username: z.pipe(required("the API user's user name").check(z.refine((value) => !CONTROL.test(value), 'must not contain control characters')), z.transform((value) => value.trim())),
  secret: required("the API user's secret").check(z.refine((value) => value === value.trim(), 'has white space at its start or end (copied with a line break?)')),
  trackingId: required('the API tracking identifier').check(z.refine((value) => !/\s/.test(value), 'must not contain white space')),
  baseUrl: z.optional(z.pipe(url('https://webservices5.autotask.net/ATServicesRest'), z.transform(withVersion))),
  webUrl: z.optional(url('https://ww5.autotask.net', { bareOrigin: true })),
  portalUrl: z.optional(url('https://yourcompany.itclientportal.com', { bareOrigin: true })),
  zoneLookupUrl: z.optional(url(DEFAULT_ZONE_LOOKUP_URL, { bareOrigin: true })),
  zoneCache: z.optional(StoreSchema(['zone', 'refresh', 'clear'], 'ZoneCache (createZoneCache())')),
  impersonationResourceId: z.optional(z.int().check(z.positive())),
  limits: z.optional(LimitsSchema),
});

/**
 * Every option {@link AutotaskClient} accepts: its own and the transport's it passes on.
 *
 * @category Client
 */
export const CLIENT_OPTION_KEYS: readonly string[] = clientOptionKeys({ schema: OwnOptionsSchema });

/** The client's options, checked. */
export interface ResolvedClientOptions {
  /** The API user's user name, trimmed. */
  username: string;
  /** Its secret. */
  secret: string;
  /** The tracking identifier. */
  trackingId: string;
  /** The REST base with `/V1.0`, when given. */
  baseUrl: string | undefined;
  /** The web UI origin, when given. */
  webUrl: string | undefined;
  /** The client portal origin, when given. */
  portalUrl: string | undefined;
  /** Where zones are looked up. */
  zoneLookupUrl: string;
  /** Where zones are kept, when given. */
  zoneCache: ZoneCache | undefined;
  /** The resource to act as, when given. */
  impersonationResourceId: number | undefined;
  /** The limits' options. */
  limits: AutotaskLimitOptions;
  /** The options left for the transport. */
  transport: ClientTransportOptions;
}

/**
 * Checks the client's options.
 *
 * @param options - What the caller gave.
 * @throws InputError naming the first bad option (`username`, `secret`, `trackingId`, `baseUrl`, ...).
 */
export function resolveClientOptions(options: AutotaskClientOptions): ResolvedClientOptions {
  const { own, transport } = resolveProviderClientOptions(options, { provider: AUTOTASK, client: 'AutotaskClient', schema: OwnOptionsSchema });
  return {
    username: own.username,
    secret: own.secret,
    trackingId: own.trackingId,
    baseUrl: own.baseUrl,
    webUrl: own.webUrl,
    portalUrl: own.portalUrl,
    zoneLookupUrl: own.zoneLookupUrl ?? DEFAULT_ZONE_LOOKUP_URL,
    zoneCache: own.zoneCache as ZoneCache | undefined,
    impersonationResourceId: own.impersonationResourceId,
    limits: (own.limits ?? {}) as AutotaskLimitOptions,
    transport,
  };
}
