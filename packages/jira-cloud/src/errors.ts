/**
 * How Jira's failures are read: the provider hooks the transport calls (`describeError` for every
 * failed response, `inspectResponse` for a 2xx that is really a failure).
 *
 * - Platform error bodies `{"errorMessages": [...], "errors": {"field": "message"}}` and JSM's
 *   `{"errorMessage": "...", "i18nErrorMessage": {...}}` give `messages` and `fieldErrors`.
 * - `X-Seraph-LoginReason: AUTHENTICATED_FAILED` / `AUTHENTICATION_DENIED` means the credentials
 *   were refused: an `AuthenticationError`, even on a 200 (Jira then answers anonymously, e.g. an
 *   empty search) or a 403 (CAPTCHA after too many failed logins).
 * - `RateLimit-Reason` becomes `RateLimitError.reason`; when `Retry-After` is missing, Jira's ISO 8601
 *   `X-RateLimit-Reset` gives `retryAfterMs`.
 *
 * @module
 */
import { AuthenticationError, type ErrorDescription, type ResponseInfo } from '@itsm/core';

/** Values of `X-Seraph-LoginReason` that mean the credentials were not accepted. */
const REFUSED_LOGIN_REASONS = new Set(['AUTHENTICATED_FAILED', 'AUTHENTICATION_DENIED']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function texts(value: unknown): string[] {
  if (typeof value === 'string') return value.trim() ? [value.trim()] : [];
  if (Array.isArray(value)) return value.flatMap((item) => (typeof item === 'string' && item.trim() ? [item.trim()] : []));
  return [];
}

/**
 * The refusal reason in `X-Seraph-LoginReason`, when the header says the credentials were refused.
 *
 * @param headers - Response headers.
 */
export function refusedLoginReason(headers: Headers): string | undefined {
  const header = headers.get('x-seraph-loginreason');
  if (!header) return undefined;
  return header
    .split(',')
    .map((part) => part.trim().toUpperCase())
    .find((part) => REFUSED_LOGIN_REASONS.has(part));
}

function loginMessage(reason: string, headers: Headers): string {
  const denied = headers.get('x-authentication-denied-reason');
  if (reason === 'AUTHENTICATION_DENIED') {
    return `Jira denied the login (X-Seraph-LoginReason: AUTHENTICATION_DENIED${denied ? `; ${denied.split(';', 1)[0]?.trim()}` : ''}); too many failed logins can require a CAPTCHA to be solved in a browser`;
  }
  return 'Jira did not accept the credentials (X-Seraph-LoginReason: AUTHENTICATED_FAILED) and answered anonymously; check the email and API token (expired?)';
}

/** The wait in Jira's ISO 8601 `X-RateLimit-Reset`, used only when `Retry-After` is absent. */
function resetWait(headers: Headers, now: number): number | undefined {
  if (headers.has('retry-after')) return undefined;
  const reset = headers.get('x-ratelimit-reset');
  if (!reset || /^\d+$/.test(reset.trim())) return undefined;
  const time = Date.parse(reset);
  return Number.isNaN(time) ? undefined : Math.max(0, time - now);
}

/**
 * Describes a failed Jira response for the transport: messages and field errors from both body
 * shapes, `AuthenticationError` for refused logins, the rate-limit reason.
 *
 * @param response - The failed response.
 * @example
 * ```ts
 * describeJiraError({ status: 400, headers: new Headers(), method: 'POST', url,
 *   body: { errorMessages: [], errors: { summary: 'You must specify a summary of the issue.' } } });
 * // { messages: ['summary: You must specify a summary of the issue.'],
 * //   fieldErrors: { summary: ['You must specify a summary of the issue.'] } }
 * ```
 *
 * @category Errors
 */
export function describeJiraError(response: ResponseInfo): ErrorDescription | undefined {
  const { body, headers } = response;
  const messages: string[] = [];
  const fieldErrors: Record<string, string[]> = {};
  if (isRecord(body)) {
    messages.push(...texts(body.errorMessages), ...texts(body.errorMessage));
    if (isRecord(body.errors)) {
      for (const [field, value] of Object.entries(body.errors)) {
        const found = texts(value);
        if (found.length === 0) continue;
        fieldErrors[field] = found;
        messages.push(...found.map((text) => `${field}: ${text}`));
      }
    }
    // The gateway's own shape, e.g. {"code":401,"message":"Unauthorized; scope does not match"}.
    if (messages.length === 0) messages.push(...texts(body.message));
  }
  const text = typeof body === 'string' ? body : messages.join('\n');
  if (/scope does not match/i.test(text)) {
    messages.push('Scoped API tokens only work through https://api.atlassian.com/ex/jira/{cloudId}: set the cloudId option, and check the token has the scopes the call needs');
  }
  const description: ErrorDescription = {};
  if (messages.length > 0) description.messages = messages;
  if (Object.keys(fieldErrors).length > 0) description.fieldErrors = fieldErrors;
  const refused = refusedLoginReason(headers);
  if (response.status === 401 && !/scope does not match/i.test(text)) {
    description.hint = 'check the email and API token: the token must belong to that account and must not be expired or revoked (https://id.atlassian.com/manage-profile/security/api-tokens)';
  }
  if (refused && response.status !== 401) {
    description.errorClass = AuthenticationError;
    description.messages = [loginMessage(refused, headers), ...messages];
  }
  const reason = headers.get('ratelimit-reason') ?? headers.get('x-ratelimit-reason');
  if (reason) description.reason = reason;
  const wait = resetWait(headers, Date.now());
  if (wait !== undefined) description.retryAfterMs = wait;
  return Object.keys(description).length > 0 ? description : undefined;
}

/**
 * Flags a 2xx Jira response whose `X-Seraph-LoginReason` says the credentials were refused: Jira
 * served the request anonymously (an empty search, a public issue), which must not pass for success.
 *
 * @param response - The 2xx response.
 * @category Errors
 */
export function inspectJiraResponse(response: ResponseInfo): ErrorDescription | undefined {
  const refused = refusedLoginReason(response.headers);
  if (!refused) return undefined;
  return { errorClass: AuthenticationError, messages: [loginMessage(refused, response.headers)] };
}
