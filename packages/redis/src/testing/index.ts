/**
 * `@itsm/redis/testing`: a real `redis-server` for tests and demos, started on a free loopback port
 * with nothing saved to disk, so that tests of several processes sharing one budget run against the
 * real thing rather than a fake.
 *
 * ```ts
 * const redis = await startRedisServer();
 * const shared = createRedisStores({ url: redis.url, keyPrefix: 'test:' });
 * // ...
 * await shared.close();
 * await redis.close();
 * ```
 *
 * `redis-server` comes with Redis: `apt-get install redis-server` on Debian and Ubuntu,
 * `brew install redis` on macOS.
 *
 * @packageDocumentation
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

/**
 * A `redis-server` started by {@link startRedisServer}.
 *
 * @category Utilities
 */
export interface RedisServer {
  /** Its URL, `redis://127.0.0.1:<port>`. */
  readonly url: string;
  /** Its port on the loopback interface. */
  readonly port: number;
  /** The process id of the server. */
  readonly pid: number;
  /** Stops the server (SIGTERM, then SIGKILL after five seconds) and removes its working folder. */
  close(): Promise<void>;
}

/**
 * Options of {@link startRedisServer}.
 *
 * @category Utilities
 */
export interface StartRedisServerOptions {
  /** The `redis-server` executable. Default: the first `redis-server` on the `PATH` ({@link findRedisServer}). */
  binary?: string | undefined;
  /** How long to wait for the server to accept connections, in milliseconds. Default 30,000. */
  startTimeoutMs?: number | undefined;
  /**
   * The port, e.g. to start a server again where a stopped one was (to test reconnection).
   * Default: a free one.
   */
  port?: number | undefined;
}

/**
 * The path of the first `redis-server` on the `PATH`, or `undefined` when there is none: tests that
 * need one skip (and say so) without it.
 *
 * @param path - The search path. Default `process.env.PATH`.
 * @category Utilities
 */
export function findRedisServer(path: string | undefined = process.env.PATH): string | undefined {
  for (const dir of (path ?? '').split(delimiter)) {
    if (dir === '') continue;
    const candidate = join(dir, process.platform === 'win32' ? 'redis-server.exe' : 'redis-server');
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

/** A port that was free a moment ago on 127.0.0.1. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Waits until the server says it accepts connections, or fails with what it printed. */
function untilReady(child: ChildProcess, timeoutMs: number): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let output = '';
    const done = (error?: Error) => {
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.off('exit', onExit);
      if (error === undefined) resolve();
      else reject(error);
    };
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (/ready to accept connections/i.test(output)) done();
    };
    const onExit = (code: number | null, signal: string | null) => {
      done(new Error(`redis-server exited (${signal ?? `code ${code}`}) before accepting connections:\n${output.trim()}`));
    };
    const timer = setTimeout(() => done(new Error(`redis-server did not accept connections within ${timeoutMs} ms:\n${output.trim()}`)), timeoutMs);
    child.stdout?.on('data', onData);
    child.once('exit', onExit);
  });
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise<void>((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/**
 * Starts a `redis-server` on a free port of 127.0.0.1, in memory only (no RDB or AOF files), and
 * resolves once it accepts connections. The server stops when the process that started it exits.
 *
 * @param options - The executable and how long to wait for it.
 * @throws Error when there is no `redis-server`, or it does not start.
 * @example
 * ```ts
 * const redis = await startRedisServer();
 * console.log(redis.url); // redis://127.0.0.1:40123
 * await redis.close();
 * ```
 *
 * @category Utilities
 */
export async function startRedisServer(options: StartRedisServerOptions = {}): Promise<RedisServer> {
  const binary = options.binary ?? findRedisServer();
  if (binary === undefined) throw new Error('no redis-server on the PATH (Debian and Ubuntu: apt-get install redis-server; macOS: brew install redis)');
  const startTimeoutMs = options.startTimeoutMs ?? 30_000;
  let lastError: unknown;
  // A free port may be taken between finding it and the server binding it: then try another.
  for (let attempt = 0; attempt < (options.port === undefined ? 5 : 1); attempt += 1) {
    const port = options.port ?? (await freePort());
    const dir = mkdtempSync(join(tmpdir(), 'itsm-redis-'));
    const child = spawn(
      binary,
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, '--loglevel', 'notice', '--daemonize', 'no'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const stopOnExit = () => child.kill('SIGKILL');
    process.once('exit', stopOnExit);
    const cleanUp = () => {
      process.off('exit', stopOnExit);
      rmSync(dir, { recursive: true, force: true });
    };
    child.stderr?.resume();
    try {
      await untilReady(child, startTimeoutMs);
    } catch (error) {
      lastError = error;
      await stop(child);
      cleanUp();
      continue;
    }
    // Keep reading its output, so that a full pipe never blocks it.
    child.stdout?.resume();
    let closing: Promise<void> | undefined;
    return {
      url: `redis://127.0.0.1:${port}`,
      port,
      pid: child.pid ?? 0,
      close: () => {
        closing ??= stop(child).then(cleanUp);
        return closing;
      },
    };
  }
  throw lastError instanceof Error ? lastError : new Error(String(lastError));
}
