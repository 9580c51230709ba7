/**
 * `@itsm/core/testing`: test helpers that work under any test runner (vitest, `node:test`, jest) or
 * none, from ESM and CommonJS alike: an in-memory reference connector for unit tests, and a probe
 * for "no secret in any error". The vitest conformance suite is in `@itsm/core/conformance`.
 *
 * @packageDocumentation
 */
export * from './memory-connector.js';
export * from './error-surface.js';
