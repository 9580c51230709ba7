/**
 * The secrets a transport keeps out of everything it emits. Starts from the values given in
 * `secrets`, and learns the values of credential headers, of every header `auth` set, and of
 * credential-like query parameters, so that a secret nobody registered is still redacted.
 *
 * @module
 */
import { createRedactor, isSecretHeader, REDACTED, redactUrl, type Redactor } from '../redact.js';

/** A growing set of secrets and the redactor for them. */
export interface SecretStore {
  /** Replaces every known secret in a value. Always uses the secrets known at the time of the call. */
  readonly redact: Redactor;
  /** Grows by one whenever a new secret is learned, so that redacted values can be cached. */
  readonly version: number;
  /**
   * Learns the values of credential headers (`Authorization`, `ApiIntegrationCode`, ...) and, when
   * `before` is given, of every header whose value differs from `before` (what `auth` set).
   */
  learnHeaders(headers: Headers, before?: Headers): void;
  /** Learns the values of credential-like query parameters and of user-info in a URL. */
  learnUrl(url: string): void;
  /** A URL fit to show: credential parameters and user-info removed, known secrets redacted. */
  displayUrl(url: string): string;
}

/** The forms a credential header value may take apart: `Basic <base64>`, `Bearer <token>`, `name=value`. */
function credentialForms(value: string): string[] {
  const forms = [value];
  const scheme = /^(\S+)\s+(\S.*)$/.exec(value);
  const credential = scheme?.[2] ?? value;
  forms.push(credential);
  if (scheme?.[1]?.toLowerCase() === 'basic') {
    const decoded = Buffer.from(credential, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    forms.push(decoded);
    if (colon >= 0) forms.push(decoded.slice(colon + 1));
  }
  const assignment = /^[\w.-]+=(.+)$/.exec(credential);
  if (assignment?.[1]) forms.push(assignment[1]);
  return forms;
}

/**
 * Makes a secret store.
 *
 * @param initial - The secrets known from the start.
 */
export function createSecretStore(initial: Iterable<string>): SecretStore {
  const known = new Set<string>();
  for (const secret of initial) if (secret) known.add(secret);
  let current = createRedactor(known);
  let version = 0;
  /** Header values already taken apart, so that a repeated credential costs one lookup. */
  const seenHeaderValues = new Set<string>();

  const learn = (values: Iterable<string>) => {
    const before = known.size;
    for (const value of values) if (value) known.add(value);
    if (known.size !== before) {
      current = createRedactor(known);
      version += 1;
    }
  };

  return {
    redact: <T>(value: T): T => current(value),
    get version() {
      return version;
    },
    learnHeaders(headers, before) {
      for (const [name, value] of headers) {
        if (seenHeaderValues.has(value)) continue;
        const setByAuth = before !== undefined && before.get(name) !== value;
        if (!setByAuth && !isSecretHeader(name)) continue;
        seenHeaderValues.add(value);
        learn(credentialForms(value));
      }
    },
    learnUrl(url) {
      if (!url.includes('?') && !url.includes('@')) return;
      let original: URL;
      let cleaned: URL;
      try {
        original = new URL(url);
        cleaned = new URL(redactUrl(url));
      } catch {
        return;
      }
      const values: string[] = [];
      if (original.password) values.push(decodeURIComponent(original.password));
      for (const [name, value] of original.searchParams) {
        if (cleaned.searchParams.get(name) === REDACTED && value !== REDACTED) values.push(value);
      }
      learn(values);
    },
    displayUrl(url) {
      return current(redactUrl(url));
    },
  };
}
