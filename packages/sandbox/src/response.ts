/**
 * Turns a {@link SimResponse} into what goes on the wire: status, headers with `content-type` and
 * `content-length` filled in, and the body bytes.
 *
 * @module
 */
import type { SimBody, SimHeaders, SimResponse } from './simulator.js';

/** A response ready to write. */
export interface EncodedResponse {
  /** The status. */
  readonly status: number;
  /** Header names (lower-case) to values. */
  readonly headers: Readonly<Record<string, string | readonly string[]>>;
  /** The body bytes; empty for none. */
  readonly body: Uint8Array;
}

const encoder = new TextEncoder();

/** Statuses that never carry a body. */
function isBodiless(status: number): boolean {
  return status === 204 || status === 304 || (status >= 100 && status < 200);
}

/** Encodes a response; throws a `RangeError` for a status outside 200–599. */
export function encodeResponse(response: SimResponse): EncodedResponse {
  const { status } = response;
  if (!Number.isInteger(status) || status < 200 || status > 599) {
    throw new RangeError(`invalid response status ${String(status)} (must be an integer from 200 to 599)`);
  }
  const headers = lowerCaseHeaders(response.headers);
  const encoded = encodeBody(response.body);
  if (isBodiless(status) || encoded === undefined) {
    if (!isBodiless(status)) headers['content-length'] = '0';
    return { status, headers, body: new Uint8Array(0) };
  }
  headers['content-type'] ??= encoded.contentType;
  headers['content-length'] = String(encoded.bytes.byteLength);
  return { status, headers, body: encoded.bytes };
}

/**
 * Applies a fault's replacement headers and body to a simulator's response: headers are merged over
 * the response's; a body replaces the response's body and its content type (unless the fault's
 * headers name one).
 */
export function overrideResponse(response: SimResponse, override: { readonly headers?: SimHeaders; readonly body?: SimBody }): SimResponse {
  let headers = lowerCaseHeaders(response.headers);
  let body = response.body;
  if (override.body !== undefined) {
    body = override.body;
    delete headers['content-type'];
  }
  headers = { ...headers, ...lowerCaseHeaders(override.headers) };
  return { status: response.status, headers, body };
}

function lowerCaseHeaders(headers: SimHeaders | undefined): Record<string, string | readonly string[]> {
  const out: Record<string, string | readonly string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) out[name.toLowerCase()] = value;
  return out;
}

function encodeBody(body: SimBody): { bytes: Uint8Array; contentType: string } | undefined {
  if (body === undefined) return undefined;
  if (typeof body === 'string') return { bytes: encoder.encode(body), contentType: 'text/plain; charset=utf-8' };
  if (body instanceof Uint8Array) return { bytes: body, contentType: 'application/octet-stream' };
  return { bytes: encoder.encode(JSON.stringify(body)), contentType: 'application/json; charset=utf-8' };
}
