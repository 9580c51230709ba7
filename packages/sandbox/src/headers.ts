/**
 * Response-header helpers for middleware that decorate answers: a request id on every response, a
 * provider's own JSON content type, a marker header on some answers. Header names are compared
 * without regard to case, as HTTP does.
 *
 * @module
 */
import type { SimHeaders, SimResponse } from './simulator.js';

/**
 * A response header's value by case-insensitive name (several values joined with `', '`), or `undefined`.
 *
 * @category Simulator framework
 */
export function headerOf(response: SimResponse, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(response.headers ?? {})) {
    if (key.toLowerCase() === wanted) return typeof value === 'string' ? value : value.join(', ');
  }
  return undefined;
}

/**
 * The response with `defaults` added for every header it does not set already (the response's own
 * value wins). Every header name of the result is lower-case. A default whose value is `undefined`
 * is left out, which keeps conditional headers short.
 *
 * @example
 * ```ts
 * withDefaultHeaders({ status: 200, headers: { 'Content-Type': 'text/csv' }, body: 'a,b' }, { 'content-type': 'application/json', 'x-request-id': 'r-1' });
 * // → { status: 200, headers: { 'content-type': 'text/csv', 'x-request-id': 'r-1' }, body: 'a,b' }
 * ```
 *
 * @category Simulator framework
 */
export function withDefaultHeaders(response: SimResponse, defaults: Readonly<Record<string, string | readonly string[] | undefined>>): SimResponse {
  const headers: Record<string, string | readonly string[]> = {};
  for (const [name, value] of Object.entries(defaults)) if (value !== undefined) headers[name.toLowerCase()] = value;
  for (const [name, value] of Object.entries(response.headers ?? {})) headers[name.toLowerCase()] = value;
  return { ...response, headers: headers satisfies SimHeaders };
}
