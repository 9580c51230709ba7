/**
 * How Ivanti's failures are read: the provider hooks the transport calls (`describeError` for every
 * failed response, `inspectResponse` for a 2xx that is really a failure).
 *
 * - Error bodies are `{"code": "ISM_4000", "description": "…", "message": ["…"] | "…", "help": ""}`.
 * - A missing record is a **400** `ISM_4000` ("Invalid key", "Record 'X' cannot be found in the
 *   business object 'incident'"), never a 404: it becomes a `NotFoundError`. A 404 (`ISM_4004`) is a
 *   wrong path or business-object name.
 * - "Role X does not have rights to …" (400) is a `PermissionError`; a prompt-gated status change
 *   (`DataLayer.PromptException`) a {@link PromptRequiredError}; an upload answered with HTTP 300
 *   an {@link AttachmentUploadError}.
 * - A 200 that is a failure: a service-request submit with `IsSuccess: false`, an upload in which a
 *   file says `IsUploaded: false`, a quick action whose `validationErrors` hold messages.
 * - Unhandled 500s can carry the session id, tenant id, login, host and client address of the
 *   server (JSON inside a string, HTML-escaped): they are removed from the messages and the body.
 *
 * @module
 */
import { AuthenticationError, NotFoundError, PermissionError, ValidationError, type ErrorDescription, type ResponseInfo } from '@itsm/core';
import { AttachmentUploadError, PromptRequiredError, uploadResults } from './error-classes.js';

/** Internals that unhandled Ivanti errors leak, removed from what errors keep. */
const LEAKED_KEYS = ['SessionId', 'SessionKey', 'TenantId', 'LoginId', 'Hostname', 'HostName', 'ServiceName', 'ClientIpAddress', 'IpAddress'];

const LEAK = new RegExp(
  `((?:${LEAKED_KEYS.join('|')})(?:&quot;|\\\\?")?\\s*[:=]\\s*(?:&quot;|\\\\?")?)([^"&,;}\\s\\\\]*)`,
  'g',
);

/**
 * The marker that replaces a leaked internal.
 *
 * @category Errors
 */
export const SCRUBBED = '[removed]';

/**
 * Removes the server internals an unhandled Ivanti error can leak (session id, tenant id, login,
 * host name, service name, client address) from a text, an array or an object's string values.
 *
 * @param value - A message or a body.
 * @example
 * ```ts
 * scrubIvantiInternals('Unhandled system exception: {&quot;SessionId&quot;:&quot;tenant#ABC#2&quot;}');
 * // 'Unhandled system exception: {&quot;SessionId&quot;:&quot;[removed]&quot;}'
 * ```
 *
 * @category Errors
 */
export function scrubIvantiInternals<T>(value: T): T {
  if (typeof value === 'string') return value.replace(LEAK, (_match, key: string, leaked: string) => (leaked === '' ? key : `${key}${SCRUBBED}`)) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => scrubIvantiInternals(item)) as T;
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, LEAKED_KEYS.includes(key) ? SCRUBBED : scrubIvantiInternals(item)])) as T;
  }
  return value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function texts(value: unknown): string[] {
  if (typeof value === 'string') return value.trim() === '' ? [] : [value.trim()];
  if (Array.isArray(value)) return value.flatMap(texts);
  if (isRecord(value)) return texts(value.value ?? value.message);
  return [];
}

/** The messages of an Ivanti error body (or of the OData and ASP.NET shapes some endpoints use). */
function messagesOf(body: unknown): string[] {
  if (typeof body === 'string') {
    const line = body.trim().split('\n', 1)[0]?.trim() ?? '';
    return line === '' || line.startsWith('<') ? [] : [line.slice(0, 500)];
  }
  if (!isRecord(body)) return [];
  const found = texts(body.message);
  if (found.length > 0) return found;
  if (isRecord(body.error)) return texts(body.error.message);
  return [...texts(body.Message), ...texts(body.ErrorText), ...texts(body.description)].slice(0, 1);
}

/** `Required field Incident.Description value must be provided.` → `{ 'Incident.Description': [message] }`. */
function requiredFields(messages: readonly string[]): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  for (const message of messages) {
    const field = /(?:Required|Mandatory) field\s+"?([A-Za-z0-9_. #]+?)"?\s+value must be provided/i.exec(message)?.[1];
    if (field !== undefined) (fields[field] ??= []).push(message);
  }
  return fields;
}

const NOT_FOUND = [/^invalid key\b/i, /cannot be found/i, /\bnot found\b/i, /\brecord\b.*\bdoes not exist\b/i];

const KEY_HINT =
  'check the apiKey option: it must be the Reference ID of an activated REST API key (Configuration console → Security Controls → API Keys), ' +
  'allowed from this IP address if the key group has an IP allowlist, and the baseUrl must be the tenant (with /HEAT where the tenant has it)';

