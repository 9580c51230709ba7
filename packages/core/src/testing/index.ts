/**
 * `@itsm/core/testing`: the conformance kit every connector runs, an in-memory reference
 * connector for unit tests, and the helpers of a client's contract tests (a nock route recorder,
 * `failure()`, and the no-secret checks).
 *
 * @packageDocumentation
 */
export * from './conformance.js';
export * from './memory-connector.js';
export * from './error-surface.js';
export * from './http-routes.js';
export * from './failure.js';
export * from './no-secret.js';
