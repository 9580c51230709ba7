/**
 * `@itsm/core/provider`: the kit a provider package is written with, so that it holds only what
 * is true of its provider (auth, endpoints, payload schemas, query language, error quirks,
 * mapping tables, access checks).
 *
 * - Requests: {@link ApiResource}, {@link createRequestKit} (path tag, segments, known keys, the
 *   `InputError` of a bad argument, all naming the provider), {@link CallOptions}.
 * - Client options: {@link resolveClientOptions}, {@link serviceUrlSchema}.
 * - Paging: {@link offsetPaginator} (with `Paginator.defer`, `Paginator.failing`, `filter` and page
 *   envelopes in `@itsm/core`).
 * - Mapping: {@link createCategoryMapper} for status, priority and type tables.
 * - `verifyAccess()`: {@link runAccessChecks}.
 * - Connector pieces: {@link resolveConnectorOptions}, {@link checkProviderFields},
 *   {@link afterCreate}, {@link resolvePerson}, {@link createTimestampReader}, {@link fileBlob}.
 * - Reliability: {@link idempotentWrite} and {@link idempotencyKeyOf} (a create safe to repeat),
 *   {@link checkLength} and {@link checkByteSize} (the connector's limits).
 * - Catalog forms: {@link createFormCache}, {@link parseSubmitOptions}, {@link parseChoicesQuery},
 *   {@link choiceField}, {@link searchChoices} (answers are checked with `checkFormAnswers` in `@itsm/core`).
 *
 * Bot authors do not need this entry; `cached()` and the paginator are in `@itsm/core` itself.
 * The guide is `docs/writing-a-connector.md`.
 *
 * @packageDocumentation
 */
export * from './path.js';
export * from './request-kit.js';
export * from './call-options.js';
export * from './api-resource.js';
export * from './service-url.js';
export * from './client-options.js';
export * from './offset-paging.js';
export * from './category-mapper.js';
export * from './access-checks.js';
export * from './connector-options.js';
export * from './provider-fields.js';
export * from './after-create.js';
export * from './people.js';
export * from './timestamps.js';
export * from './files.js';
export * from './idempotency.js';
export * from './limits.js';
export * from './catalog-forms.js';
