/**
 * `startSandbox()`: runs provider simulators as real HTTP servers on the loopback interface, one port
 * per provider, and returns the {@link Sandbox} handle to reach, break, inspect, reset and stop them.
 *
 * @module
 */
import { SandboxError } from './errors.js';
import { createDispatcher, FaultDelays, type ProviderRuntime } from './dispatch.js';
import { FaultInjector, type Faults } from './faults.js';
import { KNOWN_PROVIDER_IDS, PROVIDER_ID_PATTERN, type ProviderId } from './provider-id.js';
import { Random } from './random.js';
import { builtinSimulators, type BuiltinSimulator, type SimulatorRegistry } from './registry.js';
import { createSandboxCertificates } from './certificate.js';
import { RequestLog, type RequestLogEntry } from './request-log.js';
import { ProviderServer } from './server.js';
import type { AnySimulator, SimCredentials, SimSample } from './simulator.js';

/**
 * The seed used when none is given, so that data is the same from run to run.
 *
 * @category Sandbox
 */
export const DEFAULT_SEED = 'itsm-sandbox';
/**
 * The default largest request body, in bytes (16 MiB); larger ones get a 413.
 *
 * @category Sandbox
 */
export const DEFAULT_MAX_BODY_BYTES = 16 * 1024 * 1024;
/**
 * The default number of request log entries kept (the oldest are dropped beyond it).
 *
 * @category Sandbox
 */
export const DEFAULT_REQUEST_LOG_LIMIT = 10_000;

/**
 * Options of {@link startSandbox}.
 *
 * @category Sandbox
 */
export interface SandboxOptions<Extra extends readonly AnySimulator[] = readonly AnySimulator[]> {
  /**
   * The providers to run, in this order (which matters for a fixed `port`). Default: every available
   * simulator, the built-in ones first.
   */
  readonly providers?: readonly ProviderId[];
  /**
   * `0` (the default) gives each provider its own free ephemeral port. A fixed number `N` gives the
   * i-th provider (from 0, in `providers` order) port `N + i`: `{ providers: ['jira-cloud',
   * 'autotask'], port: 4010 }` runs Jira on 4010 and Autotask on 4011.
   */
  readonly port?: number;
  /** The seed of all generated data and credentials (default {@link DEFAULT_SEED}). */
  readonly seed?: string;
  /**
   * How many tickets each simulator seeds (default: each simulator's own, e.g. 600). Larger sets,
   * such as the benchmarks' 10,000, take longer to start.
   */
  readonly tickets?: number;
  /**
   * The instant the seeded history leads up to: seeded tickets, comments and changes are dated in the
   * months before it, the newest just before it. Default: the moment the sandbox starts, so that
   * "the last 90 days" finds seeded tickets whenever the tests run; `reset()` keeps the same instant.
   * The same `seed` and the same `seededUntil` always give the same data: pass a fixed instant
   * (`'2026-01-01T00:00:00Z'`) for data that does not move from one run to the next.
   */
  readonly seededUntil?: Date | string;
  /**
   * Simulators to run besides the built-in ones: your own providers, or replacements of a built-in
   * simulator (one with the same provider id wins over the built-in one).
   */
  readonly simulators?: Extra;
  /** The largest request body accepted, in bytes (default {@link DEFAULT_MAX_BODY_BYTES}); larger ones get a 413. */
  readonly maxBodyBytes?: number;
  /** How many request log entries are kept (default {@link DEFAULT_REQUEST_LOG_LIMIT}); the oldest are dropped. */
  readonly requestLogLimit?: number;
  /** Called with each request log entry as it is recorded (the `itsm-sandbox` bin prints them). */
  readonly onRequest?: (entry: RequestLogEntry) => void;
  /**
   * Serve HTTPS instead of HTTP (default `false`): for clients that insist on `https://`, and links
   * (`self`, `baseUrl`) that start with it. A certificate authority and a certificate it signs for
   * `127.0.0.1`, `::1` and `localhost` are made at start; trust `sandbox.ca` to call the sandbox.
   */
  readonly tls?: boolean;
}

