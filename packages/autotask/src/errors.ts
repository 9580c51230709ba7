/**
 * How Autotask's failures are read: the `describeError` hook the transport calls for every failed
 * response. Autotask answers most failures with HTTP 500, so the class of an error comes from its
 * text as much as from its status:
 *
 * | answer | error | outcome of a write | retried (reads) |
 * |---|---|---|---|
 * | 500 `Zone information could not be determined` | `AuthenticationError` (unknown user name) | not applied | no |
 * | 500 `IntegrationCode is invalid.` | `AuthenticationError` (tracking identifier) | not applied | no |
 * | 401 | `AuthenticationError` (secret) | not applied | no |
 * | 500 `… does not have the adequate permissions` | `PermissionError` | not applied | no |
 * | 500 thread threshold `Itgenatr005` (any status) | `RateLimitError`, `reason: 'thread-limit'` | not applied | yes |
 * | 429 (hourly threshold) | `RateLimitError`, `Retry-After` honoured | not applied | yes |
 * | 500 `No matching records found` | `NotFoundError` | not applied | no |
 * | other 500 with `{"errors": [...]}` | `ValidationError` (Autotask refused the request) | not applied | no |
 * | 500 without Autotask's error body | `ServerError` | unknown | yes |
 * | 404 IIS HTML page | `NotFoundError` (no such route) | not applied | no |
 * | 405 `{"Message": ...}` | `ApiError` (method not supported) | not applied | no |
 *
 * Autotask's own text is kept verbatim in `messages`: `{"errors": [...]}`, ASP.NET's
 * `{"Message": ...}`, or the first line of a plain-text body.
 *
 * @module
 */
import {
  AuthenticationError,
  NotFoundError,
  PermissionError,
  RateLimitError,
  ValidationError,
  type ErrorDescription,
  type ResponseInfo,
} from '@itsm/core';

/**
 * The code of Autotask's thread-limit error.
 *
 * @category Errors
 */
export const THREAD_LIMIT_ERROR_CODE = 'Itgenatr005';

/**
 * The `reason` of a `RateLimitError` for Autotask's thread limit (3 requests in flight per endpoint).
 *
 * @category Errors
 */
export const THREAD_LIMIT_REASON = 'thread-limit';

/**
 * The `reason` of a `RateLimitError` for Autotask's hourly request threshold (429).
 *
 * @category Errors
 */
export const HOURLY_THRESHOLD_REASON = 'hourly-threshold';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function texts(value: unknown): string[] {
  if (typeof value === 'string') return value.trim() ? [value] : [];
  if (Array.isArray(value)) return value.flatMap((item) => (isRecord(item) ? texts(item.message ?? item.Message) : texts(item)));
  return [];
}

/** Whether a body is an HTML page (IIS's 404, a proxy's error page). */
function isHtml(body: unknown): boolean {
  return typeof body === 'string' && /^\s*</.test(body);
}

/**
 * The messages of an Autotask error body, verbatim: `{"errors": [...]}` (Autotask's own),
 * `{"Message": ..., "MessageDetail": ...}` (ASP.NET Web API's), `{"message": ...}`, or the first
 * line of a plain-text body. An HTML page gives none.
 *
 * @param body - The parsed body (JSON) or its text.
 * @example
 * ```ts
 * autotaskMessages({ errors: ['IntegrationCode is invalid.'] }); // ['IntegrationCode is invalid.']
 * autotaskMessages({ Message: "The requested resource does not support http method 'GET'." });
 * ```
 *
 * @category Errors
 */
export function autotaskMessages(body: unknown): string[] {
  if (typeof body === 'string') {
    if (isHtml(body)) return [];
    const line = body.trim().split('\n', 1)[0]?.trim() ?? '';
    return line ? [line.slice(0, 500)] : [];
  }
  if (!isRecord(body)) return [];
  const own = texts(body.errors);
  if (own.length > 0) return own;
  const web = [...texts(body.Message), ...texts(body.MessageDetail)];
  if (web.length > 0) return web;
  return texts(body.message);
}

/** Whether a body is Autotask's own error answer, `{"errors": [...]}` with at least one message. */
function isAutotaskRefusal(body: unknown): boolean {
  return isRecord(body) && texts(body.errors).length > 0;
}

/**
 * Describes a failed Autotask response for the transport: its messages, the error class its text
 * means, whether a write it answered changed anything, whether it may be retried, and what to do.
 * See the module documentation for the table.
 *
 * @param response - The failed response.
 * @example
 * ```ts
 * describeAutotaskError({ status: 500, headers: new Headers(), method: 'GET', url: 'https://webservices5.autotask.net/ATServicesRest/V1.0/Tickets/1',
 *   body: { errors: ['IntegrationCode is invalid.'] } });
 * // { messages: ['IntegrationCode is invalid.'], errorClass: AuthenticationError, outcome: 'not_applied', hint: '…' }
 * ```
 *
 * @category Errors
 */
export function describeAutotaskError(response: ResponseInfo): ErrorDescription {
  const { status, body } = response;
  const messages = autotaskMessages(body);
  const text = messages.join('\n');
  const description: ErrorDescription = messages.length > 0 ? { messages } : {};
  const refused = (fields: ErrorDescription): ErrorDescription => ({ ...description, outcome: 'not_applied', ...fields });

  if (text.includes(THREAD_LIMIT_ERROR_CODE) || /thread threshold/i.test(text)) {
    return refused({
      errorClass: RateLimitError,
      reason: THREAD_LIMIT_REASON,
      retry: true,
      hint: 'Autotask allows 3 requests in flight per entity endpoint and integration; the client waits for its own 3 slots, so another process with the same tracking identifier is using them',
    });
  }
  if (/Zone information could not be determined/i.test(text)) {
    return refused({
      errorClass: AuthenticationError,
      hint: "Autotask could not place this API user name: check the username option (the API user's Username (Key), in the Credentials section of the API user in Autotask)",
    });
  }
  if (/IntegrationCode is invalid/i.test(text)) {
    return refused({
      errorClass: AuthenticationError,
      hint: "Autotask did not accept the tracking identifier: check the trackingId option (the API Tracking Identifier section of the API user: the integration vendor's, or a custom one)",
    });
  }
  if (status === 401) {
    return refused({
      hint: 'Autotask refused the credentials: check the secret of the API user (Credentials section; generate a new one if unsure), and that the API user is active',
    });
  }
  if (/does not have the adequate permissions/i.test(text)) {
    return refused({ errorClass: PermissionError, hint: "the API user's security level does not allow this; give it a security level such as \"API User (system)\"" });
  }
  if (status === 429) {
    return refused({ reason: HOURLY_THRESHOLD_REASON, hint: 'the database used its 10,000 requests of the last 60 minutes (all integrations together); calls are refused until usage falls' });
  }
  if (/No matching records found/i.test(text)) {
    return refused({ errorClass: NotFoundError });
  }
  if (status === 404 && isHtml(body)) {
    return refused({
      messages: ['Autotask has no such endpoint (it answered with a 404 page)'],
      hint: 'some entities are written only through their parent: notes at /Tickets/{id}/Notes, attachments at /Tickets/{id}/Attachments, contacts at /Companies/{id}/Contacts',
    });
  }
  if (status >= 500 && isAutotaskRefusal(body)) {
    return refused({ errorClass: ValidationError, retry: false });
  }
  return description;
}
