/**
 * The size of a request body in bytes, as far as it can be known before sending it.
 *
 * @module
 */

const encoder = new TextEncoder();

/**
 * The size in bytes of a body: `json` as UTF-8 JSON text, a string as UTF-8, bytes and blobs as
 * they are, a `FormData` as the sum of its parts (without the multipart framing), `URLSearchParams`
 * as its encoded text. `undefined` when it cannot be known before reading it (a stream).
 *
 * @param options - The call's `json` or `body`.
 */
export function bodySize(options: { json?: unknown; body?: RequestInit['body'] }): number | undefined {
  if (options.json !== undefined) {
    const text = JSON.stringify(options.json) as string | undefined;
    return text === undefined ? 0 : encoder.encode(text).byteLength;
  }
  const { body } = options;
  if (body === undefined || body === null) return 0;
  if (typeof body === 'string') return encoder.encode(body).byteLength;
  if (body instanceof Blob) return body.size;
  if (body instanceof ArrayBuffer || ArrayBuffer.isView(body)) return body.byteLength;
  if (body instanceof URLSearchParams) return encoder.encode(body.toString()).byteLength;
  if (body instanceof FormData) {
    let size = 0;
    for (const [name, value] of body.entries()) size += encoder.encode(name).byteLength + (typeof value === 'string' ? encoder.encode(value).byteLength : value.size);
    return size;
  }
  return undefined;
}
