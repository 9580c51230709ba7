/**
 * A small `multipart/form-data` reader (RFC 7578) for attachment uploads: splits the body on the
 * boundary and reads each part's `Content-Disposition` (`name`, `filename`) and `Content-Type`.
 * Jira's `POST /issue/{key}/attachments` and Ivanti's `POST /api/rest/Attachment` read their files
 * with it.
 *
 * @example
 * ```ts
 * const boundary = multipartBoundary(request.header('content-type'));
 * const parts = boundary === undefined ? undefined : parseMultipart(request.body, boundary);
 * const files = parts?.filter((part) => part.filename !== undefined) ?? [];
 * ```
 *
 * @module
 */

/**
 * One part of a multipart body.
 *
 * @category Simulator framework
 */
export interface FormPart {
  /** The form field name (`file` for Jira uploads; Ivanti's clients send `file`, `File`, `ObjectID`, ...). */
  readonly name: string;
  /** The file name, when the part is a file. */
  readonly filename?: string;
  /** The part's content type (`application/octet-stream` when it gives none). */
  readonly contentType: string;
  /** The part's bytes. */
  readonly data: Uint8Array;
}

/**
 * The boundary of a `multipart/form-data` content type, or `undefined`.
 *
 * @category Simulator framework
 */
export function multipartBoundary(contentType: string | undefined): string | undefined {
  if (contentType === undefined || !/^multipart\/form-data\b/iu.test(contentType.trim())) return undefined;
  const match = /boundary=(?:"([^"]+)"|([^;\s]+))/iu.exec(contentType);
  return match?.[1] ?? match?.[2];
}

function indexOf(haystack: Uint8Array, needle: Uint8Array, from: number): number {
  outer: for (let i = from; i <= haystack.length - needle.length; i += 1) {
    for (let j = 0; j < needle.length; j += 1) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

const decoder = new TextDecoder();

/**
 * Reads the parts of a multipart body; `undefined` when the body is not well-formed.
 *
 * @category Simulator framework
 */
export function parseMultipart(body: Uint8Array, boundary: string): FormPart[] | undefined {
  const delimiter = new TextEncoder().encode(`--${boundary}`);
  const parts: FormPart[] = [];
  let position = indexOf(body, delimiter, 0);
  if (position < 0) return undefined;
  for (;;) {
    position += delimiter.length;
    if (body[position] === 0x2d && body[position + 1] === 0x2d) return parts; // closing "--"
    if (body[position] === 0x0d && body[position + 1] === 0x0a) position += 2;
    const headerEnd = indexOf(body, new Uint8Array([0x0d, 0x0a, 0x0d, 0x0a]), position);
    if (headerEnd < 0) return undefined;
    const headers = decoder.decode(body.subarray(position, headerEnd)).split('\r\n');
    const next = indexOf(body, delimiter, headerEnd + 4);
    if (next < 0) return undefined;
    const data = body.slice(headerEnd + 4, Math.max(headerEnd + 4, next - 2)); // drop the CRLF before the delimiter
    let name: string | undefined;
    let filename: string | undefined;
    let contentType = 'application/octet-stream';
    for (const header of headers) {
      const colon = header.indexOf(':');
      if (colon < 0) continue;
      const key = header.slice(0, colon).trim().toLowerCase();
      const value = header.slice(colon + 1).trim();
      if (key === 'content-disposition') {
        name = /\bname="([^"]*)"/iu.exec(value)?.[1] ?? /\bname=([^;\s]+)/iu.exec(value)?.[1];
        const star = /\bfilename\*=(?:UTF-8'')?([^;\s]+)/iu.exec(value)?.[1];
        filename = star !== undefined ? decodeURIComponent(star) : (/\bfilename="([^"]*)"/iu.exec(value)?.[1] ?? /\bfilename=([^;\s]+)/iu.exec(value)?.[1]);
      } else if (key === 'content-type') {
        contentType = value;
      }
    }
    if (name !== undefined) parts.push({ name, ...(filename === undefined ? {} : { filename }), contentType, data });
    position = next;
  }
}
