/**
 * One `node:http` server per simulator (`node:https` with `tls`), on the loopback interface: it reads each request (413 beyond
 * the body limit), hands it to a dispatcher, writes the answer (no body for `HEAD`) or resets the
 * connection, and records the request in the log. It never crashes on a bad request or a failing
 * simulator, and its `close()` also ends keep-alive connections.
 *
 * @module
 */
import { createServer, type IncomingMessage, type OutgoingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer, type Server as TlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { TLSSocket } from 'node:tls';
import { errorMessage, SandboxError } from './errors.js';
import type { ProviderId } from './provider-id.js';
import type { RequestLog } from './request-log.js';
import { createSimRequest } from './request.js';
import { encodeResponse, type EncodedResponse } from './response.js';
import type { SimRequest } from './simulator.js';

/** The host every simulator listens on. */
export const SANDBOX_HOST = '127.0.0.1';

/**
 * How long an idle keep-alive connection is said to stay open (`Keep-Alive: timeout=5`), in
 * milliseconds. Clients close an idle connection before then (undici two seconds before).
 */
export const ADVERTISED_KEEP_ALIVE_MS = 5_000;

/**
 * How long an idle keep-alive connection really stays open, in milliseconds: far longer than
 * advertised, so that the client always closes an idle connection first. A server that closes at
 * the advertised moment races a client that reuses the connection just then (its timers run late
 * on a busy event loop): the request is written into a connection the server is closing, and the
 * client gets `ECONNRESET` for a request the server never read.
 */
export const IDLE_CONNECTION_MS = 65_000;

/**
 * The listen backlog: connections the kernel holds until the server accepts them. Node's default
 * (511) is below what a burst of a thousand concurrent calls opens; the kernel caps it at
 * `net.core.somaxconn`.
 */
export const LISTEN_BACKLOG = 4_096;

/** What the dispatcher decided for a request. */
export type Outcome =
  | { readonly kind: 'respond'; readonly response: EncodedResponse; readonly fault: boolean; readonly error?: string }
  | { readonly kind: 'reset'; readonly fault: boolean };

/** Decides the outcome of one request; `signal` aborts when the server closes or the client goes away. */
export type Dispatch = (request: SimRequest, signal: AbortSignal) => Promise<Outcome>;

/** Options of {@link ProviderServer.listen}. */
export interface ProviderServerOptions {
  /** The provider it serves, for the log. */
  readonly provider: ProviderId;
  /** The port; 0 picks a free one. */
  readonly port: number;
  /** Larger request bodies get a 413. */
  readonly maxBodyBytes: number;
  /** Decides each request's outcome. */
  readonly dispatch: Dispatch;
  /** Where requests are recorded. */
  readonly log: RequestLog;
  /** Serve HTTPS with this key and certificate (PEM) instead of plain HTTP. */
  readonly tls?: { readonly key: string; readonly cert: string } | undefined;
}

/** A running simulator server. */
export class ProviderServer {
  /** The bare origin, e.g. `http://127.0.0.1:54321` (`https://` with `tls`). */
  readonly url: string;
  /** The port it listens on. */
  readonly port: number;
  readonly #server: Server | TlsServer;
  readonly #options: ProviderServerOptions;
  /** One per request being served: aborted when the client goes away, or all at once by `close()`. */
  readonly #inFlight = new Set<AbortController>();
  #closed: Promise<void> | undefined;

  private constructor(server: Server | TlsServer, options: ProviderServerOptions) {
    this.#server = server;
    this.#options = options;
    this.port = (server.address() as AddressInfo).port;
    this.url = `${options.tls === undefined ? 'http' : 'https'}://${SANDBOX_HOST}:${this.port}`;
  }

  /** Starts a server; rejects with a {@link SandboxError} when the port cannot be used. */
  static async listen(options: ProviderServerOptions): Promise<ProviderServer> {
    const server = options.tls === undefined
      ? createServer({ noDelay: true, keepAliveTimeout: IDLE_CONNECTION_MS })
      : createTlsServer({ noDelay: true, keepAliveTimeout: IDLE_CONNECTION_MS, key: options.tls.key, cert: options.tls.cert });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen({ port: options.port, host: SANDBOX_HOST, backlog: LISTEN_BACKLOG }, () => {
        server.off('error', reject);
        resolve();
      });
    }).catch((error: unknown) => {
      const code = (error as { code?: unknown }).code;
      const reason = code === 'EADDRINUSE' ? 'the port is in use' : errorMessage(error);
      throw new SandboxError(`Cannot start the "${options.provider}" simulator on ${SANDBOX_HOST}:${options.port}: ${reason}.`, { cause: error });
    });
    const instance = new ProviderServer(server, options);
    server.on('request', (request: IncomingMessage, response: ServerResponse) => {
      instance.#serve(request, response).catch((error: unknown) => {
        process.emitWarning(`itsm-sandbox: failed to serve a request: ${errorMessage(error)}`);
      });
    });
    // A malformed request never reaches 'request'; answer 400 and drop the connection.
    server.on('clientError', (_error, socket) => {
      if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      else socket.destroy();
    });
    return instance;
  }

  /** Stops listening, ends every connection (idle or not) and aborts pending fault delays. Idempotent. */
  close(): Promise<void> {
    this.#closed ??= new Promise<void>((resolve) => {
      for (const request of this.#inFlight) request.abort();
      this.#server.close(() => resolve());
      this.#server.closeAllConnections();
    });
    return this.#closed;
  }

  async #serve(incoming: IncomingMessage, response: ServerResponse): Promise<void> {
    const started = performance.now();
    const at = new Date().toISOString();
    const generation = this.#options.log.generation;
    const method = (incoming.method ?? 'GET').toUpperCase();
    const target = requestTarget(incoming.url);
    // Aborted when the client goes away before the answer (the response closes unfinished) or on close().
    const aborter = new AbortController();
    const abort = (): void => aborter.abort();
    this.#inFlight.add(aborter);
    response.once('close', abort);
    let request: SimRequest | undefined;
    let outcome: Outcome;
    try {
      const { body, tooLarge } = await readBody(incoming, this.#options.maxBodyBytes);
      request = createSimRequest({ method, target, headers: incoming.headers, body });
      outcome = tooLarge ? tooLargeOutcome(this.#options.maxBodyBytes) : await this.#options.dispatch(request, aborter.signal);
    } catch (error) {
      if (aborter.signal.aborted || incoming.destroyed) {
        outcome = { kind: 'reset', fault: false }; // closed while waiting, or the client went away
      } else {
        const message = errorMessage(error);
        outcome = { kind: 'respond', response: internalError(message), fault: false, error: message };
      }
    } finally {
      this.#inFlight.delete(aborter);
      response.off('close', abort);
    }

    outcome = write(incoming, response, outcome);

    const path = request?.path ?? target.split('?')[0] ?? target;
    const query = request?.query ?? new URLSearchParams();
    this.#options.log.add({
      provider: this.#options.provider,
      method,
      path,
      query,
      status: outcome.kind === 'reset' ? 0 : outcome.response.status,
      at,
      durationMs: Math.round((performance.now() - started) * 100) / 100,
      fault: outcome.fault,
      ...(outcome.kind === 'respond' && outcome.error !== undefined ? { error: outcome.error } : {}),
    }, generation);
  }
}

