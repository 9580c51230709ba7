/**
 * Jira's error answers, in its two body shapes:
 *
 * - platform (`/rest/api/3`): `{ "errorMessages": [...], "errors": { field: message } }`;
 * - Service Management (`/rest/servicedeskapi`): `{ "errorMessage": "...", "i18nErrorMessage": { "i18nKey", "parameters" } }`.
 *
 * Helpers return a {@link SimResponse}, or throw it as a {@link SimResponseError} (`fail…`), so that
 * a check deep in a handler can answer directly.
 *
 * @module
 */
import { SimResponseError, type SimHeaders, type SimResponse } from '../simulator.js';

/** Jira's 404 text for an issue that does not exist or that the caller cannot browse. */
export const ISSUE_NOT_FOUND = 'Issue does not exist or you do not have permission to see it.';
/** Jira's 401 text for a request without valid credentials. */
export const NOT_AUTHENTICATED = 'Client must be authenticated to access this resource.';
/** Jira's 410 text for the removed `/rest/api/{2,3}/search` endpoints. */
export const SEARCH_REMOVED =
  'The requested API has been removed. Please migrate to the /rest/api/3/search/jql API. A full migration guideline is available at https://developer.atlassian.com/changelog/#CHANGE-2046';
/** JSM's message for an experimental operation called without `X-ExperimentalApi: opt-in`. */
export const EXPERIMENTAL_API =
  "This API is experimental. Experimental APIs are not guaranteed to be stable within the preview period. You must set the header 'X-ExperimentalApi: opt-in' to opt into using this API.";

/** The platform error body. */
export interface ErrorCollection {
  errorMessages: string[];
  errors: Record<string, string>;
}

/** A platform error answer. */
export function jiraError(status: number, errorMessages: readonly string[] = [], errors: Readonly<Record<string, string>> = {}, headers?: SimHeaders): SimResponse {
  const body: ErrorCollection = { errorMessages: [...errorMessages], errors: { ...errors } };
  return headers === undefined ? { status, body } : { status, headers, body };
}

/** Throws a platform error answer. */
export function failJira(status: number, errorMessages: readonly string[] = [], errors: Readonly<Record<string, string>> = {}): never {
  throw new SimResponseError(jiraError(status, errorMessages, errors));
}

/** Throws 400 with field errors (`{"errorMessages":[],"errors":{field: message}}`). */
export function failFields(errors: Readonly<Record<string, string>>): never {
  failJira(400, [], errors);
}

/** Jira's 404 for a path no resource answers (`null for uri: …`): the router's answer to an unknown route. */
export function unknownRoute(url: string, path: string): SimResponse {
  return jiraError(404, [`null for uri: ${url}${path}`]);
}

/** Throws Jira's 404 for an issue. */
export function failIssueNotFound(): never {
  failJira(404, [ISSUE_NOT_FOUND]);
}

/** A JSM error answer. */
export function jsmError(status: number, errorMessage: string, i18nKey: string, parameters: readonly string[] = []): SimResponse {
  return { status, body: { errorMessage, i18nErrorMessage: { i18nKey, parameters: [...parameters] } } };
}

/** Throws a JSM error answer. */
export function failJsm(status: number, errorMessage: string, i18nKey: string, parameters: readonly string[] = []): never {
  throw new SimResponseError(jsmError(status, errorMessage, i18nKey, parameters));
}

/** Jira's 403 for a form or multipart POST without `X-Atlassian-Token: no-check`. */
export function xsrfFailed(): SimResponse {
  return { status: 403, headers: { 'content-type': 'text/plain;charset=UTF-8' }, body: 'XSRF check failed' };
}

/** Jira's 401, with `X-Seraph-LoginReason: AUTHENTICATED_FAILED` when credentials were sent but wrong. */
export function notAuthenticated(credentialsFailed: boolean): SimResponse {
  return {
    status: 401,
    headers: {
      'content-type': 'text/plain;charset=UTF-8',
      ...(credentialsFailed ? { 'x-seraph-loginreason': 'AUTHENTICATED_FAILED' } : {}),
    },
    body: NOT_AUTHENTICATED,
  };
}