/**
 * The simulator in the union `S` whose provider id is `P` (`never` when there is none).
 *
 * @category Sandbox
 */
export type SimulatorFor<S extends AnySimulator, P extends ProviderId> = Extract<
  S,
  {
    /** The provider id to look for. */
    readonly provider: P;
  }
>;

/**
 * The credentials type of provider `P` among simulators `S`; {@link SimCredentials} when unknown.
 *
 * @category Sandbox
 */
export type CredentialsOf<S extends AnySimulator, P extends ProviderId> = [SimulatorFor<S, P>] extends [never]
  ? SimCredentials
  : ReturnType<SimulatorFor<S, P>['credentials']>;

/**
 * The connector options type of provider `P` among simulators `S`; a plain record when unknown.
 *
 * @category Sandbox
 */
export type ConnectorOptionsOf<S extends AnySimulator, P extends ProviderId> = [SimulatorFor<S, P>] extends [never]
  ? Record<string, unknown>
  : ReturnType<SimulatorFor<S, P>['connectorOptions']>;

/**
 * The state type of provider `P` among simulators `S`; `unknown` when unknown.
 *
 * @category Sandbox
 */
export type StateOf<S extends AnySimulator, P extends ProviderId> = [SimulatorFor<S, P>] extends [never]
  ? unknown
  : Awaited<ReturnType<SimulatorFor<S, P>['createState']>>;

/**
 * `sandbox.credentials`: each running provider's credentials, typed per provider for simulators
 * declared with `defineSimulator`. Reading a provider that is not running throws.
 *
 * @category Sandbox
 */
export type SandboxCredentials<S extends AnySimulator> = {
  readonly [Sim in S as string extends Sim['provider'] ? never : Sim['provider']]: ReturnType<Sim['credentials']>;
} & { readonly [provider: string]: SimCredentials };

/**
 * A running sandbox. `S` is the union of the simulators it may run, which types `credentials`,
 * `connectorOptions()` and `state()` per provider.
 *
 * @category Sandbox
 */
export interface Sandbox<S extends AnySimulator = BuiltinSimulator> extends AsyncDisposable {
  /** The running providers, in port order. */
  readonly providers: readonly ProviderId[];
  /** The seed the data was generated from. */
  readonly seed: string;
  /** The instant the seeded history leads up to (the `seededUntil` option, or when the sandbox started). */
  readonly seededUntil: Date;
  /**
   * A provider's base URL: a bare origin such as `http://127.0.0.1:54321` (`https://…` with the
   * `tls` option). Throws when it is not running.
   */
  url(provider: ProviderId): string;
  /**
   * With the `tls` option, the PEM certificate authority that signed the sandbox's certificate:
   * what a client trusts to call it (`https.request(url, { ca })`, undici's
   * `new Agent({ connect: { ca } })`, a `fetch` built on either). `undefined` without `tls`.
   *
   * @example
   * ```ts
   * import { Agent } from 'undici';
   * await using sb = await startSandbox({ providers: ['jira-cloud'], tls: true });
   * const dispatcher = new Agent({ connect: { ca: sb.ca } });
   * const trusting: typeof fetch = (input, init) => fetch(input, { ...init, dispatcher } as RequestInit);
   * const jira = createJiraConnector({ ...sb.connectorOptions('jira-cloud'), fetch: trusting });
   * ```
   */
  readonly ca: string | undefined;
  /** Each running provider's credentials, e.g. `credentials['jira-cloud']` = `{ email, apiToken }`. */
  readonly credentials: SandboxCredentials<S>;
  /** Everything the provider's connector factory needs for the seeded data. Throws when it is not running. */
  connectorOptions<P extends ProviderId>(provider: P): ConnectorOptionsOf<S, P>;
  /** The simulator's current state, to inspect or arrange data in tests. Throws when it is not running. */
  state<P extends ProviderId>(provider: P): StateOf<S, P>;
  /**
   * Seeded records to try things with: a requester's e-mail and name, one of their open tickets
   * (`ticketKey`, `ticketId`), an agent's e-mail; the same fields for every provider, the same
   * values for a seed. Throws when the provider is not running or its simulator has no sample.
   *
   * @example
   * ```ts
   * const { requesterEmail, ticketKey } = sb.sample('jira-cloud');
   * await jira.tickets.create({ subject: 'VPN down', requester: requesterEmail });
   * await jira.comments.add(ticketKey, { body: 'Any news?' });
   * ```
   */
  sample(provider: ProviderId): SimSample;
  /** Fault injection: `faults.inject({ provider, status: 503, times: 2 })`, `faults.clear()`. */
  readonly faults: Faults;
  /** The request log, oldest first; a live read-only view (cleared by `clearRequests()` and `reset()`). */
  readonly requests: readonly RequestLogEntry[];
  /** Empties the request log; requests still in progress are not recorded when they finish. */
  clearRequests(): void;
  /**
   * Re-creates every simulator's state from the seed, removes every fault and empties the request log.
   * Requests still waiting in a fault delay get their connection reset and are not logged.
   */
  reset(): Promise<void>;
  /** Stops every server and ends its connections. Idempotent. */
  close(): Promise<void>;
}

