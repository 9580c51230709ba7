/**
 * {@link resolveConnectorOptions}: a connector takes either a ready client or the client's
 * options, beside its own settings; every key is checked before anything is built.
 *
 * @module
 */
import { InputError, parseInput, type ProviderId } from '@itsm/core';
import * as z from 'zod/mini';

/**
 * What {@link resolveConnectorOptions} needs to know about a connector and its client.
 *
 * @category Options
 */
export interface ConnectorOptionsSpec<C, S extends z.core.$ZodObject> {
  /** The provider, set on every error. */
  provider: ProviderId;
  /** The connector's own settings (project, mappings, ...), as a zod object. */
  settings: S;
  /** Every option the client accepts (see `clientOptionKeys`): taken from the options when no `client` is given. */
  clientOptionKeys: readonly string[];
  /** The client's class name, for the error when `client` is something else. */
  clientName: string;
  /** Whether a value is a client (usually `value instanceof TheClient`). */
  isClient: (value: unknown) => value is C;
  /** Builds the client from its options (it checks them itself). */
  createClient: (options: Record<string, unknown>) => C;
}

/**
 * What {@link resolveConnectorOptions} returns.
 *
 * @category Options
 */
export interface ResolvedConnectorOptions<C, S extends z.core.$ZodObject> {
  /** The client given, or the one built from the client options. */
  client: C;
  /** The connector's settings, parsed. */
  settings: z.output<S>;
}

/**
 * Checks a connector's options and gets its client: with `client`, the options are that client
 * plus the settings, nothing else; without it, they are the settings plus the client's options,
 * from which the client is built. Any other key is an `InputError` naming it (a client option
 * next to a ready client too, since it would be ignored).
 *
 * @param options - What the caller gave.
 * @param spec - The settings' schema and how to recognise and build the client.
 * @throws `InputError` naming the first bad option and the provider, before any request.
 * @example
 * ```ts
 * declare class NotesClient { constructor(options: Record<string, unknown>) }
 * const { client, settings } = resolveConnectorOptions(
 *   { baseUrl: 'https://notes.example', apiKey: 'key', projectKey: 'HELP' },
 *   {
 *     provider: 'ivanti',
 *     settings: z.strictObject({ projectKey: z.string() }),
 *     clientOptionKeys: ['baseUrl', 'apiKey'],
 *     clientName: 'NotesClient',
 *     isClient: (value): value is NotesClient => value instanceof NotesClient,
 *     createClient: (clientOptions) => new NotesClient(clientOptions),
 *   },
 * );
 * ```
 *
 * @category Options
 */
export function resolveConnectorOptions<C, S extends z.core.$ZodObject>(options: unknown, spec: ConnectorOptionsSpec<C, S>): ResolvedConnectorOptions<C, S> {
  const { provider, settings, clientOptionKeys } = spec;
  if (typeof options !== 'object' || options === null) {
    throw new InputError('options must be an object: the connector settings, and the client options or a client', { provider, field: 'options' });
  }
  const withClient = (options as { client?: unknown }).client !== undefined;
  const extra = withClient
    ? { client: z.custom<C>((value) => spec.isClient(value), `must be a ${spec.clientName}`) }
    : Object.fromEntries(clientOptionKeys.map((key) => [key, z.optional(z.unknown())]));
  const parsed = parseInput(z.strictObject({ ...settings._zod.def.shape, ...extra }), options, '', { provider }) as Record<string, unknown>;
  const client = withClient
    ? (parsed.client as C)
    : spec.createClient(Object.fromEntries(Object.entries(options).filter(([key]) => clientOptionKeys.includes(key))));
  const own = Object.fromEntries(Object.entries(parsed).filter(([key]) => Object.hasOwn(settings._zod.def.shape, key)));
  return { client, settings: own as z.output<S> };
}