/**
 * Describes a failed Ivanti response for the transport: messages, required fields, and the error
 * class Ivanti's status does not tell (see the module documentation).
 *
 * @param response - The failed response.
 * @example
 * ```ts
 * describeIvantiError({ status: 400, headers: new Headers(), method: 'GET', url,
 *   body: { code: 'ISM_4000', description: 'Invalid Request Payload', message: ['Invalid key'], help: '' } });
 * // { messages: ['Invalid key'], errorClass: NotFoundError, body: { … } }
 * ```
 *
 * @category Errors
 */
export function describeIvantiError(response: ResponseInfo): ErrorDescription | undefined {
  const { status } = response;
  const body = scrubIvantiInternals(response.body);
  const messages = messagesOf(body);
  const text = typeof body === 'string' ? body : JSON.stringify(body ?? '');
  const description: ErrorDescription = { body, messages };
  const fieldErrors = requiredFields(messages);
  if (Object.keys(fieldErrors).length > 0) description.fieldErrors = fieldErrors;

  const files = uploadResults(body);
  if (files !== undefined) {
    const refused = files.filter((file) => !file.uploaded);
    const stored = files.filter((file) => file.uploaded);
    description.errorClass = AttachmentUploadError;
    description.messages = refused.map((file) => `${file.fileName}: ${file.message || 'refused'}`);
    description.hint = stored.length === 0
      ? 'no file was stored'
      : `${stored.length} of ${files.length} files were stored and are attached (${stored.map((file) => file.fileName).join(', ')}): do not upload them again`;
    return description;
  }
  if (status === 401) {
    description.errorClass = AuthenticationError;
    description.hint = KEY_HINT;
  } else if (/DataLayer\.PromptException/.test(text)) {
    description.errorClass = PromptRequiredError;
    description.hint = 'Ivanti asks for this change through a prompt: set the prompted fields in the same write (for an incident usually Resolution and CauseCode), or run the quick action that carries the prompt (e.g. Close_Incident)';
  } else if (status === 400 && messages.some((message) => /does not have rights to/i.test(message))) {
    description.errorClass = PermissionError;
    description.hint = "give the API key's role (In Role) the permission in Configuration console → Users and Permissions → Roles and Permissions, without conditions on the object permissions";
  } else if (status === 400 && messages.some((message) => NOT_FOUND.some((pattern) => pattern.test(message)))) {
    description.errorClass = NotFoundError;
  } else if (status === 404) {
    description.hint = 'check the business object name (the entity set is the name plus "s": incidents, servicereqs, journal__notess) and the base URL (/HEAT where the tenant has it)';
  } else if (status === 500 && (isRecord(body) ? texts(body.message) : messages).length === 0) {
    description.hint = 'Ivanti answers a 500 without a message when a value is not in its validation list (e.g. a Category, Status or Cause Code the tenant does not have)';
  }
  return description;
}

/**
 * Flags a 2xx Ivanti response that is really a failure: a service-request submit with
 * `IsSuccess: false`, an upload in which a file was not stored, a quick action whose
 * `validationErrors` hold messages (or that answers `status: 'error'`).
 *
 * @param response - The 2xx response.
 * @category Errors
 */
export function inspectIvantiResponse(response: ResponseInfo): ErrorDescription | undefined {
  const { body } = response;
  const files = uploadResults(body);
  if (files !== undefined) return files.every((file) => file.uploaded) ? undefined : describeIvantiError(response);
  if (!isRecord(body)) return undefined;
  if (body.IsSuccess === false) {
    const messages = [...texts(body.ErrorText), ...texts(body.Message)];
    return { errorClass: ValidationError, messages: messages.length > 0 ? messages : ['Ivanti answered IsSuccess: false without an ErrorText'] };
  }
  const fieldErrors = quickActionErrors(body.validationErrors);
  if (Object.keys(fieldErrors).length > 0) {
    return {
      errorClass: ValidationError,
      fieldErrors,
      messages: Object.entries(fieldErrors).flatMap(([field, list]) => list.map((message) => `${field}: ${message}`)),
    };
  }
  if (typeof body.status === 'string' && body.status.toLowerCase() === 'error') {
    const messages = texts(body.message ?? body.Message);
    return { errorClass: ValidationError, messages: messages.length > 0 ? messages : ['the quick action answered status "error"'] };
  }
  return undefined;
}

/** `validationErrors[recId].fieldErrors[field].fieldMessages[]` → messages by field. */
function quickActionErrors(value: unknown): Record<string, string[]> {
  const found: Record<string, string[]> = {};
  if (!isRecord(value)) return found;
  for (const record of Object.values(value)) {
    if (!isRecord(record)) continue;
    const fields = isRecord(record.fieldErrors) ? record.fieldErrors : {};
    for (const [field, detail] of Object.entries(fields)) {
      const messages = isRecord(detail) ? texts(detail.fieldMessages) : texts(detail);
      if (messages.length > 0) (found[field] ??= []).push(...messages);
    }
    const general = texts(record.messages ?? record.errors);
    if (general.length > 0) (found[''] ??= []).push(...general);
  }
  return found;
}
