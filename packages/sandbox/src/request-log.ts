/**
 * The request log: one entry per request any simulator received, in the order they finished.
 * It holds no headers and no bodies, so no credential can end up in it; query values that look like
 * secrets (by parameter name, or because they contain a credential's secret value) are replaced with
 * `'[REDACTED]'`, and so is a secret value found in the path, a parameter name or an error message.
 * Secrets are also looked for in the forms a client may derive from them: percent-encoded,
 * form-encoded, Base64 and Base64url, and Base64 of `identity:secret` pairs (HTTP Basic credentials
 * such as `email:apiToken`).
 *
 * @module
 */
import { errorMessage } from './errors.js';
import type { ProviderId } from './provider-id.js';

/**
 * One request a simulator received, `sandbox.requests[i]`.
 *
 * @category Sandbox
 */
export interface RequestLogEntry {
  /** The simulator that received it. */
  readonly provider: ProviderId;
  /** The method, upper-case. */
  readonly method: string;
  /** The path as sent (percent-encoded), without the query; a credential's secret value in it reads `[REDACTED]`. */
  readonly path: string;
  /** The query parameters; a repeated parameter gives an array of its values. */
  readonly query: Readonly<Record<string, string | readonly string[]>>;
  /** The status answered; `0` when there was no answer: a fault reset the connection, or the client or `close()` ended it first. */
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
/** Shorter secret values are only redacted where they are a whole value (a substring could be anywhere). */
const MIN_EMBEDDED_SECRET = 8;

/** A secret and the forms a client may send it in: raw, percent- and form-encoded, Base64 and Base64url. */
function derivedForms(secret: string): string[] {
  const base64 = Buffer.from(secret, 'utf8').toString('base64');
  const withoutPadding = base64.replace(/=+$/u, '');
  return [
    secret,
    encodeURIComponent(secret),
    new URLSearchParams({ v: secret }).toString().slice(2),
    base64,
    withoutPadding,
    encodeURIComponent(base64),
    withoutPadding.replaceAll('+', '-').replaceAll('/', '_'),
  ];
}

/**
 * The placeholder for a redacted value.
 *
 * @category Sandbox
 */
export const REDACTED = '[REDACTED]';

/** Holds the entries; internal, the sandbox exposes `requests` and `clearRequests()`. */
export class RequestLog {
  /** The entries, oldest first. The same array for the log's lifetime. */
  readonly entries: RequestLogEntry[] = [];
  readonly #limit: number;
  readonly #secrets: ReadonlySet<string>;
  /** The secrets long enough to look for inside a value, raw and percent-encoded. */
  readonly #embedded: readonly string[];
  readonly #listener: ((entry: RequestLogEntry) => void) | undefined;
  #generation = 0;

  /**
   * @param limit - the most entries kept; the oldest are dropped beyond it.
   * @param credentials - every running simulator's credentials, to redact their secret values.
   * @param listener - called with each new entry.
   */
  constructor(limit: number, credentials: readonly Readonly<Record<string, unknown>>[], listener?: (entry: RequestLogEntry) => void) {
    this.#limit = limit;
    this.#listener = listener;
    const secrets = new Set<string>();
    const derived = new Set<string>();
    for (const set of credentials) {
      const values = Object.entries(set).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== '');
      for (const [field, value] of values) {
        if (!SECRET_CREDENTIAL.test(field)) continue;
        secrets.add(value);
        // Basic credentials: every other field of the set as the identity, this secret as the password.
        for (const [other, identity] of values) if (other !== field) derived.add(`${identity}:${value}`);
      }
    }
    this.#secrets = secrets;
    const long = [...secrets, ...derived].filter((secret) => secret.length >= MIN_EMBEDDED_SECRET);
    this.#embedded = [...new Set(long.flatMap(derivedForms))].filter((form) => form.length >= MIN_EMBEDDED_SECRET)
      // Longest first, so that a form containing another is replaced whole.
      .sort((a, b) => b.length - a.length);
  }

  /** Increases with each {@link clear}; a request remembers it on arrival, see {@link add}. */
  get generation(): number {
    return this.#generation;
  }

  /**
   * Records a request; its path, query and error are redacted here. When `generation` (read when the
   * request arrived) is older than the last {@link clear}, the entry is not kept (the listener still
   * gets it): a request that arrived before `clearRequests()` or `reset()` does not show up after it.
   */
  add(entry: Omit<RequestLogEntry, 'query'> & { readonly query: URLSearchParams }, generation = this.#generation): RequestLogEntry {
    const recorded: RequestLogEntry = Object.freeze({
      ...entry,
      path: this.#redactText(entry.path),
      query: this.#redactQuery(entry.query),
      ...(entry.error === undefined ? {} : { error: this.#redactText(entry.error) }),
    });
    if (generation === this.#generation) {
      this.entries.push(recorded);
      if (this.entries.length > this.#limit) this.entries.splice(0, this.entries.length - this.#limit);
    }
    try {
      this.#listener?.(recorded);
    } catch (error) {
      process.emitWarning(`itsm-sandbox: the onRequest listener threw: ${errorMessage(error)}`);
    }
    return recorded;
  }

  /** Removes every entry. */
  clear(): void {
    this.entries.length = 0;
    this.#generation += 1;
  }

  #isSecret(value: string): boolean {
    return this.#secrets.has(value) || this.#embedded.some((secret) => value.includes(secret));
  }

  #redactText(text: string): string {
    return this.#embedded.reduce((out, secret) => out.replaceAll(secret, REDACTED), text);
  }

  #redactQuery(query: URLSearchParams): Readonly<Record<string, string | readonly string[]>> {
    // A Map, not an object: a parameter may be named `__proto__` or `constructor`.
    const out = new Map<string, string | string[]>();
    for (const [rawName, raw] of query) {
      const name = this.#isSecret(rawName) ? REDACTED : rawName;
      const value = SECRET_PARAM.test(rawName) || this.#isSecret(raw) ? REDACTED : raw;
      const previous = out.get(name);
      if (previous === undefined) out.set(name, value);
      else if (typeof previous === 'string') out.set(name, [previous, value]);
      else previous.push(value);
    }
    return Object.fromEntries(out);
  }
}
