/**
 * Request-reading helpers shared by the routes: JSON bodies with Jira's parse errors, query
 * parameters as Jira reads them (comma lists, repeated keys, booleans, integers), and the XSRF rule.
 *
 * @module
 */
import { SimResponseError, type SimRequest } from '../simulator.js';
import { failJira, failJsm, xsrfFailed } from './errors.js';

/** Which error shape a helper should answer with. */
export type ErrorFlavour = 'platform' | 'jsm';

/** A JSON object body. */
export type JsonObject = Record<string, unknown>;

/** Whether a value is a plain JSON object. */
export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The body as a JSON object. An empty body, malformed JSON or a non-object answer 400 the way Jira's
 * JSON reader does ("No content to map due to end-of-input", "Unexpected character ...").
 */
export function readJsonObject(request: SimRequest, flavour: ErrorFlavour = 'platform'): JsonObject {
  const fail = (message: string): never =>
    flavour === 'platform' ? failJira(400, [message]) : failJsm(400, message, 'sd.request.body.invalid');
  const text = request.text();
  if (text.trim() === '') return fail('No content to map due to end-of-input');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return fail(`Unexpected character in the JSON body: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!isObject(value)) return fail('Can not deserialize instance of the request body out of a non-object JSON value');
  return value;
}

/** The values of a query parameter given as a comma list and/or repeated (`fields=a,b&fields=c`). */
export function listParam(query: URLSearchParams, name: string): string[] | undefined {
  const values = query.getAll(name);
  if (values.length === 0) return undefined;
  return values.flatMap((value) => value.split(',')).map((value) => value.trim()).filter((value) => value !== '');
}

/** A boolean query parameter (`true`/`false`, any case); `fallback` when absent or unreadable. */
export function boolParam(query: URLSearchParams, name: string, fallback: boolean): boolean {
  const value = query.get(name);
  if (value === null) return fallback;
  if (/^true$/iu.test(value)) return true;
  if (/^false$/iu.test(value)) return false;
  return fallback;
}

/** An integer query parameter; `fallback` when absent; 400 when it is not an integer. */
export function intParam(query: URLSearchParams, name: string, fallback: number, flavour: ErrorFlavour = 'platform'): number {
  const value = query.get(name);
  if (value === null || value === '') return fallback;
  if (!/^-?\d+$/u.test(value.trim())) {
    const message = `The '${name}' parameter must be an integer (got '${value}').`;
    return flavour === 'platform' ? failJira(400, [message]) : failJsm(400, message, 'sd.request.param.invalid', [name]);
  }
  return Number(value);
}

const FORM_TYPES = ['multipart/form-data', 'application/x-www-form-urlencoded', 'text/plain'];

/**
 * Jira's XSRF rule: a state-changing request whose content type a browser form could send
 * (multipart, url-encoded, text/plain) is refused with 403 "XSRF check failed" unless it carries
 * `X-Atlassian-Token: no-check`.
 */
export function checkXsrf(request: SimRequest): void {
  if (request.method === 'GET' || request.method === 'HEAD' || request.method === 'OPTIONS') return;
  const type = (request.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (!FORM_TYPES.includes(type)) return;
  if ((request.header('x-atlassian-token') ?? '').toLowerCase() === 'no-check') return;
  throw new SimResponseError(xsrfFailed());
}
