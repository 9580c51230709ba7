/**
 * The contract a provider simulator implements. A simulator is plain data plus four functions: it
 * creates its seeded state, names the credentials it accepts, tells a connector how to reach the
 * seeded data, and answers HTTP requests. The sandbox does everything else: one loopback HTTP server
 * per provider, fault injection, the request log, reset and close.
 *
 * @example
 * ```ts
 * export const notesSimulator = defineSimulator({
 *   provider: 'notes',
 *   createState: ({ random }) => ({ notes: [{ id: 1, title: random.pick(['a', 'b']) }] }),
 *   credentials: ({ random }) => ({ token: random.hex(32) }),
 *   connectorOptions: ({ url, credentials }) => ({ baseUrl: url, token: credentials.token }),
 *   handle: (request, { state }) => ({ status: 200, body: state.notes }),
 * });
 * ```
 *
 * @module
 */
import type { ProviderId } from './provider-id.js';
import type { Random } from './random.js';

/**
 * Credentials a simulator accepts: field name to value, e.g. `{ email, apiToken }`.
 *
 * @category Simulator framework
 */
export type SimCredentials = Readonly<Record<string, string>>;

/**
 * A response body:
 * - `undefined`: no body;
 * - a `string`: sent as is (default content type `text/plain; charset=utf-8`);
 * - a `Uint8Array`: sent as is (default `application/octet-stream`);
 * - anything else (object, array, number, boolean, `null`): serialised with `JSON.stringify`
 *   (default `application/json; charset=utf-8`).
 *
 * A `content-type` header in the response replaces the default. To send a JSON string, serialise it
 * yourself and set the header.
 *
 * @category Simulator framework
 */
export type SimBody = string | Uint8Array | object | number | boolean | null | undefined;

/**
 * Response headers: name to value, or to several values for a repeated header.
 *
 * @category Simulator framework
 */
export type SimHeaders = Readonly<Record<string, string | readonly string[]>>;

/**
 * What a simulator answers.
 *
 * @category Simulator framework
 */
export interface SimResponse {
  /** The HTTP status, 200 to 599. */
  readonly status: number;
  /** Headers to send; `content-type` and `content-length` are filled in when missing. */
  readonly headers?: SimHeaders;
  /** The body; see {@link SimBody} for how each kind is sent. */
  readonly body?: SimBody;
}

/**
 * A response, or a promise of one.
 *
 * @category Simulator framework
 */
export type SimResult = SimResponse | Promise<SimResponse>;

/**
 * An HTTP request as a simulator sees it: fully read, with helpers.
 *
 * @category Simulator framework
 */
export interface SimRequest {
  /** The method, upper-case: `'GET'`, `'POST'`, ... */
  readonly method: string;
  /** The path as sent, still percent-encoded, without the query: `'/rest/api/3/issue/HD-1'`. */
  readonly path: string;
  /** The query parameters. */
  readonly query: URLSearchParams;
  /** The headers, by lower-case name; a repeated header's values are joined with `', '`. */
  readonly headers: Readonly<Record<string, string>>;
  /** The raw body; empty when there is none. */
  readonly body: Uint8Array;
  /** A header's value by case-insensitive name, or `undefined`. */
  header(name: string): string | undefined;
  /** The body decoded as UTF-8. */
  text(): string;
  /** The body parsed as JSON; throws a `SyntaxError` when it is not JSON (an empty body is not). */
  json(): unknown;
}

/**
 * What {@link Simulator.createState} gets to build the seeded data.
 *
 * @category Simulator framework
 */
export interface StateContext {
  /** The provider the state is for. */
  readonly provider: ProviderId;
  /** The sandbox seed. */
  readonly seed: string;
  /** A generator seeded from the seed and the provider: the only source of randomness to use. */
  readonly random: Random;
  /**
   * How many tickets (the main record) to seed, when the sandbox was asked for a size; `undefined`
   * means the simulator's own default.
   */
  readonly tickets: number | undefined;
  /**
   * The instant the seeded history leads up to: seeded records are dated before it, the newest just
   * before it. It is the moment the sandbox started unless the sandbox was given `seededUntil`, so
   * date every record relative to it (never to the clock), and the same seed and instant give the
   * same data.
   */
  readonly seededUntil: Date;
}

/**
 * What {@link Simulator.credentials} gets.
 *
 * @category Simulator framework
 */
export interface CredentialsContext {
  /** The provider the credentials are for. */
  readonly provider: ProviderId;
  /** The sandbox seed. */
  readonly seed: string;
  /** A generator seeded from the seed and the provider, separate from the state's. */
  readonly random: Random;
}

/**
 * What {@link Simulator.connectorOptions} gets.
 *
 * @category Simulator framework
 */
export interface ConnectorOptionsContext<State, Credentials> {
  /** The provider. */
  readonly provider: ProviderId;
  /** The simulator's base URL, a bare origin such as `http://127.0.0.1:54321`. */
  readonly url: string;
  /** The credentials the simulator accepts. */
  readonly credentials: Credentials;
  /** The current state. */
  readonly state: State;
}