/**
 * Starts the sandbox: every requested simulator on its own loopback port, seeded deterministically.
 *
 * @example
 * ```ts
 * await using sb = await startSandbox({ providers: ['jira-cloud'] });
 * const jira = createJiraConnector(sb.connectorOptions('jira-cloud'));
 * sb.faults.inject({ provider: 'jira-cloud', status: 503, times: 1 });
 * ```
 *
 * @throws {@link SandboxError} when an option is invalid, no simulator is available, a requested
 * provider has no simulator, or a port cannot be used.
 *
 * @category Sandbox
 */
export function startSandbox<const Extra extends readonly AnySimulator[] = readonly []>(
  options: SandboxOptions<Extra> = {},
): Promise<Sandbox<BuiltinSimulator | Extra[number]>> {
  return launchSandbox(builtinSimulators, options);
}

const OPTION_NAMES = new Set(['providers', 'port', 'seed', 'tickets', 'seededUntil', 'simulators', 'maxBodyBytes', 'requestLogLimit', 'onRequest', 'tls']);

/** {@link startSandbox} with an explicit set of built-in simulators (for tests and the CLI). */
export async function launchSandbox<S extends AnySimulator>(builtins: SimulatorRegistry, options: SandboxOptions): Promise<Sandbox<S>> {
  const settings = readOptions(options);
  const available = resolveSimulators(builtins, options.simulators ?? []);
  const providers = chooseProviders(available, options.providers);
  if (settings.port > 0 && settings.port + providers.length - 1 > 65_535) {
    throw new SandboxError(`Invalid sandbox option: "port" ${settings.port} leaves no room for ${providers.length} providers (the last port would be above 65535).`);
  }

  const runtimes: ProviderRuntime[] = [];
  for (const provider of providers) {
    const simulator = available.get(provider) as AnySimulator;
    const credentials = readCredentials(simulator, settings.seed);
    runtimes.push({ provider, simulator, credentials, seed: settings.seed, url: '', state: await createState(simulator, settings) });
  }

  const certificates = settings.tls ? createSandboxCertificates() : undefined;
  const faults = new FaultInjector(providers);
  const delays = new FaultDelays();
  const log = new RequestLog(settings.requestLogLimit, runtimes.map((runtime) => runtime.credentials as Record<string, unknown>), options.onRequest);
  const servers: ProviderServer[] = [];
  try {
    for (const [index, runtime] of runtimes.entries()) {
      const server = await ProviderServer.listen({
        provider: runtime.provider,
        port: settings.port === 0 ? 0 : settings.port + index,
        maxBodyBytes: settings.maxBodyBytes,
        dispatch: createDispatcher(runtime, faults, delays),
        log,
        tls: certificates,
      });
      runtime.url = server.url;
      servers.push(server);
    }
  } catch (error) {
    await Promise.all(servers.map((server) => server.close()));
    throw error;
  }
  return new RunningSandbox<S>({ runtimes, servers, faults, delays, log, settings, ca: certificates?.ca, knownProviders: [...KNOWN_PROVIDER_IDS, ...available.keys()] });
}

