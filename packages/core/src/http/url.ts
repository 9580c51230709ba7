/**
 * Building a request URL from the base URL, a path and query parameters.
 *
 * @module
 */
import { InputError } from '../errors.js';
import type { ProviderId } from '../model.js';
import type { RequestQuery } from './options.js';

const ABSOLUTE_URL = /^[a-z][a-z\d+.-]*:/i;

/**
 * Whether a host name is a loopback host: `localhost`, `*.localhost`, `127.0.0.0/8` or `[::1]`.
 * Providers accept plain `http` only for such hosts (local simulators).
 *
 * @param hostname - `URL.hostname`.
 * @example
 * ```ts
 * isLoopbackHost(new URL('http://127.0.0.1:4010').hostname); // true
 * ```
 *
 * @category Transport
 */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return host === 'localhost' || host.endsWith('.localhost') || host === '[::1]' || /^127(?:\.\d{1,3}){3}$/.test(host);
}

/**
 * Joins the base URL's prefix and a path, keeping the base URL's own path, then appends the query.
 * An absolute URL (such as a next-page link) is accepted only on the base URL's origin, so that
 * credentials never go to another host, and only without user-info (which `fetch` refuses).
 *
 * @param basePrefix - Origin and path of the base URL, without a trailing slash.
 * @param baseOrigin - Origin of the base URL.
 * @param path - Relative path (leading slash optional, may hold a query), or an absolute URL.
 * @param query - Parameters to append; `undefined` values are left out, arrays repeat the name.
 * @param provider - The provider, named on errors.
 * @throws InputError naming `path` for an absolute URL that does not parse, is on another origin,
 * or holds credentials. The message never repeats the URL, which may hold a secret.
 */
export function buildRequestUrl(basePrefix: string, baseOrigin: string, path: string, query?: RequestQuery, provider?: ProviderId): URL {
  let url: URL;
  if (ABSOLUTE_URL.test(path)) {
    if (!URL.canParse(path)) throw new InputError('path must be a valid URL', { provider, field: 'path' });
    url = new URL(path);
    if (url.origin !== baseOrigin) {
      throw new InputError(`path must be relative to the base URL or on its origin (${baseOrigin})`, { provider, field: 'path' });
    }
    if (url.username || url.password) {
      throw new InputError('path must not hold credentials; use the auth option', { provider, field: 'path' });
    }
  } else {
    const relative = path.replace(/^\/+/, '');
    url = new URL(relative ? `${basePrefix}/${relative}` : basePrefix);
  }
  if (query) {
    for (const [name, value] of Object.entries(query)) {
      if (value === undefined) continue;
      if (Array.isArray(value)) {
        for (const item of value) url.searchParams.append(name, String(item));
      } else {
        url.searchParams.append(name, String(value));
      }
    }
  }
  return url;
}

/**
 * The path part of what the caller asked for, for messages: the path without its query, or the
 * pathname of an absolute URL.
 *
 * @param path - The path or URL the caller gave.
 */
export function displayPath(path: string): string {
  if (ABSOLUTE_URL.test(path)) {
    try {
      return new URL(path).pathname;
    } catch {
      return path;
    }
  }
  const [withoutQuery = ''] = path.split(/[?#]/, 1);
  return withoutQuery.startsWith('/') ? withoutQuery : `/${withoutQuery}`;
}
