/**
 * The HTTP transport: {@link createTransport} and its options, plus the pieces a provider client may
 * reuse (the `Retry-After` parser, the concurrency limiter).
 *
 * @module
 */
export { createTransport, type Transport } from './transport.js';
export {
  TRANSPORT_DEFAULTS,
  type ApiErrorClass,
  type ConcurrencyKeyRequest,
  type ConcurrencyOptions,
  type ErrorDescription,
  type QueryValue,
  type RequestEvent,
  type RequestOptions,
  type RequestQuery,
  type ResponseBodyType,
  type ResponseEvent,
  type ResponseInfo,
  type RetryDelayOptions,
  type SchemaRequestOptions,
  type TransportOptions,
} from './options.js';
export { IDEMPOTENT_METHODS, RETRYABLE_STATUSES, parseRetryAfter } from './retry-policy.js';
export { createConcurrencyLimiter, type ConcurrencyLimiter, type ReleaseSlot } from './limiter.js';
