/**
 * JQL helpers: the injection-safe {@link jql} tagged template and {@link formatJqlDate}.
 *
 * @module
 */
export { jql, Jql, type JqlTag, type JqlValue, type JqlScalar } from './tag.js';
export { formatJqlDate, jqlLowerBound } from './date.js';
