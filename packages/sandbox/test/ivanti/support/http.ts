/**
 * A tiny HTTP client for the Ivanti simulator tests: the `rest_api_key` header, the tenant's
 * `/HEAT` prefix, JSON in and out, raw access to status, headers, text and bytes.
 */
import type { Sandbox } from '../../../src/sandbox.js';

/** What a call answered. */
export interface Reply {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  readonly bytes: Uint8Array;
  /** The body parsed as JSON (`undefined` when it is empty or not JSON). */
  readonly json: unknown;
  /** The JSON body, typed as the caller expects it (tests then assert on it). */
  body<T>(): T;
}

/** Options of a call. */
export interface CallOptions {
  readonly json?: unknown;
  readonly body?: RequestInit['body'];
  readonly headers?: Record<string, string>;
  /** `false` sends no Authorization header; a string is sent as the whole header value; `{ key }` sends `rest_api_key=<key>`. */
  readonly auth?: false | string | { readonly key: string };
  /** Override the path prefix (default: the tenant's `settings.basePath`). */
  readonly prefix?: string;
}

/** A caller of the sandbox's Ivanti simulator, with the sandbox's key unless told otherwise. */
export function ivanti(sb: Sandbox) {
  const base = sb.url('ivanti');
  const credentials = sb.credentials.ivanti;
  return async function call(method: string, path: string, options: CallOptions = {}): Promise<Reply> {
    const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
    const auth = options.auth ?? { key: credentials.apiKey ?? '' };
    if (typeof auth === 'string') headers.authorization = auth;
    else if (auth !== false) headers.authorization = `rest_api_key=${auth.key}`;
    let body = options.body;
    if (options.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.json);
    }
    const prefix = options.prefix ?? sb.state('ivanti').settings.basePath;
    const response = await fetch(`${base}${prefix}${path}`, { method, headers, body, redirect: 'manual' });
    const bytes = new Uint8Array(await response.arrayBuffer());
    const text = new TextDecoder().decode(bytes);
    let json: unknown;
    try {
      json = text === '' ? undefined : JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: response.status, headers: response.headers, text, bytes, json, body: <T>() => json as T };
  };
}

/** `encodeURIComponent` for a query value. */
export function q(value: string): string {
  return encodeURIComponent(value);
}

/** An OData collection page. */
export interface Page<T = Record<string, unknown>> {
  readonly '@odata.context': string;
  readonly '@odata.count': number;
  readonly value: T[];
}
