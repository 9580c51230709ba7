/**
 * Issue properties: `GET /rest/api/3/issue/{issueIdOrKey}/properties` (the keys), and `GET|PUT|DELETE
 * /rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}`. A property is any non-empty JSON value
 * of at most 32,768 bytes under a key of at most 255 characters; setting one answers 201 when it is
 * new and 200 when it replaced a value, and does not change the issue's `updated`. Reading needs
 * *Browse*, writing *Edit issues* (403; an issue the caller cannot see is a 404).
 *
 * @module
 */
import { canWork } from '../auth.js';
import { failJira } from '../errors.js';
import { platformReader } from '../http.js';
import { store, type Issue } from '../store.js';
import { authenticated, browseIssue, type JiraRouter } from './context.js';

/** The longest property key. */
const KEY_MAX_LENGTH = 255;
/** The largest property value, in bytes of JSON. */
const VALUE_MAX_BYTES = 32_768;

function propertyUrl(url: string, issue: Issue, key: string): string {
  return `${url}/rest/api/3/issue/${issue.id}/properties/${encodeURIComponent(key)}`;
}

/** Adds the issue property routes. */
export function propertyRoutes(router: JiraRouter): void {
  router
    .get('/rest/api/3/issue/:issueIdOrKey/properties', (request, context) => {
      const { view } = authenticated(request, context);
      const issue = browseIssue(view, context.params.issueIdOrKey);
      return { status: 200, body: { keys: issue.properties.map((property) => ({ key: property.key, self: propertyUrl(context.url, issue, property.key) })) } };
    })
    .get('/rest/api/3/issue/:issueIdOrKey/properties/:propertyKey', (request, context) => {
      const { view } = authenticated(request, context);
      const issue = browseIssue(view, context.params.issueIdOrKey);
      const key = context.params.propertyKey;
      const property = issue.properties.find((candidate) => candidate.key === key);
      if (property === undefined) return failJira(404, [`The property with key '${key}' does not exist.`]);
      return { status: 200, body: { key: property.key, value: property.value } };
    })
    .put('/rest/api/3/issue/:issueIdOrKey/properties/:propertyKey', (request, context) => {
      const { user, view } = authenticated(request, context);
      const issue = browseIssue(view, context.params.issueIdOrKey);
      if (!canWork(store.projectOf(context.state, issue), user)) return failJira(403, ['You do not have permission to edit this issue.']);
      const key = context.params.propertyKey;
      if (key.length > KEY_MAX_LENGTH) return failJira(400, [`The property key can not be longer than ${KEY_MAX_LENGTH} characters.`]);
      const value = platformReader.json(request);
      if (new TextEncoder().encode(JSON.stringify(value)).byteLength > VALUE_MAX_BYTES) {
        return failJira(400, [`The property value can not be longer than ${VALUE_MAX_BYTES} bytes.`]);
      }
      const existing = issue.properties.find((candidate) => candidate.key === key);
      if (existing !== undefined) {
        existing.value = value;
        return { status: 200, body: {} };
      }
      issue.properties.push({ key, value });
      return { status: 201, body: {} };
    })
    .delete('/rest/api/3/issue/:issueIdOrKey/properties/:propertyKey', (request, context) => {
      const { user, view } = authenticated(request, context);
      const issue = browseIssue(view, context.params.issueIdOrKey);
      const key = context.params.propertyKey;
      const index = issue.properties.findIndex((candidate) => candidate.key === key);
      if (index === -1 || !canWork(store.projectOf(context.state, issue), user)) return failJira(404, [`The property with key '${key}' does not exist.`]);
      issue.properties.splice(index, 1);
      return { status: 204 };
    });
}
