/**
 * The HTTP transport: {@link createTransport} and its options, the request gates (concurrency
 * limits, rolling-window budgets) and their stores, plus the pieces a provider client may reuse
 * (the `Retry-After` parser, the concurrency limiter, safe redirects, loopback detection).
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
export type { BaseUrlResolver, BaseUrlResolution } from './base-url.js';
export { enterGates, type GateRelease, type GateRequest, type RequestGate } from './gates.js';
export {
  createConcurrencyGate,
  createMemoryConcurrencyStore,
  type ConcurrencyGateOptions,
  type ConcurrencyStore,
} from './concurrency-gate.js';
export {
  createBudgetGate,
  type BudgetGate,
  type BudgetGateOptions,
  type BudgetSlowDown,
  type BudgetUsage,
  type BudgetUsageReport,
} from './budget-gate.js';
export {
  createMemoryBudgetStore,
  type BudgetDecision,
  type BudgetReport,
  type BudgetStore,
  type BudgetTakeRequest,
} from './budget-store.js';
export { followRedirectsSafely, MAX_REDIRECTS, type SafeRedirectOptions } from './redirects.js';
export { isLoopbackHost } from './url.js';
export { IDEMPOTENT_METHODS, RETRYABLE_STATUSES, parseRetryAfter } from './retry-policy.js';
export { createConcurrencyLimiter, type ConcurrencyLimiter, type ReleaseSlot } from './limiter.js';
