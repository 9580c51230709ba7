/**
 * Where a tenant's API lives: under `/HEAT` on some tenants, at the root on others. When the base
 * URL does not say, the client finds out once, before its first request, and keeps the answer.
 *
 * @module
 */
import { AuthenticationError, ItsmError, NotFoundError, type BaseUrlResolver, type Transport } from '@itsm/core';
import { IVANTI } from './provider.js';

/**
 * The prefixes tried, in order: most tenants have `/HEAT`.
 *
 * @category Client
 */
export const HEAT_PREFIXES: readonly string[] = Object.freeze(['/HEAT', '']);

/** Whether a base URL already ends with `/HEAT` (any case). */
export function hasHeatPrefix(baseUrl: string): boolean {
  return /\/heat$/i.test(new URL(baseUrl).pathname.replace(/\/+$/, ''));
}

/**
 * Whether a text is an OData CSDL document (and not, say, the login page a tenant answers with 200).
 *
 * @category Client
 */
export function isCsdl(text: string): boolean {
  return /<(?:edmx:)?Edmx\b/.test(text) && /<(?:\w+:)?Schema\b/.test(text);
}

/**
 * A base URL resolver that probes `{baseUrl}/HEAT` and then `{baseUrl}` with
 * `GET …/api/odata/incidents/$metadata` (`Accept: application/xml`), and resolves to the first whose
 * answer is CSDL. A 401 there means the API is there and the key was refused: that prefix is kept,
 * and the request fails with the `AuthenticationError` it gets. A connection failure or a server
 * error is thrown as it is (nothing is cached, so the next request probes again).
 *
 * @param baseUrl - The base URL as given, without a trailing slash.
 * @param probe - A transport on `baseUrl` with the client's auth, limits and hooks.
 * @returns The resolver for the client's transport.
 */
export function createBasePathResolver(baseUrl: string, probe: Transport): BaseUrlResolver {
  return async () => {
    for (const prefix of HEAT_PREFIXES) {
      try {
        const text = await probe.request('GET', `${prefix}/api/odata/incidents/$metadata`, { headers: { accept: 'application/xml' }, responseType: 'text' });
        if (isCsdl(text)) return `${baseUrl}${prefix}`;
      } catch (error) {
        if (error instanceof AuthenticationError) return `${baseUrl}${prefix}`;
        if (!(error instanceof NotFoundError)) throw error;
      }
    }
    throw new ItsmError(
      `The Ivanti API was not found at ${baseUrl}: neither ${baseUrl}/HEAT/api/odata nor ${baseUrl}/api/odata answered with OData metadata. ` +
        'Check the baseUrl option (the tenant URL, e.g. https://tenant.ivanticloud.com or https://host/HEAT), or pass probe: false to use it as it is.',
      { provider: IVANTI, outcome: 'not_applied' },
    );
  };
}
