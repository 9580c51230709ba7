/**
 * Ivanti's REST API key authentication.
 *
 * @module
 */

/**
 * The `Authorization` value of a REST API key: `rest_api_key=<key>`, with an equals sign, no space,
 * no braces and no `Bearer` (anything else is a 401 `ISM_4001`).
 *
 * @param apiKey - The key's Reference ID.
 * @example
 * ```ts
 * apiKeyAuthorization('1A2B3CC4D5E67F8901G2HI345J6K7L89'); // 'rest_api_key=1A2B3CC4D5E67F8901G2HI345J6K7L89'
 * ```
 *
 * @category Client
 */
export function apiKeyAuthorization(apiKey: string): string {
  return `rest_api_key=${apiKey}`;
}

/**
 * The transport's `auth` hook: sets the API key on each attempt. It is the only place the key is put
 * on a request.
 *
 * @param apiKey - The key's Reference ID.
 */
export function createApiKeyAuth(apiKey: string): (headers: Headers) => void {
  const value = apiKeyAuthorization(apiKey);
  return (headers) => {
    headers.set('authorization', value);
  };
}