interface Settings {
  readonly seed: string;
  readonly port: number;
  readonly tickets: number | undefined;
  readonly seededUntil: Date;
  readonly maxBodyBytes: number;
  readonly requestLogLimit: number;
  readonly tls: boolean;
}

function invalidOption(name: string, problem: string, value: unknown): never {
  const got = typeof value === 'string' ? JSON.stringify(value) : typeof value === 'object' && value !== null ? 'an object' : String(value);
  throw new SandboxError(`Invalid sandbox option: "${name}" ${problem} (got ${got}).`);
}

function positiveInteger(name: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) invalidOption(name, 'must be a positive integer', value);
  return value;
}

function readOptions(options: SandboxOptions): Settings {
  if (typeof options !== 'object' || options === null) throw new SandboxError('Invalid sandbox options: expected an object.');
  for (const key of Object.keys(options)) {
    if (!OPTION_NAMES.has(key)) throw new SandboxError(`Invalid sandbox option: "${key}" is not an option (known: ${[...OPTION_NAMES].join(', ')}).`);
  }
  const { seed = DEFAULT_SEED, port = 0, seededUntil = new Date() } = options;
  if (typeof seed !== 'string' || seed === '') invalidOption('seed', 'must be a non-empty string', seed);
  if (typeof port !== 'number' || !Number.isInteger(port) || port < 0 || port > 65_535) invalidOption('port', 'must be an integer from 0 to 65535', port);
  const until = seededUntil instanceof Date ? new Date(seededUntil.getTime()) : typeof seededUntil === 'string' ? new Date(seededUntil) : new Date(Number.NaN);
  if (Number.isNaN(until.getTime())) invalidOption('seededUntil', 'must be a valid date (a Date or an ISO 8601 string)', seededUntil);
  if (options.onRequest !== undefined && typeof options.onRequest !== 'function') invalidOption('onRequest', 'must be a function', options.onRequest);
  if (options.providers !== undefined && !Array.isArray(options.providers)) invalidOption('providers', 'must be an array of provider ids', options.providers);
  if (options.simulators !== undefined && !Array.isArray(options.simulators)) invalidOption('simulators', 'must be an array of simulators', options.simulators);
  if (options.tls !== undefined && typeof options.tls !== 'boolean') invalidOption('tls', 'must be true or false', options.tls);
  return {
    seed,
    port,
    tickets: options.tickets === undefined ? undefined : positiveInteger('tickets', options.tickets, 0),
    seededUntil: until,
    maxBodyBytes: positiveInteger('maxBodyBytes', options.maxBodyBytes, DEFAULT_MAX_BODY_BYTES),
    requestLogLimit: positiveInteger('requestLogLimit', options.requestLogLimit, DEFAULT_REQUEST_LOG_LIMIT),
    tls: options.tls ?? false,
  };
}

/** The available simulators by provider: the built-in ones, then `extras` (which replace same-id ones). */
function resolveSimulators(builtins: SimulatorRegistry, extras: readonly AnySimulator[]): Map<ProviderId, AnySimulator> {
  const available = new Map<ProviderId, AnySimulator>();
  for (const [key, simulator] of Object.entries(builtins)) {
    checkSimulator(simulator, `the built-in simulator "${key}"`);
    if (simulator.provider !== key) throw new SandboxError(`The built-in simulator registered as "${key}" says its provider is "${simulator.provider}".`);
    available.set(key, simulator);
  }
  const seen = new Set<ProviderId>();
  for (const [index, simulator] of extras.entries()) {
    checkSimulator(simulator, `simulators[${index}]`);
    if (seen.has(simulator.provider)) throw new SandboxError(`Invalid sandbox option: "simulators" has two simulators for "${simulator.provider}".`);
    seen.add(simulator.provider);
    available.set(simulator.provider, simulator);
  }
  return available;
}

