/**
 * What every resource shares: the transport, the per-call options, and safe path segments.
 *
 * @module
 */
import { InputError, type RequestOptions, type Transport } from '@itsm/core';
import type { CallOptions } from '../options.js';

/** What a resource needs from the client. */
export interface ResourceContext {
  /** The transport, with the client's auth, retries and error hooks. */
  readonly http: Transport;
  /** The site URL (for links), resolved once. */
  siteUrl(options?: CallOptions): Promise<string>;
}

/** Transport options of a call, without `responseType` (set by the method where it needs one). */
export type CallRequestOptions = Omit<RequestOptions, 'responseType'>;

/**
 * The transport options of a call: the caller's {@link CallOptions} (and nothing else from the
 * method's options object), with the method's own headers on top, and the caller's signal combined
 * with a paginator's.
 *
 * @param options - The method's options object, which may hold call options.
 * @param extra - The method's own transport options (query, json, headers, ...).
 * @param signal - A second signal to honour (a paginator's).
 */
export function callOptions(
  options: CallOptions | undefined,
  extra: CallRequestOptions = {},
  signal?: AbortSignal,
): CallRequestOptions {
  const result: CallRequestOptions = { ...extra };
  const headers = { ...options?.headers, ...extra.headers };
  if (Object.keys(headers).length > 0) result.headers = headers;
  const signals = [options?.signal, signal].filter((item): item is AbortSignal => item !== undefined);
  if (signals.length === 1) result.signal = signals[0] as AbortSignal;
  if (signals.length > 1) result.signal = AbortSignal.any(signals);
  if (options?.timeout !== undefined) result.timeout = options.timeout;
  if (options?.totalTimeout !== undefined) result.totalTimeout = options.totalTimeout;
  if (options?.maxRetries !== undefined) result.maxRetries = options.maxRetries;
  return result;
}

/**
 * One path segment: a non-empty id or key, percent-encoded. `.` and `..` are refused so that a value
 * can never climb out of the path it is put in.
 *
 * @param value - The id or key.
 * @param field - The argument's name, for the error.
 * @throws InputError naming `field`.
 */
export function segment(value: string | number, field: string): string {
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value) || value < 0) bad(field, 'must be a non-negative integer or a non-empty string');
    return String(value);
  }
  if (typeof value !== 'string' || value.trim() === '') bad(field, 'must be a non-empty string');
  if (value === '.' || value === '..') bad(field, `must not be ${JSON.stringify(value)}`);
  return encodeURIComponent(value);
}

/**
 * Throws an {@link InputError} for the field.
 *
 * @param field - The offending field (dotted path).
 * @param message - What is wrong, after the field name.
 */
export function bad(field: string, message: string): never {
  throw new InputError(`${field} ${message}`, { provider: 'jira-cloud', field });
}

/**
 * Refuses a key of an input object that the method would not send, so that a typo or an option
 * the method does not support is an error instead of being dropped. Keys set to `undefined` pass.
 *
 * @param input - The caller's object.
 * @param allowed - The keys the method reads.
 * @throws InputError naming the first unknown key.
 */
export function knownKeys(input: object, allowed: readonly string[]): void {
  for (const [key, value] of Object.entries(input)) {
    if (value !== undefined && !allowed.includes(key)) bad(key, `is not a known field (known: ${allowed.join(', ')})`);
  }
}

/**
 * A comma-separated list parameter, or `undefined` when empty.
 *
 * @param value - A list, or a string already comma-separated.
 * @param field - The option's name, for the error.
 */
export function commaList(value: string | readonly string[] | undefined, field: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string') return value === '' ? undefined : value;
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string' || item === '')) {
    bad(field, 'must be a string or a list of non-empty strings');
  }
  return value.length > 0 ? value.join(',') : undefined;
}

/**
 * Checks a page size: a positive integer up to `max`.
 *
 * @param value - The size given, or `undefined`.
 * @param fallback - The default.
 * @param max - The largest accepted.
 */
export function pageSize(value: number | undefined, fallback: number, max = 1000): number {
  if (value === undefined) return fallback;
  if (!Number.isSafeInteger(value) || value < 1 || value > max) bad('pageSize', `must be an integer from 1 to ${max}`);
  return value;
}
