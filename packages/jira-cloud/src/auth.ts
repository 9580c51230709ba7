/**
 * Basic authentication with an Atlassian account's email and API token.
 *
 * @module
 */

/**
 * The `Authorization` value for Jira Cloud's Basic auth: `Basic base64(email:apiToken)`, encoded
 * from UTF-8 bytes (so addresses and tokens outside Latin-1 work, unlike with `btoa`).
 *
 * @param email - The account's email address.
 * @param apiToken - The API token (classic or scoped).
 * @example
 * ```ts
 * basicAuthorization('bot@example.com', 'token'); // 'Basic Ym90QGV4YW1wbGUuY29tOnRva2Vu'
 * ```
 *
 * @category Client
 */
export function basicAuthorization(email: string, apiToken: string): string {
  return `Basic ${Buffer.from(`${email}:${apiToken}`, 'utf8').toString('base64')}`;
}

/**
 * The transport's `auth` hook: sets the Basic `Authorization` header on each attempt. It is the
 * only place the credentials are put on a request.
 *
 * @param email - The account's email address.
 * @param apiToken - The API token.
 */
export function createBasicAuth(email: string, apiToken: string): (headers: Headers) => void {
  const value = basicAuthorization(email, apiToken);
  return (headers) => {
    headers.set('authorization', value);
  };
}