function checkSimulator(simulator: AnySimulator, where: string): void {
  if (typeof simulator !== 'object' || simulator === null) throw new SandboxError(`Invalid simulator: ${where} is not an object.`);
  if (typeof simulator.provider !== 'string' || !PROVIDER_ID_PATTERN.test(simulator.provider)) {
    throw new SandboxError(`Invalid simulator: ${where} has provider ${JSON.stringify(simulator.provider)}; expected a lower-case id such as "jira-cloud".`);
  }
  for (const method of ['createState', 'credentials', 'connectorOptions', 'handle'] as const) {
    if (typeof simulator[method] !== 'function') throw new SandboxError(`Invalid simulator: ${where} ("${simulator.provider}") has no ${method}() function.`);
  }
  if (simulator.sample !== undefined && typeof simulator.sample !== 'function') {
    throw new SandboxError(`Invalid simulator: ${where} ("${simulator.provider}") has a sample that is not a function.`);
  }
}

function chooseProviders(available: ReadonlyMap<ProviderId, AnySimulator>, requested: readonly ProviderId[] | undefined): ProviderId[] {
  const names = [...available.keys()];
  if (requested === undefined) {
    if (names.length === 0) {
      throw new SandboxError(
        'No simulators are available: @itsm/sandbox has no built-in simulator yet and none was passed in the "simulators" option.',
      );
    }
    return names;
  }
  if (requested.length === 0) throw new SandboxError('Invalid sandbox option: "providers" is empty; name at least one provider or omit it.');
  const seen = new Set<ProviderId>();
  for (const provider of requested) {
    if (seen.has(provider)) throw new SandboxError(`Invalid sandbox option: "providers" names "${provider}" twice.`);
    seen.add(provider);
    if (!available.has(provider)) {
      throw new SandboxError(`No simulator for provider "${provider}" (available: ${names.length > 0 ? names.join(', ') : 'none'}).`);
    }
  }
  return [...requested];
}

function readCredentials(simulator: AnySimulator, seed: string): object {
  const credentials: unknown = simulator.credentials({ provider: simulator.provider, seed, random: new Random(`${seed}/${simulator.provider}/credentials`) });
  if (typeof credentials !== 'object' || credentials === null) {
    throw new SandboxError(`The "${simulator.provider}" simulator's credentials() did not return an object.`);
  }
  for (const [field, value] of Object.entries(credentials)) {
    if (typeof value !== 'string') throw new SandboxError(`The "${simulator.provider}" simulator's credentials().${field} is not a string.`);
  }
  return Object.freeze({ ...credentials });
}

function createState(simulator: AnySimulator, settings: Settings): Promise<unknown> {
  return Promise.resolve(
    simulator.createState({
      provider: simulator.provider,
      seed: settings.seed,
      random: new Random(`${settings.seed}/${simulator.provider}/state`),
      tickets: settings.tickets,
      seededUntil: new Date(settings.seededUntil.getTime()),
    }),
  );
}

interface RunningSandboxParts {
  readonly runtimes: readonly ProviderRuntime[];
  readonly servers: readonly ProviderServer[];
  readonly faults: FaultInjector;
  readonly delays: FaultDelays;
  readonly log: RequestLog;
  readonly settings: Settings;
  readonly ca: string | undefined;
  readonly knownProviders: readonly ProviderId[];
}

