/**
 * The `itsm-sandbox` command, as a function: parses arguments, starts the sandbox, prints each
 * provider's URL, credentials and connector options, prints one line per request, and stops when its
 * `signal` aborts. The bin (`cli.ts`) wires the signal to SIGINT and SIGTERM.
 *
 * @module
 */
import { parseArgs } from 'node:util';
import { errorMessage, SandboxError } from './errors.js';
import type { ProviderId } from './provider-id.js';
import { builtinSimulators, type SimulatorRegistry } from './registry.js';
import type { RequestLogEntry } from './request-log.js';
import { DEFAULT_SEED, launchSandbox, type Sandbox } from './sandbox.js';
import type { AnySimulator, SimSample } from './simulator.js';

/**
 * Where the command writes; `process.stdout` and `process.stderr` fit.
 *
 * @internal
 */
export interface CliOutput {
  /** Writes text as is (lines end with `\n`). */
  write(text: string): unknown;
}

/**
 * Options of {@link runCli}.
 *
 * @internal
 */
export interface CliOptions {
  /** Simulators to offer besides the built-in ones (same as `startSandbox({ simulators })`). */
  readonly simulators?: readonly AnySimulator[];
  /** Where the banner and request lines go (default `process.stdout`). */
  readonly stdout?: CliOutput;
  /** Where errors and usage go (default `process.stderr`). */
  readonly stderr?: CliOutput;
  /** Stops the sandbox when aborted; without it the command runs until the process ends. */
  readonly signal?: AbortSignal;
  /** Called once the sandbox is running (before the banner is printed). */
  readonly onStarted?: (sandbox: Sandbox<AnySimulator>) => void;
}

/**
 * The usage text of `itsm-sandbox --help`.
 *
 * @internal
 */
export const CLI_USAGE = `Usage: itsm-sandbox [options]

Runs local simulators of IT service-management APIs (built in: Jira Cloud + Service Management)
as HTTP servers on 127.0.0.1, each on its own port, and prints their URLs, credentials, connector
options and a sample of the seeded data (a requester, one of their tickets, an agent).

Options:
  --providers <list>  comma-separated providers to run, e.g. jira-cloud,ivanti (default: all)
  --port <n>          first port; the i-th provider gets n+i (default: 0 = free ports)
  --seed <text>       seed of the generated data (default: ${DEFAULT_SEED})
  --tickets <n>       tickets per simulator (default: each simulator's own)
  --seeded-until <t>  the instant the seeded history leads up to, e.g. 2026-01-01T00:00:00Z
                      (default: now; the same seed and instant always give the same data)
  --quiet             do not print a line per request
  -h, --help          show this help

Stop it with Ctrl+C.
`;

/**
 * Exit codes: 0 after a clean stop or `--help`, 1 when the sandbox cannot start, 2 for bad usage.
 *
 * @internal
 */
export const CLI_EXIT = {
  /** Stopped cleanly, or printed the help. */
  ok: 0,
  /** The sandbox could not start (no simulator, unknown provider, port in use, ...). */
  failure: 1,
  /** Bad arguments. */
  usage: 2,
} as const;

/**
 * Runs the `itsm-sandbox` command with `argv` (without the node and script paths) and resolves with
 * the exit code once it has stopped.
 *
 * @internal
 */
export function runCli(argv: readonly string[], options: CliOptions = {}): Promise<number> {
  return runCliWith(builtinSimulators, argv, options);
}

/** {@link runCli} with an explicit set of built-in simulators (for tests). */
export async function runCliWith(builtins: SimulatorRegistry, argv: readonly string[], options: CliOptions = {}): Promise<number> {
  const stdout = options.stdout ?? process.stdout;
  const stderr = options.stderr ?? process.stderr;

  let parsed;
  try {
    parsed = parseCliArgs(argv);
  } catch (error) {
    stderr.write(`itsm-sandbox: ${errorMessage(error)}\n\n${CLI_USAGE}`);
    return CLI_EXIT.usage;
  }
  if (parsed.help) {
    stdout.write(CLI_USAGE);
    return CLI_EXIT.ok;
  }

  let sandbox: Sandbox<AnySimulator>;
  try {
    sandbox = await launchSandbox(builtins, {
      ...(parsed.providers === undefined ? {} : { providers: parsed.providers }),
      ...(parsed.port === undefined ? {} : { port: parsed.port }),
      ...(parsed.seed === undefined ? {} : { seed: parsed.seed }),
      ...(parsed.tickets === undefined ? {} : { tickets: parsed.tickets }),
      ...(parsed.seededUntil === undefined ? {} : { seededUntil: parsed.seededUntil }),
      simulators: options.simulators ?? [],
      ...(parsed.quiet ? {} : { onRequest: (entry: RequestLogEntry) => stdout.write(`${formatRequest(entry)}\n`) }),
    });
  } catch (error) {
    stderr.write(`itsm-sandbox: ${errorMessage(error)}\n`);
    return CLI_EXIT.failure;
  }

  try {
    options.onStarted?.(sandbox);
    stdout.write(banner(sandbox));
    await waitForAbort(options.signal);
    stdout.write('itsm-sandbox: stopping\n');
    return CLI_EXIT.ok;
  } catch (error) {
    stderr.write(`itsm-sandbox: ${errorMessage(error)}\n`);
    return CLI_EXIT.failure;
  } finally {
    await sandbox.close();
  }
}

