/**
 * Size checks before sending: a value the provider would refuse for its size is an `InputError`
 * naming the field, instead of a 400 or a 413 after the upload. The sizes are the connector's
 * `limits` (see `ConnectorLimits`).
 *
 * @module
 */
import { InputError, type ProviderId } from '@itsm/core';

/**
 * Throws an `InputError` when a text is longer than `max` characters (UTF-16 code units, as
 * JavaScript's `length` and the providers count them).
 *
 * @param provider - The provider, named by the error.
 * @param field - The field, e.g. `input.subject`.
 * @param value - The text; `undefined` and `null` pass.
 * @param max - The most characters allowed.
 * @param why - Whose limit it is, for the message, e.g. `Jira's limit for summaries`.
 * @example
 * ```ts
 * checkLength('jira-cloud', 'input.subject', 'VPN down', 255, "Jira's limit for summaries");
 * ```
 *
 * @category Limits
 */
export function checkLength(provider: ProviderId, field: string, value: string | null | undefined, max: number, why: string): void {
  if (typeof value === 'string' && value.length > max) {
    throw new InputError(`${field} must be at most ${max} characters (${why}); it has ${value.length}`, { provider, field });
  }
}

/**
 * The size in bytes of a file's content.
 *
 * @param content - Bytes, a buffer or a `Blob`.
 * @category Limits
 */
export function byteSize(content: Uint8Array | ArrayBuffer | Blob): number {
  return content instanceof Blob ? content.size : content.byteLength;
}

/**
 * Throws an `InputError` when a file is larger than `max` bytes.
 *
 * @param provider - The provider, named by the error.
 * @param field - The field, e.g. `file.content`.
 * @param content - The file's content.
 * @param max - The most bytes allowed.
 * @param why - Whose limit it is, for the message.
 * @example
 * ```ts
 * checkByteSize('autotask', 'file.content', new Uint8Array(10), 6_000_000, "Autotask's limit for attachments");
 * ```
 *
 * @category Limits
 */
export function checkByteSize(provider: ProviderId, field: string, content: Uint8Array | ArrayBuffer | Blob, max: number, why: string): void {
  const size = byteSize(content);
  if (size > max) throw new InputError(`${field} must be at most ${max} bytes (${why}); it has ${size}`, { provider, field });
}
