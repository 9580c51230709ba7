/**
 * The transport's base URL: given up front, or resolved when first needed by a function (Autotask
 * finds its zone URL through an unauthenticated lookup) and resolved again once after the service
 * refused the credentials (the account may have moved). Resolutions never run twice at once.
 *
 * @module
 */
import { InputError, ItsmError } from '../errors.js';
import type { ProviderId } from '../model.js';

/**
 * Why a {@link BaseUrlResolver} is called.
 *
 * @category Transport
 */
export interface BaseUrlResolution {
  /**
   * `initial` when the transport first needs the URL (and after a resolution failed);
   * `authentication-failed` when the service refused the credentials at the URL last resolved: look
   * it up again, bypassing any cache.
   */
  readonly reason: 'initial' | 'authentication-failed';
  /** The URL that was refused, for `authentication-failed`. */
  readonly previous: string | undefined;
}

/**
 * Resolves the base URL when the transport first needs it, and again after an authentication failure.
 * Calls never overlap. A failure is not kept: the next request calls it again.
 *
 * @example
 * ```ts
 * const baseUrl: BaseUrlResolver = async ({ reason }) => (await lookUpZone(username, { fresh: reason !== 'initial' })).url;
 * ```
 *
 * @category Transport
 */
export type BaseUrlResolver = (resolution: BaseUrlResolution) => Promise<string>;

/** A checked base URL. */
export interface BaseLocation {
  /** The URL as given. */
  readonly href: string;
  /** `origin + path`, without a trailing slash: what request paths are appended to. */
  readonly prefix: string;
  /** The origin; absolute request URLs must be on it. */
  readonly origin: string;
  /** The path, without a trailing slash (empty for a bare origin). */
  readonly pathname: string;
}

/** Where the transport gets its base URL. */
export interface BaseUrlSource {
  /** Whether the URL comes from a resolver (and may be resolved again). */
  readonly lazy: boolean;
  /** The URL resolved last, if any. */
  readonly current: BaseLocation | undefined;
  /** The current URL, resolving it first when there is none. */
  resolve(): Promise<BaseLocation>;
  /**
   * Resolves the URL again after the credentials were refused at `used`, unless another call already
   * did (then its result is returned).
   */
  refresh(used: BaseLocation): Promise<BaseLocation>;
}

/**
 * Checks a base URL: absolute http(s), without credentials, query or fragment.
 *
 * @param value - The URL.
 * @param provider - The provider, for the error.
 * @throws InputError naming `baseUrl`.
 */
export function parseBaseUrl(value: unknown, provider: ProviderId): BaseLocation {
  const bad = (message: string): never => {
    throw new InputError(`baseUrl ${message}`, { provider, field: 'baseUrl' });
  };
  if (typeof value !== 'string') return bad('must be an absolute URL string, or a function that resolves one');
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return bad('must be an absolute URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') bad('must be an http or https URL');
  if (url.username || url.password) bad('must not hold credentials; use the auth option');
  if (url.search || url.hash) bad('must not have a query or fragment; give query parameters per call');
  const pathname = url.pathname.replace(/\/+$/, '');
  return { href: value, prefix: `${url.origin}${pathname}`, origin: url.origin, pathname };
}

/**
 * Makes the base URL source of a transport.
 *
 * @param baseUrl - A URL, or a resolver.
 * @param provider - The provider, for errors.
 */
export function createBaseUrlSource(baseUrl: string | BaseUrlResolver, provider: ProviderId): BaseUrlSource {
  if (typeof baseUrl !== 'function') {
    const fixed = parseBaseUrl(baseUrl, provider);
    return { lazy: false, current: fixed, resolve: async () => fixed, refresh: async () => fixed };
  }
  let current: BaseLocation | undefined;
  let pending: Promise<BaseLocation> | undefined;

  const run = (resolution: BaseUrlResolution): Promise<BaseLocation> => {
    const attempt = (async () => {
      const value: unknown = await baseUrl(resolution);
      if (typeof value !== 'string') {
        throw new ItsmError(`the base URL resolver of ${provider} returned ${value === null ? 'null' : typeof value}, not a URL string`, { provider, outcome: 'not_applied' });
      }
      return parseBaseUrl(value, provider);
    })();
    pending = attempt;
    attempt.then(
      (location) => {
        current = location;
      },
      () => undefined,
    ).finally(() => {
      if (pending === attempt) pending = undefined;
    });
    return attempt;
  };

  return {
    lazy: true,
    get current() {
      return current;
    },
    resolve() {
      if (current !== undefined) return Promise.resolve(current);
      return pending ?? run({ reason: 'initial', previous: undefined });
    },
    refresh(used) {
      if (pending !== undefined) return pending;
      if (current !== undefined && current.href !== used.href) return Promise.resolve(current);
      return run({ reason: 'authentication-failed', previous: used.href });
    },
  };
}