/**
 * What {@link Simulator.handle} gets besides the request.
 *
 * @category Simulator framework
 */
export interface HandlerContext<State, Credentials> {
  /** The provider. */
  readonly provider: ProviderId;
  /** The simulator's base URL, a bare origin such as `http://127.0.0.1:54321`, e.g. for `self` links. */
  readonly url: string;
  /** The current state; handlers change it in place. */
  readonly state: State;
  /** The credentials the simulator accepts, to check a request's authentication against. */
  readonly credentials: Credentials;
  /** The sandbox seed. */
  readonly seed: string;
}

/**
 * Seeded records to try things with, the same for a seed: what `sandbox.sample(provider)` returns
 * and the `itsm-sandbox` command prints. Every simulator gives the same fields, so an example or a
 * test reads them the same way whatever the provider.
 *
 * @category Simulator framework
 */
export interface SimSample {
  /** A person the service knows by this e-mail address, who has raised tickets: a `requester`. */
  readonly requesterEmail: string;
  /** That person's display name. */
  readonly requesterName: string;
  /** The key people write of one of their tickets, still open (e.g. `HELP-42`). */
  readonly ticketKey: string;
  /** The provider's id of that ticket. */
  readonly ticketId: string;
  /** An agent's e-mail address: an `assignee`. */
  readonly agentEmail: string;
}

/**
 * What {@link Simulator.sample} gets.
 *
 * @category Simulator framework
 */
export interface SampleContext<State> {
  /** The provider. */
  readonly provider: ProviderId;
  /** The current state. */
  readonly state: State;
}

/**
 * A provider simulator. `State` is whatever the simulator keeps (its tickets, users, ...);
 * `Credentials` the fields a client authenticates with (string values); `Options` what
 * {@link Simulator.connectorOptions} returns, which types `sandbox.connectorOptions(provider)`.
 *
 * Create one with {@link defineSimulator}, which keeps the provider id as a literal type.
 *
 * @category Simulator framework
 */
export interface Simulator<State = unknown, Credentials extends object = SimCredentials, Options extends object = Record<string, unknown>> {
  /** The provider id, a lower-case identifier such as `'jira-cloud'`. */
  readonly provider: ProviderId;
  /** A human name for messages, e.g. `'Jira Cloud'` (default: the provider id). */
  readonly title?: string;
  /**
   * Builds the seeded state. It must draw randomness only from `context.random`, so the same seed
   * gives the same state; it is called again on `sandbox.reset()`.
   */
  createState(context: StateContext): State | Promise<State>;
  /** The credentials the simulator accepts; every value must be a string. Called once per sandbox. */
  credentials(context: CredentialsContext): Credentials;
  /** Everything the provider's connector factory needs to reach the seeded data. */
  connectorOptions(context: ConnectorOptionsContext<State, Credentials>): Options;
  /**
   * Seeded records to try things with (see {@link SimSample}): a requester, one of their open
   * tickets, an agent. Optional; `sandbox.sample(provider)` throws for a simulator without it.
   */
  sample?(context: SampleContext<State>): SimSample;
  /**
   * Answers one request. It may throw {@link SimResponseError} to answer from deep inside a helper;
   * any other exception becomes a 500 and is recorded in the request log.
   */
  handle(request: SimRequest, context: HandlerContext<State, Credentials>): SimResult;
}

/**
 * Any simulator, whatever its state, credentials and options types.
 *
 * @category Simulator framework
 */
export type AnySimulator = Simulator<unknown, object, object>;

/**
 * Declares a simulator; returns it unchanged, typed so that its provider id stays a literal (which
 * lets the sandbox type `credentials` and `connectorOptions` per provider) and its state type is
 * inferred from `createState`.
 *
 * @category Simulator framework
 */
export function defineSimulator<const Provider extends ProviderId, State, Credentials extends object, Options extends object>(
  simulator: Simulator<State, Credentials, Options> & WithProvider<Provider>,
): Simulator<State, Credentials, Options> & WithProvider<Provider> {
  return simulator;
}

/**
 * A simulator's provider id as a literal type; see {@link defineSimulator}.
 *
 * @category Simulator framework
 */
export interface WithProvider<Provider extends ProviderId> {
  /** The provider id, e.g. `'jira-cloud'`. */
  readonly provider: Provider;
}

/**
 * Throw from a handler (or anything it calls) to answer with `response`: e.g. a helper that checks
 * authentication throws the provider's 401. The sandbox sends the response; it is not an error.
 *
 * @category Simulator framework
 */
export class SimResponseError extends Error {
  /** The response to send. */
  readonly response: SimResponse;

  /** Creates the error carrying `response`; `message` is for debugging only. */
  constructor(response: SimResponse, message = `simulator answered ${response.status}`) {
    super(message);
    this.name = 'SimResponseError';
    this.response = response;
  }
}
