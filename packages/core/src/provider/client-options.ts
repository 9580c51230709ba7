/**
 * {@link resolveClientOptions}: the options of a native client, checked before any request: its
 * own (a zod schema), and the transport's it passes on; any other key is refused.
 *
 * @module
 */
import { InputError, parseInput, type ProviderId, type TransportOptions } from '@itsm/core';
import type * as z from 'zod/mini';

/** Every option of the core transport, so that one missing here (a new transport option) fails to compile. */
const TRANSPORT_KEYS: Record<keyof TransportOptions, true> = {
  provider: true, baseUrl: true, auth: true, secrets: true, timeout: true, totalTimeout: true, maxRetries: true,
  retryDelay: true, maxRetryAfterMs: true, fetch: true, userAgent: true, headers: true, onRequest: true,
  onResponse: true, concurrency: true, gates: true, readOnlyPosts: true, requestIdHeaders: true, describeError: true,
  inspectResponse: true, maxBodyBytes: true,
};

/**
 * The options of the core transport (`createTransport`).
 *
 * @category Options
 */
export const TRANSPORT_OPTION_KEYS: readonly (keyof TransportOptions)[] = Object.freeze(
  Object.keys(TRANSPORT_KEYS) as (keyof TransportOptions)[],
);

/**
 * Transport options a client sets itself by default, and so refuses from its caller: the provider,
 * the credentials hook, the provider's error hooks, and its read-only `POST` endpoints.
 *
 * @category Options
 */
export const CLIENT_OWNED_TRANSPORT_KEYS: readonly (keyof TransportOptions)[] = Object.freeze([
  'provider',
  'auth',
  'describeError',
  'inspectResponse',
  'readOnlyPosts',
] as const);

/**
 * The transport options a client passes on from its caller.
 *
 * @category Options
 */
export type ClientTransportOptions = Partial<Omit<TransportOptions, 'provider'>>;

/**
 * What {@link resolveClientOptions} needs to know about a client.
 *
 * @category Options
 */
export interface ClientOptionsSpec<S extends z.core.$ZodObject> {
  /** The provider, set on every error. */
  provider: ProviderId;
  /** The client's name, for errors: `auth is set by JiraCloudClient and cannot be given`. */
  client: string;
  /**
   * The client's own options, as a zod object. Its keys are the own options (they may reuse a
   * transport option's name, such as `baseUrl`, which is then the client's); its rules are theirs.
   */
  schema: S;
  /** Transport options the client sets itself and refuses. Default {@link CLIENT_OWNED_TRANSPORT_KEYS}. */
  owned?: readonly (keyof TransportOptions)[] | undefined;
}

/**
 * What {@link resolveClientOptions} returns.
 *
 * @category Options
 */
export interface ResolvedClientOptions<S extends z.core.$ZodObject> {
  /** The client's own options, parsed by its schema. */
  own: z.output<S>;
  /** The transport options the caller gave, to spread into `createTransport` before what the client sets. */
  transport: ClientTransportOptions;
}

/**
 * Every option key a client accepts: its own, and the transport's it does not set itself. For a
 * connector that takes the client's options beside its own.
 *
 * @param spec - The client's schema and owned transport options.
 * @category Options
 */
export function clientOptionKeys(spec: Pick<ClientOptionsSpec<z.core.$ZodObject>, 'schema' | 'owned'>): readonly string[] {
  const owned: readonly string[] = spec.owned ?? CLIENT_OWNED_TRANSPORT_KEYS;
  const own = Object.keys(spec.schema._zod.def.shape);
  return Object.freeze([...own, ...TRANSPORT_OPTION_KEYS.filter((key) => !owned.includes(key) && !own.includes(key))]);
}

/**
 * Checks a client's options: every key is one of its own or a transport option it passes on
 * (a transport option it sets itself, or any other key, is an `InputError` naming it); its own
 * options are parsed by its schema. The transport options' values are checked by `createTransport`.
 *
 * @param options - What the caller gave.
 * @param spec - The provider, the client's name, its own options' schema and the transport options it owns.
 * @throws `InputError` naming the first bad option and the provider, before any request.
 * @example
 * ```ts
 * const OwnOptions = z.strictObject({
 *   baseUrl: serviceUrlSchema({ example: 'https://tenant.ivanticloud.com', credentials: 'the apiKey option' }),
 *   apiKey: z.string().check(z.trim(), z.minLength(1, 'is required')),
 * });
 * const { own, transport } = resolveClientOptions(
 *   { baseUrl: 'https://tenant.ivanticloud.com', apiKey: 'key', timeout: 10_000 },
 *   { provider: 'ivanti', client: 'IvantiClient', schema: OwnOptions },
 * );
 * // own: { baseUrl: 'https://tenant.ivanticloud.com', apiKey: 'key' }, transport: { timeout: 10000 }
 * ```
 *
 * @category Options
 */
export function resolveClientOptions<S extends z.core.$ZodObject>(options: unknown, spec: ClientOptionsSpec<S>): ResolvedClientOptions<S> {
  const { provider, client, schema } = spec;
  const fail = (field: string, message: string): never => {
    throw new InputError(`${field} ${message}`, { provider, field });
  };
  if (typeof options !== 'object' || options === null) fail('options', 'must be an object');
  const owned: readonly string[] = spec.owned ?? CLIENT_OWNED_TRANSPORT_KEYS;
  const ownKeys = Object.keys(schema._zod.def.shape);
  const accepted = clientOptionKeys(spec);
  const own: Record<string, unknown> = {};
  const transport: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(options as object)) {
    if (ownKeys.includes(key)) own[key] = value;
    else if (value === undefined) continue;
    else if (owned.includes(key)) fail(key, `is set by ${client} and cannot be given`);
    else if (accepted.includes(key)) transport[key] = value;
    else fail(key, 'is not a known option');
  }
  return { own: parseInput(schema, own, '', { provider }), transport: transport as ClientTransportOptions };
}
