/**
 * `@itsm/core/testing`: the conformance kit every connector runs, and an in-memory reference
 * connector for unit tests.
 *
 * @packageDocumentation
 */
export * from './conformance.js';
export * from './memory-connector.js';
export * from './error-surface.js';
