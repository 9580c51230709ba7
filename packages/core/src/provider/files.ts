/**
 * File content as callers give it (bytes, a `Blob`, text) to what a request sends: a `Blob` for
 * a multipart upload, bytes for a JSON body (Base64).
 *
 * @module
 */

/**
 * The content of a file: bytes (`Uint8Array`, `Buffer`, `ArrayBuffer`), a `Blob`, or text (sent as UTF-8).
 *
 * @category Files
 */
export type FileContent = Uint8Array | ArrayBuffer | Blob | string;

/**
 * Whether a value is {@link FileContent}.
 *
 * @param value - What the caller gave.
 * @category Files
 */
export function isFileContent(value: unknown): value is FileContent {
  return value instanceof Uint8Array || value instanceof ArrayBuffer || value instanceof Blob || typeof value === 'string';
}

/**
 * File content as a `Blob` of the given type (default: a `Blob`'s own type, else
 * `application/octet-stream`), for a multipart upload. A `Blob` of that type is returned as it is.
 *
 * @param content - The content.
 * @param contentType - The MIME type to give it.
 * @example
 * ```ts
 * const form = new FormData();
 * form.append('file', fileBlob('disk full', 'text/plain'), 'log.txt');
 * ```
 *
 * @category Files
 */
export function fileBlob(content: FileContent, contentType?: string): Blob {
  const type = contentType ?? (content instanceof Blob && content.type ? content.type : 'application/octet-stream');
  if (content instanceof Blob) return content.type === type ? content : new Blob([content], { type });
  if (typeof content === 'string') return new Blob([content], { type });
  return new Blob([new Uint8Array(content)], { type });
}

/**
 * File content as bytes, e.g. to Base64-encode it into a JSON body. The bytes are a copy, never a
 * view of the caller's buffer.
 *
 * @param content - The content.
 * @example
 * ```ts
 * const base64 = Buffer.from(await fileBytes('disk full')).toString('base64');
 * ```
 *
 * @category Files
 */
export async function fileBytes(content: FileContent): Promise<Uint8Array> {
  if (content instanceof Blob) return new Uint8Array(await content.arrayBuffer());
  if (typeof content === 'string') return new TextEncoder().encode(content);
  return new Uint8Array(content instanceof ArrayBuffer ? content.slice(0) : content);
}
