/**
 * `@itsm/core/testing`: test helpers that work under any test runner (vitest, `node:test`, jest) or
 * none, from ESM and CommonJS alike: an in-memory reference connector for unit tests, a probe for
 * "no secret in any error", and the helpers of a client's contract tests (a nock route recorder,
 * `failure()`, and the no-secret checks). The vitest conformance suite is in `@itsm/core/conformance`.
 *
 * @packageDocumentation
 */
export * from './memory-connector.js';
export * from './error-surface.js';
export * from './http-routes.js';
export * from './failure.js';
export * from './no-secret.js';
