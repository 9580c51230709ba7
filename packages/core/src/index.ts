/**
 * `@itsm/core`: the shared model of tickets, users, comments, attachments and catalog items, the
 * {@link ItsmConnector} interface every provider implements, the typed error hierarchy, the HTTP
 * transport, pagination and the change feed.
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
export * from './changes.js';
