/**
 * A tiny HTTP client for the Autotask simulator tests: the three authentication headers, JSON in and
 * out, raw access to status, headers and text.
 */
import type { Sandbox } from '../../../src/sandbox.js';

/** What a call answered. */
export interface Reply {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  /** The body parsed as JSON (`undefined` when it is not JSON). */
  readonly json: unknown;
  /** The JSON body, typed as the caller expects it (tests then assert on it). */
  body<T>(): T;
}

/** Options of a call. */
export interface CallOptions {
  readonly json?: unknown;
  /** Extra headers; a header set to `undefined` is not sent (to drop an authentication header). */
  readonly headers?: Record<string, string | undefined>;
}

/** The page shape of queries. */
export interface QueryPage<T = Record<string, unknown>> {
  readonly items: T[];
  readonly pageDetails: { count: number; requestCount: number; prevPageUrl: string | null; nextPageUrl: string | null };
}

/** A caller of the sandbox's Autotask simulator, as the API user unless told otherwise; `path` is relative to the origin or absolute. */
export function autotask(sb: Sandbox) {
  const base = sb.url('autotask');
  const { username = '', secret = '', trackingId = '' } = sb.credentials.autotask;
  return async function call(method: string, path: string, options: CallOptions = {}): Promise<Reply> {
    const merged: Record<string, string | undefined> = { accept: 'application/json', UserName: username, Secret: secret, ApiIntegrationCode: trackingId, ...options.headers };
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(merged)) if (value !== undefined) headers[name] = value;
    let body: string | undefined;
    if (options.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.json);
    }
    const url = path.startsWith('http') ? path : `${base}${path}`;
    const response = await fetch(url, { method, headers, body, redirect: 'manual' });
    const text = await response.text();
    let json: unknown;
    try {
      json = text === '' ? undefined : JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: response.status, headers: response.headers, text, json, body: <T>() => json as T };
  };
}

/** The REST path of `rest` (`Tickets/query`). */
export function api(rest: string): string {
  return `/ATServicesRest/V1.0/${rest}`;
}

/** A GET query path with `search`. */
export function search(entity: string, query: unknown, suffix = 'query'): string {
  return `${api(`${entity}/${suffix}`)}?search=${encodeURIComponent(JSON.stringify(query))}`;
}
