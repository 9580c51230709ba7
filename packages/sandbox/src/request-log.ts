/**
 * The request log: one entry per request any simulator received, in the order they finished.
 * It holds no headers and no bodies, so no credential can end up in it; query values that look like
 * secrets (by parameter name, or because they equal a credential's secret value) are replaced with
 * `'[REDACTED]'`.
 *
 * @module
 */
import type { ProviderId } from './provider-id.js';

/** One request a simulator received, `sandbox.requests[i]`. */
export interface RequestLogEntry {
  /** The simulator that received it. */
  readonly provider: ProviderId;
  /** The method, upper-case. */
  readonly method: string;
  /** The path as sent (percent-encoded), without the query. */
  readonly path: string;
  /** The query parameters; a repeated parameter gives an array of its values. */
  readonly query: Readonly<Record<string, string | readonly string[]>>;
  /** The status answered; `0` when a fault reset the connection. */
  readonly status: number;
  /** When the request arrived, ISO 8601 UTC. */
  readonly at: string;
  /** Milliseconds from arrival to the answer (or reset), including any fault delay. */
  readonly durationMs: number;
  /** Whether a fault rule applied to it. */
  readonly fault: boolean;
  /** When the simulator threw: the error message (the client got a 500). */
  readonly error?: string;
}

/** Parameter names whose values are never logged. */
const SECRET_PARAM = /token|secret|passw|api[-_]?key|signature|credential|^auth(orization)?$|^session[-_]?id$/iu;
/** Credential fields whose values are secrets (as opposed to identities such as an email). */
const SECRET_CREDENTIAL = /token|secret|passw|key|code|tracking/iu;

/** The placeholder for a redacted value. */
export const REDACTED = '[REDACTED]';

/** Holds the entries; internal, the sandbox exposes `requests` and `clearRequests()`. */
export class RequestLog {
  /** The entries, oldest first. The same array for the log's lifetime. */
  readonly entries: RequestLogEntry[] = [];
  readonly #limit: number;
  readonly #secrets: ReadonlySet<string>;
  readonly #listener: ((entry: RequestLogEntry) => void) | undefined;

  /**
   * @param limit - the most entries kept; the oldest are dropped beyond it.
   * @param credentials - every running simulator's credentials, to redact their secret values.
   * @param listener - called with each new entry.
   */
  constructor(limit: number, credentials: readonly Readonly<Record<string, unknown>>[], listener?: (entry: RequestLogEntry) => void) {
    this.#limit = limit;
    this.#listener = listener;
    const secrets = new Set<string>();
    for (const set of credentials) {
      for (const [field, value] of Object.entries(set)) {
        if (SECRET_CREDENTIAL.test(field) && typeof value === 'string' && value !== '') secrets.add(value);
      }
    }
    this.#secrets = secrets;
  }

  /** Records a request; `query` is redacted here. */
  add(entry: Omit<RequestLogEntry, 'query'> & { readonly query: URLSearchParams }): RequestLogEntry {
    const recorded: RequestLogEntry = Object.freeze({ ...entry, query: this.#redactQuery(entry.query) });
    this.entries.push(recorded);
    if (this.entries.length > this.#limit) this.entries.splice(0, this.entries.length - this.#limit);
    try {
      this.#listener?.(recorded);
    } catch (error) {
      process.emitWarning(`itsm-sandbox: the onRequest listener threw: ${error instanceof Error ? error.message : String(error)}`);
    }
    return recorded;
  }

  /** Removes every entry. */
  clear(): void {
    this.entries.length = 0;
  }

  #redactQuery(query: URLSearchParams): Readonly<Record<string, string | readonly string[]>> {
    const out: Record<string, string | string[]> = {};
    for (const [name, raw] of query) {
      const value = SECRET_PARAM.test(name) || this.#secrets.has(raw) ? REDACTED : raw;
      const previous = out[name];
      if (previous === undefined) out[name] = value;
      else if (typeof previous === 'string') out[name] = [previous, value];
      else previous.push(value);
    }
    return out;
  }
}
