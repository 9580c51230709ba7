/**
 * Issue properties — JSON a client keeps on an issue (a bot's conversation id, its own state):
 * `GET /rest/api/3/issue/{key}/properties` (`PropertyKeys`) and `GET|PUT|DELETE
 * /rest/api/3/issue/{key}/properties/{propertyKey}` (`EntityProperty`; a write is 201 when it
 * creates and 200 when it replaces, with no body).
 *
 * The body of a `PUT` is the value, any JSON, at most {@link MAX_PROPERTY_VALUE_BYTES} bytes; a key
 * is at most 255 characters. Writing needs *Edit issues* (403 otherwise).
 *
 * @module
 */
import { failJira } from '../errors.js';
import { platformReader } from '../http.js';
import type { Issue } from '../store.js';
import { authenticated, browseIssue, workIssue, type JiraRouter } from './context.js';

/** The largest property value Jira stores, in bytes of JSON. */
export const MAX_PROPERTY_VALUE_BYTES = 32_768;
/** The longest property key. */
export const MAX_PROPERTY_KEY_LENGTH = 255;

function propertyNotFound(issue: Issue, key: string): never {
  return failJira(404, [`The property with key '${key}' does not exist on issue ${issue.key}.`]);
}

/** Adds the issue property routes. */
export function propertyRoutes(router: JiraRouter): void {
  const base = '/rest/api/3/issue/:issueIdOrKey/properties';
  router
    .get(base, (request, context) => {
      const { view } = authenticated(request, context);
      const issue = browseIssue(view, context.params.issueIdOrKey);
      const self = (key: string) => `${view.url}/rest/api/3/issue/${issue.id}/properties/${encodeURIComponent(key)}`;
      return { status: 200, body: { keys: issue.properties.map((property) => ({ key: property.key, self: self(property.key) })) } };
    })
    .get(`${base}/:propertyKey`, (request, context) => {
      const { view } = authenticated(request, context);
      const issue = browseIssue(view, context.params.issueIdOrKey);
      const property = issue.properties.find((candidate) => candidate.key === context.params.propertyKey);
      if (property === undefined) return propertyNotFound(issue, context.params.propertyKey);
      return { status: 200, body: { key: property.key, value: property.value } };
    })
    .put(`${base}/:propertyKey`, (request, context) => {
      const { view } = authenticated(request, context);
      const issue = workIssue(view, context.params.issueIdOrKey, 'edit this issue', 403);
      const key = context.params.propertyKey;
      if (key.length > MAX_PROPERTY_KEY_LENGTH) return failJira(400, [`The property key cannot be longer than ${MAX_PROPERTY_KEY_LENGTH} characters.`]);
      const value = platformReader.json(request);
      if (new TextEncoder().encode(JSON.stringify(value)).byteLength > MAX_PROPERTY_VALUE_BYTES) {
        return failJira(400, [`The property value cannot be larger than ${MAX_PROPERTY_VALUE_BYTES} bytes.`]);
      }
      const existing = issue.properties.find((candidate) => candidate.key === key);
      if (existing !== undefined) existing.value = value;
      else issue.properties.push({ key, value });
      return { status: existing === undefined ? 201 : 200 };
    })
    .delete(`${base}/:propertyKey`, (request, context) => {
      const { view } = authenticated(request, context);
      const issue = workIssue(view, context.params.issueIdOrKey, 'edit this issue', 403);
      const key = context.params.propertyKey;
      if (!issue.properties.some((candidate) => candidate.key === key)) return propertyNotFound(issue, key);
      issue.properties = issue.properties.filter((candidate) => candidate.key !== key);
      return { status: 204 };
    });
}