/**
 * Runs the command in this process: arguments from `process.argv`, stops on SIGINT or SIGTERM, and
 * sets `process.exitCode`. This is what the `itsm-sandbox` bin does; `simulators` adds your own.
 *
 * @internal
 */
export async function runCliProcess(options: Pick<CliOptions, 'simulators'> = {}): Promise<void> {
  const controller = new AbortController();
  const stop = (): void => controller.abort();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  // Output piped into something that closes early (`itsm-sandbox | head`) stops the sandbox, not a crash.
  process.stdout.on('error', stop);
  try {
    process.exitCode = await runCli(process.argv.slice(2), { ...options, signal: controller.signal });
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    process.stdout.off('error', stop);
  }
}

interface CliArgs {
  readonly help: boolean;
  readonly quiet: boolean;
  readonly providers?: string[];
  readonly port?: number;
  readonly seed?: string;
  readonly tickets?: number;
  readonly seededUntil?: string;
}

/** Parses the arguments; throws with a one-line message on bad usage. */
function parseCliArgs(argv: readonly string[]): CliArgs {
  const { values } = parseArgs({
    args: [...argv],
    strict: true,
    allowPositionals: false,
    options: {
      providers: { type: 'string' },
      port: { type: 'string' },
      seed: { type: 'string' },
      tickets: { type: 'string' },
      'seeded-until': { type: 'string' },
      quiet: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const providers = values.providers
    ?.split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  if (providers?.length === 0) throw new Error('--providers needs at least one provider, e.g. --providers jira-cloud');
  return {
    help: values.help,
    quiet: values.quiet,
    ...(providers === undefined ? {} : { providers }),
    ...(values.port === undefined ? {} : { port: integerArg('--port', values.port, 0, 65_535) }),
    ...(values.seed === undefined ? {} : { seed: values.seed }),
    ...(values.tickets === undefined ? {} : { tickets: integerArg('--tickets', values.tickets, 1, Number.MAX_SAFE_INTEGER) }),
    ...(values['seeded-until'] === undefined ? {} : { seededUntil: instantArg('--seeded-until', values['seeded-until']) }),
  };
}

function integerArg(flag: string, text: string, min: number, max: number): number {
  const value = /^\d+$/u.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) throw new Error(`${flag} must be an integer from ${min} to ${max} (got ${JSON.stringify(text)})`);
  return value;
}

function instantArg(flag: string, text: string): string {
  if (!/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/u.test(text) || Number.isNaN(Date.parse(text))) {
    throw new Error(`${flag} must be an ISO 8601 date or date-time with an offset, e.g. 2026-01-01T00:00:00Z (got ${JSON.stringify(text)})`);
  }
  return text;
}

/**
 * What is printed once the sandbox runs: per provider, its URL, credentials, connector options and a
 * sample of the seeded data (a requester, one of their tickets, an agent) to try things with.
 */
function banner(sandbox: Sandbox<AnySimulator>): string {
  const lines = [
    `itsm-sandbox: ${sandbox.providers.length} simulator(s) running, seed ${JSON.stringify(sandbox.seed)}, seeded until ${sandbox.seededUntil.toISOString()}`,
    '',
  ];
  for (const provider of sandbox.providers) {
    lines.push(`${provider}  ${sandbox.url(provider)}`);
    lines.push(`  credentials:       ${JSON.stringify(sandbox.credentials[provider])}`);
    lines.push(`  connector options: ${JSON.stringify(sandbox.connectorOptions(provider))}`);
    const sample = sampleOf(sandbox, provider);
    if (sample !== undefined) lines.push(`  sample data:       ${JSON.stringify(sample)}`);
    lines.push('');
  }
  lines.push('Ready. Press Ctrl+C to stop.', '');
  return lines.join('\n');
}

/** The provider's sample data, or `undefined` for a simulator that has none. */
function sampleOf(sandbox: Sandbox<AnySimulator>, provider: ProviderId): SimSample | undefined {
  try {
    return sandbox.sample(provider);
  } catch (error) {
    if (error instanceof SandboxError) return undefined;
    throw error;
  }
}

/**
 * One request log line: `time provider METHOD /path?query -> status (duration)`.
 *
 * @internal
 */
export function formatRequest(entry: RequestLogEntry): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(entry.query)) {
    for (const item of typeof value === 'string' ? [value] : value) query.append(name, item);
  }
  const search = query.size > 0 ? `?${query.toString()}` : '';
  const status = entry.status === 0 ? 'reset' : String(entry.status);
  const notes = [entry.fault ? 'fault' : '', entry.error ?? ''].filter((note) => note !== '');
  return `${entry.at} ${entry.provider} ${entry.method} ${entry.path}${search} -> ${status} (${Math.round(entry.durationMs)} ms)${notes.length > 0 ? ` [${notes.join('; ')}]` : ''}`;
}

function waitForAbort(signal: AbortSignal | undefined): Promise<void> {
  if (signal === undefined) return new Promise(() => {});
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
}
