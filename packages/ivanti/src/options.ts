/**
 * The options of {@link IvantiClient}, their validation, and the options every call accepts.
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
import { IVANTI } from './provider.js';

/**
 * Ivanti's `POST` endpoints that only read: the full-text search and a request-offering
 * parameter's validation list. The client retries them like a `GET`, and their failures never
 * leave an unknown outcome.
 *
 * @category Client
 */
export const IVANTI_READ_ONLY_POSTS: readonly (string | RegExp)[] = Object.freeze([
  '/api/rest/search/fulltext',
  /^\/api\/rest\/ServiceRequest\/[0-9A-Fa-f]{32}\/ValidationList$/,
]);

/**
 * The multipart field names an attachment upload uses, since public clients disagree:
 * - `businessObjectId`: `businessObjectId`, `objectType` and the file as `file` (measured on a live tenant);
 * - `ObjectID`: `ObjectID`, `ObjectType` and the file as `file` (other clients).
 *
 * @category Client
 */
export type UploadFormStyle = 'businessObjectId' | 'ObjectID';

/**
 * Options of {@link IvantiClient}.
 *
 * Every option of the core transport is accepted too (`timeout`, `maxRetries`, `concurrency`,
 * `gates`, `fetch`, `onRequest`, ...), except the ones the client owns: `provider`, `auth`,
 * `describeError`, `inspectResponse` and `readOnlyPosts`. Any other key is an `InputError` naming
 * it, never ignored.
 *
 * @example
 * ```ts
 * const ivanti = new IvantiClient({
 *   baseUrl: 'https://tenant.ivanticloud.com',  // or https://host/HEAT; without /HEAT the client probes once
 *   apiKey: process.env.IVANTI_API_KEY!,
 *   timeout: 30_000,
 * });
 * ```
 *
 * @category Client
 */
export interface IvantiClientOptions
  extends Omit<TransportOptions, 'provider' | 'baseUrl' | 'auth' | 'describeError' | 'inspectResponse' | 'readOnlyPosts'> {
  /**
   * The tenant, e.g. `https://tenant.ivanticloud.com`, with `/HEAT` where the tenant has it
   * (`https://host/HEAT`), without `/api/...`. Must be `https`; `http` is accepted only for
   * loopback hosts, for local simulators. Without `/HEAT`, the client finds out once, before its
   * first request, whether the API lives under `/HEAT` (see `probe`).
   */
  baseUrl: string;
  /**
   * The REST API key: the Reference ID of the key (Configuration console → Security Controls → API
   * Keys), sent as `Authorization: rest_api_key=<key>`. Registered as a secret: it never appears in
   * an error, an event or a log line.
   */
  apiKey: string;
  /**
   * Whether to find the `/HEAT` prefix when `baseUrl` does not end with it: before the first
   * request, `GET {baseUrl}/HEAT/api/odata/incidents/$metadata` and then without `/HEAT`, keeping the
   * first that answers with OData metadata (a login page answering 200 does not count). Default
   * `true`; `false` takes `baseUrl` as it is.
   */
  probe?: boolean | undefined;
  /**
   * Where the web application lives, for links people open (direct links to request offerings,
   * records in Self Service), e.g. an SSO entry point. Default: the API's base URL (after the probe).
   */
  webUrl?: string | undefined;
  /** The multipart field names of attachment uploads; see {@link UploadFormStyle}. Default `businessObjectId`. */
  uploadForm?: UploadFormStyle | undefined;
}

/**
 * Options every method of the client accepts (in its options object, or as its last argument),
 * overriding the client's for that call: `signal`, `timeout`, `totalTimeout`, `maxRetries`,
 * `headers`. Any other key in a method's options object is an `InputError` naming it.
 *
 * @example
 * ```ts
 * await ivanti.incidents.get(recId, { signal: AbortSignal.timeout(10_000) });
 * ```
 *
 * @category Client
 */
export type CallOptions = ProviderCallOptions;

/** The client's options, checked. */
export interface ResolvedClientOptions {
  /** The base URL as given (no trailing slash). */
  baseUrl: string;
  /** The API key. */
  apiKey: string;
  /** Whether to probe for `/HEAT`. */
  probe: boolean;
  /** The web application's URL, when given. */
  webUrl: string | undefined;
  /** The upload form's field names. */
  uploadForm: UploadFormStyle;
  /** The options left for the transport. */
  transport: ClientTransportOptions;
}

const EXAMPLE = 'https://tenant.ivanticloud.com';

const urlOption = serviceUrlSchema({
  example: EXAMPLE,
  credentials: 'the apiKey option',
  checkPath: (url) => (/\/api(?:\/|$)/i.test(url.pathname)
    ? `must be the tenant URL without the API path (e.g. ${url.origin}${url.pathname.replace(/\/api(?:\/.*)?$/i, '')}), not ${url.origin}${url.pathname}`
    : undefined),
});

const OwnOptionsSchema = z.strictObject({
  baseUrl: urlOption,
  apiKey: z.string({ error: 'is required (the Reference ID of a REST API key)' }).check(
    z.refine((key) => key.trim() !== '', { message: 'is required (the Reference ID of a REST API key)', abort: true }),
    z.refine((key) => key === key.trim(), { message: 'has white space at its start or end (copied with a line break?)', abort: true }),
    z.refine((key) => !/^rest_api_key=/i.test(key), { message: 'must be the key itself, without "rest_api_key=" (the client adds it)', abort: true }),
    z.refine((key) => /^[^\s{}]+$/.test(key), 'must be the key itself, without braces or spaces'),
  ),
  probe: z.optional(z.boolean({ error: 'must be true or false' })),
  webUrl: z.optional(urlOption),
  uploadForm: z.optional(z.enum(['businessObjectId', 'ObjectID'], { error: 'must be "businessObjectId" or "ObjectID"' })),
});

/**
 * Every option {@link IvantiClient} accepts: its own and the transport's it passes on.
 *
 * @category Client
 */
export const CLIENT_OPTION_KEYS: readonly string[] = clientOptionKeys({ schema: OwnOptionsSchema });

/**
 * Checks the client's options.
 *
 * @param options - What the caller gave.
 * @throws InputError naming the first bad option (`baseUrl`, `apiKey`, ...).
 */
export function resolveClientOptions(options: IvantiClientOptions): ResolvedClientOptions {
  const { own, transport } = resolveProviderClientOptions(options, { provider: IVANTI, client: 'IvantiClient', schema: OwnOptionsSchema });
  return {
    baseUrl: own.baseUrl,
    apiKey: own.apiKey,
    probe: own.probe ?? true,
    webUrl: own.webUrl,
    uploadForm: own.uploadForm ?? 'businessObjectId',
    transport,
  };
}
