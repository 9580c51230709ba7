/**
 * Autotask's credentials: three headers on every call but the zone lookup.
 *
 * @module
 */

/**
 * The credentials of an Autotask API user and its integration.
 *
 * @category Client
 */
export interface AutotaskCredentials {
  /** The API user's user name (the "Key" Autotask generates in the API user's Credentials section). */
  username: string;
  /** The API user's secret (its password). */
  secret: string;
  /** The API tracking identifier of the integration (vendor-issued, or generated for a custom one). */
  trackingId: string;
}

/**
 * The transport's `auth` hook: sets `UserName`, `Secret` and `ApiIntegrationCode` on each attempt.
 * It is the only place the credentials are put on a request; the transport learns every value it
 * sets as a secret and redacts it from errors and events.
 *
 * @param credentials - The API user's user name and secret, and the tracking identifier.
 * @example
 * ```ts
 * const auth = createAutotaskAuth({ username: 'bot@example.com', secret: 's3cr3t', trackingId: 'TRACKINGID' });
 * const headers = new Headers();
 * auth(headers);
 * headers.get('ApiIntegrationCode'); // 'TRACKINGID'
 * ```
 *
 * @category Client
 */
export function createAutotaskAuth(credentials: AutotaskCredentials): (headers: Headers) => void {
  const { username, secret, trackingId } = credentials;
  return (headers) => {
    headers.set('ApiIntegrationCode', trackingId);
    headers.set('UserName', username);
    headers.set('Secret', secret);
  };
}