/**
 * Sends the outcome. When the simulator's headers cannot be written (an invalid name or value), sends
 * a 500 instead and returns that outcome, so the log tells the truth.
 */
function write(incoming: IncomingMessage, response: ServerResponse, outcome: Outcome): Outcome {
  if (outcome.kind === 'reset') {
    // A TCP reset; a TLS socket cannot send one (its handle is not TCP), so it is closed without an answer.
    if (incoming.socket instanceof TLSSocket) incoming.socket.destroy();
    else incoming.socket.resetAndDestroy();
    return outcome;
  }
  if (response.destroyed) return outcome;
  try {
    const headers = toNodeHeaders(outcome.response.headers);
    response.writeHead(outcome.response.status, headers.connection === undefined ? { ...keepAliveHeaders(response), ...headers } : headers);
  } catch (error) {
    const message = `the simulator's response headers are invalid: ${errorMessage(error)}`;
    const failure = internalError(message);
    if (response.headersSent) {
      response.destroy();
      return { kind: 'reset', fault: outcome.fault };
    }
    for (const name of response.getHeaderNames()) response.removeHeader(name);
    response.writeHead(failure.status, toNodeHeaders(failure.headers));
    response.end(failure.body);
    return { kind: 'respond', response: failure, fault: outcome.fault, error: message };
  }
  response.end(outcome.response.body);
  return outcome;
}

/**
 * The keep-alive headers of a response whose connection stays open: they advertise
 * {@link ADVERTISED_KEEP_ALIVE_MS}, while the server waits {@link IDLE_CONNECTION_MS} (setting
 * `Connection` keeps Node from advertising its own, real, timeout). None when the connection closes.
 */
function keepAliveHeaders(response: ServerResponse): OutgoingHttpHeaders {
  if (!response.shouldKeepAlive) return {};
  return { connection: 'keep-alive', 'keep-alive': `timeout=${ADVERTISED_KEEP_ALIVE_MS / 1000}` };
}

/** The path and query of a request target; an absolute-form target (`http://host/path`) is reduced. */
function requestTarget(url: string | undefined): string {
  if (url === undefined || url === '') return '/';
  if (url.startsWith('/')) return url;
  try {
    const parsed = new URL(url);
    return `${parsed.pathname}${parsed.search}`;
  } catch {
    return `/${url}`;
  }
}

/** Reads the whole body; past `limit` bytes it keeps reading (so the answer can be sent) but discards. */
function readBody(incoming: IncomingMessage, limit: number): Promise<{ body: Uint8Array; tooLarge: boolean }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    incoming.on('data', (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size > limit) chunks.length = 0;
      else chunks.push(chunk);
    });
    incoming.on('end', () => resolve({ body: size > limit ? new Uint8Array(0) : Buffer.concat(chunks), tooLarge: size > limit }));
    incoming.on('error', reject);
    incoming.on('close', () => {
      if (!incoming.complete) reject(new Error('the client closed the connection before sending the whole request'));
    });
  });
}

function tooLargeOutcome(limit: number): Outcome {
  const response = encodeResponse({
    status: 413,
    headers: { connection: 'close' },
    body: { error: 'Payload Too Large', message: `itsm-sandbox: the request body exceeds the limit of ${limit} bytes` },
  });
  return { kind: 'respond', response, fault: false };
}

/** The 500 the sandbox sends when a simulator fails. */
export function internalError(message: string): EncodedResponse {
  return encodeResponse({ status: 500, body: { error: 'Internal Server Error', message: `itsm-sandbox: ${message}` } });
}

function toNodeHeaders(headers: EncodedResponse['headers']): OutgoingHttpHeaders {
  const out: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) out[name] = typeof value === 'string' ? value : [...value];
  return out;
}
