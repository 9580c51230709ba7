/**
 * `@itsm/core`: the shared model of tickets, users, comments, attachments and catalog items, the
 * {@link ItsmConnector} interface every provider implements, the typed error hierarchy, the HTTP
 * transport, pagination and the change feed.
 *
 * What a provider package is written with (the resource base class, input and option checks, the
 * status mapper, the access-check runner, the connector pieces) is in `@itsm/core/provider`.
 *
 * @packageDocumentation
 */
export * from './model.js';
export * from './inputs.js';
export * from './connector.js';
export * from './errors.js';
export * from './redact.js';
export * from './http/index.js';
export * from './paginate.js';
export * from './cached.js';
export * from './changes.js';
