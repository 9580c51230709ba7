/**
 * `@itsm/core`: the shared model of tickets, users, comments, attachments, catalog items and their
 * request forms (with {@link checkFormAnswers}), the
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
export * from './forms.js';
export * from './form-inputs.js';
export * from './form-answers.js';
export * from './connector.js';
export * from './errors.js';
export * from './redact.js';
export * from './http/index.js';
export * from './paginate.js';
export * from './cached.js';
export * from './changes.js';
