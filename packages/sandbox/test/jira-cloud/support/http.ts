/**
 * A tiny HTTP client for the Jira simulator tests: Basic auth, JSON in and out, raw access to
 * status, headers and text.
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
  readonly body?: RequestInit['body'];
  readonly headers?: Record<string, string>;
  /** `false` sends no Authorization header; a pair sends those credentials. */
  readonly auth?: false | { readonly email: string; readonly apiToken: string };
  readonly redirect?: RequestInit['redirect'];
}

/** Basic auth header value. */
export function basic(email: string, token: string): string {
  return `Basic ${Buffer.from(`${email}:${token}`, 'utf8').toString('base64')}`;
}

/** A caller of the sandbox's Jira simulator, as the service account unless told otherwise. */
export function jira(sb: Sandbox) {
  const base = sb.url('jira-cloud');
  const credentials = sb.credentials['jira-cloud'];
  return async function call(method: string, path: string, options: CallOptions = {}): Promise<Reply> {
    const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
    const auth = options.auth ?? { email: credentials.email ?? '', apiToken: credentials.apiToken ?? '' };
    if (auth !== false) headers.authorization = basic(auth.email, auth.apiToken);
    let body = options.body;
    if (options.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.json);
    }
    const response = await fetch(`${base}${path}`, { method, headers, body, redirect: options.redirect ?? 'manual' });
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

/** A one-paragraph ADF document. */
export function doc(text: string) {
  return { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] };
}
