/**
 * How Jira reads requests: the framework's request readers with Jira's answers to a bad input — the
 * platform's and Service Management's error bodies, and the wording of Jira's JSON reader ("No content
 * to map due to end-of-input", "Unexpected character ...") — and Jira's XSRF rule.
 *
 * @module
 */
import { before, type Middleware } from '../middleware.js';
import { createRequestReaders, type RequestProblem } from '../readers.js';
import type { SimRequest, SimResponse } from '../simulator.js';
import type { JiraCredentials } from './auth.js';
import { jiraError, jsmError, xsrfFailed } from './errors.js';
import type { JiraState } from './store.js';

/** Jira's JSON reader's message for a body problem; the framework's message for a parameter problem. */
function jiraMessage(problem: RequestProblem): string {
  switch (problem.kind) {
    case 'empty-body':
      return 'No content to map due to end-of-input';
    case 'malformed-json':
      return problem.parameter === undefined ? `Unexpected character in the JSON body: ${problem.detail}` : problem.message;
    case 'not-an-object':
      return problem.parameter === undefined ? 'Can not deserialize instance of the request body out of a non-object JSON value' : problem.message;
    default:
      return problem.message;
  }
}

function jsmProblem(problem: RequestProblem): SimResponse {
  const message = jiraMessage(problem);
  if ('parameter' in problem && problem.parameter !== undefined) return jsmError(400, message, 'sd.request.param.invalid', [problem.parameter]);
  return jsmError(400, message, 'sd.request.body.invalid');
}

/** Readers that answer a bad input with the platform's 400 (`/rest/api/3`: `{ errorMessages, errors }`). */
export const platformReader = createRequestReaders((problem) => jiraError(400, [jiraMessage(problem)]));

/** Readers that answer a bad input with Service Management's 400 (`/rest/servicedeskapi`: `{ errorMessage, i18nErrorMessage }`). */
export const jsmReader = createRequestReaders(jsmProblem);

const FORM_TYPES = ['multipart/form-data', 'application/x-www-form-urlencoded', 'text/plain'];

/**
 * Jira's XSRF rule: a state-changing request whose content type a browser form could send
 * (multipart, url-encoded, text/plain) is refused with 403 "XSRF check failed" unless it carries
 * `X-Atlassian-Token: no-check`.
 */
export const xsrfCheck: Middleware<JiraState, JiraCredentials> = before((request) => (forgeable(request) ? xsrfFailed() : undefined));

function forgeable(request: SimRequest): boolean {
  if (request.method === 'GET' || request.method === 'HEAD' || request.method === 'OPTIONS') return false;
  const type = (request.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  return FORM_TYPES.includes(type) && (request.header('x-atlassian-token') ?? '').toLowerCase() !== 'no-check';
}