class RunningSandbox<S extends AnySimulator> implements Sandbox<S> {
  readonly providers: readonly ProviderId[];
  readonly seed: string;
  readonly credentials: SandboxCredentials<S>;
  readonly faults: Faults;
  readonly ca: string | undefined;
  readonly #parts: RunningSandboxParts;
  readonly #byProvider: ReadonlyMap<ProviderId, ProviderRuntime>;
  #closed: Promise<void> | undefined;

  constructor(parts: RunningSandboxParts) {
    this.#parts = parts;
    this.#byProvider = new Map(parts.runtimes.map((runtime) => [runtime.provider, runtime]));
    this.providers = Object.freeze(parts.runtimes.map((runtime) => runtime.provider));
    this.seed = parts.settings.seed;
    this.faults = parts.faults;
    this.ca = parts.ca;
    this.credentials = credentialsView(parts.runtimes, parts.knownProviders, (provider) => this.#notRunning(provider)) as SandboxCredentials<S>;
  }

  get seededUntil(): Date {
    return new Date(this.#parts.settings.seededUntil.getTime());
  }

  url(provider: ProviderId): string {
    return this.#runtime(provider).url;
  }

  connectorOptions<P extends ProviderId>(provider: P): ConnectorOptionsOf<S, P> {
    const runtime = this.#runtime(provider);
    const options = runtime.simulator.connectorOptions({ provider, url: runtime.url, credentials: runtime.credentials, state: runtime.state });
    return options as ConnectorOptionsOf<S, P>;
  }

  state<P extends ProviderId>(provider: P): StateOf<S, P> {
    return this.#runtime(provider).state as StateOf<S, P>;
  }

  sample(provider: ProviderId): SimSample {
    const runtime = this.#runtime(provider);
    if (runtime.simulator.sample === undefined) {
      throw new SandboxError(`The "${provider}" simulator has no sample(): read its state with sandbox.state("${provider}") instead.`);
    }
    return runtime.simulator.sample({ provider, state: runtime.state });
  }

  get requests(): readonly RequestLogEntry[] {
    return this.#parts.log.entries;
  }

  clearRequests(): void {
    this.#parts.log.clear();
  }

  async reset(): Promise<void> {
    // Requests still in a fault delay are reset, and their log entries dropped (they predate the reset).
    this.#parts.delays.abortAll();
    const states = await Promise.all(this.#parts.runtimes.map((runtime) => createState(runtime.simulator, this.#parts.settings)));
    for (const [index, runtime] of this.#parts.runtimes.entries()) runtime.state = states[index];
    this.#parts.faults.clear();
    this.#parts.log.clear();
  }

  close(): Promise<void> {
    this.#closed ??= Promise.all(this.#parts.servers.map((server) => server.close())).then(() => {
      this.#parts.faults.clear();
    });
    return this.#closed;
  }

  [Symbol.asyncDispose](): Promise<void> {
    return this.close();
  }

  #runtime(provider: ProviderId): ProviderRuntime {
    const runtime = this.#byProvider.get(provider);
    if (runtime === undefined) this.#notRunning(provider);
    return runtime;
  }

  #notRunning(provider: ProviderId): never {
    throw new SandboxError(`The "${provider}" simulator is not running in this sandbox (running: ${this.providers.join(', ')}).`);
  }
}

/**
 * The `credentials` object: each running provider's credentials; reading a provider id that is known
 * (built in, registered or shipped with the SDK) but not running throws instead of giving `undefined`.
 */
function credentialsView(
  runtimes: readonly ProviderRuntime[],
  knownProviders: readonly ProviderId[],
  notRunning: (provider: ProviderId) => never,
): Readonly<Record<string, SimCredentials>> {
  const table = Object.freeze(Object.fromEntries(runtimes.map((runtime) => [runtime.provider, runtime.credentials as SimCredentials])));
  const known = new Set(knownProviders);
  return new Proxy(table, {
    get(target, key, receiver) {
      if (typeof key === 'string' && !Object.hasOwn(target, key) && known.has(key)) notRunning(key);
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
}
