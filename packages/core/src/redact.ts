/**
 * Redaction of secrets from anything that may leave the SDK: error messages, error fields, JSON and
 * logs. Secrets are registered by value (an API key, a token, a secret, an encoded `Authorization`
 * value) and replaced wherever they occur, in any string, however deeply nested.
 *
 * @module
 */

/**
 * What a redacted secret is replaced with.
 *
 * @category Transport
 */
export const REDACTED = '[REDACTED]';

/** Secrets shorter than this are not searched for: they would match ordinary text. */
const MIN_SECRET_LENGTH = 4;

/** Header names whose values are always secret, whatever their value. */
const SECRET_HEADER_NAMES = new Set([
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
  'x-api-key',
  'apikey',
  'api-key',
  'secret',
  'username',
  'apiintegrationcode',
  'rest_api_key',
]);

/** Query parameter names whose values are always secret. */
const SECRET_QUERY_NAMES =
  /^(api[-_]?key|key|auth|token|access[-_]?token|private[-_]?token|session[-_]?id|secret|password|client[-_]?secret|code|signature|sig)$/i;

/**
 * Whether a header name carries a credential. Used by the transport to keep such headers out of
 * hooks' and errors' views of a request.
 *
 * @param name - A header name, in any case.
 * @category Transport
 */
export function isSecretHeader(name: string): boolean {
  return SECRET_HEADER_NAMES.has(name.toLowerCase());
}

/**
 * A function that replaces every registered secret in a value with {@link REDACTED}.
 * Strings are searched; arrays and plain objects are copied with their strings (keys included)
 * redacted; other values are returned unchanged.
 *
 * @category Transport
 */
export type Redactor = <T>(value: T) => T;

function escapeForRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A value as `URLSearchParams` writes it: it escapes more than `encodeURIComponent`, and a space as `+`. */
function formEncode(text: string): string {
  return new URLSearchParams({ v: text }).toString().slice('v='.length);
}

/**
 * Builds a {@link Redactor} for the given secrets. Each secret is also searched for in its
 * URL-encoded (both `encodeURIComponent` and form encoding) and Base64 forms, so that a token inside
 * a Basic `Authorization` value or a query string is caught too. Object keys are redacted like
 * values, and an object met twice (or in a cycle) is redacted every time.
 *
 * @param secrets - The secret values (empty and very short values are ignored).
 * @example
 * ```ts
 * const redact = createRedactor(['s3cr3t-token']);
 * redact({ message: 'bad token s3cr3t-token' }); // { message: 'bad token [REDACTED]' }
 * ```
 *
 * @category Transport
 */
export function createRedactor(secrets: Iterable<string | undefined>): Redactor {
  const forms = new Set<string>();
  for (const secret of secrets) {
    if (!secret || secret.length < MIN_SECRET_LENGTH) continue;
    forms.add(secret);
    forms.add(encodeURIComponent(secret));
    forms.add(formEncode(secret));
    forms.add(Buffer.from(secret, 'utf8').toString('base64'));
  }
  if (forms.size === 0) return <T>(value: T) => value;
  // Longest first, so a form that contains another is replaced whole.
  const pattern = new RegExp(
    [...forms].sort((a, b) => b.length - a.length).map(escapeForRegExp).join('|'),
    'g',
  );
  const redactString = (text: string) => text.replace(pattern, REDACTED);
  /** `copies` maps each array or object already visited to its copy, so shared and cyclic ones are redacted too. */
  const visit = (value: unknown, copies: Map<object, unknown>): unknown => {
    if (typeof value === 'string') return redactString(value);
    if (value === null || typeof value !== 'object') return value;
    if (copies.has(value)) return copies.get(value);
    if (Array.isArray(value)) {
      const copy: unknown[] = [];
      copies.set(value, copy);
      for (const item of value) copy.push(visit(item, copies));
      return copy;
    }
    const prototype = Object.getPrototypeOf(value);
    if (prototype !== Object.prototype && prototype !== null) return value;
    const copy: Record<string, unknown> = {};
    copies.set(value, copy);
    for (const [key, item] of Object.entries(value)) copy[redactString(key)] = visit(item, copies);
    return copy;
  };
  return <T>(value: T) => visit(value, new Map()) as T;
}

/**
 * Returns the URL with the values of credential-like query parameters (`api_key`, `token`, ...)
 * replaced by {@link REDACTED}, and any user-info (`user:password@`) removed.
 *
 * @param url - An absolute URL; other strings are returned unchanged.
 * @category Transport
 */
export function redactUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url;
  }
  parsed.username = '';
  parsed.password = '';
  for (const name of [...parsed.searchParams.keys()]) {
    if (SECRET_QUERY_NAMES.test(name)) parsed.searchParams.set(name, REDACTED);
  }
  return parsed.toString();
}
